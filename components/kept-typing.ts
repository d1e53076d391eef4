// The popup's memory of what is typed into its forms and not saved: kept in storage as it is
// typed (lib/typed-drafts.ts), so neither the popup closing nor switching to another person on
// the page loses it, and handed back when the same person or page shows again.
import { useEffect, useRef } from 'preact/hooks';
import type { Typed } from '@/lib/typed-drafts';

export type TypedForm = 'contact' | 'log';
/** The forms a screen shows: a new person's or an edit (with the card it edits), a card's log; and the card's contact. */
export type ShownForms = Omit<Typed, 'at'>;

type Store = {
  keepTyped: (key: string, typed: ShownForms) => Promise<void>;
  forgetTyped: (key: string) => Promise<void>;
  now: () => number;
};

/** Kept a moment after a change, with those made meanwhile, and at once when the popup goes away. */
const KEEP_AFTER_MS = 200;

/** `key`: whose forms the screen shows (`typedKey`), if it shows any; `shown`: those forms now. */
export function useKeptTyping(store: Store, key: string | undefined, shown: ShownForms) {
  const kept = useRef(new Map<string, Typed>());
  const typedInto = useRef(new Map<string, Set<TypedForm>>());
  const fromEarlierPopup = useRef(new Set<string>());
  const timer = useRef<number | undefined>(undefined);

  /** The screen's typed-into forms as the latest render has them, whenever it is called. */
  const pendingNow = useRef<() => { key: string; forms: ShownForms } | undefined>(() => undefined);
  pendingNow.current = () => {
    if (!key) return undefined;
    const forms = typedInto.current.get(key);
    // A form typed into and not on this screen (a card's log while its person is saved again,
    // the card gone) stays as it was kept.
    const contact = forms?.has('contact') ? (shown.contact ?? kept.current.get(key)?.contact) : undefined;
    const log = forms?.has('log') ? (shown.log ?? kept.current.get(key)?.log) : undefined;
    return { key, forms: { contact, base: contact && shown.base, log, contactId: shown.contactId } };
  };

  /** Keep the screen's forms now; `saving`: the ids a save about to start writes them under. */
  const keepNow = (saving: Pick<Typed, 'contactId' | 'loggedAs'> = {}): Promise<void> => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const pending = pendingNow.current();
    if (!pending) return Promise.resolve();
    // Only the ids given: an edit of a saved card keeps that card's.
    const forms = { ...pending.forms, ...Object.fromEntries(Object.entries(saving).filter(([, id]) => id !== undefined)) };
    if (forms.contact || forms.log) kept.current.set(pending.key, { ...forms, at: store.now() });
    else kept.current.delete(pending.key);
    return store.keepTyped(pending.key, forms).catch((cause: unknown) => console.warn('Kith: what was typed could not be kept', cause));
  };

  useEffect(() => {
    const onPageHide = () => {
      if (timer.current !== undefined) void keepNow();
    };
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, []);

  return {
    /** What earlier popups kept, read as this one opened. */
    load(entries: Map<string, Typed>) {
      kept.current = entries;
      fromEarlierPopup.current = new Set(entries.keys());
    },
    /**
     * What is kept for `key`, each of its forms counted as typed into; `restored` is true the
     * first time it comes from an earlier popup.
     */
    restore(restoreKey: string): { typed?: Typed; restored: boolean } {
      const typed = kept.current.get(restoreKey);
      if (!typed) return { restored: false };
      typedInto.current.set(restoreKey, new Set<TypedForm>([...(typed.contact ? ['contact' as const] : []), ...(typed.log ? ['log' as const] : [])]));
      return { typed, restored: fromEarlierPopup.current.delete(restoreKey) };
    },
    /**
     * A form kept for `dropKey` is not to come back (saved as the popup closed, too soon for it to
     * be forgotten): the other form kept with it stays.
     */
    dropForm(dropKey: string, form: TypedForm) {
      typedInto.current.get(dropKey)?.delete(form);
      const typed = kept.current.get(dropKey);
      if (!typed) return;
      const { at, contact, base, log, ...rest } = typed;
      const left: ShownForms = form === 'contact' ? { ...rest, log } : { ...rest, contact, base };
      if (left.contact || left.log) kept.current.set(dropKey, { ...left, at });
      else kept.current.delete(dropKey);
      void store.keepTyped(dropKey, left).catch((cause: unknown) => console.warn('Kith: what was typed could not be kept', cause));
    },
    /** A form's change handler that also counts the form as typed into and keeps it soon. */
    typedInto<T>(form: TypedForm, set: (value: T) => void) {
      return (value: T) => {
        if (key) typedInto.current.set(key, new Set(typedInto.current.get(key)).add(form));
        set(value);
        // From the first change not kept, not the last, as the dashboard keeps its typing.
        timer.current ??= window.setTimeout(keepNow, KEEP_AFTER_MS);
      };
    },
    /**
     * A save of the forms is about to start, under these ids (a new contact's, a log's): kept
     * with them first, so a popup closed as the save commits knows it was saved.
     */
    keepBeforeSaving(saving: Pick<Typed, 'contactId' | 'loggedAs'>): Promise<void> {
      return keepNow(saving);
    },
    /** The form was saved or given up: it is no longer kept. */
    clear(form: TypedForm) {
      if (key) typedInto.current.get(key)?.delete(form);
      void keepNow();
    },
    keepNow: () => void keepNow(),
    /** The screen's forms typed into and not saved, if any. */
    pending() {
      const pending = pendingNow.current();
      return pending && (pending.forms.contact || pending.forms.log) ? pending : undefined;
    },
    /** Give up everything kept for `forgetKey`, here and in storage. */
    forget(forgetKey: string): Promise<void> {
      kept.current.delete(forgetKey);
      typedInto.current.delete(forgetKey);
      window.clearTimeout(timer.current);
      timer.current = undefined;
      return store.forgetTyped(forgetKey);
    },
  };
}
