// Asking a tab who it shows, from an extension page (popup, dashboard) or the background.
import { type PageCapture as PageCaptureType, PageCapture } from './model';
import { sendToTab } from './messages';

/** Built by WXT from entrypoints/capture-page.ts. */
const CAPTURE_SCRIPT = '/capture-page.js';

/**
 * What the tab's page shows: from Kith's content script where one runs (LinkedIn, Gmail,
 * Outlook), else by injecting the capture script (activeTab). Undefined where the browser lets no
 * extension script run (chrome://, the web store) or the answer does not parse.
 */
export async function captureTab(tabId: number): Promise<PageCaptureType | undefined> {
  try {
    return await sendToTab(tabId, 'capture:get', {});
  } catch {
    // No content script on this page (or not yet): inject the capture script instead.
  }
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: [CAPTURE_SCRIPT] });
    const parsed = PageCapture.safeParse(frame?.result);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
