// The toolbar popup. On a page with a person: the person, prefilled, or their saved card.
// Where capture failed: a clear notice and manual entry. Elsewhere: what is due today and a
// search. Everything it touches comes in through `PopupDeps`, so main.tsx only wires.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { UNREADABLE } from '@/lib/capture';
import { type ContactDraft, FIELD_LABELS, draftFromContact, draftFromPerson, emptyDraft, fieldsOfDraft, saveDraft } from '@/lib/contact-draft';
import { type ContactHit, contactSearch, savedUnderSameName } from '@/lib/contact-search';
import { type KithDB, failureMessage, leftOffNotice } from '@/lib/db';
import { editedFields, keepEdits } from '@/lib/form-edits';
import { type Typed, asNewPersonDraft, typedKey } from '@/lib/typed-drafts';
import { type InteractionDraft, interactionDraft, saveInteractionDraft } from '@/lib/interaction-draft';
import { type Contact, type PageCapture, type Person, type Reminder, Settings, newId } from '@/lib/model';
import {
  type DueItem,
  type Proposed,
  type SavedCard,
  acceptProposed,
  findSavedCard,
  loadDueToday,
  loadSavedCard,
  sceneOf,
  unsavedLog,
} from '@/lib/popup';
import { settleReminder } from '@/lib/reminder-store';
import { CONTACT_NAME_KEY, ContactForm, type FocusField } from './ContactForm';
import { ContactSummary, InteractionList, ProposedUpdate } from './ContactCard';
import { ContactPicker } from './ContactPicker';
import { useFocusWhenLost, useReturnFocus } from './focus-when-lost';
import { type TypedForm, useKeptTyping } from './kept-typing';
import { jobLine } from './labels';
import { InteractionForm } from './InteractionForm';
import { ReminderList, reminderButtonKey } from './ReminderList';
import { type Overwrite, SavedElsewhere, overwritesIn } from './SavedElsewhere';

export type PopupDeps = {
  db: () => Promise<KithDB>;
  /** What capture found on the popup's tab: UNREADABLE where the browser lets no extension look, undefined where it cannot tell. */
  capture: () => Promise<PageCapture | typeof UNREADABLE | undefined>;
  settings: () => Promise<Settings>;
  /** What was typed and not saved when the popup last closed, by `typedKey`. */
  loadTyped: () => Promise<Map<string, Typed>>;
  keepTyped: (key: string, typed: Omit<Typed, 'at'>) => Promise<void>;
  forgetTyped: (key: string) => Promise<void>;
  now: () => number;
  /** Tell the background (badge, scheduler) and open pages the data changed: only `contacts`, when given. */
  dataChanged: (contacts?: readonly string[]) => Promise<unknown>;
  /** Call `changed` when another page or the worker wrote (`contacts`, when it named them); returns a way to stop. */
  onChangedElsewhere: (changed: (contacts?: readonly string[]) => void) => () => void;
  openContact: (contactId: string) => void;
  openDashboard: () => void;
  close: () => void;
};

type Screen =
  | { kind: 'loading' }
  | { kind: 'new'; person?: Person; failedUrl?: string; focus: FocusField; back?: HomeScreen; editedFrom?: ContactDraft }
  /** `focusEdit`: back from the edit form, the keyboard returns to its Edit button. */
  | { kind: 'saved'; person?: Person; card: SavedCard; editing: boolean; focusEdit?: boolean }
  | HomeScreen;

/** `page`: what is said of the page, where it shows nobody or cannot be read. */
type HomeScreen = { kind: 'home'; due: DueItem[]; total: number; page?: 'nobody' | 'unreadable' };
type SavedScreen = Extract<Screen, { kind: 'saved' }>;

/** A button beside the status line: Undo after Done or Snooze, Start over after a restore. */
type StatusAction = { label: string; run: () => void; takeFocus?: boolean };
const RESTORED = 'Restored what you typed before the popup closed.';
const CARD_LEFT = 'This contact was deleted or merged in another window.';
const CARD_GONE = `${CARD_LEFT} What you typed is kept: Save adds it to the contact with the same link or email, or as someone new.`;
const LOG_KEPT = 'The interaction you were logging is kept, and comes back on their card once they are saved again.';
/** The card's Edit button, for `useReturnFocus`. */
const EDIT_CARD_KEY = 'card-edit';

const reason = failureMessage;

/** The edit form of a saved card: its open follow-up shows in the form, to be moved there. */
function draftOfCard(card: SavedCard): ContactDraft {
  return draftFromContact(card.contact, card.referredByName, card.reminders.find((r) => r.kind === 'follow-up'));
}

/** What tells one of a name from another: their job, else how to reach them. */
function distinguishing(contact: Contact): string | undefined {
  return jobLine(contact) || contact.emails[0] || contact.phones[0];
}

function personLabel(person: Person): string {
  const role = person.role === 'sender' ? 'sender' : person.role === 'recipient' ? 'recipient' : undefined;
  return role ? `${person.name} (${role})` : person.name;
}

export function Popup({ deps }: { deps: PopupDeps }) {
  const [db, setDb] = useState<KithDB>();
  const [settings, setSettings] = useState<Settings>();
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  // For a write that finishes on a screen opened since it began (Undo pressed after Edit): it
  // redraws that screen, not the one it was started from.
  const liveScreen = useRef(screen);
  liveScreen.current = screen;
  const [people, setPeople] = useState<Person[]>([]);
  const [selected, setSelected] = useState(0);
  const [draft, setDraft] = useState<ContactDraft>(emptyDraft);
  // The form as typed, for a card reloaded under it after an await.
  const draftNow = useRef(draft);
  draftNow.current = draft;
  /** Fields of the edit form saved elsewhere since the typing began (components/SavedElsewhere.tsx). */
  const [overwrites, setOverwrites] = useState<Record<string, Overwrite>>({});
  const [logDraft, setLogDraft] = useState<InteractionDraft>(() => interactionDraft(deps.now()));
  const [busy, setBusy] = useState(false);
  // Set at once, not at the next render as `busy` is: a second click in the same moment must
  // not start a second write, nor switch person under the one running.
  const writing = useRef(false);
  const [error, setError] = useState<string>();
  const [logError, setLogError] = useState<string>();
  const [status, setStatus] = useState('');
  const [fatal, setFatal] = useState<string>();
  /** Offered beside the status line until the next write or a switch of person. */
  const [statusAction, setStatusAction] = useState<StatusAction>();
  // The Done pressed is gone with its row: focus goes to Undo rather than to nowhere.
  const statusButton = useFocusWhenLost<HTMLButtonElement>(statusAction?.takeFocus && statusAction);
  // …and Undo leaves in turn, as the row comes back: focus returns to the button pressed.
  const returnFocus = useReturnFocus();

  // What is typed and not saved is kept per person, or per page when nobody is read on it
  // (components/kept-typing.ts), and comes back when the popup shows them again.
  const pageUrl = useRef<string | undefined>(undefined);
  const currentKey =
    screen.kind === 'new' || screen.kind === 'saved'
      ? typedKey(screen.person, (screen.kind === 'new' && screen.failedUrl) || pageUrl.current)
      : undefined;
  const editedCard = screen.kind === 'saved' && screen.editing ? screen.card : undefined;
  const keptTyping = useKeptTyping(deps, currentKey, {
    contact: screen.kind === 'new' || editedCard ? draft : undefined,
    base: editedCard && draftOfCard(editedCard),
    log: screen.kind === 'saved' ? logDraft : undefined,
    contactId: screen.kind === 'saved' ? screen.card.contact.id : undefined,
  });
  /**
   * Say that what is shown was typed in an earlier popup, with a way to give it up. Only once it
   * is shown: what was kept for a screen that cannot come back (a card since deleted) is not.
   */
  const sayRestored = (key: string) => {
    setStatus(RESTORED);
    setStatusAction({ label: 'Start over', run: () => startOver.current(key) });
  };
  /** Give up what was restored for `key`: the screen shows what it would have without it. Set each render. */
  const startOver = useRef((_key: string) => {});
  // Start over draws the forms anew, so they take the focus as they do when the popup opens: the
  // button pressed is gone with what it offered to give up.
  const [startedOver, setStartedOver] = useState(0);

  /**
   * A saved card with what was kept typed on it. A kept contact form comes back as an edit of the
   * card as it is now: an edit over the card it started from (its `base`), else over `keptFrom`.
   * One that reads as the card does now was saved as the popup closed, too soon for it to be
   * forgotten: it does not come back. Returns whether it does.
   */
  /** The log form kept for `key`, unless it was saved as the popup closed: then it is dropped. */
  const restoredLog = async (kithDb: KithDB, key: string, kept: Typed | undefined) => {
    const log = await unsavedLog(kithDb, kept);
    if (kept?.log && !log) keptTyping.dropForm(key, 'log');
    return log;
  };

  const showCard = (key: string, card: SavedCard, person: Person | undefined, kept: Typed | undefined, keptFrom: ContactDraft): boolean => {
    const now = draftOfCard(card);
    const typed = kept?.contact && keepEdits(kept.contact, kept.base ?? keptFrom, now);
    // Compared as a save writes them: tags typed "alpha,beta" are the card's "alpha, beta".
    const asSaved = (draft: ContactDraft) => ({ ...fieldsOfDraft(draft), followUp: draft.followUp });
    const editing = typed !== undefined && Object.keys(editedFields(asSaved(typed), asSaved(now))).length > 0;
    if (kept?.contact && !editing) keptTyping.dropForm(key, 'contact');
    if (typed && editing) setDraft(typed);
    setOverwrites(kept?.contact && editing ? overwritesIn(kept.contact, kept.base ?? keptFrom, now, FIELD_LABELS) : {});
    setScreen({ kind: 'saved', person, card, editing });
    return editing;
  };

  const showPerson = useCallback(
    async (kithDb: KithDB, person: Person) => {
      const now = deps.now();
      const key = typedKey(person, pageUrl.current);
      const { typed: kept, restored } = keptTyping.restore(key);
      // What was typed on their card comes back to that card, though its link or address has
      // changed since and no longer finds it.
      const card =
        (await findSavedCard(kithDb, person, now)) ?? (kept?.contactId ? await loadSavedCard(kithDb, kept.contactId, now, person) : undefined);
      const keptLog = await restoredLog(kithDb, key, kept);
      setError(undefined);
      setLogError(undefined);
      const message = card?.messageLogged ? undefined : person.message;
      setLogDraft(keptLog ?? interactionDraft(now, message));
      // A new person's form kept (saved since, elsewhere) is an edit over the person as captured.
      const editRestored = card && showCard(key, card, person, kept, draftFromPerson(person));
      if (!card) {
        setDraft(kept?.contact ? asNewPersonDraft(kept.contact) : draftFromPerson(person));
        setScreen({ kind: 'new', person, focus: 'relationship' });
      }
      if (restored && (card ? editRestored || keptLog : kept?.contact)) sayRestored(key);
      return card !== undefined;
    },
    [deps],
  );

  const showHome = useCallback(
    async (kithDb: KithDB, page?: HomeScreen['page']) => {
      const { items, total } = await loadDueToday(kithDb, deps.now());
      const home: HomeScreen = { kind: 'home', due: items, total, page };
      setScreen(home);
      return home;
    },
    [deps],
  );

  // A layout effect, so reading the notebook and the tab starts as soon as the first render is
  // committed; a plain effect would first wait for a painted frame of the empty popup.
  useLayoutEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const [kithDb, loadedSettings, capture, kept] = await Promise.all([
          deps.db(),
          deps.settings(),
          deps.capture().catch(() => undefined),
          // Nothing typed before is no reason not to open.
          deps.loadTyped().catch(() => new Map<string, Typed>()),
        ]);
        if (cancelled) return;
        setDb(kithDb);
        setSettings(loadedSettings);
        keptTyping.load(kept);
        pageUrl.current = capture === UNREADABLE ? undefined : capture?.url;
        const scene = sceneOf(capture);
        if (scene.kind === 'people') {
          setPeople(scene.people);
          await showPerson(kithDb, scene.people[0]);
        } else {
          const key = typedKey(undefined, pageUrl.current);
          const { typed: kept, restored } = keptTyping.restore(key);
          // Typed on a card with nobody on the page (a person added by hand here): that card again.
          const card = kept?.contactId ? await loadSavedCard(kithDb, kept.contactId, deps.now()) : undefined;
          const editRestored = card && showCard(key, card, undefined, kept, draftOfCard(card));
          const keptLog = await restoredLog(kithDb, key, kept);
          if (card) {
            if (keptLog) setLogDraft(keptLog);
          } else {
            if (kept?.contact) setDraft(asNewPersonDraft(kept.contact));
            if (scene.kind === 'capture-failed') setScreen({ kind: 'new', failedUrl: scene.url, focus: 'name' });
            else {
              const home = await showHome(kithDb, scene.kind === 'unreadable' ? 'unreadable' : 'nobody');
              // A person being added by hand here when the popup closed: back to that form.
              if (kept?.contact) setScreen({ kind: 'new', focus: 'name', back: home });
            }
          }
          if (restored && (card ? editRestored || keptLog : kept?.contact)) sayRestored(key);
        }
      } catch (cause) {
        if (!cancelled) setFatal(`Kith could not open your notebook: ${reason(cause)}`);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [deps, showPerson, showHome]);

  // Marks when the first real screen is up, so the time to interactive can be measured.
  const ready = screen.kind !== 'loading';
  useEffect(() => {
    if (ready) performance.mark('kith:popup-ready');
  }, [ready]);

  // Escape asks once before closing over unsaved forms, so a stray key loses nothing; the second
  // Escape gives up what was typed on this screen. A warning is about one person's forms: shown
  // another's, the next Escape warns again.
  const warnedFor = useRef<string | undefined>(undefined);
  const typedInto = <T,>(form: TypedForm, set: (value: T) => void) =>
    keptTyping.typedInto(form, (value: T) => {
      warnedFor.current = undefined;
      set(value);
    });
  const clearUnsaved = keptTyping.clear;
  const onEscape = useRef(() => {});
  onEscape.current = () => {
    const pending = keptTyping.pending();
    if (pending && warnedFor.current !== pending.key) {
      warnedFor.current = pending.key;
      setStatus('What you typed is not saved. Press Escape again to close anyway and give it up.');
      return;
    }
    if (currentKey) void keptTyping.forget(currentKey).finally(deps.close);
    else deps.close();
  };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onEscape.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  // The settings arrive with the notebook, before any screen that saves or shows a cadence: the
  // loading render, which comes before anything is asked, has no defaults to parse.
  const cadence = () => settings ?? Settings.parse({});

  // Searches read the notebook once, at the first query; each write starts a new one.
  const [writes, setWrites] = useState(0);
  const searchNotebook = useMemo(() => db && contactSearch(db), [db, writes]);
  const search = useCallback(
    (query: string, limit: number) => (searchNotebook ? searchNotebook(query, { limit }) : Promise.resolve([])),
    [searchNotebook],
  );
  // Stable, as the picker searches again whenever its search function changes.
  const referrerExcluded = screen.kind === 'saved' ? screen.card.contact.id : undefined;
  const searchReferrers = useCallback(
    (query: string, limit: number) => (searchNotebook ? searchNotebook(query, { limit, excludeId: referrerExcluded }) : Promise.resolve([])),
    [searchNotebook, referrerExcluded],
  );

  // A new person may be someone saved from elsewhere under the same name (an email where the
  // page has a profile): looked for once the form is up, so it never delays it, and not while a
  // save runs, which would otherwise wait behind it.
  const [namesakes, setNamesakes] = useState<{ of: Person; found: Contact[] }>();
  const newPerson = screen.kind === 'new' ? screen.person : undefined;
  const sameName = namesakes && namesakes.of === newPerson ? namesakes.found : undefined;
  useEffect(() => {
    if (!db || !newPerson || busy || sameName) return;
    const stop = new AbortController();
    void savedUnderSameName(db, newPerson, { signal: stop.signal }).then(
      (found) => {
        if (!stop.signal.aborted) setNamesakes({ of: newPerson, found });
      },
      (cause: unknown) => console.warn('Kith: could not look for the same name', cause),
    );
    return () => stop.abort();
  }, [db, newPerson, busy, sameName]);

  /**
   * Run a write; on success tell the background and open pages, and show the result; on failure
   * say why. `action` returns the one contact it wrote (with its interactions and reminders).
   */
  async function write(action: (kithDb: KithDB) => Promise<string>, onError: (message: string) => void) {
    if (!db || writing.current) return;
    writing.current = true;
    setBusy(true);
    setStatus('');
    setStatusAction(undefined);
    try {
      const contactId = await action(db);
      setWrites((count) => count + 1);
      await deps.dataChanged([contactId]).catch((cause: unknown) => console.warn('Kith: the background did not answer', cause));
    } catch (cause) {
      onError(reason(cause));
    } finally {
      writing.current = false;
      setBusy(false);
    }
  }

  /**
   * Show the card as stored now. `editingFrom`: the card the open edit form started from, so the
   * form stays open and keeps what was typed while the fields left alone take the new values.
   */
  const reloadCard = async (kithDb: KithDB, contactId: string, person: Person | undefined, editingFrom?: SavedCard) => {
    const card = await loadSavedCard(kithDb, contactId, deps.now(), person);
    if (!card) throw new Error('That contact no longer exists');
    showReloaded(card, person, editingFrom);
  };
  const showReloaded = (card: SavedCard, person: Person | undefined, editingFrom?: SavedCard) => {
    if (editingFrom) {
      const [base, now] = [draftOfCard(editingFrom), draftOfCard(card)];
      const found = overwritesIn(draftNow.current, base, now, FIELD_LABELS);
      if (Object.keys(found).length > 0) setOverwrites((known) => ({ ...known, ...found }));
      setDraft((edited) => keepEdits(edited, base, now));
    } else setOverwrites({});
    setScreen({ kind: 'saved', person, card, editing: !!editingFrom });
  };
  /** The card whose edit form is open now, however long the write calling this has run. */
  const editingCard = () => {
    const shown = liveScreen.current;
    return shown.kind === 'saved' && shown.editing ? shown.card : undefined;
  };

  // A card left open while the dashboard or another popup saves the same person shows what is
  // saved now; an edit form open on it keeps what was typed, and says what saving would replace.
  // Deleted or merged away there, the card goes: the person on the page is looked up again (in
  // the contact they were merged into, by their link or email), and an edit under way becomes a
  // new person's form holding what was typed, which a save adds to whoever has that link or email.
  const shownCardId = screen.kind === 'saved' ? screen.card.contact.id : undefined;
  useEffect(() => {
    if (!db || !shownCardId) return;
    const follow = async (shown: SavedScreen) => {
      const card = await loadSavedCard(db, shownCardId, deps.now(), shown.person);
      if (card) showReloaded(card, shown.person, editingCard());
      else if (shown.editing) {
        setDraft((typed) => asNewPersonDraft(typed));
        setOverwrites({});
        setScreen({ kind: 'new', person: shown.person, focus: 'name', editedFrom: draftOfCard(shown.card) });
        setStatus(CARD_GONE);
      } else if (shown.person) {
        const typedLog = keptTyping.pending()?.forms.log?.summary.trim();
        const cardShown = await showPerson(db, shown.person);
        setStatus(typedLog && !cardShown ? `${CARD_LEFT} ${LOG_KEPT}` : CARD_LEFT);
      } else {
        await showHome(db);
        setStatus(CARD_LEFT);
      }
    };
    return deps.onChangedElsewhere((contacts) => {
      const shown = liveScreen.current;
      // A write of the popup's own reloads the card when it is done.
      if (writing.current || shown.kind !== 'saved' || (contacts && !contacts.includes(shownCardId))) return;
      follow(shown).catch((cause: unknown) => setStatus(reason(cause)));
    });
  }, [db, shownCardId, deps]);

  /**
   * The page's person as the form had them when it was folded into a saved contact: a job or
   * place typed over the page's is offered on the card, as the page's own would be, rather than
   * lost where the card had one already (a save fills blanks, never overwrites).
   */
  const asTyped = (person: Person | undefined, typed: ContactDraft): Person | undefined =>
    person && {
      ...person,
      ...(typed.title.trim() && { title: typed.title.trim() }),
      ...(typed.company.trim() && { company: typed.company.trim() }),
      ...(typed.location.trim() && { location: typed.location.trim() }),
    };

  const saveContact = () => {
    const current = screen;
    if (current.kind !== 'new' && current.kind !== 'saved') return;
    void write(
      async (kithDb) => {
        const newContactId = current.kind === 'new' ? newId() : undefined;
        if (newContactId) await keptTyping.keepBeforeSaving({ contactId: newContactId });
        const { contact, created, heldByOthers } = await saveDraft(kithDb, {
          newContactId,
          draft,
          now: deps.now(),
          settings: cadence(),
          contactId: current.kind === 'saved' ? current.card.contact.id : undefined,
          shown: current.kind === 'saved' ? draftOfCard(current.card) : undefined,
          person: current.person,
          pageUrl: current.kind === 'new' ? current.failedUrl : undefined,
          editedFrom: current.kind === 'new' ? current.editedFrom : undefined,
        });
        clearUnsaved('contact');
        setError(undefined);
        // A new person's form that found them saved already (in another popup, or by email).
        await reloadCard(kithDb, contact.id, current.kind === 'new' && !created ? asTyped(current.person, draft) : current.person);
        const saved = created ? `Saved ${contact.name} to Kith.` : `Updated ${contact.name}.`;
        setStatus([saved, leftOffNotice(heldByOthers)].filter(Boolean).join(' '));
        return contact.id;
      },
      (message) => setError(`Not saved: ${message}`),
    );
  };

  /**
   * The page's person is someone saved under another name or address: what the form holds is
   * saved into that contact, as into one a profile link or email had found.
   */
  const addToSaved = (hit: ContactHit) => {
    const current = screen;
    if (current.kind !== 'new' || !current.person) return;
    const { person } = current;
    void write(
      async (kithDb) => {
        const { contact, heldByOthers } = await saveDraft(kithDb, { draft, now: deps.now(), settings: cadence(), person, into: hit.id });
        clearUnsaved('contact');
        setError(undefined);
        await reloadCard(kithDb, contact.id, asTyped(person, draft));
        setStatus([`Added to ${contact.name}’s card.`, leftOffNotice(heldByOthers)].filter(Boolean).join(' '));
        return contact.id;
      },
      (message) => setError(`Not added: ${message}`),
    );
  };

  const logInteraction = () => {
    if (screen.kind !== 'saved') return;
    const { card, person } = screen;
    void write(
      async (kithDb) => {
        const loggedAs = newId();
        await keptTyping.keepBeforeSaving({ loggedAs });
        const { thankYou } = await saveInteractionDraft(kithDb, card.contact.id, logDraft, cadence(), deps.now(), loggedAs);
        clearUnsaved('log');
        setLogError(undefined);
        setLogDraft(interactionDraft(deps.now()));
        await reloadCard(kithDb, card.contact.id, person, editingCard());
        setStatus(thankYou ? 'Interaction logged, with a reminder to say thank you.' : 'Interaction logged.');
        return card.contact.id;
      },
      (message) => setLogError(`Not logged: ${message}`),
    );
  };

  const accept = (accepted: Proposed) => {
    if (screen.kind !== 'saved') return;
    const { card, person } = screen;
    void write(
      async (kithDb) => {
        await acceptProposed(kithDb, card.contact.id, accepted, deps.now());
        await reloadCard(kithDb, card.contact.id, person, editingCard());
        setStatus('Update accepted.');
        // The button pressed is gone (or was disabled while saving): focus lands on the form
        // being edited, else on the card.
        if (editingCard()) returnFocus(CONTACT_NAME_KEY);
        else if (!document.activeElement || document.activeElement === document.body) document.getElementById('card-name')?.focus();
        return card.contact.id;
      },
      (message) => setStatus(`Not updated: ${message}`),
    );
  };

  const showRemindersChanged = async (kithDb: KithDB) => {
    const shown = liveScreen.current;
    if (shown.kind === 'saved') await reloadCard(kithDb, shown.card.contact.id, shown.person, editingCard());
    else if (shown.kind === 'home') await showHome(kithDb, shown.page);
    else if (shown.kind === 'new' && shown.back) {
      // The form stays as typed; Cancel goes back to the due list as it is now.
      const { items, total } = await loadDueToday(kithDb, deps.now());
      setScreen({ ...shown, back: { ...shown.back, due: items, total } });
    }
  };

  // Done and Snooze sit side by side in a small popup; one pressed by mistake is put back with Undo.
  const changeReminder = (reminder: Reminder, done: boolean) => {
    const now = deps.now();
    void write(
      async (kithDb) => {
        const putBack = await settleReminder(kithDb, reminder, done ? 'done' : 'snooze', cadence(), now);
        await showRemindersChanged(kithDb);
        setStatus(done ? 'Reminder done.' : 'Snoozed for a day.');
        const pressed = reminderButtonKey(done ? 'done' : 'snooze', reminder);
        setStatusAction({ label: 'Undo', run: () => void undoWith(reminder, putBack, pressed), takeFocus: true });
        return reminder.contactId;
      },
      (message) => setStatus(`Not changed: ${message}`),
    );
  };

  const undoWith = async (reminder: Reminder, putBack: (settings: Settings) => Promise<void>, pressed: string) => {
    await write(
      async (kithDb) => {
        await putBack(cadence());
        await showRemindersChanged(kithDb);
        setStatus('Undone.');
        return reminder.contactId;
      },
      (message) => setStatus(`Not undone: ${message}`),
    );
    // Only now are the buttons enabled again, the one pressed among them; a person being added
    // by hand since hides them, and the focus goes back to that form instead.
    returnFocus(liveScreen.current.kind === 'new' ? CONTACT_NAME_KEY : pressed);
  };

  startOver.current = (key: string) => {
    void keptTyping.forget(key).catch((cause: unknown) => console.warn('Kith: what was typed could not be given up', cause));
    setStatus('');
    setStatusAction(undefined);
    setStartedOver((count) => count + 1);
    if (screen.kind !== 'new' && screen.kind !== 'saved') return;
    if (screen.person && db) void showPerson(db, screen.person).catch((cause) => setStatus(reason(cause)));
    else if (screen.kind === 'new') setDraft(emptyDraft());
    else {
      setScreen({ ...screen, editing: false });
      setLogDraft(interactionDraft(deps.now()));
    }
  };

  const switchTo = (index: number) => {
    // Not while a save runs: its card would land on the screen of the person switched to.
    if (!db || writing.current || index === selected) return;
    keptTyping.keepNow();
    setSelected(index);
    setStatus('');
    setStatusAction(undefined);
    void showPerson(db, people[index]).catch((cause) => setStatus(reason(cause)));
  };

  const startManualEntry = () => {
    setDraft(keptTyping.restore(typedKey(undefined, pageUrl.current)).typed?.contact ?? emptyDraft());
    setError(undefined);
    setScreen({ kind: 'new', focus: 'name', back: screen.kind === 'home' ? screen : undefined });
  };

  /** Back to the screen a manual entry was started from, its text given up. */
  const cancelTo = (back: HomeScreen) => (
    <button
      type="button"
      onClick={() => {
        clearUnsaved('contact');
        setScreen(back);
      }}
    >
      Cancel
    </button>
  );

  const form = (focus: FocusField, extra?: ComponentChildren) => (
    <ContactForm
      key={startedOver}
      draft={draft}
      onChange={typedInto('contact', setDraft)}
      onSubmit={saveContact}
      busy={busy}
      error={error}
      focus={focus}
      defaultCadenceDays={cadence().defaultCadenceDays}
      searchContacts={searchReferrers}
    >
      {extra}
    </ContactForm>
  );

  return (
    <main class="popup">
      <p class="status" role="status">
        {status}
      </p>
      {statusAction && (
        <button ref={statusButton} type="button" class="link" onClick={statusAction.run}>
          {statusAction.label}
        </button>
      )}
      {fatal && (
        <p class="error" role="alert">
          {fatal}
        </p>
      )}
      {people.length > 1 && screen.kind !== 'home' && (
        <nav class="people" aria-label="People on this page">
          {people.map((person, index) => (
            <button key={index} type="button" aria-current={index === selected} aria-disabled={busy} onClick={() => !busy && switchTo(index)}>
              {personLabel(person)}
            </button>
          ))}
        </nav>
      )}

      {screen.kind === 'loading' && !fatal && <p class="muted">Looking at this page…</p>}

      {screen.kind === 'new' && (
        <>
          <h1>{screen.person ? 'Save to Kith' : 'Add a person'}</h1>
          {screen.failedUrl && (
            <div class="notice" role="alert">
              <strong>Capture failed on this page.</strong> Kith expected a person here but could not read one: the
              page may still be loading (open Kith again in a moment), or the site may have changed. Enter them by hand
              below; the page link is kept.
            </div>
          )}
          {form(screen.focus, screen.back && cancelTo(screen.back))}
          {/* Below the form: found a moment after it is drawn, it would push the form down under a
              click aimed at a field, onto "Add to card", which cannot be undone here. */}
          <div aria-live="polite">
            {sameName && sameName.length > 0 && (
              <section class="proposed" aria-labelledby="namesakes-heading">
                <h2 id="namesakes-heading">Saved in Kith with this name</h2>
                <p>If it is the same person, add what this page shows to their card rather than saving them twice.</p>
                <ul>
                  {sameName.map((contact) => {
                    const who = distinguishing(contact);
                    return (
                      <li key={contact.id}>
                        <span>
                          {contact.name} {who && <span class="muted">({who})</span>}
                        </span>
                        <button type="button" aria-disabled={busy} aria-label={`Add to ${contact.name}${who ? ` (${who})` : ''}`} onClick={() => !busy && addToSaved(contact)}>
                          Add to card
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </section>
            )}
          </div>
          {screen.person && (
            <section aria-labelledby="add-to-saved-heading">
              <h2 id="add-to-saved-heading">Already in Kith under another name?</h2>
              <ContactPicker label={`Add ${screen.person.name} to`} placeholder="Search your contacts" search={search} onPick={addToSaved} />
            </section>
          )}
        </>
      )}

      {screen.kind === 'saved' && (
        <>
          <h1 class="visually-hidden">Saved in Kith</h1>
          <ProposedUpdate contact={screen.card.contact} proposed={screen.card.proposed} heldByOthers={screen.card.heldByOthers} busy={busy} onAccept={accept} />
          {screen.editing ? (
            <>
              <SavedElsewhere overwrites={overwrites} typed={draft} />
              {form(
                'name',
                <button
                  type="button"
                  onClick={() => {
                    clearUnsaved('contact');
                    setOverwrites({});
                    setScreen({ ...screen, editing: false, focusEdit: true });
                    returnFocus(EDIT_CARD_KEY);
                  }}
                >
                  Cancel
                </button>,
              )}
            </>
          ) : (
            <ContactSummary contact={screen.card.contact} referredByName={screen.card.referredByName}>
              <div class="actions">
                <button
                  type="button"
                  data-return-focus={EDIT_CARD_KEY}
                  onClick={() => {
                    setDraft(draftOfCard(screen.card));
                    setError(undefined);
                    setOverwrites({});
                    setScreen({ ...screen, editing: true, focusEdit: undefined });
                  }}
                >
                  Edit
                </button>
                <button type="button" class="link" onClick={() => deps.openContact(screen.card.contact.id)}>
                  Open in dashboard
                </button>
              </div>
            </ContactSummary>
          )}
          {screen.card.reminders.length > 0 && (
            <section aria-labelledby="reminders-heading">
              <h2 id="reminders-heading">Reminders</h2>
              <ReminderList
                rows={screen.card.reminders.map((reminder) => ({ reminder }))}
                now={deps.now()}
                busy={busy}
                onDone={(reminder) => changeReminder(reminder, true)}
                onSnooze={(reminder) => changeReminder(reminder, false)}
              />
            </section>
          )}
          {!screen.editing && (
            <InteractionForm
              key={startedOver}
              draft={logDraft}
              onChange={typedInto('log', setLogDraft)}
              onSubmit={logInteraction}
              busy={busy}
              error={logError}
              autoFocus={!screen.focusEdit}
            />
          )}
          <section aria-labelledby="recent-heading">
            <h2 id="recent-heading">Last interactions</h2>
            <InteractionList interactions={screen.card.interactions} />
          </section>
        </>
      )}

      {screen.kind === 'home' && (
        <>
          <h1>Kith</h1>
          {screen.page === 'nobody' && <p class="muted">No person found on this page.</p>}
          {screen.page === 'unreadable' && <p class="muted">Kith cannot read this page: the browser keeps it from extensions. You can still add a person by hand.</p>}
          <ContactPicker
            label="Search your contacts"
            placeholder="Name, company, email, phone or tag"
            search={search}
            onPick={(hit) => deps.openContact(hit.id)}
            autoFocus
          />
          <section aria-labelledby="due-heading">
            <h2 id="due-heading">Due today</h2>
            {screen.due.length === 0 ? (
              <p class="muted">Nothing due today.</p>
            ) : (
              <ReminderList
                rows={screen.due.map(({ reminder, contactName }) => ({
                  reminder,
                  contactName,
                  onOpen: () => deps.openContact(reminder.contactId),
                }))}
                now={deps.now()}
                busy={busy}
                onDone={(reminder) => changeReminder(reminder, true)}
                onSnooze={(reminder) => changeReminder(reminder, false)}
              />
            )}
            {screen.total > screen.due.length && (
              <p class="muted">and {screen.total - screen.due.length} more in the dashboard.</p>
            )}
          </section>
          <div class="actions">
            <button type="button" onClick={startManualEntry}>
              Add a person by hand
            </button>
            <button type="button" onClick={deps.openDashboard}>
              Open dashboard
            </button>
          </div>
        </>
      )}
    </main>
  );
}
