// `npm start`: Chromium with the freshly built Kith on a persistent profile in `.profile/`, so
// contacts survive between runs. Close the browser window to stop.
import { chromium } from '@playwright/test';
import { EXTENSION_DIR, chromiumExecutable, extensionArgs } from './chromium.mjs';

const context = await chromium.launchPersistentContext('.profile', {
  executablePath: chromiumExecutable(),
  headless: false,
  viewport: null,
  args: extensionArgs(),
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
console.log(`Kith ${EXTENSION_DIR} is loaded (id ${extensionId}); close the browser to stop.`);
await new Promise((resolve) => context.on('close', resolve));
