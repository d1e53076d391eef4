// The site content scripts as shipped: each answers the popup's capture:get on its own site with
// exactly what capturePage reads from the same page, and each stays small, because they load on
// every LinkedIn, Gmail and Outlook page the user opens.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { JSDOM } from 'jsdom';
import { capturePage } from '../../lib/extract';
import { EXTENSION_DIR } from '../../scripts/chromium.mjs';
import { expect, expectPrefilled, field, fixtureUrl, openFixture, test } from './harness';

const CONTENT_SCRIPTS_DIR = join(EXTENSION_DIR, 'content-scripts');
const MAX_GZIP_BYTES = 15 * 1024;

function fixture(file: string) {
  const html = readFileSync(join('tests/fixtures', file), 'utf8');
  const url = fixtureUrl(file);
  return { url, expected: capturePage(new JSDOM(html, { url }).window.document, url) };
}

const SITES = [
  { file: 'linkedin-2023.html', firstName: 'Rosa Lindqvist' },
  { file: 'gmail-single.html', firstName: 'Priya Natarajan' },
  { file: 'outlook-en.html', firstName: 'Grace Mbeki' },
];

/** The tab's content script's answer to capture:get, asked from an extension page; undefined when nothing answers. */
const askTab = (extensionPage: Page, tabId: number) =>
  extensionPage.evaluate(
    (id) => chrome.tabs.sendMessage(id, { type: 'capture:get', payload: {} }, { frameId: 0 }).catch(() => undefined),
    tabId,
  );

for (const { file, firstName } of SITES) {
  test(`the content script on ${file} answers capture:get as capturePage reads the page`, async ({ kith }) => {
    const { url, expected } = fixture(file);
    expect(expected.people[0]?.name).toBe(firstName);
    // Routes match the address the browser requests, which never carries the #fragment.
    await kith.serve(url.split('#')[0], { file });
    const page = await kith.open(url);
    const tabId = await kith.tabIdOf(page);
    const dashboard = await kith.openDashboard();
    // The content script starts at document_idle; until then the tab has no listener.
    await expect.poll(() => askTab(dashboard, tabId)).toBeDefined();
    expect(await askTab(dashboard, tabId)).toEqual({ ok: true, value: JSON.parse(JSON.stringify(expected)) });
  });
}

test("the site's own scripts hear nothing from Kith's content script, so they cannot tell it is installed", async ({ kith }) => {
  const dashboard = await kith.openDashboard();
  for (const { file } of SITES) {
    const { url } = fixture(file);
    // The page's first script listens, as a site's fingerprinting would, for every message posted
    // to its window, and for the event WXT's own context sends each content script's start, named
    // with the extension's id (lib/quiet-content-script-context.ts).
    const started = ['linkedin', 'gmail', 'outlook'].map((name) => `${kith.extensionId}:${name}:wxt:content-script-started`);
    const listening = `<script>window.heard = []; addEventListener("message", (event) => heard.push(event.data)); for (const type of ${JSON.stringify(started)}) document.addEventListener(type, () => heard.push(type));</script>`;
    const html = readFileSync(join('tests/fixtures', file), 'utf8').replace(/<head>/i, `<head>${listening}`);
    expect(html, file).toContain(listening);
    await kith.serve(url.split('#')[0], { html });
    const page = await kith.open(url);
    const tabId = await kith.tabIdOf(page);
    await expect.poll(() => askTab(dashboard, tabId)).toMatchObject({ ok: true });
    expect(await page.evaluate(() => (window as unknown as { heard: unknown[] }).heard), file).toEqual([]);
    await page.close();
  }
});

test('a LinkedIn tab open since before Kith was updated is read all the same: its content script is loaded when asked', async ({ kith }) => {
  const profile = await openFixture(kith, 'linkedin-2026.html');
  const tabId = await kith.tabIdOf(profile);
  const dashboard = await kith.openDashboard();
  await expect.poll(() => askTab(dashboard, tabId)).toBeDefined();

  // Chrome does not load content scripts into tabs that were open before an update.
  await kith.updateExtension();
  expect(await kith.tabIdOf(profile)).toBe(tabId);
  const afterUpdate = await kith.openDashboard();
  expect(await askTab(afterUpdate, tabId)).toBeUndefined();
  const popup = await kith.openPopup(profile);
  await expectPrefilled(popup, { Name: 'Kenji Morales' });
  // Read by the LinkedIn reader (the page has no markup the capture script reads), which stays.
  await expect(field(popup, 'Title')).not.toHaveValue('');
  expect(await askTab(afterUpdate, tabId)).toMatchObject({ ok: true, value: { people: [{ name: 'Kenji Morales', source: 'linkedin' }] } });
});

test('each content script is under 15 KB gzip, carries neither webextension-polyfill nor zod, sends the page nothing, and is compiled whole as it loads', () => {
  const names = readdirSync(CONTENT_SCRIPTS_DIR).filter((name) => name.endsWith('.js'));
  expect(names.sort()).toEqual(['gmail.js', 'linkedin.js', 'outlook.js']);
  for (const name of names) {
    const code = readFileSync(join(CONTENT_SCRIPTS_DIR, name));
    expect(gzipSync(code).length, `${name} gzip bytes`).toBeLessThan(MAX_GZIP_BYTES);
    // The polyfill's own error text; its presence would mean the per-entrypoint alias broke.
    expect(code.toString(), name).not.toContain('This script should only be loaded in a browser extension');
    // zod's schemas, and PageCapture's own messages: a content script parses nothing
    // (answerEmptyRequest), and building schemas in the page would cost every load of the site.
    for (const zodOnly of ['ZodMini', 'Only http(s) links are kept']) expect(code.toString(), name).not.toContain(zodOnly);
    // Nothing is sent into the page, which could tell from it that Kith is installed.
    for (const toThePage of ['dispatchEvent', 'postMessage']) expect(code.toString(), name).not.toContain(toThePage);
    // Nearly all of it runs once the page is idle, so V8 compiles it whole as it loads.
    expect(code.toString().startsWith('//# allFunctionsCalledOnLoad\n'), name).toBe(true);
  }
});

test('the capture script injected into other pages carries no zod and no site extractor, sends the page nothing, and is compiled whole as it loads', () => {
  const code = readFileSync(join(EXTENSION_DIR, 'capture-page.js'), 'utf8');
  expect(code, 'the capture script itself').toContain('application/ld+json');
  expect(code).not.toContain('ZodMini');
  // Selectors only the LinkedIn, Gmail and Outlook readers use.
  for (const siteOnly of ['pv-top-card', 'data-legacy-thread-id', 'UniqueMessageBody_']) expect(code).not.toContain(siteOnly);
  for (const toThePage of ['dispatchEvent', 'postMessage']) expect(code).not.toContain(toThePage);
  expect(code.startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
});
