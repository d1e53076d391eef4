// CSV imports (LinkedIn's Connections.csv, Google Contacts) and the contacts spreadsheet export.
// papaparse does the RFC 4180 work (quotes, embedded newlines and commas, BOM); this file maps
// columns to contacts and names the row and line of anything it cannot read.
import Papa from 'papaparse';
import type { Contact, Interaction } from '../model';
import { newId } from '../model';
import { RELATIONSHIP_LABELS } from '../model';
import { localIsoDate } from '../reminders';
import { type ImportBatch, ImportError, contactCollector, emptyBatch } from './batch';
import { type WebPage, notesWithPages, sortWebPages } from './web-pages';

type CsvRow = { cells: Map<string, string>; raw: string[]; where: string };

const DELIMITERS = [',', ';', '\t'];

/**
 * What a header row parts its columns with: a comma, or the semicolon that spreadsheets write
 * where the comma is the decimal mark (Excel in German, French or Dutch), or a tab. The one that
 * parts the row most, outside quotes.
 */
function delimiterOf(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const count = (delimiter: string) => unquoted.split(delimiter).length;
  return DELIMITERS.reduce((best, delimiter) => (count(delimiter) > count(best) ? delimiter : best));
}

/** A file's header row as readTable keys it: its column names, trimmed and lowercased. */
export function headerNames(headerLine: string): string[] {
  const [names = []] = Papa.parse<string[]>(headerLine, { delimiter: delimiterOf(headerLine), preview: 1 }).data;
  return names.map((name) => name.trim().toLowerCase());
}

/**
 * Read a CSV table whose header is the first line from `headerOffset` that is not blank. Quoting
 * errors and rows with the wrong number of fields throw, naming the data row (1 = the first after
 * the header) and file line. `column` renames a header's column (a localised one to English).
 */
function readTable(text: string, headerOffset: number, column = (name: string) => name): { header: string[]; rows: CsvRow[] } {
  const headerStart = headerOffset + text.slice(headerOffset).search(/\S|$/);
  const headerEnd = text.slice(headerStart).search(/[\r\n]|$/);
  let header: string[] | undefined;
  const rows: CsvRow[] = [];
  // Lines end in LF or CRLF, or in a lone CR in a file from an old Mac.
  const newline = text.includes('\n') ? '\n' : '\r';
  let line = 1;
  for (let i = text.indexOf(newline); i !== -1 && i < headerOffset; i = text.indexOf(newline, i + 1)) line += 1;
  let counted = headerOffset;
  let dataRow = 0;
  Papa.parse<string[]>(text.slice(headerOffset), {
    delimiter: delimiterOf(text.slice(headerStart, headerStart + headerEnd)),
    step: (result) => {
      const startLine = line;
      const end = headerOffset + result.meta.cursor;
      for (let i = text.indexOf(newline, counted); i !== -1 && i < end; i = text.indexOf(newline, i + 1)) line += 1;
      counted = end;
      const fields = result.data;
      // Blank lines hold nothing, also before the header (a file someone has edited).
      if (fields.length === 1 && fields[0].trim() === '') return;
      if (!header) {
        header = fields.map((name) => column(name.trim().toLowerCase()));
        return;
      }
      dataRow += 1;
      const where = `Row ${dataRow} (line ${startLine})`;
      const error = result.errors[0];
      if (error) {
        const reason =
          error.code === 'MissingQuotes'
            ? 'a quoted field is never closed'
            : error.code === 'InvalidQuotes'
              ? 'a quote is misplaced (quotes inside a field must be doubled)'
              : error.message;
        throw new ImportError(where, reason);
      }
      if (fields.length !== header.length) {
        throw new ImportError(where, `has ${fields.length} fields where the header has ${header.length}`);
      }
      const cells = new Map<string, string>();
      header.forEach((name, i) => cells.set(name, fields[i].trim()));
      rows.push({ cells, raw: fields, where });
    },
  });
  if (!header) throw new ImportError('Line 1', 'the file is empty');
  return { header, rows };
}

// Saved again from a spreadsheet, the file may part its columns with semicolons or tabs.
const LINKEDIN_HEADER = /^\uFEFF?"?first name"?\s*[,;\t]\s*"?last name"?\s*[,;\t]\s*"?url"?/im;

/** Where LinkedIn's header row starts, after its "Notes:" preamble; -1 when it is not there. */
export function linkedinHeaderOffset(text: string): number {
  const match = LINKEDIN_HEADER.exec(text);
  if (!match) return -1;
  const end = text.indexOf('\n', match.index);
  return /connected on/i.test(text.slice(match.index, end < 0 ? undefined : end)) ? match.index : -1;
}

/**
 * LinkedIn's "Connected On" ("22 Nov 2026") when it reads as a date, as written: it goes into the
 * notes. A spreadsheet may have rewritten it in its own language ("13.03.2024", "13 mars 2024").
 */
function readableDate(value: string): string | undefined {
  return /^(?=.*\d)[\p{L}\d .,/:-]{6,40}$/u.test(value) ? value : undefined;
}

export function parseLinkedInCsv(text: string, now: number): ImportBatch {
  const offset = linkedinHeaderOffset(text);
  if (offset < 0) throw new ImportError('Line 1', 'no "First Name, Last Name, URL, …, Connected On" header');
  const batch = emptyBatch('linkedin-csv');
  const collect = contactCollector(batch, now);
  for (const { cells, where } of readTable(text, offset).rows) {
    const name = `${cells.get('first name') ?? ''} ${cells.get('last name') ?? ''}`.trim();
    const url = cells.get('url') ?? '';
    const email = cells.get('email address') ?? '';
    if (!name && !url && !email) {
      batch.skipped.push({ where, reason: 'no name, email or profile link (LinkedIn hides members who opted out)' });
      continue;
    }
    const connected = readableDate(cells.get('connected on') ?? '');
    collect(where, {
      id: newId(),
      name,
      title: cells.get('position') ?? '',
      company: cells.get('company') ?? '',
      emails: email ? [email] : [],
      profileUrl: url || undefined,
      notes: connected ? `Connected on LinkedIn on ${connected}.` : '',
    });
  }
  return batch;
}

/** Google Contacts CSV, both the current header ("First Name", "E-mail 1 - Value") and the older one ("Given Name"). */
export function looksLikeGoogleCsv(header: readonly string[]): boolean {
  return header.some((name) => name === 'e-mail 1 - value' || name === 'phone 1 - value') && header.some((name) => ['first name', 'given name', 'name'].includes(name));
}

const MULTI = / ::: /;

function valuesOf(cells: Map<string, string>, pattern: RegExp): string[] {
  const values: string[] = [];
  for (const [name, value] of cells) {
    if (pattern.test(name) && value) values.push(...value.split(MULTI).map((v) => v.trim()).filter(Boolean));
  }
  return values;
}

/** Each "Website N - Value" with its label ("Work" marks the employer's site); several in a cell pair up by " ::: ". */
function websitesOf(cells: Map<string, string>): WebPage[] {
  const pages: WebPage[] = [];
  for (const [column, value] of cells) {
    const n = /^website (\d+) - value$/.exec(column)?.[1];
    if (!n || !value) continue;
    const labels = (cells.get(`website ${n} - label`) || cells.get(`website ${n} - type`) || '').split(MULTI);
    value.split(MULTI).forEach((url, i) => {
      if (url.trim()) pages.push({ url: url.trim(), work: /^\W*work$/i.test((labels[i] ?? labels[0]).trim()) });
    });
  }
  return pages;
}

export function parseGoogleCsv(text: string, now: number): ImportBatch {
  const batch = emptyBatch('google-csv');
  const collect = contactCollector(batch, now);
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const { cells, where } of readTable(text, start).rows) {
    const get = (...names: string[]) => names.map((n) => cells.get(n) ?? '').find(Boolean) ?? '';
    const parts = [get('first name', 'given name'), get('middle name', 'additional name'), get('last name', 'family name')];
    const fullName = get('name') || parts.filter(Boolean).join(' ');
    const name = fullName || get('nickname', 'file as');
    const emails = valuesOf(cells, /^e-mail \d+ - value$/);
    const websites = websitesOf(cells);
    const company = get('organization name', 'organization 1 - name');
    const phones = valuesOf(cells, /^phone \d+ - value$/);
    if (!name && emails.length === 0 && websites.length === 0 && !company && phones.length === 0) {
      batch.skipped.push({ where, reason: 'no name, email, phone, company or website' });
      continue;
    }
    const labels = valuesOf(cells, /^(labels|group membership)$/).filter((label) => !label.startsWith('*'));
    const pages = sortWebPages(websites);
    collect(where, {
      id: newId(),
      // A business card (a plumber, a firm) has no person's name; Google Contacts lists it under its company.
      name: name || emails[0] || company || websites[0]?.url || phones[0],
      title: get('organization title', 'organization 1 - title'),
      company,
      emails,
      phones,
      addresses: valuesOf(cells, /^address \d+ - formatted$/).map((a) => a.replace(/\s*\n\s*/g, ', ')),
      profileUrl: pages.profileUrl,
      tags: labels,
      notes: notesWithPages(get('notes'), pages.noteLines, {
        Department: get('organization department', 'organization 1 - department'),
        Nickname: fullName ? get('nickname') : '',
        Birthday: get('birthday'),
      }),
    });
  }
  return batch;
}

/**
 * Outlook's contacts CSV (Outlook.com and the desktop app's "Comma Separated Values"): "E-mail
 * Address" rather than Google's "E-mail 1 - Value", and "Job Title" (its "Title" is Mr. or Dr.).
 */
export function looksLikeOutlookCsv(header: readonly string[]): boolean {
  const names = header.map(outlookColumn);
  return names.includes('e-mail address') && (names.includes('job title') || names.includes('company'));
}

/**
 * The German desktop app names its columns in German ("Vorname", "E-Mail-Adresse", "Position"
 * for the job title, "Anrede" for the honorific): each as the English export names it.
 */
const OUTLOOK_GERMAN_COLUMNS: Record<string, string> = {
  anrede: 'title',
  vorname: 'first name',
  'weitere vornamen': 'middle name',
  nachname: 'last name',
  firma: 'company',
  abteilung: 'department',
  position: 'job title',
  'e-mail-adresse': 'e-mail address',
  'e-mail 2: adresse': 'e-mail 2 address',
  'e-mail 3: adresse': 'e-mail 3 address',
  'telefon geschäftlich': 'business phone',
  'telefon geschäftlich 2': 'business phone 2',
  'telefon (privat)': 'home phone',
  'telefon (privat 2)': 'home phone 2',
  mobiltelefon: 'mobile phone',
  'mobiltelefon 2': 'mobile phone 2',
  autotelefon: 'car phone',
  haupttelefon: 'primary phone',
  'weiteres telefon': 'other phone',
  'telefon firma': 'company main phone',
  'telefon assistent': "assistant's phone",
  'straße geschäftlich': 'business street',
  'straße geschäftlich 2': 'business street 2',
  'straße geschäftlich 3': 'business street 3',
  'ort geschäftlich': 'business city',
  'region geschäftlich': 'business state',
  'postleitzahl geschäftlich': 'business postal code',
  'land/region geschäftlich': 'business country/region',
  'straße privat': 'home street',
  'straße privat 2': 'home street 2',
  'straße privat 3': 'home street 3',
  'ort privat': 'home city',
  'bundesland/kanton privat': 'home state',
  'postleitzahl privat': 'home postal code',
  'land/region privat': 'home country/region',
  'weitere straße': 'other street',
  'weitere straße 2': 'other street 2',
  'weitere straße 3': 'other street 3',
  'weiterer ort': 'other city',
  'weiteres/r bundesland/kanton': 'other state',
  'weitere postleitzahl': 'other postal code',
  'weiteres/e land/region': 'other country/region',
  webseite: 'web page',
  notizen: 'notes',
  kategorien: 'categories',
  geburtstag: 'birthday',
};

const outlookColumn = (name: string) => OUTLOOK_GERMAN_COLUMNS[name] ?? name;

/** Street, city, region, postcode and country of one of Outlook's addresses, as one line. */
function outlookAddress(cells: Map<string, string>, kind: 'business' | 'home' | 'other'): string {
  const part = (name: string) => cells.get(`${kind} ${name}`) ?? '';
  const street = [part('street'), part('street 2'), part('street 3')].filter(Boolean).join(', ');
  const lines = [street, part('city'), part('state'), part('postal code'), part('country/region') || part('country')];
  return lines.filter(Boolean).join(', ') || (cells.get(`${kind} address`) ?? '').replace(/\s*\n\s*/g, ', ');
}

// Numbers that are the person's: not their assistant's, their company's switchboard, pager or faxes.
const OUTLOOK_PHONE = /^(?!assistant|company)[a-z/ ]*phone( \d)?$/;

export function parseOutlookCsv(text: string, now: number): ImportBatch {
  const batch = emptyBatch('outlook-csv');
  const collect = contactCollector(batch, now);
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const { cells, where } of readTable(text, start, outlookColumn).rows) {
    const get = (name: string) => cells.get(name) ?? '';
    // An address inside the sender's own Exchange ("/o=ExchangeLabs/…") is not one Kith can write to.
    const emails = ['e-mail address', 'e-mail 2 address', 'e-mail 3 address'].map(get).filter((email) => email.includes('@'));
    const fullName = [get('first name'), get('middle name'), get('last name'), get('suffix')].filter(Boolean).join(' ');
    const name = fullName || get('nickname');
    const company = get('company');
    if (!name && emails.length === 0 && !company) {
      batch.skipped.push({ where, reason: 'no name, email or company' });
      continue;
    }
    const pages = sortWebPages([
      { url: get('personal web page'), work: false },
      { url: get('web page'), work: true },
    ]);
    collect(where, {
      id: newId(),
      name: name || emails[0] || company,
      title: get('job title'),
      company,
      location: [get('business city'), get('business state'), get('business country/region') || get('business country')].filter(Boolean).join(', '),
      emails,
      phones: [...cells].filter(([column, value]) => value && OUTLOOK_PHONE.test(column)).map(([, value]) => value),
      addresses: (['business', 'home', 'other'] as const).map((kind) => outlookAddress(cells, kind)).filter(Boolean),
      profileUrl: pages.profileUrl,
      tags: get('categories').split(';').map((tag) => tag.trim()).filter(Boolean),
      notes: notesWithPages(get('notes'), pages.noteLines, {
        Department: get('department'),
        Nickname: fullName ? get('nickname') : '',
        // The desktop app writes "0/0/00" (or its locale's zeros) for no birthday.
        Birthday: /[1-9]/.test(get('birthday')) ? get('birthday') : '',
      }),
    });
  }
  return batch;
}

const CSV_COLUMNS = [
  'Name',
  'Title',
  'Company',
  'Location',
  'Emails',
  'Phones',
  'Addresses',
  'Profile URL',
  'Relationship',
  'Warmth',
  'Referred by',
  'Tags',
  'Notes',
  'Last interaction',
  'Last interaction channel',
  'Last interaction summary',
] as const;

// The day as the user lived it: an evening call is not dated the next day because UTC has moved on.
const isoDate = localIsoDate;

/** A spreadsheet of contacts with their last interaction (see csvOf). */
export function exportContactsCsv(contacts: readonly Contact[], interactions: readonly Interaction[]): string {
  const last = new Map<string, Interaction>();
  for (const interaction of interactions) {
    const seen = last.get(interaction.contactId);
    if (!seen || seen.at < interaction.at) last.set(interaction.contactId, interaction);
  }
  const nameOf = new Map(contacts.map((c) => [c.id, c.name]));
  const rows = contacts.map((c) => {
    const latest = last.get(c.id);
    return [
      c.name,
      c.title,
      c.company,
      c.location,
      c.emails.join('; '),
      c.phones.join('; '),
      // An address holds commas of its own: one address per line of the cell.
      c.addresses.join('\n'),
      c.profileUrl ?? '',
      RELATIONSHIP_LABELS[c.relationship],
      c.warmth,
      (c.referredBy && nameOf.get(c.referredBy)) ?? '',
      c.tags.join('; '),
      c.notes,
      latest ? isoDate(latest.at) : c.lastInteractionAt ? isoDate(c.lastInteractionAt) : '',
      latest?.channel ?? '',
      latest?.summary ?? '',
    ];
  });
  return csvOf(CSV_COLUMNS, rows);
}

// What a spreadsheet would run as a formula: a cell starting `=`, `+`, `-`, `@`, a tab or a
// return, however many lines it has. Papaparse's own pattern for `escapeFormulae: true` ends in
// `.*$`, which does not cross a line break, so a note "=HYPERLINK(…)" with a second line went out
// as a live formula.
const FORMULA = /^[=+\-@\t\r]/;

/**
 * A file for a spreadsheet: formulas neutralised with a leading `'`, and a byte-order mark first,
 * without which Excel reads UTF-8 as the system's code page ("MÃ¼ller" for "Müller").
 */
const csvOf = (fields: readonly string[], rows: string[][]) =>
  `\uFEFF${Papa.unparse({ fields: [...fields], data: rows }, { escapeFormulae: FORMULA, newline: '\r\n' })}\r\n`;

const LOG_COLUMNS = ['Date', 'Contact', 'Channel', 'Summary', 'Received', 'Gave', 'Link'] as const;

/** The interaction log as a spreadsheet, oldest first, one row per interaction. */
export function exportInteractionsCsv(interactions: readonly Interaction[], contacts: readonly Contact[]): string {
  const nameOf = new Map(contacts.map((c) => [c.id, c.name]));
  const rows = [...interactions]
    .sort((a, b) => a.at - b.at)
    .map((i) => [isoDate(i.at), nameOf.get(i.contactId) ?? '', i.channel, i.summary, i.received.join('; '), i.gave.join('; '), i.link ?? '']);
  return csvOf(LOG_COLUMNS, rows);
}
