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

  it('claims its own hosts only, over https (LinkedIn on any subdomain), whatever their case', () => {
    const claims = (url: string) => [LINKEDIN, GMAIL, OUTLOOK].filter((reader) => reader.matches(url));
    expect(claims('https://www.linkedin.com/in/jane/')).toEqual([LINKEDIN]);
    expect(claims('https://de.LinkedIn.com/in/jane/')).toEqual([LINKEDIN]);
    expect(claims('https://linkedin.com/in/jane/')).toEqual([LINKEDIN]);
    expect(claims('HTTPS://MAIL.GOOGLE.COM/mail/u/0/#inbox')).toEqual([GMAIL]);
    expect(claims('https://outlook.office365.com/mail/inbox')).toEqual([OUTLOOK]);
    expect(claims('https://Outlook.Live.com/mail/0/')).toEqual([OUTLOOK]);
    for (const stranger of [
      'https://notlinkedin.com/in/jane/',
      'https://linkedin.com.evil.example/in/jane/',
      'https://mail.google.com.evil.example/',
      'http://mail.google.com/mail/',
      'https://outlook.office.com.evil.example/mail/',
      'https://outlook.com/',
      'not a url',
    ]) {
      expect(claims(stranger), stranger).toEqual([]);
    }
  });

  it('a site page without a person answers "not expected", not a failure', () => {
    const { document, url } = loadFixture('linkedin-feed.html');
    expect(captureSite(LINKEDIN, document, url)).toEqual({ url, expected: false, people: [] });
  });
});

it('each site reader runs its own patterns on sample text while the page is idle', () => {
  for (const site of [LINKEDIN, GMAIL, OUTLOOK]) expect(() => site.warmUp()).not.toThrow();
});
