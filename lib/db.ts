// IndexedDB through idb: the typed schema, one shared open promise, numbered migrations and
// the store operations. Every write is parsed by the model's zod schema first; a transaction
// awaits nothing but IndexedDB, so it either commits whole or not at all.
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames, openDB, unwrap } from 'idb';
import * as z from 'zod/mini';
import {
  CHANNELS,
  Contact,
  type ContactInput,
  HELP_KINDS,
  Interaction,
  ORG_ROLES,
  type Person,
  RELATIONSHIPS,
  REMINDER_KINDS,
  Reminder,
  type ReminderInput,
  type Settings,
  WARMTHS,
  describeIssues,
  fieldName,
  newId,
} from './model';
import { canonicalProfileUrl, otherProfileUrlSpellings } from './profile-url';
import { dueTimeOf, isOpen, planKeepInTouch } from './reminders';

export const DB_NAME = 'kith';
export const DB_VERSION = 5;

/** A reminder as stored: `openAt` exists only while it is open, so the index holds only those. */
export type StoredReminder = Reminder & { openAt?: number };

export interface KithSchema extends DBSchema {
  contacts: {
    key: string;
    value: Contact;
    indexes: { byProfileUrl: string; byEmail: string; byReferrer: string };
  };
  interactions: {
    key: string;
    value: Interaction;
    indexes: { byContact: string; byAt: number };
  };
  reminders: {
    key: string;
    value: StoredReminder;
    indexes: { byContact: string; byOpenAt: number; byDoneAt: number; byKindOpenAt: [string, number] };
  };
}

export type KithDB = IDBPDatabase<KithSchema>;
type Store = StoreNames<KithSchema>;
type UpgradeTx = IDBPTransaction<KithSchema, Store[], 'versionchange'>;

export class ValidationError extends Error {
  constructor(what: string, error: z.core.$ZodError) {
    super(`Invalid ${what}: ${describeIssues(error)}`);
    this.name = 'ValidationError';
  }
}

/**
 * What to tell the user when a write failed. The browser's storage being full (IndexedDB's
 * QuotaExceededError, whose own message is cryptic) is said plainly: the failed transaction
 * wrote nothing, and everything saved before is still there.
 */
export function failureMessage(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return 'the browser’s storage is full, so Kith could not write this. Nothing already saved was lost. Free some disk space, then try again.';
  }
  return error instanceof Error ? error.message : String(error);
}

export function validate<S extends z.ZodMiniType>(schema: S, what: string, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(what, result.error);
  return result.data;
}

export function withOpenAt(reminder: Reminder): StoredReminder {
  const { openAt: _ignored, ...plain } = reminder as StoredReminder;
  const openAt = dueTimeOf(reminder);
  // Only a record Kith did not validate can lack a due time; it is kept, never indexed.
  return reminder.doneAt === undefined && Number.isFinite(openAt) ? { ...plain, openAt } : plain;
}

// ——— records as read ———
// The stores are a documented contract (DESIGN.md), so they may hold records Kith did not write
// in full: from version 1, or from another program that wrote only the contract's fields. Every
// reader gets them in today's form, fields they lack filled with their defaults, so no screen
// meets an undefined list; `bringContactsIntoForm` and `bringRemindersIntoForm` also rewrite
// those whose indexed keys are out of form, so the indexes find them.

type Field = z.core.$ZodType;
const fieldsMemo = new Map<z.ZodMiniObject, [string, Field][]>();
const defaultMemo = new Map<Field, unknown>();

function defaultOf(field: Field): unknown {
  if (!defaultMemo.has(field)) {
    const parsed = z.safeParse(field, undefined);
    defaultMemo.set(field, parsed.success ? parsed.data : undefined);
  }
  return defaultMemo.get(field);
}

/** Fields whose values come from a closed list in the model, with that list. */
type ClosedFields = Record<string, readonly string[]>;
const CONTACT_CLOSED: ClosedFields = { relationship: RELATIONSHIPS, warmth: WARMTHS, orgRoles: ORG_ROLES, canHelpWith: HELP_KINDS };
const INTERACTION_CLOSED: ClosedFields = { channel: CHANNELS, received: HELP_KINDS, gave: HELP_KINDS };
const REMINDER_CLOSED: ClosedFields = { kind: REMINDER_KINDS };

/**
 * `stored`, or a copy with each field it lacks set to the schema's default for it (a fresh list,
 * never a shared one). With `closed`, a value the model does not know (a circle named by another
 * program) reads as missing, and unknown items of a list are left out; the record itself keeps
 * them. Defaults are worked out per field on first need, so reading Kith's own records, which
 * lack only optional fields, costs the popup almost nothing.
 */
function withDefaults<T extends object>(stored: T, schema: z.ZodMiniObject, closed: ClosedFields = {}): T {
  let fields = fieldsMemo.get(schema);
  if (!fields) {
    fields = Object.entries(schema.shape);
    fieldsMemo.set(schema, fields);
  }
  const record = stored as Record<string, unknown>;
  let filled: Record<string, unknown> | undefined;
  const fill = (key: string, value: unknown) => {
    filled ??= { ...record };
    filled[key] = value;
  };
  for (const [key, field] of fields) {
    let value = record[key];
    const known = closed[key];
    if (known && value !== undefined) {
      const isList = Array.isArray(defaultOf(field));
      if (isList && Array.isArray(value)) {
        if (value.some((item) => !known.includes(item))) fill(key, value.filter((item) => known.includes(item)));
        continue;
      }
      if (isList || !known.includes(value as string)) {
        value = undefined;
        fill(key, undefined);
      }
    }
    if (value !== undefined) continue;
    const fallback = defaultOf(field);
    if (fallback !== undefined) fill(key, Array.isArray(fallback) ? [...fallback] : fallback);
  }
  return (filled ?? stored) as T;
}

export function contactFromStore(stored: Contact): Contact {
  return withDefaults(stored, Contact, CONTACT_CLOSED);
}

export function interactionFromStore(stored: Interaction): Interaction {
  return withDefaults(stored, Interaction, INTERACTION_CLOSED);
}

/** A reminder as the model defines it: no `openAt`; one without a kind Kith knows is a follow-up. */
export function reminderFromStore(stored: StoredReminder): Reminder {
  return asReminder(stored, REMINDER_CLOSED);
}

/** A reminder's fields that only Kith's planning reads: one another program wrote out of form is as good as absent. */
const PLANNING_FIELDS = ['plannedFrom', 'interactionId'] as const;

function asReminder(stored: StoredReminder, closed?: ClosedFields): Reminder {
  const { openAt: _ignored, ...reminder } = stored;
  for (const field of PLANNING_FIELDS) {
    if (reminder[field] !== undefined && !z.safeParse(Reminder.shape[field], reminder[field]).success) delete reminder[field];
  }
  const filled = withDefaults(reminder, Reminder, closed);
  if (filled.kind !== undefined && filled.createdAt !== undefined) return filled;
  return { ...filled, kind: filled.kind ?? 'follow-up', createdAt: filled.createdAt ?? filled.dueAt };
}

type AnyRecord = { id: string } & Record<string, unknown>;

const sameValue = (a: unknown, b: unknown) =>
  a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i]));

function sameRecord(a: AnyRecord, b: AnyRecord): boolean {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((key) => sameValue(a[key], b[key]));
}

const REWRITE_BATCH = 500;

/** Rewrite the records of `store` that `inForm` changes; returns how many. */
async function rewriteOutOfForm(db: KithDB, store: Store, inForm: (stored: AnyRecord) => AnyRecord): Promise<number> {
  // Untyped, so one loop serves the three stores; `inForm` knows each one's records.
  const untyped = db as unknown as IDBPDatabase;
  let rewritten = 0;
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const batch: AnyRecord[] = await untyped.getAll(store, range, REWRITE_BATCH);
    if (batch.length === 0) return rewritten;
    after = batch[batch.length - 1].id;
    const stale = batch.filter((stored) => !sameRecord(stored, inForm(stored))).map((stored) => stored.id);
    if (stale.length === 0) continue;
    // Read again in the write's own transaction: a change saved since the batch was read is kept.
    const tx = untyped.transaction(store, 'readwrite');
    await Promise.all([
      ...stale.map(async (id) => {
        const current: AnyRecord | undefined = await tx.store.get(id);
        if (current) await tx.store.put(inForm(current));
      }),
      tx.done,
    ]);
    rewritten += stale.length;
  }
}

export function bringRemindersIntoForm(db: KithDB): Promise<number> {
  return rewriteOutOfForm(db, 'reminders', (stored) => withOpenAt(asReminder(stored as StoredReminder)) as AnyRecord);
}

/**
 * The times of each store that may be date-only (see lib/time-zone-move.ts): reminders' due and
 * snooze times, interactions' times and contacts' last interaction. Times of Kith's own making
 * (created, updated, done) are instants and stay.
 */
export const DAY_START_FIELDS = {
  reminders: ['dueAt', 'snoozedUntil'],
  interactions: ['at'],
  contacts: ['lastInteractionAt'],
} as const;

/** `record` with each of `fields` moved by `move`; the record itself when none changes. */
export function withDayStartsMoved<T extends object>(record: T, fields: readonly string[], move: (time: number) => number): T {
  const changes = fields.flatMap((field) => {
    const time = (record as AnyRecord)[field];
    if (typeof time !== 'number') return [];
    const to = move(time);
    return to === time ? [] : [[field, to]];
  });
  return changes.length ? { ...record, ...Object.fromEntries(changes) } : record;
}

/** Rewrite every stored time `move` changes (DAY_START_FIELDS). Returns how many records it rewrote. */
export async function moveDayStarts(db: KithDB, move: (time: number) => number): Promise<number> {
  const reminders = await rewriteOutOfForm(db, 'reminders', (stored) => {
    const next = withDayStartsMoved(stored, DAY_START_FIELDS.reminders, move);
    return next === stored ? stored : (withOpenAt(next as StoredReminder) as AnyRecord);
  });
  const interactions = await rewriteOutOfForm(db, 'interactions', (stored) => withDayStartsMoved(stored, DAY_START_FIELDS.interactions, move));
  const contacts = await rewriteOutOfForm(db, 'contacts', (stored) => withDayStartsMoved(stored, DAY_START_FIELDS.contacts, move));
  return reminders + interactions + contacts;
}

/**
 * How many reminders are not indexed as exactly one of open or done: ones another program wrote
 * (`bringRemindersIntoForm` makes them due), or, left over after that, ones with no due time at
 * all. Zero when all is well. Three counts, no records read.
 */
export async function unindexedReminders(db: KithDB): Promise<number> {
  const store = db.transaction('reminders').store;
  const [all, open, done] = await Promise.all([store.count(), store.index('byOpenAt').count(), store.index('byDoneAt').count()]);
  return all - open - done;
}

/**
 * Rewrite contacts not in today's form (see "records as read") so the indexes find them: a
 * contact whose profile URL is not canonical is never found from its profile. Reads in batches
 * of short transactions, so a save never waits long. Reminders are the scheduler's to rewrite
 * (`unindexedReminders`). Interactions are not read: what their indexes read (the contact, the
 * time) has no other form to be put in, and their other fields are filled as they are read;
 * reading them all took 2.4 s of each browser start at 100,000 contacts. Returns how many it
 * rewrote.
 */
export async function bringContactsIntoForm(db: KithDB): Promise<number> {
  return rewriteOutOfForm(db, 'contacts', (stored) => contactInForm(stored as Contact) as AnyRecord);
}

/**
 * Migrations, cumulative: a database at any older version walks every later step.
 * Version 1 had the three stores keyed by `id`; version 2 adds the indexes the product queries
 * (dedupe keys, due reminders) and backfills what they index; version 3 indexes done reminders,
 * so that open plus done adding up to all of them shows cheaply that every reminder is indexed;
 * version 4 drops the contacts' index by time of change, which no query reads any more and
 * every contact written had to keep (an import writes 10,000); version 5 indexes who referred
 * each contact, so a merge finds whom the merged-away contact referred without reading every
 * contact (~1 s at 100,000), and open reminders by kind and due time, so the week page finds the
 * open promises due later without reading every open reminder (1.3–1.5 s at 100,000). Only
 * contacts someone referred, and only open reminders, have an entry.
 */
async function upgrade(db: IDBPDatabase<KithSchema>, oldVersion: number, tx: UpgradeTx) {
  if (oldVersion < 1) {
    db.createObjectStore('contacts', { keyPath: 'id' });
    db.createObjectStore('interactions', { keyPath: 'id' });
    db.createObjectStore('reminders', { keyPath: 'id' });
  }
  if (oldVersion < 2) {
    const contacts = tx.objectStore('contacts');
    contacts.createIndex('byProfileUrl', 'profileUrl');
    contacts.createIndex('byEmail', 'emails', { multiEntry: true });
    const interactions = tx.objectStore('interactions');
    interactions.createIndex('byContact', 'contactId');
    interactions.createIndex('byAt', 'at');
    const reminders = tx.objectStore('reminders');
    reminders.createIndex('byContact', 'contactId');
    reminders.createIndex('byOpenAt', 'openAt');
    // Version 1 stored records as written. Only what the new indexes read is brought into
    // today's form, and fields it lacks get their defaults; each record is otherwise kept as
    // stored, because parsing it whole would drop fields and truncate text the user wrote, and a
    // record that failed to parse would keep keys the indexes never match.
    for (let cursor = await contacts.openCursor(); cursor; cursor = await cursor.continue()) {
      await cursor.update(contactInForm(cursor.value));
    }
    for (let cursor = await reminders.openCursor(); cursor; cursor = await cursor.continue()) {
      await cursor.update(withOpenAt(asReminder(cursor.value)));
    }
  }
  if (oldVersion < 3) {
    tx.objectStore('reminders').createIndex('byDoneAt', 'doneAt');
  }
  if (oldVersion < 4) {
    // Made by version 2 as it first shipped; the schema's types no longer know it.
    const contacts = tx.objectStore('contacts');
    const indexes: DOMStringList = contacts.indexNames;
    if (indexes.contains('byUpdatedAt')) contacts.deleteIndex('byUpdatedAt');
  }
  if (oldVersion < 5) {
    tx.objectStore('contacts').createIndex('byReferrer', 'referredBy');
    tx.objectStore('reminders').createIndex('byKindOpenAt', ['kind', 'openAt']);
  }
}

/**
 * A copy of the contact with the keys lookups read in their form: every string email trimmed and
 * lowercased, the profile URL canonical when it parses as one. Kith writes them so; another
 * program may not have.
 */
export function withKeysInForm(contact: Contact): Contact {
  const { emails, profileUrl } = contact as { emails?: unknown; profileUrl?: unknown };
  const next = { ...contact };
  if (Array.isArray(emails)) next.emails = emails.map((e: unknown) => (typeof e === 'string' ? e.trim().toLowerCase() : e)) as string[];
  if (typeof profileUrl === 'string') next.profileUrl = canonicalProfileUrl(profileUrl) ?? profileUrl;
  return next;
}

/** A contact as stored by an older version or another program, with the fields it lacks filled in and its keys in form. */
function contactInForm(stored: Contact): Contact {
  return withKeysInForm(withDefaults(stored, Contact));
}

let shared: Promise<KithDB> | undefined;

/**
 * The shared connection. When another page upgrades the schema this connection closes itself
 * (`blocking`) so the upgrade never waits on an old popup; the next call reopens.
 */
export function openKithDb(name = DB_NAME): Promise<KithDB> {
  if (name !== DB_NAME) return openConnection(name);
  shared ??= openConnection(name).catch((error) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

function openConnection(name: string): Promise<KithDB> {
  const forget = (db?: KithDB) => {
    db?.close();
    if (name === DB_NAME) shared = undefined;
  };
  const opening: Promise<KithDB> = openDB<KithSchema>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
    blocked: () => console.warn('Kith: an older page holds the database open; waiting for it to close'),
    blocking: () => void opening.then(forget),
    terminated: () => forget(),
  });
  return opening;
}

// ——— contacts ———

export async function getContact(db: KithDB, id: string): Promise<Contact | undefined> {
  const stored = await db.get('contacts', id);
  return stored && contactFromStore(stored);
}

export async function listContacts(db: KithDB): Promise<Contact[]> {
  return (await allOf(db.transaction('contacts').store)).map(contactFromStore);
}

/** The ranges `allOf` reads: below "1", "1" to "2", and so on, "f" and above. */
function keyPiecesOf(): IDBKeyRange[] {
  const starts = [...'123456789abcdef'];
  return [
    IDBKeyRange.upperBound(starts[0], true),
    ...starts.slice(1).map((start, i) => IDBKeyRange.bound(starts[i], start, false, true)),
    IDBKeyRange.lowerBound(starts[starts.length - 1]),
  ];
}

let keyPieces: IDBKeyRange[] | undefined;

/**
 * Every record of `store`, in key order, read as sixteen ranges of keys at once rather than one
 * `getAll`: the page turns one piece into records while the database reads the next (100,000
 * contacts read as ten ranges came in 582–824 ms, in one `getAll` 842–1,079). The pieces split
 * Kith's ids (random UUIDs) by their first character and together cover every key, whatever
 * its form; all are read in the store's one transaction, so they see the same notebook.
 */
export async function allOf<Value>(store: { getAll(range?: IDBKeyRange): Promise<Value[]> }): Promise<Value[]> {
  keyPieces ??= keyPiecesOf();
  return (await Promise.all(keyPieces.map((range) => store.getAll(range)))).flat();
}

/** A change to one reminder planned from a read of it: `before` as read (none for a new one); no `after` deletes it. */
export type PlannedReminderWrite = { id: string; before?: StoredReminder; after?: Reminder };

const unchangedSince = (now: StoredReminder | undefined, before: StoredReminder | undefined) =>
  now?.dueAt === before?.dueAt && now?.snoozedUntil === before?.snoozedUntil && now?.doneAt === before?.doneAt;

async function hasOpenKeepInTouch(tx: IDBPTransaction<KithSchema, ('contacts' | 'reminders')[], 'readwrite'>, contactId: string): Promise<boolean> {
  return (await tx.objectStore('reminders').index('byContact').getAll(contactId)).some((r) => r.kind === 'keep-in-touch' && r.doneAt === undefined);
}

/**
 * Write planned reminder changes a piece of keys (allOf's) at a time, each piece in a transaction
 * of its own: a save made meanwhile waits for one piece, not for the whole pass (100,000 writes
 * in one transaction held the notebook ~18 s). Each piece is read again first, and a reminder
 * written since it was planned from (an interaction logged, a contact saved) is left as that
 * write left it, in step already; nor is a new keep-in-touch reminder where the contact has an
 * open one by now (another pass planned it meanwhile, from the same read: two made the badge count
 * them twice), nor a new reminder for a contact deleted since (nothing would ever take it away
 * again, and the badge would count it). Each piece is whole or not at all; pieces written stay
 * written.
 */
export async function writeRemindersInPieces(db: KithDB, writes: readonly PlannedReminderWrite[]): Promise<void> {
  const pieces = (keyPieces ??= keyPiecesOf());
  const byPiece = pieces.map((): PlannedReminderWrite[] => []);
  for (const write of writes) byPiece[pieces.findIndex((piece) => piece.includes(write.id))].push(write);
  for (const [index, piece] of pieces.entries()) {
    const mine = byPiece[index];
    if (mine.length === 0) continue;
    await inTransaction(db, ['contacts', 'reminders'], async (tx) => {
      const store = tx.objectStore('reminders');
      const now = new Map((await store.getAll(piece)).map((r) => [r.id, r]));
      // Plain requests, not idb's promise each: a failing one aborts the piece, which inTransaction awaits.
      const raw = unwrap(store) as IDBObjectStore;
      // A reminder planned anew has nothing written since to compare with: its contact is asked instead.
      const newFor = [...new Set(mine.flatMap(({ before, after }) => (after && !before ? [after.contactId] : [])))];
      const isNewKeepInTouch = (write: PlannedReminderWrite) => write.after?.kind === 'keep-in-touch' && !write.before;
      const planned = mine.filter(isNewKeepInTouch).map(({ after }) => after!.contactId);
      const [saved, hasOne] = await Promise.all([
        Promise.all(newFor.map((contactId) => tx.objectStore('contacts').getKey(contactId))),
        Promise.all(planned.map((contactId) => hasOpenKeepInTouch(tx, contactId))),
      ]);
      const gone = new Set(newFor.filter((_, i) => saved[i] === undefined));
      const contactsWithOne = new Set(planned.filter((_, i) => hasOne[i]));
      for (const write of mine) {
        const { id, before, after } = write;
        if (!unchangedSince(now.get(id), before)) continue;
        if (after && !before && gone.has(after.contactId)) continue;
        if (isNewKeepInTouch(write) && contactsWithOne.has(after!.contactId)) continue;
        if (after) raw.put(withOpenAt(after));
        else raw.delete(id);
      }
    });
  }
}

/** The rest of `piece` after `key`. */
function pieceAfter(piece: IDBKeyRange, key: IDBValidKey): IDBKeyRange {
  return piece.upper === undefined ? IDBKeyRange.lowerBound(key, true) : IDBKeyRange.bound(key, piece.upper, true, piece.upperOpen);
}

/** How many of the pieces `eachContactBatch` reads at once. */
const PIECES_AT_ONCE = 4;

/**
 * Every stored contact, `size` at a time, handed to `visit` until it returns `true`: for reads
 * that must not hold the notebook, as each batch is a transaction of its own, so a save waits
 * behind a few batches at most. The pieces `allOf` reads are read four at a time, so the
 * database reads the next batches while the page works through one: the popup's first search at
 * 100,000 contacts took 1.9–2.1 s one batch after another and ~1.0 s four at once, a write
 * meanwhile waiting 20–80 ms against 10–30 (sixteen at once: up to 300). Batches come in no set
 * order.
 */
export async function eachContactBatch(db: KithDB, size: number, visit: (batch: Contact[]) => boolean | void): Promise<void> {
  keyPieces ??= keyPiecesOf();
  const unread = [...keyPieces];
  let stop = false;
  const readPieces = async () => {
    for (let piece = unread.shift(); piece && !stop; piece = unread.shift()) {
      let range: IDBKeyRange | undefined = piece;
      while (range && !stop) {
        const batch: Contact[] = await db.getAll('contacts', range, size);
        if (stop) return;
        stop = visit(batch) === true;
        range = batch.length === size ? pieceAfter(piece, batch[batch.length - 1].id) : undefined;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: PIECES_AT_ONCE }, readPieces));
  } finally {
    // One reader failing stops the others after the batch they are waiting for.
    stop = true;
  }
}

/** A transaction that writes a contact and its reminders together. */
export type ContactWriteTx = IDBPTransaction<KithSchema, ('contacts' | 'reminders')[], 'readwrite'>;

/**
 * Writes that belong with saving a contact (its keep-in-touch reminder, a follow-up), run in the
 * save's own transaction so a crash or a closed popup never leaves one without the other.
 */
export type Alongside = (tx: ContactWriteTx, contact: Contact) => Promise<void>;

/** Run `work` in one readwrite transaction; any failure aborts it, so nothing is half-written. */
export async function inTransaction<S extends Store, T>(
  db: KithDB,
  stores: S[],
  work: (tx: IDBPTransaction<KithSchema, S[], 'readwrite'>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, 'readwrite');
  try {
    const result = await work(tx);
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: the error below is the one that matters.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

function inContactTransaction<T>(db: KithDB, work: (tx: ContactWriteTx) => Promise<T>): Promise<T> {
  return inTransaction(db, ['contacts', 'reminders'], work);
}

/** Change a saved contact in one transaction (edit in place); the result is validated first. */
export async function updateContact(
  db: KithDB,
  id: string,
  change: (contact: Contact) => ContactInput,
  alongside?: Alongside,
): Promise<Contact> {
  return inContactTransaction(db, async (tx) => {
    const stored = await tx.objectStore('contacts').get(id);
    if (!stored) throw new Error('That contact no longer exists');
    const saved = contactFromStore(stored);
    const result = Contact.safeParse({ ...change(saved), id: saved.id, createdAt: saved.createdAt });
    if (!result.success) throw new ValidationError('contact', result.error);
    await refuseOthersKeys(tx, saved, result.data);
    await tx.objectStore('contacts').put(result.data);
    await alongside?.(tx, result.data);
    return result.data;
  });
}

/** An email or profile link a save would have given one contact that another already has. */
export type HeldByOther = { key: string; owner: string };

export const alreadyTheirs = ({ key, owner }: HeldByOther) => `${key} is already ${owner}’s`;
const MERGE_ADVICE = 'To make them one person, merge the two contacts on either one’s page in the dashboard.';

/** What a save left off and why, for the screen or notification that reports the save ('' when nothing). */
export function leftOffNotice(held: readonly HeldByOther[]): string {
  return held.length ? `Not added: ${held.map(alreadyTheirs).join('; ')}. ${MERGE_ADVICE}` : '';
}

/**
 * The emails and profile link `after` adds to `before` that another contact has: both would then
 * be the same person to every capture and import, which would land on either.
 */
export async function keysOfOthers(tx: ContactsTx, before: Contact, after: Contact): Promise<HeldByOther[]> {
  const contacts = tx.objectStore('contacts');
  const keys = keysAdded(before, after);
  const owners = await Promise.all(keys.map(({ key, index }) => contacts.index(index).get(key)));
  return heldBy(keys, owners, after);
}

/** keysOfOthers over contacts already read: `holderOf` finds who has a key, as its index would. */
export function keysOfOthersIn(holderOf: (key: AddedKey) => Contact | undefined, before: Contact, after: Contact): HeldByOther[] {
  const keys = keysAdded(before, after);
  return heldBy(keys, keys.map(holderOf), after);
}

/** An email or the profile link, with the index that finds the contact holding it. */
export type AddedKey = { key: string; index: 'byEmail' | 'byProfileUrl' };

function keysAdded(before: Contact, after: Contact): AddedKey[] {
  return [
    ...after.emails.filter((email) => !before.emails.includes(email)).map((email) => ({ key: email, index: 'byEmail' as const })),
    ...(after.profileUrl && after.profileUrl !== before.profileUrl ? [{ key: after.profileUrl, index: 'byProfileUrl' as const }] : []),
  ];
}

function heldBy(keys: AddedKey[], owners: (Contact | undefined)[], after: Contact): HeldByOther[] {
  return keys.flatMap(({ key }, i) => {
    const owner = owners[i];
    return owner && owner.id !== after.id ? [{ key, owner: owner.name }] : [];
  });
}

/** `after` without what keysOfOthers found: those emails left off, the profile link left as `before` had it. */
export function withoutHeld(after: Contact, before: Contact, held: readonly HeldByOther[]): Contact {
  if (held.length === 0) return after;
  const heldKeys = new Set(held.map(({ key }) => key));
  return {
    ...after,
    emails: after.emails.filter((email) => !heldKeys.has(email)),
    profileUrl: after.profileUrl && heldKeys.has(after.profileUrl) ? before.profileUrl : after.profileUrl,
  };
}

/**
 * An edit that gives a contact another's key is refused: merging the two keeps everything of both.
 * Said under the field's name, as a form knows the field an error is about ("Email: …").
 */
async function refuseOthersKeys(tx: ContactWriteTx, before: Contact, after: Contact): Promise<void> {
  const [taken] = await keysOfOthers(tx, before, after);
  if (taken) throw new Error(`${fieldName(taken.key === after.profileUrl ? 'profileUrl' : 'emails')}: ${alreadyTheirs(taken)}. ${MERGE_ADVICE}`);
}

export type DedupeKeys = { profileUrl?: string; emails?: string[] };

type ContactsTx = IDBPTransaction<KithSchema, Store[], 'readonly' | 'readwrite'>;

/** The saved contact of this id; a write to one deleted meanwhile fails rather than recreate it. */
async function savedOrGone(tx: ContactsTx, id: string): Promise<Contact> {
  const stored = await tx.objectStore('contacts').get(id);
  if (!stored) throw new Error('That contact no longer exists');
  return contactFromStore(stored);
}

/** The saved contact that is this person, by canonical profile URL first, then any email. */
async function findIn(tx: ContactsTx, keys: DedupeKeys): Promise<Contact | undefined> {
  const contacts = tx.objectStore('contacts');
  if (keys.profileUrl) {
    const index = contacts.index('byProfileUrl');
    const byProfile =
      (await index.get(keys.profileUrl)) ??
      // Not there as Kith writes it: perhaps as another program did, not yet rewritten.
      (await Promise.all(otherProfileUrlSpellings(keys.profileUrl).map((spelling) => index.get(spelling)))).find(Boolean);
    if (byProfile) return contactFromStore(byProfile);
  }
  for (const email of keys.emails ?? []) {
    const byEmail = await contacts.index('byEmail').get(email.toLowerCase());
    if (byEmail) return contactFromStore(byEmail);
  }
  return undefined;
}

export type ContactWithHistory = {
  contact: Contact;
  /** Newest first. */
  interactions: Interaction[];
  /** All of them, open or not, soonest due first (a snoozed one at its snooze). */
  reminders: Reminder[];
  referrer?: Contact;
};

/**
 * A contact, by id or by dedupe keys (never by name alone), with its interactions, reminders and
 * referrer, read in one transaction: a popup opening pays for one transaction, not four.
 */
export async function readContactWithHistory(
  db: KithDB,
  which: { id: string } | DedupeKeys,
): Promise<ContactWithHistory | undefined> {
  const tx = db.transaction(['contacts', 'interactions', 'reminders'], 'readonly');
  const contacts = tx.objectStore('contacts');
  let contact: Contact | undefined;
  if ('id' in which) {
    const stored = await contacts.get(which.id);
    contact = stored && contactFromStore(stored);
  } else {
    contact = await findIn(tx, dedupeKeysOf(which));
  }
  if (!contact) return undefined;
  const [interactions, reminders, referrer] = await Promise.all([
    tx.objectStore('interactions').index('byContact').getAll(contact.id),
    tx.objectStore('reminders').index('byContact').getAll(contact.id),
    contact.referredBy ? contacts.get(contact.referredBy) : undefined,
  ]);
  return {
    contact,
    interactions: interactions.map(interactionFromStore).sort(newestFirst),
    reminders: reminders.map(reminderFromStore).sort(soonestDueFirst),
    referrer: referrer && contactFromStore(referrer),
  };
}

const DedupeKeysOfContact = z.pick(Contact, { profileUrl: true, emails: true });

function dedupeKeysOf(input: { profileUrl?: string; emails?: readonly string[] }): DedupeKeys {
  const parsed = DedupeKeysOfContact.safeParse({
    profileUrl: input.profileUrl,
    emails: input.emails ?? [],
  });
  return parsed.success ? parsed.data : { emails: [] };
}

/**
 * Fold a captured person into a saved contact: fill what is blank, add emails, phones and the
 * source; a differing name, title, company or location is left as saved and returned in
 * `proposed` so the user decides (a new job title is shown as an update, not overwritten).
 */
export function mergeCapture(saved: Contact, person: Person, now: number) {
  const proposed: Partial<Pick<Contact, 'name' | 'title' | 'company' | 'location'>> = {};
  const next: ContactInput = { ...saved, updatedAt: now };
  for (const field of ['name', 'title', 'company', 'location'] as const) {
    const captured = person[field];
    if (!captured) continue;
    if (!saved[field]) next[field] = captured;
    else if (saved[field] !== captured) proposed[field] = captured;
  }
  next.emails = [...saved.emails, ...person.emails];
  next.phones = [...saved.phones, ...(person.phones ?? [])];
  next.profileUrl = saved.profileUrl ?? person.profileUrl;
  next.photoUrl = saved.photoUrl ?? person.photoUrl;
  next.sources = [...saved.sources, { kind: person.source, url: person.profileUrl, at: now }].slice(-100);
  return { next, proposed };
}

export type SaveResult = { contact: Contact; created: boolean; proposed: Partial<Record<string, string>>; heldByOthers: HeldByOther[] };

/**
 * Save a contact, deduplicated: when a saved contact has the same canonical profile URL or an
 * email in common, `update` folds the input into it, leaving off any other email or link that a
 * third contact has (returned in `heldByOthers`); otherwise `input` is created. Lookup and write
 * share one readwrite transaction, so two tabs saving the same person at once still end with one
 * contact (IndexedDB runs overlapping readwrite transactions one after the other). With `into`,
 * the input is the saved contact of that id, as the user said (no key of theirs found them).
 * With `samePerson`, a saved contact it says is someone else keeps the key that found them, and
 * the input is created without it.
 */
export async function saveContactDeduped(
  db: KithDB,
  input: ContactInput,
  update: (saved: Contact) => ContactInput = (saved) => ({ ...saved, ...input, id: saved.id, createdAt: saved.createdAt }),
  alongside?: Alongside,
  { into, samePerson }: { into?: string; samePerson?: (saved: Contact, input: Contact) => boolean } = {},
): Promise<{ contact: Contact; created: boolean; heldByOthers: HeldByOther[] }> {
  const fresh = validate(Contact, 'contact', input);
  return inContactTransaction(db, async (tx) => {
    const found = into === undefined ? await findIn(tx, fresh) : await savedOrGone(tx, into);
    const saved = found && (into !== undefined || !samePerson || samePerson(found, fresh)) ? found : undefined;
    let contact = fresh;
    let heldByOthers: HeldByOther[] = [];
    if (saved) {
      // What another contact has is left off and reported: refusing, as an edit is refused,
      // would lose the rest of a right-click save, which has no form to correct.
      const folded = validate(Contact, 'contact', update(saved));
      heldByOthers = await keysOfOthers(tx, saved, folded);
      contact = withoutHeld(folded, saved, heldByOthers);
    } else if (found) {
      const keyless = { ...fresh, emails: [], profileUrl: undefined };
      heldByOthers = await keysOfOthers(tx, keyless, fresh);
      contact = withoutHeld(fresh, keyless, heldByOthers);
    }
    await tx.objectStore('contacts').put(contact);
    await alongside?.(tx, contact);
    return { contact, created: !saved, heldByOthers };
  });
}

/** Save a captured person: a new contact, or merged into the one it already is (`into`, when the caller knows). */
export async function saveCapturedPerson(
  db: KithDB,
  person: Person,
  now: number,
  extra: Partial<ContactInput> = {},
  alongside?: Alongside,
  into?: string,
): Promise<SaveResult> {
  let proposed: SaveResult['proposed'] = {};
  const input: ContactInput = {
    id: newId(),
    name: person.name,
    title: person.title,
    company: person.company,
    location: person.location,
    emails: person.emails,
    phones: person.phones,
    profileUrl: person.profileUrl,
    photoUrl: person.photoUrl,
    sources: [{ kind: person.source, url: person.profileUrl, at: now }],
    createdAt: now,
    updatedAt: now,
    ...extra,
  };
  const saved = await saveContactDeduped(db, input, (contact) => {
    const merged = mergeCapture(contact, person, now);
    proposed = merged.proposed;
    return merged.next;
  }, alongside, { into });
  return { ...saved, proposed };
}

// ——— interactions ———

/** A transaction that writes interactions and their contacts, and perhaps more (reminder-store.ts). */
export type InteractionsTx = IDBPTransaction<KithSchema, Store[], 'readwrite'>;

/** Bring one contact's keep-in-touch reminder in step; returns the open one. */
export async function syncKeepInTouchIn(tx: InteractionsTx, contact: Contact, settings: Pick<Settings, 'defaultCadenceDays'>, now: number): Promise<Reminder | undefined> {
  const store = tx.objectStore('reminders');
  const reminders = (await store.index('byContact').getAll(contact.id)).map(reminderFromStore);
  const { put, remove } = planKeepInTouch(contact, settings, reminders, now, newId);
  for (const id of remove) await store.delete(id);
  if (!put) return reminders.find((r) => r.kind === 'keep-in-touch' && isOpen(r));
  const valid = validate(Reminder, 'reminder', put);
  await store.put(withOpenAt(valid));
  return valid;
}

/**
 * Set the contact's last-interaction time from the interactions it still has (none: unset), after
 * one of them changed or went away: the latest may be the one that did.
 */
async function recomputeLastInteraction(tx: InteractionsTx, contactId: string): Promise<void> {
  const contacts = tx.objectStore('contacts');
  const [contact, remaining] = await Promise.all([
    contacts.get(contactId),
    tx.objectStore('interactions').index('byContact').getAll(contactId),
  ]);
  if (!contact) return;
  const { lastInteractionAt: _previous, ...rest } = contact;
  const latest = remaining.reduce<number | undefined>((max, i) => Math.max(max ?? i.at, i.at), undefined);
  await contacts.put(latest === undefined ? rest : { ...rest, lastInteractionAt: latest });
}

/** Store a validated interaction in `tx` and bring its contact's last-interaction time in step. */
export async function putInteractionIn(tx: InteractionsTx, interaction: Interaction): Promise<void> {
  await tx.objectStore('interactions').put(interaction);
  await recomputeLastInteraction(tx, interaction.contactId);
}

/** Delete an interaction in `tx` and bring its contact's last-interaction time in step; returns it, or undefined when already gone. */
export async function deleteInteractionIn(tx: InteractionsTx, id: string): Promise<Interaction | undefined> {
  const saved = await tx.objectStore('interactions').get(id);
  if (!saved) return undefined;
  await tx.objectStore('interactions').delete(id);
  await recomputeLastInteraction(tx, saved.contactId);
  return interactionFromStore(saved);
}

/** A contact's interactions, newest first. */
export async function interactionsOf(db: KithDB, contactId: string): Promise<Interaction[]> {
  const all = await db.getAllFromIndex('interactions', 'byContact', contactId);
  return all.map(interactionFromStore).sort(newestFirst);
}

const newestFirst = (a: Interaction, b: Interaction) => b.at - a.at;

// ——— reminders ———

export async function putReminder(db: KithDB, input: ReminderInput): Promise<Reminder> {
  const reminder = validate(Reminder, 'reminder', input);
  await db.put('reminders', withOpenAt(reminder));
  return reminder;
}

export async function remindersOf(db: KithDB, contactId: string): Promise<Reminder[]> {
  const all = await db.getAllFromIndex('reminders', 'byContact', contactId);
  return all.map(reminderFromStore).sort(soonestDueFirst);
}

/** By when each comes due, a snooze included. */
const soonestDueFirst = (a: Reminder, b: Reminder) => dueTimeOf(a) - dueTimeOf(b);

/** Open reminders due at or before `now`, soonest first. */
export async function dueReminders(db: KithDB, now: number): Promise<Reminder[]> {
  const due = await db.getAllFromIndex('reminders', 'byOpenAt', IDBKeyRange.upperBound(now));
  return due.map(reminderFromStore);
}

/**
 * What the week page shows: open reminders due before `until`, and open promises due after it,
 * which it lists whenever they are due. Every contact has an open keep-in-touch reminder, so
 * reading all open reminders meant reading the whole notebook's worth.
 */
export async function weekReminders(db: KithDB, until: number): Promise<Reminder[]> {
  const reminders = db.transaction('reminders').store;
  const [dueSoon, promisedLater] = await Promise.all([
    reminders.index('byOpenAt').getAll(IDBKeyRange.upperBound(until, true)),
    reminders.index('byKindOpenAt').getAll(IDBKeyRange.bound(['promise', until], ['promise', Infinity])),
  ]);
  return [...dueSoon, ...promisedLater].map(reminderFromStore);
}

/** When the next open reminder after `now` falls due, for the scheduler alarm. */
export async function nextDueAfter(db: KithDB, now: number): Promise<number | undefined> {
  const cursor = await db
    .transaction('reminders')
    .store.index('byOpenAt')
    .openCursor(IDBKeyRange.lowerBound(now, true));
  return cursor?.value.openAt;
}

export async function deleteReminder(db: KithDB, id: string): Promise<void> {
  await db.delete('reminders', id);
}

// ——— whole-notebook operations (dashboard: bulk edits, undo, merge, export) ———

/**
 * Records as a change found them, for its undo. `shared`: the emails and links of the contacts it
 * took out that others held too at the time (key → their ids), which an undo may give back.
 * `unreferred`: contacts left in whose referrer it cleared, and who that was.
 */
export type Snapshot = {
  contacts: Contact[];
  interactions: Interaction[];
  reminders: Reminder[];
  unreferred?: { id: string; referredBy: string }[];
  shared?: Record<string, string[]>;
};

type AllStoresTx = IDBPTransaction<KithSchema, ('contacts' | 'interactions' | 'reminders')[], 'readwrite'>;

async function takeOut(tx: AllStoresTx, ids: readonly string[]): Promise<Snapshot> {
  const contacts = tx.objectStore('contacts');
  const interactions = tx.objectStore('interactions');
  const reminders = tx.objectStore('reminders');
  const [found, interactionLists, reminderLists] = await Promise.all([
    Promise.all(ids.map((id) => contacts.get(id))),
    Promise.all(ids.map((id) => interactions.index('byContact').getAll(id))),
    Promise.all(ids.map((id) => reminders.index('byContact').getAll(id))),
  ]);
  const taken = found.filter((c): c is Contact => c !== undefined).map(contactFromStore);
  const keys = taken.flatMap((c) => keysAdded({ ...c, emails: [], profileUrl: undefined }, c));
  const holders = await Promise.all(keys.map(({ key, index }) => contacts.index(index).getAllKeys(key)));
  const shared: Record<string, string[]> = {};
  keys.forEach(({ key }, i) => {
    const others = holders[i].filter((id) => !ids.includes(id));
    if (others.length) shared[key] = others;
  });
  const snapshot: Snapshot = {
    contacts: taken,
    interactions: interactionLists.flat().map(interactionFromStore),
    reminders: reminderLists.flat().map(reminderFromStore),
    ...(Object.keys(shared).length > 0 && { shared }),
  };
  await Promise.all([
    ...snapshot.contacts.map((c) => contacts.delete(c.id)),
    ...snapshot.interactions.map((i) => interactions.delete(i.id)),
    ...snapshot.reminders.map((r) => reminders.delete(r.id)),
  ]);
  return snapshot;
}

/**
 * Delete contacts with their interactions and reminders in one transaction; returns them for
 * undo. Those they referred are left with no referrer rather than one nobody can open, and are
 * in the snapshot as `unreferred`, so an undo points them at their referrer again.
 */
export async function deleteContacts(db: KithDB, ids: readonly string[]): Promise<Snapshot> {
  const tx = db.transaction(['contacts', 'interactions', 'reminders'], 'readwrite');
  const snapshot = await takeOut(tx, ids);
  const contacts = tx.objectStore('contacts');
  const gone = new Set(snapshot.contacts.map((c) => c.id));
  const referred = (await Promise.all([...gone].map((id) => contacts.index('byReferrer').getAll(id))))
    .flat()
    .filter((c) => !gone.has(c.id))
    .map(contactFromStore);
  await Promise.all(referred.map(({ referredBy: _gone, ...rest }) => contacts.put(rest)));
  await tx.done;
  const unreferred = referred.map(({ id, referredBy }) => ({ id, referredBy: referredBy! }));
  return unreferred.length ? { ...snapshot, unreferred } : snapshot;
}

/** The ids of the contacts a snapshot's change removed or altered: the ones to read again. */
export const contactIdsOf = (snapshot: Snapshot): string[] => [...snapshot.contacts, ...(snapshot.unreferred ?? [])].map((c) => c.id);

/** Records a change made that were not there before, which its undo takes out again. */
export type Made = { reminders: readonly string[] };

/**
 * Put records back as they were (undo) and take out those the undone change `made`, in one
 * transaction; each is validated first. An email or link another contact has taken since (the
 * person saved again after being deleted) stays with that one: returns what was left off.
 */
export async function restoreSnapshot(db: KithDB, snapshot: Snapshot, made: Made = { reminders: [] }): Promise<HeldByOther[]> {
  const restore = putBack(snapshot, made);
  return inTransaction(db, ['contacts', 'interactions', 'reminders'], (tx) => restore(tx, []));
}

/**
 * `restoreSnapshot`'s writes, validated before any transaction starts, for a transaction to run
 * beside its own writes of `alongside` contacts (as they will be): the keys of contacts put back
 * that a contact outside both holds now are left off, one address being one contact's.
 */
function putBack(snapshot: Snapshot, made: Made): (tx: AllStoresTx, alongside: readonly Contact[]) => Promise<HeldByOther[]> {
  const contacts = snapshot.contacts.map((c) => validate(Contact, 'contact', c));
  const interactions = snapshot.interactions.map((i) => validate(Interaction, 'interaction', i));
  const reminders = snapshot.reminders.map((r) => validate(Reminder, 'reminder', r));
  return async (tx, alongside) => {
    const { kept, held } = await withoutKeysTakenSince(tx, contacts, alongside, snapshot.shared ?? {});
    // Only the referrer goes back, on each as stored now: an edit saved since (a new title) stays,
    // and so does a referrer given since.
    const unreferred = snapshot.unreferred ?? [];
    const referredNow = await Promise.all(unreferred.map(({ id }) => tx.objectStore('contacts').get(id)));
    const referredAgain = unreferred.flatMap(({ referredBy }, i) => {
      const stored = referredNow[i];
      return stored && stored.referredBy === undefined ? [{ ...stored, referredBy }] : [];
    });
    await Promise.all([
      ...made.reminders.map((id) => tx.objectStore('reminders').delete(id)),
      ...kept.map((c) => tx.objectStore('contacts').put(c)),
      ...referredAgain.map((c) => tx.objectStore('contacts').put(c)),
      ...interactions.map((i) => tx.objectStore('interactions').put(i)),
      ...reminders.map((r) => tx.objectStore('reminders').put(withOpenAt(r))),
    ]);
    return held;
  };
}

/**
 * `restoring` without the emails and link that a contact other than them holds now (as written
 * `alongside`, if it is) and did not hold with them before (`shared`).
 */
async function withoutKeysTakenSince(
  tx: AllStoresTx,
  restoring: readonly Contact[],
  alongside: readonly Contact[],
  shared: Readonly<Record<string, string[]>>,
): Promise<{ kept: Contact[]; held: HeldByOther[] }> {
  const restoringIds = new Set(restoring.map((c) => c.id));
  const written = new Map(alongside.map((c) => [c.id, c]));
  const contacts = tx.objectStore('contacts');
  const held: HeldByOther[] = [];
  const kept = await Promise.all(
    restoring.map(async (contact) => {
      const keys = keysAdded({ ...contact, emails: [], profileUrl: undefined }, contact);
      const holders = await Promise.all(keys.map(({ key, index }) => contacts.index(index).getAll(key)));
      const taken = keys.flatMap(({ key, index }, i) => {
        const owner = holders[i].find((holder) => {
          if (restoringIds.has(holder.id) || shared[key]?.includes(holder.id)) return false;
          const after = written.get(holder.id);
          return !after || (index === 'byEmail' ? after.emails.includes(key) : after.profileUrl === key);
        });
        return owner ? [{ key, owner: owner.name }] : [];
      });
      held.push(...taken);
      return withoutHeld(contact, { ...contact, profileUrl: undefined }, taken);
    }),
  );
  return { kept, held };
}

/** One contact as a change found it and as it left it. */
export type ContactChange = { before: Contact; after: Contact };

/**
 * Change many contacts in one transaction (bulk tag, relationship), each as stored now: the list
 * the caller shows may be minutes old, and writing its copies back would undo what was saved
 * since (an interaction logged in the popup). `change` gives undefined for a contact it leaves as
 * it is (tagged already), which is not written. One invalid result writes nothing; a contact
 * deleted meanwhile stays deleted. Returns what changed, for `revertContactChanges`.
 */
export async function updateContacts(db: KithDB, ids: readonly string[], change: (contact: Contact) => ContactInput | undefined): Promise<ContactChange[]> {
  return inTransaction(db, ['contacts'], async (tx) => {
    const contacts = tx.objectStore('contacts');
    const stored = await Promise.all(ids.map((id) => contacts.get(id)));
    const before = stored.filter((c): c is Contact => c !== undefined).map(contactFromStore);
    const changes = before.flatMap((saved) => {
      const changed = change(saved);
      return changed ? [{ before: saved, after: validate(Contact, 'contact', { ...changed, id: saved.id, createdAt: saved.createdAt }) }] : [];
    });
    await Promise.all(changes.map(({ after }) => contacts.put(after)));
    return changes;
  });
}

/** Field values compared as data: lists of records (sources, history) too. */
const sameData = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Undo of `updateContacts`: each field it changed goes back, on the contact as stored now, unless
 * it was changed again since; everything else saved since (an interaction logged in the popup,
 * notes edited) stays. Putting the copies back whole would undo that too.
 */
export async function revertContactChanges(db: KithDB, changes: readonly ContactChange[], now: number): Promise<void> {
  const byId = new Map(changes.map((change) => [change.after.id, change]));
  await updateContacts(db, [...byId.keys()], (current) => reverted(current, byId.get(current.id)!, now));
}

/**
 * `current` with each field `change` made put back as it was before, unless it was changed again
 * since. Untouched since, it is as it was before, time of change included.
 */
function reverted(current: Contact, { before, after }: ContactChange, now: number): ContactInput {
  const updatedAt = current.updatedAt === after.updatedAt ? before.updatedAt : Math.max(now, current.updatedAt);
  const result: Record<string, unknown> = { ...current, updatedAt };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof Contact>) {
    if (key === 'updatedAt' || sameData(before[key], after[key]) || !sameData(current[key], after[key])) continue;
    result[key] = before[key];
  }
  return result as ContactInput;
}

/**
 * What undoing a merge needs: the contact merged away, and the reminders the merge removed or
 * changed, as they were, and the reminder it `made`, as for `restoreSnapshot`; the interactions
 * and reminders it only `moved` to the kept contact; and the contacts it edited (the kept one,
 * those the other had referred).
 */
export type MergeUndo = { snapshot: Snapshot; made: Made; moved: Moved; edited: ContactChange[] };

/** Records a merge changed only by moving them from the contact merged away to the kept one. */
type Moved = { from: string; to: string; interactions: readonly string[]; reminders: readonly string[] };

/**
 * Undo a merge in one transaction. The contact merged away comes back whole. What the merge
 * moved goes back to it as it is now: an interaction edited since keeps its edit, one deleted
 * since stays deleted, a reminder done since stays done. On the contacts the merge edited, only
 * the fields it changed go back, unless changed again since: a note added to the merged contact
 * after the merge (in the popup, say) stays on it. A keep-in-touch reminder the merge changed and
 * that was done since stays done, and each contact then keeps in touch from what it holds now
 * (an interaction logged since counts), with one open keep-in-touch reminder.
 */
export async function undoMerge(
  db: KithDB,
  { snapshot, made, moved, edited }: MergeUndo,
  settings: Pick<Settings, 'defaultCadenceDays'>,
  now: number,
): Promise<HeldByOther[]> {
  const restore = putBack(snapshot, made);
  return inTransaction(db, ['contacts', 'interactions', 'reminders'], async (tx) => {
    const contacts = tx.objectStore('contacts');
    const interactions = tx.objectStore('interactions');
    const reminders = tx.objectStore('reminders');
    const [current, interactionsNow, remindersNow, changedNow] = await Promise.all([
      Promise.all(edited.map(({ after }) => contacts.get(after.id))),
      Promise.all(moved.interactions.map((id) => interactions.get(id))),
      Promise.all(moved.reminders.map((id) => reminders.get(id))),
      Promise.all(snapshot.reminders.map(({ id }) => reminders.get(id))),
    ]);
    const doneSince = changedNow.filter((stored, i): stored is StoredReminder => stored?.doneAt !== undefined && snapshot.reminders[i].doneAt === undefined);
    const edits = edited.flatMap((change, i) => {
      const stored = current[i];
      return stored ? [validate(Contact, 'contact', { ...reverted(contactFromStore(stored), change, now), id: stored.id })] : [];
    });
    // Moved on since (merged again, say), a record stays where it is now.
    const movedBack = <T extends { contactId: string }>(records: (T | undefined)[]) =>
      records.filter((r): r is T => r?.contactId === moved.to).map((r) => ({ ...r, contactId: moved.from }));
    // Before the kept contact is written back: what it holds now is looked up as it will be.
    const held = await restore(tx, edits);
    await Promise.all([
      ...edits.map((c) => contacts.put(c)),
      ...movedBack(interactionsNow.map((i) => i && interactionFromStore(i))).map((i) => interactions.put(validate(Interaction, 'interaction', i))),
      ...movedBack(remindersNow.map((r) => r && reminderFromStore(r))).map((r) => reminders.put(withOpenAt(validate(Reminder, 'reminder', r)))),
      ...doneSince.map((r) => reminders.put(r)),
    ]);
    // Put back as it was, or moved back as it is now, a keep-in-touch reminder may be a second open
    // one (Done since made the next), the one left done, or planned from an interaction logged
    // since on the other contact: each contact's is planned again from what it holds now.
    for (const id of [moved.to, moved.from]) {
      const stored = await contacts.get(id);
      if (stored) await syncKeepInTouchIn(tx, contactFromStore(stored), settings, now);
    }
    return held;
  });
}

/**
 * Merge contact `goneId` into `keepId` in one transaction: `merged` (built by the caller from
 * both) replaces the kept one, the other's interactions and reminders move over, people it
 * referred now point at the kept one, and it is deleted. Each had its own keep-in-touch reminder;
 * one is left, due from the merged contact. Returns what undo needs: the records as they were,
 * and the reminder the merge made when neither had one.
 */
export async function mergeContacts(
  db: KithDB,
  keepId: string,
  goneId: string,
  merge: (keep: Contact, gone: Contact) => ContactInput,
  settings: Pick<Settings, 'defaultCadenceDays'>,
  now: number,
): Promise<{ undo: MergeUndo; contact: Contact }> {
  return inTransaction(db, ['contacts', 'interactions', 'reminders'], async (tx) => {
    const contacts = tx.objectStore('contacts');
    const reminders = tx.objectStore('reminders');
    const [keptStored, goneStored, referredByGone, keptReminders] = await Promise.all([
      contacts.get(keepId),
      contacts.get(goneId),
      contacts.index('byReferrer').getAll(goneId),
      reminders.index('byContact').getAll(keepId),
    ]);
    if (!keptStored || !goneStored || keepId === goneId) throw new Error('Choose two different contacts that still exist');
    const keep = contactFromStore(keptStored);
    // The two become one person, so a referral between them would make the kept contact refer
    // itself: drop it before merging, and the other one's referrer can fill the blank.
    const withoutEachOther = (c: Contact): Contact => {
      if (c.referredBy !== keepId && c.referredBy !== goneId) return c;
      const { referredBy: _eachOther, ...rest } = c;
      return rest;
    };
    const merged = validate(Contact, 'contact', {
      ...merge(withoutEachOther(keep), withoutEachOther(contactFromStore(goneStored))),
      id: keepId,
    });
    // The kept contact is written once, merged: its stored copy must not be put again here.
    const referred = referredByGone.filter((c) => c.id !== keepId);
    const snapshot = await takeOut(tx, [goneId]);
    const kept = keptReminders.map(reminderFromStore);
    const moved = snapshot.reminders.map((r) => ({ ...r, contactId: keepId }));
    const together = [...kept, ...moved];
    const { put, remove } = planKeepInTouch(merged, settings, together, now, newId);
    const keepInTouch = put && validate(Reminder, 'reminder', put);
    const changed = new Set([...remove, ...(keepInTouch ? [keepInTouch.id] : [])]);
    // Undo moves back what was only moved, and puts back as they were the reminders the plan
    // removed or changed, the other contact's and the kept one's.
    const onlyMoved: Moved = {
      from: goneId,
      to: keepId,
      interactions: snapshot.interactions.map((i) => i.id),
      reminders: moved.filter((r) => !changed.has(r.id)).map((r) => r.id),
    };
    const asTheyWere: Snapshot = {
      contacts: snapshot.contacts,
      shared: snapshot.shared,
      interactions: [],
      reminders: [...snapshot.reminders.filter((r) => changed.has(r.id)), ...kept.filter((r) => changed.has(r.id))],
    };
    const made = keepInTouch && !together.some((r) => r.id === keepInTouch.id) ? [keepInTouch.id] : [];
    const edited: ContactChange[] = [
      { before: keep, after: merged },
      ...referred.map((c) => contactFromStore(c)).map((c) => ({ before: c, after: { ...c, referredBy: keepId } })),
    ];
    await Promise.all([
      ...edited.map(({ after }) => contacts.put(after)),
      ...snapshot.interactions.map((i) => tx.objectStore('interactions').put({ ...i, contactId: keepId })),
      ...moved.filter((r) => !changed.has(r.id)).map((r) => reminders.put(withOpenAt(r))),
      ...remove.map((id) => reminders.delete(id)),
      ...(keepInTouch ? [reminders.put(withOpenAt(keepInTouch))] : []),
    ]);
    return { undo: { snapshot: asTheyWere, made: { reminders: made }, moved: onlyMoved, edited }, contact: merged };
  });
}

/** Every record, for export and backup. Reminders as the model defines them (no `openAt`). */
export async function readEverything(db: KithDB): Promise<Snapshot> {
  const tx = db.transaction(['contacts', 'interactions', 'reminders']);
  const [contacts, interactions, reminders] = await Promise.all([
    allOf(tx.objectStore('contacts')),
    allOf(tx.objectStore('interactions')),
    allOf(tx.objectStore('reminders')),
  ]);
  return {
    contacts: contacts.map(contactFromStore),
    interactions: interactions.map(interactionFromStore),
    reminders: reminders.map(reminderFromStore),
  };
}

/** Interactions at or after `since`, newest first (weekly goal, timeline of the week). */
export async function interactionsSince(db: KithDB, since: number): Promise<Interaction[]> {
  const found = await db.getAllFromIndex('interactions', 'byAt', IDBKeyRange.lowerBound(since));
  return found.reverse().map(interactionFromStore);
}

