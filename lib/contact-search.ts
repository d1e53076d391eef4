// Finding saved contacts from the popup, which does not load the notebook to open. The notebook
// is read in batches (db.ts `eachContactBatch`), each in a transaction of its own that a save
// waits behind for a few batches at most: for search, once, on the first query, into each
// contact's folded text, so every keystroke after is a filter in memory; for a name, each batch
// let go once looked at.
import { type KithDB, contactFromStore, eachContactBatch } from './db';
import type { Contact, Person } from './model';
import { haystackOf, includesTerm, nameKey, phoneDigitsOf, queryTerms } from './search';

export type ContactHit = Pick<Contact, 'id' | 'name' | 'title' | 'company'>;

const BATCH = 500;

type Findable = { hit: ContactHit; updatedAt: number; haystack: string; phoneDigits: string };

const newestFirst = (a: Findable, b: Findable) => b.updatedAt - a.updatedAt || (a.hit.id < b.hit.id ? 1 : -1);

async function readFindable(db: KithDB): Promise<Findable[]> {
  const findable: Findable[] = [];
  await eachContactBatch(db, BATCH, (records) => {
    for (const stored of records) {
      const contact = contactFromStore(stored);
      const { id, name, title, company, updatedAt } = contact;
      findable.push({ hit: { id, name, title, company }, updatedAt, haystack: haystackOf(contact), phoneDigits: phoneDigitsOf(contact) });
    }
  });
  return findable.sort(newestFirst);
}

export type SearchOptions = { limit?: number; excludeId?: string };

/**
 * Search over the whole notebook as it was at the first query: up to `limit` contacts matching
 * every word of `query`, most recently updated first. Make a new one after a write.
 */
export function contactSearch(db: KithDB): (query: string, options?: SearchOptions) => Promise<ContactHit[]> {
  let findable: Promise<Findable[]> | undefined;
  return async (query, { limit = 8, excludeId } = {}) => {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    findable ??= readFindable(db).catch((error: unknown) => {
      findable = undefined;
      throw error;
    });
    const hits: ContactHit[] = [];
    for (const { hit, haystack, phoneDigits } of await findable) {
      if (hit.id === excludeId || !terms.every((term) => includesTerm(haystack, phoneDigits, term))) continue;
      if (hits.push(hit) >= limit) break;
    }
    return hits;
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
