// The network map: who is in each circle, the organisational networks, and who the user knows
// at the companies they are aiming for. Pure: the contacts and targets are passed in.
import { type Contact, ORG_ROLES, type OrgRole, RELATIONSHIPS, type Relationship } from './model';
import { fold } from './search';

export type Circle = { relationship: Relationship; total: number; warm: number; cold: number };

/** Every circle, in the model's order, empty ones included: a gap is worth seeing. */
export function circlesOf(contacts: readonly Contact[]): Circle[] {
  const circles = new Map<Relationship, Circle>(RELATIONSHIPS.map((r) => [r, { relationship: r, total: 0, warm: 0, cold: 0 }]));
  for (const contact of contacts) {
    const circle = circles.get(contact.relationship)!;
    circle.total += 1;
    circle[contact.warmth] += 1;
  }
  return [...circles.values()];
}

/** The people in the advice, trust and communication networks, warm first. */
export function orgNetworksOf(contacts: readonly Contact[]): Record<OrgRole, Contact[]> {
  const networks = Object.fromEntries(ORG_ROLES.map((role) => [role, [] as Contact[]])) as Record<OrgRole, Contact[]>;
  for (const contact of contacts) for (const role of contact.orgRoles) networks[role].push(contact);
  for (const role of ORG_ROLES) networks[role].sort(warmFirst);
  return networks;
}

/** Warm before cold, then by name: whom to ask first. */
function warmFirst(a: Contact, b: Contact): number {
  return a.warmth === b.warmth ? a.name.localeCompare(b.name) : a.warmth === 'warm' ? -1 : 1;
}

/** A name's words as compared: folded, split at anything not a letter or a digit. */
// "&" is "and": Procter & Gamble is Procter and Gamble.
const wordsOf = (name: string) => fold(name).replaceAll('&', ' and ').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Whether `words` hold `wanted` as words in a row: "Meta" names "Meta Platforms", not "Metaview". */
function hasWordsInRow(words: readonly string[], wanted: readonly string[]): boolean {
  for (let at = 0; at + wanted.length <= words.length; at++) if (wanted.every((word, i) => words[at + i] === word)) return true;
  return false;
}

// A company's legal form, which a target may be written with or without: "Acme Inc." is Acme.
const LEGAL_FORMS = new Set(['inc', 'llc', 'llp', 'ltd', 'limited', 'gmbh', 'ag', 'sa', 'sas', 'srl', 'spa', 'bv', 'nv', 'plc', 'corp', 'corporation', 'co', 'pty', 'pte', 'oy', 'ab', 'kk']);

/** The target's words without a legal form at their end; the whole of it where that is all there is. */
function wantedWords(target: string): string[] {
  const words = wordsOf(target);
  let end = words.length;
  while (end > 1 && LEGAL_FORMS.has(words[end - 1])) end -= 1;
  return words.slice(0, end);
}

/** What makes two targets one: the same words, in any case, accents, punctuation or legal form ("Acme Inc", "ACME INC."). */
export const targetKey = (target: string) => wantedWords(target).join(' ');

// Scripts written without spaces between words (トヨタ自動車株式会社, 腾讯科技): a name is one run of
// them, so a target in one is looked for inside the company's name, not as a word of it.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/**
 * For each target company, the contacts whose company names it, warm first: as whole words, case,
 * accents and a legal form ignored ("Acme Inc." finds Acme GmbH), or inside the name in a script
 * without spaces.
 */
export function targetsOf(contacts: readonly Contact[], targets: readonly string[]): { target: string; people: Contact[] }[] {
  // "Acme, Inc." and "ACME INC" are one target: listed once, as first written.
  const seen = new Set<string>();
  const distinct = targets.filter((target) => {
    const key = targetKey(target);
    return !seen.has(key) && !!seen.add(key);
  });
  return distinct.map((target) => {
    const wanted = wantedWords(target);
    const unspaced = UNSPACED.test(target) ? fold(target.trim()) : undefined;
    const names = (c: Contact) => (unspaced ? fold(c.company).includes(unspaced) : hasWordsInRow(wordsOf(c.company), wanted));
    const people = wanted.length ? contacts.filter((c) => c.company && names(c)) : [];
    people.sort(warmFirst);
    return { target, people };
  });
}
