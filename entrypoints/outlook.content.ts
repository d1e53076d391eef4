import { OUTLOOK, captureSite } from '@/lib/extract/page';
import { handleMessages, isExtensionPage } from '@/lib/messages';

// Reads the message open when the popup asks; Outlook changes messages without page loads.
export default defineContentScript({
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  runAt: 'document_idle',
  main() {
    handleMessages({ 'capture:get': async () => captureSite(OUTLOOK, document, location.href) }, isExtensionPage);
    requestIdleCallback(() => OUTLOOK.warmUp());
  },
});
