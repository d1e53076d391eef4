// Saving in the real browser when things go wrong around it (issue 8, cases 7, 8 and 11): two
// popups saving one person at once, the service worker stopped in the middle of a save, and the
// browser's storage full.
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from '../e2e/harness';

type Stored = { id: string; name: string; notes: string; contactId: string; kind: string; doneAt?: number };

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** A store of Kith's database, read from an extension page (the worker may be stopped). */
async function readStore(page: Page, store: string): Promise<Stored[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kith');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<Stored[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

/** Every reminder has its contact, and every contact exactly one open keep-in-touch reminder. */
async function expectConsistent(page: Page) {
  const contacts = await readStore(page, 'contacts');
  const reminders = await readStore(page, 'reminders');
  const ids = new Set(contacts.map((c) => c.id));
  expect(reminders.filter((r) => !ids.has(r.contactId))).toEqual([]);
  for (const contact of contacts) {
    const keepInTouch = reminders.filter((r) => r.contactId === contact.id && r.kind === 'keep-in-touch' && r.doneAt === undefined);
    expect(keepInTouch, `keep-in-touch reminders of ${contact.name}`).toHaveLength(1);
  }
  return contacts;
}

/**
 * Start `expression` in the extension's running service worker and return once it has started,
 * through the DevTools protocol (Playwright loses its handle on a worker once it was stopped).
 */
async function startInWorker(cdp: CDPSession, extensionOrigin: string, expression: string) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(extensionOrigin));
  if (!target) throw new Error('Kith’s service worker is not running');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const evaluated = new Promise<void>((resolve) => {
    const onMessage = (event: { sessionId?: string; message: string }) => {
      if (event.sessionId !== sessionId || !event.message.startsWith('{"id":1,')) return;
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      resolve();
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
  });
  const message = JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression } });
  await cdp.send('Target.sendMessageToTarget', { sessionId, message });
  await evaluated;
}

test('two popups for one LinkedIn tab saving at the same moment make one contact', async ({ kith }) => {
  const url = 'https://www.linkedin.com/in/ada-quinlan-4b2a91/';
  await kith.serve(url, { file: 'linkedin-public.html' });
  const profile = await kith.open(url);
  const popups = await Promise.all([kith.openPopup(profile), kith.openPopup(profile)]);
  for (const [i, popup] of popups.entries()) {
    await expect(field(popup, 'Name')).toHaveValue('Ada Quinlan');
    await field(popup, 'Notes').fill(`Note from popup ${i + 1}`);
  }
  await Promise.all(popups.map((popup) => popup.getByRole('button', { name: 'Save', exact: true }).click()));
  for (const popup of popups) await expect(popup.getByRole('status')).toHaveText(/^(Saved|Updated) Ada Quinlan/);
  const contacts = await expectConsistent(popups[0]);
  expect(contacts).toHaveLength(1);
  expect(contacts[0].notes.split('\n\n').sort()).toEqual(['Note from popup 1', 'Note from popup 2']);
});

test('the worker stopped in the middle of right-click saves leaves every save whole or absent', async ({ kith }) => {
  const dashboard = await kith.openDashboard();
  const cdp = await kith.context.newCDPSession(dashboard);
  await cdp.send('ServiceWorker.enable');
  /** Open a profile in a tab and start a right-click save of it in the worker; the tab is returned. */
  const startSave = async (slug: string) => {
    const url = `https://www.linkedin.com/in/${slug}/`;
    // Kenji's profile at another address, as LinkedIn would serve it there: its links name it.
    await kith.serve(url, { html: readFileSync('tests/fixtures/linkedin-2026.html', 'utf8').replaceAll('kenji-morales-8812a', slug) });
    const page = await kith.open(url);
    // Asked from the dashboard: Playwright's handle on the worker dies with the first stop.
    const tabId = await dashboard.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id ?? -1, url);
    await startInWorker(cdp, kith.url(''), `kithContextMenuClick({ menuItemId: 'kith-save', frameId: 0 }, { id: ${tabId} })`);
    return page;
  };
  const counts: number[] = [];
  for (let round = 0; round < 6; round++) {
    // Stop the worker a little later after the save started each round.
    const page = await startSave(`crash-test-${round}`);
    if (round > 0) await dashboard.waitForTimeout(round * 5);
    await cdp.send('ServiceWorker.stopAllWorkers');
    // Wake a new worker, which recomputes from the data.
    expect(await dashboard.evaluate(() => chrome.runtime.sendMessage({ type: 'data:changed', payload: {} }))).toMatchObject({ ok: true });
    const contacts = await expectConsistent(dashboard);
    counts.push(contacts.length);
    expect(contacts.every((c) => c.name === 'Kenji Morales')).toBe(true);
    await page.close();
  }
  // Saves are never undone, and each round added its person whole or not at all.
  expect(counts).toEqual([...counts].sort((a, b) => a - b));
  expect(counts.at(-1)).toBeLessThanOrEqual(6);
  // A last save left to finish: were every save cut short (or never writing), the rounds above
  // would still pass with nothing saved.
  await startSave('crash-test-unstopped');
  await expect.poll(async () => (await readStore(dashboard, 'contacts')).length).toBe(counts.at(-1)! + 1);
  expect((await expectConsistent(dashboard)).length).toBeGreaterThanOrEqual(1);
  await cdp.send('ServiceWorker.disable');
  await cdp.detach();
});

test('storage full: the popup says so, keeps what was typed, and loses nothing saved', async ({ kith }) => {
  const popup = await kith.openPopup();
  await popup.getByRole('button', { name: 'Add a person by hand' }).click();
  await field(popup, 'Name').fill('Saved Before');
  await field(popup, 'Notes').fill('A note that must survive');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('status')).toHaveText('Saved Saved Before to Kith.');
  const before = JSON.stringify([await kith.readStore('contacts'), await kith.readStore('reminders')]);

  const full = await kith.openPopup();
  await full.getByRole('button', { name: 'Add a person by hand' }).click();
  await field(full, 'Name').fill('One Too Many');
  await field(full, 'Notes').fill('Typed while the disk was full');
  // The disk fills up: every IndexedDB write in this page now fails as Chrome's quota does.
  await full.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    Object.assign(globalThis, { kithRealPut: put });
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await full.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(full.getByRole('alert')).toHaveText(
    'Not saved: the browser’s storage is full, so Kith could not write this. Nothing already saved was lost. Free some disk space, then try again.',
  );
  await expect(field(full, 'Name')).toHaveValue('One Too Many');
  await expect(field(full, 'Notes')).toHaveValue('Typed while the disk was full');
  expect(JSON.stringify([await kith.readStore('contacts'), await kith.readStore('reminders')])).toBe(before);

  // Space freed: the same form saves.
  await full.evaluate(() => {
    IDBObjectStore.prototype.put = (globalThis as unknown as { kithRealPut: typeof IDBObjectStore.prototype.put }).kithRealPut;
  });
  await full.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(full.getByRole('status')).toHaveText('Saved One Too Many to Kith.');
  const contacts = await expectConsistent(full);
  expect(contacts.map((c) => [c.name, c.notes]).sort()).toEqual([
    ['One Too Many', 'Typed while the disk was full'],
    ['Saved Before', 'A note that must survive'],
  ]);
});

/** Hold a write transaction on every store from `page`, as a long import does, until the returned release is called. */
async function holdDatabase(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('kith');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['contacts', 'interactions', 'reminders'], 'readwrite');
          const held = globalThis as unknown as { kithHeld?: boolean; kithReleased?: Promise<void> };
          held.kithHeld = true;
          // A transaction lives while requests keep coming: one after another until released.
          const keepBusy = () => {
            if (held.kithHeld) tx.objectStore('contacts').get('none').onsuccess = keepBusy;
          };
          keepBusy();
          held.kithReleased = new Promise((done) => (tx.oncomplete = () => done(db.close())));
          resolve();
        };
      }),
  );
  return () =>
    page.evaluate(async () => {
      const held = globalThis as unknown as { kithHeld?: boolean; kithReleased?: Promise<void> };
      held.kithHeld = false;
      await held.kithReleased;
    });
}

test('what would be typed while a save waits on a busy database cannot be lost: the form is read-only until it is saved', async ({ kith }) => {
  const holder = await kith.openDashboard('#/settings');
  const popup = await kith.openPopup();
  await popup.getByRole('button', { name: 'Add a person by hand' }).click();
  await field(popup, 'Name').fill('Rana Aziz');
  await field(popup, 'Notes').fill('Met at the conference.');
  let release = await holdDatabase(holder);
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(field(popup, 'Notes')).not.toBeEditable();
  await release();
  await expect(popup.getByRole('status')).toHaveText(/Saved Rana Aziz/);
  expect((await readStore(popup, 'contacts')).map((c) => c.notes)).toEqual(['Met at the conference.']);

  const summary = field(popup, 'Summary');
  await summary.fill('Coffee about the platform team.');
  release = await holdDatabase(holder);
  await popup.getByRole('button', { name: /^Log/ }).click();
  await expect(summary).not.toBeEditable();
  await release();
  await expect(popup.getByRole('status')).toHaveText('Interaction logged.');
  await expect(summary).toBeEditable();
  await expect(summary).toHaveValue('');
});
