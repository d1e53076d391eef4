// What the dashboard holds in memory: every contact (with the search index built over them),
// who has a reminder due, and the settings. Read again after every write, or, after a write to a
// few contacts, patched with theirs (withContactsReread). Not every open reminder: each
// contact has a keep-in-touch one, and the week page reads the few it shows (weekReminders).
// A contact's page opened in a new tab (from the popup, a notification) is drawn from that
// contact alone first: the whole notebook takes seconds to read at 100,000 contacts.
import type { DashboardDrafts } from '@/lib/dashboard-drafts';
import { type KithDB, dueReminders, getContact, listContacts } from '@/lib/db';
import type { Contact, Settings } from '@/lib/model';
import { ContactSearch } from '@/lib/search';

export type Notebook = {
  contacts: Contact[];
  byId: Map<string, Contact>;
  search: ContactSearch;
  /** Contacts with a reminder due at `loadedAt`. */
  dueContactIds: ReadonlySet<string>;
  settings: Settings;
  loadedAt: number;
  /**
   * Set while this holds only one contact and those who referred them: the whole notebook, being
   * read. What needs every contact (search, who they referred, who may be them) waits for it.
   */
  whole?: Promise<Notebook>;
};

export type DashboardDeps = {
  db: () => Promise<KithDB>;
  settings: () => Promise<Settings>;
  saveSettings: (change: Partial<Settings>) => Promise<Settings>;
  now: () => number;
  /** Tell the background (badge, alarms) and other tabs the data changed, only `contacts` if given; nothing listening is fine. */
  dataChanged: (contacts?: readonly string[]) => Promise<unknown>;
  /**
   * Call `changed` when the popup, another tab or the worker changed the data, with the only
   * contacts written when it says; returns a way to stop.
   */
  onChangedElsewhere: (changed: (contacts?: readonly string[]) => void) => () => void;
  /** Offer a file to the user: an object URL and `<a download>`, never the network. */
  download: (name: string, type: string, text: string) => void;
  /** This dashboard's store of what is typed on contact pages (lib/dashboard-drafts.ts). */
  drafts: () => Promise<DashboardDrafts>;
  /** The zone the notebook's date-only times start their days in (lib/time-zone-move.ts). */
  timeZone: () => Promise<string>;
  /** The keyboard shortcut that opens the popup, if one is set. */
  popupShortcut: () => Promise<string | undefined>;
};

export async function loadNotebook(deps: DashboardDeps): Promise<Notebook> {
  const db = await deps.db();
  const now = deps.now();
  const [contacts, due, settings] = await Promise.all([listContacts(db), dueReminders(db, now), deps.settings()]);
  return {
    contacts,
    byId: new Map(contacts.map((c) => [c.id, c])),
    search: new ContactSearch(contacts),
    dueContactIds: new Set(due.map((r) => r.contactId)),
    settings,
    loadedAt: now,
  };
}

/**
 * `notebook` with the contacts `ids` read again, and who has a reminder due: after a write that
 * touched only them (a contact's page saving, the popup saving someone new, a delete or merge
 * taking some out), instead of reading every contact again.
 */
export async function withContactsReread(deps: DashboardDeps, notebook: Notebook, ids: readonly string[]): Promise<Notebook> {
  const db = await deps.db();
  const now = deps.now();
  const [fresh, due] = await Promise.all([Promise.all(ids.map((id) => getContact(db, id))), dueReminders(db, now)]);
  const reread = new Map<string, Contact>();
  for (const contact of fresh) if (contact) reread.set(contact.id, contact);
  // Those no longer stored (deleted, merged away) leave first; the others keep their places.
  const goneIds = new Set(ids.filter((id) => !reread.has(id)));
  const gone = new Set<number>();
  if (goneIds.size) notebook.contacts.forEach((contact, i) => goneIds.has(contact.id) && gone.add(i));
  const before = gone.size ? notebook.contacts.filter((_, i) => !gone.has(i)) : notebook.contacts;
  const search = gone.size ? notebook.search.without(gone) : notebook.search;
  const changed: number[] = [];
  const contacts = before.map((contact, i) => {
    const again = reread.get(contact.id);
    if (!again) return contact;
    changed.push(i);
    return again;
  });
  // Someone new (saved in the popup): at the end, as the search's indexes go.
  for (const contact of reread.values()) {
    if (notebook.byId.has(contact.id)) continue;
    changed.push(contacts.length);
    contacts.push(contact);
  }
  const byId = new Map(notebook.byId);
  for (const id of goneIds) byId.delete(id);
  for (const contact of reread.values()) byId.set(contact.id, contact);
  return {
    ...notebook,
    contacts,
    byId,
    search: search.replacing(contacts, changed),
    dueContactIds: new Set(due.map((r) => r.contactId)),
    loadedAt: now,
  };
}

/** Referrers followed at most this far back for a contact's page drawn before the notebook. */
const REFERRAL_HOPS = 20;

/**
 * The contact `id` and the people who referred them, read alone, to draw their page while the
 * whole notebook is read (the caller sets `whole`); undefined when there is no such contact.
 */
export async function loadContactFirst(deps: DashboardDeps, id: string): Promise<Omit<Notebook, 'whole'> | undefined> {
  const db = await deps.db();
  const now = deps.now();
  const [contact, settings] = await Promise.all([getContact(db, id), deps.settings()]);
  if (!contact) return undefined;
  const contacts = [contact];
  const seen = new Set([contact.id]);
  for (let next = contact.referredBy; next && !seen.has(next) && contacts.length <= REFERRAL_HOPS; ) {
    seen.add(next);
    const referrer = await getContact(db, next);
    if (!referrer) break;
    contacts.push(referrer);
    next = referrer.referredBy;
  }
  return {
    contacts,
    byId: new Map(contacts.map((c) => [c.id, c])),
    search: new ContactSearch(contacts),
    dueContactIds: new Set(),
    settings,
    loadedAt: now,
  };
}

export function downloadText(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
