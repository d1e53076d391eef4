// Capture: the people a page shows, best first. Site pages (LinkedIn, Gmail, Outlook) use their
// own extractor only; any other page is read for the markup sites write about people. Every
// candidate passes the zod Person schema, which cleans and caps it; the ones that fail are dropped.
import { Person, type PageCapture, type PersonInput } from '../capture-model';
import { extractGmail, isGmailThreadOpen, isGmailUrl, warmUpGmail } from './gmail';
import { extractHCards } from './h-card';
import { extractJsonLd } from './json-ld';
import { extractLinkedIn, isLinkedInProfileUrl, warmUpLinkedIn } from './linkedin';
import { extractMailtoLinks } from './mailto';
import { extractOpenGraph } from './open-graph';
import { extractOutlook, isOutlookMessageOpen, isOutlookUrl, warmUpOutlook } from './outlook';

const MAX_PEOPLE = 100;

/**
 * A site with an extractor of its own. Each site's content script captures through its reader
 * alone (captureSite), so it does not carry the other sites' extractors onto every page it runs on.
 */
export type SiteReader = {
  matches: (url: string) => boolean;
  extract: (doc: Document, url: string) => PersonInput[];
  /** A page that should hold a person: nothing found there is a capture failure. */
  expects: (doc: Document, url: string) => boolean;
  /** Runs the reader's costliest patterns on sample text once, while the page is idle. */
  warmUp: () => void;
};

export const LINKEDIN: SiteReader = {
  matches: (url) => {
    try {
      return /(^|\.)linkedin\.com$/i.test(new URL(url).hostname);
    } catch {
      return false;
    }
  },
  // On LinkedIn only profile pages are read: the feed and search are full of other people.
  extract: extractLinkedIn,
  expects: (_doc, url) => isLinkedInProfileUrl(url),
  warmUp: warmUpLinkedIn,
};
export const GMAIL: SiteReader = { matches: isGmailUrl, extract: extractGmail, expects: isGmailThreadOpen, warmUp: warmUpGmail };
export const OUTLOOK: SiteReader = { matches: isOutlookUrl, extract: extractOutlook, expects: isOutlookMessageOpen, warmUp: warmUpOutlook };

const SITES = [LINKEDIN, GMAIL, OUTLOOK];

const siteOf = (url: string) => SITES.find((site) => site.matches(url));

/** Any other page: the markup sites write about people. */
function markupCandidates(doc: Document): PersonInput[] {
  // Metadata describes the page's subject; mailto links are the weakest hint of who it is about.
  return [...extractJsonLd(doc), ...extractOpenGraph(doc), ...extractHCards(doc), ...extractMailtoLinks(doc)];
}

function samePerson(a: Person, b: Person): boolean {
  if (a.profileUrl && a.profileUrl === b.profileUrl) return true;
  if (a.emails.some((email) => b.emails.includes(email))) return true;
  // The same name twice on one page is one person, unless their links or addresses tell them apart.
  const linksAgree = !a.profileUrl || !b.profileUrl || a.profileUrl === b.profileUrl;
  const emailsAgree = a.emails.length === 0 || b.emails.length === 0;
  return linksAgree && emailsAgree && a.name.toLowerCase() === b.name.toLowerCase();
}

/** Fields the better candidate lacks are taken from the other, with the signal that answered them. */
function mergeInto(best: Person, other: Person): void {
  for (const field of ['title', 'company', 'location', 'profileUrl', 'photoUrl'] as const) {
    if (best[field] || !other[field]) continue;
    best[field] = other[field];
    best.fieldSources[field] = other.fieldSources[field] ?? other.source;
  }
  const emails = other.emails.filter((email) => !best.emails.includes(email));
  if (emails.length) {
    best.emails = [...best.emails, ...emails];
    best.fieldSources.emails ??= other.fieldSources.emails ?? other.source;
  }
  const phones = (other.phones ?? []).filter((phone) => !(best.phones ?? []).includes(phone));
  if (phones.length) {
    best.phones = [...(best.phones ?? []), ...phones];
    best.fieldSources.phones ??= other.fieldSources.phones ?? other.source;
  }
}

/** Candidates validated and merged: one entry per person, in the order they were found. */
function validPeople(inputs: PersonInput[]): Person[] {
  const people: Person[] = [];
  for (const input of inputs) {
    const parsed = Person.safeParse(input);
    if (!parsed.success) continue;
    const same = people.find((p) => samePerson(p, parsed.data));
    if (same) mergeInto(same, parsed.data);
    else if (people.length < MAX_PEOPLE) people.push(parsed.data);
  }
  return people;
}

/**
 * A person with every field filled, parsed once while the page is idle (warmUpCapture): zod
 * builds a schema's parsers on its first use (about a millisecond for Person), and V8 compiles a
 * regular expression on its first use; both would otherwise be paid inside the first capture,
 * while the user waits for the popup.
 */
export const WARM_UP_PERSON: PersonInput = {
  // Text as pages have it (runs of white space, a line break, non-ASCII), so the cleaning's
  // slower path is compiled too, not only the one for plain words.
  name: ' Kith\u00a0Warm-up\n·  Ünïcode ',
  title: 'Warm-up',
  company: 'Kith',
  location: 'Here',
  emails: ['warm-up@kith.invalid'],
  phones: ['+1 555 0100'],
  profileUrl: 'https://www.linkedin.com/in/kith-warm-up/?trk=x',
  photoUrl: 'https://kith.invalid/photo.jpg',
  source: 'linkedin',
  fieldSources: { name: 'warm-up' },
  role: 'sender',
  message: { subject: 'Warm-up', at: 0, link: 'https://kith.invalid/' },
};

/** What a site's content script does once the page is idle, before the popup asks anything. */
export function warmUpCapture(site: SiteReader): void {
  Person.safeParse(WARM_UP_PERSON);
  site.warmUp();
}

/** The people found on the page, best first, one entry per person. */
export function extractPeople(document: Document, url: string): Person[] {
  const site = siteOf(url);
  return validPeople(site ? site.extract(document, url) : markupCandidates(document));
}

/**
 * Who the page shows, and whether it should show someone (only a site's pages can: nothing found
 * there is a capture failure, not an empty page). The site is worked out once, from the URL.
 */
export function capturePage(document: Document, url: string): PageCapture {
  const site = siteOf(url);
  return site ? captureSite(site, document, url) : { url, expected: false, people: validPeople(markupCandidates(document)) };
}

/** What a site's own content script answers: capturePage, for a page of that site. */
export function captureSite(site: SiteReader, document: Document, url: string): PageCapture {
  return { url, expected: site.expects(document, url), people: validPeople(site.extract(document, url)) };
}
