// One entry for every import: detect the format from the file's content, then parse it.
import { type ImportBatch, ImportError, type ImportFormat } from './batch';
import { BACKUP_FORMAT, parseBackup } from './backup';
import { headerNames, linkedinHeaderOffset, looksLikeGoogleCsv, looksLikeOutlookCsv, parseGoogleCsv, parseLinkedInCsv, parseOutlookCsv } from './csv';
import { parseVcards } from './vcard';

export * from './batch';
export { createBackup, BACKUP_VERSION } from './backup';
export { decodeFileText } from './decode';
export { exportContactsCsv, exportInteractionsCsv } from './csv';
export { exportRemindersIcs } from './ical';
export { exportVcards } from './vcard';

/** Which format a file is, from what it holds (its name is not trusted). */
export function detectFormat(text: string): ImportFormat | undefined {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return head.includes(`"${BACKUP_FORMAT}"`) ? 'kith-backup' : undefined;
  const firstLine = head.slice(0, head.search(/[\r\n]|$/));
  // Only as a file's first line: a CSV's note may hold a pasted card.
  if (/^BEGIN:VCARD\s*$/i.test(firstLine)) return 'vcard';
  if (linkedinHeaderOffset(text) >= 0) return 'linkedin-csv';
  const header = headerNames(firstLine);
  if (looksLikeGoogleCsv(header)) return 'google-csv';
  if (looksLikeOutlookCsv(header)) return 'outlook-csv';
  return undefined;
}

export function parseImport(text: string, now: number): ImportBatch {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new ImportError('Line 1', 'the file is empty');
  switch (detectFormat(text)) {
    case 'linkedin-csv':
      return parseLinkedInCsv(text, now);
    case 'google-csv':
      return parseGoogleCsv(text, now);
    case 'outlook-csv':
      return parseOutlookCsv(text, now);
    case 'vcard':
      return parseVcards(text, now);
    case 'kith-backup':
      return parseBackup(text);
    default:
      throw new ImportError(
        'Line 1',
        'not a file Kith can import: choose a LinkedIn Connections.csv, a Google or Outlook contacts CSV, a vCard (.vcf) or a Kith backup (.json)',
      );
  }
}
