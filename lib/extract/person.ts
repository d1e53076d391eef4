// Building candidate people: each field is the first signal that answered, and the candidate
// records which one it was, so a redesign that silences a signal shows up in capture health.
import type { CaptureSource, PersonField, PersonInput } from '../capture-model';
import { cleanLine, normalizeEmail } from '../text';

export type Answer<T = string> = { value: T; from: string };

type ListField = 'emails' | 'phones';
export type Answers = { [K in PersonField]?: Answer<K extends ListField ? string[] : string> };

/** A signal: its name and how to read it. Reading is lazy so later signals cost nothing once one answers. */
export type Signal = readonly [from: string, read: () => string | undefined];

export function firstAnswer(signals: readonly Signal[]): Answer | undefined {
  for (const [from, read] of signals) {
    const value = read();
    if (value) return { value, from };
  }
  return undefined;
}

/** `read`, run on the first call only: for what several signals share but none may need. */
export function once<T>(read: () => T): () => T {
  let value: { read: T } | undefined;
  return () => (value ??= { read: read() }).read;
}

/** A candidate from the answers, or undefined when nothing named the person. */
export function candidate(
  source: CaptureSource,
  answers: Answers,
  extra: Pick<PersonInput, 'role' | 'message'> = {},
): PersonInput | undefined {
  const name = answers.name?.value && personName(answers.name.value);
  if (!name) return undefined;
  const person: PersonInput = { name, emails: [], source, fieldSources: {}, ...extra };
  const fieldSources: Partial<Record<PersonField, string>> = {};
  for (const [field, answer] of Object.entries(answers) as [PersonField, Answer<string | string[]>][]) {
    if (!answer || answer.value.length === 0) continue;
    if (field !== 'name') (person as Record<string, unknown>)[field] = answer.value;
    fieldSources[field] = answer.from;
  }
  person.fieldSources = fieldSources;
  return person;
}

/** A link's host, when the link is a site's home ("https://acme.example/"); undefined for any other page. Read without parsing, as most links are pages. */
function homeHost(link: string): string | undefined {
  const hostStart = link.indexOf('//') + 2;
  const path = link.indexOf('/', hostStart);
  if (path >= 0 && path < link.length - 1) return undefined;
  return link.slice(hostStart, path < 0 ? undefined : path).toLowerCase();
}

/**
 * The people without a link that is a site's home but not theirs. A post's author or a speaker is
 * often given their blog's or employer's home ("https://acme.example/"), which is everyone's
 * there: kept as the person's link, it would make them one contact. A home is theirs where its
 * host bears their name ("mina-okafor.example", "josemuller.dev"), or on that home page itself
 * (a personal site's card of its owner: "adactio.com").
 */
export function withoutOthersHomes(people: PersonInput[], pageUrl: string): PersonInput[] {
  const homePage = homeHost(pageUrl.split('#')[0].split('?')[0]);
  for (const person of people) {
    const host = person.profileUrl && homeHost(person.profileUrl);
    if (!host || host === homePage || hostBearsName(host, person.name)) continue;
    delete person.profileUrl;
    delete person.fieldSources?.profileUrl;
  }
  return people;
}

/** The text without its accents: "José Müller" → "Jose Muller". */
export const withoutAccents = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

function hostBearsName(host: string, name: string): boolean {
  const bears = (text: string) => text.replaceAll('-', ' ').split(' ').some((word) => word.length >= 2 && host.includes(word));
  const lower = name.toLowerCase();
  // Accents are folded only where the plain name finds nothing ("José Müller", josemuller.dev).
  return bears(lower) || bears(withoutAccents(lower));
}

/** Words of a name to compare: "Doe, José A." as doe, jose; initials and punctuation aside. */
const nameWords = (name: string) => new Set(withoutAccents(name.toLowerCase()).split(/[\s,.]+/).filter((word) => word.length > 1));

/** Whether two names may be one person's written two ways: "Jane Doe", "Doe, Jane", "Jane A. Doe", "José Pérez" and "Jose Perez". */
function mayNameOnePerson(a: string, b: string): boolean {
  // Most often one card named twice (the owner's, and the post's author): no accents folded, which costs a fresh page its first normalize.
  if (a.toLowerCase() === b.toLowerCase()) return true;
  const [fewer, more] = [nameWords(a), nameWords(b)].sort((x, y) => x.size - y.size);
  return fewer.size > 0 && [...fewer].every((word) => more.has(word));
}

/**
 * The people without a link or an address that one of them by another name also gives. Cards on
 * a team page that link to the page itself, or to places on it (`/team#jane`), or write to the
 * office's one address (`studio@…`), would all get one profile link or email, and fold into one
 * contact: the first card's, with the desk's address as their own.
 */
export function withoutSharedKeys(people: PersonInput[]): PersonInput[] {
  // Most pages give one person or none: nothing to compare, and nothing compiled on a fresh page.
  if (people.length < 2) return people;
  const page = (url: string) => {
    const end = Math.min(...[url.indexOf('?'), url.indexOf('#')].filter((at) => at >= 0));
    return Number.isFinite(end) ? url.slice(0, end) : url;
  };
  const nameByKey = new Map<string, string>();
  const shared = new Set<string>();
  const given = (key: string, name: string) => {
    const named = nameByKey.get(key);
    if (named === undefined) nameByKey.set(key, name);
    else if (!mayNameOnePerson(named, name)) shared.add(key);
  };
  for (const { profileUrl, emails, name } of people) {
    if (profileUrl) given(page(profileUrl), name);
    for (const email of emails ?? []) given(email.toLowerCase(), name);
  }
  if (shared.size === 0) return people;
  for (const person of people) {
    if (person.profileUrl && shared.has(page(person.profileUrl))) {
      delete person.profileUrl;
      delete person.fieldSources?.profileUrl;
    }
    const own = person.emails?.filter((email) => !shared.has(email.toLowerCase()));
    if (own && own.length < person.emails!.length) {
      person.emails = own;
      if (own.length === 0) delete person.fieldSources?.emails;
    }
  }
  return people;
}

/**
 * A display name guessed from an address when nothing else names the person: `jane.doe@x` →
 * "Jane Doe". Only when the local part clearly splits into words; otherwise the address itself,
 * which the user can edit, rather than an invented name.
 */
export function nameFromAddress(email: string): string {
  const local = email.split('@')[0] ?? '';
  const words = local.split(/[._-]+/);
  if (words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{L}{2,}$/u.test(w))) {
    return words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join(' ');
  }
  return email;
}

// Link texts that are calls to action or a desk, not names ("Email me", "Kontakt", "Say hello 👋",
// "Contáctame", "Press inquiries", "Sales", "Careers"), and mail apps' footers; and the texts of
// links to a profile ("LinkedIn", "Connect on LinkedIn", "View profile", "Follow me", "My
// profile"). A verb that also begins names ("Sayuri", "Hiren", "Booker", "Schreiber", "Connor")
// counts only with a word after it, and one that begins them ("Maile", "Hereford", "Sendhil",
// "Reacher") only as a word of its own.
const NOT_A_NAME =
  /^(?:(?:e-?mail|mail|write|send|message|reach|click|here|newsletter|subscribe|unsubscribe|apply|report|join|register|rsvp|donate|submit|support|sales|careers|jobs|info|feedback|media|linkedin|correo|courriel|nachricht|anfrage)\b|cont[aá]ct|get in touch|kontakt|écri|escr[ií]b|scriv|sent from|get outlook|メール|(?:say|hire|drop|book|talk|let['’]?s|schreib(?:en)?|nous|view|follow|connect|find|envoyer|enviar|envíe|invia|inviaci|stuur|mande um|mande uma) |press(?: |$)|inquir|enquir|.*\b(?:linkedin|profile|profil)\b)/i;

/**
 * A degree or credential written after a name ("Jane Doe, PhD", "Sam Lee, CFA"): what someone
 * studied or is certified in, not who they are. These are the ones people write in any case;
 * signature.ts also knows them by their shape.
 */
export const DEGREE = /^(?:ph\.?d|m\.?d|mba|cpa|esq|cfa|cfp|pmp|p\.?e|rn|j\.?d|msc|bsc|meng|ceng|mphil|dphil|edd|psyd|llm|llb)\.?$/i;

// What follows a name after a comma without being a job, besides a degree: "Sam Lee, Jr.".
export const GENERATION = /^(?:jr|sr|ii|iii|iv)\.?$/i;
// Credentials by their shape: initials with full stops ("M.B.A.", "P.Eng.") or a short acronym
// ("CISSP", "FRICS"), which a job's acronym is not ("CEO", "CISO", "SVP").
const DOTTED_CREDENTIAL = /^(?:[A-Z][a-z]{0,2}\.)+[A-Z][a-z]{0,2}\.?$/;
/** Letters standing for words: a credential (PhD aside, "MBA") or a job ("CTO"). */
export const ACRONYM = /^[A-Z]{2,6}$/;
const JOB_ACRONYM = /^(?:C[A-Z]{1,3}O|[SEA]?VP|GM|HR|IT|PR|QA|UX|UI)$/;
// Lowercase words inside names: "Ellen van Dijk", "Ana de la Cruz". Built on first use, as the
// pronouns are: Gmail's and Outlook's readers load this module on every injection.
const nameParticles = /* @__PURE__ */ once(
  () => new Set(['van', 'von', 'de', 'der', 'den', 'het', "'t", 'in', 'da', 'das', 'do', 'dos', 'del', 'della', 'di', 'du', 'la', 'le', 'ten', 'ter', 'zu', 'af', 'bin', 'ibn', 'bint', 'al', 'wa']),
);
export const isNameParticle = (word: string) => nameParticles().has(word);

// Words of a sentence, in lower case as a sentence writes them, that no name has ("Monday to
// Friday", "About the author", "Report a bug", "the organisers"); a name's own small words are
// its particles ("Jan in het Veld"). Built on first use, as the particles are.
const proseWords = /* @__PURE__ */ once(
  () =>
    new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'for', 'with', 'from', 'at', 'on', 'by', 'is', 'are', 'was', 'be', 'we', 'our', 'you', 'your', 'this', 'that', 'will', 'can', 'now', 'here', 'us', 'me']),
);
export const isProseWord = (word: string) => proseWords().has(word);

/**
 * Each word capitalised as a name's are ("d'Arcy", "al-Hassan" too), or in a script without case (דנה כהן), but
 * for particles ("Ellen van Dijk"): not "Apply now" or "the organisers".
 */
export const writtenAsName = (text: string) => text.split(' ').every((word) => /^(?:\p{Ll}{1,3}['’-])?[\p{Lu}\p{Lo}]/u.test(word) || isNameParticle(word));

export const isPostNominal = (part: string) => DEGREE.test(part) || DOTTED_CREDENTIAL.test(part) || (ACRONYM.test(part) && !JOB_ACRONYM.test(part));

// What follows a company's name after a comma: "Acme, Inc.".
const COMPANY_SUFFIX = /^(?:inc|ltd|llc|llp|plc|corp|co|gmbh|ag|sa|sas|srl|bv|nv|ab|as|oy|pty|pte)\.?$/i;
// "Doe, Jane" or "van Dijk, Ellen": a surname, a comma, then given names, as directories list people.
const SURNAME_FIRST = /^((?:[^,\s]+\s)?[^,\s]+),\s*([^,\s]+(?:\s[^,\s]+)?)$/;

/** A display name written surname first, as "Jane Doe"; "Sam Lee, Jr." or "Doe, CTO" stays as it is. */
export function firstNameFirst(name: string): string {
  const match = SURNAME_FIRST.exec(name);
  if (!match) return name;
  const [, surname, given] = match;
  const particle = surname.includes(' ') && isNameParticle(surname.split(' ')[0].toLowerCase());
  if ((surname.includes(' ') && !particle) || ACRONYM.test(given) || GENERATION.test(given) || isPostNominal(given) || COMPANY_SUFFIX.test(given)) return name;
  return `${given} ${surname}`;
}

// Pronouns people write beside their name: "(She/Her)", "ela/dela", "hen/hen/han". Whether a
// word is a pronoun is the set's to say, so the patterns need no Unicode letter class, which
// costs a fresh page ~0.2 ms to compile.
const PRONOUNS = /^\(?([^\s/()]{1,10}(?:\/[^\s/()]{1,10}){1,2})\)?$/;
const PRONOUNS_BESIDE_TEXT = /\s*\(([^\s/()]{1,10}(?:\/[^\s/()]{1,10}){1,2})\)|,?\s+([^\s/()]{1,10}(?:\/[^\s/()]{1,10}){1,2})\s*$/g;
// Built on the first text that looks like pronouns, not on load: every reader imports this
// module on every injection but meets pronouns in few names.
const pronounWords = /* @__PURE__ */ once(() => new Set([
  'he', 'him', 'his', 'she', 'her', 'hers', 'they', 'them', 'their', 'theirs', 'ze', 'zir',
  'hir', 'xe', 'xem', 'xir', 'it', 'its', 'any',
  'er', 'ihm', 'ihn', 'sie', 'ihr', 'es', 'il', 'lui', 'elle', 'iel', 'ela', 'ele', 'dele', 'dela', 'elu', 'ella', 'él',
  'hen', 'hon', 'han', 'hij', 'hem', 'zij', 'haar', 'lei', 'ona', 'on', 'jej', 'jego',
]));

// One pronoun, or none in particular, said in parentheses: "(she)", "(any pronouns)", Japanese "(彼女)".
const PRONOUN_ALONE = /\s*\((?:she|he|they|ze|xe|hen|iel|elle|ella|él|sie|彼|彼女|(?:any|all) pronouns)\)$/i;

/** Text that is only pronouns, in parentheses or not: "she/her", "(They/Them)", "(she)". */
export function isPronouns(text: string): boolean {
  const words = PRONOUNS.exec(text)?.[1].toLowerCase().split('/');
  if (words) return words.every((word) => pronounWords().has(word));
  return text.startsWith('(') && PRONOUN_ALONE.test(text);
}

/** The text without pronouns written in parentheses or at its end: "Jane Doe (she/her)", "Jane Doe, she/her", "Jane Doe (she)" → "Jane Doe". */
export function withoutPronouns(text: string): string {
  // A slash between other words stays: "Léa Martin UX/UI", "Founder/CEO".
  const slashed = text.includes('/') ? text.replace(PRONOUNS_BESIDE_TEXT, (badge, inParentheses?: string, atEnd?: string) => (isPronouns(inParentheses ?? atEnd ?? '') ? '' : badge)) : text;
  return (slashed.endsWith(')') ? slashed.replace(PRONOUN_ALONE, '') : slashed).trim();
}

// A directory's tag after a given name: "Smith, John (Sales)", "Roe, Jo [EXT]".
const DIRECTORY_TAG = /\s*[([][^()[\]]{1,40}[)\]]$/;

/**
 * A mail app's display name as the person's name: "Doe, Jane" → "Jane Doe", "Sam Lee (they/them)"
 * → "Sam Lee". Most names hold neither a slash nor a comma, so those are looked for first and the
 * patterns run only on names that have one.
 */
export function nameFromDisplayName(displayName: string): string {
  const name = displayName.includes('/') ? withoutPronouns(displayName) : displayName;
  if (!name.includes(',')) return name;
  // A directory's tag is no part of the name: reordered, the name goes without it.
  const untagged = name.replace(DIRECTORY_TAG, '');
  const reordered = firstNameFirst(untagged);
  return reordered === untagged ? name : reordered;
}

// What people write around their name: an honorific before a name of two words or more ("Dr.
// Smith" is all there is to go on), and after one credentials, known by their shape (", PhD",
// ", M.B.A."; not a generation: "Sam Lee, Jr." tells people apart), and emoji, by their code
// blocks. Each pattern runs only on a name with a comma or ending in such a character, so most
// names compile none on a fresh page.
const HONORIFICS = ['Dr', 'Prof', 'Mr', 'Mrs', 'Ms', 'Mx'];
// "PhD", "M.B.A.", "P.Eng.", "CFP®"; three letters only with a full stop, so a given name after a
// surname ("Van Dyke, Ann") is none, and no hyphen ("Au Yeung, Ka-Yi").
const CREDENTIAL = /^(?![JS]r\b|I{1,3}$|IV$)(?:[A-Z][a-z]?\.?|[A-Z][a-z]{2}\.){1,6}[®™]?$/;
// With the joiner and tags that make one emoji of several ("👩‍💻", "🏳️‍🌈", a region's flag).
const EMOJI = '(?:[\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d]|[\ud83c-\ud83e][\udc00-\udfff]|\udb40[\udc20-\udc7f])';
const EMOJI_AROUND = /* @__PURE__ */ once(() => new RegExp(`^(?:${EMOJI}\\s*)+|(?:\\s*${EMOJI})+$`, 'g'));
const isEmojiCode = (code: number) => code >= 0x2600;

/** The text without emoji at its start or end ("🚀 Ana Silva", "Ana Silva 🇵🇹"); checked by a character first, so most text compiles nothing. */
export function withoutEmojiAround(text: string): string {
  return isEmojiCode(text.charCodeAt(0)) || isEmojiCode(text.charCodeAt(text.length - 1)) ? text.replace(EMOJI_AROUND(), '').trim() : text;
}

/**
 * The name as an address book keeps it, without what people write around it on profiles and in
 * mail: "Dr. Priya Natarajan, PhD | Northwind 🚀" → "Priya Natarajan", "Jane Doe (she/her)" → "Jane Doe".
 */
export function personName(text: string): string {
  let name = withoutEmojiAround(cleanLine(text, 200).split(' | ')[0]);
  if (name.includes('/')) name = withoutPronouns(name);
  const parts = name.split(', ');
  while (parts.length > 1 && parts[0].includes(' ') && CREDENTIAL.test(parts[parts.length - 1])) parts.pop();
  const words = parts.join(', ').split(' ');
  // "Prof. Dr. Hans Müller": every honorific before the name.
  while (words.length > 2 && HONORIFICS.includes(words[0].replace('.', ''))) words.shift();
  return words.join(' ');
}

// The addresses of a desk, not a person ("enquiries@", "info@", "careers@"): on a page, a
// person's own address goes before them; sent "on behalf of" one, a message is the sender's.
// Built on first use, as the pronouns are: every reader loads this module, few pages need it.
const desks = /* @__PURE__ */ once(
  () =>
    new Set([
      'info', 'enquiries', 'inquiries', 'enquiry', 'hello', 'contact', 'office', 'admin', 'webmaster', 'support', 'help',
      'sales', 'press', 'media', 'jobs', 'careers', 'hr', 'team', 'general', 'reception', 'mail', 'noreply', 'no-reply', 'privacy',
    ]),
);
export const isDesk = (email: string) => desks().has(email.slice(0, email.indexOf('@')).split('+')[0]);

// Where a service sends notifications from, in the name of whoever acted ("Jane Doe
// <invitations@linkedin.com>", "Jane Doe (Google Docs) <comments-noreply@docs.google.com>"): an
// address nobody answers, shared by everyone it names. Said so in it ("no-reply"), or made of a
// service's words only ("calendar-notification"): a person's own may hold one ("dana.mailer").
const NO_REPLY = /no[-_]?reply|do[-_]?not[-_]?reply/;
// Built on first use, as the desks are.
const serviceWords = /* @__PURE__ */ once(
  () =>
    new Set(['notification', 'notifications', 'notify', 'invitation', 'invitations', 'invite', 'invites', 'alert', 'alerts', 'digest', 'mailer', 'daemon', 'bounce', 'bounces', 'calendar', 'comments', 'messages', 'updates']),
);
const isServiceAddress = (local: string) => NO_REPLY.test(local) || local.split(/[._+-]/).every((word) => serviceWords().has(word));

/**
 * Whether a name is the service's own that sends from this address, or a bot's: "LinkedIn",
 * "Google Calendar" or "Calendar" for calendar-notification@google.com, "dependabot[bot]".
 */
function namesTheService(name: string, email: string): boolean {
  const [local, domain] = email.split('@');
  const words = new Set([...local.split(/[._+-]/), ...domain.split('.').slice(0, -1)]);
  return name.endsWith('[bot]') || name.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((word) => words.has(word));
}

// A post that a list or service sent under its own address, naming the poster: Google Groups'
// "'Jane Doe' via Kith Users" (for a poster whose domain forbids others to send as them), Google
// Docs' "Jane Doe (via Google Docs)", LinkedIn's "Jane Doe via LinkedIn".
const POSTED_VIA = /^'?(.+?)'? \(?via \S/;

/** A display name without the quotes a mail program put around it: "'Jane Doe'" → "Jane Doe". */
export const withoutQuotes = (name: string) => name.replace(/^(["'])(.*)\1$/s, '$2').trim();

/**
 * Who a mail's display name and address are, as a contact. A name the sender's mailer quoted
 * ("'Jane Doe'") goes without its quotes. A post through a list or a service, or a notification a
 * service sends in someone's name, is that person's without the address (`via`): everyone it
 * sends for shares it, and it would fold them all into one contact. Where the thread also shows
 * them by their own address, the capture's merge joins the two by name (validPeople in
 * capture-model.ts). The service's own mail ("LinkedIn <messages-noreply@linkedin.com>") names
 * no one: undefined.
 */
export function mailParticipant(shown: string, address: string | undefined): { name: string; email?: string; via?: string } | undefined {
  const name = withoutQuotes(shown);
  const poster = name.includes('via ') ? POSTED_VIA.exec(name)?.[1] : undefined;
  if (poster !== undefined) return { name: poster, email: addressIn(poster), via: address };
  if (!address || !isServiceAddress(address.slice(0, address.indexOf('@')))) return { name, email: address };
  // "Jane Doe (Google Docs)": the service's name after the person's.
  const person = name.replace(/\s*\([^()]*\)$/, '');
  if (!person || addressIn(person) || namesTheService(person, address)) return undefined;
  return { name: person, via: address };
}

/** Text that could be a person's name: a few words, no digits, no address, no link. */
export function looksLikePersonName(text: string): boolean {
  if (text.length < 2 || text.length > 80) return false;
  if (/[\d@<>:/\\|{}[\]=#]/.test(text) || NOT_A_NAME.test(text)) return false;
  const words = text.split(' ');
  return words.length <= 5 && /\p{L}/u.test(text);
}

/** The address in a string, if it holds exactly one plausible one. */
export function addressIn(text: string): string | undefined {
  const match = /[^\s<>()[\]\\,;:"'@]{1,64}@[A-Za-z0-9.-]{1,253}/.exec(text.slice(0, 600));
  // A domain ends in a letter or digit: a dot after it ends the sentence ("write to ada@x.com.").
  return match ? normalizeEmail(match[0].replace(/[.-]+$/, '')) : undefined;
}
