// Capture: the people a page shows, best first. Site pages (LinkedIn, Gmail, Outlook) use their
// own extractor only; any other page is read for the markup sites write about people. This runs
// in the page and sends candidates as read; whoever asked cleans, validates and merges them
// (PageCapture in capture-model.ts), so no zod runs in the page.
import type { PageCaptureInput, PersonInput, SitePage } from '../capture-model';
import { extractGmail, isGmailThreadOpen, warmUpGmail } from './gmail';
import { extractHCards } from './h-card';
import { extractJsonLd } from './json-ld';
import { extractLinkedIn, isLinkedInProfileUrl, warmUpLinkedIn } from './linkedin';
import { extractMailtoLinks } from './mailto';
import { extractMicrodata } from './microdata';
import { extractOpenGraph } from './open-graph';
import { extractOutlook, isOutlookMessageOpen, warmUpOutlook } from './outlook';
import { withoutOthersHomes } from './person';
import { type SiteName, siteNameOf } from './sites';

/**
 * A site with an extractor of its own. Each site's content script captures through its reader
 * alone (captureSite), so it does not carry the other sites' extractors onto every page it runs on.
 */
export type SiteReader = {
  extract: (doc: Document, url: string) => PersonInput[];
  /** A page that should hold a person: nothing found there is a capture failure. */
  expects: (doc: Document, url: string) => boolean;
  /** Runs the reader's costliest patterns on sample text once, while the page is idle. */
  warmUp: () => void;
};

export const LINKEDIN: SiteReader = {
  // On LinkedIn only profile pages are read: the feed and search are full of other people.
  extract: extractLinkedIn,
  expects: (_doc, url) => isLinkedInProfileUrl(url),
  warmUp: warmUpLinkedIn,
};
export const GMAIL: SiteReader = { extract: extractGmail, expects: isGmailThreadOpen, warmUp: warmUpGmail };
export const OUTLOOK: SiteReader = { extract: extractOutlook, expects: isOutlookMessageOpen, warmUp: warmUpOutlook };

const READERS: Record<SiteName, SiteReader> = { linkedin: LINKEDIN, gmail: GMAIL, outlook: OUTLOOK };

/** Any other page: the markup sites write about people. */
function markupCandidates(doc: Document): PersonInput[] {
  // Metadata describes the page's subject; mailto links are the weakest hint of who it is about.
  // Microdata marks up a page's reviewers and commenters as often as whom it is about: only its
  // subject goes before the page's h-cards, and before a person JSON-LD shows without saying the
  // page is theirs (the site's owner, in every page's head, on a guest's post). People only
  // listed as an organisation's (its founder) come after what the page's own markup says.
  const jsonLd = extractJsonLd(doc);
  const microdata = extractMicrodata(doc);
  const cards = extractHCards(doc);
  const first = [...jsonLd.about, ...microdata.about, ...jsonLd.shown];
  return [
    ...first,
    ...extractOpenGraph(doc, first[0] ?? cards[0]),
    ...cards,
    ...microdata.shown,
    ...jsonLd.listed,
    ...microdata.listed,
    ...extractMailtoLinks(doc),
  ];
}

/**
 * Who the page shows, and whether it should show someone (only a site's pages can: nothing found
 * there is a capture failure, not an empty page). The site is worked out once, from the URL.
 */
export function capturePage(document: Document, url: string): PageCaptureInput {
  const site = siteNameOf(url);
  return site ? captureSite(READERS[site], document, url) : captureMarkup(document, url);
}

/** What a site's own content script answers: capturePage, for a page of that site. */
export function captureSite(site: SiteReader, document: Document, url: string): PageCaptureInput {
  const address = pageAddress(url);
  return { url: address, expected: site.expects(document, address), people: site.extract(document, address) };
}

/** capturePage for a page of no site with a reader of its own. */
export function captureMarkup(document: Document, url: string): PageCaptureInput {
  const address = pageAddress(url);
  return { url: address, expected: false, people: withoutOthersHomes(markupCandidates(document), address) };
}

/**
 * What the capture script injected into a page answers: capturePage on any page, but on a page
 * of a site with a reader of its own, only which site it is. That site's content script reads it
 * (lib/capture.ts loads it), so the script carries none of the sites' extractors and every
 * function in it runs when it is injected.
 */
export function captureInjected(document: Document, url: string): PageCaptureInput | SitePage {
  const site = siteNameOf(url);
  return site ? { site } : captureMarkup(document, url);
}

/**
 * Links longer than 2,048 characters are not kept (text.ts), but a page's own address can be,
 * with tracking in its query: such a page is read at its address without query and fragment.
 */
function pageAddress(url: string): string {
  return url.length > 2048 ? url.split(/[?#]/)[0] : url;
}
