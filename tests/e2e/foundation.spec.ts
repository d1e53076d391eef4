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
    .toBe(2);
  expect(await kith.readStore('contacts')).toEqual([]);
  expect(await kith.readStore('reminders')).toEqual([]);
});

test('the manifest asks for no more than Kith needs', async ({ kith }) => {
  const manifest = await kith.worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.manifest_version).toBe(3);
  expect([...(manifest.permissions ?? [])].sort()).toEqual(
    ['activeTab', 'alarms', 'contextMenus', 'notifications', 'scripting', 'storage', 'unlimitedStorage'].sort(),
  );
  const capturedSite = /^https:\/\/(\*\.linkedin\.com|mail\.google\.com|outlook\.(office|office365|live)\.com)\/\*$/;
  expect(manifest.host_permissions?.length).toBeGreaterThan(0);
  for (const host of manifest.host_permissions ?? []) expect(host).toMatch(capturedSite);
  // Content scripts run on the captured sites and nowhere else.
  const contentScriptMatches = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
  expect(contentScriptMatches.length).toBeGreaterThan(0);
  for (const match of contentScriptMatches) expect(match).toMatch(capturedSite);
  expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|unsafe-eval/);
  const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("connect-src 'none'");
});

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
