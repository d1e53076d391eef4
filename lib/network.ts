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
const wordsOf = (name: string) => fold(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Whether `words` hold `wanted` as words in a row: "Meta" names "Meta Platforms", not "Metaview". */
function hasWordsInRow(words: readonly string[], wanted: readonly string[]): boolean {
  for (let at = 0; at + wanted.length <= words.length; at++) if (wanted.every((word, i) => words[at + i] === word)) return true;
  return false;
}

/** For each target company, the contacts whose company names it (whole words; case and accents ignored), warm first. */
export function targetsOf(contacts: readonly Contact[], targets: readonly string[]): { target: string; people: Contact[] }[] {
  // "Acme, Inc." and "acme, inc." are one target: listed once, as first written.
  const seen = new Set<string>();
  const distinct = targets.filter((target) => {
    const key = fold(target.trim());
    return !seen.has(key) && !!seen.add(key);
  });
  return distinct.map((target) => {
    const wanted = wordsOf(target);
    const people = wanted.length ? contacts.filter((c) => c.company && hasWordsInRow(wordsOf(c.company), wanted)) : [];
    people.sort(warmFirst);
    return { target, people };
  });
}
