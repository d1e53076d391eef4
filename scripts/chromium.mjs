// How Kith's own tooling finds and starts Chromium with the built extension: shared by
// `npm start`, the e2e harness and the benchmarks.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

/** Chromium from CHROMIUM_PATH, else Debian's; undefined lets Playwright use its own download. */
export function chromiumExecutable() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path) => !!path && existsSync(path));
}

/** Flags that load the extension and keep Chromium from calling home. */
export function extensionArgs(extensionDir = EXTENSION_DIR) {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}
