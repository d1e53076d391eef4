// An import applies whole or not at all, and loses nothing: the model's schemas cap text (what
// pages send is meant to be capped), so a file's field longer than Kith keeps, or a list longer,
// would be cut without a word. Such a record is refused instead, naming the field, so the user
// can shorten it in the file.
import * as z from 'zod/mini';
import { Email, LIMITS, keptLength, line } from '../model';

const number = (n: number) => n.toLocaleString();

/**
 * Why `text` would be cut, as "`what` N characters; Kith keeps up to `max`", or undefined when it
 * is kept whole. Measured as the schemas clean it (invisible characters out, spaces folded), so
 * only a real cut is refused; cleaning never lengthens text, so most text is never cleaned here.
 */
export function whyTextWouldBeCut(what: string, text: unknown, max: number, lines = false): string | undefined {
  if (typeof text !== 'string' || text.length <= max) return undefined;
  const kept = keptLength(text, lines);
  return kept > max ? `${what} ${number(kept)} characters; Kith keeps up to ${number(max)}` : undefined;
}

type ListOf = { items: string; item: z.ZodMiniType<string, string>; each?: { what: string; max: number } };

const EMAILS: ListOf = { items: 'email addresses', item: Email };
const PHONES: ListOf = { items: 'phone numbers', item: line(LIMITS.phone), each: { what: 'a phone number is', max: LIMITS.phone } };
const ADDRESSES: ListOf = { items: 'addresses', item: line(LIMITS.address), each: { what: 'an address is', max: LIMITS.address } };
const TAGS: ListOf = { items: 'tags', item: line(LIMITS.tag), each: { what: 'a tag is', max: LIMITS.tag } };
const TARGETS: ListOf = { items: 'target companies', item: line(LIMITS.company), each: { what: 'a target company is', max: LIMITS.company } };

/** Why a list would be cut (more distinct items than Kith keeps), or why one of its items would. */
function whyListWouldBeCut(list: unknown, { items, item, each }: ListOf): string | undefined {
  if (!Array.isArray(list)) return undefined;
  if (each) {
    for (const text of list) {
      const cut = whyTextWouldBeCut(each.what, text, each.max);
      if (cut) return cut;
    }
  }
  if (list.length <= LIMITS.listItems) return undefined;
  // As the schema counts them: cleaned, blanks dropped, each once. An item it refuses is its to report.
  const parsed = z.array(item).safeParse(list);
  const distinct = parsed.success ? new Set(parsed.data.filter((value) => value !== '')).size : 0;
  return distinct > LIMITS.listItems ? `has ${number(distinct)} ${items}; Kith keeps up to ${number(LIMITS.listItems)}` : undefined;
}

/** A record's fields as a file holds them, before any schema: what is not an object has none. */
const fieldsOf = (record: unknown): Record<string, unknown> => (typeof record === 'object' && record !== null ? (record as Record<string, unknown>) : {});

/**
 * Why importing this contact record (a file's row or card, a backup's contact) would cut what it
 * holds, or undefined when it can be kept whole.
 */
export function whyContactWouldBeCut(record: unknown): string | undefined {
  const r = fieldsOf(record);
  return (
    whyTextWouldBeCut('name is', r.name, LIMITS.name) ??
    whyTextWouldBeCut('title is', r.title, LIMITS.title) ??
    whyTextWouldBeCut('company is', r.company, LIMITS.company) ??
    whyTextWouldBeCut('location is', r.location, LIMITS.location) ??
    whyTextWouldBeCut('notes are', r.notes, LIMITS.notes, true) ??
    whyListWouldBeCut(r.emails, EMAILS) ??
    whyListWouldBeCut(r.phones, PHONES) ??
    whyListWouldBeCut(r.addresses, ADDRESSES) ??
    whyListWouldBeCut(r.tags, TAGS)
  );
}

/** Why importing a backup's interaction would cut its summary. */
export const whyInteractionWouldBeCut = (record: unknown) => whyTextWouldBeCut('summary is', fieldsOf(record).summary, LIMITS.summary, true);

/** Why importing a backup's reminder would cut its note. */
export const whyReminderWouldBeCut = (record: unknown) => whyTextWouldBeCut('note is', fieldsOf(record).note, LIMITS.reminderNote, true);

/** Why importing a backup's settings would cut its target companies. */
export const whySettingsWouldBeCut = (record: unknown) => whyListWouldBeCut(fieldsOf(record).targets, TARGETS);
