import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '@/lib/dashboard-route';
import {
  type KithDB,
  contactIdsOf,
  deleteContacts,
  dueReminders,
  getContact,
  interactionsOf,
  listContacts,
  mergeContacts,
  openKithDb,
  putReminder,
  readEverything,
  remindersOf,
  restoreSnapshot,
  revertContactChanges,
  undoMerge,
  updateContact,
  updateContacts,
  weekReminders,
} from '@/lib/db';
import { putContact, putInteraction } from '../records';
import { combineSavedContacts, mergeSavedContacts } from '@/lib/merge';
import { logInteraction, markDone, remindersAlongside, removeInteraction, snooze, syncAllKeepInTouch } from '@/lib/reminder-store';
import { dueTimeOf, isOpen, keepInTouchDueAt } from '@/lib/reminders';
import { Contact, Interaction, Reminder } from '@/lib/model';
import { circlesOf, orgNetworksOf, targetsOf } from '@/lib/network';
import { weekAgenda, weekAheadOf } from '@/lib/week';

const NOW = new Date(2026, 10, 22, 15, 0).getTime(); // local time: "today" is 22 Nov
const DAY = 86_400_000;
const CADENCE = { defaultCadenceDays: 90 };
const make = (input: Record<string, unknown>) => Contact.parse({ createdAt: NOW, updatedAt: NOW, ...input });

describe('routes', () => {
  it('parses every page, the contact contract, and falls back to contacts', () => {
    expect(parseRoute('')).toEqual({ page: 'contacts' });
    expect(parseRoute('#/contacts')).toEqual({ page: 'contacts' });
    expect(parseRoute('#/contact/abc-123')).toEqual({ page: 'contact', id: 'abc-123' });
    expect(parseRoute('#/contact/a%2Fb')).toEqual({ page: 'contact', id: 'a/b' });
    expect(parseRoute('#/contact/abc-123/')).toEqual({ page: 'contact', id: 'abc-123' });
    expect(parseRoute('#/map/')).toEqual({ page: 'map' });
    expect(parseRoute('#/contact/%E0%A4%A')).toEqual({ page: 'contacts' });
    for (const page of ['map', 'week', 'import', 'settings'] as const) expect(parseRoute(`#/${page}`)).toEqual({ page });
    expect(parseRoute('#/nowhere')).toEqual({ page: 'contacts' });
    expect(routeHash({ page: 'contact', id: 'a/b' })).toBe('#/contact/a%2Fb');
  });

  it('keeps the contacts search in the address, written so it reads back the same', () => {
    for (const q of ['ann', 'García, José <jose@x.es>', 'a/b?c=d#e', '  two  spaces ']) {
      expect(routeHash({ page: 'contacts', q })).toMatch(/^#\/contacts\?q=/);
      expect(parseRoute(routeHash({ page: 'contacts', q }))).toEqual({ page: 'contacts', q });
    }
    expect(routeHash({ page: 'contacts' })).toBe('#/contacts');
    expect(parseRoute('#/contacts?q=')).toEqual({ page: 'contacts' });
    // Only the contacts page has a search.
    expect(parseRoute('#/map?q=ann')).toEqual({ page: 'map' });
  });
});

describe('network map', () => {
  const people = [
    make({ id: 'a', name: 'A', relationship: 'colleague', warmth: 'warm', company: 'Globex Corp', orgRoles: ['advice', 'trust'] }),
    make({ id: 'b', name: 'B', relationship: 'colleague', company: 'Initech' }),
    make({ id: 'c', name: 'C', relationship: 'friend', warmth: 'warm', company: 'globex', orgRoles: ['communication'] }),
  ];

  it('lists every circle in order with counts, empty ones included', () => {
    const circles = circlesOf(people);
    expect(circles.map((c) => c.relationship)).toEqual([
      'family', 'friend', 'education', 'interest-group', 'similar-situation', 'colleague', 'client', 'business-associate', 'professional-body', 'community', 'other',
    ]);
    expect(circles.find((c) => c.relationship === 'colleague')).toEqual({ relationship: 'colleague', total: 2, warm: 1, cold: 1 });
    expect(circles.find((c) => c.relationship === 'friend')).toEqual({ relationship: 'friend', total: 1, warm: 1, cold: 0 });
    expect(circles.find((c) => c.relationship === 'family')).toEqual({ relationship: 'family', total: 0, warm: 0, cold: 0 });
  });

  it('groups the organisational networks and finds who works at each target, warm first', () => {
    const networks = orgNetworksOf(people);
    expect(networks.advice.map((c) => c.id)).toEqual(['a']);
    const cold = make({ id: 'z', name: 'Aaron', orgRoles: ['communication'] });
    expect(orgNetworksOf([cold, ...people]).communication.map((c) => c.id)).toEqual(['c', 'z']);
    expect(networks.trust.map((c) => c.id)).toEqual(['a']);
    expect(networks.communication.map((c) => c.id)).toEqual(['c']);
    expect(targetsOf(people, ['Globex', 'Hooli', ' globex ', 'GLOBEX']).map((t) => [t.target, t.people.map((c) => c.id)])).toEqual([
      ['Globex', ['a', 'c']],
      ['Hooli', []],
    ]);
    // Whole words: a target is not found inside another company's name.
    const others = [
      make({ id: 'meta', name: 'M', company: 'Meta Platforms, Inc.' }),
      make({ id: 'metaview', name: 'V', company: 'Metaview' }),
      make({ id: 'xerox', name: 'X', company: 'Xerox' }),
      make({ id: 'sg', name: 'S', company: 'Société Générale CIB' }),
    ];
    expect(targetsOf(others, ['Meta', 'X', 'societe generale', 'Platforms Inc']).map((t) => [t.target, t.people.map((c) => c.id)])).toEqual([
      ['Meta', ['meta']],
      ['X', []],
      ['societe generale', ['sg']],
      ['Platforms Inc', ['meta']],
    ]);
    // A legal form written or not, and names in scripts without spaces.
    const acmes = ['Acme', 'Acme GmbH', 'ACME Corporation', 'acme ltd', 'Acme, Inc', 'Acmeware', 'トヨタ自動車株式会社', '腾讯科技'].map((company, i) =>
      make({ id: `c${i}`, name: `P${i}`, company }),
    );
    expect(targetsOf(acmes, ['Acme Inc.', 'Google LLC', 'トヨタ', '腾讯']).map((t) => [t.target, t.people.map((c) => c.company).sort()])).toEqual([
      ['Acme Inc.', ['ACME Corporation', 'Acme', 'Acme GmbH', 'Acme, Inc', 'acme ltd']],
      ['Google LLC', []],
      ['トヨタ', ['トヨタ自動車株式会社']],
      ['腾讯', ['腾讯科技']],
    ]);
    // One target however its punctuation and legal form are written; "&" is "and".
    const pg = [make({ id: 'pg', name: 'P', company: 'Procter & Gamble' }), make({ id: 'ey', name: 'E', company: 'Ernst and Young LLP' })];
    expect(targetsOf(pg, ['Acme Inc', 'ACME INC.', 'Procter and Gamble', 'Ernst & Young']).map((t) => [t.target, t.people.map((c) => c.id)])).toEqual([
      ['Acme Inc', []],
      ['Procter and Gamble', ['pg']],
      ['Ernst & Young', ['ey']],
    ]);
  });
});

describe('this week', () => {
  const jane = make({ id: 'j', name: 'Jane' });
  const contacts = new Map([[jane.id, jane]]);
  const reminder = (id: string, kind: Reminder['kind'], dueAt: number, extra: Record<string, unknown> = {}) =>
    Reminder.parse({ id, contactId: 'j', kind, dueAt, createdAt: 0, ...extra });

  it('sorts reminders into overdue, today and coming up; keep-in-touch ones are the past-cadence list', () => {
    const reminders = [
      reminder('late', 'follow-up', NOW - 3 * DAY),
      reminder('today', 'promise', new Date(2026, 10, 22).getTime()),
      reminder('soon', 'promise', NOW + 2 * DAY),
      reminder('far', 'follow-up', NOW + 30 * DAY),
      reminder('done', 'follow-up', NOW - DAY, { doneAt: NOW }),
      reminder('snoozed', 'thank-you', NOW - 5 * DAY, { snoozedUntil: NOW + DAY }),
      // Not due until 17:00, as the badge counts it: coming up, not due today.
      reminder('later-today', 'follow-up', NOW - DAY, { snoozedUntil: NOW + 2 * 3600_000 }),
      reminder('kit', 'keep-in-touch', NOW - 10 * DAY),
      // Snoozed once, at 29 days over: over since its day all the same, and listed by it.
      reminder('kit-snoozed', 'keep-in-touch', NOW - 30 * DAY, { snoozedUntil: NOW - 3600_000 }),
      reminder('orphan', 'follow-up', NOW - DAY, { contactId: 'gone' }),
    ];
    const interactions = [NOW - DAY, NOW - 6 * DAY, NOW - 8 * DAY].map((at, i) => Interaction.parse({ id: `i${i}`, contactId: 'j', at }));
    const agenda = weekAgenda(contacts, reminders, interactions, { weeklyGoal: 3 }, NOW);
    expect(agenda.overdue.map((r) => r.id)).toEqual(['late']);
    expect(agenda.dueToday.map((r) => r.id)).toEqual(['today']);
    expect(agenda.comingUp.map((r) => r.id)).toEqual(['later-today', 'snoozed', 'soon']);
    expect(agenda.promises.map((r) => r.id)).toEqual(['today', 'soon']);
    expect(agenda.pastCadence.map((p) => [p.contact.id, p.reminder.id, p.daysOver])).toEqual([
      ['j', 'kit-snoozed', 30],
      ['j', 'kit', 10],
    ]);
    expect(agenda.goal).toEqual({ done: 2, target: 3 });
  });

  it('reads only the reminders it shows: those due within the week, and every open promise', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openKithDb(`kith-week-${Math.random()}`);
    const stored = [
      reminder('late', 'follow-up', NOW - 3 * DAY),
      reminder('soon', 'promise', NOW + 2 * DAY),
      reminder('far', 'follow-up', NOW + 30 * DAY),
      reminder('far-promise', 'promise', NOW + 30 * DAY),
      reminder('done-promise', 'promise', NOW - DAY, { doneAt: NOW }),
      reminder('snoozed-past-week', 'thank-you', NOW - 5 * DAY, { snoozedUntil: NOW + 9 * DAY }),
      reminder('kit', 'keep-in-touch', NOW - 10 * DAY),
      reminder('kit-later', 'keep-in-touch', NOW + 20 * DAY),
    ];
    for (const r of stored) await putReminder(db, r);
    const read = await weekReminders(db, weekAheadOf(NOW));
    expect(read.map((r) => r.id).sort()).toEqual(['far-promise', 'kit', 'late', 'soon']);
    // The same week as from every reminder.
    expect(weekAgenda(contacts, read, [], { weeklyGoal: 3 }, NOW)).toEqual(weekAgenda(contacts, stored, [], { weeklyGoal: 3 }, NOW));
  });
});

describe('bulk changes, merge and undo', () => {
  let db: KithDB;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openKithDb(`kith-dash-${Math.random()}`);
    await putContact(db, { id: 'keep', name: 'Jane Doe', emails: ['jane@a.com'], tags: ['vip', 'berlin'], notes: 'Mine', createdAt: 5, updatedAt: 5 });
    await putContact(db, { id: 'gone', name: 'J. Doe', title: 'CTO', emails: ['jd@b.com', 'jane@a.com'], tags: ['berlin', 'fintech'], notes: 'Theirs', createdAt: 1, updatedAt: 1 });
    await putContact(db, { id: 'ref', name: 'Referred', referredBy: 'gone', createdAt: 1, updatedAt: 1 });
    await putInteraction(db, { id: 'i1', contactId: 'gone', at: NOW - DAY, summary: 'Lunch' });
    await putReminder(db, { id: 'r1', contactId: 'gone', kind: 'promise', dueAt: NOW, createdAt: 1 });
  });

  it('undo of a delete leaves an email or link saved on someone else since with them, and says so', async () => {
    await putContact(db, { id: 'ada', name: 'Ada Quinlan', emails: ['ada@q.dev'], profileUrl: 'https://www.linkedin.com/in/adaq/', createdAt: 1, updatedAt: 1 });
    const snapshot = await deleteContacts(db, ['ada']);
    // Saved again from her profile before the Undo.
    await putContact(db, { id: 'ada-again', name: 'Ada Quinlan', emails: ['ada@q.dev'], profileUrl: 'https://www.linkedin.com/in/adaq/', createdAt: 2, updatedAt: 2 });
    expect(await restoreSnapshot(db, snapshot)).toEqual([
      { key: 'ada@q.dev', owner: 'Ada Quinlan' },
      { key: 'https://www.linkedin.com/in/adaq/', owner: 'Ada Quinlan' },
    ]);
    const back = await getContact(db, 'ada');
    expect(back).toMatchObject({ name: 'Ada Quinlan', emails: [] });
    expect(back?.profileUrl).toBeUndefined();
    expect(await getContact(db, 'ada-again')).toMatchObject({ emails: ['ada@q.dev'], profileUrl: 'https://www.linkedin.com/in/adaq/' });
  });

  it('undo of a merge leaves an email the kept contact has been saved with since on it alone', async () => {
    await putContact(db, { id: 'alma', name: 'Alma Arrow', emails: ['alma@x.example'], createdAt: 1, updatedAt: 1 });
    await putContact(db, { id: 'aa', name: 'Alma A.', emails: ['aa@y.example'], createdAt: 1, updatedAt: 1 });
    const { undo } = await mergeSavedContacts(db, 'alma', 'aa', NOW, CADENCE);
    // Another tab adds an address to the merged contact's emails, keeping the one the merge brought.
    await updateContact(db, 'alma', (c) => ({ ...c, emails: [...c.emails, 'alma@work.example'], updatedAt: NOW + 1 }));
    expect(await undoMerge(db, undo, CADENCE, NOW + 2)).toEqual([{ key: 'aa@y.example', owner: 'Alma Arrow' }]);
    expect((await getContact(db, 'alma'))?.emails).toEqual(['alma@x.example', 'aa@y.example', 'alma@work.example']);
    expect(await getContact(db, 'aa')).toMatchObject({ name: 'Alma A.', emails: [] });
  });

  it('deletes contacts with their records and restores them exactly', async () => {
    const before = await readEverything(db);
    const snapshot = await deleteContacts(db, ['gone', 'ref']);
    expect((await listContacts(db)).map((c) => c.id)).toEqual(['keep']);
    expect((await readEverything(db)).reminders).toEqual([]);
    expect(snapshot.interactions.map((i) => i.id)).toEqual(['i1']);
    await restoreSnapshot(db, snapshot);
    expect(await readEverything(db)).toEqual({
      contacts: expect.arrayContaining(before.contacts),
      interactions: before.interactions,
      reminders: before.reminders,
    });
    expect((await readEverything(db)).contacts).toHaveLength(3);
  });

  it('deleting someone who referred others leaves those with no referrer, and undo points them at them again', async () => {
    const referredBefore = await getContact(db, 'ref');
    const snapshot = await deleteContacts(db, ['gone']);
    expect((await getContact(db, 'ref'))?.referredBy).toBeUndefined();
    expect(contactIdsOf(snapshot)).toEqual(['gone', 'ref']);
    await restoreSnapshot(db, snapshot);
    expect(await getContact(db, 'ref')).toEqual(referredBefore);
  });

  it('undo of a delete points those referred at their referrer again, keeping what was saved on them since', async () => {
    const snapshot = await deleteContacts(db, ['gone']);
    // Saved in another tab before the Undo.
    await updateContact(db, 'ref', (c) => ({ ...c, title: 'Chief Engine Officer', tags: ['new'], updatedAt: NOW }));
    await restoreSnapshot(db, snapshot);
    expect(await getContact(db, 'ref')).toMatchObject({ referredBy: 'gone', title: 'Chief Engine Officer', tags: ['new'], updatedAt: NOW });
  });

  it('undo of a delete leaves a referrer given since', async () => {
    const snapshot = await deleteContacts(db, ['gone']);
    await updateContact(db, 'ref', (c) => ({ ...c, referredBy: 'keep' }));
    await restoreSnapshot(db, snapshot);
    expect((await getContact(db, 'ref'))?.referredBy).toBe('keep');
  });

  it('updates many contacts at once, and undoes it', async () => {
    const all = await listContacts(db);
    const changes = await updateContacts(db, all.map((c) => c.id), (c) => ({ ...c, tags: [...c.tags, 'vip'], relationship: 'client' }));
    expect(changes.map((c) => c.before)).toEqual(all);
    expect((await listContacts(db)).every((c) => c.tags.includes('vip') && c.relationship === 'client')).toBe(true);
    await revertContactChanges(db, changes, NOW);
    expect((await listContacts(db)).map(({ updatedAt: _, ...c }) => c)).toEqual(all.map(({ updatedAt: _, ...c }) => c));
  });

  it('undoes a bulk change on the contacts as stored: what was saved since stays', async () => {
    const changes = await updateContacts(db, ['keep', 'gone'], (c) => ({ ...c, tags: [...c.tags, 'vip'], relationship: 'client' }));
    // Since: an interaction logged in the popup, and one of them moved to another circle by hand.
    await logInteraction(db, { id: 'i-later', contactId: 'keep', at: NOW, channel: 'call' }, CADENCE, NOW);
    await updateContact(db, 'gone', (c) => ({ ...c, relationship: 'friend', notes: 'Edited since' }));
    await revertContactChanges(db, changes, NOW + 1);
    const [keep, gone] = await Promise.all([getContact(db, 'keep'), getContact(db, 'gone')]);
    const [keepBefore, goneBefore] = changes.map((c) => c.before);
    expect(keep).toMatchObject({ tags: keepBefore.tags, relationship: keepBefore.relationship, lastInteractionAt: NOW });
    expect(gone).toMatchObject({ tags: goneBefore.tags, relationship: 'friend', notes: 'Edited since' });
  });

  it('a bulk change applies to each contact as stored, not as the dashboard loaded it', async () => {
    const t0 = NOW - 120 * DAY;
    await putContact(db, { id: 'c1', name: 'Ada Quinlan', createdAt: t0, updatedAt: t0 });
    await updateContact(db, 'c1', (c) => c, remindersAlongside(CADENCE, t0));
    const notebook = await listContacts(db);
    // Since the dashboard loaded: an interaction logged in the popup, the notes edited elsewhere.
    await logInteraction(db, { id: 'i-call', contactId: 'c1', at: NOW, channel: 'call' }, CADENCE, NOW);
    await updateContact(db, 'c1', (c) => ({ ...c, notes: 'Edited in the popup' }));

    const changes = await updateContacts(db, notebook.map((c) => c.id), (c) => ({ ...c, tags: [...c.tags, 'vip'], updatedAt: NOW + 1 }));
    expect(await getContact(db, 'c1')).toMatchObject({ lastInteractionAt: NOW, notes: 'Edited in the popup', tags: ['vip'] });
    // Keep-in-touch, synced again from the stored contact, stays counted from the call.
    await syncAllKeepInTouch(db, CADENCE, NOW);
    expect((await dueReminders(db, NOW)).filter((r) => r.contactId === 'c1')).toEqual([]);
    // Undo gets the contacts as they were just before the change.
    expect(changes.find((c) => c.before.id === 'c1')?.before).toMatchObject({ lastInteractionAt: NOW, notes: 'Edited in the popup', tags: [] });
  });

  it('a bulk change writes nothing when one result is invalid, and leaves a contact deleted meanwhile deleted', async () => {
    const all = await listContacts(db);
    await expect(updateContacts(db, ['keep', 'gone'], (c) => ({ ...c, name: c.id === 'gone' ? ' ' : c.name, tags: ['x'] }))).rejects.toThrow(/name/);
    expect(await listContacts(db)).toEqual(all);
    await deleteContacts(db, ['ref']);
    const changes = await updateContacts(db, ['keep', 'ref'], (c) => ({ ...c, tags: [...c.tags, 'x'] }));
    expect(changes.map((c) => c.before.id)).toEqual(['keep']);
    expect(await getContact(db, 'ref')).toBeUndefined();
  });

  it('merges two contacts: both notes kept, lists joined, fields, interactions, reminders and referrals move; undo puts everything back', async () => {
    const before = await readEverything(db);
    const { undo, contact } = await mergeSavedContacts(db, 'keep', 'gone', NOW, CADENCE);
    expect(contact).toMatchObject({
      id: 'keep',
      name: 'Jane Doe',
      title: 'CTO',
      emails: ['jane@a.com', 'jd@b.com'],
      tags: ['vip', 'berlin', 'fintech'],
      notes: 'Mine\n\nTheirs',
      createdAt: 1,
      updatedAt: NOW,
      lastInteractionAt: NOW - DAY,
    });
    expect(await getContact(db, 'keep')).toEqual(contact);
    expect(await getContact(db, 'gone')).toBeUndefined();
    expect((await getContact(db, 'ref'))?.referredBy).toBe('keep');
    expect((await interactionsOf(db, 'keep')).map((i) => i.id)).toEqual(['i1']);
    // Neither had a keep-in-touch reminder (written without one): the merged contact gets its own.
    expect((await remindersOf(db, 'keep')).map((r) => [r.id, r.kind])).toEqual([['r1', 'promise'], [undo.made.reminders[0], 'keep-in-touch']]);

    await undoMerge(db, undo, CADENCE, NOW);
    const after = await readEverything(db);
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after.contacts)).toEqual(byId(before.contacts));
    expect(after.interactions).toEqual(before.interactions);
    // Every reminder as it was; and each of the two, written without one, now keeps in touch.
    expect(after.reminders.filter((r) => r.kind !== 'keep-in-touch')).toEqual(before.reminders);
    expect(after.reminders.filter((r) => r.kind === 'keep-in-touch').map((r) => r.contactId).sort()).toEqual(['gone', 'keep']);
    expect((await getContact(db, 'keep'))?.notes).toBe('Mine');
    expect((await getContact(db, 'gone'))?.notes).toBe('Theirs');
  });

  it('undoing a merge keeps what was saved since on the merged contact and on those it referred', async () => {
    const { undo } = await mergeSavedContacts(db, 'keep', 'gone', NOW, CADENCE);
    // After the merge, before its Undo: a note and a place added in the popup, a note on the referred person.
    await updateContact(db, 'keep', (c) => ({ ...c, notes: `${c.notes}\n\nAdded later`, location: 'Berlin', updatedAt: NOW + 1 }));
    await updateContact(db, 'ref', (c) => ({ ...c, notes: 'Introduced me to Ada', updatedAt: NOW + 1 }));

    await undoMerge(db, undo, CADENCE, NOW + 2);
    // What only the merge changed goes back; what was changed since stays.
    expect(await getContact(db, 'keep')).toMatchObject({
      emails: ['jane@a.com'],
      title: '',
      tags: ['vip', 'berlin'],
      notes: 'Mine\n\nTheirs\n\nAdded later',
      location: 'Berlin',
      updatedAt: NOW + 2,
    });
    expect(await getContact(db, 'gone')).toMatchObject({ emails: ['jd@b.com', 'jane@a.com'], notes: 'Theirs' });
    expect(await getContact(db, 'ref')).toMatchObject({ referredBy: 'gone', notes: 'Introduced me to Ada' });
    expect((await interactionsOf(db, 'gone')).map((i) => i.id)).toEqual(['i1']);
  });

  it('undoing a merge moves back what it moved as it is now: edited since, deleted since and done since stay so', async () => {
    await putInteraction(db, { id: 'i2', contactId: 'gone', at: NOW - 2 * DAY, summary: 'Intro call' });
    const { undo } = await mergeSavedContacts(db, 'keep', 'gone', NOW, CADENCE);
    // After the merge, before its Undo, on the merged contact's page or in the popup.
    await putInteraction(db, { id: 'i1', contactId: 'keep', at: NOW - DAY, summary: 'Lunch, and she owes me the deck' });
    await removeInteraction(db, 'i2', CADENCE, NOW + 1);
    await markDone(db, 'r1', CADENCE, NOW + 1);

    await undoMerge(db, undo, CADENCE, NOW + 2);
    expect(await interactionsOf(db, 'gone')).toEqual([expect.objectContaining({ id: 'i1', summary: 'Lunch, and she owes me the deck' })]);
    expect(await interactionsOf(db, 'keep')).toEqual([]);
    // Its promise done since stays done; beside it, each contact now keeps in touch.
    const withKind = async (id: string) => (await remindersOf(db, id)).map((r) => [r.id === 'r1' ? 'r1' : r.kind, isOpen(r)]);
    expect(await withKind('gone')).toEqual(expect.arrayContaining([['r1', false], ['keep-in-touch', true]]));
    expect((await remindersOf(db, 'keep')).map((r) => r.id)).not.toContain('r1');
  });

  it('undoing a merge of notebooks that keep in touch leaves every reminder as it was', async () => {
    await syncAllKeepInTouch(db, CADENCE, NOW - 10 * DAY);
    const before = await readEverything(db);
    const { undo } = await mergeSavedContacts(db, 'keep', 'gone', NOW, CADENCE);
    await undoMerge(db, undo, CADENCE, NOW);
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId((await readEverything(db)).reminders)).toEqual(byId(before.reminders));
  });

  it('undoing a merge keeps a keep-in-touch done since, and plans each contact’s from an interaction logged since, one open each', async () => {
    const openKeepInTouch = async (id: string) => (await remindersOf(db, id)).filter((r) => r.kind === 'keep-in-touch' && isOpen(r));
    await syncAllKeepInTouch(db, CADENCE, NOW - 10 * DAY);
    const { undo } = await mergeSavedContacts(db, 'keep', 'gone', NOW, CADENCE);
    const [merged] = await openKeepInTouch('keep');
    await markDone(db, merged.id, CADENCE, NOW + 1);
    await undoMerge(db, undo, CADENCE, NOW + 2);
    expect((await remindersOf(db, 'keep')).find((r) => r.id === merged.id)?.doneAt).toBe(NOW + 1);
    expect(await openKeepInTouch('keep')).toHaveLength(1);
    expect(await openKeepInTouch('gone')).toHaveLength(1);

    const again = await mergeSavedContacts(db, 'keep', 'gone', NOW + 3, CADENCE);
    await logInteraction(db, { id: 'call', contactId: 'keep', at: NOW + 5 * DAY, channel: 'call' }, CADENCE, NOW + 5 * DAY);
    await undoMerge(db, again.undo, CADENCE, NOW + 6 * DAY);
    expect((await openKeepInTouch('keep')).map((r) => r.dueAt)).toEqual([keepInTouchDueAt({ createdAt: 1, lastInteractionAt: NOW + 5 * DAY }, CADENCE)]);
    expect(await openKeepInTouch('gone')).toHaveLength(1);
  });

  it('merges a contact with the one who referred them: nothing of either is lost, nobody refers to themselves', async () => {
    await putContact(db, make({ id: 'bob', name: 'Bob Stone', emails: ['bob@globex.test'], company: 'Globex', relationship: 'friend', referredBy: 'ana' }));
    await putContact(db, make({ id: 'ana', name: 'Ana Núñez' }));
    await putContact(db, make({ id: 'cyd', name: 'Cyd Zhao', referredBy: 'bob' }));

    // The kept contact was referred by the one merged away: it takes that one's details and referrer.
    const { contact } = await mergeSavedContacts(db, 'cyd', 'bob', NOW, CADENCE);
    expect(contact).toMatchObject({ emails: ['bob@globex.test'], company: 'Globex', relationship: 'friend', referredBy: 'ana' });
    expect(await getContact(db, 'cyd')).toEqual(contact);

    // The kept contact referred the one merged away: the merged contact refers nobody to itself.
    const { contact: ana } = await mergeSavedContacts(db, 'ana', 'cyd', NOW, CADENCE);
    expect(ana.referredBy).toBeUndefined();
    expect(ana).toMatchObject({ emails: ['bob@globex.test'], company: 'Globex' });
    expect(await getContact(db, 'ana')).toEqual(ana);
  });

  it('merging leaves one keep-in-touch reminder, due from the merged contact; undo brings back both as they were', async () => {
    const t0 = NOW - 120 * DAY;
    await putContact(db, { id: 'ada', name: 'Ada Quinlan', createdAt: t0, updatedAt: t0 });
    await putContact(db, { id: 'ada-2', name: 'A. Quinlan', createdAt: t0 + DAY, updatedAt: t0 + DAY });
    await updateContact(db, 'ada', (c) => c, remindersAlongside(CADENCE, t0));
    await updateContact(db, 'ada-2', (c) => c, remindersAlongside(CADENCE, t0 + DAY));
    // Spoken to last week as the second contact: only that one's reminder moved.
    await logInteraction(db, { id: 'i-call', contactId: 'ada-2', at: NOW - 7 * DAY, channel: 'call' }, CADENCE, NOW - 7 * DAY);
    const keptReminder = (await remindersOf(db, 'ada'))[0];
    await snooze(db, keptReminder.id, '1-week', NOW);
    const before = await readEverything(db);

    const { undo, contact } = await mergeSavedContacts(db, 'ada', 'ada-2', NOW, CADENCE);
    const keepInTouch = (await remindersOf(db, 'ada')).filter((r) => r.kind === 'keep-in-touch' && isOpen(r));
    expect(keepInTouch.map((r) => dueTimeOf(r))).toEqual([keepInTouchDueAt(contact, CADENCE)]);
    expect(keepInTouchDueAt(contact, CADENCE)).toBeGreaterThan(NOW);
    expect((await dueReminders(db, NOW + 30 * DAY)).filter((r) => r.kind === 'keep-in-touch')).toEqual([]);
    expect(undo.made.reminders).toEqual([]);

    await undoMerge(db, undo, CADENCE, NOW);
    const after = await readEverything(db);
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(after.contacts)).toEqual(byId(before.contacts));
    expect(byId(after.reminders)).toEqual(byId(before.reminders));
  });

  it('refuses a merge whose tags together would pass the cap, rather than drop the last ones', async () => {
    const tags = (prefix: string) => Array.from({ length: 30 }, (_, i) => `${prefix}${i}`);
    await putContact(db, make({ id: 'tags-a', name: 'A', tags: tags('a') }));
    await putContact(db, make({ id: 'tags-b', name: 'B', tags: [...tags('b'), 'a0'] }));
    await expect(mergeSavedContacts(db, 'tags-a', 'tags-b', NOW, CADENCE)).rejects.toThrow(
      'Tags: together they have 60, where Kith keeps up to 50; remove some first, so nothing is cut',
    );
    expect((await getContact(db, 'tags-b'))?.tags).toHaveLength(31);
  });

  it('refuses a merge whose notes together would pass the cap, rather than cut them', async () => {
    await putContact(db, make({ id: 'long-a', name: 'A', notes: 'a'.repeat(15_000) }));
    await putContact(db, make({ id: 'long-b', name: 'B', notes: 'b'.repeat(10_000) }));
    await expect(mergeSavedContacts(db, 'long-a', 'long-b', NOW, CADENCE)).rejects.toThrow('Notes: together they are longer than 20,000 characters');
    expect((await getContact(db, 'long-a'))?.notes).toHaveLength(15_000);
    expect((await getContact(db, 'long-b'))?.notes).toHaveLength(10_000);
  });

  it('keeps the one set of notes when only one contact has any', () => {
    const keep = make({ id: 'keep', name: 'Jane Doe', notes: '' });
    const gone = make({ id: 'gone', name: 'J. Doe', notes: 'Theirs' });
    expect(combineSavedContacts(keep, gone, NOW).notes).toBe('Theirs');
    expect(combineSavedContacts(gone, keep, NOW).notes).toBe('Theirs');
  });

  it('keeps the other one\'s differing name, title, company and place in the history, from it to what is kept', () => {
    const keep = make({ id: 'keep', name: 'Jane Doe', title: 'VP Sales', company: 'Acme', location: 'Berlin' });
    const gone = make({ id: 'gone', name: 'Jane Doe', title: 'CTO', company: 'Beta GmbH', location: 'Lisbon' });
    const merged = combineSavedContacts(keep, gone, NOW);
    expect([merged.title, merged.company, merged.location]).toEqual(['VP Sales', 'Acme', 'Berlin']);
    expect(merged.history).toEqual([
      { field: 'title', from: 'CTO', to: 'VP Sales', at: NOW },
      { field: 'company', from: 'Beta GmbH', to: 'Acme', at: NOW },
      { field: 'location', from: 'Lisbon', to: 'Berlin', at: NOW },
    ]);
  });

  it('keeps who each was told apart from, but not each other', () => {
    const keep = make({ id: 'keep', name: 'Jane Doe', notSameAs: ['other-jane', 'gone'] });
    const gone = make({ id: 'gone', name: 'J. Doe', notSameAs: ['keep', 'jane-at-school'] });
    expect(combineSavedContacts(keep, gone, NOW).notSameAs).toEqual(['other-jane', 'jane-at-school']);
  });

  it('refuses to merge a contact with itself', async () => {
    await expect(mergeContacts(db, 'keep', 'keep', (k) => k, CADENCE, NOW)).rejects.toThrow('Choose two different contacts');
  });
});
