// Capture: the people a page shows, best first. Site pages (LinkedIn, Gmail, Outlook) use their
// own extractor only; any other page is read for the markup sites write about people. Every
// candidate passes the zod Person schema, which cleans and caps it; the ones that fail are dropped.
import { Person, type PageCapture, type PersonInput } from '../model';
import { extractGmail, isGmailThreadOpen, isGmailUrl } from './gmail';
import { extractHCards } from './h-card';
import { extractJsonLd } from './json-ld';
import { extractLinkedIn, isLinkedInProfileUrl } from './linkedin';
import { extractMailtoLinks } from './mailto';
import { extractOpenGraph } from './open-graph';
import { extractOutlook, isOutlookMessageOpen, isOutlookUrl } from './outlook';

const MAX_PEOPLE = 100;

function isLinkedInUrl(url: string): boolean {
  try {
    return /(^|\.)linkedin\.com$/i.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

function candidates(doc: Document, url: string): PersonInput[] {
  // On LinkedIn only profile pages are read: the feed and search are full of other people.
  if (isLinkedInUrl(url)) return extractLinkedIn(doc, url);
  if (isGmailUrl(url)) return extractGmail(doc, url);
  if (isOutlookUrl(url)) return extractOutlook(doc, url);
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

/** The people found on the page, best first, one entry per person. */
export function extractPeople(document: Document, url: string): Person[] {
  const people: Person[] = [];
  for (const input of candidates(document, url)) {
    const parsed = Person.safeParse(input);
    if (!parsed.success) continue;
    const same = people.find((p) => samePerson(p, parsed.data));
    if (same) mergeInto(same, parsed.data);
    else if (people.length < MAX_PEOPLE) people.push(parsed.data);
  }
  return people;
}

/** A page that should hold a person: nothing found there is a capture failure, not an empty page. */
export function expectsPerson(document: Document, url: string): boolean {
  return isLinkedInProfileUrl(url) || isGmailThreadOpen(document, url) || isOutlookMessageOpen(document, url);
}

export function capturePage(document: Document, url: string): PageCapture {
  return { url, expected: expectsPerson(document, url), people: extractPeople(document, url) };
}
