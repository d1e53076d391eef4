// What every import format parses into, before anything touches the database.
import { Contact, type ContactInput, type Interaction, type Reminder, describeIssues } from '../model';

export const IMPORT_FORMATS = ['linkedin-csv', 'google-csv', 'vcard', 'kith-backup'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  'linkedin-csv': 'LinkedIn connections (CSV)',
  'google-csv': 'Google Contacts (CSV)',
  vcard: 'vCard',
  'kith-backup': 'Kith backup (JSON)',
};

/** A place in the file a person can find: "Row 3 (line 7)", "Card 2 (line 9)". */
export type Problem = { where: string; reason: string };

export type ImportedContact = { where: string; contact: Contact };

export type ImportBatch = {
  format: ImportFormat;
  contacts: ImportedContact[];
  interactions: Interaction[];
  reminders: Reminder[];
  /** Records that do not make a valid contact; while there are any, nothing can be imported. */
  invalid: Problem[];
  /** Rows that hold nobody (no name, email or link), left out and reported. */
  skipped: Problem[];
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

/** Parse a contact from an import; a failure is recorded against its place in the file. */
export function collectContact(batch: ImportBatch, where: string, input: ContactInput): void {
  const parsed = Contact.safeParse(input);
  if (parsed.success) batch.contacts.push({ where, contact: parsed.data });
  else batch.invalid.push({ where, reason: describeIssues(parsed.error) });
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
