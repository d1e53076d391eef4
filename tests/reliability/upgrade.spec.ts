// Upgrades and restarts in the real browser (issue 8, cases 9 and 10): a database written by
// schema version 1, full of data and held open by an old page, is opened by today's Kith with
// nothing lost and without waiting on the old page; after a browser restart the reminders, the
// scheduler alarm and the badge come back from the data.
import { DB_VERSION } from '../../lib/db';
import { expect, test } from '../e2e/harness';

const CONTACTS = 300;
const DAY = 86_400_000;

test('a version-1 database held open by an old page upgrades with nothing lost, and survives a restart', async ({ kith }) => {
  const old = await kith.openPopup();
  const written = await old.evaluate(
    async ({ count, day }) => {
      const now = Date.now();
      const startOfToday = new Date(new Date().setHours(0, 0, 0, 0)).getTime();
      // Start again from nothing, then create version 1 right away: requests on one database run
      // in order, so nothing opens today's schema in between.
      indexedDB.deleteDatabase('kith');
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('kith', 1);
        request.onupgradeneeded = () => {
          for (const store of ['contacts', 'interactions', 'reminders']) request.result.createObjectStore(store, { keyPath: 'id' });
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('blocked'));
      });
      // As old Kith pages do: step aside when a newer version needs the database.
      const state = { closedForUpgrade: false };
      db.onversionchange = () => {
        state.closedForUpgrade = true;
        db.close();
      };
      Object.assign(globalThis, { kithOldDb: state });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['contacts', 'interactions', 'reminders'], 'readwrite');
        for (let i = 0; i < count; i++) {
          tx.objectStore('contacts').put({
            id: `c${i}`,
            name: `Person ${i}`,
            title: 'Engineer',
            company: `Company ${i % 17}`,
            location: '',
            emails: [`Person.${i}@Example.org`],
            profileUrl: i % 2 ? `https://uk.linkedin.com/in/person-${i}?trk=x` : undefined,
            relationship: 'colleague',
            notes: `Notes about person ${i}`,
            createdAt: now - i * day,
            updatedAt: now - i * day,
          });
          tx.objectStore('interactions').put({ id: `i${i}`, contactId: `c${i}`, at: now - i * day, channel: 'email', summary: `Hello ${i}` });
        }
        // Three follow-ups due today or earlier, one next week.
        for (let i = 0; i < 3; i++) tx.objectStore('reminders').put({ id: `due${i}`, contactId: `c${i}`, kind: 'follow-up', dueAt: startOfToday - i * day, createdAt: now });
        tx.objectStore('reminders').put({ id: 'later', contactId: 'c3', kind: 'follow-up', dueAt: startOfToday + 7 * day, createdAt: now });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      return { now, startOfToday };
    },
    { count: CONTACTS, day: DAY },
  );

  // Today's popup opens while the old page still holds version 1: it upgrades, shows what is due.
  const popup = await kith.openPopup();
  const due = popup.getByRole('region', { name: 'Due today' });
  await expect(due.getByRole('listitem')).toHaveCount(3, { timeout: 10_000 });
  await expect(due).toContainText('Person 0');
  expect(await old.evaluate(() => (globalThis as unknown as { kithOldDb: { closedForUpgrade: boolean } }).kithOldDb.closedForUpgrade)).toBe(true);
  expect(await popup.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'kith')?.version)).toBe(DB_VERSION);

  const contacts = await kith.readStore<{ id: string; name: string; emails: string[]; profileUrl?: string; notes: string }>('contacts');
  expect(contacts).toHaveLength(CONTACTS);
  const byId = new Map(contacts.map((c) => [c.id, c]));
  for (let i = 0; i < CONTACTS; i++) {
    const contact = byId.get(`c${i}`)!;
    expect(contact.name).toBe(`Person ${i}`);
    expect(contact.notes).toBe(`Notes about person ${i}`);
    // Brought into today's shape so the new indexes find them.
    expect(contact.emails).toEqual([`person.${i}@example.org`]);
    if (i % 2) expect(contact.profileUrl).toBe(`https://www.linkedin.com/in/person-${i}/`);
  }
  expect(await kith.readStore('interactions')).toHaveLength(CONTACTS);
  const reminders = await kith.readStore<{ id: string; openAt?: number }>('reminders');
  expect(reminders.filter((r) => r.id.startsWith('due') || r.id === 'later').every((r) => typeof r.openAt === 'number')).toBe(true);

  // Search finds an upgraded contact by its (now lowercased) email.
  await popup.getByRole('combobox', { name: 'Search your contacts' }).fill('person.42@example.org');
  await expect(popup.getByRole('option')).toHaveText(['Person 42 Engineer · Company 8']);

  // Restart the browser: reminders, the one alarm and the badge come back from the data. The
  // restart may also resync keep-in-touch reminders for the upgraded contacts (their cadence has
  // run out), so what the badge and alarm must show is read from the store, not assumed.
  await kith.restart();
  const fromData = async () => {
    const now = Date.now();
    const reminders = await kith.readStore<{ id: string; openAt?: number }>('reminders');
    const due = reminders.filter((r) => r.openAt !== undefined && r.openAt <= now).length;
    const next = Math.min(...reminders.flatMap((r) => (r.openAt !== undefined && r.openAt > now ? [r.openAt] : [])));
    const shown = await kith.worker.evaluate(async () => ({
      badge: await chrome.action.getBadgeText({}),
      alarms: (await chrome.alarms.getAll()).map((a) => [a.name, a.scheduledTime]),
    }));
    return { reminders, due, next, matches: shown.badge === String(due) && JSON.stringify(shown.alarms) === JSON.stringify([['kith:next-due', next]]) };
  };
  await expect.poll(async () => (await fromData()).matches).toBe(true);
  const { reminders: after, due: dueNow } = await fromData();
  expect(dueNow).toBeGreaterThanOrEqual(3);
  expect(after.filter((r) => r.id.startsWith('due') || r.id === 'later')).toHaveLength(4);
  expect(after.find((r) => r.id === 'later')?.openAt).toBe(written.startOfToday + 7 * DAY);
  expect(await kith.readStore('contacts')).toHaveLength(CONTACTS);
});
