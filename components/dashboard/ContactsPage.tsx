// Everyone: search as you type, filters, sorting, a windowed table (only the rows in view are
// rendered, so 100,000 contacts scroll like 100) and bulk actions with undo.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { contactIdsOf, deleteContacts, restoreSnapshot, revertContactChanges, updateContacts } from '@/lib/db';
import { LIMITS, RELATIONSHIPS, RELATIONSHIP_LABELS, type Relationship, WARMTHS, type Warmth, refuseOverLimit } from '@/lib/model';
import { type ContactFilters, SORT_KEYS, SORT_LABELS, type SortKey, fold, queryTerms } from '@/lib/search';
import { type Route, parseRoute, routeHash } from '@/lib/dashboard-route';
import { localDaysBetween } from '@/lib/reminders';
import { WARMTH_LABELS, jobLine, nameWithGist } from '../labels';
import { focusLost } from '../focus-when-lost';
import type { PageProps } from './Dashboard';

const ROW_HEIGHT = 40;
const VIEW_ROWS = 15;
const OVERSCAN = 5;

// `data-return-focus` keys: Undo of a bulk change focuses the button that made it; a delete
// clears the selection and its buttons with it, so Undo of one lands on the search above the list.
const ADD_TAG_KEY = 'bulk-add-tag';
const SET_RELATIONSHIP_KEY = 'bulk-set-relationship';
export const CONTACTS_SEARCH_KEY = 'contacts-search';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

function lastContactText(at: number | undefined, now: number): string {
  if (at === undefined) return 'Never';
  // Calendar days, as the user lives them: last night at 23:59 is yesterday, this morning.
  const days = localDaysBetween(at, now);
  return days <= 0 ? 'Today' : days === 1 ? 'Yesterday' : `${days} days ago`;
}

/**
 * What the list was showing: its search, filters, sort, selection and scroll. The dashboard keeps
 * it while other pages are open, so a user working down a filtered list one contact at a time
 * comes back to where they were.
 */
export type ContactsView = { text: string; filters: ContactFilters; sort: SortKey; selected: ReadonlySet<string>; scrollTop: number };

/**
 * `address`: the route the list was opened at, a new one each time the address changes. A search
 * it holds (a reload, a bookmark, a link, Back) is the one shown; without one, the list shows the
 * search it had when last left.
 */
type Props = PageProps & { viewBefore?: ContactsView; keepView: (view: ContactsView) => void; address: Extract<Route, { page: 'contacts' }> };

/** " (3 had it already)": the selected contacts a bulk action left as they were, if any. */
const alreadySo = (count: number, what: string) => (count > 0 ? ` (${count.toLocaleString()} ${what} already)` : '');

export function ContactsPage({ deps, notebook, changed, viewBefore, keepView, address }: Props) {
  const id = useId();
  const [text, setText] = useState(address.q ?? viewBefore?.text ?? '');
  const openedAt = useRef(address);
  useEffect(() => {
    if (address !== openedAt.current && address.q !== undefined) setText(address.q);
  }, [address]);
  // The search goes into the address as it is typed, in place of the entry it is on: a reload or
  // a bookmark finds it again, and Back leaves the page rather than a letter at a time.
  // Only while the address is still this page's: an effect run late, after Back has left for
  // another page, would otherwise write this page over that one's entry. And again when the
  // address changes without a search (the navigation's "Contacts" followed from the list), which
  // keeps the one shown.
  useEffect(() => {
    const hash = routeHash({ page: 'contacts', q: text.trim() ? text : undefined });
    if (location.hash !== hash && parseRoute(location.hash).page === 'contacts') history.replaceState(history.state, '', hash);
  }, [text, address]);
  const [filters, setFilters] = useState<ContactFilters>(viewBefore?.filters ?? {});
  const [sort, setSort] = useState<SortKey>(viewBefore?.sort ?? 'warmth');
  const [selected, setSelected] = useState<ReadonlySet<string>>(viewBefore?.selected ?? new Set());
  const [scrollTop, setScrollTop] = useState(viewBefore?.scrollTop ?? 0);
  useEffect(() => keepView({ text, filters, sort, selected, scrollTop }), [keepView, text, filters, sort, selected, scrollTop]);
  // A contact deleted meanwhile (on its page, in another tab) is no longer selected.
  useEffect(() => {
    if ([...selected].some((c) => !notebook.byId.has(c))) setSelected(new Set([...selected].filter((c) => notebook.byId.has(c))));
  }, [notebook]);
  const [bulkTag, setBulkTag] = useState('');
  const [bulkRelationship, setBulkRelationship] = useState<Relationship>('colleague');
  /** What the last bulk action failed on, and the field it was about, if one was. */
  const [error, setError] = useState<{ message: string; field?: 'tag' }>();
  // It goes with the selection it was about, and the bar of actions with it.
  useEffect(() => {
    if (selected.size === 0) setError(undefined);
  }, [selected]);

  const context = useMemo(() => ({ now: notebook.loadedAt, dueContactIds: notebook.dueContactIds }), [notebook]);
  const results = useMemo(
    () => notebook.search.search({ text, filters, sort }, context),
    [notebook, text, filters, sort, context],
  );
  const tags = useMemo(() => notebook.search.tags(), [notebook]);
  const filtered = Object.values(filters).some((value) => value !== undefined && value !== false);
  const setFilter = <K extends keyof ContactFilters>(key: K, value: ContactFilters[K]) => setFilters((current) => ({ ...current, [key]: value }));
  // A tag no contact has any more (a bulk tag undone, its last contacts deleted) is no filter: left
  // on, it would hide everyone behind a blank choice.
  const tagGone = filters.tag !== undefined && !tags.some((tag) => fold(tag) === fold(filters.tag!));
  // The tag chosen as the list now spells it: the contact whose spelling it was may have gone.
  const shownTag = (filters.tag !== undefined && tags.find((tag) => fold(tag) === fold(filters.tag!))) || '';
  useEffect(() => {
    if (tagGone) setFilter('tag', undefined);
  }, [tagGone]);
  // A new search, filter or sort shows its first matches: the table itself scrolls back to the
  // top, not only the rows drawn, or those would be drawn out of view.
  const viewport = useRef<HTMLDivElement>(null);
  // Back on the list, it is scrolled where it was left, once: later it follows the user.
  const scrollBack = useRef(viewBefore?.scrollTop ?? 0);
  useLayoutEffect(() => {
    if (scrollBack.current > 0) {
      if (viewport.current) viewport.current.scrollTop = scrollBack.current;
      scrollBack.current = 0;
      return;
    }
    // The table itself is asked where it is: a scroll just before the keystroke is told of only
    // in the next frame. Its layout is the one this frame draws anyway.
    if (!viewport.current || (scrollTop === 0 && viewport.current.scrollTop === 0)) return;
    viewport.current.scrollTop = 0;
    setScrollTop(0);
  }, [text, filters, sort]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(results.length, first + VIEW_ROWS + OVERSCAN * 2);
  // A row scrolled out of those drawn takes the keyboard's focus with it (PageDown from a row's
  // link): the table takes it back, and the keys go on scrolling it.
  const tableHasFocus = useRef(false);
  useLayoutEffect(() => {
    if (tableHasFocus.current && focusLost()) viewport.current?.focus({ preventScroll: true });
  }, [first, last]);
  const visible = results.slice(first, last);
  const allShownSelected = results.length > 0 && results.every((c) => selected.has(c.id));
  // Picked, then hidden by a search or filter: a bulk action still acts on them, so the bar says so.
  const hiddenSelected = selected.size && selected.size - results.filter((c) => selected.has(c.id)).length;

  // What a bulk action is doing, said while it does: thousands of contacts take seconds, and a
  // second press meanwhile would act twice.
  const [working, setWorking] = useState<string>();
  const run = async (doing: string, work: () => Promise<void>, field?: 'tag') => {
    if (working) return;
    setWorking(doing);
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError({ message: failure instanceof Error ? failure.message : String(failure), field });
    } finally {
      setWorking(undefined);
    }
  };

  const addTag = () =>
    run(`Tagging ${plural(selected.size, 'contact')}…`, async () => {
      // Commas part tags here as in the contact form's Tags.
      const tags = bulkTag.split(',').map((tag) => tag.trim()).filter(Boolean);
      if (tags.length === 0) throw new Error('Type a tag to add');
      for (const tag of tags) refuseOverLimit('Tag', tag, LIMITS.tag);
      const db = await deps.db();
      const now = deps.now();
      // A tag a contact has in another case is theirs already: search and the Tag filter read them as one.
      const tagged = await updateContacts(db, [...selected], (c) => {
        const added = tags.filter((tag, i) => !c.tags.some((own) => fold(own) === fold(tag)) && tags.findIndex((other) => fold(other) === fold(tag)) === i);
        // Saved, a list longer than Kith keeps would lose its last tags without a word.
        const count = c.tags.length + added.length;
        if (count > LIMITS.listItems) {
          throw new Error(`Tags: ${c.name} would have ${count}, where Kith keeps up to ${LIMITS.listItems}. Remove some of theirs first; nothing was tagged.`);
        }
        // One who has them all already is left as they are, their time of change too.
        return added.length ? { ...c, tags: [...c.tags, ...added], updatedAt: now } : undefined;
      });
      const named = tags.map((tag) => `“${tag}”`).join(', ');
      // Said where the tag was typed, leaving the Undo of what was done before as it is.
      if (tagged.length === 0) throw new Error(`Nothing to tag: ${selected.size === 1 ? 'the contact selected has' : 'every contact selected has'} ${named} already.`);
      setBulkTag('');
      await changed(
        {
          message: `Tagged ${plural(tagged.length, 'contact')} ${named}${alreadySo(selected.size - tagged.length, 'had it')}.`,
          undo: () => revertContactChanges(db, tagged, deps.now()),
          returnFocus: ADD_TAG_KEY,
        },
        tagged.map(({ after }) => after.id),
      );
    }, 'tag');

  const setRelationship = () =>
    run(`Moving ${plural(selected.size, 'contact')}…`, async () => {
      const db = await deps.db();
      const now = deps.now();
      const moved = await updateContacts(db, [...selected], (c) => (c.relationship === bulkRelationship ? undefined : { ...c, relationship: bulkRelationship, updatedAt: now }));
      const circle = RELATIONSHIP_LABELS[bulkRelationship];
      if (moved.length === 0) throw new Error(`Nothing to move: ${selected.size === 1 ? 'the contact selected is' : 'every contact selected is'} in ${circle} already.`);
      await changed(
        {
          message: `${plural(moved.length, 'contact')} now in ${circle}${alreadySo(selected.size - moved.length, 'were there')}.`,
          undo: () => revertContactChanges(db, moved, deps.now()),
          returnFocus: SET_RELATIONSHIP_KEY,
        },
        moved.map(({ after }) => after.id),
      );
    });

  const remove = () =>
    run(`Deleting ${plural(selected.size, 'contact')}…`, async () => {
      const db = await deps.db();
      const snapshot = await deleteContacts(db, [...selected]);
      setSelected(new Set());
      await changed(
        {
          message: `Deleted ${plural(snapshot.contacts.length, 'contact')}.`,
          undo: () => restoreSnapshot(db, snapshot),
          returnFocus: CONTACTS_SEARCH_KEY,
        },
        contactIdsOf(snapshot),
      );
    });

  const toggle = (contactId: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(contactId);
    else next.delete(contactId);
    setSelected(next);
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>Contacts</h1>
      <div class="search-row">
        <label for={`${id}-search`}>Search contacts</label>
        <input
          id={`${id}-search`}
          type="search"
          data-return-focus={CONTACTS_SEARCH_KEY}
          value={text}
          autocomplete="off"
          placeholder="Name, company, email, phone, tag or notes"
          aria-describedby={`${id}-search-keys`}
          onInput={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Enter opens the best match, listed first; ArrowDown goes down into the list. Not the
            // Enter that ends composing a word in another script, nor with only separators typed.
            if (event.key === 'Enter' && !event.isComposing && queryTerms(text).length > 0 && results.length > 0) {
              event.preventDefault();
              location.hash = routeHash({ page: 'contact', id: results[0].id });
            } else if (event.key === 'ArrowDown' && results.length > 0) {
              const firstName = viewport.current?.querySelector<HTMLAnchorElement>('tbody a');
              if (firstName) {
                event.preventDefault();
                firstName.focus();
              }
            }
          }}
        />
        <span id={`${id}-search-keys`} class="visually-hidden">
          Enter opens the first contact found; Down arrow moves to the list, and the arrows through it.
        </span>
      </div>
      <div class="filters">
        <div>
          <label for={`${id}-rel`}>Relationship</label>
          <select id={`${id}-rel`} value={filters.relationship ?? ''} onChange={(e) => setFilter('relationship', (e.currentTarget.value || undefined) as Relationship | undefined)}>
            <option value="">Any</option>
            {RELATIONSHIPS.map((r) => (
              <option key={r} value={r}>
                {RELATIONSHIP_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for={`${id}-warmth`}>Warmth</label>
          <select id={`${id}-warmth`} value={filters.warmth ?? ''} onChange={(e) => setFilter('warmth', (e.currentTarget.value || undefined) as Warmth | undefined)}>
            <option value="">Any</option>
            {WARMTHS.map((w) => (
              <option key={w} value={w}>
                {WARMTH_LABELS[w]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for={`${id}-tag`}>Tag</label>
          <select id={`${id}-tag`} value={shownTag} onChange={(e) => setFilter('tag', e.currentTarget.value || undefined)}>
            <option value="">Any</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for={`${id}-company`}>Company</label>
          <input id={`${id}-company`} value={filters.company ?? ''} autocomplete="off" onInput={(e) => setFilter('company', e.currentTarget.value || undefined)} />
        </div>
        <div>
          <label for={`${id}-quiet`}>Not contacted for (days)</label>
          <input
            id={`${id}-quiet`}
            type="number"
            min={0}
            inputMode="numeric"
            value={filters.notContactedDays ?? ''}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setFilter('notContactedDays', value === '' ? undefined : Math.max(0, Number(value)));
            }}
          />
        </div>
        <div>
          <label for={`${id}-sort`}>Sort by</label>
          <select id={`${id}-sort`} value={sort} onChange={(e) => setSort(e.currentTarget.value as SortKey)}>
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
              </option>
            ))}
          </select>
        </div>
        <div class="check-filters">
          <label class="choice">
            <input type="checkbox" checked={filters.due ?? false} onChange={(e) => setFilter('due', e.currentTarget.checked || undefined)} />
            Due now
          </label>
          <label class="choice">
            <input type="checkbox" checked={filters.maybeTwice ?? false} onChange={(e) => setFilter('maybeTwice', e.currentTarget.checked || undefined)} />
            Perhaps saved twice
          </label>
        </div>
      </div>

      <p class="muted" aria-live="polite">
        {working ??
          (results.length === notebook.contacts.length
            ? plural(notebook.contacts.length, 'contact')
            : `${plural(results.length, 'match', 'matches')} of ${notebook.contacts.length.toLocaleString()}`)}
      </p>

      {/* The count is a live region kept in place while nothing is picked, taking no room: one
          drawn with its first count may not be heard saying it. */}
      <div {...(selected.size > 0 && { class: 'bulk', role: 'group', 'aria-label': 'Bulk actions' })}>
        <strong aria-live="polite">
          {selected.size > 0 && plural(selected.size, 'selected contact')}
          {hiddenSelected > 0 && `, ${hiddenSelected} of them not shown`}
        </strong>
        {selected.size > 0 && (
          <>
            <form
              class="inline-field"
              onSubmit={(event) => {
                event.preventDefault();
                void addTag();
              }}
            >
              <label for={`${id}-bulk-tag`}>Tag</label>
              <input
                id={`${id}-bulk-tag`}
                value={bulkTag}
                aria-invalid={error?.field === 'tag' || undefined}
                aria-describedby={error?.field === 'tag' ? `${id}-error` : undefined}
                onInput={(e) => setBulkTag(e.currentTarget.value)}
              />
              <button type="submit" aria-disabled={working !== undefined} data-return-focus={ADD_TAG_KEY}>
                Add tag
              </button>
            </form>
            <div class="inline-field">
              <label for={`${id}-bulk-rel`}>Set relationship</label>
              <select id={`${id}-bulk-rel`} value={bulkRelationship} onChange={(e) => setBulkRelationship(e.currentTarget.value as Relationship)}>
                {RELATIONSHIPS.map((r) => (
                  <option key={r} value={r}>
                    {RELATIONSHIP_LABELS[r]}
                  </option>
                ))}
              </select>
              <button type="button" aria-disabled={working !== undefined} data-return-focus={SET_RELATIONSHIP_KEY} onClick={setRelationship}>
                Apply
              </button>
            </div>
            <button type="button" class="danger" aria-disabled={working !== undefined} onClick={remove}>
              Delete
            </button>
            <button
              type="button"
              class="link"
              onClick={() => {
                // The bar goes with the selection, this button too: the keyboard goes on to the search box.
                document.getElementById(`${id}-search`)?.focus();
                setSelected(new Set());
              }}
            >
              Clear selection
            </button>
          </>
        )}
      </div>
      {error && (
        <p class="error" role="alert" id={`${id}-error`}>
          {error.message}
        </p>
      )}

      {notebook.contacts.length === 0 ? (
        <p>
          No contacts yet. Save people from the pages you visit with the toolbar button, or <a href="#/import">import your LinkedIn connections</a>.
        </p>
      ) : results.length === 0 ? (
        <p>
          No contact matches {text.trim() ? `“${text.trim()}”` : 'these filters'}
          {text.trim() && filtered ? ' with these filters' : ''}.
        </p>
      ) : (
        <div
          class="table-viewport"
          style={{ height: `${ROW_HEIGHT * (VIEW_ROWS + 1)}px` }}
          tabIndex={0}
          role="region"
          aria-label="Contacts table"
          ref={viewport}
          onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
          onKeyDown={(event) => {
            // From a name to the next or the one before, and from the first back up to the search.
            // The rows around one focused are drawn (OVERSCAN), and focusing one scrolls it into view.
            const link = event.target instanceof HTMLAnchorElement ? event.target : undefined;
            const row = link?.closest('tr[aria-rowindex]');
            if (!row || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
            event.preventDefault();
            const index = Number(row.getAttribute('aria-rowindex')) + (event.key === 'ArrowDown' ? 1 : -1);
            if (index < 2) document.getElementById(`${id}-search`)?.focus();
            else viewport.current?.querySelector<HTMLAnchorElement>(`tr[aria-rowindex="${index}"] a`)?.focus();
          }}
          onFocusIn={() => (tableHasFocus.current = true)}
          onFocusOut={(event) => {
            // Gone with nowhere to go is a row drawn no more; anywhere else is the user's choice.
            if (event.relatedTarget) tableHasFocus.current = viewport.current?.contains(event.relatedTarget as Node) ?? false;
          }}
        >
          <table class="contacts" aria-rowcount={results.length + 1}>
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col" class="check">
                  <input
                    type="checkbox"
                    aria-label={`Select all ${results.length} shown`}
                    checked={allShownSelected}
                    onChange={(e) => {
                      const shown = new Set(results.map((c) => c.id));
                      // Unticked, it lets go of those shown only: others picked before a search stay picked.
                      setSelected(e.currentTarget.checked ? new Set([...selected, ...shown]) : new Set([...selected].filter((id) => !shown.has(id))));
                    }}
                  />
                </th>
                <th scope="col">Name</th>
                <th scope="col">Title</th>
                <th scope="col">Company</th>
                <th scope="col">Relationship</th>
                <th scope="col">Warmth</th>
                <th scope="col">Last contact</th>
              </tr>
            </thead>
            <tbody>
              {first > 0 && <tr aria-hidden="true" style={{ height: `${first * ROW_HEIGHT}px` }} />}
              {visible.map((contact, i) => (
                <tr key={contact.id} aria-rowindex={first + i + 2} style={{ height: `${ROW_HEIGHT}px` }}>
                  <td class="check">
                    <input type="checkbox" aria-label={nameWithGist(`Select ${contact.name}`, jobLine(contact))} checked={selected.has(contact.id)} onChange={(e) => toggle(contact.id, e.currentTarget.checked)} />
                  </td>
                  {/* Free text is cut to the column's width: the title shows it whole under the pointer. */}
                  <td title={contact.name}>
                    <a href={`#/contact/${encodeURIComponent(contact.id)}`}>{contact.name}</a>
                  </td>
                  <td title={contact.title || undefined}>{contact.title}</td>
                  <td title={contact.company || undefined}>{contact.company}</td>
                  <td>{RELATIONSHIP_LABELS[contact.relationship]}</td>
                  <td>{WARMTH_LABELS[contact.warmth]}</td>
                  <td>{lastContactText(contact.lastInteractionAt, notebook.loadedAt)}</td>
                </tr>
              ))}
              {last < results.length && <tr aria-hidden="true" style={{ height: `${(results.length - last) * ROW_HEIGHT}px` }} />}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
