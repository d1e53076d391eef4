// The dashboard's hash routes. `#/contact/<id>` is a contract: the popup and notifications
// open contacts with it (lib/dashboard-link.ts).
export type Route =
  /** `q`: the search typed, kept in the address so a reload or a bookmark finds it again. */
  | { page: 'contacts'; q?: string }
  | { page: 'contact'; id: string }
  | { page: 'map' }
  | { page: 'week' }
  | { page: 'import' }
  | { page: 'settings' };

const PAGES = ['contacts', 'map', 'week', 'import', 'settings'] as const;

export function parseRoute(hash: string): Route {
  const [whole, query = ''] = hash.split(/\?(.*)/s);
  // A trailing slash, as people type addresses, names the same page.
  const path = whole.replace(/^#\/?/, '').replace(/\/$/, '');
  const contact = /^contact\/(.+)$/.exec(path);
  if (contact) {
    try {
      return { page: 'contact', id: decodeURIComponent(contact[1]) };
    } catch {
      return { page: 'contacts' };
    }
  }
  const page = PAGES.find((p) => p === path);
  if (page && page !== 'contacts') return { page };
  const q = page ? new URLSearchParams(query).get('q') : null;
  return q ? { page: 'contacts', q } : { page: 'contacts' };
}

export function routeHash(route: Route): string {
  if (route.page === 'contact') return `#/contact/${encodeURIComponent(route.id)}`;
  if (route.page === 'contacts' && route.q) return `#/contacts?q=${encodeURIComponent(route.q)}`;
  return `#/${route.page}`;
}
