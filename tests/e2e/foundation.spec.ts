import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../../scripts/chromium.mjs';
import { DB_VERSION } from '../../lib/db';
import { expect, test } from './harness';

test('the extension loads: worker, popup, dashboard and IndexedDB', async ({ kith }) => {
  expect(kith.extensionId).toMatch(/^[a-p]{32}$/);

  const popup = await kith.openPopup();
  await expect(popup.locator('body')).toContainText('Kith');

  const dashboard = await kith.openDashboard();
  await expect(dashboard.locator('body')).toContainText('Kith');

  // The worker opens the database on start, at the current schema version, and can read it.
  await expect
    .poll(() => kith.worker.evaluate(async () => (await indexedDB.databases()).find((db) => db.name === 'kith')?.version))
    .toBe(DB_VERSION);
  expect(await kith.readStore('contacts')).toEqual([]);
  expect(await kith.readStore('reminders')).toEqual([]);
});

test('the popup opens from the keyboard: Chromium took Alt+Shift+K for the toolbar button', async ({ kith }) => {
  // A suggested key the browser cannot give (taken, or malformed) is listed with no shortcut.
  const commands = await kith.worker.evaluate(() => chrome.commands.getAll());
  expect(commands.map(({ name, shortcut }) => ({ name, shortcut }))).toEqual([{ name: '_execute_action', shortcut: 'Alt+Shift+K' }]);
});

const POLYFILL_TEXT = 'This script should only be loaded in a browser extension';

test('the popup is one script that imports nothing, so its first screen waits on one request', () => {
  // wxt.config.ts builds the popup apart from the dashboard; sharing a chunk with it cost the
  // popup a few milliseconds to open (BENCHMARKS.md).
  const html = readFileSync(join(EXTENSION_DIR, 'popup.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="\/([^"]+)"/g)].map((match) => match[1]);
  expect(scripts).toHaveLength(1);
  expect(html).not.toContain('modulepreload');
  const script = readFileSync(join(EXTENSION_DIR, scripts[0]), 'utf8');
  expect(script).not.toMatch(/\bfrom\s*["'`]|\bimport\s*\(/);
  expect(readdirSync(join(EXTENSION_DIR, 'chunks')).filter((name) => name.startsWith('popup-'))).toEqual([scripts[0].split('/').pop()]);
  // Like the content scripts, it uses the browser's own `browser` namespace (wxt.config.ts): the
  // polyfill's own error text in it would mean the per-entrypoint alias broke.
  expect(script).not.toContain(POLYFILL_TEXT);
});

test('the worker and the dashboard use webextension-polyfill', () => {
  const dashboard = readdirSync(join(EXTENSION_DIR, 'chunks')).filter((name) => name.startsWith('dashboard-'));
  for (const file of ['background.js', ...dashboard.map((name) => join('chunks', name))]) {
    expect(readFileSync(join(EXTENSION_DIR, file), 'utf8'), file).toContain(POLYFILL_TEXT);
  }
});

test('date fields draw their calendar button without an image, which cost the popup’s first frame', async ({ kith }) => {
  const popup = await kith.openPopup();
  await popup.getByRole('button', { name: 'Add a person by hand' }).click();
  await expect(popup.getByLabel('Follow up')).toHaveAttribute('type', 'date');
  // The button lives in the input's user-agent shadow tree, which only DevTools can read.
  const cdp = await kith.context.newCDPSession(popup);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  type DomNode = { nodeId: number; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const indicators: number[] = [];
  const walk = (node: DomNode) => {
    if (node.attributes?.includes('-webkit-calendar-picker-indicator')) indicators.push(node.nodeId);
    [...(node.children ?? []), ...(node.shadowRoots ?? [])].forEach(walk);
  };
  walk(root);
  expect(indicators.length).toBeGreaterThan(0);
  for (const nodeId of indicators) {
    const { computedStyle } = await cdp.send('CSS.getComputedStyleForNode', { nodeId });
    expect(computedStyle.find((property) => property.name === 'background-image')?.value).toBe('none');
  }
});

// The manifest's exact permissions, host permissions, content-script matches and CSP are
// checked in tests/reliability/boundaries.spec.ts.

test('extension pages cannot reach the network, even if a bug tried', async ({ kith }) => {
  const popup = await kith.openPopup();
  const outcome = await popup.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'sent',
      (error: Error) => error.name,
    ),
  );
  expect(outcome).toBe('TypeError');
});

test('the privacy watch notices a request made from an extension page', async ({ kith }) => {
  const popup = await kith.openPopup();
  // Navigating the popup away is the one request CSP cannot stop; it shows the watch works.
  await popup.evaluate(() => {
    location.href = 'https://tracker.example/pixel';
  });
  await expect.poll(() => kith.ownNetworkRequests.length).toBeGreaterThan(0);
  expect(kith.ownNetworkRequests[0]).toContain('https://tracker.example/pixel');
  // Forget it, or this test's own teardown would (rightly) fail on it.
  kith.ownNetworkRequests.splice(0);
});

test('text is the designed 14 px in the popup and the dashboard, not Chromium’s 75% for extension pages', async ({ kith }) => {
  for (const page of [await kith.openPopup(), await kith.openDashboard('#/contacts')]) {
    const body = await page.evaluate(() => ({ size: getComputedStyle(document.body).fontSize, family: getComputedStyle(document.body).fontFamily }));
    expect(body).toEqual({ size: '14px', family: expect.stringMatching(/^system-ui, /) });
  }
});

test('field borders stand out 3:1 from the field and the page, light and dark (WCAG 1.4.11)', async ({ kith }) => {
  const popup = await kith.openPopup();
  await popup.getByRole('button', { name: 'Add a person by hand' }).click();
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    const contrasts = await popup.evaluate(() => {
      const luminance = (color: string) => {
        const [r, g, b] = color.match(/\d+/g)!.slice(0, 3).map((c) => {
          const s = Number(c) / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const contrast = (a: string, b: string) => {
        const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (light + 0.05) / (dark + 0.05);
      };
      const page = getComputedStyle(document.body).backgroundColor;
      return [...document.querySelectorAll('input:not([type=checkbox]):not([type=radio]), select, textarea')].map((field) => {
        const style = getComputedStyle(field);
        return { tag: field.tagName, least: Math.min(contrast(style.borderTopColor, style.backgroundColor), contrast(style.borderTopColor, page)) };
      });
    });
    expect(new Set(contrasts.map((c) => c.tag))).toEqual(new Set(['INPUT', 'SELECT', 'TEXTAREA']));
    for (const { tag, least } of contrasts) expect(least, `${colorScheme} ${tag}`).toBeGreaterThanOrEqual(3);
  }
});
