import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GMAIL, LINKEDIN, OUTLOOK, capturePage, captureSite } from '@/lib/extract';
import { loadFixture } from './load-fixture';

// Each site's content script captures through its own reader only (so it does not ship the
// other extractors); on that site's pages the answer must be exactly capturePage's.
const SITE_OF_FIXTURE = [
  [/^linkedin-/, LINKEDIN],
  [/^gmail-/, GMAIL],
  [/^outlook-/, OUTLOOK],
] as const;

const fixtures = readdirSync(new URL('../fixtures/', import.meta.url)).filter((name) => name.endsWith('.html'));

describe('site readers', () => {
  it('covers a fixture of every site', () => {
    for (const [pattern] of SITE_OF_FIXTURE) expect(fixtures.some((name) => pattern.test(name))).toBe(true);
  });

  for (const name of fixtures) {
    const site = SITE_OF_FIXTURE.find(([pattern]) => pattern.test(name))?.[1];
    it(`${name}: ${site ? 'its site reader answers as capturePage' : 'no site reader claims it'}`, () => {
      const { document, url } = loadFixture(name);
      const claimedBy = [LINKEDIN, GMAIL, OUTLOOK].filter((reader) => reader.matches(url));
      expect(claimedBy).toEqual(site ? [site] : []);
      if (site) expect(captureSite(site, document, url)).toEqual(capturePage(document, url));
    });
  }

  it('a site page without a person answers "not expected", not a failure', () => {
    const { document, url } = loadFixture('linkedin-feed.html');
    expect(captureSite(LINKEDIN, document, url)).toEqual({ url, expected: false, people: [] });
  });
});

it('each site reader runs its own patterns on sample text while the page is idle', () => {
  for (const site of [LINKEDIN, GMAIL, OUTLOOK]) expect(() => site.warmUp()).not.toThrow();
});
