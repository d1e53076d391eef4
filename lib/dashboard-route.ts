// The dashboard's hash routes. `#/contact/<id>` is a contract: the popup and notifications
// open contacts with it (lib/dashboard-link.ts).
export type Route =
  | { page: 'contacts' }
  | { page: 'contact'; id: string }
  | { page: 'map' }
  | { page: 'week' }
  | { page: 'import' }
  | { page: 'settings' };

const PAGES = ['contacts', 'map', 'week', 'import', 'settings'] as const;

export function parseRoute(hash: string): Route {
  // A trailing slash, as people type addresses, names the same page.
  const path = hash.replace(/^#\/?/, '').replace(/\/$/, '');
  const contact = /^contact\/(.+)$/.exec(path);
  if (contact) {
    try {
      return { page: 'contact', id: decodeURIComponent(contact[1]) };
    } catch {
      return { page: 'contacts' };
    }
  }
  const page = PAGES.find((p) => p === path);
  return page ? { page } : { page: 'contacts' };
}

export function routeHash(route: Route): string {
  return route.page === 'contact' ? `#/contact/${encodeURIComponent(route.id)}` : `#/${route.page}`;
}
