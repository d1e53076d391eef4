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
