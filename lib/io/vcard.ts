// vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350) in, vCard 4.0 out. ical.js parses each card
// (escaping, quoted and multi-valued parameters, grouped properties like `item1.EMAIL`,
// structured N/ORG/ADR); this file finds the cards with their line numbers first, so a broken
// file is reported by line, unfolds them, has vcard21.ts rewrite 2.1 as 3.0, and maps
// properties to contacts.
import ICAL from 'ical.js';
import { type Contact, Id, newId } from '../model';
import { type FileFields, type ImportBatch, ImportError, contactCollector, emptyBatch } from './batch';
import { contentLines, escapeText, paramValue, unescapeText } from './content-lines';
import { continuesQuotedPrintable, isBase64Property, toVcard3Line } from './vcard21';
import { notesWithPages, sortWebPages } from './web-pages';

type JCardProperty = [name: string, params: Record<string, unknown>, type: string, ...values: unknown[]];

const PROPERTY_LINE = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)?[;:]/;

/**
 * The cards of a file with the line each starts on, unfolded and rewritten as vCard 3.0 where
 * they were 2.1; structure errors name their line.
 */
function splitCards(text: string): { text: string; line: number }[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const cards: { text: string; line: number }[] = [];
  let card: string[] | undefined;
  let startLine = 0;
  let inBase64 = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const lineNo = i + 1;
    if (line === '') {
      inBase64 = false;
      continue;
    }
    if (line[0] === ' ' || line[0] === '\t') {
      if (!card) throw new ImportError(`Line ${lineNo}`, 'a continuation line outside a card');
      if (card.length > 0) card[card.length - 1] += line.slice(1);
      continue;
    }
    // Hand-edited files leave spaces after a card's first and last lines.
    const upper = line.trimEnd().toUpperCase();
    if (inBase64 && !PROPERTY_LINE.test(line)) continue; // a 2.1 blob's unindented lines
    inBase64 = false;
    if (upper === 'BEGIN:VCARD') {
      if (card) throw new ImportError(`Line ${lineNo}`, `a card starts before the card on line ${startLine} ends`);
      card = [];
      startLine = lineNo;
    } else if (upper === 'END:VCARD') {
      if (!card) throw new ImportError(`Line ${lineNo}`, 'END:VCARD without BEGIN:VCARD');
      // Every card, whatever its VERSION: a 3.0 or 4.0 line has nothing of 2.1 and passes as it is,
      // and some files that say 3.0 are 2.1 inside (phone backups, 2.1 files with the version edited).
      const properties = card.map(toVcard3Line).filter((property) => property !== undefined);
      cards.push({ text: ['BEGIN:VCARD', ...properties, 'END:VCARD'].join('\r\n'), line: startLine });
      card = undefined;
    } else if (!card) {
      throw new ImportError(`Line ${lineNo}`, 'text outside BEGIN:VCARD … END:VCARD');
    } else if (!PROPERTY_LINE.test(line)) {
      throw new ImportError(`Line ${lineNo}`, 'not a vCard property (NAME:value)');
    } else {
      let property = line;
      while (continuesQuotedPrintable(property) && i + 1 < lines.length && !/^END:VCARD\s*$/i.test(lines[i + 1])) {
        property = property.slice(0, -1) + lines[++i];
      }
      inBase64 = isBase64Property(property);
      card.push(property);
    }
  }
  if (card) throw new ImportError(`Line ${startLine}`, 'the card that starts here never ends (no END:VCARD)');
  if (cards.length === 0) throw new ImportError('Line 1', 'no BEGIN:VCARD found');
  return cards;
}

/**
 * ical.js unescapes `\,` and `\\` in text but leaves `\;` in single values, which RFC 6350's
 * ESCAPED-CHAR (and every vCard 3.0 writer) uses.
 */
const text = (value: unknown): string => (typeof value === 'string' ? value.replace(/\\;/g, ';') : '');

/** A part of a structured value (N, ORG, ADR), which ical.js hands over wholly unescaped. */
const part = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The whole text of a property ical.js splits at unescaped commas (a 3.0 NOTE), which writers
 * that do not escape them (Android, Outlook's 2.1) mean as commas.
 */
const wholeText = (property: JCardProperty): string => property.slice(3).map(text).join(',');

const isWork = (params: Record<string, unknown>): boolean =>
  [params.type].flat().some((types) => typeof types === 'string' && types.split(',').some((type) => /^\s*work\s*$/i.test(type)));

/** Google Contacts' own groups, which its vCards list as categories and its CSVs mark with `*`: not the user's labels. */
const GOOGLE_SYSTEM_GROUPS = new Set(['myContacts', 'starred']);

// Kith writes its ids, random UUIDs, as UIDs (exportVcards). Other tools number their cards
// ("1", "2", …) or use their own keys, which are nobody's id here: trusted, card 1 of one address
// book would be merged into card 1 of another.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A card that lists a group (KIND:group; Apple's 3.0 cards say X-ADDRESSBOOKSERVER-KIND). */
const isGroup = (properties: JCardProperty[]) =>
  properties.some(([name, , , value]) => (name === 'kind' || name === 'x-addressbookserver-kind') && typeof value === 'string' && value.trim().toLowerCase() === 'group');

/** The card's fields, or undefined for a card with nothing to name anyone by. */
function toContact(properties: JCardProperty[], fallbackId: string): FileFields | undefined {
  const all = (name: string) => properties.filter((p) => p[0] === name);
  const first = (name: string) => all(name)[0];
  const n = first('n')?.[3];
  const nameFromN = Array.isArray(n) ? [n[3], n[1], n[2], n[0], n[4]].map(part).filter(Boolean).join(' ') : part(n);
  const org = first('org')?.[3];
  const company = Array.isArray(org) ? part(org[0]) : part(org);
  const pages = sortWebPages([...all('url'), ...all('x-socialprofile')].map((p) => ({ url: text(p[3]), work: isWork(p[1]) })));
  const uid = text(first('uid')?.[3]).replace(/^urn:uuid:/i, '');
  // A blank line of a card (`EMAIL;TYPE=INTERNET:`) says nothing, as a blank cell does.
  const emails = all('email').map((p) => text(p[3])).filter((email) => email.trim());
  const phones = all('tel').map((p) => text(p[3]).replace(/^tel:/i, '')).filter((phone) => phone.trim());
  // A card without FN or N (a phone's "Mum's mobile" saved as a number, a firm's address) is
  // listed by what it has, as address books list it and as the Google and Outlook files are read.
  const fn = text(first('fn')?.[3]) || nameFromN;
  const nicknames = all('nickname').flatMap((p) => p.slice(3).map(text)).filter(Boolean).join(', ');
  const name = fn || nicknames || emails.find(Boolean) || company || phones.find(Boolean) || pages.profileUrl || '';
  if (!name) return undefined;
  return {
    id: UUID.test(uid) && Id.safeParse(uid).success ? uid : fallbackId,
    name,
    title: text(first('title')?.[3]),
    company,
    // Kith's own property, which ical.js hands over as written, escapes and all.
    location: unescapeText(String(first('x-kith-location')?.[3] ?? '')),
    emails,
    phones,
    addresses: all('adr').map((p) => {
      const label = p[1].label;
      if (typeof label === 'string' && label) return label.replace(/\s*\n\s*/g, ', ');
      const parts = Array.isArray(p[3]) ? p[3] : [p[3]];
      return parts.flat().map(part).filter(Boolean).join(', ');
    }),
    profileUrl: pages.profileUrl,
    tags: all('categories').flatMap((p) => p.slice(3).map(text)).filter((tag) => !GOOGLE_SYSTEM_GROUPS.has(tag)),
    notes: notesWithPages(all('note').map(wholeText).join('\n\n'), pages.noteLines, {
      Department: Array.isArray(org) ? org.slice(1).map(part).filter(Boolean).join(', ') : '',
      Nickname: fn ? nicknames : '',
      Birthday: text(first('bday')?.[3]),
    }),
  };
}

// REV as written, in vCard's basic ("20261122T090000Z") or extended ("2026-11-22T09:00:00Z")
// form; ical.js garbles the extended one in a 4.0 card.
const REV = /^(?:[A-Za-z0-9-]+\.)?REV(?:;[^:]*)?:(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})?)?/im;

/** When the card says it last changed, as UTC; undefined when it does not say, or not readably. */
function revisionOf(card: string): number | undefined {
  const fields = REV.exec(card)?.slice(1).map((digits) => Number(digits ?? 0));
  if (!fields) return undefined;
  const [year, month, day, hours, minutes, seconds] = fields;
  const at = Date.UTC(year, month - 1, day, hours, minutes, seconds);
  return Number.isFinite(at) && new Date(at).getUTCDate() === day ? at : undefined;
}

export function parseVcards(input: string, now: number): ImportBatch {
  const batch = emptyBatch('vcard');
  const collect = contactCollector(batch, now);
  splitCards(input).forEach((card, index) => {
    const where = `Card ${index + 1} (line ${card.line})`;
    let parsed: unknown;
    try {
      parsed = ICAL.parse(card.text);
    } catch (error) {
      throw new ImportError(where, error instanceof Error ? error.message : String(error));
    }
    const component = (Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed) as [string, JCardProperty[]];
    if (isGroup(component[1])) {
      batch.skipped.push({ where, reason: 'a group of contacts, not a person' });
      return;
    }
    const fields = toContact(component[1], newId());
    if (fields) collect(where, fields, revisionOf(card.text));
    else batch.skipped.push({ where, reason: 'no name, email, phone, company or website' });
  });
  return batch;
}

const dateTime = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * An address as one line, in the label and the street part. ical.js reads `\\`, `\n` and `\,` in
 * a parameter as escapes, which RFC 6868 has none of, and takes an escaped backslash before `;`
 * for an escaped `;`: an address with a backslash goes without its label, and the street is the
 * last part written.
 */
function adrLine(address: string): string {
  const street = escapeText(address);
  return address.includes('\\') ? `ADR:;;${street}` : `ADR;LABEL=${paramValue(address)}:;;${street};;;;`;
}

/**
 * The tags in one CATEGORIES line, or where one ends in a backslash, which ical.js would run into
 * the next tag, each on a line of its own.
 */
function categoriesLines(tags: readonly string[]): string[] {
  if (tags.length === 0) return [];
  const lines = tags.some((tag) => tag.endsWith('\\')) ? tags.map((tag) => [tag]) : [tags];
  return lines.map((line) => `CATEGORIES:${line.map(escapeText).join(',')}`);
}

/** vCard 4.0: one card per contact, with Kith's id as UID so re-importing merges instead of duplicating. */
export function exportVcards(contacts: readonly Contact[]): string {
  let out = '';
  for (const c of contacts) {
    const lines = ['BEGIN:VCARD', 'VERSION:4.0', `UID:${escapeText(c.id)}`, `FN:${escapeText(c.name)}`];
    if (c.company) lines.push(`ORG:${escapeText(c.company)}`);
    if (c.title) lines.push(`TITLE:${escapeText(c.title)}`);
    c.emails.forEach((email, i) => lines.push(`EMAIL${i === 0 ? ';PREF=1' : ''}:${escapeText(email)}`));
    for (const phone of c.phones) lines.push(`TEL;VALUE=text:${escapeText(phone)}`);
    for (const address of c.addresses) lines.push(adrLine(address));
    if (c.location) lines.push(`X-KITH-LOCATION:${escapeText(c.location)}`);
    if (c.profileUrl) lines.push(`URL:${c.profileUrl}`);
    lines.push(...categoriesLines(c.tags));
    if (c.notes) lines.push(`NOTE:${escapeText(c.notes)}`);
    lines.push(`REV:${dateTime(c.updatedAt)}`, 'END:VCARD');
    out += contentLines(lines);
  }
  return out;
}
