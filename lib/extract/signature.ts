// Selected text: "Jane Doe <jane@example.com>", a list of addresses as mail clients copy them, a
// bare address, or an email signature block (name, title and company, phone, address, links).
import type { PersonInput } from '../capture-model';
import { canonicalProfileUrl } from '../profile-url';
import { fold } from '../search';
import { cleanLine, cleanMultiline, normalizeEmail } from '../text';
import {
  GENERATION,
  addressIn,
  candidate,
  firstNameFirst,
  isNameParticle,
  isPostNominal,
  isPronouns,
  isProseWord,
  looksLikePersonName,
  nameFromAddress,
  once,
  withoutEmojiAround,
  withoutPronouns,
  writtenAsName,
  type Answers,
} from './person';

/** A selection longer than this is not a signature; only its start is read. */
const MAX_TEXT = 4000;
const MAX_LINES = 40;

// `Name <addr>`, `"Last, First" <addr>` or Outlook's unquoted `Last, First <addr>` (a surname of
// a word or two, then a comma); bounded so it stays linear on long input.
const NAMED_ADDRESS = /(?:"([^"\n]{1,200})"|((?:[^\s<>,;"@]{1,50}(?: [^\s<>,;"@]{1,50})?,\s*)?[^<>,;"\n]{0,200}?))\s*<([^<>\s]{3,254})>/g;
const BARE_ADDRESS = /^[^\s<>,;"]{1,64}@[^\s<>,;"]{1,253}$/;
// `Name (address)`, the label of a list perhaps before the first ("Speakers: Jane Doe (jane@…)").
const NAME_THEN_BRACKETED_ADDRESS = /([^()<>,;"\n@]{2,230}?)\s*\(([^()\s<>,;"]{1,64}@[^()\s<>,;"]{1,253})\)/g;
// A line that is only `Name <addr>`.
const DISPLAY_NAME = /^"?([^"<>]{2,200}?)"?\s*<[^<>]+>$/;
// A number, alone or after its label in the languages Kith's users write in: "M:", "Tel.:",
// "Tél. :", "Téléphone", "Telefon", "Teléfono", "Mobil:", "Móvil:", "Port. :", "Handy", "Cell";
// with its extension, if any ("ext. 204", "x204").
const PHONE =
  /^(?:(?:t[eé]l(?:[eé]phone|efon[eo]?|[eé]fono)?|phone|mob(?:ile?)?|m[oó]vil|handy|port(?:able)?|cel(?:l|ular|lulare)?|gsm|tlf|direct|office|fax|[tmpof])\.?\s*[:.]?\s*)?(\+?[\d\s().\/-]{7,24}(?:,?\s*(?:ext|extn|x)\.?\s*\d{1,6})?)$/i;
// A site: a link, or a domain after its label ("w: tombecker.design", "Web: acme.de").
const WEBSITE = /^(?:https?:\/\/\S+|www\.\S+|(?:w|web(?:site|seite)?|(?:site|sitio)(?: web)?|url|homepage|internet)\s*:\s*[^\s.]+\.\S+)$/i;
const PROFILE_LINK = /(?:https?:\/\/)?(?:[a-z]{2,3}\.)?linkedin\.com\/in\/[^\s/?#<>]+/i;
// Outlook's stand-in for a picture of a forwarded signature, "[cid:image001.png@01DA2B3C.4D5E6F70]":
// it holds an @ and is no address.
const INLINE_PICTURE = /\[cid:[^\]]{0,300}\]/gi;
// A message's quoted lines ("> Can we meet?") and the header lines a mail app writes above a
// forwarded or quoted message about it ("Sent: …", "Betreff: …"): no part of a signature.
const QUOTED_OR_ABOUT_MESSAGE = /^(?:>|(?:sent|subject|date|gesendet|betreff|datum|envoy[ée]|objet|enviado|asunto|fecha)\s?:)/i;
// When a message was sent, as a mail app shows it above the message ("Tue, Mar 4, 9:14 AM (2
// days ago)", "4 Mar 2025, 09:14"), and Gmail's "to me, Bob" ("an mich, …") beside it: no part of a signature.
const MESSAGE_TIME = /^(?:(?:to me|an mich|à moi|para mí|aan mij|a me)(?=,|$)|[^@\n]{0,40}\b\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?(?:\s*\([^)]{0,30}\))?$)/i;
// The header lines that name people ("From: Jane Doe <…>", "An: …", "À : …"): the label goes, the
// people stay. At the start of each line, as mail apps copy a header of several.
const PEOPLE_LABEL = /^(?:from|to|cc|bcc|von|an|de|à|para)[ \t]?:[ \t]*/gim;
const PEOPLE_LINE = /^\s*(?:from|to|cc|bcc|von|an|de|à|para)[ \t]?:/i;
// A line between a message and its signature, or between two signatures: "--", "____", "━━━━".
const SEPARATOR = /^[-–—_=━─]{2,}$/;
// A LinkedIn card selected as text: the hidden "View Lena Hartmann’s profile" runs on after the
// name, and the connection degree is a line of its own ("• 2nd", with its hidden "2nd degree
// connection" run on) or a part a bar split off ("2nd"); "2nd Line Support" is a title.
const VIEW_PROFILE = /\s*View [^\n]{1,80}?[’']s? profile$/i;
const CONNECTION_DEGREE = /^(?:[·•]\s*[123]|[123](?:st|nd|rd|th)\+?(?:$|[123]))/i;
// Japanese signatures may put the company (by its legal form) and then the department and title
// (by the word for the post) above the name.
const JAPANESE_COMPANY = /株式会社|有限会社|合同会社|[(（]株[)）]/;
const JAPANESE_TITLE = /部長|課長|社長|次長|係長|室長|主任|取締役|役員|マネージャー/;
// Closings people write above their name, in the languages Kith's users write in most: removed
// where they are a line of their own or end in punctuation ("Best regards, Jane"), so a name
// that begins like one (Kindra, Beste, Warren) is still read.
const CLOSING =
  /^(?:best|best regards|best wishes|kind regards|kindest regards|warm regards|warmest regards|warm wishes|many thanks|thanks|thanks again|thank you|cheers|regards|sincerely|yours|yours sincerely|yours truly|yours faithfully|all the best|mit freundlichen grüßen|freundliche grüße|viele grüße|beste grüße|liebe grüße|herzliche grüße|grüße|gruß|cordialement|bien cordialement|bien à vous|salutations|amitiés|saludos|saludos cordiales|un saludo|un cordial saludo|atentamente|abrazos|atenciosamente|cumprimentos|abraços|cordiali saluti|distinti saluti|saluti|met vriendelijke groet|met vriendelijke groeten|groeten|med vänliga hälsningar|vänliga hälsningar|med venlig hilsen|med vennlig hilsen|hilsen|pozdrawiam|z poważaniem|s pozdravem|с уважением|с наилучшими пожеланиями|よろしくお願い(?:いた|致)?します|此致|敬礼|مع التحيات|مع خالص التحيات|تحياتي)(?:\s*[,.!،。]+\s*|\s*$)/i;
// A line of a word or three ending in a comma (Arabic's too) is how a message is signed off in any
// language ("Pozdrawiam,", "Saludos cordiales,"), not a name, a title or a company.
const SIGN_OFF = /^[^\s@,،]+(?:\s[^\s@,،]+){0,2}[,،]$/;
// What mail apps add under a message: "Sent from my iPhone", "Enviado desde mi iPhone".
const MAIL_APP_FOOTER = /^(?:sent from my|get outlook for|enviado desde mi|envoyé de mon|von meinem|inviato da|verzonden vanaf|wysłane z)\b/i;
// Separators between a title and a company on one line: "CTO | Acme", "CTO at Acme", "CTO · Acme".
const TITLE_COMPANY = /^(.{2,150}?)\s+(\||·|•|–|—|-|@|at|bei|chez|en|presso)\s+(.{2,150})$/i;

/** Selected text as lines, without the direction marks notes keep: here they only split what they stand beside. */
const selectedLines = (text: string) => cleanMultiline(text, MAX_TEXT).replace(/[\u200E\u200F]/g, '');

/** Each address in a list like `Jane <jane@x>, "Doe, John" <john@y>; bob@z`; [] if the text is not such a list. */
export function parseAddressList(text: string): PersonInput[] {
  // A copied header's lines about the message ("Sent: …", "Subject: …") are no part of its list of people.
  const input = selectedLines(text)
    .split('\n')
    .filter((line) => !QUOTED_OR_ABOUT_MESSAGE.test(line.trim()))
    .join('\n')
    .replace(PEOPLE_LABEL, '');
  const people: PersonInput[] = [];
  let rest = input;
  for (const match of input.matchAll(NAMED_ADDRESS)) {
    const email = normalizeEmail(match[3]);
    if (!email) return [];
    const name = withoutPronouns(cleanLine(match[1] ?? match[2] ?? '', 200).replace(/^['"]|['"]$/g, ''));
    people.push(addressPerson(email, name));
    rest = rest.replace(match[0], ' ');
  }
  // "Organizers: Jane Doe (jane@…), Bob Lee (bob@…)", as a page lists people: each address in
  // brackets after its owner's name, the list's label before them.
  for (const match of rest.matchAll(NAME_THEN_BRACKETED_ADDRESS)) {
    const email = normalizeEmail(match[2]);
    const name = cleanLine(match[1], 200).replace(/^[\p{L} ]{2,30}:\s*/u, '');
    if (!email || !isFullName(name)) return [];
    people.push(addressPerson(email, name));
    rest = rest.replace(match[0], ' ');
  }
  // What is left must be bare addresses and separators, or this was prose, not a list.
  for (const part of rest.split(/[\s,;]+/).filter(Boolean)) {
    const email = BARE_ADDRESS.test(part) ? normalizeEmail(part) : undefined;
    if (!email) return [];
    people.push(addressPerson(email, ''));
  }
  return people;
}

function addressPerson(email: string, name: string): PersonInput {
  const named = name && !name.includes('@');
  return candidate('signature', {
    name: named ? { value: firstNameFirst(name), from: 'signature:display-name' } : { value: nameFromAddress(email), from: 'signature:address' },
    emails: { value: [email], from: 'signature:address' },
  })!;
}

type Line = { text: string; used: boolean };

// A word that starts as a name's does: with a capital, or in a script without case (דנה כהן, ليلى حداد).
const capitalised = (word: string) => /^[\p{Lu}\p{Lo}]/u.test(word);

/** A name of two words or more, each capitalised but for particles ("Ellen van Dijk"). */
function isFullName(text: string): boolean {
  return text.includes(' ') && looksLikePersonName(text) && writtenAsName(text);
}

/**
 * A line of a name, a comma, then what follows it ("Jane Doe, PhD, PMP", "Sam Lee, Jr.", "Lena
 * Hartmann, Head of Research"): the name, without post-nominals but with a generation, and a
 * capitalised job if one follows, or the company when what follows is the organisation of one of
 * the addresses ("Jane Doe, IBM" beside jane@ibm.com). A name of two words or more, each
 * capitalised: a line of prose does not pass.
 */
function readNameLine(text: string, emails: readonly string[]): { name: string; job?: string; company?: string } | undefined {
  const match = /^([^,]{3,80}),\s+(.{2,300})$/.exec(withoutEmojiAround(text));
  if (!match || !isFullName(match[1])) return undefined;
  let name = match[1];
  const parts = match[2].split(/\s*,\s*/);
  while (parts.length && !isOrganisationOf(parts[0], emails) && (GENERATION.test(parts[0]) || isPostNominal(parts[0]))) {
    const part = parts.shift()!;
    if (GENERATION.test(part)) name = `${name}, ${part}`;
  }
  const job = parts.join(', ');
  if (!job) return { name };
  if (isOrganisationOf(job, emails)) return { name, company: job };
  return capitalised(job) ? { name, job } : undefined;
}

// A legal form after a company's name, left off when the name is compared with a domain.
const LEGAL_FORM = /,?\s+(?:inc|llc|ltd|limited|gmbh|ag|sa|sas|srl|bv|nv|plc|corp|corporation|company|co)\.?$/i;

/**
 * Whether `name` is the organisation of one of the addresses: Northwind of northwind.com or
 * mail.northwind.co.uk, with or without its legal form.
 */
function isOrganisationOf(name: string, emails: readonly string[]): boolean {
  // With its legal form too: Fast Company is fastcompany.com.
  const keys = [name.replace(LEGAL_FORM, ''), name].map((form) => fold(form).replace(/[^a-z0-9]/g, '')).filter((key) => key.length >= 2);
  const ofDomain = (email: string) =>
    email
      .slice(email.lastIndexOf('@') + 1)
      .split('.')
      .slice(0, -1)
      .some((label) => keys.includes(label.replace(/-/g, '')));
  return emails.some(ofDomain);
}

/**
 * "Head of Operations, Northwind" as [title, company], when what follows the last comma is the
 * organisation of one of the addresses. A comma alone does not tell a company from the rest of a
 * title ("VP, Sales"); the person's own domain does.
 */
function titleCommaCompany(line: string, emails: readonly string[]): [string, string] | undefined {
  const comma = line.lastIndexOf(',');
  if (comma < 0) return undefined;
  const title = line.slice(0, comma).trim();
  const company = line.slice(comma + 1).trim();
  return title && isOrganisationOf(company, emails) ? [title, company] : undefined;
}

// Where a place line ends: a country, or a state's or country's two-letter code ("CA", "UK").
// Companies have commas too ("Paul, Weiss"; "Acme, S.A."): a place is known by its last part.
const COUNTRY_OR_REGION =
  /^(?:[A-Z]{2}|USA|United States|United Kingdom|England|Scotland|Wales|Ireland|Canada|Mexico|Brazil|Argentina|Chile|Colombia|Peru|Germany|Deutschland|France|Spain|España|Portugal|Italy|Italia|Netherlands|Belgium|Switzerland|Schweiz|Suisse|Austria|Österreich|Denmark|Sweden|Sverige|Norway|Norge|Finland|Poland|Polska|Czechia|Czech Republic|Hungary|Romania|Greece|Turkey|Türkiye|Israel|Egypt|Nigeria|Kenya|Ghana|South Africa|Morocco|India|Pakistan|Bangladesh|Sri Lanka|China|Japan|Korea|South Korea|Taiwan|Hong Kong|Singapore|Malaysia|Indonesia|Philippines|Thailand|Vietnam|Australia|New Zealand|UAE|United Arab Emirates|Saudi Arabia|Qatar|Ukraine|Estonia|Latvia|Lithuania|Iceland|Luxembourg|Slovakia|Slovenia|Croatia|Serbia|Bulgaria)$/;

/**
 * "Berlin, Germany", "San Francisco, CA": two or three parts of capitalised words ending in a
 * country or region; a company's name with a comma ("Acme, Inc.", "Paul, Weiss") is not one.
 */
function isPlace(text: string): boolean {
  const parts = text.split(', ');
  if (parts.length < 2 || parts.length > 3 || text.includes('&') || !COUNTRY_OR_REGION.test(parts[parts.length - 1])) return false;
  return parts.every((part) => capitalised(part) && looksLikePersonName(part) && !LEGAL_FORM.test(` ${part}`));
}

/**
 * Text that passes for a name but is a line of the message ("See you Thursday!", "Talk to you
 * soon": a question or an exclamation, or no fewer words in lower case than capitalised), or a
 * Japanese company or title.
 */
function isNotName(text: string): boolean {
  if (/[!?]$/.test(text) || JAPANESE_COMPANY.test(text) || JAPANESE_TITLE.test(text)) return true;
  let upper = 0;
  let lower = 0;
  for (const word of text.split(' ')) {
    if (isProseWord(word)) return true;
    // Scripts without case (山田 太郎) count as neither; "d'Arcy" is not in lower case.
    if (word[0] !== word[0].toLowerCase()) upper += 1;
    else if (word !== word.toUpperCase() && word === word.toLowerCase() && !isNameParticle(word)) lower += 1;
  }
  return upper > 0 && lower >= upper;
}

/**
 * A name, a comma and words in lower case that are no part of a name ("By Jane Roe, staff
 * writer" over an article), where a directory's "Doe, Jane A." or a credential ("Jane Doe, PhD")
 * has none.
 */
function isNameAndProse(text: string): boolean {
  const comma = text.indexOf(',');
  return comma !== -1 && text.slice(comma + 1).split(' ').some((word) => /^\p{Ll}/u.test(word) && !isNameParticle(word));
}

/** Names with commas between them ("Jane Doe, Bob"), not one name and its generation or credential ("Sam Lee, Jr."). */
function isNameList(text: string): boolean {
  const last = text.slice(text.lastIndexOf(',') + 1).trim();
  return text.includes(',') && !GENERATION.test(last) && !isPostNominal(last);
}

// Words before an address in a line that are not the name: the time of a reply's header.
const MERIDIEM = new Set(['am', 'pm']);

/**
 * The capitalised words just before the address in a line with more than `Name <addr>`, as a
 * reply's header writes it: "On Tue, Mar 4, 2025 at 9:14 AM Jane Doe <jane@x> wrote:", "Am Di.,
 * 4. März 2025 um 09:14 Uhr schrieb Lena Hartmann <l.hartmann@x>:".
 */
function nameBeforeAddress(text: string): string | undefined {
  const at = text.indexOf('<');
  if (at < 0) return undefined;
  const before = text.slice(0, at);
  const words = before.slice(before.lastIndexOf(',') + 1).split(/\s+/).filter(Boolean);
  let start = words.length;
  while (start > 0) {
    const word = words[start - 1];
    // Capitalised, or in a script without case (山田 太郎), or a particle.
    const nameWord = (word[0] === word[0].toUpperCase() || isNameParticle(word)) && !/[\d:]/.test(word) && !MERIDIEM.has(word.toLowerCase());
    if (!nameWord) break;
    start -= 1;
  }
  // A particle begins no name: "… schreef Jan de Vries".
  while (start < words.length && isNameParticle(words[start])) start += 1;
  const name = words.slice(start).join(' ');
  return words.length - start >= 2 && looksLikePersonName(name) ? name : undefined;
}

/**
 * The full name just before a bare address on its line: "Jane Doe jane@x.com", "Jane Doe:
 * jane@x.com", "Jane Doe (jane@x.com)", "Jane Doe - jane@x.com". Prose before an address ("Write
 * to me at …") is no full name.
 */
function nameBeforeBareAddress(text: string): string | undefined {
  // `Name <address>` is the display name's, or a header's (nameBeforeAddress).
  if (text.includes('<')) return undefined;
  const at = text.indexOf('@');
  const before = text
    .slice(0, text.lastIndexOf(' ', at) + 1)
    .replace(/[\s:,;(\[–—-]+$/, '')
    // Whose the person is, before their name: "Assistant: Mary Poppins mary@…".
    .replace(/^[\p{L} ]{2,30}:\s+/u, '');
  // A label is no name: "Work Email: …", "Reply To …", "New York Office: …".
  if (before.includes(',') || before.split(' ').some((word) => addressLabelWords().has(word.toLowerCase()))) return undefined;
  return isFullName(before) ? before : undefined;
}

// Built on first use: the mail readers load this module on every message.
const addressLabelWords = /* @__PURE__ */ once(
  () => new Set(['email', 'e-mail', 'mail', 'reply', 'to', 'office', 'team', 'desk', 'enquiries', 'inquiries', 'contact', 'support', 'general', 'direct', 'personal', 'work', 'my']),
);

/**
 * The selection's lines as a signature reads them, in runs that blank lines and separator lines
 * ("--") part. Closings, sign-offs, mail apps' footers, a copied message's quoted lines, header
 * lines and time, pronouns and LinkedIn's badges are left out, and each part between bars or
 * dashes is a line of its own: "John Smith | Engineer | Acme", "Jane Doe – Head of Design – Acme",
 * "Jane Doe - VP Sales - Acme".
 */
function lineRuns(selection: string): string[][] {
  const runs: string[][] = [[]];
  for (const raw of selectedLines(selection).split('\n')) {
    const line = cleanLine(raw.replace(INLINE_PICTURE, ''), 300);
    if (!line || SEPARATOR.test(line)) {
      if (runs[runs.length - 1].length) runs.push([]);
      continue;
    }
    const kept = line.replace(CLOSING, '');
    if (SIGN_OFF.test(kept) || MAIL_APP_FOOTER.test(kept) || QUOTED_OR_ABOUT_MESSAGE.test(kept) || MESSAGE_TIME.test(kept)) continue;
    for (const part of kept.replace(PEOPLE_LABEL, '').split(/\s+[|·•–—-]\s+/)) {
      // Pronouns beside the name ("Jane Doe (she/her)", "Jane Doe | she/her") are neither part
      // of it nor a title.
      const text = isPronouns(part) || CONNECTION_DEGREE.test(part) ? '' : withoutPronouns(part.replace(VIEW_PROFILE, ''));
      if (text) runs[runs.length - 1].push(text);
    }
  }
  return runs;
}

/**
 * Whether `line` names the person whose address `email` is: a name of two words or more before
 * its address ("Reyes, Ava <ava@…>", as a copied header lists people), or alone or before a
 * comma with one of its words in the address ("John Roe" and john@acme.com).
 */
function namesOwnerOf(line: string, email: string | undefined): boolean {
  if (!email) return false;
  const display = DISPLAY_NAME.exec(line)?.[1];
  if (display) return isFullName(firstNameFirst(display.trim()));
  const name = nameBeforeBareAddress(line) ?? line.split(',')[0];
  if (!isFullName(name)) return false;
  const local = fold(email.slice(0, email.indexOf('@')));
  return name.split(' ').some((word) => word.length >= 2 && local.includes(fold(word)));
}

/**
 * Each person's lines in a selection. Signatures selected together part at blank lines and
 * "--" lines, and where, below an address, a line names the owner of the next address: copied
 * from <div>s, they have no blank line between them. Lines with no address among them (a
 * sign-off, the message's last words, a name above a blank line) belong to the signature below;
 * those after the last address, to the one above.
 */
function signatures(selection: string): string[][] {
  const pieces: { lines: string[]; addressed: boolean }[] = [];
  for (const run of lineRuns(selection)) {
    const own = run.map((line) => (line.includes('@') ? addressIn(line) : undefined));
    const next = [...own];
    for (let index = next.length - 2; index >= 0; index -= 1) next[index] ??= next[index + 1];
    let piece = { lines: [] as string[], addressed: false };
    for (const [index, line] of run.entries()) {
      if (piece.addressed && namesOwnerOf(line, next[index])) {
        pieces.push(piece);
        piece = { lines: [], addressed: false };
      }
      piece.lines.push(line);
      piece.addressed ||= own[index] !== undefined;
    }
    pieces.push(piece);
  }
  const people: string[][] = [];
  let unaddressed: string[] = [];
  for (const piece of pieces) {
    if (!piece.addressed) {
      unaddressed.push(...piece.lines);
      continue;
    }
    people.push([...unaddressed, ...piece.lines]);
    unaddressed = [];
  }
  if (people.length) people[people.length - 1].push(...unaddressed);
  else if (unaddressed.length) people.push(unaddressed);
  return people;
}

/** One person from a signature's lines, or undefined when no line names anyone. */
function readSignature(texts: readonly string[]): PersonInput | undefined {
  const lines: Line[] = texts.slice(0, MAX_LINES).map((text) => ({ text, used: false }));
  const answers: Answers = {};
  const emails: string[] = [];
  const phones: string[] = [];
  let nameAt = -1;
  // Named in a reply's header ("On … Jane Doe <…> wrote:"), what follows is the message, not a signature.
  let namedInHeader = false;
  for (const [index, line] of lines.entries()) {
    const profile = PROFILE_LINK.exec(line.text);
    if (profile && !answers.profileUrl) {
      const url = canonicalProfileUrl(/^https?:/i.test(profile[0]) ? profile[0] : `https://${profile[0]}`);
      if (url) answers.profileUrl = { value: url, from: 'signature:linkedin-link' };
      line.used = true;
      continue;
    }
    const email = line.text.includes('@') ? addressIn(line.text) : undefined;
    if (email) {
      emails.push(email);
      if (nameAt < 0) {
        const display = DISPLAY_NAME.exec(line.text)?.[1];
        const shown = display && looksLikePersonName(display) ? firstNameFirst(display) : undefined;
        const header = shown && !isNameList(shown) ? undefined : nameBeforeAddress(line.text);
        // A name before a bare address only on the first line: below it, the address line is a
        // signature's, under the name line.
        const name = (shown && !isNameList(shown) ? shown : header) ?? (index === 0 ? nameBeforeBareAddress(line.text) : undefined);
        if (name) {
          answers.name = { value: name, from: 'signature:display-name' };
          nameAt = index;
          namedInHeader = name === header;
        }
      }
      line.used = true;
      continue;
    }
    const phone = PHONE.exec(line.text);
    if (phone && (phone[1].match(/\d/g)?.length ?? 0) >= 7) {
      // The full stop of a sentence that ends in the number is not part of it.
      phones.push(cleanLine(phone[1], 64).replace(/[\s./-]+$/, ''));
      line.used = true;
    } else if (WEBSITE.test(line.text)) {
      line.used = true;
    }
  }
  if (emails.length) answers.emails = { value: emails, from: 'signature:address' };
  if (phones.length) answers.phones = { value: phones, from: 'signature:phone' };

  // What they do, when it shares the name's line ("Lena Hartmann, Head of Research").
  let jobOnNameLine: string | undefined;
  if (nameAt < 0) {
    // The first line that reads as a name. One that only passes for one ("See you Thursday!",
    // "About the author", "Monday to Friday") names nobody: without a name line, the address
    // names them, and prose selected with none is no one's.
    nameAt = lines.findIndex((l) => !l.used && (readNameLine(l.text, emails) || (looksLikePersonName(l.text) && !isNotName(l.text) && !isNameAndProse(l.text))));
    const first = lines[nameAt]?.text ?? '';
    const named = readNameLine(first, emails);
    if (named) {
      answers.name = { value: named.name, from: 'signature:name-line' };
      jobOnNameLine = named.job;
      if (named.company) answers.company = { value: named.company, from: 'signature:name-line' };
    } else if (nameAt >= 0) {
      // "Cheers, / Tom / Tom Becker" or "Best, / Sam / Samuel Ortiz": a first name signed under the
      // closing, the full name below it.
      const signedAt = nameAt;
      const fuller = first.includes(' ') ? -1 : lines.findIndex((l, i) => i > signedAt && !l.used && l.text.startsWith(first) && l.text.includes(' ') && looksLikePersonName(l.text));
      if (fuller > 0) nameAt = fuller;
      // A directory's order, "Doe, Jane", as people say it; not a sign-off with a company ("Jane, Acme Corp").
      const text = lines[nameAt].text;
      answers.name = { value: /^[^,\s]+, [^,\s]+$/.test(text) ? firstNameFirst(text) : text, from: 'signature:first-name-line' };
    }
  }
  if (nameAt >= 0) {
    const above = lines.slice(0, nameAt).filter((l) => !l.used).map((l) => l.text);
    const companyAbove = above.find((text) => JAPANESE_COMPANY.test(text));
    const titleAbove = above.find((text) => JAPANESE_TITLE.test(text));
    if (companyAbove || titleAbove) {
      if (titleAbove) answers.title = { value: titleAbove, from: 'signature:title-line' };
      if (companyAbove) answers.company = { value: companyAbove, from: 'signature:company-line' };
    } else if (!namedInHeader) {
      readJobBelow(lines.slice(nameAt + 1).filter((l) => !l.used).map((l) => l.text), jobOnNameLine, emails, answers);
    }
  } else if (emails[0]) {
    answers.name = { value: nameFromAddress(emails[0]), from: 'signature:address' };
  }
  return candidate('signature', answers);
}

/** Title, company and place from the lines below the name, the job on the name's line first. */
function readJobBelow(below: readonly string[], jobOnNameLine: string | undefined, emails: readonly string[], answers: Answers): void {
  const [titleLine, ...rest] = jobOnNameLine ? [jobOnNameLine, ...below] : below;
  const bySeparator = titleLine ? TITLE_COMPANY.exec(titleLine) : null;
  // A street address starts with a number, and a place has a comma between its parts ("Berlin,
  // Germany"); a company rarely does either.
  // A team's line may come between the title and the company: the address's domain tells them apart.
  const companyLine = rest.slice(0, 2).find((line) => isOrganisationOf(line, emails)) ?? rest[0];
  const companyBelow = companyLine && !/^\d/.test(companyLine) && !isPlace(companyLine) ? companyLine : undefined;
  // Spanish "en" is "at" a company and "in" a field ("Especialista en Marketing"): with a
  // company on the line below, the line is a title whole.
  const inAField = bySeparator?.[2].toLowerCase() === 'en' && companyBelow !== undefined;
  const split = inAField ? undefined : bySeparator ? [bySeparator[1], bySeparator[3]] : titleLine ? titleCommaCompany(titleLine, emails) : undefined;
  if (split) {
    answers.title = { value: split[0], from: 'signature:title-line' };
    answers.company = { value: split[1], from: 'signature:title-line' };
  } else if (titleLine) {
    answers.title = { value: titleLine, from: 'signature:title-line' };
    // A company named beside the name stays: the line below may be an address or a team.
    if (companyBelow && !answers.company) answers.company = { value: companyBelow, from: 'signature:company-line' };
  }
  const place = rest.find(isPlace);
  if (place) answers.location = { value: place, from: 'signature:place-line' };
}

/**
 * People in a table's rows, as a page copies them (cells apart by tabs, a row a line): a person
 * for each row with an address, its cells read as a signature's lines. A row without one is the
 * header ("Name  Role  Email"), which read as a signature would name the first person "Name".
 * Undefined when the text is no table of addresses.
 */
function tableRows(text: string): PersonInput[] | undefined {
  const rows = text.split(/\r\n?|\n/).filter((row) => row.includes('\t'));
  const addressed = rows.filter((row) => row.includes('@'));
  // One address among the rows is one person laid out in a table (a signature in two columns,
  // "Name / Email" pairs): a signature's reading knows those. But one row alone is a row of a
  // table ("Amir Nasser⇥CTO⇥amir@…"): its cells are its lines.
  const oneRow = rows.length === 1 && addressed.length === 1 && !text.trim().includes('\n');
  if (addressed.length < 2 && !oneRow) return undefined;
  return addressed.flatMap((row) => {
    const cells = row.split('\t').map((cell) => cell.trim());
    // A spreadsheet's given and family names in two columns are one name.
    const [first, second] = cells;
    const named = first && second && !first.includes(' ') && !second.includes(' ') && isFullName(`${first} ${second}`) ? [`${first} ${second}`, ...cells.slice(2)] : cells;
    return readSignature(lineRuns(named.join('\n')).flat()) ?? [];
  });
}

/**
 * People in selected text: an address list gives one person per address, a table one per row;
 * anything else is read as signatures, a person each.
 */
export function parseSignature(text: string): PersonInput[] {
  const list = parseAddressList(text);
  if (list.length > 1 || (list.length === 1 && !text.trim().includes('\n'))) return list;
  // A copied message's header names a person for each address of its "From:", "To:" and "Cc:"
  // lines; read with the message below as a signature's lines, they all went to its sender.
  const lines = text.split(/\r\n?|\n/);
  const headerPeople = lines.map((line) => (PEOPLE_LINE.test(line) ? parseAddressList(line) : []));
  const rest = lines.filter((_, i) => headerPeople[i].length === 0).join('\n');
  const people = withSignersOfHeader(headerPeople.flat(), tableRows(rest) ?? signatures(rest).flatMap((lines) => readSignature(lines) ?? []));
  return people.length ? people : list;
}

/**
 * The people of a header and of the message below it, where a signature with no address of its
 * own is the sender's, named in the header: one person, their address from the header and their
 * job from the signature.
 */
function withSignersOfHeader(header: PersonInput[], below: PersonInput[]): PersonInput[] {
  const signers = below.filter((person) => {
    if (person.emails?.length || person.profileUrl) return true;
    const named = header.find((other) => other.name?.toLowerCase() === person.name?.toLowerCase());
    if (!named) return true;
    for (const field of ['title', 'company', 'location', 'phones'] as const) {
      if (named[field] !== undefined || person[field] === undefined) continue;
      Object.assign(named, { [field]: person[field] });
      named.fieldSources = { ...named.fieldSources, [field]: person.fieldSources?.[field] };
    }
    return false;
  });
  return [...header, ...signers];
}
