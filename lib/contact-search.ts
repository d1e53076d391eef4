// Finding saved contacts from the popup, which does not load the notebook to open. The notebook
// is read in batches (db.ts `eachContactBatch`), each in a transaction of its own that a save
// waits behind for a few batches at most: for search, once, on the first query, into each
// contact's folded text, so every keystroke after is a filter in memory; for a name, each batch
// let go once looked at.
import { type KithDB, contactFromStore, eachContactBatch } from './db';
import type { Contact, Person } from './model';
import { type Findable, type NameStarts, findableOf, includesTerm, mayRankAbove2, nameKey, nameQueryOf, nameRank, nameStartsOf, namesWhole, queryTerms } from './search';

export type ContactHit = Pick<Contact, 'id' | 'name' | 'title' | 'company'>;

const BATCH = 500;

type Entry = { hit: ContactHit; updatedAt: number; findable: Findable; starts: NameStarts };

const newestFirst = (a: Entry, b: Entry) => b.updatedAt - a.updatedAt || (a.hit.id < b.hit.id ? 1 : -1);

async function readEntries(db: KithDB): Promise<Entry[]> {
  const entries: Entry[] = [];
  await eachContactBatch(db, BATCH, (records) => {
    for (const stored of records) {
      const contact = contactFromStore(stored);
      const { id, name, title, company, updatedAt } = contact;
      const findable = findableOf(contact);
      entries.push({ hit: { id, name, title, company }, updatedAt, findable, starts: nameStartsOf(findable.haystack) });
    }
  });
  return entries.sort(newestFirst);
}

export type SearchOptions = { limit?: number; excludeId?: string };

/**
 * Search over the whole notebook as it was at the first query: up to `limit` contacts matching
 * every word of `query`, those whose name answers it best first (`nameRank`), and of each rank
 * the most recently updated first. A single letter, which matches most of a notebook, is not
 * ranked, as in the dashboard: its first `limit` end the search.
 */
export function contactSearch(db: KithDB): (query: string, options?: SearchOptions) => Promise<ContactHit[]> {
  let entries: Promise<Entry[]> | undefined;
  return async (query, { limit = 8, excludeId } = {}) => {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    entries ??= readEntries(db).catch((error: unknown) => {
      entries = undefined;
      throw error;
    });
    const nameQuery = nameQueryOf(terms);
    // No rank needs more than `limit`. Ranked, every contact is looked at, as the best may be
    // the last: the name-start bits keep most of them from a closer look, and once the two best
    // ranks fill the list only a name that is the query whole can still get in.
    const byRank: ContactHit[][] = [[], [], []];
    const all = await entries;
    let at = 0;
    for (; at < all.length; at++) {
      const { hit, findable, starts } = all[at];
      if (hit.id === excludeId || !terms.every((term) => includesTerm(findable, term))) continue;
      const rank = byRank[mayRankAbove2(nameQuery, starts.initials, starts.pairs) ? nameRank(findable.haystack, nameQuery) : 2];
      if (rank.length < limit) rank.push(hit);
      if (byRank[nameQuery.ranked ? 0 : 2].length >= limit) return rank;
      if (nameQuery.ranked && byRank[0].length + byRank[1].length >= limit) break;
    }
    for (at++; at < all.length && byRank[0].length < limit; at++) {
      const { hit, findable } = all[at];
      if (hit.id !== excludeId && namesWhole(findable.haystack, nameQuery)) byRank[0].push(hit);
    }
    return byRank.flat().slice(0, limit);
  };
}

/**
 * Saved contacts with `person`'s name (as `nameKey` compares names) that no profile link rules out:
 * whom a page's person may be, saved from somewhere that gave another address. One with another
 * profile link is someone else's profile. There is no name index (one more index slows every
 * import), so this reads the notebook, until `signal` aborts.
 */
export async function savedUnderSameName(
  db: KithDB,
  person: Pick<Person, 'name' | 'profileUrl'>,
  { limit = 3, batch = BATCH, signal }: { limit?: number; batch?: number; signal?: AbortSignal } = {},
): Promise<Contact[]> {
  const name = nameKey(person.name);
  const found: Contact[] = [];
  if (!name) return found;
  await eachContactBatch(db, batch, (records) => {
    if (signal?.aborted) return true;
    for (const stored of records) {
      if (nameKey(stored.name) !== name) continue;
      const contact = contactFromStore(stored);
      const otherProfile = person.profileUrl && contact.profileUrl && contact.profileUrl !== person.profileUrl;
      if (!otherProfile && found.push(contact) >= limit) return true;
    }
    return false;
  });
  return found;
}
