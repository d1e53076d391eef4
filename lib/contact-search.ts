// Finding a saved contact as the user types, without loading the notebook: a cursor over the
// most recently updated contacts that stops as soon as it has enough matches.
import { type KithDB, contactFromStore } from './db';
import type { Contact } from './model';
import { type QueryTerm, haystackOf, includesTerm, phoneDigitsOf, queryTerms } from './search';

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
