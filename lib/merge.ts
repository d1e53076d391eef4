// Folding one record of a person into another: an import row into a saved contact, two rows of
// one file, or two saved contacts the user merges. What the user saved is never overwritten.
import { type KithDB, type MergeUndo, mergeContacts } from './db';
import { LIMITS } from './capture-model';
import { Contact, type FieldChange, type Settings } from './model';
import { nameKey, samePhone } from './search';

const SCALARS = ['title', 'company', 'location', 'notes', 'profileUrl', 'photoUrl', 'referredBy', 'cadenceDays'] as const;
const LISTS = ['emails', 'phones', 'addresses', 'tags', 'orgRoles', 'canHelpWith', 'notSameAs'] as const;
const COMPARED = ['name', 'title', 'company', 'location'] as const satisfies readonly FieldChange['field'][];

/** The lists the model caps at LIMITS.listItems, by the names the user knows them by. */
const CAPPED_LIST_LABELS: Partial<Record<(typeof LISTS)[number], string>> = { emails: 'Emails', phones: 'Phones', addresses: 'Addresses', tags: 'Tags' };

/** A field both records fill, differently: what was saved, and what came in. */
export type Difference = { field: FieldChange['field']; saved: string; incoming: string };

// Initials written together ("JR Smith") are compared one by one, as "J. R. Smith" would be.
const nameWords = (name: string) =>
  nameKey(name.replace(/(?<![\p{L}.])[A-Z]{2,3}(?![\p{L}.])/gu, (initials) => [...initials].join(' ')))
    .split(' ')
    .filter(Boolean);

/**
 * Whether a contact that shares an email with another person (typed in the form, or a row of a
 * file) may be them: an address a family, a team or an office shares must not fold one person
 * into another. Another profile link says no; otherwise the names agree when each word of the
 * shorter is a word of the longer, or its initial ("Mara", "M. Lind" and "Mara Lind"). A name
 * that is only an address says nothing.
 */
export function mayBeSamePerson(saved: Contact, incoming: Contact): boolean {
  if (saved.profileUrl && incoming.profileUrl) return saved.profileUrl === incoming.profileUrl;
  if (saved.name.includes('@') || incoming.name.includes('@')) return true;
  const [shorter, longer] = [nameWords(saved.name), nameWords(incoming.name)].sort((a, b) => a.length - b.length);
  // Written with or without the spaces between its parts ("山田太郎", "山田 太郎"), a name is one.
  if (shorter.join('') === longer.join('')) return true;
  const agree = (a: string, b: string) => a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));
  return shorter.every((word) => longer.some((other) => agree(word, other)));
}

function union<T>(a: readonly T[], b: readonly T[], key: (item: T) => string = String): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((item) => !seen.has(key(item)) && seen.add(key(item)))];
}

/** The saved numbers, then those of `incoming` that none of them is, however written ("+47 900 00 000", "+4790000000"). */
function phonesOf(saved: readonly string[], incoming: readonly string[]): string[] {
  const phones = [...saved];
  for (const phone of incoming) if (!phones.some((own) => samePhone(own, phone))) phones.push(phone);
  return phones;
}

/**
 * Fold `incoming` into `saved`: blanks are filled and lists grow; what the user saved is never
 * overwritten. Sources are added only when something else was, so importing the same file twice
 * changes nothing the second time. With `joinNotes` (`incoming` is another record of the person,
 * not a copy of the same one), its notes go below the saved ones instead of only filling a blank.
 */
export function mergeContact(
  saved: Contact,
  incoming: Contact,
  now: number,
  { joinNotes = false } = {},
): { contact: Contact; added: string[]; kept: Difference[] } {
  const next: Record<string, unknown> = { ...saved };
  const added: string[] = [];
  const kept: Difference[] = [];
  for (const field of SCALARS) {
    if ((saved[field] === undefined || saved[field] === '') && incoming[field] !== undefined && incoming[field] !== '') {
      next[field] = incoming[field];
      added.push(field);
    }
  }
  if (joinNotes && saved.notes) {
    const notes = joinedNotes(saved.notes, incoming.notes);
    if (notes !== saved.notes) {
      next.notes = notes;
      added.push('notes');
    }
  }
  for (const field of LISTS) {
    const merged = field === 'phones' ? phonesOf(saved.phones, incoming.phones) : union<string>(saved[field], incoming[field]);
    // Capped lists would drop the last ones: too many together is refused, as long notes are.
    if (field in CAPPED_LIST_LABELS && merged.length > LIMITS.listItems) {
      throw new Error(
        `${CAPPED_LIST_LABELS[field]}: together they have ${merged.length}, where Kith keeps up to ${LIMITS.listItems}; remove some first, so nothing is cut`,
      );
    }
    if (merged.length > saved[field].length) {
      next[field] = merged;
      added.push(field);
    }
  }
  for (const field of COMPARED) {
    const [was, is] = [saved[field], incoming[field]];
    if (was && is && was !== is) kept.push({ field, saved: was, incoming: is });
  }
  if (saved.relationship === 'other' && incoming.relationship !== 'other') {
    next.relationship = incoming.relationship;
    added.push('relationship');
  }
  if (saved.warmth === 'cold' && incoming.warmth === 'warm') {
    next.warmth = 'warm';
    added.push('warmth');
  }
  const history = union(saved.history, incoming.history, (h) => `${h.field}|${h.at}|${h.to}`);
  if (history.length > saved.history.length) {
    next.history = history.slice(-200);
    added.push('history');
  }
  if ((incoming.lastInteractionAt ?? 0) > (saved.lastInteractionAt ?? 0)) {
    next.lastInteractionAt = incoming.lastInteractionAt;
    added.push('lastInteractionAt');
  }
  if (added.length > 0) {
    next.sources = union(saved.sources, incoming.sources, (s) => `${s.kind}|${s.url ?? ''}|${s.at}`).slice(-100);
    next.createdAt = Math.min(saved.createdAt, incoming.createdAt);
    next.updatedAt = Math.max(now, saved.updatedAt);
  }
  // Both inputs were validated; parsing the fold (synchronously) keeps the stored shape exact.
  return { contact: added.length > 0 ? Contact.parse(next) : saved, added, kept };
}

/**
 * `saved` with `values` in place of what it held (a new job title the user chose to take), each
 * value it replaces kept in the contact's history. A blank filled in is not a change: no history.
 */
export function withValuesTaken(saved: Contact, values: Partial<Record<FieldChange['field'], string>>, now: number): Contact {
  const changes: FieldChange[] = [];
  const next = { ...saved, updatedAt: Math.max(now, saved.updatedAt) };
  for (const field of COMPARED) {
    const value = values[field];
    if (value === undefined || value === saved[field]) continue;
    if (saved[field]) changes.push({ field, from: saved[field], to: value, at: now });
    next[field] = value;
  }
  return { ...next, history: [...saved.history, ...changes].slice(-200) };
}

/**
 * Notes added below the saved ones: those of their paragraphs the saved notes do not hold already.
 * A file imported again after the user edited what it brought (a line taken out, a typo fixed)
 * would otherwise add its notes whole a second time. Notes are capped, and a cap that cut the
 * user's words would lose them without a word: too long is refused instead.
 */
export function joinedNotes(saved: string, added: string): string {
  const paragraphs = (notes: string) => notes.split(/\n[ \t]*\n/).map((paragraph) => paragraph.trim());
  // Whole paragraphs: "call before 9am" is a note of its own beside "Do not call before 9am".
  const had = new Set(paragraphs(saved));
  const fresh = paragraphs(added)
    .filter((paragraph) => paragraph && !had.has(paragraph))
    .join('\n\n');
  if (!fresh) return saved;
  const notes = saved ? `${saved}\n\n${fresh}` : fresh;
  if (notes.length > LIMITS.notes) {
    throw new Error(`Notes: together they are longer than ${LIMITS.notes.toLocaleString('en-US')} characters; shorten them first, so nothing is cut`);
  }
  return notes;
}

/**
 * Two saved contacts the user merges into one. Unlike an import, both records are the user's own
 * words, so both people's notes are kept (the kept contact's first); everything else fills blanks
 * and joins lists as `mergeContact` does, and where both had a name, title, company or place that
 * differ, the other one's goes into the history (from it to the one kept), as a job the page
 * showed does: the merge loses none of what either said.
 */
export function combineSavedContacts(keep: Contact, gone: Contact, now: number): Contact {
  const { contact: merged, kept } = mergeContact(keep, gone, now, { joinNotes: true });
  const notSameAs = merged.notSameAs.filter((id) => id !== keep.id && id !== gone.id);
  const replaced = kept.map(({ field, saved, incoming }): FieldChange => ({ field, from: incoming, to: saved, at: now }));
  return { ...merged, notSameAs, history: [...merged.history, ...replaced].slice(-200), updatedAt: now };
}

/**
 * Merge saved contact `goneId` into `keepId` in one transaction, keep-in-touch counted from the
 * merged contact with the user's `settings`; `undoMerge(db, undo, settings, now)` undoes it.
 */
export function mergeSavedContacts(
  db: KithDB,
  keepId: string,
  goneId: string,
  now: number,
  settings: Pick<Settings, 'defaultCadenceDays'>,
): Promise<{ undo: MergeUndo; contact: Contact }> {
  return mergeContacts(db, keepId, goneId, (keep, gone) => combineSavedContacts(keep, gone, now), settings, now);
}
