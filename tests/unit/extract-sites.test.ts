import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GMAIL, LINKEDIN, OUTLOOK, WARM_UP_PERSON, capturePage, captureSite, warmUpCapture } from '@/lib/extract';
import { PERSON_FIELDS, Person } from '@/lib/capture-model';
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

describe('warming up capture while the page is idle', () => {
  it('parses a person with every field filled, through the cleaning of untidy page text', () => {
    const parsed = Person.safeParse(WARM_UP_PERSON);
    expect(parsed.success).toBe(true);
    // A field left out, or refused, would leave its parser to be built inside the first capture.
    for (const field of PERSON_FIELDS) expect([parsed.data?.[field]].flat().length, field).toBe(1);
    expect(parsed.data).toMatchObject({ name: 'Kith Warm-up · Ünïcode', role: 'sender', message: { subject: 'Warm-up' } });
    expect(parsed.data?.name).not.toBe(WARM_UP_PERSON.name);
  });

  it('runs each site reader\'s own patterns on sample text', () => {
    for (const site of [LINKEDIN, GMAIL, OUTLOOK]) expect(() => warmUpCapture(site)).not.toThrow();
  });
});
