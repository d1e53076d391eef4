import { GMAIL } from '@/lib/extract/page';
import { answerCaptures } from '@/lib/site-content-script';

// Reads the thread open when the popup asks; Gmail changes threads without page loads.
export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main() {
    answerCaptures(GMAIL);
  },
});
