// Code passed to `worker.evaluate` runs in the extension's service worker, where `chrome` is
// the native API; type it with WXT's browser types.
import type { browser } from 'wxt/browser';

declare global {
  const chrome: typeof browser;
}
