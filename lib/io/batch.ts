// What every import format parses into, before anything touches the database.
import * as z from 'zod/mini';
import { Contact, type Interaction, type Reminder, type Settings, describeIssues } from '../model';
import { whyContactWouldBeCut } from './limits';

export const IMPORT_FORMATS = ['linkedin-csv', 'google-csv', 'outlook-csv', 'vcard', 'kith-backup'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  'linkedin-csv': 'LinkedIn connections (CSV)',
  'google-csv': 'Google Contacts (CSV)',
  'outlook-csv': 'Outlook contacts (CSV)',
  vcard: 'vCard',
  'kith-backup': 'Kith backup (JSON)',
};

/** A place in the file a person can find: "Row 3 (line 7)", "Card 2 (line 9)". */
export type Problem = { where: string; reason: string };

/**
 * A person of a file, and when the file says its record of them last changed (a vCard's REV, a
 * backup's contact's own time), where it says so.
 */
export type ImportedContact = { where: string; contact: Contact; revisedAt?: number };

export type ImportBatch = {
  format: ImportFormat;
  contacts: ImportedContact[];
  interactions: Interaction[];
  reminders: Reminder[];
  /** Records that do not make a valid contact; while there are any, nothing can be imported. */
  invalid: Problem[];
  /** Rows that hold nobody (no name, email or link), left out and reported. */
  skipped: Problem[];
  /** A backup's settings: restored only into an empty notebook, see `ImportReport.settings`. */
  settings?: Settings;
};

/** The file cannot be read at all; `where` names the line or row. */
export class ImportError extends Error {
  constructor(
    readonly where: string,
    reason: string,
  ) {
    super(`${where}: ${reason}`);
    this.name = 'ImportError';
  }
}

/** What a file can say about a person: the fields of a contact that differ from row to row. */
const FileFields = z.pick(Contact, {
  id: true,
  name: true,
  title: true,
  company: true,
  location: true,
  emails: true,
  phones: true,
  addresses: true,
  profileUrl: true,
  tags: true,
  notes: true,
});
export type FileFields = z.input<typeof FileFields>;

/**
 * Adds each person a file holds to `batch` as a contact, or records why it cannot be one (or not
 * without cutting what the file says) against its place in the file. Only the fields a file gives
 * are parsed per row; the rest (the import as its source, its time, the defaults) is the same for
 * every row and parsed once. Parsing the whole contact for each of 10,000 rows took twice as
 * long (BENCHMARKS.md). The parts every row shares are frozen: nothing may change one contact's
 * list in place and so change them all.
 */
export function contactCollector(batch: ImportBatch, now: number): (where: string, fields: FileFields, revisedAt?: number) => void {
  const { id: _id, name: _name, ...shared } = Contact.parse({
    id: 'imported',
    name: 'imported',
    sources: [{ kind: 'import', at: now }],
    createdAt: now,
    updatedAt: now,
  });
  for (const value of Object.values(shared)) if (typeof value === 'object') deepFreeze(value);
  return (where, given, revisedAt) => {
    const fields = given.emails ? { ...given, emails: given.emails.flatMap(addressesInCell) } : given;
    const cut = whyContactWouldBeCut(fields);
    if (cut) {
      batch.invalid.push({ where, reason: cut });
      return;
    }
    const parsed = FileFields.safeParse(fields);
    if (parsed.success) batch.contacts.push({ where, contact: { ...shared, ...parsed.data }, ...(revisedAt !== undefined && { revisedAt }) });
    else batch.invalid.push({ where, reason: describeIssues(parsed.error) });
  };
}

/**
 * The addresses a file's email cell holds: some hold several ("a@x.com; b@x.com") or a mail
 * app's "Name <address>". What is no address is left for the schema to refuse, naming the row.
 */
function addressesInCell(cell: string): string[] {
  const parts = cell.split(/[;,]/).map((part) => part.trim()).filter(Boolean);
  // Of several parts, those without an "@" are a name's ("Doe, Jane <jane@x.com>").
  const addresses = parts.length > 1 ? parts.filter((part) => part.includes('@')) : parts;
  return addresses.map((part) => /<([^<>]*@[^<>]*)>$/.exec(part)?.[1].trim() ?? part);
}

function deepFreeze(value: object): void {
  Object.freeze(value);
  for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) deepFreeze(inner);
}

export function emptyBatch(format: ImportFormat): ImportBatch {
  return { format, contacts: [], interactions: [], reminders: [], invalid: [], skipped: [] };
}

/** 1-based line number of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}
