// The part of the model a page can fill in: a captured Person, the PageCapture a content script
// answers, and the cleaning text schemas they (and the records in model.ts) are built from.
// Kept apart from model.ts because the message protocol imports these, and content scripts, which
// load on every page of their site, import the protocol while using none of its schemas: each
// schema here must leave nothing behind in a bundle that does not use it (zod/mini, zod 4's
// tree-shakable API, and `/* @__PURE__ */` on each `.check()`, which the bundler cannot tell is
// pure). The content-script e2e test fails if zod comes back into them.
import * as mini from 'zod/mini';
import { SITE_NAMES } from './extract/sites';
import { canonicalProfileUrl } from './profile-url';
import { cleanLine, cleanMultiline, normalizeEmail, safeHttpUrl } from './text';

// Kith's pages forbid eval by CSP, and so do MV3 content scripts: zod's compiled parsers would
// only probe `new Function`, fail, and leave a CSP violation report on every page they load on.
mini.config({ jitless: true });

export const LIMITS = {
  name: 200,
  title: 300,
  company: 200,
  location: 200,
  notes: 20_000,
  email: 254,
  phone: 64,
  address: 500,
  tag: 60,
  summary: 5_000,
  reminderNote: 1_000,
  listItems: 50,
} as const;

/** A transform that keeps what `clean` returns and fails with `message` when it returns nothing. */
function cleanedOrIssue(clean: (s: string) => string | undefined, message: (s: string) => string) {
  return mini.pipe(
    mini.string(),
    mini.transform((s: string, ctx) => {
      const cleaned = clean(s);
      if (cleaned) return cleaned;
      ctx.issues.push({ code: 'custom', message: message(s), input: s });
      return mini.NEVER;
    }),
  );
}

/** One line of text, cleaned and capped; never fails on a string. */
export const line = (max: number) => mini.pipe(mini.string(), mini.transform((s: string) => cleanLine(s, max)));
/** Text with line breaks, cleaned and capped. */
export const multiline = (max: number) =>
  mini.pipe(mini.string(), mini.transform((s: string) => cleanMultiline(s, max)));

/** How long `text` is as `line` (or, with `lines`, `multiline`) keeps it, before their cap. */
export function keptLength(text: string, lines = false): number {
  return (lines ? cleanMultiline : cleanLine)(text, Number.MAX_SAFE_INTEGER).length;
}

/**
 * Refuse what a person typed when it is longer than `max` as `line` (or, with `lines`,
 * `multiline`) would keep it: those cap text from pages, and what someone typed is never cut.
 * The sentence names the field by `label`.
 */
export function refuseOverLimit(label: string, text: string, max: number, lines = false): void {
  // Cleaning never lengthens text, so text within the limit is not cleaned here.
  if (text.length <= max) return;
  const length = keptLength(text, lines);
  if (length > max) {
    throw new Error(`${label}: ${length.toLocaleString()} characters, where Kith keeps up to ${max.toLocaleString()}. Shorten it to save.`);
  }
}

/**
 * Refuse a list a person typed with more items than `uniqueList` keeps, which would drop the
 * last ones. Items count once by `key`, as the list's schema counts them.
 */
export function refuseTooMany(label: string, items: readonly string[], key: (item: string) => string = (item) => item): void {
  if (items.length <= LIMITS.listItems) return;
  const count = new Set(items.filter(Boolean).map(key)).size;
  if (count > LIMITS.listItems) throw new Error(`${label}: ${count} of them, where Kith keeps up to ${LIMITS.listItems}. Remove some to save.`);
}

export const Id = /* @__PURE__ */ mini.string().check(mini.minLength(1), mini.maxLength(100));
export const EpochMs = /* @__PURE__ */ mini.int().check(mini.minimum(0), mini.maximum(8.64e15));

export const HttpUrl = cleanedOrIssue(safeHttpUrl, () => 'Only http(s) links are kept');
export const ProfileUrl = cleanedOrIssue(canonicalProfileUrl, () => 'A profile link must be an http(s) URL');
export const Email = cleanedOrIssue(normalizeEmail, (s) => `Not an email address: ${cleanLine(s, 80)}`);

/** De-duplicated (first occurrence kept), blanks dropped, capped at LIMITS.listItems. */
export const uniqueList = (item: mini.ZodMiniType<string, string>, key: (item: string) => string = (s) => s) =>
  mini.pipe(
    mini._default(mini.array(item), []),
    mini.transform((items: string[]) => {
      const seen = new Set<string>();
      return items.filter((s) => s !== '' && !seen.has(key(s)) && seen.add(key(s))).slice(0, LIMITS.listItems);
    }),
  );

export const CAPTURE_SOURCES = [
  'linkedin',
  'gmail',
  'outlook',
  'json-ld',
  'microdata',
  'h-card',
  'open-graph',
  'mailto',
  'signature',
  'selection',
  'link',
  'import',
  'manual',
] as const;
export const CaptureSource = mini.enum(CAPTURE_SOURCES);
export type CaptureSource = mini.infer<typeof CaptureSource>;

/** A field of a captured person and which signal answered it, e.g. `linkedin:json-ld`. */
export const PERSON_FIELDS = ['name', 'title', 'company', 'location', 'emails', 'phones', 'profileUrl', 'photoUrl'] as const;
export const PersonField = mini.enum(PERSON_FIELDS);
export type PersonField = mini.infer<typeof PersonField>;

/** An email message the person appeared in, kept so the popup can log it as an interaction. */
export const MessageRef = mini.object({
  subject: mini._default(line(LIMITS.title), ''),
  at: mini.optional(EpochMs),
  link: mini.optional(HttpUrl),
});
export type MessageRef = mini.infer<typeof MessageRef>;

/** A person found on a page: what extractors produce and what content scripts send. */
export const Person = mini.object({
  name: mini.pipe(line(LIMITS.name), /* @__PURE__ */ mini.string().check(mini.minLength(1, 'A person needs a name'))),
  title: mini.optional(line(LIMITS.title)),
  company: mini.optional(line(LIMITS.company)),
  location: mini.optional(line(LIMITS.location)),
  emails: uniqueList(Email),
  phones: mini.optional(uniqueList(line(LIMITS.phone))),
  profileUrl: mini.optional(ProfileUrl),
  photoUrl: mini.optional(HttpUrl),
  source: CaptureSource,
  /** Which signal answered each field, for capture health and debugging redesigns. */
  fieldSources: mini._default(mini.partialRecord(PersonField, line(100)), {}),
  /** In an email thread: how this person took part. */
  role: mini.optional(mini.enum(['sender', 'recipient'])),
  message: mini.optional(MessageRef),
});
export type Person = mini.infer<typeof Person>;
export type PersonInput = mini.input<typeof Person>;

/** People kept from one page. */
const MAX_PEOPLE = 100;
/** Of one page's candidates, how many are parsed: each extractor caps what it reads, this their sum. */
const MAX_CANDIDATES = 500;

function samePerson(a: Person, b: Person): boolean {
  if (a.profileUrl && a.profileUrl === b.profileUrl) return true;
  if (a.emails.some((email) => b.emails.includes(email))) return true;
  // The same name twice on one page is one person, unless their links or addresses tell them apart.
  const linksAgree = !a.profileUrl || !b.profileUrl || a.profileUrl === b.profileUrl;
  const emailsAgree = a.emails.length === 0 || b.emails.length === 0;
  return linksAgree && emailsAgree && a.name.toLowerCase() === b.name.toLowerCase();
}

/** Fields the better candidate lacks are taken from the other, with the signal that answered them. */
function mergeInto(best: Person, other: Person): void {
  for (const field of ['title', 'company', 'location', 'profileUrl', 'photoUrl'] as const) {
    if (best[field] || !other[field]) continue;
    best[field] = other[field];
    best.fieldSources[field] = other.fieldSources[field] ?? other.source;
  }
  const emails = other.emails.filter((email) => !best.emails.includes(email));
  if (emails.length) {
    best.emails = [...best.emails, ...emails];
    best.fieldSources.emails ??= other.fieldSources.emails ?? other.source;
  }
  const phones = (other.phones ?? []).filter((phone) => !(best.phones ?? []).includes(phone));
  if (phones.length) {
    best.phones = [...(best.phones ?? []), ...phones];
    best.fieldSources.phones ??= other.fieldSources.phones ?? other.source;
  }
}

/**
 * An address the page's own person (found first) is written to: a mailto link that names nobody,
 * at the domain of a site that is that person's own, its root their profile ("Email me" on a
 * personal homepage). On a company's or a platform's page about someone (acme.example/team/jane,
 * medium.com/@jane) such a link is the site's: info@, press@, support@.
 */
function writesToSubject(subject: Person | undefined, other: Person): boolean {
  if (!subject?.profileUrl || other.source !== 'mailto' || other.fieldSources.name !== 'mailto:address' || subject.emails.length > 0) return false;
  const site = new URL(subject.profileUrl);
  const host = site.hostname.replace(/^www\./, '');
  return site.pathname === '/' && other.emails.length === 1 && other.emails[0].endsWith(`@${host}`);
}

/** Candidates validated and merged: one entry per person, in the order they were found. */
function validPeople(candidates: unknown[]): Person[] {
  const people: Person[] = [];
  for (const candidate of candidates.slice(0, MAX_CANDIDATES)) {
    const parsed = Person.safeParse(candidate);
    if (!parsed.success) continue;
    const same = people.find((p) => samePerson(p, parsed.data)) ?? (writesToSubject(people[0], parsed.data) ? people[0] : undefined);
    if (same) mergeInto(same, parsed.data);
    else if (people.length < MAX_PEOPLE) people.push(parsed.data);
  }
  return people;
}

/**
 * What capture found on one page. `expected` marks pages that should hold a person. The page
 * sends its candidates as the extractors read them, best first; they are cleaned, validated and
 * merged here, by the extension page or worker that asked. The receiver must parse whatever a
 * page sends anyway; parsing only there keeps zod's work, and its first-use cost, out of the page.
 */
export const PageCapture = mini.object({
  url: HttpUrl,
  expected: mini.boolean(),
  people: mini.pipe(mini.array(mini.unknown()), mini.transform(validPeople)),
});
export type PageCapture = mini.output<typeof PageCapture>;
/** What a page sends: the people its extractors read, not yet cleaned. */
export type PageCaptureInput = Omit<mini.input<typeof PageCapture>, 'people'> & { people: PersonInput[] };

/**
 * What the capture script injected into a page answers on a LinkedIn, Gmail or Outlook page, in
 * place of a capture: which site it is, so the asker loads that site's content script to read it.
 */
export const SitePage = mini.object({ site: mini.enum(SITE_NAMES) });
export type SitePage = mini.infer<typeof SitePage>;
