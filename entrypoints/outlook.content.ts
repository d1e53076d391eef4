import { OUTLOOK } from '@/lib/extract/page';
import { answerCaptures } from '@/lib/site-content-script';

// Reads the message open when the popup asks; Outlook changes messages without page loads.
export default defineContentScript({
  matches: ['https://outlook.cloud.microsoft/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  runAt: 'document_idle',
  main() {
    answerCaptures(OUTLOOK);
  },
});
