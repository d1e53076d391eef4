// The reminder writes every surface shares: the popup and dashboard call these, then send
// `data:changed` so the background recomputes the badge, alarm and notifications. Each is one
// transaction, so an interaction is never logged without its keep-in-touch reminder moving.
import type { IDBPTransaction, StoreNames } from 'idb';
import {
  type Alongside,
  type KithDB,
  type KithSchema,
  type PlannedReminderWrite,
  type StoredReminder,
  allOf,
  contactFromStore,
  deleteInteractionIn,
  inTransaction,
  interactionFromStore,
  putInteractionIn,
  reminderFromStore,
  syncKeepInTouchIn,
  validate,
  withOpenAt,
  writeRemindersInPieces,
} from './db';
import {
  type Contact,
  type HelpKind,
  Interaction,
  LIMITS,
  type InteractionInput,
  Reminder,
  type ReminderKind,
  type Settings,
  newId,
  refuseOverLimit,
} from './model';
import { type Snooze, done, dueTimeOf, isOpen, planKeepInTouch, snoozed, startOfLocalDay, startOfLocalDayAt, thankYouDueAt } from './reminders';
import { editedFields, editedOnBothSides, keepEdits } from './form-edits';

type Store = StoreNames<KithSchema>;
type WriteTx = IDBPTransaction<KithSchema, Store[], 'readwrite'>;
type CadenceSettings = Pick<Settings, 'defaultCadenceDays'>;


async function storedContact(tx: WriteTx, contactId: string): Promise<Contact | undefined> {
  const stored = await tx.objectStore('contacts').get(contactId);
  return stored && contactFromStore(stored);
}

async function contactIn(tx: WriteTx, contactId: string): Promise<Contact> {
  const contact = await storedContact(tx, contactId);
  if (!contact) throw new Error('That contact no longer exists');
  return contact;
}

async function putReminderIn(tx: WriteTx, reminder: unknown): Promise<Reminder> {
  const valid = validate(Reminder, 'reminder', reminder);
  await tx.objectStore('reminders').put(withOpenAt(valid));
  return valid;
}

/**
 * Every contact's keep-in-touch reminder, after an import or a change of the default cadence:
 * planned from one read of the notebook, then written a piece at a time (writeRemindersInPieces),
 * since at 100,000 contacts a new default cadence moves 100,000 reminders. Returns how many
 * contacts it planned to change.
 */
export async function syncAllKeepInTouch(db: KithDB, settings: CadenceSettings, now: number): Promise<number> {
  const read = db.transaction(['contacts', 'reminders']);
  const [storedReminders, storedContacts] = await Promise.all([allOf(read.objectStore('reminders')), allOf(read.objectStore('contacts'))]);
  const stored = new Map<string, StoredReminder>();
  const byContact = new Map<string, Reminder[]>();
  for (const reminder of storedReminders) {
    if (reminder.kind !== 'keep-in-touch') continue;
    stored.set(reminder.id, reminder);
    const list = byContact.get(reminder.contactId) ?? [];
    list.push(reminderFromStore(reminder));
    byContact.set(reminder.contactId, list);
  }
  const writes: PlannedReminderWrite[] = [];
  let changed = 0;
  for (const record of storedContacts) {
    const contact = contactFromStore(record);
    const { put, remove } = planKeepInTouch(contact, settings, byContact.get(contact.id) ?? [], now, newId);
    for (const id of remove) writes.push({ id, before: stored.get(id) });
    if (put) writes.push({ id: put.id, before: stored.get(put.id), after: validate(Reminder, 'reminder', put) });
    if (put || remove.length) changed += 1;
  }
  await writeRemindersInPieces(db, writes);
  return changed;
}

export type LoggedInteraction = { interaction: Interaction; keepInTouch?: Reminder; thankYou?: Reminder };

const HELP_WORDS: Record<HelpKind, string> = {
  information: 'information',
  contacts: 'contacts',
  connections: 'connections',
  referrals: 'a referral',
};

const thankYouNote = (received: readonly HelpKind[]) => `Thank them for ${received.map((kind) => HELP_WORDS[kind]).join(', ')}`;

/**
 * Log an interaction: store it, move the contact's last-interaction time and keep-in-touch
 * reminder, and when help was received add a thank-you reminder — all in one transaction.
 */
export async function logInteraction(
  db: KithDB,
  input: InteractionInput,
  settings: CadenceSettings,
  now: number,
): Promise<LoggedInteraction> {
  const interaction = validate(Interaction, 'interaction', input);
  return inTransaction(db, ['contacts', 'interactions', 'reminders'], async (tx) => {
    let contact = await contactIn(tx, interaction.contactId);
    if ((contact.lastInteractionAt ?? 0) < interaction.at) {
      contact = { ...contact, lastInteractionAt: interaction.at };
      await tx.objectStore('contacts').put(contact);
    }
    await tx.objectStore('interactions').put(interaction);
    const keepInTouch = await syncKeepInTouchIn(tx, contact, settings, now);
    if (interaction.received.length === 0) return { interaction, keepInTouch };
    const thankYou = await putReminderIn(tx, {
      id: newId(),
      contactId: contact.id,
      kind: 'thank-you',
      dueAt: thankYouDueAt(interaction.at),
      note: thankYouNote(interaction.received),
      interactionId: interaction.id,
      createdAt: now,
    });
    return { interaction, keepInTouch, thankYou };
  });
}

/** What `removeInteraction` took out, for `restoreInteraction` to put back. */
export type RemovedInteraction = { interaction: Interaction; keepInTouch?: Reminder };

/**
 * Delete an interaction logged by mistake: the contact's last-interaction time falls back to the
 * one before and its keep-in-touch reminder moves back with it, in one transaction. Returns what
 * an undo needs, or undefined when it was already gone. A thank-you it brought stays: that is a
 * reminder of its own, deleted on its own.
 */
export async function removeInteraction(
  db: KithDB,
  id: string,
  settings: CadenceSettings,
  now: number,
): Promise<RemovedInteraction | undefined> {
  return inTransaction(db, ['contacts', 'interactions', 'reminders'], async (tx) => {
    const interaction = await deleteInteractionIn(tx, id);
    if (!interaction) return undefined;
    const reminders = await tx.objectStore('reminders').index('byContact').getAll(interaction.contactId);
    const keepInTouch = reminders.map(reminderFromStore).find((r) => r.kind === 'keep-in-touch' && isOpen(r));
    const contact = await storedContact(tx, interaction.contactId);
    if (contact) await syncKeepInTouchIn(tx, contact, settings, now);
    return { interaction, keepInTouch };
  });
}

/**
 * Undo `removeInteraction`, in one transaction: the interaction back, the last-interaction time
 * recomputed, and the keep-in-touch reminder as it was (a snooze included) unless it was marked
 * done meanwhile; the sync then moves it only if something else changed since.
 */
export async function restoreInteraction(db: KithDB, removed: RemovedInteraction, settings: CadenceSettings, now: number): Promise<void> {
  const interaction = validate(Interaction, 'interaction', removed.interaction);
  await inTransaction(db, ['contacts', 'interactions', 'reminders'], async (tx) => {
    await putInteractionIn(tx, interaction);
    const { keepInTouch } = removed;
    if (keepInTouch) {
      const stored = await tx.objectStore('reminders').get(keepInTouch.id);
      if (!stored || stored.doneAt === undefined) await putReminderIn(tx, keepInTouch);
    }
    // Read after the put, which moved its last-interaction time; gone, it aborts everything.
    await syncKeepInTouchIn(tx, await contactIn(tx, interaction.contactId), settings, now);
  });
}

/** What `reviseInteraction` replaced and added, for `undoRevision` to take back. */
export type RevisedInteraction = { before: Interaction; after: Interaction; thankYou?: Reminder };

// An interaction's parts as the correcting form names them, for saying which were corrected elsewhere.
const INTERACTION_PARTS: Partial<Record<keyof Interaction, string>> = { at: 'day', channel: 'channel', summary: 'summary', received: 'help', gave: 'help', link: 'link' };

/**
 * A correction refused: another tab or window corrected the same parts of the interaction since
 * the form was opened, to something else. `saved` is the interaction as it is now.
 */
export class CorrectedElsewhere extends Error {
  constructor(
    readonly saved: Interaction,
    parts: readonly (keyof Interaction)[],
  ) {
    const named = [...new Set(parts.map((part) => INTERACTION_PARTS[part] ?? String(part)))];
    const summary = parts.includes('summary') ? ` The summary saved now is: “${saved.summary}”.` : '';
    const several = named.length > 1;
    super(`Its ${named.join(' and ')} ${several ? 'were' : 'was'} corrected elsewhere since you opened it.${summary} Save again to replace ${several ? 'them' : 'it'} with yours.`);
    this.name = 'CorrectedElsewhere';
  }
}

/**
 * Correct a logged interaction (its day, channel, words or help) in one transaction: the
 * contact's last-interaction time and keep-in-touch reminder follow its new day, and help
 * received that it did not record before asks for a thank-you, as logging it would have. It
 * stays with its contact; one deleted elsewhere meanwhile is not brought back. Only the parts
 * changed from `shown` (the interaction as the form opened it) are written, so a correction made
 * elsewhere since to the others stays; one to the same parts refuses (CorrectedElsewhere).
 */
export async function reviseInteraction(
  db: KithDB,
  shown: Interaction,
  edited: Interaction,
  settings: CadenceSettings,
  now: number,
): Promise<RevisedInteraction> {
  validate(Interaction, 'interaction', edited);
  return inTransaction(db, ['contacts', 'interactions', 'reminders'], async (tx) => {
    const stored = await tx.objectStore('interactions').get(edited.id);
    if (!stored || stored.contactId !== edited.contactId) throw new Error('That interaction is no longer in your notebook: it was deleted elsewhere.');
    const before = interactionFromStore(stored);
    const clashes = editedOnBothSides(edited, shown, before);
    if (clashes.length > 0) throw new CorrectedElsewhere(before, clashes);
    const after = validate(Interaction, 'interaction', keepEdits(edited, shown, before));
    await putInteractionIn(tx, after);
    await moveThankYousIn(tx, before, after, now);
    await syncKeepInTouchIn(tx, await contactIn(tx, after.contactId), settings, now);
    // Help ticked again after being unticked is still asked for by the thank-you this interaction
    // asked for first, which unticking left open: one from before thank-yous knew their
    // interaction is taken for it by its day.
    const ownThanks = (r: StoredReminder) => r.interactionId === after.id || (r.interactionId === undefined && r.dueAt === thankYouDueAt(after.at));
    const openThanks = (await tx.objectStore('reminders').index('byContact').getAll(after.contactId))
      .filter((r) => r.kind === 'thank-you' && r.doneAt === undefined && ownThanks(r))
      .map((r) => r.note);
    const newlyReceived = after.received.filter(
      (kind) => !before.received.includes(kind) && !openThanks.some((note) => note.includes(HELP_WORDS[kind])),
    );
    if (newlyReceived.length === 0) return { before, after };
    const thankYou = await putReminderIn(tx, {
      id: newId(),
      contactId: after.contactId,
      kind: 'thank-you',
      dueAt: thankYouDueAt(after.at),
      note: thankYouNote(newlyReceived),
      interactionId: after.id,
      createdAt: now,
    });
    return { before, after, thankYou };
  });
}

/**
 * The open thank-yous an interaction asked for, still on the day after it, move with its day when
 * that is corrected (one logged for the wrong day, or the correction undone); one the user added
 * by hand stays where they put it. Moved by the user's doing, each is made anew (`now`), so one
 * moved to a day already begun only counts on the badge, as `planKeepInTouch` moves a keep-in-touch.
 */
async function moveThankYousIn(tx: WriteTx, from: Interaction, to: Interaction, now: number): Promise<void> {
  const wasDue = thankYouDueAt(from.at);
  const dueAt = thankYouDueAt(to.at);
  if (wasDue === dueAt) return;
  for (const stored of await tx.objectStore('reminders').index('byContact').getAll(to.contactId)) {
    if (stored.kind === 'thank-you' && stored.doneAt === undefined && stored.interactionId === to.id && stored.dueAt === wasDue) {
      await putReminderIn(tx, { ...reminderFromStore(stored), dueAt, createdAt: now });
    }
  }
}

/**
 * Undo `reviseInteraction`, in one transaction: each part it corrected as it was, unless it was
 * corrected again since (in another tab: that was a later choice), and the thank-you the revision
 * asked for gone unless it was marked done meanwhile. An interaction deleted since stays deleted,
 * which the Undo says.
 */
export async function undoRevision(db: KithDB, { before, after, thankYou }: RevisedInteraction, settings: CadenceSettings, now: number): Promise<void> {
  await inTransaction(db, ['contacts', 'interactions', 'reminders'], async (tx) => {
    const stored = await tx.objectStore('interactions').get(before.id);
    if (!stored) throw new Error('it was deleted elsewhere since');
    const current = interactionFromStore(stored);
    const correctedSince = editedFields(current, after);
    const restored = { ...before, ...correctedSince };
    await putInteractionIn(tx, restored);
    await moveThankYousIn(tx, current, restored, now);
    if (thankYou) {
      const stored = await tx.objectStore('reminders').get(thankYou.id);
      if (stored && stored.doneAt === undefined) await tx.objectStore('reminders').delete(thankYou.id);
    }
    await syncKeepInTouchIn(tx, await contactIn(tx, before.contactId), settings, now);
  });
}

export type DatedReminder = {
  contactId: string;
  kind: Exclude<ReminderKind, 'keep-in-touch'>;
  /** `YYYY-MM-DD`: due from the start of that local day. */
  date: string;
  note?: string;
};

/**
 * What saving a contact brings with it, for the save's own transaction (db.ts `Alongside`): its
 * keep-in-touch reminder in step with its cadence, and a follow-up on `followUp` (`YYYY-MM-DD`)
 * when one was asked for. `followUpId`: the open follow-up the form showed, which is moved to
 * that date rather than joined by a second one, or removed when `followUp` is empty. Saved
 * together, a contact is never without its reminder.
 */
export function remindersAlongside(settings: CadenceSettings, now: number, followUp?: string, followUpId?: string): Alongside {
  // Checked before anything is written, so a bad date saves nothing.
  const followUpAt = followUp ? startOfLocalDay(followUp) : undefined;
  return async (tx, contact) => {
    await syncKeepInTouchIn(tx, contact, settings, now);
    if (followUp === undefined) return;
    const stored = followUpId === undefined ? undefined : await tx.objectStore('reminders').get(followUpId);
    const shown = stored && stored.contactId === contact.id && stored.doneAt === undefined ? stored : undefined;
    if (followUpAt === undefined) {
      // The date cleared: the follow-up the form showed is no longer wanted.
      if (shown) await tx.objectStore('reminders').delete(shown.id);
      return;
    }
    if (shown) {
      // The form shows the day it is due (a snooze's, which keeps its time of day): that day
      // saved again is no move, and the snooze stays.
      if (startOfLocalDayAt(dueTimeOf(shown)) === followUpAt) return;
      // Moved, it is made anew: one moved to a day already begun is not announced, as the user
      // has just chosen it (toAnnounce), and one moved ahead is announced when it comes due.
      const { snoozedUntil: _moved, ...rest } = reminderFromStore(shown);
      await putReminderIn(tx, { ...rest, dueAt: followUpAt, createdAt: now });
      return;
    }
    await putReminderIn(tx, { id: newId(), contactId: contact.id, kind: 'follow-up', dueAt: followUpAt, note: '', createdAt: now });
  };
}

/** What `addReminder`'s errors call the fields they are about: the labels the reminder form shows. */
export const REMINDER_FIELD_LABELS = { date: 'On', note: 'What' };

/** A one-off reminder for a date: a follow-up, a promise ("send the deck"), a thank-you. */
export async function addReminder(db: KithDB, input: DatedReminder, now: number): Promise<Reminder> {
  const dueAt = startOfLocalDay(input.date, REMINDER_FIELD_LABELS.date);
  refuseOverLimit(REMINDER_FIELD_LABELS.note, input.note ?? '', LIMITS.reminderNote, true);
  return inTransaction(db, ['contacts', 'reminders'], async (tx) => {
    await contactIn(tx, input.contactId);
    return putReminderIn(tx, {
      id: newId(),
      contactId: input.contactId,
      kind: input.kind,
      dueAt,
      note: input.note ?? '',
      createdAt: now,
    });
  });
}

/**
 * Mark a reminder done. A keep-in-touch reminder starts its next cycle from now, in the same
 * transaction, so the contact always has one.
 */
export async function markDone(db: KithDB, reminderId: string, settings: CadenceSettings, now: number): Promise<Reminder> {
  return inTransaction(db, ['contacts', 'reminders'], (tx) => markDoneIn(tx, reminderId, settings, now));
}

async function markDoneIn(tx: WriteTx, reminderId: string, settings: CadenceSettings, now: number): Promise<Reminder> {
  const stored = await tx.objectStore('reminders').get(reminderId);
  if (!stored) throw new Error('That reminder no longer exists');
  // Done twice (from the popup and a notification) stays done the first time.
  if (stored.doneAt !== undefined) return reminderFromStore(stored);
  const reminder = await putReminderIn(tx, done(reminderFromStore(stored), now));
  if (reminder.kind === 'keep-in-touch') {
    const contact = await storedContact(tx, reminder.contactId);
    if (contact) await syncKeepInTouchIn(tx, contact, settings, now);
  }
  return reminder;
}

/**
 * What a Done or Snooze changed among a contact's reminders: each one it changed or removed, as
 * it was and as it left it (`left`, JSON; undefined when removed), and each it made, as made.
 */
type ReminderChanges = { changed: { was: Reminder; left?: string }[]; made: { id: string; left: string }[] };

/** The changes from `before` to `after`, two reads of one contact's reminders (`remindersOf`). */
function reminderChanges(before: readonly Reminder[], after: readonly Reminder[]): ReminderChanges {
  const afterById = new Map(after.map((reminder) => [reminder.id, JSON.stringify(reminder)]));
  const ids = new Set(before.map((reminder) => reminder.id));
  return {
    changed: before.filter((reminder) => afterById.get(reminder.id) !== JSON.stringify(reminder)).map((was) => ({ was, left: afterById.get(was.id) })),
    made: after.filter((reminder) => !ids.has(reminder.id)).map((reminder) => ({ id: reminder.id, left: JSON.stringify(reminder) })),
  };
}

/** What a contact's keep-in-touch is planned from, as JSON, to tell whether it changed. */
const planBasis = (contact: Contact | undefined) => JSON.stringify([contact?.lastInteractionAt, contact?.cadenceDays, contact?.createdAt]);

/**
 * Undo of Done or Snooze, in one transaction: the reminders it changed put back as they were, the
 * one it made (the next keep-in-touch a Done started) removed; nothing else. A reminder added,
 * done or edited since, in this page or another, stays as it is now. Refused when the contact was
 * deleted since. When what the contact's keep-in-touch is planned from changed since the press
 * (`basis`: an interaction logged elsewhere), a keep-in-touch put back is planned again, as the
 * one the Done made was, and the contact keeps only one.
 */
async function putRemindersBack(
  db: KithDB,
  contactId: string,
  { changed, made }: ReminderChanges,
  basis: string,
  settings: CadenceSettings,
  now: number,
): Promise<void> {
  await inTransaction(db, ['contacts', 'reminders'], async (tx) => {
    const contact = await contactIn(tx, contactId);
    const store = tx.objectStore('reminders');
    // Each only while it is as the press left it: one edited since (a follow-up moved in another
    // tab, the next keep-in-touch snoozed) keeps that edit.
    const asLeft = async (id: string, left: string | undefined) => {
      const now = await store.get(id);
      return (now && JSON.stringify(reminderFromStore(now))) === left;
    };
    let undone = 0;
    for (const { id, left } of made) {
      if (!(await asLeft(id, left))) continue;
      await store.delete(id);
      undone += 1;
    }
    for (const { was, left } of changed) {
      if (!(await asLeft(was.id, left))) continue;
      await putReminderIn(tx, was);
      undone += 1;
    }
    // Saying "Undone" over nothing undone would leave the user believing it.
    if (undone === 0 && made.length + changed.length > 0) throw new Error('it was changed elsewhere since, and stays as it is now');
    if (!changed.some(({ was }) => was.kind === 'keep-in-touch')) return;
    // The next one the Done started, kept for an edit since (a snooze, a new default cadence),
    // and the one put back would be two: planned again, the contact keeps one.
    const openKeepInTouch = (await store.index('byContact').getAll(contactId)).filter((r) => r.kind === 'keep-in-touch' && r.doneAt === undefined);
    if (planBasis(contact) !== basis || openKeepInTouch.length > 1) await syncKeepInTouchIn(tx, contact, settings, now);
  });
}

/** Undo of deleting a reminder: it comes back as it was, unless its contact was deleted since. */
export async function restoreReminder(db: KithDB, reminder: Reminder): Promise<void> {
  await inTransaction(db, ['contacts', 'reminders'], async (tx) => {
    await contactIn(tx, reminder.contactId);
    await putReminderIn(tx, reminder);
  });
}

/**
 * Done, or Snooze for a day, as every list of reminders offers them; returns what undoes it, for
 * the one pressed by mistake, with the settings of when Undo is pressed (a default cadence changed
 * meanwhile plans the reminder put back).
 */
export async function settleReminder(
  db: KithDB,
  reminder: Reminder,
  how: 'done' | 'snooze',
  settings: CadenceSettings,
  now: number,
): Promise<(settings: CadenceSettings) => Promise<void>> {
  // Read before and after in the write's own transaction: another tab's Done or Snooze of the
  // same moment is no part of what this one's Undo takes back.
  const { changes, contact } = await inTransaction(db, ['contacts', 'reminders'], async (tx) => {
    const contactsReminders = async () => (await tx.objectStore('reminders').index('byContact').getAll(reminder.contactId)).map(reminderFromStore);
    const before = await contactsReminders();
    const contact = await storedContact(tx, reminder.contactId);
    if (how === 'done') await markDoneIn(tx, reminder.id, settings, now);
    else await snoozeIn(tx, reminder.id, '1-day', now);
    return { changes: reminderChanges(before, await contactsReminders()), contact };
  });
  return (settingsNow) => putRemindersBack(db, reminder.contactId, changes, planBasis(contact), settingsNow, now);
}

/** Snooze a reminder for a day, a week, or until the start of a chosen date. */
export async function snooze(db: KithDB, reminderId: string, until: Snooze, now: number): Promise<Reminder> {
  return inTransaction(db, ['reminders'], (tx) => snoozeIn(tx, reminderId, until, now));
}

async function snoozeIn(tx: WriteTx, reminderId: string, until: Snooze, now: number): Promise<Reminder> {
  const stored = await tx.objectStore('reminders').get(reminderId);
  if (!stored) throw new Error('That reminder no longer exists');
  // Done elsewhere meanwhile (another tab, a notification), it stays done.
  if (stored.doneAt !== undefined) throw new Error('That reminder was marked done elsewhere');
  return putReminderIn(tx, snoozed(reminderFromStore(stored), until, now));
}
