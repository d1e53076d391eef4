import { GMAIL, captureSite } from '@/lib/extract/page';
import { handleMessages, isExtensionPage } from '@/lib/messages';

// Reads the thread open when the popup asks; Gmail changes threads without page loads.
export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main() {
    handleMessages({ 'capture:get': async () => captureSite(GMAIL, document, location.href) }, isExtensionPage);
    requestIdleCallback(() => GMAIL.warmUp());
  },
});
