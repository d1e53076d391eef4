// What the popup shows and loads. It reads only what one screen needs, through indexes: the
// one contact on the page (with its interactions and reminders) or today's reminders.
import { UNREADABLE } from './capture';
import { type ContactWithHistory, type HeldByOther, type KithDB, dueReminders, getContact, keysOfOthers, mergeCapture, readContactWithHistory, updateContact } from './db';
import type { InteractionDraft } from './interaction-draft';
import type { Contact, Interaction, MessageRef, PageCapture, Person, Reminder } from './model';
import { withValuesTaken } from './merge';
import { isOpen } from './reminders';
import type { Typed } from './typed-drafts';

/** `popup.html?tabId=N` shows the popup for tab N; without it, the active tab. */
export function tabIdFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return undefined;
  return Number(raw);
}

export type PageScene =
  | { kind: 'people'; people: Person[] }
  /** The page should show a person (a profile, an open message) but nothing answered. */
  | { kind: 'capture-failed'; url: string }
  /** The browser lets no extension read the page (its own pages, the web store). */
  | { kind: 'unreadable' }
  | { kind: 'nothing' };

export function sceneOf(capture: PageCapture | typeof UNREADABLE | undefined): PageScene {
  if (capture === UNREADABLE) return { kind: 'unreadable' };
  if (capture?.people.length) return { kind: 'people', people: capture.people };
  if (capture?.expected) return { kind: 'capture-failed', url: capture.url };
  return { kind: 'nothing' };
}

/** Fields the page fills or says otherwise, and the emails, phones and profile link it shows that the card lacks. */
export type Proposed = ReturnType<typeof mergeCapture>['proposed'] & { emails?: string[]; phones?: string[]; profileUrl?: string };

export type SavedCard = {
  contact: Contact;
  referredByName?: string;
  /** Newest first, at most `RECENT_INTERACTIONS`. */
  interactions: Interaction[];
  /** Open reminders, soonest first. */
  reminders: Reminder[];
  /** Captured fields that differ from the saved ones, for the user to accept. */
  proposed: Proposed;
  /** Emails and a link the page shows that another contact has: not offered, but said. */
  heldByOthers: HeldByOther[];
  /** Whether the message open on the page is in their log already, however long ago it was logged: it is not offered again. */
  messageLogged: boolean;
};

export const RECENT_INTERACTIONS = 5;

/** The card of the person's saved contact, by canonical profile URL or email, never by name alone. */
export async function findSavedCard(db: KithDB, person: Person, now: number): Promise<SavedCard | undefined> {
  const saved = await readContactWithHistory(db, { profileUrl: person.profileUrl, emails: person.emails });
  return saved && cardOf(db, saved, now, person);
}

/**
 * The log form kept for a card, unless it was saved as the popup closed: kept with the id its save
 * was writing (`loggedAs`), and that interaction is in the notebook.
 */
export async function unsavedLog(db: KithDB, kept: Typed | undefined): Promise<InteractionDraft | undefined> {
  if (!kept?.log) return undefined;
  return kept.loggedAs && (await db.get('interactions', kept.loggedAs)) ? undefined : kept.log;
}

export async function loadSavedCard(db: KithDB, contactId: string, now: number, person?: Person): Promise<SavedCard | undefined> {
  const saved = await readContactWithHistory(db, { id: contactId });
  return saved && cardOf(db, saved, now, person);
}

async function cardOf(db: KithDB, { contact, interactions, reminders, referrer }: ContactWithHistory, now: number, person?: Person): Promise<SavedCard> {
  const offered = person ? proposedBy(contact, person, now) : {};
  // Asked only when the page offers an address or a link: whose they are, so that the card never
  // offers what Add would refuse.
  const heldByOthers =
    offered.emails || offered.profileUrl
      ? await keysOfOthers(db.transaction(['contacts'], 'readonly'), contact, {
          ...contact,
          emails: [...contact.emails, ...(offered.emails ?? [])],
          profileUrl: contact.profileUrl ?? offered.profileUrl,
        })
      : [];
  return {
    contact,
    referredByName: referrer?.name,
    interactions: interactions.slice(0, RECENT_INTERACTIONS),
    reminders: reminders.filter(isOpen),
    proposed: notHeld(offered, heldByOthers),
    heldByOthers,
    messageLogged: alreadyLogged(interactions, person?.message),
  };
}

/** The proposal without the emails and link another contact has. */
function notHeld(proposed: Proposed, held: readonly HeldByOther[]): Proposed {
  if (held.length === 0) return proposed;
  const heldKeys = new Set(held.map(({ key }) => key));
  const { emails, profileUrl, ...rest } = proposed;
  const free = emails?.filter((email) => !heldKeys.has(email)) ?? [];
  return { ...rest, ...(free.length && { emails: free }), ...(profileUrl && !heldKeys.has(profileUrl) && { profileUrl }) };
}

/**
 * What the page says that the card does not: differing fields, blanks the page would fill (the
 * profile link among them), and the emails and phones it adds.
 */
function proposedBy(contact: Contact, person: Person, now: number): Proposed {
  const { next, proposed: differing } = mergeCapture(contact, person, now);
  const proposed: Proposed = { ...differing };
  for (const field of ['name', 'title', 'company', 'location'] as const) {
    if (!contact[field] && next[field]) proposed[field] = next[field];
  }
  const emails = person.emails.filter((email) => !contact.emails.includes(email));
  if (emails.length) proposed.emails = emails;
  // A number is the same however it is spaced or punctuated.
  const digits = (phone: string) => phone.replace(/\D/g, '');
  const savedPhones = new Set(contact.phones.map(digits));
  const phones = (person.phones ?? []).filter((phone) => !savedPhones.has(digits(phone)));
  if (phones.length) proposed.phones = phones;
  if (!contact.profileUrl && person.profileUrl) proposed.profileUrl = person.profileUrl;
  return proposed;
}

/**
 * Whether the open message is already in the log: the same thread at the same time, or the same
 * thread when the page shows no time (it was logged at the time it was logged).
 */
function alreadyLogged(interactions: readonly Interaction[], message: MessageRef | undefined): boolean {
  return !!message?.link && interactions.some((i) => i.link === message.link && (message.at === undefined || i.at === message.at));
}

export type DueItem = { reminder: Reminder; contactName: string };

/**
 * Reminders that show today (overdue included), each with its contact's name: those the user set
 * (follow-ups, promises, thank-yous) first, then keep-in-touch ones, each soonest first, so a
 * follow-up for today is not hidden behind twenty contacts past their cadence.
 */
export async function loadDueToday(db: KithDB, now: number, limit = 20): Promise<{ items: DueItem[]; total: number }> {
  // Due by now, as the badge counts them: one snoozed until later today is not yet.
  const due = await dueReminders(db, now);
  const setByUser = (r: Reminder) => (r.kind === 'keep-in-touch' ? 1 : 0);
  const items = await Promise.all(
    [...due].sort((a, b) => setByUser(a) - setByUser(b)).slice(0, limit).map(async (reminder) => ({
      reminder,
      contactName: (await getContact(db, reminder.contactId))?.name ?? 'Deleted contact',
    })),
  );
  return { items, total: due.length };
}

/**
 * Take captured values the user accepted (a new job title, an email), keeping what they replace
 * in the contact's history. An email another contact has is refused, as any edit's is.
 */
export function acceptProposed(db: KithDB, contactId: string, accepted: Proposed, now: number): Promise<Contact> {
  return updateContact(db, contactId, (saved) => {
    const next = withValuesTaken(saved, accepted, now);
    for (const list of ['emails', 'phones'] as const) next[list] = [...saved[list], ...(accepted[list] ?? [])];
    next.profileUrl = saved.profileUrl ?? accepted.profileUrl;
    return next;
  });
}
