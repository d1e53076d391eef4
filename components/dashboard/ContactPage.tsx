// One contact: every field editable, the timeline of interactions and reminders, who referred
// them and whom they referred, the history of changes, merge and delete with undo;
// an interaction logged wrong is corrected in the log form, and one logged or a one-off reminder
// added by mistake is deleted from the timeline, each with undo.
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { DETAIL_LABELS, FIELD_LABELS, checkDetails, draftFromContact, fieldOfError, saveDraft } from '@/lib/contact-draft';
import type { TypedOnContactPage } from '@/lib/dashboard-drafts';
import type { ContactHit } from '@/lib/contact-search';
import {
  type Snapshot,
  contactIdsOf,
  deleteContacts,
  deleteReminder,
  failureMessage,
  interactionsOf,
  remindersOf,
  restoreSnapshot,
  revertContactChanges,
  undoMerge,
  updateContact,
  updateContacts,
} from '@/lib/db';
import { editedFields, keepEdits } from '@/lib/form-edits';
import { type InteractionDraft, draftOfInteraction, interactionDraft, saveInteractionDraft, saveInteractionEdit } from '@/lib/interaction-draft';
import { mergeSavedContacts } from '@/lib/merge';
import { type Contact, type Interaction, RELATIONSHIP_LABELS, type Relationship, type Reminder } from '@/lib/model';
import {
  CorrectedElsewhere,
  REMINDER_FIELD_LABELS,
  addReminder,
  removeInteraction,
  restoreInteraction,
  restoreReminder,
  settleReminder,
  undoRevision,
} from '@/lib/reminder-store';
import { dueTimeOf, isOpen, localIsoDate } from '@/lib/reminders';
import { ContactForm, submitsForm } from '../ContactForm';
import { ContactPicker } from '../ContactPicker';
import { useFocusWhenLost, useReturnFocus } from '../focus-when-lost';
import { InteractionForm } from '../InteractionForm';
import { CHANNEL_LABELS, HELP_LABELS, REMINDER_LABELS, jobLine, nameWithGist } from '../labels';
import { ReminderList, reminderButtonKey, useOncePerRead } from '../ReminderList';
import { type Overwrite, SavedElsewhere, overwritesIn } from '../SavedElsewhere';
import type { PageProps } from './Dashboard';
import { CONTACTS_SEARCH_KEY } from './ContactsPage';

const messageOf = failureMessage;

/** Two contacts' names, each with their job when the names alone are one ("Dev Patel (CTO · Hooli)"): which is merged into which must be told. */
type Named = Pick<Contact, 'name' | 'title' | 'company'>;
function namedApart(a: Named, b: Named): [string, string] {
  if (a.name !== b.name) return [a.name, b.name];
  const withJob = (c: Named) => (jobLine(c) ? `${c.name} (${jobLine(c)})` : c.name);
  return [withJob(a), withJob(b)];
}

/** The `data-return-focus` key of the search box that picks whom to merge. */
const MERGE_PICKER_KEY = 'merge-picker';

/** The `data-return-focus` keys of a "perhaps the same person" suggestion's Merge and Not the same person. */
const mergeSuggestedKey = (id: string) => `merge:${id}`;
const tellApartKey = (id: string) => `apart:${id}`;

/** The `data-return-focus` key of a timeline entry's Delete, for Undo to focus it again. */
const deleteKey = (id: string) => `delete:${id}`;
/** The `data-return-focus` key of an interaction's Edit, where the keyboard goes back once it is saved or left. */
const editKey = (id: string) => `edit:${id}`;
/**
 * Dates as the page shows them. One formatter a reading of the data, not one a call:
 * `toLocaleDateString` with options builds one per call, three calls per timeline entry per
 * render, which at 500 interactions made each keystroke take 0.2 s. Not one for the page's life
 * either: a formatter keeps the time zone it was made in, and the computer may move.
 */
const dayFormatter = () => {
  const format = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  return (ms: number) => format.format(ms);
};

/** The contact and details forms' fields by their labels, for what was typed on a contact gone meanwhile. */
const TYPED_LABELS: Record<string, string> = { ...FIELD_LABELS, ...DETAIL_LABELS, relationship: 'Relationship', followUp: 'Follow up' };

const detailsOf = (contact: Contact) => ({
  phones: contact.phones.join(', '),
  addresses: contact.addresses.join('\n'),
  profileUrl: contact.profileUrl ?? '',
});

type Details = ReturnType<typeof detailsOf>;

/** The text fields of the two forms, by the labels the user sees. */
const TEXT_FIELD_LABELS: Record<string, string> = { ...FIELD_LABELS, ...DETAIL_LABELS };

/** The contact fields the details form sets. */
const fieldsOfDetails = (details: Details) => ({
  phones: details.phones.split(',').map((p) => p.trim()).filter(Boolean),
  addresses: details.addresses.split('\n').map((a) => a.trim()).filter(Boolean),
  profileUrl: details.profileUrl.trim() || undefined,
});

type ReminderDraft = TypedOnContactPage['reminder'];
type Correcting = NonNullable<TypedOnContactPage['correcting']>;

/** Whether a form holds typing: a field differs from what it showed. */
const typedIn = (typed: object, before: object | undefined) => before !== undefined && Object.keys(editedFields(typed, before)).length > 0;
const logTyped = (log: InteractionDraft) => log.summary.trim() !== '' || log.received.length > 0 || log.gave.length > 0;

type TimelineEntry = { at: number; key: string; interaction?: Interaction; reminder?: Reminder };

/** Who introduced whom, oldest first: [the one who referred the referrer, …, the referrer]. */
function referralChain(contact: Contact, byId: ReadonlyMap<string, Contact>): Contact[] {
  const chain: Contact[] = [];
  const seen = new Set([contact.id]);
  for (let next = contact.referredBy && byId.get(contact.referredBy); next && !seen.has(next.id); next = next.referredBy ? byId.get(next.referredBy) : undefined) {
    seen.add(next.id);
    chain.unshift(next);
  }
  return chain;
}

type ContactPageProps = PageProps & {
  id: string;
  /** What was typed here and not saved when the page was last left: back in its fields. */
  typedBefore?: TypedOnContactPage;
  /** Told what is typed and not saved, as it changes (undefined: nothing). */
  keepTyped: (contactId: string, typed: TypedOnContactPage | undefined) => void;
};

export function ContactPage({ deps, notebook, changed, id: contactId, typedBefore, keepTyped }: ContactPageProps) {
  const id = useId();
  const contact = notebook.byId.get(contactId);
  const [interactions, setInteractions] = useState<Interaction[]>([]);
  const [reminders, setReminders] = useState<Reminder[]>([]);
  const day = useMemo(dayFormatter, [notebook, interactions, reminders]);
  // The form shows the soonest open follow-up, as the popup's does: a new date moves it.
  const followUp = reminders.find((r) => r.kind === 'follow-up' && isOpen(r));
  const draftOf = (c: Contact) => draftFromContact(c, c.referredBy ? notebook.byId.get(c.referredBy)?.name : undefined, followUp);
  // What each form showed before the user typed: the base their edits are kept against.
  const shown = useRef({ draft: contact && draftOf(contact), details: contact && detailsOf(contact) });
  const [draft, setDraft] = useState(() => shown.current.draft && (typedBefore ? keepEdits(typedBefore.draft, typedBefore.shown.draft, shown.current.draft) : shown.current.draft));
  const [details, setDetails] = useState(
    () => shown.current.details && (typedBefore ? keepEdits(typedBefore.details, typedBefore.shown.details, shown.current.details) : shown.current.details),
  );
  const [logDraft, setLogDraft] = useState<InteractionDraft>(() => typedBefore?.log ?? interactionDraft(deps.now()));
  const [correcting, setCorrecting] = useState<Correcting | undefined>(typedBefore?.correcting);
  const [reminderDraft, setReminderDraft] = useState<ReminderDraft>(() => typedBefore?.reminder ?? { kind: 'follow-up', date: localIsoDate(deps.now()), note: '' });
  // Left open past midnight, the log and reminder forms' dates still showing the day before move
  // to the new one, as a page opened now would show: an interaction logged "today" is today's.
  // An interaction open for correcting keeps its own date; the new log set aside moves.
  const today = localIsoDate(notebook.loadedAt);
  const formsDay = useRef(localIsoDate(deps.now()));
  useEffect(() => {
    const before = formsDay.current;
    if (today <= before) return;
    formsDay.current = today;
    const toToday = <T extends { date: string }>(typed: T): T => (typed.date === before ? { ...typed, date: today } : typed);
    if (correcting) setCorrecting({ ...correcting, typed: toToday(correcting.typed) });
    else setLogDraft(toToday);
    setReminderDraft(toToday);
  }, [today]);
  // Whom to merge, and the key of the button or search box that asked.
  const [mergeWith, setMergeWith] = useState<{ other: ContactHit; askedFrom: string }>();
  // Picking whom to merge replaces the search box and suggestions with a question: the keyboard
  // moves to its answer, back to what asked on Cancel (or Escape), and to the search box on Undo
  // of the merge.
  const confirmMerge = useFocusWhenLost<HTMLButtonElement>(mergeWith);
  const returnFocus = useReturnFocus();
  const cancelMerge = () => {
    setMergeWith(undefined);
    returnFocus(mergeWith?.askedFrom);
  };
  // Others who may be this person, by an email or link both have, else by the same name, with
  // their job beside it to tell two people of one name apart.
  const maybeSame = useMemo(
    () =>
      contact && !notebook.whole
        ? notebook.search.maybeSameAs(contact).map(({ contact: other, shared }) =>
            shared.length
              ? { other, why: `also has ${shared.join(' and ')}` }
              : { other, job: jobLine(other), why: 'has the same name' },
          )
        : [],
    [contact, notebook],
  );
  const [busy, setBusy] = useState(false);
  const once = useOncePerRead(reminders);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The details form's error is its field's, as in the contact form: marked, and described by it.
  const detailInError = errors.details ? fieldOfError(errors.details, DETAIL_LABELS) : undefined;
  const invalidDetail = (field: string) => (detailInError === field ? { 'aria-invalid': true, 'aria-describedby': `${id}-details-error` } : {});
  // Typing brought back over a contact saved elsewhere since (another tab, the popup, a dashboard
  // that died) says what saving it would replace, as typing under way does.
  // The notice the page gave before it was left is given again.
  const [overwrites, setOverwrites] = useState<Record<string, Overwrite>>(() =>
    typedBefore && shown.current.draft && shown.current.details
      ? {
          ...typedBefore.overwrites,
          ...overwritesIn(typedBefore.draft, typedBefore.shown.draft, shown.current.draft, TEXT_FIELD_LABELS),
          ...overwritesIn(typedBefore.details, typedBefore.shown.details, shown.current.details, TEXT_FIELD_LABELS),
        }
      : {},
  );

  // What each field typed into and not saved held when the typing in it began, as JSON.
  const typedOver = useRef(
    new Map<string, string>(
      typedBefore
        ? [
            [typedBefore.draft, typedBefore.shown.draft],
            [typedBefore.details, typedBefore.shown.details],
          ].flatMap(([typed, began]) => Object.keys(editedFields(typed, began)).map((field) => [field, JSON.stringify(began[field as keyof typeof began])] as const))
        : [],
    ),
  );

  // After a save, merge or undo anywhere on the page the contact is a new object: show what is
  // stored now, except in fields the user has typed into and not yet saved.
  useEffect(() => {
    if (!contact) return;
    const next = { draft: draftOf(contact), details: detailsOf(contact) };
    const before = shown.current;
    shown.current = next;
    // What the user typed stays, but not silently over what was saved meanwhile: the page says
    // what saving would replace, with the saved text to copy from. Saved back to what a field
    // held when the typing in it began (an Undo), saving replaces nothing new: nothing to say.
    const found = {
      ...(draft && before.draft && overwritesIn(draft, before.draft, next.draft, TEXT_FIELD_LABELS)),
      ...(details && before.details && overwritesIn(details, before.details, next.details, TEXT_FIELD_LABELS)),
    };
    const typing = new Map<string, string>();
    const savedBack: string[] = [];
    for (const [typed, was, now] of [
      [draft, before.draft, next.draft],
      [details, before.details, next.details],
    ] as const) {
      if (!typed || !was) continue;
      for (const field of Object.keys(editedFields(typed, was)) as (keyof typeof was)[]) {
        const began = typedOver.current.get(field) ?? JSON.stringify(was[field]);
        typing.set(field, began);
        const saved = JSON.stringify(now[field]);
        if (saved !== JSON.stringify(was[field]) && saved === began) savedBack.push(field);
      }
    }
    typedOver.current = typing;
    for (const field of savedBack) delete found[field];
    if (Object.keys(found).length > 0 || savedBack.length > 0) {
      setOverwrites((known) => Object.fromEntries(Object.entries({ ...known, ...found }).filter(([field]) => !savedBack.includes(field))));
    }
    setDraft((edited) => (edited && before.draft ? keepEdits(edited, before.draft, next.draft) : next.draft));
    setDetails((edited) => (edited && before.details ? keepEdits(edited, before.details, next.details) : next.details));
  }, [contact, notebook, followUp]);

  /**
   * What is typed on the page and not saved, as the dashboard keeps it: undefined when nothing
   * is, and 'not shown' while the forms are not drawn yet (nothing to keep or to give up).
   */
  const typedOnPage = (): TypedOnContactPage | undefined | 'not shown' => {
    const base = shown.current;
    if (!draft || !details || !base.draft || !base.details) return 'not shown';
    // A reminder's kind and date stay as picked after it is added, for the next: only its words are typing.
    // An interaction opened for correcting stays open, as typed, until it is saved or left.
    const typed = typedIn(draft, base.draft) || typedIn(details, base.details) || logTyped(logDraft) || correcting !== undefined || reminderDraft.note.trim() !== '';
    return typed ? { draft, details, log: logDraft, correcting, reminder: reminderDraft, shown: { draft: base.draft, details: base.details }, overwrites } : undefined;
  };

  // Leaving the page loses nothing typed: the dashboard keeps it until it is saved.
  useEffect(() => {
    const typed = typedOnPage();
    if (typed !== 'not shown') keepTyped(contactId, typed);
  }, [draft, details, logDraft, correcting, reminderDraft, overwrites, contactId, keepTyped]);

  useEffect(() => {
    let live = true;
    void deps.db().then(async (db) => {
      const [i, r] = await Promise.all([interactionsOf(db, contactId), remindersOf(db, contactId)]);
      if (live) {
        setInteractions(i);
        setReminders(r);
      }
    });
    return () => {
      live = false;
    };
  }, [deps, contactId, notebook]);

  const searchOthers = useMemo(
    () => async (query: string, limit: number) => {
      // Drawn before the notebook was read: a search answers once it is.
      const all = (await notebook.whole) ?? notebook;
      return all.search
        .search({ text: query, filters: {}, sort: 'name' }, { now: all.loadedAt, dueContactIds: all.dueContactIds })
        .filter((c) => c.id !== contactId)
        .slice(0, limit);
    },
    [notebook, contactId],
  );

  if (!contact || !draft || !details) {
    // Deleted or merged away in another tab while the user typed here: what they typed is shown,
    // to copy where it belongs, and kept (Dashboard asks before the tab closes) until they leave.
    // Each field typed into, by its label, a cleared one too; a relationship by its name; and what
    // the log and reminder forms hold. Gone before the page opened (merged away from another
    // contact's page), from what was kept.
    const forms =
      draft && details && shown.current.draft && shown.current.details
        ? { draft, details, log: logDraft, reminder: reminderDraft, shown: { draft: shown.current.draft, details: shown.current.details } }
        : typedBefore;
    const edited = (typedForm: object | undefined, before: object | undefined) => (typedForm && before ? Object.entries(editedFields(typedForm, before)) : []);
    const typed = [...edited(forms?.draft, forms?.shown.draft), ...edited(forms?.details, forms?.shown.details)]
      .filter(([field, value]) => typeof value === 'string' && field in TYPED_LABELS)
      .map(([field, value]) => [TYPED_LABELS[field], field === 'relationship' ? RELATIONSHIP_LABELS[value as Relationship] : (value as string).trim() || '(cleared)']);
    if (forms?.log.summary.trim()) typed.push(['Interaction', forms.log.summary.trim()]);
    if (forms?.reminder.note.trim()) typed.push([REMINDER_LABELS[forms.reminder.kind], forms.reminder.note.trim()]);
    return (
      <section>
        <h1>Contact not found</h1>
        <p>
          This contact is not in your notebook (it may have been deleted or merged). <a href="#/contacts">Back to contacts</a>
        </p>
        {typed.length > 0 && (
          <div class="overwrites" role="alert">
            <p>What you typed here was not saved. Copy it to the contact it belongs to:</p>
            <dl>
              {typed.map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
            <button
              type="button"
              onClick={() => {
                // Every form back as shown, so the page does not keep any of it again.
                setDraft(shown.current.draft);
                setDetails(shown.current.details);
                setLogDraft(interactionDraft(deps.now()));
                setReminderDraft((typedReminder) => ({ ...typedReminder, note: '' }));
                setCorrecting(undefined);
                keepTyped(contactId, undefined);
              }}
            >
              Give up what I typed
            </button>
          </div>
        )}
      </section>
    );
  }

  /** Runs `work` with the page's buttons held; false when it failed, its message shown by `key`. */
  const attempt = async (key: string, work: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setErrors((e) => ({ ...e, [key]: '' }));
    try {
      await work();
      return true;
    } catch (error) {
      setErrors((e) => ({ ...e, [key]: messageOf(error) }));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    attempt('form', async () => {
      const db = await deps.db();
      await saveDraft(db, { draft, shown: shown.current.draft, now: deps.now(), settings: notebook.settings, contactId });
      // Saved: what the form shows is stored, and the stored contact and follow-up are shown once
      // read again (as the schema cleaned them).
      shown.current = { ...shown.current, draft };
      setOverwrites(({ phones, addresses, profileUrl }) => ({ ...(phones && { phones }), ...(addresses && { addresses }), ...(profileUrl && { profileUrl }) }));
      await changed({ message: `Saved ${draft.name}.` }, [contactId]);
    });

  const saveDetails = () =>
    attempt('details', async () => {
      const db = await deps.db();
      const now = deps.now();
      // Only what was typed: a detail saved elsewhere since the form was drawn stays.
      const before = shown.current.details;
      const typed = before ? editedFields(fieldsOfDetails(details), fieldsOfDetails(before)) : fieldsOfDetails(details);
      checkDetails(typed);
      await updateContact(db, contactId, (saved) => ({ ...saved, ...typed, updatedAt: now }));
      shown.current = { ...shown.current, details };
      setOverwrites(({ phones: _p, addresses: _a, profileUrl: _u, ...others }) => others);
      await changed({ message: `Saved ${contact.name}’s details.` }, [contactId]);
    });

  // What a form shows as saved again, and what it said about it gone; the keyboard on its Save
  // button, as the Discard button pressed goes.
  const discard = (form: 'form' | 'details', pressed: HTMLButtonElement) => {
    pressed.form?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
    const fields = (form === 'form' ? shown.current.draft : shown.current.details) ?? {};
    if (form === 'form') setDraft(shown.current.draft);
    else setDetails(shown.current.details);
    for (const field of Object.keys(fields)) typedOver.current.delete(field);
    setOverwrites((known) => Object.fromEntries(Object.entries(known).filter(([field]) => !(field in fields))));
    setErrors((e) => ({ ...e, [form]: '' }));
  };

  /** Back to logging a new interaction, with what was typed for it before; the keyboard back on Edit. */
  const stopCorrecting = ({ interaction, typed }: Correcting) => {
    setCorrecting(undefined);
    setLogDraft(typed);
    returnFocus(editKey(interaction.id));
  };

  const correct = (interaction: Interaction) => {
    setCorrecting({ interaction, typed: correcting?.typed ?? logDraft });
    setErrors((e) => ({ ...e, log: '' }));
    setLogDraft(draftOfInteraction(interaction));
  };

  const logIt = async () => {
    const { settings } = notebook;
    if (!correcting) {
      await attempt('log', async () => {
        await saveInteractionDraft(await deps.db(), contactId, logDraft, settings, deps.now());
        setLogDraft(interactionDraft(deps.now()));
        await changed({ message: 'Interaction logged.' }, [contactId]);
      });
      return;
    }
    const saved = await attempt('log', async () => {
      const db = await deps.db();
      const revised = await saveInteractionEdit(db, correcting.interaction, logDraft, settings, deps.now()).catch((error: unknown) => {
        // Told what is saved now, the user's next Save is over it; the parts they left alone show it.
        if (error instanceof CorrectedElsewhere) {
          setCorrecting({ ...correcting, interaction: error.saved });
          setLogDraft((typed) => keepEdits(typed, draftOfInteraction(correcting.interaction), draftOfInteraction(error.saved)));
        }
        throw error;
      });
      const { after } = revised;
      await changed(
        {
          message: `Saved the ${CHANNEL_LABELS[after.channel].toLowerCase()} interaction of ${day(after.at)}.`,
          undo: (settingsNow) => undoRevision(db, revised, settingsNow, deps.now()),
          returnFocus: editKey(after.id),
        },
        [contactId],
      );
    });
    // Once the page's buttons are free again, so the keyboard can land back on Edit.
    if (saved) stopCorrecting(correcting);
  };

  const remind = () =>
    attempt('reminder', async () => {
      const db = await deps.db();
      await addReminder(db, { contactId, ...reminderDraft }, deps.now());
      setReminderDraft({ ...reminderDraft, note: '' });
      await changed({ message: `${REMINDER_LABELS[reminderDraft.kind]} reminder added.` }, [contactId]);
    });

  const done = (reminder: Reminder) =>
    once(reminder, () =>
      attempt('reminders', async () => {
        const undo = await settleReminder(await deps.db(), reminder, 'done', notebook.settings, deps.now());
        await changed({ message: `${REMINDER_LABELS[reminder.kind]}: done.`, undo, returnFocus: reminderButtonKey('done', reminder) }, [contactId]);
      }),
    );

  const later = (reminder: Reminder) =>
    once(reminder, () =>
      attempt('reminders', async () => {
        const undo = await settleReminder(await deps.db(), reminder, 'snooze', notebook.settings, deps.now());
        await changed({ message: `${REMINDER_LABELS[reminder.kind]}: snoozed for a day.`, undo, returnFocus: reminderButtonKey('snooze', reminder) }, [contactId]);
      }),
    );

  const removeLogged = (interaction: Interaction) =>
    attempt('timeline', async () => {
      const db = await deps.db();
      const { settings } = notebook;
      const removed = await removeInteraction(db, interaction.id, settings, deps.now());
      if (correcting?.interaction.id === interaction.id) {
        setCorrecting(undefined);
        setLogDraft(correcting.typed);
      }
      await changed(
        removed && {
          message: `Deleted the ${CHANNEL_LABELS[interaction.channel].toLowerCase()} interaction of ${day(interaction.at)}.`,
          undo: (settingsNow) => restoreInteraction(db, removed, settingsNow, deps.now()),
          returnFocus: deleteKey(interaction.id),
        },
        [contactId],
      );
    });

  // Keep-in-touch is not offered: it follows from the cadence, so it would come straight back.
  const removeReminder = (reminder: Reminder) =>
    attempt('timeline', async () => {
      const db = await deps.db();
      await deleteReminder(db, reminder.id);
      await changed(
        {
          message: `Deleted the reminder to ${REMINDER_LABELS[reminder.kind].toLowerCase()}.`,
          undo: () => restoreReminder(db, reminder),
          returnFocus: deleteKey(reminder.id),
        },
        [contactId],
      );
    });

  const merge = (other: ContactHit) =>
    attempt('merge', async () => {
      const db = await deps.db();
      const merged = await mergeSavedContacts(db, contactId, other.id, deps.now(), notebook.settings);
      setMergeWith(undefined);
      await changed(
        {
          message: `Merged ${other.name} into ${contact.name}.`,
          undo: (settingsNow) => undoMerge(db, merged.undo, settingsNow, deps.now()),
          returnFocus: MERGE_PICKER_KEY,
        },
        [other.id, ...merged.undo.edited.map(({ after }) => after.id)],
      );
    });

  // Each keeps the other's id, so neither is suggested again, from either page or the filter.
  const tellApart = (other: Contact) =>
    attempt('merge', async () => {
      const db = await deps.db();
      const toldApart = await updateContacts(db, [contact.id, other.id], (c) => ({
        ...c,
        notSameAs: [...c.notSameAs, c.id === contact.id ? other.id : contact.id],
        updatedAt: deps.now(),
      }));
      await changed(
        {
          message: `${namedApart(other, contact).join(' and ')} are kept apart as different people.`,
          undo: () => revertContactChanges(db, toldApart, deps.now()),
          returnFocus: tellApartKey(other.id),
        },
        [contact.id, other.id],
      );
    });

  const remove = () =>
    attempt('delete', async () => {
      const db = await deps.db();
      const typed = typedOnPage();
      const snapshot: Snapshot = await deleteContacts(db, [contactId]);
      // Deleted from its own page, what was typed on it goes with it, and comes back with its Undo.
      // Merged away or deleted elsewhere, it stays listed (Dashboard) to be copied from its page.
      keepTyped(contactId, undefined);
      // In place of the page deleted: Back goes to where the user was before it, not to "not found".
      location.replace('#/contacts');
      const undo = async () => {
        const restored = await restoreSnapshot(db, snapshot);
        if (typed && typed !== 'not shown') keepTyped(contactId, typed);
        return restored;
      };
      // Deleting leaves for the contacts list, where Undo of it lands on the search.
      await changed({ message: `Deleted ${contact.name}.`, undo, returnFocus: CONTACTS_SEARCH_KEY }, contactIdsOf(snapshot));
    });

  const timeline: TimelineEntry[] = [
    ...interactions.map((interaction) => ({ at: interaction.at, key: `i-${interaction.id}`, interaction })),
    ...reminders.map((reminder) => ({ at: reminder.doneAt ?? dueTimeOf(reminder), key: `r-${reminder.id}`, reminder })),
  ].sort((a, b) => b.at - a.at);
  const open = reminders.filter(isOpen);
  const referrers = referralChain(contact, notebook.byId);
  const referred = notebook.contacts.filter((c) => c.referredBy === contactId);
  // As in ContactForm: the field an error is about is marked, and described by it.
  const reminderInError = errors.reminder ? fieldOfError(errors.reminder, REMINDER_FIELD_LABELS) : undefined;
  const invalidReminder = (field: string) => (reminderInError === field ? { 'aria-invalid': true, 'aria-describedby': `${id}-rerror` } : {});

  return (
    <article class="contact-page" aria-labelledby={`${id}-h`}>
      <p>
        <a href="#/contacts">← All contacts</a>
      </p>
      <h1 id={`${id}-h`} dir="auto">
        {contact.name}
      </h1>
      <p class="muted">
        {[contact.title, contact.company, RELATIONSHIP_LABELS[contact.relationship]].filter(Boolean).join(' · ')}
      </p>

      <div class="columns">
        <section aria-labelledby={`${id}-edit`}>
          <h2 id={`${id}-edit`}>Details</h2>
          <SavedElsewhere overwrites={overwrites} typed={{ ...draft, ...details }} />
          <ContactForm
            draft={draft}
            onChange={setDraft}
            onSubmit={save}
            busy={busy}
            error={errors.form}
            focus="name"
            defaultCadenceDays={notebook.settings.defaultCadenceDays}
            searchContacts={searchOthers}
          >
            {typedIn(draft, shown.current.draft) && (
              <button type="button" onClick={(event) => discard('form', event.currentTarget)}>
                Discard changes
              </button>
            )}
          </ContactForm>
          <form
            class="details-form"
            aria-labelledby={`${id}-more`}
            onSubmit={(event) => {
              event.preventDefault();
              if (!busy) void saveDetails();
            }}
            onKeyDown={(event) => {
              // As in the contact form: Ctrl+Enter in Addresses saves, Enter there is a new line.
              if (!submitsForm(event) || (event.target as HTMLElement).tagName !== 'TEXTAREA') return;
              event.preventDefault();
              event.currentTarget.requestSubmit();
            }}
          >
            <h3 id={`${id}-more`}>Phones, addresses and profile</h3>
            <label for={`${id}-phones`}>Phones</label>
            <input
              id={`${id}-phones`}
              value={details.phones}
              placeholder="Separate with commas"
              {...invalidDetail('phones')}
              onInput={(e) => setDetails({ ...details, phones: e.currentTarget.value })}
            />
            <label for={`${id}-addresses`}>Addresses</label>
            <textarea
              dir="auto"
              id={`${id}-addresses`}
              rows={2}
              value={details.addresses}
              placeholder="One per line"
              {...invalidDetail('addresses')}
              onInput={(e) => setDetails({ ...details, addresses: e.currentTarget.value })}
            />
            <label for={`${id}-profile`}>Profile link</label>
            <input
              id={`${id}-profile`}
              type="url"
              value={details.profileUrl}
              {...invalidDetail('profileUrl')}
              onInput={(e) => setDetails({ ...details, profileUrl: e.currentTarget.value })}
            />
            {errors.details && (
              <p id={`${id}-details-error`} class="error" role="alert">
                {errors.details}
              </p>
            )}
            <div class="actions">
              {/* Not disabled while saving, as no submit button here is: that would drop the keyboard's focus. */}
              <button type="submit" aria-disabled={busy}>
                Save details
              </button>
              {typedIn(details, shown.current.details) && (
                <button type="button" onClick={(event) => discard('details', event.currentTarget)}>
                  Discard changes
                </button>
              )}
            </div>
          </form>
        </section>

        <section aria-labelledby={`${id}-time`}>
          <h2 id={`${id}-time`}>Timeline</h2>
          {open.length > 0 && (
            <>
              <h3>Open reminders</h3>
              <ReminderList rows={open.map((reminder) => ({ reminder }))} now={deps.now()} busy={busy} onDone={done} onSnooze={later} />
              {errors.reminders && (
                <p class="error" role="alert">
                  {errors.reminders}
                </p>
              )}
            </>
          )}
          {timeline.length === 0 ? (
            <p class="muted">Nothing logged yet.</p>
          ) : (
            <ol class="timeline">
              {timeline.map(({ key, at, interaction, reminder }) => (
                <li key={key}>
                  <time dateTime={new Date(at).toISOString()}>{day(at)}</time>{' '}
                  {interaction ? (
                    <>
                      <strong>{CHANNEL_LABELS[interaction.channel]}</strong>
                      {interaction.summary && <span> — {interaction.summary}</span>}
                      {interaction.received.length > 0 && <span class="muted"> · received {interaction.received.map((k) => HELP_LABELS[k]).join(', ')}</span>}
                      {interaction.gave.length > 0 && <span class="muted"> · gave {interaction.gave.map((k) => HELP_LABELS[k]).join(', ')}</span>}{' '}
                      <button
                        type="button"
                        class="link"
                        aria-disabled={busy}
                        aria-label={nameWithGist(`Edit ${CHANNEL_LABELS[interaction.channel].toLowerCase()} interaction of ${day(interaction.at)}`, interaction.summary)}
                        data-return-focus={editKey(interaction.id)}
                        onClick={() => !busy && correct(interaction)}
                      >
                        Edit
                      </button>{' '}
                      <button
                        type="button"
                        class="link"
                        aria-disabled={busy}
                        aria-label={nameWithGist(`Delete ${CHANNEL_LABELS[interaction.channel].toLowerCase()} interaction of ${day(interaction.at)}`, interaction.summary)}
                        data-return-focus={deleteKey(interaction.id)}
                        onClick={() => !busy && removeLogged(interaction)}
                      >
                        Delete
                      </button>
                    </>
                  ) : reminder ? (
                    <>
                      <strong>{REMINDER_LABELS[reminder.kind]}</strong>
                      {reminder.note && <span> — {reminder.note}</span>}
                      <span class="muted"> · {reminder.doneAt !== undefined ? 'done' : dueTimeOf(reminder) <= deps.now() ? 'due' : 'upcoming'}</span>
                      {reminder.kind !== 'keep-in-touch' && (
                        <>
                          {' '}
                          <button
                            type="button"
                            class="link"
                            aria-disabled={busy}
                            aria-label={nameWithGist(`Delete reminder to ${REMINDER_LABELS[reminder.kind].toLowerCase()}, ${day(at)}`, reminder.note)}
                            data-return-focus={deleteKey(reminder.id)}
                            onClick={() => !busy && removeReminder(reminder)}
                          >
                            Delete
                          </button>
                        </>
                      )}
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          {errors.timeline && (
            <p class="error" role="alert">
              {errors.timeline}
            </p>
          )}
          <InteractionForm
            // A form of its own for each interaction corrected, which takes the keyboard as it opens.
            key={correcting?.interaction.id ?? 'new'}
            draft={logDraft}
            onChange={setLogDraft}
            onSubmit={logIt}
            busy={busy}
            error={errors.log}
            autoFocus={correcting !== undefined}
            correcting={
              correcting && {
                heading: `Edit the ${CHANNEL_LABELS[correcting.interaction.channel].toLowerCase()} interaction of ${day(correcting.interaction.at)}`,
                onCancel: () => stopCorrecting(correcting),
              }
            }
          />

          <form
            class="reminder-form"
            aria-labelledby={`${id}-rem`}
            onSubmit={(event) => {
              event.preventDefault();
              if (!busy) void remind();
            }}
          >
            <h3 id={`${id}-rem`}>Add a reminder</h3>
            <div class="pair">
              <div>
                <label for={`${id}-rkind`}>Reminder</label>
                <select id={`${id}-rkind`} value={reminderDraft.kind} onChange={(e) => setReminderDraft({ ...reminderDraft, kind: e.currentTarget.value as typeof reminderDraft.kind })}>
                  {(['follow-up', 'promise', 'thank-you'] as const).map((kind) => (
                    <option key={kind} value={kind}>
                      {REMINDER_LABELS[kind]}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label for={`${id}-rdate`}>On</label>
                <input id={`${id}-rdate`} type="date" required readOnly={busy} value={reminderDraft.date} {...invalidReminder('date')} onInput={(e) => setReminderDraft({ ...reminderDraft, date: e.currentTarget.value })} />
              </div>
            </div>
            <label for={`${id}-rnote`}>What</label>
            <input
              id={`${id}-rnote`}
              {...invalidReminder('note')}
              value={reminderDraft.note}
              // What is typed while the reminder is saved would be lost when the form empties.
              readOnly={busy}
              placeholder="Send the deck by Friday"
              onInput={(e) => setReminderDraft({ ...reminderDraft, note: e.currentTarget.value })}
            />
            {errors.reminder && (
              <p class="error" role="alert" id={`${id}-rerror`}>
                {errors.reminder}
              </p>
            )}
            <div class="actions">
              <button type="submit" aria-disabled={busy}>
                Add reminder
              </button>
            </div>
          </form>
        </section>
      </div>

      <section aria-labelledby={`${id}-ref`}>
        <h2 id={`${id}-ref`}>Referrals</h2>
        {referrers.length > 0 ? (
          <p>
            Introduced through{' '}
            {referrers.map((c, i) => (
              <span key={c.id}>
                {i > 0 && ' → '}
                <a href={`#/contact/${encodeURIComponent(c.id)}`}>{c.name}</a>
              </span>
            ))}
            {' → '}
            {contact.name}
          </p>
        ) : (
          <p class="muted">Nobody is recorded as having referred {contact.name}.</p>
        )}
        {notebook.whole ? (
          <p class="muted">Looking for people {contact.name} referred…</p>
        ) : referred.length > 0 ? (
          <>
            <p>{contact.name} referred:</p>
            <ul>
              {referred.map((c) => (
                <li key={c.id}>
                  <a href={`#/contact/${encodeURIComponent(c.id)}`}>{c.name}</a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p class="muted">{contact.name} has not referred anyone yet.</p>
        )}
        <p>
          Can help with: {contact.canHelpWith.length ? contact.canHelpWith.map((k) => HELP_LABELS[k]).join(', ') : <span class="muted">not recorded</span>}
        </p>
      </section>

      <section aria-labelledby={`${id}-hist`}>
        <h2 id={`${id}-hist`}>History of changes</h2>
        {contact.history.length === 0 ? (
          <p class="muted">No changes yet. When a saved profile shows a new title or company, or a merged contact had another, it appears here.</p>
        ) : (
          <ol class="history">
            {[...contact.history].reverse().map((change) => (
              <li key={`${change.field}-${change.at}`}>
                <time dateTime={new Date(change.at).toISOString()}>{day(change.at)}</time> {change.field}: {change.from || '(blank)'} → {change.to || '(blank)'}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby={`${id}-merge`}>
        <h2 id={`${id}-merge`}>Merge or delete</h2>
        {mergeWith ? (
          <p onKeyDown={(event) => event.key === 'Escape' && cancelMerge()}>
            Merge <strong>{namedApart(mergeWith.other, contact)[0]}</strong> into {namedApart(mergeWith.other, contact)[1]}? Their details, notes,
            interactions and reminders move here.{' '}
            {/* Held, not disabled, while merging: a merge refused leaves the keyboard here. */}
            <button ref={confirmMerge} type="button" class="primary" aria-disabled={busy} onClick={() => !busy && merge(mergeWith.other)}>
              Merge {namedApart(mergeWith.other, contact).join(' into ')}
            </button>{' '}
            <button type="button" onClick={cancelMerge}>
              Cancel
            </button>
          </p>
        ) : (
          <>
            {notebook.whole && <p class="muted">Looking for others who may be {contact.name}…</p>}
            {maybeSame.length > 0 && (
              <ul class="same-person">
                {maybeSame.map(({ other, job, why }) => (
                  <li key={other.id}>
                    <a href={`#/contact/${encodeURIComponent(other.id)}`}>{other.name}</a>
                    {job ? ` (${job})` : ''} {why}: perhaps the same person.{' '}
                    <button
                      type="button"
                      aria-disabled={busy}
                      data-return-focus={mergeSuggestedKey(other.id)}
                      onClick={() => !busy && setMergeWith({ other, askedFrom: mergeSuggestedKey(other.id) })}
                    >
                      Merge {namedApart(other, contact).join(' into ')}…
                    </button>{' '}
                    <button
                      type="button"
                      aria-disabled={busy}
                      data-return-focus={tellApartKey(other.id)}
                      aria-label={`Not the same person: ${other.name}${job ? ` (${job})` : ''}`}
                      onClick={() => !busy && tellApart(other)}
                    >
                      Not the same person
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <ContactPicker
              label="Merge with another contact"
              placeholder="Search your contacts"
              search={searchOthers}
              onPick={(other) => setMergeWith({ other, askedFrom: MERGE_PICKER_KEY })}
              returnFocusKey={MERGE_PICKER_KEY}
            />
          </>
        )}
        {errors.merge && (
          <p class="error" role="alert">
            {errors.merge}
          </p>
        )}
        <p>
          <button type="button" class="danger" aria-disabled={busy} onClick={() => !busy && remove()}>
            Delete {contact.name}
          </button>
        </p>
      </section>
    </article>
  );
}
