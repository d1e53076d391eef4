import { capturePage } from '@/lib/extract/page';

// Injected on demand (activeTab + scripting) into pages Kith has no content script on; the
// capture is the script's completion value, which executeScript hands back.
export default defineUnlistedScript(() => capturePage(document, location.href));
