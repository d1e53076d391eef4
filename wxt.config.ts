import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

// Only the sites Kith captures from automatically; every other page is reached through
// activeTab when the user asks (popup or context menu).
export const CAPTURED_HOSTS = [
  'https://*.linkedin.com/*',
  'https://mail.google.com/*',
  'https://outlook.cloud.microsoft/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];

// Stricter than MV3's default: extension pages run only Kith's own scripts and, with
// connect-src 'none', cannot send anything anywhere even if a bug tried to.
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "connect-src 'none'",
  "img-src 'self' data:",
].join('; ');

/**
 * The capture script is injected when the user asks and all of it runs at once, and the site
 * content scripts run nearly all of theirs the first time the page is idle, so each is marked for
 * V8 to compile whole as it loads (an explicit compile hint, Chrome 136): each function is parsed
 * once instead of twice, and the capture does not stop to compile each as it is first called
 * (BENCHMARKS.md). Other browsers read the mark as a comment.
 */
const compileScriptsWhole = (): Plugin => ({
  name: 'kith:compile-scripts-whole',
  generateBundle(_options, bundle) {
    for (const script of Object.values(bundle)) {
      const runsWhole = script.fileName === 'capture-page.js' || script.fileName.startsWith('content-scripts/');
      if (script.type === 'chunk' && runsWhole) script.code = `//# allFunctionsCalledOnLoad\n${script.code}`;
    }
  },
});

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), compileScriptsWhole()] }),
  hooks: {
    // The popup is built on its own, not beside the dashboard: then it loads as one script
    // instead of an entry plus a chunk shared with the dashboard, and opens measurably sooner
    // (BENCHMARKS.md). The dashboard carries its own copy of the code they share.
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        if (!Array.isArray(group) || group.length < 2) continue;
        const popup = group.findIndex((entrypoint) => entrypoint.type === 'popup');
        if (popup !== -1) groups.push(group.splice(popup, 1));
      }
    },
    // Content scripts load on every page of the captured sites, and the popup on every click of
    // the toolbar button, so both use the browser's own `browser` namespace (WXT's default
    // `wxt/browser`) instead of webextension-polyfill: it would be a fifth of a content script's
    // size, and wrapping every `chrome.*` namespace as the popup's script starts cost it 1.5–3.7
    // ms to open (BENCHMARKS.md). They need nothing it adds: Chrome's APIs return promises, and it
    // answers a Promise returned from runtime.onMessage since 144 (see minimum_chrome_version);
    // Firefox always has. The worker and the dashboard keep the polyfill.
    // Content scripts also get a context that says nothing to the page (lib/quiet-content-script-context.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      const alias = config.resolve?.alias as Record<string, string> | undefined;
      const ownNamespace = (type: string) => type === 'content-script' || type === 'popup';
      if (alias && entrypoints.every((entrypoint) => ownNamespace(entrypoint.type))) delete alias['wxt/browser'];
      if (alias && entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) {
        alias['wxt/utils/content-script-context'] = resolve('lib/quiet-content-script-context.ts');
      }
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Kith',
    description:
      'A private, local-first notebook of your career network. Capture people from the pages you visit and keep in touch. Nothing leaves your browser.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'contextMenus', 'notifications', 'activeTab', 'scripting'],
    host_permissions: CAPTURED_HOSTS,
    action: { default_title: 'Kith' },
    // Open the popup from the keyboard on any page; the user may change it in the browser's
    // extension shortcuts. Firefox's MV2 build names the same command for its browser action.
    commands: {
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open Kith on this page',
      },
    },
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '144' }),
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    options_ui: { page: 'dashboard.html', open_in_tab: true },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Kith collects nothing: it has no server to send anything to.
            gecko: { id: 'kith@kith.invalid', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
