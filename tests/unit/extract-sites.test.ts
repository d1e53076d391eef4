import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GMAIL, LINKEDIN, OUTLOOK, capturePage, captureInjected, captureMarkup, captureSite, siteNameOf } from '@/lib/extract';
import { loadFixture } from './load-fixture';

// Each site's content script captures through its own reader only (so it does not ship the
// other extractors); on that site's pages the answer must be exactly capturePage's.
const SITE_OF_FIXTURE = [
  [/^linkedin-/, 'linkedin', LINKEDIN],
  [/^gmail-/, 'gmail', GMAIL],
  [/^outlook-/, 'outlook', OUTLOOK],
] as const;

const fixtures = readdirSync(new URL('../fixtures/', import.meta.url)).filter((name) => name.endsWith('.html'));

describe('site readers', () => {
  it('covers a fixture of every site', () => {
    for (const [pattern] of SITE_OF_FIXTURE) expect(fixtures.some((name) => pattern.test(name))).toBe(true);
  });

  for (const name of fixtures) {
    const [, site, reader] = SITE_OF_FIXTURE.find(([pattern]) => pattern.test(name)) ?? [];
    it(`${name}: ${site ? 'its site reader answers as capturePage' : 'the capture script answers as capturePage'}`, () => {
      const { document, url } = loadFixture(name);
      expect(siteNameOf(url)).toBe(site);
      expect(reader ? captureSite(reader, document, url) : captureMarkup(document, url)).toEqual(capturePage(document, url));
    });
  }

  it('claims its own hosts only, over https (LinkedIn on any subdomain), whatever their case', () => {
    expect(siteNameOf('https://www.linkedin.com/in/jane/')).toBe('linkedin');
    expect(siteNameOf('https://de.LinkedIn.com/in/jane/')).toBe('linkedin');
    expect(siteNameOf('https://linkedin.com/in/jane/')).toBe('linkedin');
    expect(siteNameOf('HTTPS://MAIL.GOOGLE.COM/mail/u/0/#inbox')).toBe('gmail');
    expect(siteNameOf('https://outlook.office365.com/mail/inbox')).toBe('outlook');
    expect(siteNameOf('https://outlook.cloud.microsoft/mail/inbox/id/AAQk')).toBe('outlook');
    expect(siteNameOf('https://Outlook.Live.com/mail/0/')).toBe('outlook');
    for (const stranger of [
      'https://notlinkedin.com/in/jane/',
      'https://linkedin.com.evil.example/in/jane/',
      'https://mail.google.com.evil.example/',
      'http://mail.google.com/mail/',
      'https://outlook.office.com.evil.example/mail/',
      'https://outlook.cloud.microsoft.evil.example/mail/',
      'https://outlook.com/',
      'not a url',
    ]) {
      expect(siteNameOf(stranger), stranger).toBeUndefined();
    }
  });

  it('the injected capture script answers only which site a site page is: its content script reads it', () => {
    for (const name of fixtures) {
      const { document, url } = loadFixture(name);
      const site = siteNameOf(url);
      expect(captureInjected(document, url), name).toEqual(site ? { site } : captureMarkup(document, url));
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
