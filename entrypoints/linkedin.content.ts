import { LINKEDIN } from '@/lib/extract/page';
import { answerCaptures } from '@/lib/site-content-script';

// The page is read when the popup asks, as it is at that moment (the read at idle only warms up):
// a profile reached from the feed inside LinkedIn's app is read at its new URL, and non-profile
// pages answer "no person expected" without extraction.
export default defineContentScript({
  matches: ['https://*.linkedin.com/*'],
  runAt: 'document_idle',
  main() {
    answerCaptures(LINKEDIN);
  },
});
