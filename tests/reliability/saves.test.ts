// Saving survives what goes wrong around it (issue 8, cases 7, 8 and 11, at unit level): two saves
// of one person at once, an edit over a contact changed elsewhere since its form was drawn, a
// write that fails half way, and the browser's storage being full.
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SAVE_MENU_ID, saveFromContextMenu } from '@/lib/context-menu';
import { draftFromContact, draftFromPerson, emptyDraft, saveDraft } from '@/lib/contact-draft';
import { type KithDB, failureMessage, getContact, listContacts, openKithDb, readEverything, remindersOf, updateContact } from '@/lib/db';
import { Person, Settings } from '@/lib/model';
import { markDone } from '@/lib/reminder-store';
import { localIsoDate } from '@/lib/reminders';

const NOW = new Date(2026, 10, 24, 9, 0).getTime();
const SETTINGS = { defaultCadenceDays: 30 };

const ada = Person.parse({
  name: 'Ada Quinlan',
  title: 'Staff Engineer',
  company: 'Harbor Labs',
  emails: [],
  profileUrl: 'https://www.linkedin.com/in/ada-quinlan-4b2a91/',
  source: 'linkedin',
});

let db: KithDB;
beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  db = await openKithDb(`kith-saves-${Math.random()}`);
});
afterEach(() => vi.restoreAllMocks());

/** Make every `put` into `store` fail as a full disk does. */
function fillUp(store: 'contacts' | 'reminders' | 'any') {
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
    if (store === 'any' || this.name === store) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
}

/** Every contact has exactly one open keep-in-touch reminder, and every reminder a contact. */
async function expectConsistent() {
  const { contacts, reminders } = await readEverything(db);
  const ids = new Set(contacts.map((c) => c.id));
  for (const reminder of reminders) expect(ids.has(reminder.contactId)).toBe(true);
  for (const contact of contacts) {
    const open = reminders.filter((r) => r.contactId === contact.id && r.kind === 'keep-in-touch' && r.doneAt === undefined);
    expect(open).toHaveLength(1);
  }
}

describe('two saves of the same person at the same moment', () => {
  it('from two popups: one contact, one keep-in-touch reminder, both notes kept', async () => {
    const first = { ...draftFromPerson(ada), notes: 'From the first tab' };
    const second = { ...draftFromPerson(ada), notes: 'From the second tab' };
    const results = await Promise.all([
      saveDraft(db, { draft: first, now: NOW, settings: SETTINGS, person: ada }),
      saveDraft(db, { draft: second, now: NOW, settings: SETTINGS, person: ada }),
    ]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    const contacts = await listContacts(db);
    expect(contacts).toHaveLength(1);
    expect(contacts[0].notes).toBe('From the first tab\n\nFrom the second tab');
    await expectConsistent();
  });

  it('from the popup and the context menu at once: one contact', async () => {
    const deps = {
      openDb: async () => db,
      now: () => NOW,
      loadSettings: async () => Settings.parse({}),
      captureTab: async () => ({ url: ada.profileUrl!, expected: true, people: [ada] }),
      linkTextOf: async () => '',
      selectionTextOf: async () => '',
      afterSave: async () => undefined,
    };
    await Promise.all([
      saveFromContextMenu({ menuItemId: SAVE_MENU_ID, frameId: 0 }, { id: 1 }, deps),
      saveDraft(db, { draft: draftFromPerson(ada), now: NOW, settings: SETTINGS, person: ada }),
      saveFromContextMenu({ menuItemId: SAVE_MENU_ID, frameId: 0 }, { id: 1 }, deps),
    ]);
    expect(await listContacts(db)).toHaveLength(1);
    await expectConsistent();
  });
});

describe('an edit saved over a contact changed elsewhere since its form was drawn', () => {
  it('writes only what was typed: a note and a title saved elsewhere meanwhile stay', async () => {
    const { contact } = await saveDraft(db, { draft: draftFromPerson(ada), now: NOW, settings: SETTINGS, person: ada });
    const shown = draftFromContact(contact);
    // Another tab, or the popup, saves a note and a new title while this form is open.
    await updateContact(db, contact.id, (saved) => ({ ...saved, notes: 'Met at the harbour', title: 'CTO', updatedAt: NOW + 1 }));

    const draft = { ...shown, company: 'Tidewater', tags: 'mentor' };
    await saveDraft(db, { draft, shown, now: NOW + 2, settings: SETTINGS, contactId: contact.id });
    expect(await getContact(db, contact.id)).toMatchObject({ notes: 'Met at the harbour', title: 'CTO', company: 'Tidewater', tags: ['mentor'] });
  });

  it('what the user typed over a field changed elsewhere is what is saved', async () => {
    const { contact } = await saveDraft(db, { draft: draftFromPerson(ada), now: NOW, settings: SETTINGS, person: ada });
    const shown = draftFromContact(contact);
    await updateContact(db, contact.id, (saved) => ({ ...saved, notes: 'Written elsewhere', updatedAt: NOW + 1 }));
    await saveDraft(db, { draft: { ...shown, notes: 'Typed here' }, shown, now: NOW + 2, settings: SETTINGS, contactId: contact.id });
    expect((await getContact(db, contact.id))?.notes).toBe('Typed here');
  });

  it('a follow-up done elsewhere is not brought back by a save that left its date alone', async () => {
    const followUp = localIsoDate(NOW + 86_400_000);
    const { contact } = await saveDraft(db, { draft: { ...draftFromPerson(ada), followUp }, now: NOW, settings: SETTINGS, person: ada });
    const [open] = (await remindersOf(db, contact.id)).filter((r) => r.kind === 'follow-up');
    const shown = draftFromContact(contact, undefined, open);
    await markDone(db, open.id, SETTINGS, NOW + 1);

    await saveDraft(db, { draft: { ...shown, title: 'CTO' }, shown, now: NOW + 2, settings: SETTINGS, contactId: contact.id });
    const followUps = (await remindersOf(db, contact.id)).filter((r) => r.kind === 'follow-up');
    expect(followUps).toEqual([expect.objectContaining({ id: open.id, doneAt: NOW + 1 })]);
    await expectConsistent();
  });
});

describe('a save that fails half way writes nothing', () => {
  it('popup: the reminders cannot be written, so the contact is not either', async () => {
    fillUp('reminders');
    const draft = { ...draftFromPerson(ada), followUp: localIsoDate(NOW) };
    await expect(saveDraft(db, { draft, now: NOW, settings: SETTINGS, person: ada })).rejects.toThrow(/quota/i);
    expect(await readEverything(db)).toEqual({ contacts: [], interactions: [], reminders: [] });
  });

  it('right-click save: the reminder cannot be written, so the contact is not either', async () => {
    fillUp('reminders');
    const deps = {
      openDb: async () => db,
      now: () => NOW,
      loadSettings: async () => Settings.parse({}),
      captureTab: async () => ({ url: ada.profileUrl!, expected: true, people: [ada] }),
      linkTextOf: async () => '',
      selectionTextOf: async () => '',
      afterSave: vi.fn(async () => undefined),
    };
    await expect(saveFromContextMenu({ menuItemId: SAVE_MENU_ID, frameId: 0 }, { id: 1 }, deps)).rejects.toThrow(/quota/i);
    expect(await readEverything(db)).toEqual({ contacts: [], interactions: [], reminders: [] });
    expect(deps.afterSave).not.toHaveBeenCalled();
  });

  it('editing a saved contact with a follow-up: neither the edit nor the reminder, if one fails', async () => {
    const { contact } = await saveDraft(db, { draft: draftFromPerson(ada), now: NOW, settings: SETTINGS, person: ada });
    const before = await readEverything(db);
    fillUp('reminders');
    const edit = { ...draftFromPerson(ada), notes: 'An edit that cannot be kept', followUp: localIsoDate(NOW) };
    await expect(saveDraft(db, { draft: edit, now: NOW + 1, settings: SETTINGS, contactId: contact.id })).rejects.toThrow();
    expect(await readEverything(db)).toEqual(before);
  });
});

describe('storage full', () => {
  it('says so plainly, and everything already saved is still there', async () => {
    await saveDraft(db, { draft: { ...emptyDraft(), name: 'Saved Before', notes: 'Precious note' }, now: NOW, settings: SETTINGS });
    const before = await readEverything(db);
    fillUp('any');
    const failure = await saveDraft(db, { draft: { ...emptyDraft(), name: 'One Too Many' }, now: NOW, settings: SETTINGS }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failureMessage(failure)).toBe(
      'the browser’s storage is full, so Kith could not write this. Nothing already saved was lost. Free some disk space, then try again.',
    );
    vi.restoreAllMocks();
    expect(await readEverything(db)).toEqual(before);
    expect(before.contacts.map((c) => c.notes)).toEqual(['Precious note']);
  });

  it('other failures keep their own message', () => {
    expect(failureMessage(new Error('That contact no longer exists'))).toBe('That contact no longer exists');
    expect(failureMessage('plain')).toBe('plain');
  });
});
