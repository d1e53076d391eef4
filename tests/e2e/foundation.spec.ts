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
  for (const host of manifest.host_permissions ?? []) {
    expect(host).toMatch(/^https:\/\/(\*\.linkedin\.com|mail\.google\.com|outlook\.(office|office365|live)\.com)\/\*$/);
  }
  expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|unsafe-eval/);
});
