import { LINKEDIN, captureSite } from '@/lib/extract/page';
import { handleMessages, isExtensionPage } from '@/lib/messages';

// Nothing runs until the popup asks, and then against the page and URL as they are at that
// moment: a profile reached from the feed inside LinkedIn's app is read at its new URL, and
// non-profile pages answer "no person expected" without extraction.
export default defineContentScript({
  matches: ['https://*.linkedin.com/*'],
  runAt: 'document_idle',
  main() {
    handleMessages({ 'capture:get': async () => captureSite(LINKEDIN, document, location.href) }, isExtensionPage);
    requestIdleCallback(() => LINKEDIN.warmUp());
  },
});
