import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { GMAIL, LINKEDIN, OUTLOOK, type SiteReader, captureSite } from '@/lib/extract';
import { answerCaptures } from '@/lib/site-content-script';
import { loadFixture } from './load-fixture';

const READERS: [RegExp, SiteReader][] = [
  [/^linkedin-/, LINKEDIN],
  [/^gmail-/, GMAIL],
  [/^outlook-/, OUTLOOK],
];
const siteFixtures = readdirSync(new URL('../fixtures/', import.meta.url)).flatMap((name) => {
  const reader = READERS.find(([pattern]) => pattern.test(name))?.[1];
  return reader ? [[name, reader] as const] : [];
});

/** The content script on a fixture page, with its idle callbacks held until `idle` runs them. */
function onPage(name: string, reader: SiteReader) {
  const { document, url } = loadFixture(name);
  const pending: (() => void)[] = [];
  vi.stubGlobal('document', document);
  vi.stubGlobal('location', new URL(url));
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => pending.push(callback));
  answerCaptures(reader);
  /** One idle period: the callbacks asked for before it. */
  const idle = () => {
    for (const callback of pending.splice(0)) callback();
  };
  const ask = async () => {
    const popup = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') };
    const [answer] = await fakeBrowser.runtime.onMessage.trigger({ type: 'capture:get', payload: {} }, popup);
    return answer;
  };
  return { document, url, pending, idle, ask };
}

describe('a site content script', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.unstubAllGlobals());

  it('reads the page in one idle period and runs the sample patterns in a later one, answering nothing', async () => {
    const reader = { ...LINKEDIN, extract: vi.fn(LINKEDIN.extract), warmUp: vi.fn(LINKEDIN.warmUp) };
    const page = onPage('linkedin-2026.html', reader);
    expect(reader.extract).not.toHaveBeenCalled();
    page.idle();
    expect(reader.extract).toHaveBeenCalledExactlyOnceWith(page.document, page.url);
    expect(reader.warmUp).not.toHaveBeenCalled();
    while (page.pending.length > 0) page.idle();
    expect(reader.warmUp).toHaveBeenCalledOnce();

    expect(await page.ask()).toEqual({ ok: true, value: captureSite(LINKEDIN, page.document, page.url) });
    expect(reader.extract).toHaveBeenCalledTimes(2);
  });

  for (const [name, reader] of siteFixtures) {
    it(`${name}: what it does at idle throws nothing and leaves the page and the answer as they were`, async () => {
      const page = onPage(name, reader);
      const before = page.document.documentElement.outerHTML;
      const answer = captureSite(reader, page.document, page.url);
      while (page.pending.length > 0) page.idle();
      expect(page.document.documentElement.outerHTML).toBe(before);
      expect(await page.ask()).toEqual({ ok: true, value: answer });
    });
  }
});
