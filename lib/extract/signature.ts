// Selected text: "Jane Doe <jane@example.com>", a list of addresses as mail clients copy them, a
// bare address, or an email signature block (name, title and company, phone, address, links).
import type { PersonInput } from '../capture-model';
import { canonicalProfileUrl } from '../profile-url';
import { fold } from '../search';
import { cleanLine, cleanMultiline, normalizeEmail } from '../text';
import {
  GENERATION,
  NAME_PARTICLES,
  addressIn,
  candidate,
  firstNameFirst,
  isPostNominal,
  isPronouns,
  looksLikePersonName,
  nameFromAddress,
  withoutPronouns,
  type Answers,
} from './person';

/** A selection longer than this is not a signature; only its start is read. */
const MAX_TEXT = 4000;
const MAX_LINES = 40;

// `Name <addr>` or `"Last, First" <addr>`; bounded so it stays linear on long input.
const NAMED_ADDRESS = /(?:"([^"\n]{1,200})"|([^<>,;"\n]{0,200}?))\s*<([^<>\s]{3,254})>/g;
const BARE_ADDRESS = /^[^\s<>,;"]{1,64}@[^\s<>,;"]{1,253}$/;
const PHONE = /^(?:(?:tel|phone|mobile|mob|cell|direct|office|fax|[tmpof])\.?\s*[:.]?\s*)?(\+?[\d\s().\/-]{7,24})$/i;
const URL_LIKE = /^(?:https?:\/\/|www\.)\S+$/i;
const PROFILE_LINK = /(?:https?:\/\/)?(?:[a-z]{2,3}\.)?linkedin\.com\/in\/[^\s/?#<>]+/i;
// Closings people write above their name, in the languages Kith's users write in most: removed
// where they are a line of their own or end in punctuation ("Best regards, Jane"), so a name
// that begins like one (Kindra, Beste, Warren) is still read.
const CLOSING =
  /^(?:best|best regards|best wishes|kind regards|kindest regards|warm regards|warmest regards|warm wishes|many thanks|thanks|thanks again|thank you|cheers|regards|sincerely|yours|yours sincerely|yours truly|yours faithfully|all the best|mit freundlichen grüßen|freundliche grüße|viele grüße|beste grüße|liebe grüße|herzliche grüße|grüße|gruß|cordialement|bien cordialement|bien à vous|salutations|amitiés|saludos|saludos cordiales|un saludo|un cordial saludo|atentamente|abrazos|atenciosamente|cumprimentos|abraços|cordiali saluti|distinti saluti|saluti|met vriendelijke groet|met vriendelijke groeten|groeten|med vänliga hälsningar|vänliga hälsningar|med venlig hilsen|med vennlig hilsen|hilsen|pozdrawiam|z poważaniem|s pozdravem|с уважением|с наилучшими пожеланиями)(?:\s*[,.!]+\s*|\s*$)/i;
// A line of a word or three ending in a comma is how a message is signed off in any language
// ("Pozdrawiam,", "Saludos cordiales,"), not a name, a title or a company.
const SIGN_OFF = /^[^\s@,]+(?:\s[^\s@,]+){0,2},$/;
// What mail apps add under a message: "Sent from my iPhone", "Enviado desde mi iPhone".
const MAIL_APP_FOOTER = /^(?:sent from my|get outlook for|enviado desde mi|envoyé de mon|von meinem|inviato da|verzonden vanaf|wysłane z)\b/i;
// Separators between a title and a company on one line: "CTO | Acme", "CTO at Acme", "CTO · Acme".
const TITLE_COMPANY = /^(.{2,150}?)\s+(\||·|•|–|—|-|@|at|bei|chez|en|presso)\s+(.{2,150})$/i;

/** Each address in a list like `Jane <jane@x>, "Doe, John" <john@y>; bob@z`; [] if the text is not such a list. */
export function parseAddressList(text: string): PersonInput[] {
  const input = cleanMultiline(text, MAX_TEXT);
  const people: PersonInput[] = [];
  let rest = input;
  for (const match of input.matchAll(NAMED_ADDRESS)) {
    const email = normalizeEmail(match[3]);
    if (!email) return [];
    const name = withoutPronouns(cleanLine(match[1] ?? match[2] ?? '', 200).replace(/^['"]|['"]$/g, ''));
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

/**
 * A line of a name, a comma, then what follows it ("Jane Doe, PhD, PMP", "Sam Lee, Jr.", "Lena
 * Hartmann, Head of Research"): the name, without post-nominals but with a generation, and a
 * capitalised job if one follows, or the company when what follows is the organisation of one of
 * the addresses ("Jane Doe, IBM" beside jane@ibm.com). A name of two words or more, each
 * capitalised: a line of prose does not pass.
 */
function readNameLine(text: string, emails: readonly string[]): { name: string; job?: string; company?: string } | undefined {
  const match = /^([^,]{3,80}),\s+(.{2,300})$/.exec(text);
  if (!match || !looksLikePersonName(match[1])) return undefined;
  const words = match[1].split(' ');
  const capitalised = (word: string) => /^\p{Lu}/u.test(word);
  if (words.length < 2 || !words.every((word) => capitalised(word) || NAME_PARTICLES.has(word))) return undefined;
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
const LEGAL_FORM = /,?\s+(?:inc|llc|ltd|limited|gmbh|ag|sa|sas|srl|bv|nv|plc|corp)\.?$/i;

/**
 * Whether `name` is the organisation of one of the addresses: Northwind of northwind.com or
 * mail.northwind.co.uk, with or without its legal form.
 */
function isOrganisationOf(name: string, emails: readonly string[]): boolean {
  const key = fold(name.replace(LEGAL_FORM, '')).replace(/[^a-z0-9]/g, '');
  const ofDomain = (email: string) =>
    email
      .slice(email.lastIndexOf('@') + 1)
      .split('.')
      .slice(0, -1)
      .some((label) => label.replace(/-/g, '') === key);
  return key.length >= 2 && emails.some(ofDomain);
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

/** One person from a signature block, or undefined when no line names anyone. */
export function parseSignatureBlock(text: string): PersonInput | undefined {
  const lines: Line[] = cleanMultiline(text, MAX_TEXT)
    .split('\n')
    .slice(0, MAX_LINES)
    // Each part between bars is a line of its own: "John Smith | Engineer | Acme | john@acme.com".
    .flatMap((l) => {
      const line = cleanLine(l, 300).replace(/^[-–—_]{2,}\s*$/, '').replace(CLOSING, '');
      return SIGN_OFF.test(line) || MAIL_APP_FOOTER.test(line) ? [] : line.split(/\s+[|·•]\s+/);
    })
    // Pronouns beside the name ("Jane Doe (she/her)", "Jane Doe | she/her") are neither part of
    // it nor a title.
    .map((part) => (isPronouns(part) ? '' : withoutPronouns(part)))
    .filter(Boolean)
    .map((text) => ({ text, used: false }));

  const answers: Answers = {};
  const emails: string[] = [];
  const phones: string[] = [];
  let nameAt = -1;
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
      const display = /^"?([^"<>]{2,200}?)"?\s*<[^<>]+>$/.exec(line.text);
      if (display && nameAt < 0 && looksLikePersonName(display[1])) {
        answers.name = { value: firstNameFirst(display[1]), from: 'signature:display-name' };
        nameAt = index;
      }
      line.used = true;
      continue;
    }
    const phone = PHONE.exec(line.text);
    if (phone && (phone[1].match(/\d/g)?.length ?? 0) >= 7) {
      // The full stop of a sentence that ends in the number is not part of it.
      phones.push(cleanLine(phone[1], 64).replace(/[\s./-]+$/, ''));
      line.used = true;
    } else if (URL_LIKE.test(line.text)) {
      line.used = true;
    }
  }
  if (emails.length) answers.emails = { value: emails, from: 'signature:address' };
  if (phones.length) answers.phones = { value: phones, from: 'signature:phone' };

  // What they do, when it shares the name's line ("Lena Hartmann, Head of Research").
  let jobOnNameLine: string | undefined;
  if (nameAt < 0) {
    nameAt = lines.findIndex((l) => !l.used && (readNameLine(l.text, emails) || looksLikePersonName(l.text)));
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
      answers.name = { value: lines[nameAt].text, from: 'signature:first-name-line' };
    }
  }
  if (nameAt >= 0) {
    const below = lines.slice(nameAt + 1).filter((l) => !l.used).map((l) => l.text);
    const [titleLine, companyLine] = jobOnNameLine ? [jobOnNameLine, ...below] : below;
    const bySeparator = titleLine ? TITLE_COMPANY.exec(titleLine) : null;
    // A street address starts with a number; a company rarely does.
    const companyBelow = companyLine && !/^\d/.test(companyLine) ? companyLine : undefined;
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
  } else if (emails[0]) {
    answers.name = { value: nameFromAddress(emails[0]), from: 'signature:address' };
  }
  return candidate('signature', answers);
}

/**
 * People in selected text: an address list gives one person per address; anything else is read
 * as one signature block.
 */
export function parseSignature(text: string): PersonInput[] {
  const list = parseAddressList(text);
  if (list.length > 1 || (list.length === 1 && !text.trim().includes('\n'))) return list;
  // Signatures selected together, each with its address, blank lines between: a person each,
  // not one person with everyone's addresses and the second name as a company.
  const blocks = text.slice(0, MAX_TEXT).split(/\n\s*\n/).filter((block) => block.trim());
  if (blocks.length > 1 && blocks.every((block) => addressIn(block))) return blocks.flatMap((block) => parseSignatureBlock(block) ?? []);
  const person = parseSignatureBlock(text);
  return person ? [person] : list;
}
