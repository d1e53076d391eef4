// Instant search over the whole notebook. Each contact gets one prebuilt haystack (name, title,
// company, location, emails, phones, tags and notes, lowercased, accents folded); a keystroke is a
// tight loop of `includes` over those strings in the current sort order, so results come out
// already sorted, and are then ranked by how their names answer the query (`nameRank`). When the
// new text only extends the last one, only the last results are searched again. The popup's
// search (lib/contact-search.ts) matches and ranks the same way.
import { DEGREE } from './extract/person';
import { type Contact, type Relationship, type Warmth, toldApart } from './model';
import { canonicalProfileUrl } from './profile-url';
import { startOfLocalDayAfter } from './reminders';
import { writtenOut } from './text';

export const SORT_KEYS = ['warmth', 'name', 'company', 'last-contact', 'recently-added'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_LABELS: Record<SortKey, string> = {
  warmth: 'Warm first',
  name: 'Name',
  company: 'Company',
  'last-contact': 'Longest since contact',
  'recently-added': 'Recently added',
};

export type ContactFilters = {
  relationship?: Relationship;
  warmth?: Warmth;
  /** Exact tag, case-insensitive. */
  tag?: string;
  /** Part of the company name, case-insensitive. */
  company?: string;
  /** Only contacts with a reminder due now. */
  due?: boolean;
  /** Only contacts not in touch for at least this many days (never counts). */
  notContactedDays?: number;
  /** Only contacts that may be one person saved twice: sharing a name, an email or the link. */
  maybeTwice?: boolean;
};

export type ContactQuery = { text: string; filters: ContactFilters; sort: SortKey };
export type SearchContext = { now: number; dueContactIds: ReadonlySet<string> };

const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_APOSTROPHES = /['`]/g;
// The accents of Latin, Greek and Cyrillic letters as NFKD writes them apart (the combining
// diacritical marks), and the vowel points Hebrew and Arabic names are mostly written without.
// Not every mark: Japanese voicing marks (カ, ガ), Indic vowel signs and Thai vowels make another
// letter. A class of ranges, not \p{M}, which needs the `u` flag: that made fold ~45% slower.
const ACCENTS =
  /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u064b-\u065f\u0670]/g;
// Letters NFKD leaves whole, spelled as on an English keyboard ("ø" as "o", "ß" as "ss"); Greek's
// word-final sigma as the sigma it is, since a name typed so far ends in "σ" where the whole name
// has "ς" (and a name written in capitals lowercases to either); and
// apostrophes, which are gone: "O’Brien" is "obrien", so "o'brien", "o’brien" and "obrien" all
// find it, and so does the "o'" typed on the way. A kana and its voicing mark are put back
// together, so "カ" does not find "ガ" (and a halfwidth ｶﾞ is ガ).
const SPELLED_OUT: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', ß: 'ss', þ: 'th', ı: 'i', ς: 'σ', "'": '', '`': '', '‘': '', '’': '', ʼ: '' };
const SPELLED_OR_VOICED = /[øæœłđðßþıς'`‘’ʼ]|[\u3040-\u30ff][\u3099\u309a]/g;
const spelledOrVoiced = (found: string) => (found.length === 2 ? found.normalize('NFC') : SPELLED_OUT[found]);

/**
 * Text as it is compared in search: lowercase, accents and apostrophes gone, letters of their
 * own spelled out and compatibility forms resolved, so "jose" finds "José", "soren" "Søren",
 * "strasse" "Straße", "obrien" "O’Brien" and "fi" "ﬁ".
 */
export function fold(text: string): string {
  // Only non-ASCII text pays for normalisation.
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(ASCII_APOSTROPHES, '');
  return text.normalize('NFKD').replace(ACCENTS, '').toLowerCase().replace(SPELLED_OR_VOICED, spelledOrVoiced);
}

const HONORIFIC = /^(?:dr|prof|mr|mrs|ms|mx|sir|dame)\.?$/;

/**
 * A name as compared to find who may be one person saved twice: folded, without an honorific
 * or a degree (Jr. and Sr. stay: they tell people apart), its full stops and hyphens as spaces,
 * apostrophes gone as `fold` drops them ("Dr. María González", "maria gonzalez"; "O’Brien", "OBrien").
 */
export function nameKey(name: string): string {
  const words = fold(name).split(/[\s,]+/).filter(Boolean);
  // Only where two words remain: "Dr. Smith" is all there is to go on.
  if (words.length > 2 && HONORIFIC.test(words[0])) words.shift();
  if (words.length > 2 && DEGREE.test(words[words.length - 1])) words.pop();
  return words.join(' ').replace(/[\s.-]+/g, ' ').trim();
}


/**
 * What a contact is found by. `haystack`: its words as written on it, its name first and on a
 * line of its own (`nameRank` reads it there), phone numbers too, and tags as cards show them
 * ("#climate"); `phoneDigits`: its numbers as digits alone, where a phone word's forms are looked
 * for ('' when it has none); `link`: its profile link as `linkForm` writes it, for a link pasted
 * into the search ('' when it has none), and not among its words, where "linkedin" would find
 * everyone imported from LinkedIn.
 */
export type Findable = { haystack: string; phoneDigits: string; link: string };

export function findableOf(c: Contact): Findable {
  const tags = c.tags.length ? `#${c.tags.join(' #')}` : '';
  // A name written out goes on the name's line, after a tab, so "mueller" ranks Jörg Müller as
  // named by it and "jorg muller" still names him whole (`namesWhole`).
  const nameWrittenOut = writtenOut(c.name);
  const name = nameWrittenOut === c.name ? c.name : `${c.name}\t${nameWrittenOut}`;
  const words = [name, c.title, c.company, c.location, c.emails.join(' '), c.phones.join(' '), tags, c.notes];
  const companyWrittenOut = writtenOut(c.company);
  if (companyWrittenOut !== c.company) words.push(companyWrittenOut);
  return {
    haystack: fold(words.join('\n')),
    phoneDigits: c.phones.map(digitsOf).join(' ').trim(),
    link: c.profileUrl ? linkForm(c.profileUrl) : '',
  };
}

/**
 * A link as search compares it: without its scheme, "www." or a closing slash, a LinkedIn
 * profile in the one form Kith keeps it in (any country's subdomain, tracking parameters gone),
 * so a link copied from the address bar finds the contact saved with it, and so does the start
 * of one.
 */
function linkForm(link: string): string {
  const canonical = canonicalProfileUrl(/^https?:\/\//.test(link) ? link : `https://${link}`) ?? link;
  return canonical.replace(/^https?:\/\/(?:www\.)?/, '').replace(/\/$/, '');
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

/**
 * Whether two written numbers are one: the same digits, or one dialled at home ("020 7946 0000",
 * "91234567") and the other from abroad ("+44 20 7946 0000", "0047 912 34 567"), whose digits
 * end with the first's after a country code of one to three digits.
 */
export function samePhone(a: string, b: string): boolean {
  const [x, y] = [a, b].map((number) => digitsOf(number).replace(/^0+/, ''));
  if (x === y) return x !== '';
  const [shorter, longer] = x.length < y.length ? [x, y] : [y, x];
  return shorter.length >= 7 && longer.length - shorter.length <= 3 && longer.endsWith(shorter);
}

/**
 * One word of a query, and for a word written as part of a phone number, the forms it matches
 * numbers in: `also` anywhere in a number; `national`, the number after each length its country
 * code may have, only where a saved number starts it (startsANumber). `writtenOut`: a word with
 * letters German or Danish also write out, so written. `link`: a word that is a web address, as
 * `linkForm` writes it.
 */
export type QueryTerm = { text: string; writtenOut?: string; link?: string; also?: string[]; national?: { code: string; rest: string }[] };

// "+46", "(555)", "555-0134", "070.123": what phone numbers are written with. A word of these
// alone without digits ("(", "+") matches everyone with a phone, as its digits-to-come would not
// narrow yet.
const PHONE_WORD = /^[\d().\-+/]+$/;

// What text pasted into the search has around its words and is no part of them: a mail header's
// "Name <address>", a list's commas, a directory's "Surname, Given", quotes; and an address copied
// as a mailto link.
const BETWEEN_PASTED_WORDS = /[\s,;<>"“”„«»]+/;
// An address or number copied as a link.
const MAILTO_OR_TEL = /^(?:mailto|tel):/i;
// A mark between pasted words ("Ana García - Acme", "CTO | Acme", "Ana · Acme"), which no contact need have.
const MARK_ALONE = /^[-–—|·•/]$/;
// A web address, as copied from the address bar or written without its scheme.
const LINK_WORD = /^(?:https?:\/\/|www\.)|linkedin\.com\//;

/**
 * The folded words of a query. A phone word also matches as digits alone ("555-0134" finds
 * "5550134"), and across the ways one number is written: dialled with a prefix, at home ("0170")
 * or from abroad ("0049 170"), it finds the number saved in international form ("+49 170");
 * written internationally ("+46 70", "0046 70"), it finds the number saved as dialled at home
 * ("070"), without the country code of one to three digits.
 */
export function queryTerms(query: string): QueryTerm[] {
  const words: string[] = [];
  for (const word of query.split(BETWEEN_PASTED_WORDS).map((word) => word.replace(MAILTO_OR_TEL, ''))) {
    if (!word || MARK_ALONE.test(word)) continue;
    // A number written in groups ("+44 20 7946 0013") is one number, not a word each.
    const last = words.length - 1;
    if (last >= 0 && PHONE_WORD.test(words[last]) && PHONE_WORD.test(word)) words[last] += word;
    else words.push(word);
  }
  return words.map((word): QueryTerm => {
    const text = fold(word);
    // As written: a LinkedIn member id keeps its capitals (profile-url.ts), and so does a path.
    if (LINK_WORD.test(text)) return { text, link: linkForm(word) };
    if (!PHONE_WORD.test(text)) {
      const spelled = fold(writtenOut(word));
      return spelled === text ? { text } : { text, writtenOut: spelled };
    }
    const digits = digitsOf(text);
    const afterPrefix = digits.replace(/^0+/, '');
    const also = [...new Set([digits, afterPrefix])];
    if (!text.startsWith('+') && !digits.startsWith('00')) return { text, also };
    // Which digits are the country code is not known, so each length is tried; a national
    // number found in the middle of another would be a guess, hence only where one starts.
    const lengths = [1, 2, 3].filter((length) => length <= afterPrefix.length);
    return { text, also, national: lengths.map((length) => ({ code: afterPrefix.slice(0, length), rest: afterPrefix.slice(length) })) };
  });
}

/**
 * Whether the contact has the word as typed anywhere (`haystack`), or written out; a web address
 * in their profile link; or a phone word in one of its forms in their numbers (`phoneDigits`).
 * Each form of a longer word extends a form of its start (one left empty, by a prefix or country
 * code not yet followed by digits, matches every number), so a longer word never matches more:
 * that is what lets a search narrow as the user types. Looked for in numbers only, a lone "+46"
 * or "0" matches the people who have a phone, not everyone. A web address is not so: its form
 * changes as it is typed ("https:/" is no address yet); nor is a word written out, as "hub"
 * edited into "hüb" reads the same but finds "Huebner" too: a search with either never narrows.
 */
export function includesTerm({ haystack, phoneDigits, link }: Findable, term: QueryTerm): boolean {
  return haystack.includes(term.text) || (hasOtherForms(term) && includesOtherForm(haystack, phoneDigits, link, term));
}

const hasOtherForms = (term: QueryTerm) => term.writtenOut !== undefined || term.link !== undefined || term.also !== undefined;

/** Whether a Findable's parts, as ContactSearch keeps them, have the word in another form than as typed. */
function includesOtherForm(haystack: string, phoneDigits: string, link: string, term: QueryTerm): boolean {
  if (term.writtenOut !== undefined) return haystack.includes(term.writtenOut);
  if (term.link !== undefined) return link !== '' && link.includes(term.link);
  if (term.also === undefined || phoneDigits === '') return false;
  // Loops, not `some`: this runs once per contact per keystroke, 100,000 times at most.
  for (const form of term.also) if (phoneDigits.includes(form)) return true;
  if (term.national) for (const { code, rest } of term.national) if (startsANumber(phoneDigits, code, rest)) return true;
  return false;
}

/**
 * Whether a number of `phoneDigits` (numbers apart by spaces) has `rest` where its national part
 * starts: first, after the prefix it is dialled with at home (zeros; Russia's 8), or after the
 * same country code and a "(0)" ("+44 (0)20 …"). Found elsewhere, it would be the end of another
 * number ("+34 612 345 678" is not "03-1234-5678").
 */
function startsANumber(phoneDigits: string, code: string, rest: string): boolean {
  for (let at = phoneDigits.indexOf(rest); at !== -1; at = phoneDigits.indexOf(rest, at + 1)) {
    const start = phoneDigits.lastIndexOf(' ', at - 1) + 1;
    const before = phoneDigits.slice(start, at).replace(/0+$/, '');
    if (before === '' || before === '8' || before === code) return true;
  }
  return false;
}

/** A query's words joined as `queryTerms` reads them: what `nameRank` compares a whole name to, and what a search narrows from. */
const queryText = (terms: readonly QueryTerm[]) => terms.map((term) => term.text).join(' ');

/**
 * A query as `nameRank` compares it to a name: whole, as the line a haystack starts with, and
 * word by word; `ranked`, whether names are ranked at all (a single letter matches most of a
 * notebook: its list keeps the order it comes in); `starts`, the bits `nameStartsOf` must find
 * for a name to start a word with each word (`mayRankAbove2`).
 */
export type NameQuery = { wholeName: string; words: string[]; ranked: boolean; starts: NameStarts };

export function nameQueryOf(terms: readonly QueryTerm[]): NameQuery {
  const text = queryText(terms);
  return { wholeName: `${text}\n`, words: terms.map(({ text }) => text), ranked: text.length > 1, starts: startsNeeded(terms) };
}

/** Whether a name whose words start as `initials` and `pairs` say (`nameStartsOf`) may rank above 2 for `query`. */
export const mayRankAbove2 = (query: NameQuery, initials: number, pairs: number) =>
  query.ranked && (initials & query.starts.initials) === query.starts.initials && (pairs & query.starts.pairs) === query.starts.pairs;

/**
 * How well a contact's name answers a query, best first: 0, the name is the query ("Li Na" for
 * "li na"); 1, each word of the query starts a word of the name (Natalie Lin for "li na", Ann Lee
 * and Jean-Luc for "ann" and "luc"); 2, the contact matched otherwise: inside a word of the name
 * (Joanne for "ann"), or only in their title, company, addresses, tags or notes. People looked
 * for by name come first, however many others mention it. Read from the haystack's first line
 * (`findableOf`), which a search has just read, rather than from a name kept apart: at 100,000
 * contacts reaching for one more string per contact cost milliseconds a keystroke.
 */
export function nameRank(haystack: string, query: NameQuery): number {
  if (namesWhole(haystack, query)) return 0;
  const nameEnd = haystack.indexOf('\n');
  for (const word of query.words) if (!startsANameWord(haystack, nameEnd, word)) return 2;
  return 1;
}

/** Whether the haystack's name is the query whole: as written, or written out (after the tab `findableOf` puts there). */
export function namesWhole(haystack: string, { wholeName }: NameQuery): boolean {
  if (haystack.startsWith(wholeName)) return true;
  const name = wholeName.slice(0, -1);
  if (haystack.startsWith(`${name}\t`)) return true;
  const writtenOutAt = haystack.indexOf('\n') - name.length;
  return haystack.charCodeAt(writtenOutAt - 1) === TAB && haystack.startsWith(wholeName, writtenOutAt);
}

const TAB = 9;
const SPACE = 32;
const HYPHEN = 45;
const startsAWord = (before: number) => before === SPACE || before === HYPHEN || before === TAB;

function startsANameWord(haystack: string, nameEnd: number, word: string): boolean {
  for (let at = haystack.indexOf(word); at !== -1 && at < nameEnd; at = haystack.indexOf(word, at + 1)) {
    if (at === 0 || startsAWord(haystack.charCodeAt(at - 1))) return true;
  }
  return false;
}

/**
 * How the words of a haystack's name (its first line) start, as bits: each word's first letter
 * (`initials`: a to z, any other letter sharing one of four) and its first two (`pairs`, hashed to
 * one of thirty). A name can rank above 2 for a query only if it has the bits of the starts of the
 * query's words, which two `&`s tell: at 100,000 contacts, `nameRank` for every hit of a short
 * query cost up to a frame. Thirty bits, so the numbers stay small integers to V8, never boxed.
 */
export type NameStarts = { initials: number; pairs: number };

export function nameStartsOf(haystack: string): NameStarts {
  const nameEnd = haystack.indexOf('\n');
  const starts = { initials: 0, pairs: 0 };
  for (let at = 0; at < nameEnd; at++) {
    if (at > 0 && !startsAWord(haystack.charCodeAt(at - 1))) continue;
    const first = haystack.charCodeAt(at);
    starts.initials |= initialBit(first);
    if (at + 1 < nameEnd) starts.pairs |= pairBit(first, haystack.charCodeAt(at + 1));
  }
  return starts;
}

const initialBit = (code: number) => 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 4));
const pairBit = (first: number, second: number) => 1 << ((first * 31 + second) % 30);

/** The bits `nameStartsOf` must find for a name to start a word with each of `terms`. */
function startsNeeded(terms: readonly QueryTerm[]): NameStarts {
  const needed = { initials: 0, pairs: 0 };
  for (const { text } of terms) {
    needed.initials |= initialBit(text.charCodeAt(0));
    if (text.length > 1) needed.pairs |= pairBit(text.charCodeAt(0), text.charCodeAt(1));
  }
  return needed;
}

/** Another contact that may be the same person, with the emails and link both have ([]: only the name). */
export type MaybeSame = { contact: Contact; shared: string[] };

/** What may show one person saved twice: each email, the profile link, and the name (`nameKey`). */
function identityKeys(contact: Contact): { key: string; shared?: string }[] {
  const name = nameKey(contact.name);
  // "Müller" is also "Mueller" (and "Muller", as `fold` writes it).
  const nameWrittenOut = nameKey(writtenOut(contact.name));
  return [
    ...contact.emails.map((email) => ({ key: `email:${email}`, shared: email })),
    ...(contact.profileUrl ? [{ key: `url:${contact.profileUrl}`, shared: contact.profileUrl }] : []),
    { key: `name:${name}` },
    ...(nameWrittenOut !== name ? [{ key: `name:${nameWrittenOut}` }] : []),
  ];
}

/** What each contact is found by, as ContactSearch keeps it: `findableOf`'s parts and its name's starts (`nameStartsOf`), a column each. */
type Indexed = { haystacks: string[]; phoneDigits: string[]; links: string[]; nameInitials: Int32Array; namePairs: Int32Array };

export class ContactSearch {
  readonly contacts: readonly Contact[];
  // What each contact is found by (`findableOf`), kept as columns: the search reads a contact's
  // haystack and only then, for a phone word or a link, its digits or its link.
  private readonly haystacks: string[];
  private readonly phoneDigits: string[];
  private readonly links: string[];
  private readonly nameInitials: Int32Array;
  private readonly namePairs: Int32Array;
  private readonly orders = new Map<SortKey, Uint32Array>();
  private names?: string[];
  private holders?: Map<string, number[]>;
  private twice?: Set<string>;
  private last?: { text: string; key: string; context: SearchContext; hits: Uint32Array };

  /** `indexed`: what each contact is found by, when the caller has it already (`replacing`, `without`). */
  constructor(contacts: readonly Contact[], indexed?: Indexed) {
    this.contacts = contacts;
    if (indexed) {
      ({ haystacks: this.haystacks, phoneDigits: this.phoneDigits, links: this.links } = indexed);
      ({ nameInitials: this.nameInitials, namePairs: this.namePairs } = indexed);
    } else {
      const findables = contacts.map(findableOf);
      this.haystacks = findables.map((f) => f.haystack);
      this.phoneDigits = findables.map((f) => f.phoneDigits);
      this.links = findables.map((f) => f.link);
      this.nameInitials = new Int32Array(contacts.length);
      this.namePairs = new Int32Array(contacts.length);
      for (let i = 0; i < contacts.length; i++) this.indexNameStarts(i);
    }
  }

  private indexNameStarts(i: number): void {
    ({ initials: this.nameInitials[i], pairs: this.namePairs[i] } = nameStartsOf(this.haystacks[i]));
  }

  /**
   * The search over `contacts`, which are this one's but for those at the indexes `changed`,
   * some of them new at the end: only theirs is indexed (one contact saved, among 100,000), and
   * only they move in the sort orders already worked out.
   */
  replacing(contacts: readonly Contact[], changed: readonly number[]): ContactSearch {
    const [haystacks, phoneDigits, links] = [[...this.haystacks], [...this.phoneDigits], [...this.links]];
    for (const i of changed) ({ haystack: haystacks[i], phoneDigits: phoneDigits[i], link: links[i] } = findableOf(contacts[i]));
    // Sized for the contacts new at the end; theirs and the changed ones' are worked out below.
    const [nameInitials, namePairs] = [new Int32Array(contacts.length), new Int32Array(contacts.length)];
    nameInitials.set(this.nameInitials.subarray(0, contacts.length));
    namePairs.set(this.namePairs.subarray(0, contacts.length));
    const replaced = new ContactSearch(contacts, { haystacks, phoneDigits, links, nameInitials, namePairs });
    for (const i of changed) replaced.indexNameStarts(i);
    // Who holds each name, email and link, with only the changed contacts' keys moved: working it
    // out anew took 0.2 s at 100,000, on the page of the contact just saved.
    if (this.holders) {
      const holders = new Map(this.holders);
      const move = (key: string, list: number[]) => (list.length ? holders.set(key, list) : holders.delete(key));
      for (const i of changed) {
        if (i < this.contacts.length) for (const { key } of identityKeys(this.contacts[i])) move(key, (holders.get(key) ?? []).filter((j) => j !== i));
        for (const { key } of identityKeys(contacts[i])) move(key, [...(holders.get(key) ?? []), i].sort((a, b) => a - b));
      }
      replaced.holders = holders;
    }
    if (this.names) {
      const names = [...this.names];
      for (const i of changed) names[i] = fold(contacts[i].name);
      replaced.names = names;
    }
    // Each contact moved costs a pass over the order: for many, sorting anew when asked is cheaper.
    if (changed.length <= 64) for (const [sort, order] of this.orders) replaced.orders.set(sort, replaced.reordered(sort, order, changed));
    return replaced;
  }

  /**
   * The search over these contacts but those at the indexes `gone` (deleted, merged away): the
   * others keep their text, keys and sort orders, at their new indexes. Reading and indexing
   * 100,000 contacts again took 1.4–1.7 s of each delete shown.
   */
  without(gone: ReadonlySet<number>): ContactSearch {
    const moved = new Int32Array(this.contacts.length);
    let kept = 0;
    for (let i = 0; i < moved.length; i++) moved[i] = gone.has(i) ? -1 : kept++;
    const stays = (_: unknown, i: number) => moved[i] >= 0;
    const smaller = new ContactSearch(this.contacts.filter(stays), {
      haystacks: this.haystacks.filter(stays),
      phoneDigits: this.phoneDigits.filter(stays),
      links: this.links.filter(stays),
      nameInitials: this.nameInitials.filter(stays),
      namePairs: this.namePairs.filter(stays),
    });
    if (this.names) smaller.names = this.names.filter(stays);
    if (this.holders) {
      smaller.holders = new Map();
      for (const [key, list] of this.holders) {
        const staying = list.flatMap((i) => (moved[i] >= 0 ? [moved[i]] : []));
        if (staying.length) smaller.holders.set(key, staying);
      }
    }
    for (const [sort, order] of this.orders) {
      const remaining = new Uint32Array(kept);
      let at = 0;
      for (const i of order) if (moved[i] >= 0) remaining[at++] = moved[i];
      smaller.orders.set(sort, remaining);
    }
    return smaller;
  }

  private foldedNames(): string[] {
    this.names ??= this.contacts.map((contact) => fold(contact.name));
    return this.names;
  }

  /** Who holds each name, email and profile link: worked out once, as the notebook is reloaded after every write. */
  private keyHolders(): Map<string, number[]> {
    if (this.holders) return this.holders;
    this.holders = new Map();
    for (let i = 0; i < this.contacts.length; i++) {
      for (const { key } of identityKeys(this.contacts[i])) {
        const list = this.holders.get(key);
        if (list) list.push(i);
        else this.holders.set(key, [i]);
      }
    }
    return this.holders;
  }

  /**
   * The other contacts that may be `contact` saved twice, those the user told apart left out:
   * first those with an email or the profile link in common, with what they share; then those
   * of the same name as `nameKey` compares names (`shared` empty), which is one person from
   * sources that share no address (a phone's contacts and a LinkedIn export), or two people of
   * one name.
   */
  maybeSameAs(contact: Contact): MaybeSame[] {
    const holders = this.keyHolders();
    const found = new Map<number, string[]>();
    for (const { key, shared } of identityKeys(contact)) {
      for (const i of holders.get(key) ?? []) {
        const other = this.contacts[i];
        if (other.id === contact.id || toldApart(contact, other)) continue;
        const sharedSoFar = found.get(i) ?? [];
        found.set(i, shared ? [...sharedSoFar, shared] : sharedSoFar);
      }
    }
    return [...found].map(([i, shared]) => ({ contact: this.contacts[i], shared }));
  }

  /** Ids of the contacts that may be one person saved twice (`maybeSameAs` finds someone). */
  private savedTwice(): Set<string> {
    this.twice ??= new Set(this.contacts.filter((contact) => this.maybeSameAs(contact).length > 0).map((contact) => contact.id));
    return this.twice;
  }

  /** Contact indexes in `sort` order, computed once per sort and kept. */
  private order(sort: SortKey): Uint32Array {
    const cached = this.orders.get(sort);
    if (cached) return cached;
    const order = Uint32Array.from(this.contacts.keys()).sort(this.comparator(sort));
    this.orders.set(sort, order);
    return order;
  }

  /**
   * `before`, an earlier search's order over these contacts but for those at `changed`, with
   * them moved to where they sort now: the others' order holds. Sorting 100,000 contacts again
   * took ~0.15 s of each save shown in an open dashboard.
   */
  private reordered(sort: SortKey, before: Uint32Array, changed: readonly number[]): Uint32Array {
    const compare = this.comparator(sort);
    const moved = new Set(changed);
    const order = Array.from(before).filter((i) => !moved.has(i));
    for (const i of moved) {
      let [low, high] = [0, order.length];
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compare(order[middle], i) < 0) low = middle + 1;
        else high = middle;
      }
      order.splice(low, 0, i);
    }
    return Uint32Array.from(order);
  }

  /**
   * How two contact indexes compare in `sort`, ties broken by index so that every order is one.
   * Names are compared as folded strings rather than with Intl.Collator, which costs seconds
   * over 100,000 sorts.
   */
  private comparator(sort: SortKey): (a: number, b: number) => number {
    const c = this.contacts;
    const names = this.foldedNames();
    const byName = (a: number, b: number) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : a - b);
    let compare: (a: number, b: number) => number;
    if (sort === 'name') compare = byName;
    else if (sort === 'warmth') compare = (a, b) => (c[a].warmth === c[b].warmth ? byName(a, b) : c[a].warmth === 'warm' ? -1 : 1);
    else if (sort === 'last-contact') compare = (a, b) => (c[a].lastInteractionAt ?? 0) - (c[b].lastInteractionAt ?? 0) || byName(a, b);
    else if (sort === 'recently-added') compare = (a, b) => c[b].createdAt - c[a].createdAt || byName(a, b);
    else {
      // Blank companies last.
      const companies = c.map((contact) => fold(contact.company) || '\uffff');
      compare = (a, b) => (companies[a] < companies[b] ? -1 : companies[a] > companies[b] ? 1 : byName(a, b));
    }
    return compare;
  }

  private matcher(filters: ContactFilters, context: SearchContext): ((c: Contact) => boolean) | undefined {
    const tests: ((c: Contact) => boolean)[] = [];
    const { relationship, warmth, tag, company, due, notContactedDays, maybeTwice } = filters;
    if (relationship) tests.push((c) => c.relationship === relationship);
    if (warmth) tests.push((c) => c.warmth === warmth);
    if (tag) {
      const wanted = fold(tag);
      tests.push((c) => c.tags.some((t) => fold(t) === wanted));
    }
    if (company) {
      const part = fold(company.trim());
      tests.push((c) => fold(c.company).includes(part));
    }
    if (due) tests.push((c) => context.dueContactIds.has(c.id));
    if (notContactedDays !== undefined) {
      // In calendar days, as the Last contact column counts them: "30 days ago" is 30 days.
      const before = startOfLocalDayAfter(context.now, 1 - notContactedDays);
      tests.push((c) => (c.lastInteractionAt ?? 0) < before);
    }
    if (maybeTwice) {
      const twice = this.savedTwice();
      tests.push((c) => twice.has(c.id));
    }
    if (tests.length === 0) return undefined;
    return (c) => tests.every((t) => t(c));
  }

  /**
   * The contacts matching every word of `text` and every filter: those whose name answers it
   * best first (`nameRank`), each rank in the chosen order.
   */
  search(query: ContactQuery, context: SearchContext): Contact[] {
    const terms = queryTerms(query.text);
    const text = queryText(terms);
    const key = JSON.stringify([query.filters, query.sort]);
    // Typing more of the same word(s) can only narrow: search the previous hits, not everyone.
    const last = this.last;
    const narrowing =
      last !== undefined &&
      last.key === key &&
      last.context.now === context.now &&
      last.context.dueContactIds === context.dueContactIds &&
      text.startsWith(last.text) &&
      !terms.some((term) => term.link !== undefined || term.writtenOut !== undefined);
    const candidates = narrowing ? last.hits : this.order(query.sort);
    const matches = narrowing ? undefined : this.matcher(query.filters, context);
    const hits = new Uint32Array(candidates.length);
    const nameQuery = nameQueryOf(terms);
    /** Where in `hits` the contacts whose names answer the query are, each with its rank: few, so they are kept apart. */
    const better: number[] = [];
    // Only a word with other forms than as typed reaches for a contact's numbers or link.
    const otherForms = terms.map(hasOtherForms);
    let count = 0;
    const { haystacks, phoneDigits, links, nameInitials, namePairs } = this;
    for (let i = 0; i < candidates.length; i++) {
      const index = candidates[i];
      const haystack = haystacks[index];
      let ok = true;
      for (let t = 0; t < terms.length; t++) {
        const term = terms[t];
        if (haystack.includes(term.text)) continue;
        if (!otherForms[t] || !includesOtherForm(haystack, phoneDigits[index], links[index], term)) {
          ok = false;
          break;
        }
      }
      if (!ok || (matches && !matches(this.contacts[index]))) continue;
      // Ranked as found, while its haystack is at hand.
      if (mayRankAbove2(nameQuery, nameInitials[index], namePairs[index])) {
        const rank = nameRank(haystack, nameQuery);
        if (rank < 2) better.push(count, rank);
      }
      hits[count++] = index;
    }
    // Kept in the chosen order, unranked: the next keystroke's ranks are its own.
    const found = hits.slice(0, count);
    this.last = { text, key, context, hits: found };
    // Plain loops: Array.from with a mapping function over a typed array cost 5–20 ms at
    // 100,000 hits, more than the search itself.
    const contacts = this.contacts;
    const result: Contact[] = new Array(count);
    if (better.length === 0) {
      for (let i = 0; i < count; i++) result[i] = contacts[found[i]];
      return result;
    }
    const placed = new Uint8Array(count);
    let at = 0;
    for (const rank of [0, 1]) {
      for (let b = 0; b < better.length; b += 2) {
        if (better[b + 1] !== rank) continue;
        result[at++] = contacts[found[better[b]]];
        placed[better[b]] = 1;
      }
    }
    for (let i = 0; i < count; i++) if (!placed[i]) result[at++] = contacts[found[i]];
    return result;
  }

  /** Every tag in use, once whatever its case (the filter ignores case), for the tag filter. */
  tags(): string[] {
    const all = new Map<string, string>();
    for (const c of this.contacts) for (const t of c.tags) if (!all.has(fold(t))) all.set(fold(t), t);
    return [...all.values()].sort(new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare);
  }
}
