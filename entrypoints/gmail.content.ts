import { capturePage } from '@/lib/extract';
import { handleMessages, isExtensionPage } from '@/lib/messages';

// Reads the thread open when the popup asks; Gmail changes threads without page loads.
export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main() {
    handleMessages({ 'capture:get': async () => capturePage(document, location.href) }, isExtensionPage);
  },
});
