// Applying an import: preview what it would do, then write it whole or not at all. Records were
// validated by the parsers before any transaction starts; the lookups that dedupe against the
// saved contacts (canonical profile URL, email, id) and the writes share one readwrite
// transaction that awaits nothing but IndexedDB, so a failure anywhere leaves the notebook as it was.
import { type IDBPObjectStore, type IDBPTransaction, unwrap } from 'idb';
import {
  type AddedKey,
  type HeldByOther,
  type KithDB,
  type KithSchema,
  allOf,
  alreadyTheirs,
  contactFromStore,
  keysOfOthers,
  keysOfOthersIn,
  reminderFromStore,
  withKeysInForm,
  withOpenAt,
  withoutHeld,
} from '../db';
import { type Contact, type Interaction, type Reminder, toldApart } from '../model';
import { type Difference, mayBeSamePerson, mergeContact, withValuesTaken } from '../merge';
import { nameKey, samePhone } from '../search';
import type { ImportBatch, ImportFormat, ImportedContact, Problem } from './batch';

/** One incoming contact folded into a saved one. */
export type MergeNote = {
  where: string;
  name: string;
  intoId: string;
  into: string;
  /** Fields the import filled or added to. Empty: it had nothing new. */
  added: string[];
  /** Fields where the file differs from what was saved, with both values; the saved value is kept unless taken. */
  kept: Difference[];
  /** Of those, the fields whose value the file's replaced, as the user asked (`takeChanges`). */
  taken: Difference['field'][];
};

/**
 * What the user may ask an import to do beyond filling blanks: take the file's title, company and
 * location where they differ from the saved ones (a connections export made after people moved
 * job), the saved values going into each contact's history.
 */
export type ImportChoices = {
  takeChanges?: boolean;
  /**
   * Import the file's other records without those it cannot keep (listed in the preview), rather
   * than refuse the file until they are fixed. A backup's interactions and reminders of a contact
   * left out are listed with it (`parseBackup`).
   */
  leaveOutInvalid?: boolean;
};

// The fields `takeChanges` takes: a job and a place, which people change. A name in a file is
// more often spelled another way (initials, a degree after it) than changed, so it stays.
const TAKEN_FIELDS: readonly Difference['field'][] = ['title', 'company', 'location'];

/** Differences an import could take, by `ImportChoices.takeChanges`. */
export const takeableChanges = (note: MergeNote): Difference[] => note.kept.filter((d) => TAKEN_FIELDS.includes(d.field));

export type ImportReport = {
  format: ImportFormat;
  added: { where: string; name: string; id: string }[];
  merged: MergeNote[];
  /** Rows that repeat an earlier row of the same file (same link or email). */
  repeated: Problem[];
  /** Emails and links of a row merged into one saved contact that another saved contact has: left with that one. */
  heldByOthers: Problem[];
  skipped: Problem[];
  invalid: Problem[];
  /** Interactions and reminders the import writes: new ones, and saved reminders it closes. */
  interactions: number;
  reminders: number;
  /**
   * A backup's settings: `restored` into a notebook that was empty (a restore on a new profile),
   * else `kept`, the user's own staying as they are. Written by the caller, as they are not in
   * the database; absent when the file has none.
   */
  settings?: 'restored' | 'kept';
};

const EMAIL_KEY = 'email:';

function keysOf(contact: Contact): string[] {
  return [`id:${contact.id}`, ...(contact.profileUrl ? [`url:${contact.profileUrl}`] : []), ...contact.emails.map((e) => `${EMAIL_KEY}${e}`)];
}

/**
 * A row folded into a person. Where the file's notes are someone's words (an address book's, not
 * LinkedIn's "Connected on …" that Kith writes) and the row is another record of the person, or a
 * later copy of the same one (found by id: a backup or a vCard, revised since the contact was
 * saved), its paragraphs the saved notes lack go below them; otherwise they only fill a blank: an
 * older copy would bring back what the user has since removed. Notes too long together stop the
 * import, naming the row, rather than cut what the user wrote.
 */
function joinedRecords(person: Contact, row: ImportedContact, now: number, joinNotes: boolean) {
  try {
    return mergeContact(person, row.contact, now, { joinNotes });
  } catch (error) {
    throw new Error(`${row.where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Rows of one file that are the same person (shared id, profile link or email) become one, also
 * when only a later row ties them together (a home address, a work address, then a row with
 * both): otherwise one address would end up on two contacts. An email shared by rows that name
 * other people (a family's, an office's: `mayBeSamePerson`) stays with the first of them, and the
 * others go without it (`leftOff`).
 */
function dedupeWithinFile(contacts: readonly ImportedContact[], now: number, joinNotes: boolean) {
  /** Per group of rows, the person they make so far: the first row with the others folded in. */
  const people: ImportedContact[] = [];
  /** A group that a later row tied to an earlier one, and the group it went into. */
  const joined = new Map<number, number>();
  const groupOfKey = new Map<string, number>();
  const groupOfRow = new Map<string, number>();
  /** Per group, its rows as the file names them: a row joins one by an email only if it may be each of them. */
  const membersOf = new Map<number, Contact[]>();
  const groupsByName = new Map<string, number[]>();
  const repeated: Problem[] = [];
  const leftOff: Problem[] = [];
  const current = (group: number): number => {
    while (joined.has(group)) group = joined.get(group)!;
    return group;
  };
  const fold = (group: number, row: ImportedContact) => {
    const person = people[group];
    repeated.push({ where: row.where, reason: `the same person as ${person.where} (${person.contact.name}); merged into it` });
    const joinedRow = joinedRecords(person.contact, row, now, joinNotes).contact;
    // A first row named by its address only ("office@x.com") takes the name a later row gives.
    const named = person.contact.name.includes('@') && !row.contact.name.includes('@');
    people[group] = { where: person.where, contact: named ? { ...joinedRow, name: row.contact.name } : joinedRow };
  };
  for (const input of contacts) {
    const hit = new Set<number>();
    const shared: HeldByOther[] = [];
    const inputKeys = keysOf(input.contact);
    for (const key of inputKeys) {
      const group = groupOfKey.get(key);
      if (group !== undefined && !key.startsWith(EMAIL_KEY)) hit.add(current(group));
    }
    for (const key of inputKeys) {
      const found = groupOfKey.get(key);
      if (found === undefined || !key.startsWith(EMAIL_KEY)) continue;
      const group = current(found);
      if (hit.has(group) || membersOf.get(group)!.every((member) => mayBeSamePerson(member, input.contact))) hit.add(group);
      else shared.push({ key: key.slice(EMAIL_KEY.length), owner: people[group].contact.name });
    }
    const row = { ...input, contact: withoutHeld(input.contact, input.contact, shared) };
    for (const held of shared) leftOff.push({ where: row.where, reason: `${alreadyTheirs(held)}; not added to ${row.contact.name}` });
    // Found by no key, a row is an earlier one of the same name as it would be a saved contact
    // (one left without an address others have, say).
    const name = nameKey(row.contact.name);
    if (hit.size === 0) {
      const same = groupsByName.get(name)?.map(current).find((group) => sameNamedPerson(people[group].contact, row.contact));
      if (same !== undefined) hit.add(same);
    }
    const keys = keysOf(row.contact);
    const [group = people.length, ...others] = [...hit].sort((a, b) => a - b);
    if (hit.size === 0) people.push(row);
    else fold(group, row);
    membersOf.set(group, [...(membersOf.get(group) ?? []), row.contact]);
    for (const other of others) {
      fold(group, people[other]);
      joined.set(other, group);
      membersOf.set(group, [...membersOf.get(group)!, ...membersOf.get(other)!]);
    }
    for (const key of keys) groupOfKey.set(key, group);
    groupOfRow.set(row.contact.id, group);
    if (hit.size === 0) groupsByName.set(name, [...(groupsByName.get(name) ?? []), group]);
  }
  const sameAs = new Map<string, string>();
  for (const [rowId, group] of groupOfRow) {
    const id = people[current(group)].contact.id;
    if (id !== rowId) sameAs.set(rowId, id);
  }
  return { unique: people.filter((_, group) => !joined.has(group)), sameAs, repeated, leftOff };
}

type ContactStore = IDBPObjectStore<KithSchema, ('contacts' | 'interactions' | 'reminders')[], 'contacts', IDBTransactionMode>;

/**
 * The saved contact an incoming one is, if any, and the emails of saved contacts it passed over
 * on the way: they are held by others who share them (`mayBeSamePerson`).
 */
type Found = { saved?: Contact; passedOver: HeldByOther[] };

/**
 * Whether a saved contact with an incoming one's email is them: when the names agree
 * (`mayBeSamePerson`), or, importing a backup of this notebook, when the backup holds that saved
 * contact too: the user who merged "Ben Lee" into "Ann Lee" since said so.
 */
type EmailTrust = (saved: Contact, incoming: Contact) => boolean;
function emailTrustOf(batch: ImportBatch): EmailTrust {
  const inBackup = new Set(batch.format === 'kith-backup' ? batch.contacts.map(({ contact }) => contact.id) : []);
  return (saved, incoming) => mayBeSamePerson(saved, incoming) || inBackup.has(saved.id);
}

/** The saved contact an incoming one is: same id, then canonical profile URL, then an email of someone who may be them. */
async function findSaved(store: ContactStore, contact: Contact, byId: boolean, isThem: EmailTrust): Promise<Found> {
  const found = byId ? await store.get(contact.id) : undefined;
  if (found) return { saved: contactFromStore(found), passedOver: [] };
  if (contact.profileUrl) {
    const byUrl = await store.index('byProfileUrl').get(contact.profileUrl);
    if (byUrl) return { saved: contactFromStore(byUrl), passedOver: [] };
  }
  const passedOver: HeldByOther[] = [];
  for (const email of contact.emails) {
    const stored = await store.index('byEmail').get(email);
    if (!stored) continue;
    const holder = contactFromStore(stored);
    if (isThem(holder, contact)) return { saved: holder, passedOver };
    passedOver.push({ key: email, owner: holder.name });
  }
  return { passedOver };
}

/** A contact with neither an email nor a profile link: nothing a file's row can be found by but its name. */
const keyless = (c: Contact) => !c.profileUrl && c.emails.length === 0;

/**
 * Whether a row found by no email or link is a saved contact of the same name: with a phone in
 * common; or, where the saved contact has no email or link either, with the row's notes already
 * in theirs (an address book's web pages), or nothing more to tell them apart. So the same
 * address book imported again adds no one twice, also after the user gave someone an address.
 */
function sameNamedPerson(saved: Contact, row: Contact): boolean {
  if (nameKey(saved.name) !== nameKey(row.name)) return false;
  if (row.phones.some((phone) => saved.phones.some((own) => samePhone(own, phone)))) return true;
  if (!keyless(saved)) return false;
  const notes = row.notes.trim();
  if (notes) return saved.notes.includes(notes);
  return row.phones.length === 0 && (!row.company || row.company === saved.company);
}

/** The same lookups as findSaved and keysOfOthers, over saved contacts already read into memory. */
function inMemoryLookup(saved: readonly Contact[], isThem: EmailTrust) {
  const byKey = new Map<string, Contact>();
  const byName = new Map<string, Contact[]>();
  // Reversed so the first contact holding a key wins, as an index lookup would return it.
  for (const c of [...saved].reverse()) for (const key of keysOf(c)) byKey.set(key, c);
  for (const c of saved) {
    const key = nameKey(c.name);
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  return {
    find: (contact: Contact): Found => {
      const passedOver: HeldByOther[] = [];
      for (const key of keysOf(contact)) {
        const found = byKey.get(key);
        if (!found) continue;
        if (!key.startsWith(EMAIL_KEY) || isThem(found, contact)) return { saved: found, passedOver };
        passedOver.push({ key: key.slice(EMAIL_KEY.length), owner: found.name });
      }
      // Left without an address by those others hold, a row is found by its name.
      const rest = withoutHeld(contact, contact, passedOver);
      if (!keyless(rest)) return { passedOver };
      return { saved: byName.get(nameKey(contact.name))?.find((c) => sameNamedPerson(c, rest)), passedOver };
    },
    holderOf: ({ key, index }: AddedKey) => byKey.get(index === 'byEmail' ? `email:${key}` : `url:${key}`),
  };
}

/**
 * Every Chromium IndexedDB request is a round trip to the browser process: 10,000 index
 * lookups took seconds where one getAll of the same contacts took a tenth of that. So when the
 * notebook is not much larger than the file, the saved contacts are read once (still inside the
 * transaction) and matched in memory; otherwise each incoming contact is looked up by index.
 */
const READ_ALL_RATIO = 4;

/**
 * The saved contact each incoming one is, and, where the notebook was read whole, who holds a
 * key: then the emails and links merged rows would add are checked in memory too, instead of one
 * index lookup each (seconds, when every row of a large file adds an address).
 */
async function findAllSaved(
  store: ContactStore,
  contacts: readonly Contact[],
  idsFromFile: boolean,
  isThem: EmailTrust,
): Promise<{ found: Found[]; holderOf?: (key: AddedKey) => Contact | undefined }> {
  const saved = await store.count();
  if (saved === 0) return { found: contacts.map(() => ({ passedOver: [] })) };
  const readAll = async () => {
    // Keys in form, so a contact another program saved with an odd spelling is still found.
    const lookup = inMemoryLookup((await allOf(store)).map((stored) => withKeysInForm(contactFromStore(stored))), isThem);
    return { found: contacts.map(lookup.find), holderOf: lookup.holderOf };
  };
  // A row with no email or link is found by name, which no index holds: then every contact is read.
  if (saved <= contacts.length * READ_ALL_RATIO || contacts.some(keyless)) return readAll();
  // Every lookup is issued at once; IndexedDB answers them in order within the transaction.
  const found = await Promise.all(contacts.map((contact) => findSaved(store, contact, idsFromFile, isThem)));
  // So is one left with no address by those others hold.
  return found.some(({ saved, passedOver }, i) => !saved && passedOver.length > 0 && keyless(withoutHeld(contacts[i], contacts[i], passedOver))) ? readAll() : { found };
}

type Plan = { report: ImportReport; writes: Contact[]; interactions: Interaction[]; reminders: Reminder[] };

type ImportTx = IDBPTransaction<KithSchema, ('contacts' | 'interactions' | 'reminders')[], 'readonly' | 'readwrite'>;

/**
 * The file's interactions and reminders to write. One already saved (a backup imported again)
 * stays as saved, as contacts do: the file is older than what the user did since. Only a
 * reminder the file has done and the notebook still has open is closed.
 */
async function historyToWrite(tx: ImportTx, batch: ImportBatch, idOf: (incomingId: string) => string) {
  const [interactionIds, savedReminders] = await Promise.all([
    batch.interactions.length ? tx.objectStore('interactions').getAllKeys() : [],
    batch.reminders.length ? allOf(tx.objectStore('reminders')) : [],
  ]);
  const savedInteraction = new Set<string>(interactionIds);
  const savedReminder = new Map(savedReminders.map((r) => [r.id, reminderFromStore(r)]));
  const interactions = batch.interactions
    .filter((it) => !savedInteraction.has(it.id))
    .map((it) => ({ ...it, contactId: idOf(it.contactId) }));
  const reminders = batch.reminders.flatMap((r): Reminder[] => {
    const saved = savedReminder.get(r.id);
    if (!saved) return [{ ...r, contactId: idOf(r.contactId) }];
    if (r.doneAt === undefined || saved.doneAt !== undefined) return [];
    const { snoozedUntil: _closed, ...open } = saved;
    return [{ ...open, doneAt: r.doneAt }];
  });
  return { interactions, reminders };
}

/**
 * A contact's references to others (who referred them, whom the user told them apart from) by the
 * ids those others have in the notebook: a backup's contact may have folded into one saved since.
 */
function withIdsOfTheNotebook(contact: Contact, idOf: (incomingId: string) => string): Contact {
  if (!contact.referredBy && contact.notSameAs.length === 0) return contact;
  const referrer = contact.referredBy && idOf(contact.referredBy);
  return {
    ...contact,
    // Folded into the person who referred them (rows of one file, or a backup from before a merge).
    referredBy: referrer === contact.id ? undefined : referrer,
    notSameAs: [...new Set(contact.notSameAs.map(idOf))].filter((id) => id !== contact.id),
  };
}

/** Decide, inside `tx`, what each incoming contact becomes. Only IndexedDB is awaited. */
async function plan(tx: ImportTx, batch: ImportBatch, now: number, choices: ImportChoices): Promise<Plan> {
  const notebookWasEmpty = batch.settings && (await tx.objectStore('contacts').count()) === 0;
  const notesAreWords = batch.format !== 'linkedin-csv';
  // A backup's records are distinct by construction (parseBackup refuses an id twice), and two of
  // them may share an address: people the user told apart (`notSameAs`).
  const isBackup = batch.format === 'kith-backup';
  const { unique, sameAs, repeated, leftOff } =
    isBackup
      ? { unique: batch.contacts, sameAs: new Map<string, string>(), repeated: [], leftOff: [] }
      : dedupeWithinFile(batch.contacts, now, notesAreWords);
  // CSV rows get fresh ids; only backups and vCards (UID) carry ids that may already be saved.
  const idsFromFile = isBackup || batch.format === 'vcard';
  const { found: lookups, holderOf } = await findAllSaved(
    tx.objectStore('contacts'),
    unique.map(({ contact }) => contact),
    idsFromFile,
    emailTrustOf(batch),
  );
  const found = lookups.map(({ saved }, i) => (saved && !toldApart(saved, unique[i].contact) ? saved : undefined));
  // A connection saved once from an email and once from their profile is two contacts until the
  // user merges them: a row with both keys is merged into the first, and the other key stays put.
  const held = await Promise.all(
    unique.map(({ contact }, i) => {
      const saved = found[i];
      if (!saved) return [];
      const after = { ...contact, id: saved.id };
      return holderOf ? keysOfOthersIn(holderOf, saved, after) : keysOfOthers(tx, saved, after);
    }),
  );
  const report: ImportReport = {
    format: batch.format,
    added: [],
    merged: [],
    repeated,
    heldByOthers: [...leftOff],
    skipped: batch.skipped,
    invalid: batch.invalid,
    interactions: 0,
    reminders: 0,
    ...(batch.settings && { settings: notebookWasEmpty ? 'restored' : 'kept' }),
  };
  const savedIdOf = new Map<string, string>();
  const original = new Map<string, Contact>();
  const folded = new Map<string, Contact>();
  const fresh: Contact[] = [];
  unique.forEach(({ where, contact, revisedAt }, i) => {
    const saved = found[i];
    if (!saved) {
      const { passedOver } = lookups[i];
      report.heldByOthers.push(...passedOver.map((key) => ({ where, reason: `${alreadyTheirs(key)}; not added to ${contact.name}` })));
      fresh.push(withoutHeld(contact, contact, passedOver));
      report.added.push({ where, name: contact.name, id: contact.id });
      return;
    }
    savedIdOf.set(contact.id, saved.id);
    if (!original.has(saved.id)) original.set(saved.id, saved);
    const base = folded.get(saved.id) ?? original.get(saved.id)!;
    const incoming = withoutHeld({ ...contact, id: saved.id }, saved, held[i]);
    report.heldByOthers.push(...held[i].map((key) => ({ where, reason: `${alreadyTheirs(key)}; not added to ${saved.name}` })));
    const laterCopy = revisedAt !== undefined && revisedAt > saved.updatedAt;
    const { contact: merged, added, kept } = joinedRecords(base, { where, contact: incoming }, now, notesAreWords && (contact.id !== saved.id || laterCopy));
    const note: MergeNote = { where, name: contact.name, intoId: saved.id, into: saved.name, added, kept, taken: [] };
    const changes = choices.takeChanges ? takeableChanges(note) : [];
    note.taken = changes.map((d) => d.field);
    folded.set(saved.id, changes.length ? withValuesTaken(merged, Object.fromEntries(changes.map((d) => [d.field, d.incoming])), now) : merged);
    report.merged.push(note);
  });
  const idOf = (incomingId: string) => {
    const kept = sameAs.get(incomingId) ?? incomingId;
    return savedIdOf.get(kept) ?? kept;
  };
  const changed = [...folded.values()].filter((c) => c !== original.get(c.id));
  const writes = [...fresh, ...changed].map((c) => withIdsOfTheNotebook(c, idOf));
  const { interactions, reminders } = await historyToWrite(tx, batch, idOf);
  report.interactions = interactions.length;
  report.reminders = reminders.length;
  return { report, writes, interactions, reminders };
}

/** What importing `batch` would do, without writing anything. */
export async function previewImport(db: KithDB, batch: ImportBatch, now: number, choices: ImportChoices = {}): Promise<ImportReport> {
  const tx = db.transaction(['contacts', 'interactions', 'reminders'], 'readonly');
  const { report } = await plan(tx, batch, now, choices);
  await tx.done;
  return report;
}

/**
 * Import `batch` in one readwrite transaction: all of it, or — on any invalid record the user did
 * not ask to leave out, or a failed write — none of it.
 */
export async function applyImport(db: KithDB, batch: ImportBatch, now: number, choices: ImportChoices = {}): Promise<ImportReport> {
  if (batch.invalid.length > 0 && !choices.leaveOutInvalid) {
    throw new Error(`Nothing was imported: ${batch.invalid[0].where}: ${batch.invalid[0].reason}`);
  }
  const tx = db.transaction(['contacts', 'interactions', 'reminders'], 'readwrite');
  try {
    const { report, writes, interactions: newInteractions, reminders: newReminders } = await plan(tx, batch, now, choices);
    // Plain requests on the underlying store, not idb's promise per put: 10,000 promises and
    // their listeners cost more than the writes. Only the transaction's completion is awaited;
    // a failing put (a bad key throws at once, a constraint error aborts) rejects `tx.done`.
    const store = (name: 'contacts' | 'interactions' | 'reminders') => unwrap(tx.objectStore(name)) as IDBObjectStore;
    const contacts = store('contacts');
    const interactions = store('interactions');
    const reminders = store('reminders');
    for (const c of writes) contacts.put(c);
    for (const it of newInteractions) interactions.put(it);
    for (const r of newReminders) reminders.put(withOpenAt(r));
    await tx.done;
    return report;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted by the failing request
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}
