// The dashboard shell: navigation between the hash routes, the notebook loaded once and
// reloaded after writes (its own, and those made elsewhere), and a status line that can offer Undo.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DashboardDrafts, TypedOnContactPage } from '@/lib/dashboard-drafts';
import { type Route, parseRoute, routeHash } from '@/lib/dashboard-route';
import { type HeldByOther, leftOffNotice } from '@/lib/db';
import type { Settings } from '@/lib/model';
import { startOfLocalDayAfter } from '@/lib/reminders';
import { focusPageHeading, useFocusWhenLost, useReturnFocus } from '../focus-when-lost';
import { ContactPage } from './ContactPage';
import { type ContactsView, ContactsPage } from './ContactsPage';
import { ImportExportPage } from './ImportExportPage';
import { MapPage } from './MapPage';
import { type DashboardDeps, type Notebook, loadContactFirst, loadNotebook, withContactsReread } from './notebook';
import { type SettingsForm, SettingsPage } from './SettingsPage';
import { WeekPage } from './WeekPage';

/**
 * `returnFocus`: the `data-return-focus` key of the button pressed, focused again after Undo.
 * An undo that puts contacts back says which of their emails and links others have taken since.
 */
/** `undo` plans reminders with the settings of when it is pressed: another tab may have changed them. */
export type Status = { message: string; undo?: (settings: Settings) => Promise<void | readonly HeldByOther[]>; returnFocus?: string };

/** What every page gets: the data, and one way to report a write. */
export type PageProps = {
  deps: DashboardDeps;
  notebook: Notebook;
  /**
   * Tell the background, read the notebook again, and show `status` (with Undo when given).
   * `onlyContacts`: the write touched only these contacts (and their interactions and
   * reminders), so only they are read again, not every contact; its Undo touches the same.
   */
  changed: (status?: Status, onlyContacts?: readonly string[]) => Promise<void>;
};

const NAV: { route: Route; label: string }[] = [
  { route: { page: 'contacts' }, label: 'Contacts' },
  { route: { page: 'week' }, label: 'This week' },
  { route: { page: 'map' }, label: 'Network map' },
  { route: { page: 'import' }, label: 'Import & export' },
  { route: { page: 'settings' }, label: 'Settings' },
];

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** How long after a change typed it is kept in storage, with those typed meanwhile. */
const KEEP_TYPED_AFTER_MS = 200;

/** After midnight by this much, so the day read is surely the new one. */
const NEW_DAY_MARGIN_MS = 1000;

export function Dashboard({ deps }: { deps: DashboardDeps }) {
  const route = useRoute();
  const [notebook, setNotebook] = useState<Notebook>();
  const [loadError, setLoadError] = useState<string>();
  const [status, setStatus] = useState<Status>();
  // A Done, Snooze or Delete pressed leaves with its row: focus goes to Undo rather than to nowhere.
  const undoButton = useFocusWhenLost<HTMLButtonElement>(status?.undo && status);
  // …and Undo leaves in turn, as the row comes back: focus returns to the button pressed.
  const returnFocus = useReturnFocus();
  // Each status is drawn anew, so a screen reader announces the second "Saved." as it did the first:
  // a live region speaks when its content changes, and the same text again would change nothing.
  const statuses = useRef(0);
  const statusKey = useMemo(() => ++statuses.current, [status]);

  /** The notebook shown, for callbacks that outlive a render. */
  const latest = useRef(notebook);
  latest.current = notebook;

  // What was typed on contact pages and not saved, by contact: back in its fields when the page
  // is opened again, linked from every other page meanwhile, and the browser asks before the tab
  // closes or reloads over it. Kept in storage too, a moment after it is typed, so a crash loses
  // no more than that moment (lib/dashboard-drafts.ts); a contact's page waits for what that brings back.
  const typedOn = useRef(new Map<string, TypedOnContactPage>());
  const [unsavedIds, setUnsavedIds] = useState<readonly string[]>([]);
  const showUnsaved = useCallback(() => {
    const ids = [...typedOn.current.keys()];
    setUnsavedIds((before) => (before.length === ids.length && before.every((id, i) => id === ids[i]) ? before : ids));
  }, []);
  const drafts = useRef<DashboardDrafts>(undefined);
  const [draftsRead, setDraftsRead] = useState(false);
  const unstored = useRef(new Set<string>());
  const storeTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const storeTyped = useCallback(() => {
    storeTimer.current = undefined;
    for (const id of unstored.current) {
      drafts.current?.keep(id, typedOn.current.get(id)).catch((cause: unknown) => console.warn('Kith: what was typed could not be kept', cause));
    }
    unstored.current.clear();
  }, []);
  const keepTyped = useCallback(
    (contactId: string, typed: TypedOnContactPage | undefined) => {
      if (typed) typedOn.current.set(contactId, typed);
      else typedOn.current.delete(contactId);
      showUnsaved();
      unstored.current.add(contactId);
      // From the first key not kept, not the last: one who types steadily would otherwise have
      // nothing kept until they pause, and a crash meanwhile would lose all of it.
      storeTimer.current ??= setTimeout(storeTyped, KEEP_TYPED_AFTER_MS);
    },
    [showUnsaved, storeTyped],
  );
  useEffect(() => {
    void deps
      .drafts()
      .then((opened) => {
        drafts.current = opened;
        for (const [id, typed] of opened.restored) if (!typedOn.current.has(id)) typedOn.current.set(id, typed);
        if (opened.restored.size > 0) {
          showUnsaved();
          setStatus({ message: 'Restored what you had typed and not saved before the dashboard closed.' });
        }
      })
      .catch((cause: unknown) => console.warn('Kith: what was typed before could not be read', cause))
      .finally(() => setDraftsRead(true));
    // Closed on purpose, past the browser's question about unsaved typing: that typing is given up.
    const giveUp = () => drafts.current?.giveUp();
    addEventListener('pagehide', giveUp);
    return () => removeEventListener('pagehide', giveUp);
  }, [deps, showUnsaved]);
  // The contacts list as it was left (ContactsView), for when the user comes back to it.
  const contactsView = useRef<ContactsView>(undefined);
  const keepContactsView = useCallback((view: ContactsView) => {
    contactsView.current = view;
  }, []);
  const typedSettings = useRef<SettingsForm>(undefined);
  const [settingsUnsaved, setSettingsUnsaved] = useState(false);
  const keepSettingsTyped = useCallback((typed: SettingsForm | undefined) => {
    typedSettings.current = typed;
    setSettingsUnsaved(typed !== undefined);
  }, []);
  useEffect(() => {
    const askFirst = (event: BeforeUnloadEvent) => {
      // Typing on a contact since deleted or merged away too: its page shows it to be copied.
      if (typedSettings.current || typedOn.current.size > 0) event.preventDefault();
    };
    addEventListener('beforeunload', askFirst);
    return () => removeEventListener('beforeunload', askFirst);
  }, []);

  // Loads can overlap (a write here while one from elsewhere is read): only the latest is shown.
  const loads = useRef(0);
  const wholeLoadsRunning = useRef(0);
  /** `first`: a contact whose page is drawn from them alone while the whole notebook is read. */
  const reload = useCallback(
    async (first?: string) => {
      const load = ++loads.current;
      try {
        // The contact is asked for before the notebook, so the database answers it first. If
        // that read fails, the whole notebook still comes, or says why it cannot.
        const early = first === undefined ? undefined : loadContactFirst(deps, first).catch(() => undefined);
        wholeLoadsRunning.current++;
        const whole = loadNotebook(deps).finally(() => wholeLoadsRunning.current--);
        const alone = await early;
        if (alone && load === loads.current) setNotebook((shown) => shown ?? { ...alone, whole });
        const loaded = await whole;
        if (load === loads.current) setNotebook(loaded);
      } catch (error) {
        setLoadError(error instanceof Error ? error.message : String(error));
      }
    },
    [deps],
  );

  const rereadsRunning = useRef(0);
  /** After a write to these contacts alone: only they are read again (unless a whole read is due anyway). */
  const rereadContacts = useCallback(
    async (ids: readonly string[]) => {
      const shown = latest.current;
      // A whole read running may carry a change made elsewhere; one shown from a single contact is
      // not whole; two rereads at once would each patch the notebook without the other's contacts;
      // and past a few hundred contacts, one read of them all is the quicker.
      if (!shown || shown.whole || wholeLoadsRunning.current > 0 || rereadsRunning.current > 0 || ids.length > 200) return reload();
      const load = ++loads.current;
      rereadsRunning.current++;
      const updated = await withContactsReread(deps, shown, ids)
        .catch(() => undefined)
        .finally(() => rereadsRunning.current--);
      if (!updated) return reload();
      if (load === loads.current) setNotebook(updated);
    },
    [deps, reload],
  );

  useEffect(() => {
    const opened = parseRoute(location.hash);
    void reload(opened.page === 'contact' ? opened.id : undefined);
  }, [reload]);

  // What the popup, another tab or a right-click saves shows here too, once this tab is in view:
  // one left behind a LinkedIn tab does not read the whole notebook again on every save made
  // there. Pages keep what is typed and not saved over the new data, and save only what was typed.
  // A change that names its contacts (a save in the popup) has only those read again.
  useEffect(() => {
    let missed: Set<string> | 'all' | undefined;
    const catchUp = () => {
      if (!missed || document.visibilityState !== 'visible') return;
      const contacts = missed;
      missed = undefined;
      void (contacts === 'all' ? reload() : rereadContacts([...contacts]));
    };
    const stop = deps.onChangedElsewhere((contacts) => {
      missed = contacts && missed !== 'all' ? new Set([...(missed ?? []), ...contacts]) : 'all';
      catchUp();
    });
    document.addEventListener('visibilitychange', catchUp);
    // A new day changes what is due today and what "yesterday" was, with nothing written: the
    // notebook is read again then, as after a change (the worker tells of reminders coming due).
    let newDay: ReturnType<typeof setTimeout>;
    const armNewDay = () => {
      const now = deps.now();
      newDay = setTimeout(() => {
        missed = 'all';
        catchUp();
        armNewDay();
      }, startOfLocalDayAfter(now, 1) - now + NEW_DAY_MARGIN_MS);
    };
    armNewDay();
    return () => {
      stop();
      document.removeEventListener('visibilitychange', catchUp);
      clearTimeout(newDay);
    };
  }, [deps, reload, rereadContacts]);

  useEffect(() => {
    const titles: Record<Route['page'], string> = {
      contacts: 'Contacts',
      contact: 'Contact',
      map: 'Network map',
      week: 'This week',
      import: 'Import & export',
      settings: 'Settings',
    };
    document.title = `Kith — ${titles[route.page]}`;
  }, [route]);

  /** The contacts the write behind the status touched, which its Undo touches again. */
  const undoTouches = useRef<readonly string[]>(undefined);
  const changed = useCallback(
    async (next?: Status, onlyContacts?: readonly string[]) => {
      // The worker's badge and alarms need not wait for the notebook to be read again (seconds at
      // 100,000 contacts). The status does: an Undo shown once the row pressed has gone takes the focus.
      deps.dataChanged(onlyContacts).catch(() => undefined);
      await (onlyContacts ? rereadContacts(onlyContacts) : reload());
      undoTouches.current = onlyContacts;
      setStatus(next);
    },
    [deps, reload, rereadContacts],
  );

  const undo = async () => {
    if (!status?.undo) return;
    const { undo: run, returnFocus: pressed } = status;
    const touched = undoTouches.current;
    setStatus({ message: 'Undoing…' });
    try {
      const held = await run(await deps.settings());
      await changed({ message: held?.length ? `Undone. ${leftOffNotice(held)}` : 'Undone.' }, touched);
      returnFocus(pressed);
    } catch (error) {
      setStatus({ message: `Could not undo: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const current = route.page === 'contact' ? 'contacts' : route.page;
  // A notebook of one contact serves that contact's page (and their referrers'); any other page waits for the whole.
  const servesRoute = notebook && (!notebook.whole || (route.page === 'contact' && notebook.byId.has(route.id)));
  const props = servesRoute && notebook && (route.page !== 'contact' || draftsRead) && { deps, notebook, changed };

  // A link inside a page leaves with it, and so does the browser's Back or Forward: the keyboard
  // goes to the heading of the page it opened, once that is drawn. Only after these: other ways of
  // leaving a page (a delete, an Undo) hand the focus on themselves.
  const headingAfterLink = useRef(false);
  useEffect(() => {
    // Back and Forward are told apart from other moves by the Navigation API, where there is one.
    const navigation = (window as { navigation?: EventTarget }).navigation;
    const traverse = (event: Event) => {
      if ((event as Event & { navigationType?: string }).navigationType === 'traverse') headingAfterLink.current = true;
    };
    navigation?.addEventListener('navigate', traverse);
    return () => navigation?.removeEventListener('navigate', traverse);
  }, []);
  const drawn = !!props;
  useEffect(() => {
    if (!headingAfterLink.current || !drawn) return;
    headingAfterLink.current = false;
    focusPageHeading();
    // A page may draw its heading anew as its records come (the list after Back): again if so.
    requestAnimationFrame(focusPageHeading);
  }, [route, drawn]);
  // Typing on a contact merged away or deleted meanwhile is listed too, by the name its page had:
  // its page shows what was typed, to be copied where it belongs.
  const unsavedElsewhere = notebook
    ? unsavedIds.flatMap((id) => {
        if (route.page === 'contact' && route.id === id) return [];
        const name = notebook.byId.get(id)?.name ?? typedOn.current.get(id)?.shown.draft.name;
        return name ? [{ id, name }] : [];
      })
    : [];

  return (
    <div class="dashboard">
      <header class="top">
        <p class="brand">Kith</p>
        <nav aria-label="Dashboard">
          <ul>
            {NAV.map(({ route: target, label }) => (
              <li key={target.page}>
                <a href={routeHash(target)} aria-current={current === target.page ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <div class="status-bar" role="status" aria-live="polite">
        {status && (
          <>
            <span key={statusKey}>{status.message}</span>
            {status.undo && (
              <button type="button" ref={undoButton} onClick={undo}>
                Undo
              </button>
            )}
            <button
              type="button"
              class="link"
              onClick={() => {
                setStatus(undefined);
                // Dismissed, the line is empty: the keyboard goes back to the page.
                requestAnimationFrame(focusPageHeading);
              }}
            >
              Dismiss
            </button>
          </>
        )}
      </div>
      {unsavedElsewhere.length > 0 && (
        <p class="unsaved">
          Typed and not saved yet, on the page of{' '}
          {unsavedElsewhere.map((contact, i) => (
            <span key={contact.id}>
              {i > 0 && ', '}
              <a href={routeHash({ page: 'contact', id: contact.id })}>{contact.name}</a>
            </span>
          ))}
          .
        </p>
      )}
      {settingsUnsaved && route.page !== 'settings' && (
        <p class="unsaved">
          Typed and not saved yet, on <a href={routeHash({ page: 'settings' })}>Settings</a>.
        </p>
      )}
      <main
        id="main"
        onClick={(event) => {
          if (event.target instanceof Element && event.target.closest('a[href^="#/"]')) headingAfterLink.current = true;
        }}
      >
        {loadError ? (
          <p class="error" role="alert">
            Could not open your notebook: {loadError}
          </p>
        ) : !props ? (
          <p class="muted">Loading…</p>
        ) : route.page === 'contact' ? (
          <ContactPage key={route.id} {...props} id={route.id} typedBefore={typedOn.current.get(route.id)} keepTyped={keepTyped} />
        ) : route.page === 'map' ? (
          <MapPage {...props} />
        ) : route.page === 'week' ? (
          <WeekPage {...props} />
        ) : route.page === 'import' ? (
          <ImportExportPage {...props} />
        ) : route.page === 'settings' ? (
          <SettingsPage {...props} typedBefore={typedSettings.current} keepTyped={keepSettingsTyped} />
        ) : (
          <ContactsPage {...props} viewBefore={contactsView.current} keepView={keepContactsView} address={route} />
        )}
      </main>
    </div>
  );
}
