import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type KithDB,
  ValidationError,
  deleteContacts,
  deleteReminder,
  dueReminders,
  getContact,
  interactionsOf,
  nextDueAfter,
  openKithDb,
  putReminder,
  remindersOf,
  restoreSnapshot,
  updateContact,
  writeRemindersInPieces,
} from '@/lib/db';
import { putContact } from '../records';
import { draftFromContact, saveDraft } from '@/lib/contact-draft';
import {
  CorrectedElsewhere,
  addReminder,
  logInteraction,
  markDone,
  removeInteraction,
  restoreInteraction,
  restoreReminder,
  reviseInteraction,
  settleReminder,
  snooze,
  remindersAlongside,
  syncAllKeepInTouch,
  undoRevision,
} from '@/lib/reminder-store';
import { localIsoDate, startOfLocalDay, startOfLocalDayAfter, thankYouDueAt, toAnnounce } from '@/lib/reminders';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 22, 12);
const SETTINGS = { defaultCadenceDays: 90 };

let db: KithDB;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openKithDb(`kith-test-${Math.random()}`);
  await putContact(db, { id: 'c1', name: 'Ada Quinlan', cadenceDays: 30, createdAt: NOW, updatedAt: NOW });
});

const openKeepInTouch = async (contactId = 'c1') =>
  (await remindersOf(db, contactId)).filter((r) => r.kind === 'keep-in-touch' && r.doneAt === undefined);
const dueCount = async (at: number) => (await dueReminders(db, at)).length;
/** Saving a contact as the popup and dashboard do: its reminders are brought in step in the same transaction. */
const save = async (contactId: string, now: number, followUp?: string) =>
  updateContact(db, contactId, (contact) => contact, remindersAlongside(SETTINGS, now, followUp));

describe('keep-in-touch in the database', () => {
  it('gives a saved contact one open reminder, however often it is synced', async () => {
    await save('c1', NOW);
    await save('c1', NOW + 1);
    const open = await openKeepInTouch();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ contactId: 'c1', dueAt: startOfLocalDay('2026-12-22'), createdAt: NOW });
    await expect(save('ghost', NOW)).rejects.toThrow(/no longer exists/);
  });

  it('logging an interaction stores it and moves the reminder, in one go', async () => {
    await save('c1', NOW);
    const logged = await logInteraction(db, { id: 'i1', contactId: 'c1', at: NOW + 10 * DAY, channel: 'call' }, SETTINGS, NOW + 10 * DAY);
    expect(logged.thankYou).toBeUndefined();
    expect(logged.keepInTouch?.dueAt).toBe(startOfLocalDay('2027-01-01'));
    expect((await getContact(db, 'c1'))?.lastInteractionAt).toBe(NOW + 10 * DAY);
    expect((await interactionsOf(db, 'c1')).map((i) => i.id)).toEqual(['i1']);
    expect((await openKeepInTouch()).map((r) => r.dueAt)).toEqual([startOfLocalDay('2027-01-01')]);
    // An older interaction logged later does not pull the reminder back.
    await logInteraction(db, { id: 'i0', contactId: 'c1', at: NOW - DAY }, SETTINGS, NOW + 11 * DAY);
    expect((await openKeepInTouch()).map((r) => r.dueAt)).toEqual([startOfLocalDay('2027-01-01')]);
  });

  it('help received adds a thank-you for the next day', async () => {
    const { thankYou } = await logInteraction(
      db,
      { id: 'i1', contactId: 'c1', at: NOW, received: ['referrals', 'information'] },
      SETTINGS,
      NOW,
    );
    expect(thankYou).toMatchObject({ kind: 'thank-you', dueAt: startOfLocalDay('2026-11-23'), note: 'Thank them for a referral, information' });
    expect(await dueCount(startOfLocalDay('2026-11-23'))).toBe(1);
  });

  it('logging for a missing contact, or an invalid interaction, writes nothing', async () => {
    await expect(logInteraction(db, { id: 'i1', contactId: 'ghost', at: NOW }, SETTINGS, NOW)).rejects.toThrow(/no longer exists/);
    expect(await interactionsOf(db, 'ghost')).toEqual([]);
    await expect(logInteraction(db, { id: 'i2', contactId: 'c1', at: -1 }, SETTINGS, NOW)).rejects.toBeInstanceOf(ValidationError);
    expect(await interactionsOf(db, 'c1')).toEqual([]);
  });

  it('marking it done starts the next cycle from that day', async () => {
    await save('c1', NOW);
    const [first] = await openKeepInTouch();
    const doneAt = startOfLocalDay('2026-12-23') + 3_600_000;
    await markDone(db, first!.id, SETTINGS, doneAt);
    const all = (await remindersOf(db, 'c1')).filter((r) => r.kind === 'keep-in-touch');
    expect(all.map((r) => [r.doneAt, r.dueAt])).toEqual([
      [doneAt, startOfLocalDay('2026-12-22')],
      [undefined, startOfLocalDay('2027-01-22')],
    ]);
  });

  it('undo puts back a Done keep-in-touch and removes the cycle it started; undo of a snooze clears it', async () => {
    await save('c1', NOW);
    await putContact(db, { id: 'c2', name: 'Bo Lindqvist', createdAt: NOW, updatedAt: NOW });
    await save('c2', NOW);
    const before = await remindersOf(db, 'c1');
    const othersBefore = await remindersOf(db, 'c2');
    const dueBy = startOfLocalDay('2026-12-22') + 1;
    expect(await dueCount(dueBy)).toBe(1);
    const undoDone = await settleReminder(db, before[0], 'done', SETTINGS, NOW + DAY);
    expect(await remindersOf(db, 'c1')).toHaveLength(2);
    expect(await dueCount(dueBy)).toBe(0);
    await undoDone(SETTINGS);
    expect(await remindersOf(db, 'c1')).toEqual(before);
    // Due again, as the badge counts it.
    expect(await dueCount(dueBy)).toBe(1);

    const undoSnooze = await settleReminder(db, before[0], 'snooze', SETTINGS, NOW);
    await undoSnooze(SETTINGS);
    expect(await remindersOf(db, 'c1')).toEqual(before);
    // Another contact's reminders are not touched.
    expect(await remindersOf(db, 'c2')).toEqual(othersBefore);
  });

  it('undo of a Done plans the keep-in-touch it puts back with the settings of when Undo is pressed', async () => {
    await putContact(db, { id: 'c2', name: 'Bo Lindqvist', createdAt: NOW, updatedAt: NOW });
    await save('c2', NOW);
    const [open] = await openKeepInTouch('c2');
    expect(open.dueAt).toBe(startOfLocalDayAfter(NOW, 90));
    const undo = await settleReminder(db, open, 'done', SETTINGS, NOW + DAY);
    // Another tab makes the default cadence a month meanwhile, which plans the next cycle anew.
    await syncAllKeepInTouch(db, { defaultCadenceDays: 30 }, NOW + 2 * DAY);
    await undo({ defaultCadenceDays: 30 });
    expect((await openKeepInTouch('c2')).map((r) => [r.id, r.dueAt])).toEqual([[open.id, startOfLocalDayAfter(NOW, 30)]]);
  });

  it('undo of Done changes only what that Done did: a reminder added or done since, elsewhere, stays as it is', async () => {
    const followUp = await addReminder(db, { contactId: 'c1', kind: 'follow-up', date: localIsoDate(NOW) }, NOW);
    const thanks = await addReminder(db, { contactId: 'c1', kind: 'thank-you', date: localIsoDate(NOW) }, NOW);
    const undo = await settleReminder(db, followUp, 'done', SETTINGS, NOW + 1);
    // Meanwhile, in another tab: a promise written down, the thank-you done.
    const promise = await addReminder(db, { contactId: 'c1', kind: 'promise', date: localIsoDate(NOW), note: 'Send Ada the deck and the salary data' }, NOW + 2);
    await markDone(db, thanks.id, SETTINGS, NOW + 3);
    await undo(SETTINGS);
    const byId = new Map((await remindersOf(db, 'c1')).map((r) => [r.id, r]));
    expect(byId.get(followUp.id)?.doneAt).toBeUndefined();
    expect(byId.get(promise.id)?.note).toBe('Send Ada the deck and the salary data');
    expect(byId.get(thanks.id)?.doneAt).toBe(NOW + 3);

    // Snoozed, then moved in another tab: Undo leaves the move.
    const undoSnooze = await settleReminder(db, byId.get(followUp.id)!, 'snooze', SETTINGS, NOW + 4);
    const contact = (await getContact(db, 'c1'))!;
    const [snoozed] = (await remindersOf(db, 'c1')).filter((r) => r.id === followUp.id);
    await saveDraft(db, { draft: { ...draftFromContact(contact, undefined, snoozed), followUp: '2030-01-15' }, now: NOW + 5, settings: SETTINGS, contactId: 'c1' });
    // Nothing of the snooze is left to undo, which is said rather than taken for an Undo.
    await expect(undoSnooze(SETTINGS)).rejects.toThrow('it was changed elsewhere since, and stays as it is now');
    expect((await remindersOf(db, 'c1')).find((r) => r.id === followUp.id)?.dueAt).toBe(startOfLocalDay('2030-01-15'));
    // Nor is a reminder done elsewhere snoozed.
    await markDone(db, followUp.id, SETTINGS, NOW + 6);
    await expect(settleReminder(db, followUp, 'snooze', SETTINGS, NOW + 7)).rejects.toThrow('That reminder was marked done elsewhere');
    expect((await remindersOf(db, 'c1')).find((r) => r.id === followUp.id)?.doneAt).toBe(NOW + 6);
    expect((await remindersOf(db, 'c1')).find((r) => r.id === followUp.id)?.snoozedUntil).toBeUndefined();
  });

  it('undo of a keep-in-touch Done after talking to them elsewhere keeps them counted from that talk, with one reminder', async () => {
    for (const talkedAfter of [60_000, DAY]) {
      await putContact(db, { id: 'c3', name: 'Cai Noor', cadenceDays: 30, createdAt: NOW - 40 * DAY, updatedAt: NOW - 40 * DAY });
      await save('c3', NOW - 40 * DAY);
      const [overdue] = await openKeepInTouch('c3');
      expect(overdue.dueAt).toBeLessThan(NOW);
      const undo = await settleReminder(db, overdue, 'done', SETTINGS, NOW);
      // In another tab, a call with Cai is logged: the same day, or the next.
      const talked = NOW + talkedAfter;
      await logInteraction(db, { id: `call-${talkedAfter}`, contactId: 'c3', at: talked, channel: 'call' }, SETTINGS, talked);
      await undo(SETTINGS);
      const open = await openKeepInTouch('c3');
      expect(open.map((r) => localIsoDate(r.dueAt)), `talked ${talkedAfter} ms after the Done`).toEqual([localIsoDate(talked + 30 * DAY)]);
      expect(await dueCount(talked + 1)).toBe(0);
      await deleteContacts(db, ['c3']);
    }
  });

  it('undo of a keep-in-touch Done leaves one open, when the next one was snoozed or moved elsewhere meanwhile', async () => {
    for (const meanwhile of ['snoozed', 'a new default cadence'] as const) {
      await putContact(db, { id: 'c4', name: 'Dee Ahn', createdAt: NOW - 100 * DAY, updatedAt: NOW - 100 * DAY });
      await save('c4', NOW - 100 * DAY);
      const [overdue] = await openKeepInTouch('c4');
      const undo = await settleReminder(db, overdue, 'done', SETTINGS, NOW);
      const [next] = await openKeepInTouch('c4');
      if (meanwhile === 'snoozed') await snooze(db, next.id, '1-week', NOW + DAY);
      else await syncAllKeepInTouch(db, { defaultCadenceDays: 30 }, NOW + 60_000);
      await undo(SETTINGS);
      expect(await openKeepInTouch('c4'), meanwhile).toHaveLength(1);
      await deleteContacts(db, ['c4']);
    }
  });

  it('a reminder whose note is longer than Kith keeps is refused, not cut', async () => {
    await expect(addReminder(db, { contactId: 'c1', kind: 'promise', date: localIsoDate(NOW), note: 'n'.repeat(1_001) }, NOW)).rejects.toThrow(
      'What: 1,001 characters, where Kith keeps up to 1,000.',
    );
    expect((await remindersOf(db, 'c1')).filter((r) => r.kind === 'promise')).toEqual([]);
  });

  it('undo of Done for a contact deleted since is refused: no reminder comes back for nobody', async () => {
    const followUp = await addReminder(db, { contactId: 'c1', kind: 'follow-up', date: localIsoDate(NOW) }, NOW);
    const undo = await settleReminder(db, followUp, 'done', SETTINGS, NOW);
    await deleteContacts(db, ['c1']);
    await expect(undo(SETTINGS)).rejects.toThrow('That contact no longer exists');
    expect(await remindersOf(db, 'c1')).toEqual([]);
    expect(await dueCount(NOW)).toBe(0);
  });

  it('a new default cadence reaches every contact without its own', async () => {
    await putContact(db, { id: 'c2', name: 'Bo Lindqvist', createdAt: NOW, updatedAt: NOW });
    expect(await syncAllKeepInTouch(db, SETTINGS, NOW)).toBe(2);
    expect(await syncAllKeepInTouch(db, { defaultCadenceDays: 14 }, NOW)).toBe(1);
    expect((await openKeepInTouch('c2')).map((r) => r.dueAt)).toEqual([startOfLocalDay('2026-12-06')]);
    expect((await openKeepInTouch('c1')).map((r) => r.dueAt)).toEqual([startOfLocalDay('2026-12-22')]);
  });

  it('a pass over every contact leaves a reminder written since it was planned as that write left it', async () => {
    await syncAllKeepInTouch(db, SETTINGS, NOW);
    const [planned] = await openKeepInTouch('c1');
    // Planned from the reminder as read; meanwhile an interaction is logged, which moves it.
    await logInteraction(db, { id: 'i1', contactId: 'c1', at: NOW + 5 * DAY }, SETTINGS, NOW + 5 * DAY);
    const [moved] = await openKeepInTouch('c1');
    expect(moved.dueAt).not.toBe(planned.dueAt);
    await writeRemindersInPieces(db, [{ id: planned.id, before: planned, after: { ...planned, dueAt: NOW + 999 * DAY } }]);
    expect((await openKeepInTouch('c1')).map((r) => r.dueAt)).toEqual([moved.dueAt]);
    // Unchanged since, it is written.
    await writeRemindersInPieces(db, [{ id: moved.id, before: moved, after: { ...moved, dueAt: NOW + 999 * DAY } }]);
    expect((await openKeepInTouch('c1')).map((r) => r.dueAt)).toEqual([NOW + 999 * DAY]);
  });

  it('two passes at once (the dashboard after an import, the worker after new settings) give each contact one keep-in-touch', async () => {
    for (const id of ['c2', 'c3', 'c4']) await putContact(db, { id, name: `Person ${id}`, createdAt: NOW, updatedAt: NOW });
    await Promise.all([syncAllKeepInTouch(db, SETTINGS, NOW), syncAllKeepInTouch(db, SETTINGS, NOW)]);
    for (const id of ['c1', 'c2', 'c3', 'c4']) expect(await openKeepInTouch(id), id).toHaveLength(1);
  });

  it('a contact deleted while a pass plans its new keep-in-touch gets none: nothing would take it away, and the badge would count it', async () => {
    for (const id of ['c2', 'c3']) await putContact(db, { id, name: `Person ${id}`, createdAt: NOW, updatedAt: NOW });
    // The pass reads the notebook first; the delete lands before its writes.
    await Promise.all([syncAllKeepInTouch(db, SETTINGS, NOW), deleteContacts(db, ['c2'])]);
    expect(await openKeepInTouch('c2')).toEqual([]);
    expect(await openKeepInTouch('c3')).toHaveLength(1);
    const contacts = new Set((await db.getAll('contacts')).map((c) => c.id));
    expect((await db.getAll('reminders')).filter((r) => !contacts.has(r.contactId))).toEqual([]);
  });
});

describe('deleting an interaction logged by mistake', () => {
  const logTwo = async () => {
    await logInteraction(db, { id: 'i1', contactId: 'c1', at: NOW + 2 * DAY, channel: 'call' }, SETTINGS, NOW + 2 * DAY);
    await logInteraction(db, { id: 'i2', contactId: 'c1', at: NOW + 10 * DAY, channel: 'email' }, SETTINGS, NOW + 10 * DAY);
  };

  it('falls back to the previous interaction and moves keep-in-touch; undo puts both back', async () => {
    await logTwo();
    const [keepInTouch] = await openKeepInTouch();
    await snooze(db, keepInTouch.id, { until: '2027-01-05' }, NOW + 10 * DAY);

    const removed = await removeInteraction(db, 'i2', SETTINGS, NOW + 11 * DAY);
    expect(removed?.interaction).toMatchObject({ id: 'i2', at: NOW + 10 * DAY });
    expect((await interactionsOf(db, 'c1')).map((i) => i.id)).toEqual(['i1']);
    expect((await getContact(db, 'c1'))?.lastInteractionAt).toBe(NOW + 2 * DAY);
    const moved = await openKeepInTouch();
    // Moved to an earlier day, it is still held back to the day it was snoozed till.
    expect(moved.map((r) => [r.id, r.dueAt, r.snoozedUntil])).toEqual([[keepInTouch.id, startOfLocalDay('2026-12-24'), startOfLocalDay('2027-01-05')]]);

    await restoreInteraction(db, removed!, SETTINGS, NOW + 12 * DAY);
    expect((await interactionsOf(db, 'c1')).map((i) => i.id)).toEqual(['i2', 'i1']);
    expect((await getContact(db, 'c1'))?.lastInteractionAt).toBe(NOW + 10 * DAY);
    const back = await openKeepInTouch();
    expect(back.map((r) => [r.id, r.dueAt, r.snoozedUntil])).toEqual([[keepInTouch.id, startOfLocalDay('2027-01-01'), startOfLocalDay('2027-01-05')]]);
  });

  it('hands back a record written by an older Kith as the model reads it, defaults filled', async () => {
    await db.put('interactions', { id: 'old', contactId: 'c1', at: NOW } as never);
    const removed = await removeInteraction(db, 'old', SETTINGS, NOW + DAY);
    expect(removed?.interaction).toEqual({ id: 'old', contactId: 'c1', at: NOW, channel: 'other', summary: '', received: [], gave: [] });
  });

  it('deleting the only interaction clears the last-interaction time', async () => {
    await logInteraction(db, { id: 'i1', contactId: 'c1', at: NOW + 10 * DAY }, SETTINGS, NOW + 10 * DAY);
    await removeInteraction(db, 'i1', SETTINGS, NOW + 11 * DAY);
    expect((await getContact(db, 'c1'))?.lastInteractionAt).toBeUndefined();
    expect((await openKeepInTouch()).map((r) => r.dueAt)).toEqual([startOfLocalDay('2026-12-22')]);
    expect(await removeInteraction(db, 'i1', SETTINGS, NOW + 11 * DAY)).toBeUndefined();
  });

  it('undo leaves keep-in-touch done meanwhile as done', async () => {
    await logTwo();
    const removed = await removeInteraction(db, 'i2', SETTINGS, NOW + 11 * DAY);
    const doneAt = NOW + 12 * DAY;
    await markDone(db, removed!.keepInTouch!.id, SETTINGS, doneAt);
    await restoreInteraction(db, removed!, SETTINGS, doneAt);
    const all = (await remindersOf(db, 'c1')).filter((r) => r.kind === 'keep-in-touch');
    expect(all.map((r) => [r.doneAt, r.dueAt])).toEqual([
      [doneAt, startOfLocalDay('2026-12-24')],
      [undefined, startOfLocalDay('2027-01-03')],
    ]);
  });

  it('undo for a contact deleted since writes nothing', async () => {
    await logTwo();
    const removed = await removeInteraction(db, 'i2', SETTINGS, NOW + 11 * DAY);
    await deleteContacts(db, ['c1']);
    await expect(restoreInteraction(db, removed!, SETTINGS, NOW + 12 * DAY)).rejects.toThrow(/no longer exists/);
    expect(await interactionsOf(db, 'c1')).toEqual([]);
  });
});

describe('correcting a logged interaction', () => {
  const thankYous = async () =>
    (await remindersOf(db, 'c1'))
      .filter((r) => r.kind === 'thank-you')
      .map((r) => [r.note, r.doneAt])
      .sort();

  it('moves the last-interaction time and keep-in-touch with its day; undo puts both back', async () => {
    const { interaction } = await logInteraction(db, { id: 'i1', contactId: 'c1', at: NOW + 10 * DAY, channel: 'email', summary: 'Cofee' }, SETTINGS, NOW + 10 * DAY);
    const [keepInTouch] = await openKeepInTouch();
    expect(keepInTouch.dueAt).toBe(startOfLocalDay('2027-01-01'));

    const revised = await reviseInteraction(db, interaction, { ...interaction, at: NOW + 2 * DAY, channel: 'meeting', summary: 'Coffee' }, SETTINGS, NOW + 11 * DAY);
    expect(revised.before).toEqual(interaction);
    expect(await interactionsOf(db, 'c1')).toEqual([{ ...interaction, at: NOW + 2 * DAY, channel: 'meeting', summary: 'Coffee' }]);
    expect((await getContact(db, 'c1'))?.lastInteractionAt).toBe(NOW + 2 * DAY);
    expect((await openKeepInTouch()).map((r) => [r.id, r.dueAt])).toEqual([[keepInTouch.id, startOfLocalDay('2026-12-24')]]);

    await undoRevision(db, revised, SETTINGS, NOW + 11 * DAY);
    expect(await interactionsOf(db, 'c1')).toEqual([interaction]);
    expect((await getContact(db, 'c1'))?.lastInteractionAt).toBe(NOW + 10 * DAY);
    expect((await openKeepInTouch()).map((r) => [r.id, r.dueAt])).toEqual([[keepInTouch.id, startOfLocalDay('2027-01-01')]]);
  });

  it('asks for a thank-you only for help it did not record before; undo takes that one back', async () => {
    const { interaction } = await logInteraction(db, { id: 'i1', contactId: 'c1', at: NOW, received: ['information'] }, SETTINGS, NOW);
    expect(await thankYous()).toEqual([['Thank them for information', undefined]]);
    const same = await reviseInteraction(db, interaction, { ...interaction, summary: 'Intro call' }, SETTINGS, NOW);
    expect(same.thankYou).toBeUndefined();
    const more = await reviseInteraction(db, same.after, { ...same.after, received: ['information', 'referrals'] }, SETTINGS, NOW);
    expect(await thankYous()).toEqual([
      ['Thank them for a referral', undefined],
      ['Thank them for information', undefined],
    ]);
    await undoRevision(db, more, SETTINGS, NOW);
    expect(await thankYous()).toEqual([['Thank them for information', undefined]]);
    expect((await interactionsOf(db, 'c1'))[0]).toMatchObject({ summary: 'Intro call', received: ['information'] });
  });

  it('moves its open thank-you with its day, and undo moves it back; one marked done, or added by hand, stays', async () => {
    const openThanks = async () => (await remindersOf(db, 'c1')).filter((r) => r.kind === 'thank-you' && r.doneAt === undefined).map((r) => [r.note, localIsoDate(r.dueAt)]);
    const { interaction } = await logInteraction(db, { id: 'i1', contactId: 'c1', at: NOW + 10 * DAY, received: ['contacts'] }, SETTINGS, NOW + 10 * DAY);
    await logInteraction(db, { id: 'i2', contactId: 'c1', at: NOW + 10 * DAY + 1000, received: ['referrals'] }, SETTINGS, NOW + 10 * DAY);
    const [ownDay, otherDay] = [localIsoDate(thankYouDueAt(NOW + 10 * DAY)), localIsoDate(thankYouDueAt(NOW + 2 * DAY))];
    const revised = await reviseInteraction(db, interaction, { ...interaction, at: NOW + 2 * DAY }, SETTINGS, NOW + 11 * DAY);
    expect((await openThanks()).sort()).toEqual([['Thank them for a referral', ownDay], ['Thank them for contacts', otherDay]]);
    await undoRevision(db, revised, SETTINGS, NOW + 11 * DAY);
    expect((await openThanks()).sort()).toEqual([['Thank them for a referral', ownDay], ['Thank them for contacts', ownDay]]);

    const [thanks] = (await remindersOf(db, 'c1')).filter((r) => r.note === 'Thank them for contacts');
    await settleReminder(db, thanks, 'done', SETTINGS, NOW + 11 * DAY);
    // One the user added by hand for that day is theirs, not the interaction's.
    await putReminder(db, { id: 'by-hand', contactId: 'c1', kind: 'thank-you', dueAt: thankYouDueAt(NOW + 10 * DAY), note: 'Send the book', createdAt: NOW });
    await reviseInteraction(db, interaction, { ...interaction, at: NOW + 2 * DAY }, SETTINGS, NOW + 11 * DAY);
    const dueOf = async (id: string) => (await remindersOf(db, 'c1')).find((r) => r.id === id)?.dueAt;
    expect([await dueOf(thanks.id), await dueOf('by-hand')]).toEqual([thankYouDueAt(NOW + 10 * DAY), thankYouDueAt(NOW + 10 * DAY)]);
  });

  it('help unticked and ticked again is still thanked for once', async () => {
    const { interaction } = await logInteraction(db, { id: 'i1', contactId: 'c1', at: NOW, received: ['referrals'] }, SETTINGS, NOW);
    const { after: unticked } = await reviseInteraction(db, interaction, { ...interaction, received: [] }, SETTINGS, NOW + 1000);
    await reviseInteraction(db, unticked, { ...unticked, received: ['referrals', 'contacts'] }, SETTINGS, NOW + 2000);
    expect(await thankYous()).toEqual([
      ['Thank them for a referral', undefined],
      ['Thank them for contacts', undefined],
    ]);
  });

  it('help ticked on a second interaction of the day asks for its own thank-you, as logging it so does', async () => {
    await logInteraction(db, { id: 'call', contactId: 'c1', at: NOW, received: ['referrals'] }, SETTINGS, NOW);
    const { interaction: email } = await logInteraction(db, { id: 'email', contactId: 'c1', at: NOW + 3_600_000 }, SETTINGS, NOW + 3_600_000);
    const revised = await reviseInteraction(db, email, { ...email, received: ['referrals'] }, SETTINGS, NOW + 7_200_000);
    expect(revised.thankYou?.interactionId).toBe('email');
    expect(await thankYous()).toEqual([
      ['Thank them for a referral', undefined],
      ['Thank them for a referral', undefined],
    ]);
  });

  it('refuses an interaction deleted meanwhile, and undo does not bring one back', async () => {
    const { interaction } = await logInteraction(db, { id: 'i1', contactId: 'c1', at: NOW }, SETTINGS, NOW);
    const revised = await reviseInteraction(db, interaction, { ...interaction, summary: 'Lunch' }, SETTINGS, NOW);
    await removeInteraction(db, 'i1', SETTINGS, NOW);
    await expect(reviseInteraction(db, interaction, { ...interaction, summary: 'Dinner' }, SETTINGS, NOW)).rejects.toThrow(/deleted elsewhere/);
    await expect(undoRevision(db, revised, SETTINGS, NOW)).rejects.toThrow('it was deleted elsewhere since');
    expect(await interactionsOf(db, 'c1')).toEqual([]);
    expect((await getContact(db, 'c1'))?.lastInteractionAt).toBeUndefined();
  });

  it('keeps it with its contact', async () => {
    await putContact(db, { id: 'c2', name: 'Bo Lind', createdAt: NOW, updatedAt: NOW });
    const { interaction } = await logInteraction(db, { id: 'i1', contactId: 'c1', at: NOW }, SETTINGS, NOW);
    await expect(reviseInteraction(db, interaction, { ...interaction, contactId: 'c2' }, SETTINGS, NOW)).rejects.toThrow(/deleted elsewhere/);
    expect((await interactionsOf(db, 'c1')).map((i) => i.id)).toEqual(['i1']);
  });

  it('corrected in two tabs: keeps the other tab’s correction of other parts, refuses one of the same part until saved again', async () => {
    const { interaction } = await logInteraction(db, { id: 'i1', contactId: 'c1', at: NOW, channel: 'call', summary: 'v1 intro call' }, SETTINGS, NOW);
    // Tab B corrects the channel and the words; tab A, opened before, only the words.
    const b = await reviseInteraction(db, interaction, { ...interaction, channel: 'meeting', summary: 'v2 (B): promised to send CV' }, SETTINGS, NOW);
    const refused = await reviseInteraction(db, interaction, { ...interaction, summary: 'v2 (A)' }, SETTINGS, NOW).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CorrectedElsewhere);
    expect((refused as Error).message).toBe(
      'Its summary was corrected elsewhere since you opened it. The summary saved now is: “v2 (B): promised to send CV”. Save again to replace it with yours.',
    );
    expect(await interactionsOf(db, 'c1')).toEqual([b.after]);
    // Saved again over what it was told, A's words replace B's; B's channel stays.
    const a = await reviseInteraction(db, (refused as CorrectedElsewhere).saved, { ...b.after, summary: 'v2 (A)' }, SETTINGS, NOW);
    expect(a.after).toMatchObject({ channel: 'meeting', summary: 'v2 (A)' });
    // A form that corrected only the day leaves both.
    const c = await reviseInteraction(db, interaction, { ...interaction, at: NOW - DAY }, SETTINGS, NOW);
    expect(c.after).toMatchObject({ at: NOW - DAY, channel: 'meeting', summary: 'v2 (A)' });
  });

  it('undo of a correction leaves what another tab corrected since', async () => {
    const { interaction } = await logInteraction(db, { id: 'i1', contactId: 'c1', at: NOW, channel: 'call', summary: 'v1 intro call' }, SETTINGS, NOW);
    const a = await reviseInteraction(db, interaction, { ...interaction, channel: 'meeting', summary: 'v2' }, SETTINGS, NOW);
    await reviseInteraction(db, a.after, { ...a.after, summary: 'v2 (B): they offered a referral' }, SETTINGS, NOW);
    await undoRevision(db, a, SETTINGS, NOW);
    expect(await interactionsOf(db, 'c1')).toEqual([{ ...interaction, summary: 'v2 (B): they offered a referral' }]);
  });
});

describe('one-off reminders', () => {
  it('a follow-up of today is due now; done clears it', async () => {
    const reminder = await addReminder(db, { contactId: 'c1', kind: 'follow-up', date: localIsoDate(NOW), note: 'Send the deck' }, NOW);
    expect(reminder).toMatchObject({ kind: 'follow-up', dueAt: startOfLocalDay(localIsoDate(NOW)), note: 'Send the deck' });
    expect(await dueCount(NOW)).toBe(1);
    await markDone(db, reminder.id, SETTINGS, NOW);
    expect(await dueCount(NOW)).toBe(0);
    expect((await remindersOf(db, 'c1'))[0].doneAt).toBe(NOW);
  });

  it('a promise for a date is due from that day; snoozing moves it', async () => {
    const promise = await addReminder(db, { contactId: 'c1', kind: 'promise', date: '2026-11-25', note: 'Intro to Bo' }, NOW);
    expect(await nextDueAfter(db, NOW)).toBe(startOfLocalDay('2026-11-25'));
    await snooze(db, promise.id, { until: '2026-12-01' }, startOfLocalDay('2026-11-25'));
    expect(await dueCount(startOfLocalDay('2026-11-30'))).toBe(0);
    expect(await nextDueAfter(db, NOW)).toBe(startOfLocalDay('2026-12-01'));
    await expect(snooze(db, promise.id, { until: '2026-11-01' }, NOW)).rejects.toThrow(/after today/);
    expect((await remindersOf(db, 'c1'))[0].snoozedUntil).toBe(startOfLocalDay('2026-12-01'));
  });

  it('undo of deleting a reminder puts it back as it was, unless its contact was deleted since', async () => {
    const promise = await addReminder(db, { contactId: 'c1', kind: 'promise', date: '2026-11-25', note: 'Intro to Bo' }, NOW);
    await deleteReminder(db, promise.id);
    await restoreReminder(db, promise);
    expect(await remindersOf(db, 'c1')).toEqual([promise]);

    await deleteReminder(db, promise.id);
    await deleteContacts(db, ['c1']);
    await expect(restoreReminder(db, promise)).rejects.toThrow('That contact no longer exists');
    expect(await remindersOf(db, 'c1')).toEqual([]);
  });

  it('saving the form without touching the follow-up keeps its snooze', async () => {
    const at = (day: number, hour: number) => new Date(2026, 10, day, hour).getTime();
    const contact = (await getContact(db, 'c1'))!;
    await saveDraft(db, { draft: { ...draftFromContact(contact), followUp: localIsoDate(at(22, 9)) }, now: at(22, 9), settings: SETTINGS, contactId: 'c1' });
    const [followUp] = (await remindersOf(db, 'c1')).filter((r) => r.kind === 'follow-up');
    const snoozedFollowUp = await snooze(db, followUp.id, '1-day', at(22, 15));

    const shown = draftFromContact((await getContact(db, 'c1'))!, undefined, snoozedFollowUp);
    expect(shown.followUp).toBe('2026-11-23');
    await saveDraft(db, { draft: { ...shown, notes: 'Prefers mornings' }, now: at(22, 16), settings: SETTINGS, contactId: 'c1' });
    expect((await dueReminders(db, at(23, 15) - 1)).map((r) => r.id)).not.toContain(followUp.id);
    expect((await remindersOf(db, 'c1')).find((r) => r.id === followUp.id)?.snoozedUntil).toBe(at(23, 15));

    // A date the user did change moves it, snooze and all.
    await saveDraft(db, { draft: { ...shown, followUp: '2026-11-25' }, now: at(22, 17), settings: SETTINGS, contactId: 'c1' });
    const moved = (await remindersOf(db, 'c1')).find((r) => r.id === followUp.id);
    expect([moved?.dueAt, moved?.snoozedUntil]).toEqual([at(25, 0), undefined]);
  });

  it('a follow-up or keep-in-touch the user moves to a day already begun is not announced: they have just chosen it', async () => {
    const announcedNow = async (now: number) => toAnnounce(await dueReminders(db, now), { announced: {} }, now).fresh.map((r) => r.kind);
    // Saved forty days ago with a follow-up for next week; both due later.
    const then = NOW - 40 * DAY;
    await putContact(db, { id: 'c2', name: 'Sam Tu', cadenceDays: 90, createdAt: then, updatedAt: then });
    const contact = (await getContact(db, 'c2'))!;
    await saveDraft(db, { draft: { ...draftFromContact(contact), followUp: localIsoDate(NOW + 7 * DAY) }, now: then, settings: SETTINGS, contactId: 'c2' });
    expect(await announcedNow(NOW)).toEqual([]);

    await saveDraft(db, { draft: { ...draftFromContact(contact), followUp: localIsoDate(NOW) }, now: NOW, settings: SETTINGS, contactId: 'c2' });
    await updateContact(db, 'c2', (c) => ({ ...c, cadenceDays: 14 }), remindersAlongside(SETTINGS, NOW));
    expect((await dueReminders(db, NOW)).map((r) => r.kind).sort()).toEqual(['follow-up', 'keep-in-touch']);
    expect(await announcedNow(NOW)).toEqual([]);

    // Moved ahead, each is announced when it comes due.
    await saveDraft(db, { draft: { ...draftFromContact(contact), followUp: localIsoDate(NOW + 2 * DAY) }, now: NOW, settings: SETTINGS, contactId: 'c2' });
    expect(await announcedNow(NOW + 3 * DAY)).toContain('follow-up');
  });

  it('refuses reminders for a missing contact or a non-date', async () => {
    await expect(addReminder(db, { contactId: 'ghost', kind: 'follow-up', date: '2026-11-25' }, NOW)).rejects.toThrow(/no longer exists/);
    await expect(addReminder(db, { contactId: 'c1', kind: 'follow-up', date: 'soon' }, NOW)).rejects.toThrow(/Not a date/);
    await expect(save('c1', NOW, 'soon')).rejects.toThrow(/Not a date/);
    expect(await remindersOf(db, 'c1')).toEqual([]);
  });
});

describe('a contact another program wrote with only the contract’s fields', () => {
  beforeEach(async () => {
    await db.put('contacts', { id: 'foreign', name: 'Bo Lind', emails: ['bo@lind.se'], createdAt: NOW, updatedAt: NOW } as never);
  });

  it('gets a keep-in-touch reminder, alone or with everyone else', async () => {
    expect(await syncAllKeepInTouch(db, SETTINGS, NOW)).toBe(2);
    expect(await openKeepInTouch('foreign')).toHaveLength(1);
  });

  it('can have an interaction logged and removed, moving its keep-in-touch reminder', async () => {
    const { keepInTouch } = await logInteraction(db, { id: 'i1', contactId: 'foreign', at: NOW, received: ['referrals'] }, SETTINGS, NOW);
    expect(keepInTouch?.dueAt).toBe(startOfLocalDay(localIsoDate(NOW + 90 * DAY)));
    expect((await getContact(db, 'foreign'))?.lastInteractionAt).toBe(NOW);
    expect(await removeInteraction(db, 'i1', SETTINGS, NOW)).toMatchObject({ interaction: { id: 'i1' } });
    expect((await getContact(db, 'foreign'))?.lastInteractionAt).toBeUndefined();
  });

  it('with a cadence out of range, keeps no one else from being planned again', async () => {
    await db.put('contacts', { id: 'odd', name: 'Cy Odd', emails: [], cadenceDays: 4000, createdAt: NOW, updatedAt: NOW } as never);
    await syncAllKeepInTouch(db, { defaultCadenceDays: 30 }, NOW);
    expect((await openKeepInTouch('foreign')).map((r) => r.dueAt)).toEqual([startOfLocalDay(localIsoDate(NOW + 30 * DAY))]);
    expect(await logInteraction(db, { id: 'i2', contactId: 'odd', at: NOW }, SETTINGS, NOW)).toMatchObject({ interaction: { id: 'i2' } });
  });

  it('with a planning field out of form on a reminder, can still have it snoozed, done, deleted and undeleted', async () => {
    const dueAt = startOfLocalDay(localIsoDate(NOW + 90 * DAY));
    await db.put('reminders', { id: 'kit', contactId: 'foreign', kind: 'keep-in-touch', dueAt, openAt: dueAt, createdAt: NOW, plannedFrom: { since: NOW, days: 0 } } as never);
    await db.put('reminders', { id: 'thanks', contactId: 'foreign', kind: 'thank-you', dueAt: NOW, openAt: NOW, createdAt: NOW, interactionId: 42 } as never);
    await snooze(db, 'kit', '1-day', NOW);
    await markDone(db, 'thanks', SETTINGS, NOW);
    const snapshot = await deleteContacts(db, ['foreign']);
    await restoreSnapshot(db, snapshot);
    expect((await remindersOf(db, 'foreign')).map((r) => [r.id, r.plannedFrom, r.interactionId]).sort()).toEqual([
      ['kit', undefined, undefined],
      ['thanks', undefined, undefined],
    ]);
  });

  it('with a thank-you from before thank-yous knew their interaction, help ticked again is not thanked for twice', async () => {
    await db.put('interactions', { id: 'old', contactId: 'foreign', at: NOW, channel: 'call', summary: '', received: [], gave: [] } as never);
    await db.put('reminders', { id: 'thanks', contactId: 'foreign', kind: 'thank-you', dueAt: thankYouDueAt(NOW), openAt: thankYouDueAt(NOW), note: 'Thank them for a referral', createdAt: NOW } as never);
    const [old] = await interactionsOf(db, 'foreign');
    await reviseInteraction(db, old, { ...old, received: ['referrals'] }, SETTINGS, NOW + 1);
    expect((await remindersOf(db, 'foreign')).filter((r) => r.kind === 'thank-you')).toHaveLength(1);
  });
});
