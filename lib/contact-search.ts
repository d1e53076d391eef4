// Finding saved contacts from the popup, which never holds the notebook in memory: as the user
// types, a cursor over the most recently updated that stops at enough matches; by name, the
// notebook read in batches, each let go once looked at.
import { type KithDB, contactFromStore } from './db';
import type { Contact, Person } from './model';
import { type QueryTerm, fold, haystackOf, includesTerm, phoneDigitsOf, queryTerms } from './search';

export type ContactHit = Pick<Contact, 'id' | 'name' | 'title' | 'company'>;

const matchesEvery = (contact: Contact, terms: QueryTerm[]) => {
  const haystack = haystackOf(contact);
  const phoneDigits = phoneDigitsOf(contact);
  return terms.every((term) => includesTerm(haystack, phoneDigits, term));
};

/**
 * Up to `limit` contacts matching `query`, most recently updated first. At most `scanLimit`
 * records are read, so a query that matches nothing still returns in bounded time.
 */
export async function searchContacts(
  db: KithDB,
  query: string,
  { limit = 8, scanLimit = 20_000, excludeId }: { limit?: number; scanLimit?: number; excludeId?: string } = {},
): Promise<ContactHit[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const hits: ContactHit[] = [];
  const index = db.transaction('contacts').store.index('byUpdatedAt');
  let scanned = 0;
  for (let cursor = await index.openCursor(null, 'prev'); cursor; cursor = await cursor.continue()) {
    const contact = contactFromStore(cursor.value);
    if (contact.id !== excludeId && matchesEvery(contact, terms)) {
      hits.push({ id: contact.id, name: contact.name, title: contact.title, company: contact.company });
      if (hits.length >= limit) break;
    }
    if (++scanned >= scanLimit) break;
  }
  return hits;
}

/**
 * Saved contacts with `person`'s name (case and accents folded) that no profile link rules out:
 * whom a page's person may be, saved from somewhere that gave another address. One with another
 * profile link is someone else's profile. There is no name index (one more index slows every
 * import), so this reads the notebook: in transactions of `batch` records, which a save never
 * waits long behind, and only until `signal` aborts.
 */
export async function savedUnderSameName(
  db: KithDB,
  person: Pick<Person, 'name' | 'profileUrl'>,
  { limit = 3, batch = 500, signal }: { limit?: number; batch?: number; signal?: AbortSignal } = {},
): Promise<Contact[]> {
  const name = fold(person.name);
  const found: Contact[] = [];
  if (!name) return found;
  let after: string | undefined;
  while (!signal?.aborted && found.length < limit) {
    const records = await db.getAll('contacts', after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), batch);
    for (const stored of records) {
      if (fold(stored.name) !== name) continue;
      const contact = contactFromStore(stored);
      const otherProfile = person.profileUrl && contact.profileUrl && contact.profileUrl !== person.profileUrl;
      if (!otherProfile && found.push(contact) >= limit) break;
    }
    if (records.length < batch) break;
    after = records[records.length - 1].id;
  }
  return found;
}
