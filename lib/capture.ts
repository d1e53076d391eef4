// Asking a tab who it shows, from an extension page (popup, dashboard) or the background.
import { type PageCapture as PageCaptureType, PageCapture, SitePage } from './model';
import { MessageError, sendToTab } from './messages';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

/** Built by WXT from entrypoints/capture-page.ts. */
const CAPTURE_SCRIPT = '/capture-page.js';
/** Built by WXT from entrypoints/<site>.content.ts; a file the build does not have fails to type-check. */
const CONTENT_SCRIPTS = {
  linkedin: '/content-scripts/linkedin.js',
  gmail: '/content-scripts/gmail.js',
  outlook: '/content-scripts/outlook.js',
} as const satisfies Record<SitePage['site'], ScriptPublicPath>;

/** Said of a tab where the browser lets no extension script run: its own pages, the web store, files. */
export const UNREADABLE = 'unreadable';

/**
 * What the tab's page shows: from Kith's content script where one runs (LinkedIn, Gmail,
 * Outlook), else by injecting the capture script (activeTab). UNREADABLE where the browser lets no
 * extension script run (chrome://, the web store), undefined where the answer does not parse.
 * Scripts go in at once, not when the page has loaded: a person already on screen is read though
 * a slow script further down (an ad's, a tag manager's) holds the page's loading, for as long as
 * it does.
 */
export async function captureTab(tabId: number): Promise<PageCaptureType | typeof UNREADABLE | undefined> {
  try {
    return await sendToTab(tabId, 'capture:get', {});
  } catch (error) {
    // A content script answered, but with nothing usable: a second copy loaded beside it would
    // answer the same. Otherwise none runs on this page (or not yet): inject the capture script.
    if (error instanceof MessageError) return undefined;
  }
  let frame: { result?: unknown } | undefined;
  try {
    [frame] = await browser.scripting.executeScript({ target: { tabId }, files: [CAPTURE_SCRIPT], injectImmediately: true });
  } catch {
    return UNREADABLE;
  }
  try {
    const site = SitePage.safeParse(frame?.result);
    if (site.success) {
      // A site's page without its content script: the tab was open before Kith was installed or
      // updated. Load the script, as the browser would have, and ask it.
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPTS[site.data.site]], injectImmediately: true });
      return await sendToTab(tabId, 'capture:get', {});
    }
    const parsed = PageCapture.safeParse(frame?.result);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
