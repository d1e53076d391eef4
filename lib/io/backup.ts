// Kith's own backup: every contact, interaction and reminder, and the settings, as JSON,
// versioned. A backup made by this or an older version is read back exactly; records are parsed
// by today's schemas, which fill what later versions added. The settings are optional: backups
// made before they were kept have none, and a Kith that predates them reads past them.
import * as z from 'zod/mini';
import { DAY_START_FIELDS, withDayStartsMoved } from '../db';
import { Contact, Interaction, Reminder, Settings, describeIssues } from '../model';
import { currentTimeZone, dayStartsMovedFrom } from '../time-zone-move';
import { type ImportBatch, ImportError, emptyBatch, lineAt } from './batch';
import { whyContactWouldBeCut, whyInteractionWouldBeCut, whyReminderWouldBeCut, whySettingsWouldBeCut } from './limits';

export const BACKUP_FORMAT = 'kith-backup';
export const BACKUP_VERSION = 1;

export type Backup = {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  /** The zone its date-only times start their days in (lib/time-zone-move.ts); absent in backups made before it was written. */
  timeZone?: string;
  contacts: Contact[];
  interactions: Interaction[];
  reminders: Reminder[];
  settings?: Settings;
};

export function createBackup(
  data: { contacts: Contact[]; interactions: Interaction[]; reminders: Reminder[]; settings?: Settings },
  now: number,
  timeZone = currentTimeZone(),
): string {
  const backup: Backup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, timeZone, ...data };
  // Compact: indentation made a 10,000-person backup a third larger and slower to write and to
  // hand to the download (the string is encoded once more into the Blob).
  return JSON.stringify(backup);
}

const Envelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.int().check(z.minimum(1)),
  exportedAt: z.optional(z.number()),
  // Anything but a zone's name is read as none: the times are then read as they are.
  timeZone: z.optional(z.unknown()),
  contacts: z.array(z.unknown()),
  interactions: z._default(z.array(z.unknown()), []),
  reminders: z._default(z.array(z.unknown()), []),
  settings: z.optional(z.unknown()),
});

/**
 * Where JSON.parse stopped. V8 says "at position N" for most errors, but for an unexpected
 * token it quotes the text around it instead (`Unexpected token ',', ..."b": [,]"...`), so
 * that excerpt is looked up in the file.
 */
function jsonErrorOffset(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const excerpt = /^Unexpected token '(.)', (?:\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (excerpt) {
    const at = text.indexOf(excerpt[2]);
    if (at >= 0) return at + excerpt[2].indexOf(excerpt[1]);
  }
  return 0;
}

/** Records' date-only times moved from `zone` to this one; unchanged where the zone is this one, or unknown here. */
function dayStartsMovedInto(zone: unknown): <T extends object>(record: T, fields: readonly string[]) => T {
  let move: ((time: number) => number) | undefined;
  try {
    move = typeof zone === 'string' && zone && zone !== currentTimeZone() ? dayStartsMovedFrom(zone) : undefined;
  } catch {
    // A zone this browser does not know: the times are read as they are.
  }
  return (record, fields) => (move ? withDayStartsMoved(record, fields, move) : record);
}

/**
 * Leaves out of a record the values another program wrote for nothing (null, an empty string, an
 * empty entry of a list) where Kith takes nothing: `profileUrl: ""` is no link, not a broken one.
 */
function blanksLeftOut(schema: z.ZodMiniObject): (record: unknown) => unknown {
  const takesNothing = new Map<string, boolean>();
  const mayLeaveOut = (key: string) => {
    if (!takesNothing.has(key)) takesNothing.set(key, key in schema.shape && z.safeParse(schema.shape[key], undefined).success);
    return takesNothing.get(key);
  };
  const blank = (value: unknown) => value === null || value === '';
  return (record) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
    return Object.fromEntries(
      Object.entries(record)
        .filter(([key, value]) => !(blank(value) && mayLeaveOut(key)))
        .map(([key, value]) => [key, Array.isArray(value) ? value.filter((item) => !blank(item)) : value]),
    );
  };
}

export function parseBackup(text: string): ImportBatch {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportError(`Line ${lineAt(text, jsonErrorOffset(text, message))}`, `not valid JSON (${message})`);
  }
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) throw new ImportError('Line 1', `not a Kith backup: ${describeIssues(envelope.error)}`);
  const backup = envelope.data;
  if (backup.version > BACKUP_VERSION) {
    throw new ImportError('Line 1', `made by a newer Kith (backup version ${backup.version}); update Kith to read it`);
  }
  const batch = emptyBatch('kith-backup');
  /** Records refused, by id: where each is in the file. */
  const leftOut = new Map<string, string>();
  // Made in another zone, its dates are kept: a follow-up on 3 December restored after a flight
  // west is still due on 3 December, not the evening before.
  const move = dayStartsMovedInto(backup.timeZone);
  // A backup holds each record once. Two with one id would land on one key, the later silently
  // replacing the earlier (and its notes): which one the user meant is theirs to say, so the
  // file is refused, naming both. A record whose text would be cut is refused too, naming the
  // field: a restore keeps every word.
  const each = <S extends z.ZodMiniObject & z.ZodMiniType<{ id: string }>>(
    list: unknown[],
    schema: S,
    what: string,
    whyCut: (record: unknown) => string | undefined,
    keep: (value: z.infer<S>, where: string) => void,
  ) => {
    const firstAt = new Map<string, number>();
    const withoutBlanks = blanksLeftOut(schema);
    list.forEach((written, i) => {
      const where = `${what} ${i + 1}`;
      const record = withoutBlanks(written);
      const refuse = (reason: string) => {
        batch.invalid.push({ where, reason });
        const id = (record as { id?: unknown } | null)?.id;
        if (typeof id === 'string') leftOut.set(id, where);
      };
      const cut = whyCut(record);
      if (cut) return refuse(cut);
      const parsed = schema.safeParse(record);
      if (!parsed.success) return refuse(describeIssues(parsed.error));
      const first = firstAt.get(parsed.data.id);
      if (first !== undefined) throw new ImportError(where, `id "${parsed.data.id}" repeats ${what.toLowerCase()} ${first}`);
      firstAt.set(parsed.data.id, i + 1);
      keep(parsed.data, where);
    });
  };
  each(backup.contacts, Contact, 'Contact', whyContactWouldBeCut, (contact, where) =>
    batch.contacts.push({ where, contact: move(contact, DAY_START_FIELDS.contacts), revisedAt: contact.updatedAt }),
  );
  // Left out, a contact is no one's referrer and no one's to be told apart from, as a deleted one is not.
  if (leftOut.size > 0) {
    for (const entry of batch.contacts) {
      const { referredBy, notSameAs } = entry.contact;
      if ((referredBy && leftOut.has(referredBy)) || notSameAs.some((id) => leftOut.has(id))) {
        entry.contact = { ...entry.contact, referredBy: referredBy && leftOut.has(referredBy) ? undefined : referredBy, notSameAs: notSameAs.filter((id) => !leftOut.has(id)) };
      }
    }
  }
  const ids = new Set(batch.contacts.map(({ contact }) => contact.id));
  // A record of a contact that cannot be imported goes with it, if the user leaves it out; one of
  // no contact in the backup (deleted by another program) is nowhere to be seen in the notebook
  // either, and is passed over.
  const owned = (contactId: string, where: string) => {
    if (ids.has(contactId)) return true;
    const contactWhere = leftOut.get(contactId);
    if (contactWhere) batch.invalid.push({ where, reason: `belongs to ${contactWhere.toLowerCase()}, which cannot be imported` });
    else batch.skipped.push({ where, reason: 'belongs to no contact in the backup' });
    return false;
  };
  each(backup.interactions, Interaction, 'Interaction', whyInteractionWouldBeCut, (interaction, where) => {
    if (owned(interaction.contactId, where)) batch.interactions.push(move(interaction, DAY_START_FIELDS.interactions));
  });
  each(backup.reminders, Reminder, 'Reminder', whyReminderWouldBeCut, (reminder, where) => {
    if (owned(reminder.contactId, where)) batch.reminders.push(move(reminder, DAY_START_FIELDS.reminders));
  });
  if (backup.settings !== undefined) {
    const cut = whySettingsWouldBeCut(backup.settings);
    const parsed = Settings.safeParse(backup.settings);
    if (cut) batch.invalid.push({ where: 'Settings', reason: cut });
    else if (!parsed.success) batch.invalid.push({ where: 'Settings', reason: describeIssues(parsed.error) });
    else batch.settings = parsed.data;
  }
  return batch;
}
