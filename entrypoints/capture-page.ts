import { captureInjected } from '@/lib/extract/page';

// Injected on demand (activeTab + scripting) into pages Kith has no content script on; the
// capture is the script's completion value, which executeScript hands back. The build marks the
// script for compiling whole as it loads (wxt.config.ts).
export default defineUnlistedScript(() => captureInjected(document, location.href));
