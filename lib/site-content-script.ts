// What each site's content script (entrypoints/<site>.content.ts) does: answer the popup's
// capture:get with the site's reader, against the page and URL as they are when it asks.
import { type SiteReader, captureSite } from './extract/page';
import { answerEmptyRequest, isExtensionPage } from './messages';

/**
 * Besides answering, everything the popup's first ask would do for the first time is done while
 * the page is idle, and the results thrown away: the page is read once (touching the page's DOM
 * from the script's world for the first time), then the reader's sample patterns run, which a
 * page that becomes a profile or a thread later without a load needs and reading the page as it
 * is now would not reach. Opened on a page just visited, the popup showed its card ~3.5 ms
 * sooner for it when this was measured (BENCHMARKS.md, "Changes that moved a row", at 22:17 on
 * 2026-11-24).
 */
export function answerCaptures(site: SiteReader): void {
  const read = () => captureSite(site, document, location.href);
  answerEmptyRequest('capture:get', read, isExtensionPage);
  inIdlePeriods([read, site.warmUp]);
}

/** Each step in an idle period of its own, in order, so none holds the page up for long. */
function inIdlePeriods([step, ...rest]: (() => void)[]): void {
  requestIdleCallback(() => {
    step();
    if (rest.length > 0) inIdlePeriods(rest);
  });
}
