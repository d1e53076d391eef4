import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DB_NAME,
  DB_VERSION,
  type DedupeKeys,
  type KithDB,
  ValidationError,
  allOf,
  eachContactBatch,
  bringContactsIntoForm,
  bringRemindersIntoForm,
  deleteContacts,
  deleteReminder,
  dueReminders,
  getContact,
  interactionsOf,
  listContacts,
  nextDueAfter,
  openKithDb,
  putReminder,
  readContactWithHistory,
  remindersOf,
  saveCapturedPerson,
  unindexedReminders,
  saveContactDeduped,
} from '@/lib/db';
import { putContact, putInteraction } from '../records';
import { storesReadBy } from '../stores-read';
import { Contact, Person } from '@/lib/model';


const findContact = async (db: KithDB, keys: DedupeKeys) => (await readContactWithHistory(db, keys))?.contact;
const dueCount = async (db: KithDB, at: number) => (await dueReminders(db, at)).length;
const NOW = Date.UTC(2026, 10, 22, 9, 0);

function contactInput(overrides: Record<string, unknown> = {}) {
  return { id: 'c1', name: 'Ada Quinlan', createdAt: NOW, updatedAt: NOW, ...overrides };
}

let db: KithDB;
beforeEach(async () => {
  // A fresh, empty IndexedDB per test; the shared open promise is per database name, so
  // tests open under the real name after replacing the factory.
  globalThis.indexedDB = new IDBFactory();
  db?.close();
  db = await openKithDb(`kith-test-${Math.random()}`);
});

describe('contacts', () => {
  it('creates, reads, updates and deletes', async () => {
    const created = await putContact(db, contactInput({ emails: ['Ada@Example.com'] }));
    expect(created.emails).toEqual(['ada@example.com']);
    expect(created.relationship).toBe('other');
    expect(await getContact(db, 'c1')).toEqual(created);

    await putContact(db, { ...created, title: 'Staff Engineer', updatedAt: NOW + 1 });
    expect((await getContact(db, 'c1'))?.title).toBe('Staff Engineer');

    await putReminder(db, { id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: NOW, createdAt: NOW });
    await putInteraction(db, { id: 'i1', contactId: 'c1', at: NOW, channel: 'email' });
    await deleteContacts(db, ['c1']);
    expect(await getContact(db, 'c1')).toBeUndefined();
    expect(await interactionsOf(db, 'c1')).toEqual([]);
    expect(await remindersOf(db, 'c1')).toEqual([]);
  });

  it('rejects a bad record with a clear error and writes nothing', async () => {
    await expect(putContact(db, contactInput({ name: '   ' }))).rejects.toThrow(/Invalid contact: Name: A contact needs a name/);
    await expect(putContact(db, contactInput({ profileUrl: 'javascript:alert(1)' }))).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(putContact(db, contactInput({ emails: ['nope'] }))).rejects.toThrow(/Not an email address/);
    await expect(putContact(db, contactInput({ relationship: 'enemy' }))).rejects.toThrow(/relationship/);
    expect(await listContacts(db)).toEqual([]);
  });

  it('caps captured text', async () => {
    const contact = await putContact(db, contactInput({ name: 'A'.repeat(5000), title: 'T'.repeat(5000), notes: 'n'.repeat(30_000) }));
    expect(contact.name).toHaveLength(200);
    expect(contact.title).toHaveLength(300);
    expect(contact.notes).toHaveLength(20_000);
  });
});

describe('dedupe', () => {
  const person = (overrides: Record<string, unknown> = {}) =>
    Person.parse({
      name: 'Ada Quinlan',
      title: 'Staff Engineer',
      emails: [],
      source: 'linkedin',
      profileUrl: 'https://www.linkedin.com/in/ada-quinlan/',
      ...overrides,
    });

  it('finds the same person by canonical profile URL', async () => {
    const first = await saveCapturedPerson(db, person(), NOW);
    const again = await saveCapturedPerson(
      db,
      person({ profileUrl: 'https://uk.linkedin.com/in/Ada-Quinlan?trk=feed', title: 'Principal Engineer' }),
      NOW + 1000,
    );
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.contact.id).toBe(first.contact.id);
    // A different job title is proposed, not silently overwritten.
    expect(again.contact.title).toBe('Staff Engineer');
    expect(again.proposed).toEqual({ title: 'Principal Engineer' });
    expect(await listContacts(db)).toHaveLength(1);
  });

  it('finds the same person by email, case-insensitively, and adds what was missing', async () => {
    await saveCapturedPerson(db, person({ profileUrl: undefined, emails: ['ada@example.com'], title: undefined }), NOW);
    const again = await saveCapturedPerson(db, person({ emails: ['ADA@example.com', 'ada@work.example'] }), NOW + 1);
    expect(again.created).toBe(false);
    expect(again.contact.emails).toEqual(['ada@example.com', 'ada@work.example']);
    expect(again.contact.title).toBe('Staff Engineer');
    expect(again.contact.profileUrl).toBe('https://www.linkedin.com/in/ada-quinlan/');
    expect(await findContact(db, { emails: ['Ada@Work.Example'] })).toMatchObject({ id: again.contact.id });
  });

  it('never matches by name alone', async () => {
    await saveCapturedPerson(db, person({ profileUrl: undefined, emails: ['a@one.example'] }), NOW);
    await saveCapturedPerson(db, person({ profileUrl: undefined, emails: ['a@two.example'] }), NOW);
    expect(await listContacts(db)).toHaveLength(2);
  });

  it('keeps one contact when two saves of the same person race', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        saveContactDeduped(db, contactInput({ id: `racer-${i}`, profileUrl: 'https://www.linkedin.com/in/ada-quinlan/' })),
      ),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await listContacts(db)).toHaveLength(1);
  });
});

describe('interactions', () => {
  it('an interaction moves its contact\'s last-interaction time to the latest', async () => {
    await putContact(db, contactInput());
    await putInteraction(db, { id: 'i2', contactId: 'c1', at: NOW, summary: 'Intro email' });
    await putInteraction(db, { id: 'i1', contactId: 'c1', at: NOW - 5000, summary: 'Coffee' });
    expect((await getContact(db, 'c1'))?.lastInteractionAt).toBe(NOW);
    expect((await interactionsOf(db, 'c1')).map((i) => i.id)).toEqual(['i2', 'i1']);
  });
});

describe('reminders', () => {
  it('counts due, skips done, honours snooze and finds the next due time', async () => {
    await putContact(db, contactInput());
    await putReminder(db, { id: 'past', contactId: 'c1', kind: 'follow-up', dueAt: NOW - 1, createdAt: NOW });
    await putReminder(db, { id: 'future', contactId: 'c1', kind: 'promise', dueAt: NOW + 60_000, createdAt: NOW });
    await putReminder(db, { id: 'done', contactId: 'c1', kind: 'thank-you', dueAt: NOW - 1, doneAt: NOW, createdAt: NOW });
    expect(await dueCount(db, NOW)).toBe(1);
    expect((await dueReminders(db, NOW)).map((r) => r.id)).toEqual(['past']);
    expect(await nextDueAfter(db, NOW)).toBe(NOW + 60_000);

    const past = (await remindersOf(db, 'c1')).find((r) => r.id === 'past')!;
    await putReminder(db, { ...past, snoozedUntil: NOW + 30_000 });
    expect(await dueCount(db, NOW)).toBe(0);
    expect(await nextDueAfter(db, NOW)).toBe(NOW + 30_000);

    await putReminder(db, { ...past, snoozedUntil: NOW + 30_000, doneAt: NOW });
    expect(await dueCount(db, NOW + 100_000)).toBe(1);
    const stored = (await remindersOf(db, 'c1')).find((r) => r.id === 'past');
    expect(stored).not.toHaveProperty('openAt');
    await expect(putReminder(db, { ...past, dueAt: 'soon' as never })).rejects.toBeInstanceOf(ValidationError);

    await deleteReminder(db, 'future');
    expect(await nextDueAfter(db, NOW + 30_000)).toBeUndefined();
    expect((await remindersOf(db, 'c1')).map((r) => r.id).sort()).toEqual(['done', 'past']);
  });
});

describe('records Kith did not write (only the contract’s fields)', () => {
  const foreignContact = { id: 'f1', name: 'Ola Foreign', emails: ['Ola@Example.COM'], profileUrl: 'https://linkedin.com/in/Ola-F', createdAt: NOW, updatedAt: NOW };

  async function writeRaw(store: 'contacts' | 'interactions' | 'reminders', records: object[]) {
    const tx = db.transaction(store, 'readwrite');
    await Promise.all([...records.map((r) => tx.store.put(r as never)), tx.done]);
  }

  it('are read with every field a screen needs, and fields they hold kept', async () => {
    await writeRaw('contacts', [foreignContact]);
    await writeRaw('interactions', [{ id: 'i1', contactId: 'f1', at: NOW }]);
    await writeRaw('reminders', [{ id: 'r1', contactId: 'f1', dueAt: NOW - 1 }]);
    const [contact] = await listContacts(db);
    expect(contact).toMatchObject({ name: 'Ola Foreign', phones: [], tags: [], history: [], notes: '', relationship: 'other' });
    expect(await getContact(db, 'f1')).toEqual(contact);
    expect(await interactionsOf(db, 'f1')).toEqual([{ id: 'i1', contactId: 'f1', at: NOW, channel: 'other', summary: '', received: [], gave: [] }]);
    expect(await remindersOf(db, 'f1')).toEqual([{ id: 'r1', contactId: 'f1', dueAt: NOW - 1, kind: 'follow-up', note: '', createdAt: NOW - 1 }]);
    // Each read gets lists of its own: a caller changing one changes nothing else.
    contact.tags.push('changed');
    expect((await getContact(db, 'f1'))?.tags).toEqual([]);
  });

  it('read values the model does not know as it would, and keep them stored', async () => {
    const odd = { ...foreignContact, relationship: 'coworker', warmth: 'hot', orgRoles: ['advice', 'gossip'], canHelpWith: 'referrals' };
    await writeRaw('contacts', [odd]);
    await writeRaw('interactions', [{ id: 'i1', contactId: 'f1', at: NOW, channel: 'pigeon', received: ['referrals', 'cake'] }]);
    await writeRaw('reminders', [{ id: 'r1', contactId: 'f1', kind: 'birthday', dueAt: NOW - 1, createdAt: NOW }]);
    expect(await getContact(db, 'f1')).toMatchObject({ relationship: 'other', warmth: 'cold', orgRoles: ['advice'], canHelpWith: [] });
    expect((await interactionsOf(db, 'f1'))[0]).toMatchObject({ channel: 'other', received: ['referrals'], gave: [] });
    expect((await remindersOf(db, 'f1'))[0].kind).toBe('follow-up');

    await bringContactsIntoForm(db);
    await bringRemindersIntoForm(db);
    expect(await db.get('contacts', 'f1')).toMatchObject({ relationship: 'coworker', warmth: 'hot', orgRoles: ['advice', 'gossip'] });
    expect(await db.get('interactions', 'i1')).toMatchObject({ channel: 'pigeon', received: ['referrals', 'cake'] });
    expect(await db.get('reminders', 'r1')).toMatchObject({ kind: 'birthday', openAt: NOW - 1 });
    expect(await dueCount(db, NOW)).toBe(1);
  });

  it('are found from a profile link spelled without the slash, www. or https before any rewrite', async () => {
    await writeRaw('contacts', [{ ...foreignContact, profileUrl: 'http://linkedin.com/in/ola-f' }]);
    expect((await findContact(db, { profileUrl: 'https://www.linkedin.com/in/ola-f/' }))?.id).toBe('f1');
    // Saving the same person from their profile adds to that contact instead of making a second one.
    const person = Person.parse({ name: 'Ola F.', profileUrl: 'https://www.linkedin.com/in/ola-f/', emails: [], source: 'linkedin' });
    const { contact, created } = await saveCapturedPerson(db, person, NOW + 1, { notes: 'Met at the meetup' });
    expect(created).toBe(false);
    expect(contact.id).toBe('f1');
    expect(await listContacts(db)).toHaveLength(1);
  });

  it('are rewritten once so the indexes find them; records in form are left alone', async () => {
    const stray = Array.from({ length: 1_200 }, (_, i) => ({ id: `r${String(i).padStart(4, '0')}`, contactId: 'f1', dueAt: NOW - i }));
    await writeRaw('contacts', [foreignContact]);
    await putContact(db, contactInput());
    await writeRaw('reminders', [...stray, { id: 'done', contactId: 'f1', dueAt: NOW - 1, doneAt: NOW }]);
    await putReminder(db, { id: 'own', contactId: 'c1', kind: 'promise', dueAt: NOW - 1, createdAt: NOW });
    expect(await dueCount(db, NOW)).toBe(1);
    expect(await findContact(db, { profileUrl: 'https://www.linkedin.com/in/ola-f/' })).toBeUndefined();

    expect(await unindexedReminders(db)).toBe(1_200);
    expect(await bringRemindersIntoForm(db)).toBe(1_200 + 1);
    expect(await bringContactsIntoForm(db)).toBe(1);
    expect(await unindexedReminders(db)).toBe(0);
    expect(await dueCount(db, NOW)).toBe(1_201);
    expect((await findContact(db, { profileUrl: 'https://www.linkedin.com/in/ola-f/' }))?.id).toBe('f1');
    expect((await findContact(db, { emails: ['ola@example.com'] }))?.id).toBe('f1');
    const stored = await db.get('contacts', 'f1');
    expect(stored).toMatchObject({ name: 'Ola Foreign', emails: ['ola@example.com'], phones: [] });
    expect(await bringContactsIntoForm(db)).toBe(0);
    expect(await bringRemindersIntoForm(db)).toBe(0);
  });

  it('bringing contacts into form reads no interactions: nothing of theirs is indexed out of form', async () => {
    await writeRaw('contacts', [foreignContact]);
    await writeRaw('interactions', [{ id: 'i1', contactId: 'f1', at: NOW }]);
    let rewritten = 0;
    const read = await storesReadBy(async () => (rewritten = await bringContactsIntoForm(db)));
    expect(rewritten).toBe(1);
    expect(new Set(read)).toEqual(new Set(['contacts']));
    expect((await interactionsOf(db, 'f1'))[0]).toMatchObject({ channel: 'other', summary: '', received: [], gave: [] });
  });
});

describe('reading a whole store', () => {
  it('in pieces gives every record, in key order, whatever its key', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openKithDb(`kith-pieces-${Math.random()}`);
    const ids = ['0', '0f', '1', '19', '9z', 'A', 'Z', 'a', 'ab', 'bench-5', 'f', 'ff', 'fff', 'g', 'z', 'é', crypto.randomUUID(), crypto.randomUUID()];
    for (const id of ids) await putContact(db, { id, name: `Person ${id}`, createdAt: NOW, updatedAt: NOW });
    // An id Kith never makes, but another program may write.
    await db.put('contacts', { id: '', name: 'Blank id', createdAt: NOW, updatedAt: NOW } as never);
    const whole = (await db.getAll('contacts')).map((c) => c.id);
    expect(whole).toHaveLength(ids.length + 1);
    expect((await allOf(db.transaction('contacts').store)).map((c) => c.id)).toEqual(whole);
  });

  it('in batches gives every record once, whatever its key, each batch a transaction of its own, four asked at most at once', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openKithDb(`kith-batches-${Math.random()}`);
    const odd = ['', '0', '0f', '1', '9z', 'A', 'Z', 'a', 'bench-5', 'f', 'ff', 'g', 'z', 'é'];
    const ids = [...odd, ...Array.from({ length: 60 }, () => crypto.randomUUID())];
    for (const id of ids) await db.put('contacts', { id, name: `Person ${id}`, createdAt: NOW, updatedAt: NOW } as never);
    let asking = 0;
    let mostAsking = 0;
    const originalGetAll = IDBObjectStore.prototype.getAll;
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = originalGetAll.apply(this, args);
      mostAsking = Math.max(mostAsking, ++asking);
      request.addEventListener('success', () => asking--);
      return request;
    });
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    try {
      const batches: string[][] = [];
      await eachContactBatch(db, 3, (batch) => void batches.push(batch.map((c) => c.id)));
      expect(batches.flat().sort()).toEqual([...ids].sort());
      expect(Math.max(...batches.map((b) => b.length))).toBe(3);
      expect(transactions).toHaveBeenCalledTimes(getAll.mock.calls.length);
      expect(mostAsking).toBe(4);

      let visited = 0;
      await eachContactBatch(db, 3, () => ++visited === 2);
      expect(visited).toBe(2);
    } finally {
      getAll.mockRestore();
      transactions.mockRestore();
    }
  });
});

describe('migrations', () => {
  it('upgrades a version-1 database holding data with nothing lost', async () => {
    globalThis.indexedDB = new IDBFactory();
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(old) {
        old.createObjectStore('contacts', { keyPath: 'id' });
        old.createObjectStore('interactions', { keyPath: 'id' });
        old.createObjectStore('reminders', { keyPath: 'id' });
      },
      // What every Kith page does: step aside when a newer version needs the database.
      blocking: () => v1.close(),
    });
    await v1.put('contacts', {
      id: 'old',
      name: 'Ada Quinlan',
      title: 'Engineer',
      company: 'Lumen',
      location: '',
      emails: ['Ada@Example.com'],
      profileUrl: 'https://www.linkedin.com/in/ada-quinlan/',
      relationship: 'colleague',
      notes: 'Met at the meetup',
      createdAt: NOW,
      updatedAt: NOW,
    });
    // A record today's schema would not take as it is: a field it does not know, notes over the
    // cap, addresses in mixed case with spaces, a profile link with tracking.
    const wide = {
      id: 'wide',
      name: 'Bo Lindqvist',
      pronouns: 'he/him',
      emails: ['  Bo.Lindqvist@Example.SE ', 'BO@Work.Example'],
      profileUrl: 'https://se.linkedin.com/in/Bo-Lindqvist?trk=feed',
      notes: 'n'.repeat(25_000),
      createdAt: NOW,
      updatedAt: NOW,
    };
    await v1.put('contacts', wide);
    await v1.put('interactions', { id: 'i', contactId: 'old', at: NOW, channel: 'email', summary: 'Hello' });
    await v1.put('reminders', { id: 'r', contactId: 'old', kind: 'follow-up', dueAt: NOW, createdAt: NOW });
    await v1.put('reminders', { id: 'r2', contactId: 'wide', kind: 'promise', dueAt: NOW + 1, createdAt: NOW, origin: 'v1' });
    // The old page stays open: the upgrade must close it rather than wait forever.
    const upgraded = await openKithDb(DB_NAME);
    expect(upgraded.version).toBe(DB_VERSION);
    expect([...upgraded.transaction('reminders').store.indexNames].sort()).toEqual(['byContact', 'byDoneAt', 'byKindOpenAt', 'byOpenAt']);
    expect([...upgraded.transaction('contacts').store.indexNames].sort()).toEqual(['byEmail', 'byProfileUrl', 'byReferrer']);
    const contact = await getContact(upgraded, 'old');
    expect(contact).toMatchObject({ name: 'Ada Quinlan', notes: 'Met at the meetup', relationship: 'colleague' });
    expect(await findContact(upgraded, { emails: ['ada@example.com'] })).toMatchObject({ id: 'old' });
    expect(await interactionsOf(upgraded, 'old')).toHaveLength(1);
    expect(await dueCount(upgraded, NOW)).toBe(1);

    // Kept whole: only the keys the indexes read are in today's form.
    expect(await getContact(upgraded, 'wide')).toEqual({
      ...Contact.parse({ id: 'wide', name: 'Bo Lindqvist', createdAt: NOW, updatedAt: NOW }),
      ...wide,
      emails: ['bo.lindqvist@example.se', 'bo@work.example'],
      profileUrl: 'https://www.linkedin.com/in/bo-lindqvist/',
    });
    expect(await findContact(upgraded, { emails: ['bo@work.example'] })).toMatchObject({ id: 'wide', pronouns: 'he/him' });
    expect(await findContact(upgraded, { profileUrl: 'https://www.linkedin.com/in/bo-lindqvist/' })).toMatchObject({ id: 'wide' });
    expect(await nextDueAfter(upgraded, NOW)).toBe(NOW + 1);
    expect(await upgraded.get('reminders', 'r2')).toMatchObject({ origin: 'v1', note: '', openAt: NOW + 1 });
    upgraded.close();
  });

  it('upgrades a version-2 database: done reminders, open ones by kind and referrers get their index, the unread index by time of change goes, nothing else changes', async () => {
    globalThis.indexedDB = new IDBFactory();
    const v2 = await openDB(DB_NAME, 2, {
      upgrade(old) {
        const contacts = old.createObjectStore('contacts', { keyPath: 'id' });
        contacts.createIndex('byProfileUrl', 'profileUrl');
        contacts.createIndex('byEmail', 'emails', { multiEntry: true });
        contacts.createIndex('byUpdatedAt', 'updatedAt');
        const interactions = old.createObjectStore('interactions', { keyPath: 'id' });
        interactions.createIndex('byContact', 'contactId');
        interactions.createIndex('byAt', 'at');
        const reminders = old.createObjectStore('reminders', { keyPath: 'id' });
        reminders.createIndex('byContact', 'contactId');
        reminders.createIndex('byOpenAt', 'openAt');
      },
    });
    const open = { id: 'open', contactId: 'c1', kind: 'follow-up', dueAt: NOW, note: '', createdAt: NOW, openAt: NOW };
    const done = { id: 'done', contactId: 'c1', kind: 'promise', dueAt: NOW, note: '', createdAt: NOW, doneAt: NOW };
    await v2.put('reminders', open);
    await v2.put('reminders', done);
    await v2.put('contacts', { id: 'c2', name: 'Bo Lind', referredBy: 'c1', createdAt: NOW, updatedAt: NOW });
    v2.close();
    // A fresh module, so the shared connection is opened on this test's IndexedDB.
    vi.resetModules();
    const fresh = await import('@/lib/db');
    const upgraded = await fresh.openKithDb();
    expect(upgraded.version).toBe(DB_VERSION);
    expect(await upgraded.countFromIndex('reminders', 'byDoneAt')).toBe(1);
    expect([...upgraded.transaction('contacts').store.indexNames].sort()).toEqual(['byEmail', 'byProfileUrl', 'byReferrer']);
    expect(await fresh.unindexedReminders(upgraded)).toBe(0);
    expect(await upgraded.getAll('reminders')).toEqual([done, open]);
    // Whom each contact was referred by, and open reminders by kind, indexed over the records already stored.
    expect((await upgraded.getAllFromIndex('contacts', 'byReferrer', 'c1')).map((c) => c.id)).toEqual(['c2']);
    expect(await upgraded.getAllFromIndex('reminders', 'byKindOpenAt', IDBKeyRange.bound(['follow-up', 0], ['follow-up', Infinity]))).toEqual([open]);
    upgraded.close();
  });

  it('the shared connection steps aside when another page upgrades the database', async () => {
    // A fresh module, so the shared connection is opened on this test's IndexedDB.
    vi.resetModules();
    const fresh = await import('@/lib/db');
    const held = await fresh.openKithDb();
    const next = await openDB(DB_NAME, DB_VERSION + 1);
    expect(next.version).toBe(DB_VERSION + 1);
    // The `blocking` handler closed the old connection instead of wedging the upgrade.
    expect(() => held.transaction('contacts')).toThrow(/closed|InvalidStateError/i);
    next.close();
  });
});
