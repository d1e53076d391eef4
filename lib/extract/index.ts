// Who a page shows, as Kith keeps them. In the page, the content scripts and the injected capture
// script read candidates with ./page.ts and send them as read, with no zod; extractPeople is that
// same reading cleaned, validated and merged as the popup receives it (PageCapture), for code that
// holds the Document itself. DESIGN.md names it as the extractors' contract.
import { PageCapture, type Person } from '../capture-model';
import { capturePage } from './page';

export { GMAIL, LINKEDIN, OUTLOOK, type SiteReader, capturePage, captureInjected, captureMarkup, captureSite } from './page';
export { siteNameOf } from './sites';

/**
 * The people found on the page, best first, each field with the signal that answered it; none
 * on a page whose address is not http(s) (a file, about:blank), which Kith does not read.
 */
export function extractPeople(document: Document, url: string): Person[] {
  return PageCapture.safeParse(capturePage(document, url)).data?.people ?? [];
}
