// schema.org Person in JSON-LD: objects, arrays and @graph, with values that may be strings,
// arrays or objects. Sites write it for search engines, so it outlives their redesigns.
import type { PersonInput } from '../capture-model';
import { linkedinProfileSlug } from '../profile-url';
import { cleanLine, normalizeEmail, parseHttpUrl, parseUrl, safeHttpUrl } from '../text';
import { textOf } from './dom';
import { candidate, looksLikePersonName, once, personName, type Answer, type Answers, withoutSharedKeys, writtenAsName } from './person';

/** A megabyte of JSON-LD is not a person card; skipping it keeps a hostile page cheap. */
const MAX_SCRIPT_CHARS = 500_000;
const MAX_DEPTH = 12;
/** Objects and arrays walked on one page, however many blocks hold them. */
const MAX_NODES = 5_000;

export type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The node's types without their vocabulary's prefix: "Person" for "https://schema.org/Person". */
export function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  // "Person", "schema:Person" and "https://schema.org/Person" all name the same type.
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => {
      const capped = t.slice(0, 100);
      return capped.slice(Math.max(capped.lastIndexOf('/'), capped.lastIndexOf(':'), capped.lastIndexOf('#')) + 1);
    });
}

// HTML character references, which sites writing JSON-LD through their HTML templates leave in
// it ("Ren&eacute; Dupont &amp; Fils"). Named ones are those names are written with: a letter
// and its accent (&eacute;, &Ccedil;, &scaron;), composed as Unicode composes them, and a few more.
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z])(grave|acute|circ|tilde|uml|ring|cedil|caron)|([A-Za-z]{2,6}));/g;
const MARKS: Record<string, string> = { grave: '\u0300', acute: '\u0301', circ: '\u0302', tilde: '\u0303', uml: '\u0308', ring: '\u030a', cedil: '\u0327', caron: '\u030c' };
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', AElig: 'Æ', aelig: 'æ', Oslash: 'Ø', oslash: 'ø', szlig: 'ß', ETH: 'Ð', eth: 'ð', THORN: 'Þ', thorn: 'þ' };

function decodeReferences(text: string): string {
  return text.replace(REFERENCE, (reference, decimal?: string, hex?: string, letter?: string, mark?: string, name?: string) => {
    if (name) return Object.hasOwn(NAMED, name) ? NAMED[name] : reference;
    if (letter) {
      const composed = (letter + MARKS[mark!]).normalize('NFC');
      return composed.length === 1 ? composed : reference;
    }
    const code = decimal ? Number(decimal) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : reference;
  });
}

/** The person's text as it reads, where the site escaped it for HTML. */
function unescaped(person: PersonInput): PersonInput {
  for (const field of ['name', 'title', 'company', 'location'] as const) {
    const text = person[field];
    if (text?.includes('&')) person[field] = cleanLine(decodeReferences(text), 1000);
  }
  return person;
}

/**
 * Strings in a value that may be a string, a number, an array, `{ "@value" }` or `{ name }`, at
 * most `limit`: each is cleaned as it is found, so taking the first cleans no more than that.
 */
function strings(value: unknown, limit: number, depth = 0, found: string[] = []): string[] {
  if (found.length >= limit) return found;
  if (typeof value === 'string') {
    const line = cleanLine(value, 1000);
    if (line) found.push(line);
  } else if (typeof value === 'number') {
    found.push(String(value));
  } else if (depth <= 3 && Array.isArray(value)) {
    for (const item of value.slice(0, 50)) strings(item, limit, depth + 1, found);
  } else if (depth <= 3 && isObject(value)) {
    strings(value['@value'] ?? value.name, limit, depth + 1, found);
  }
  return found;
}

const first = (value: unknown): string | undefined => strings(value, 1)[0];

/**
 * An employer entry as schema.org's Role pattern writes it: `{ "@type": "EmployeeRole",
 * "roleName", "startDate", "worksFor": { "name" } }`, the organisation one level down and the
 * job's own dates and title beside it.
 */
const asRole = (entry: unknown): JsonObject | undefined =>
  isObject(entry) && entry.worksFor !== undefined && typesOf(entry).some((type) => type.endsWith('Role')) ? entry : undefined;

/**
 * The current employer, and the title of the role there: the first entry without an end date
 * (LinkedIn lists past ones too, with the dates on an OrganizationRole as `member`).
 */
function currentEmployer(worksFor: unknown): { company?: string; roleName?: string } {
  const entries = (Array.isArray(worksFor) ? worksFor : [worksFor]).slice(0, 50);
  const employer = (entry: unknown) => first(asRole(entry)?.worksFor ?? entry);
  const ended = (entry: unknown) =>
    isObject(entry) && (entry.endDate !== undefined || (isObject(entry.member) && entry.member.endDate !== undefined));
  // Every job ended (between jobs, or a page listing only past ones): no current employer.
  const current = entries.find((entry) => employer(entry) && !ended(entry));
  const role = asRole(current) ?? (isObject(current) && isObject(current.member) ? current.member : undefined);
  return { company: employer(current), roleName: first(role?.roleName) };
}

// Built on first use: the LinkedIn script and the capture script load this module on every page.
const countriesOfRegionCodes = /* @__PURE__ */ once(() => new Set(['US', 'USA', 'UNITED STATES', 'CA', 'CANADA', 'AU', 'AUSTRALIA']));

function place(address: unknown): string | undefined {
  const entry = Array.isArray(address) ? address[0] : address;
  if (!isObject(entry)) return first(entry);
  const country = first(entry.addressCountry);
  const region = first(entry.addressRegion);
  // A code is left out ("Lisbon" + "PT", "Berlin" + "BE"), but for the states and provinces
  // people write with their city ("Austin, TX", "Toronto, ON").
  const regionByCode = region && region.length <= 2 && countriesOfRegionCodes().has((country ?? '').toUpperCase());
  const parts = [first(entry.addressLocality), region && (region.length > 2 || regionByCode) ? region : undefined, country && country.length > 2 ? country : undefined];
  const unique: string[] = [];
  for (const part of parts) {
    // Skip a part the locality already spells out.
    if (!part || unique.some((u) => u.includes(part))) continue;
    unique.push(part);
  }
  return unique.join(', ') || first(entry.name);
}

function imageOf(image: unknown, base: string): string | undefined {
  for (const entry of (Array.isArray(image) ? image : [image]).slice(0, 10)) {
    const candidates = isObject(entry) ? [entry.contentUrl, entry.url] : [entry];
    for (const url of candidates.flatMap((c) => strings(c, 10))) {
      const safe = safeHttpUrl(url, base);
      if (safe) return safe;
    }
  }
  return undefined;
}

/** Whether two addresses are one page as a profile link keeps it: without query and fragment (profile-url.ts). */
const samePage = (a: URL, b: URL) => a.origin === b.origin && a.pathname === b.pathname;

/**
 * The person's own address in `url`. A place on a page (`#ana`, `…/team/#ana`) is not one: a link
 * is kept without its fragment, so it would name the page and make everyone on it one person.
 */
function ownAddress(value: unknown, base: string): string | undefined {
  return strings(value, 10)
    .map((url) => parseHttpUrl(url, base))
    .find((url) => url && !url.hash)?.href;
}

/**
 * A LinkedIn profile among the person's other pages (`sameAs`): the link Kith knows most people
 * by, so a speaker's page finds the one saved from their profile.
 */
function linkedinProfileIn(value: unknown, base: string): string | undefined {
  return strings(value, 20)
    .map((url) => parseHttpUrl(url, base))
    .find((url) => url && linkedinProfileSlug(url))?.href;
}

/** An `@id` as the person's link: it is a name for the node, so never a place on a page, nor the page itself. */
function idAsLink(id: unknown, page: string): string | undefined {
  const url = parseHttpUrl(first(id));
  if (!url || url.hash) return undefined;
  const here = parseUrl(page);
  return here && samePage(url, here) ? undefined : url.href;
}

/** Where schema.org's vocabulary was read from: JSON-LD blocks, or microdata attributes (microdata.ts). */
type Syntax = 'json-ld' | 'microdata';

/** Fields of one Person node of `doc`, each answered by `from`; links are resolved against the page. */
export function jsonLdAnswers(node: JsonObject, doc: Document, from: Syntax = 'json-ld'): Answers {
  const answer = <T>(value: T | undefined): Answer<T> | undefined =>
    value === undefined || (Array.isArray(value) && value.length === 0) ? undefined : { value, from };
  const base = doc.baseURI;
  const name = first(node.name) ?? ([first(node.givenName), first(node.familyName)].filter(Boolean).join(' ') || undefined);
  const list = (value: unknown) => strings(value, 10);
  const employer = currentEmployer(node.worksFor);
  return {
    name: answer(name),
    title: answer(first(node.jobTitle) ?? employer.roleName),
    company: answer(employer.company ?? first(node.affiliation)),
    location: answer(place(node.address) ?? place(isObject(node.homeLocation) ? (node.homeLocation.address ?? node.homeLocation) : undefined)),
    emails: answer(list(node.email).map(normalizeEmail).filter((e): e is string => Boolean(e))),
    phones: answer(list(node.telephone)),
    profileUrl: answer(linkedinProfileIn([node.url, node.sameAs], base) ?? ownAddress(node.url, base) ?? idAsLink(node['@id'], doc.URL)),
    photoUrl: answer(imageOf(node.image, base)),
  };
}

// One token of JSON after any white space: an opening, a closing, a comma or colon, a scalar, or
// the end of the text (the only empty match).
const JSON_TOKEN =
  /[ \t\n\r]*(?:([{[])|([}\]])|([,:])|("(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null)|$)/y;

/**
 * Whether `text` is one JSON value, exactly as JSON.parse accepts it. JSON.parse can only report
 * broken input by throwing, and the first exception a page's scripts throw costs about a
 * millisecond (BENCHMARKS.md); checking first keeps a broken block free. One regex, compiled once,
 * and an explicit stack, so deep nesting cannot overflow.
 */
export function isJson(text: string): boolean {
  const open: string[] = [];
  let next: 'value' | 'first-value' | 'first-key' | 'key' | 'colon' | 'after-value' = 'value';
  JSON_TOKEN.lastIndex = 0;
  for (;;) {
    const token = JSON_TOKEN.exec(text);
    if (!token) return false;
    const [, opening, closing, punctuation, scalar] = token;
    if (opening) {
      if (next !== 'value' && next !== 'first-value') return false;
      open.push(opening);
      next = opening === '{' ? 'first-key' : 'first-value';
    } else if (closing) {
      const empty = closing === '}' ? 'first-key' : 'first-value';
      if ((next !== 'after-value' && next !== empty) || open.pop() !== (closing === '}' ? '{' : '[')) return false;
      next = 'after-value';
    } else if (punctuation === ':') {
      if (next !== 'colon') return false;
      next = 'value';
    } else if (punctuation === ',') {
      if (next !== 'after-value' || open.length === 0) return false;
      next = open.at(-1) === '{' ? 'key' : 'value';
    } else if (scalar) {
      if (next === 'first-key' || next === 'key') {
        if (!scalar.startsWith('"')) return false;
        next = 'colon';
      } else if (next === 'value' || next === 'first-value') {
        next = 'after-value';
      } else {
        return false;
      }
    } else {
      return next === 'after-value' && open.length === 0;
    }
  }
}

const XHTML_WRAPPER = /^\s*(?:\/\/\s*<!\[CDATA\[|\/\*\s*<!\[CDATA\[\s*\*\/|<!--)|(?:\/\/\s*\]\]>|\/\*\s*\]\]>\s*\*\/|-->)\s*$/g;

/** The node names in a reference or list of them (`{"@id"}`, a URL, a WebPage with `url`), resolved against the page. */
function referencesIn(value: unknown, base: string | undefined): URL[] {
  const refs = (Array.isArray(value) ? value.slice(0, 10) : [value]).flatMap((entry) => (isObject(entry) ? [entry['@id'], entry.url] : [entry]));
  return refs.map((ref) => (typeof ref === 'string' ? parseUrl(ref.slice(0, 2048), base) : null)).filter((url): url is URL => url !== null);
}

// Where an organisation lists its people: an about page's team, its founders.
const PEOPLE_OF_ORGANISATION = new Set(['employee', 'employees', 'founder', 'founders', 'member', 'members']);

/** `node` with the employer it leaves to context: the organisation listing it, or one described by `@id` elsewhere in the page. */
function withEmployerInContext(node: JsonObject, listedBy: JsonObject | undefined, described: ReadonlyMap<string, JsonObject>): JsonObject {
  if (node.worksFor === undefined) return listedBy && node.affiliation === undefined ? { ...node, worksFor: listedBy } : node;
  // A graph describes the organisation once and refers to it (`"worksFor": {"@id": "…#organization"}`).
  const resolve = (entry: unknown) =>
    isObject(entry) && entry.name === undefined && typeof entry['@id'] === 'string' ? (described.get(entry['@id']) ?? entry) : entry;
  const worksFor = Array.isArray(node.worksFor) ? node.worksFor.map(resolve) : resolve(node.worksFor);
  return { ...node, worksFor };
}

/**
 * A Person node, and whether the page only lists them among an organisation's people (its founder,
 * its employees): a company's site writes its Organization with its founder into every page's
 * head, so such a person is not whom a page is about unless it says so.
 */
export type PersonNode = { node: JsonObject; listed: boolean; subject: boolean };

// Words of a newsroom's or a company's name, which a post's author given as text often is ("Reuters Staff").
const NOT_A_PERSONS_NAME = /\b(?:news|staff|team|editors?|editorial|desk|press|media|magazine|times|post|journal|daily|weekly|group|agency|inc|ltd|llc|gmbh)\b/i;

/**
 * A post's authors written as their names alone (`"author": "Jane Roe"`, microdata's `<span
 * itemprop="author">`), where the text is a person's name and not a newsroom's.
 */
function authorsByName(value: unknown): string[] {
  return (Array.isArray(value) ? value.slice(0, 10) : [value])
    .flatMap((item) => (typeof item === 'string' ? [cleanLine(item, 200)] : []))
    .filter((name) => name.includes(' ') && name.split(' ').length <= 4 && looksLikePersonName(name) && writtenAsName(name) && !NOT_A_PERSONS_NAME.test(name));
}

/**
 * Person nodes of `items` (the top-level values of a page's JSON-LD blocks, or its microdata
 * items), the page's own subject first: the person a ProfilePage's mainEntity or about, or a
 * page's mainEntity, holds or names by `@id`, or whose mainEntityOfPage is this page, or a post's
 * author; then top-level people before people nested deeper (a reviewer). A person's employer
 * given by reference or by the organisation listing them is filled in.
 */
export function personNodes(items: readonly unknown[], doc: Document): PersonNode[] {
  const found: { node: JsonObject; rank: number; subject: boolean; listedBy?: JsonObject }[] = [];
  // Nodes by their `@id`, for employers given by reference; their names are read only if asked.
  const described = new Map<string, JsonObject>();
  // Graphs list their nodes flat and link them by `@id`, so a ProfilePage's subject is often a
  // reference to a Person listed after the site's owner or an article's author.
  const subjectIds = new Set<string>();
  // Some DOMs (linkedom) give baseURI as null, which no URL parses against.
  const base = doc.baseURI || undefined;
  // Objects and arrays only: the strings and numbers of a schedule of a thousand sessions before
  // the speaker's own block would use up the budget the speaker needs.
  let visited = 0;
  const walk = (value: unknown, depth: number, rank: number, subject: boolean, listedBy?: JsonObject) => {
    if (depth > MAX_DEPTH || typeof value !== 'object' || value === null || ++visited > MAX_NODES) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1, rank, subject, listedBy);
      return;
    }
    if (!isObject(value)) return;
    if (subject) for (const id of referencesIn(value['@id'], base)) subjectIds.add(id.href);
    const types = typesOf(value);
    if (types.includes('Person')) {
      found.push({ node: value, rank, subject, listedBy });
      return;
    }
    if (value.name !== undefined && typeof value['@id'] === 'string') described.set(value['@id'], value);
    const isProfilePage = types.includes('ProfilePage');
    // A page's main entity is whom it is about; CMS themes write a staff page's person as the
    // WebPage's mainContentOfPage in microdata.
    const isPage = types.some((type) => type.endsWith('Page'));
    // A post's author is whom the page is about (a guest post's, not the site owner's listed first).
    const isPost = types.some((type) => type.endsWith('Article') || type.endsWith('Posting'));
    for (const [key, child] of Object.entries(value)) {
      if (key === '@context') continue;
      if (isPost && key === 'author') for (const name of authorsByName(child)) found.push({ node: { '@type': 'Person', name }, rank: rank + 1, subject: true });
      const listing = PEOPLE_OF_ORGANISATION.has(key) && value.name !== undefined ? value : undefined;
      const ofSubject =
        (isProfilePage && key === 'about') || (isPage && (key === 'mainEntity' || key === 'mainContentOfPage')) || (isPost && key === 'author');
      walk(child, depth + 1, key === '@graph' ? rank : rank + 1, ofSubject, listing);
    }
  };
  for (const item of items) walk(item, 0, 0, false);
  // Most pages Kith reads have no Person in JSON-LD (every LinkedIn profile but the public one):
  // they parse no address here.
  if (found.length === 0) return [];
  const page = parseUrl(doc.URL);
  for (const entry of found) {
    entry.subject ||=
      (subjectIds.size > 0 && referencesIn(entry.node['@id'], base).some((id) => subjectIds.has(id.href))) ||
      (page !== null && referencesIn(entry.node.mainEntityOfPage, base).some((url) => samePage(url, page)));
  }
  // Of several people who may be the subject (all of them where none is said to be), the one the
  // page's heading names: one speaker's page among an event's speakers, a staff page's person
  // beside the author of a news item shown on it; so is a founder on their own page.
  const subjects = found.filter((entry) => entry.subject);
  const contenders = subjects.length ? subjects : found;
  if (contenders.length > 1 || (subjects.length === 0 && found.some((entry) => entry.listedBy))) {
    const nameOf = (text: string | undefined) => (text ? personName(text).toLowerCase() : '');
    const heading = nameOf(textOf(doc.querySelector('h1')));
    const fullName = (node: JsonObject) => first(node.name) ?? [first(node.givenName), first(node.familyName)].filter(Boolean).join(' ');
    const named = heading ? contenders.find((entry) => nameOf(fullName(entry.node)) === heading) : undefined;
    if (named) for (const entry of found) entry.subject = entry === named;
  }
  return found
    .sort((a, b) => Number(b.subject) - Number(a.subject) || a.rank - b.rank)
    .map((f) => ({ node: withEmployerInContext(f.node, f.listedBy, described), listed: !f.subject && f.listedBy !== undefined, subject: f.subject }));
}

/** The value of each JSON-LD block of `doc`; broken JSON-LD is common, and other blocks may still hold the person. */
function jsonLdBlocks(doc: Document): unknown[] {
  const values: unknown[] = [];
  for (const script of doc.querySelectorAll('script[type^="application/ld+json" i]')) {
    const raw = script.textContent ?? '';
    if (raw.length > MAX_SCRIPT_CHARS) continue;
    // Blocks wrapped for old XHTML parsers (`//<![CDATA[ … //]]>`, `<!-- … -->`), a few sites' way.
    const text = raw.includes('<!') ? raw.replace(XHTML_WRAPPER, '') : raw;
    if (isJson(text)) values.push(JSON.parse(text));
  }
  return values;
}

export function jsonLdPersonNodes(doc: Document): PersonNode[] {
  return personNodes(jsonLdBlocks(doc), doc);
}

/** The people schema.org markup gives: whom the page is about, the others it shows, and those it only lists as an organisation's (PersonNode). */
export type SchemaOrgPeople = { about: PersonInput[]; shown: PersonInput[]; listed: PersonInput[] };

/** Candidates of Person nodes read from `syntax`, in the nodes' order. */
export function peopleOfNodes(nodes: readonly PersonNode[], doc: Document, syntax: Syntax): SchemaOrgPeople {
  const people = nodes.map(({ node, listed, subject }) => {
    const person = candidate(syntax, jsonLdAnswers(node, doc, syntax));
    // Microdata is read from the DOM, whose text the browser has already decoded.
    return { person: person && syntax === 'json-ld' ? unescaped(person) : person, place: subject ? 'about' : listed ? 'listed' : 'shown' };
  });
  withoutSharedKeys(people.flatMap(({ person }) => (person ? [person] : [])));
  const of = (place: keyof SchemaOrgPeople) => people.flatMap((entry) => (entry.person && entry.place === place ? [entry.person] : []));
  return { about: of('about'), shown: of('shown'), listed: of('listed') };
}

export function extractJsonLd(doc: Document): SchemaOrgPeople {
  return peopleOfNodes(jsonLdPersonNodes(doc), doc, 'json-ld');
}
