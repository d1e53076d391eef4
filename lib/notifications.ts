// System notifications: a reminder falling due (one each, or a digest when several fall due
// together), and the outcome of a right-click save. Each notification id says what it is about,
// so clicks and buttons are handled after the worker has stopped and restarted.
import { getContact, type KithDB, reminderFromStore } from './db';
import { openContact } from './dashboard-link';
import type { Contact, Reminder, ReminderKind, Settings } from './model';
import { markDone, snooze } from './reminder-store';
import { type Announced, type Settled, dueTimeOf, toAnnounce } from './reminders';

const REMINDER_PREFIX = 'kith:reminder:';
const SAVED_PREFIX = 'kith:saved:';
export const DIGEST_ID = 'kith:digest';
export const NOTHING_SAVED_ID = 'kith:nothing-saved';
export const SAVE_FAILED_ID = 'kith:save-failed';

/** From this many reminders falling due at once, one digest instead of one notification each. */
export const DIGEST_FROM = 3;

const ANNOUNCED_KEY = 'announcedReminders';
const DIGEST_KEY = 'digestReminders';
const SETTLED_KEY = 'settledReminders';

export const reminderNotificationId = (reminderId: string) => `${REMINDER_PREFIX}${reminderId}`;
export const savedNotificationId = (contactId: string) => `${SAVED_PREFIX}${contactId}`;

const HEADLINES: Record<ReminderKind, (name: string) => string> = {
  'follow-up': (name) => `Follow up with ${name}`,
  'keep-in-touch': (name) => `Keep in touch with ${name}`,
  'thank-you': (name) => `Thank ${name}`,
  promise: (name) => `Your promise to ${name}`,
};

const DEFAULT_MESSAGES: Record<ReminderKind, string> = {
  'follow-up': 'The follow-up you planned is due.',
  'keep-in-touch': 'It has been a while: a short note keeps the connection warm.',
  'thank-you': 'They helped you: say thank you.',
  promise: 'You said you would.',
};

export function reminderText(reminder: Reminder, contactName: string): { title: string; message: string } {
  return { title: HEADLINES[reminder.kind](contactName), message: reminder.note || DEFAULT_MESSAGES[reminder.kind] };
}

export function digestText(reminders: readonly Reminder[], names: ReadonlyMap<string, string>) {
  const lines = reminders.slice(0, 5).map((r) => HEADLINES[r.kind](names.get(r.contactId) ?? 'a contact'));
  if (reminders.length > lines.length) lines.push(`and ${reminders.length - lines.length} more`);
  return { title: `${reminders.length} reminders due`, message: lines.join('\n') };
}

const ICON = () => browser.runtime.getURL('/icon/128.png');

// Firefox refuses notification options it does not support, buttons among them.
function withButtons(titles: string[]) {
  return import.meta.env.FIREFOX ? {} : { buttons: titles.map((title) => ({ title })) };
}

async function show(id: string, title: string, message: string, buttons: string[]): Promise<void> {
  await browser.notifications.create(id, { type: 'basic', iconUrl: ICON(), title, message, ...withButtons(buttons) });
}

async function namesOf(db: KithDB, reminders: readonly Reminder[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const { contactId } of reminders) {
    if (!names.has(contactId)) names.set(contactId, (await getContact(db, contactId))?.name ?? 'a contact');
  }
  return names;
}

/**
 * Take down the notifications of reminders no longer due (done, snoozed or deleted elsewhere,
 * their contact deleted), so none offers Done on what is settled; the digest lists only those
 * of its reminders still due, and goes once none is.
 */
async function clearNoLongerDue(db: KithDB, wasDue: Announced, due: readonly Reminder[], digestListed: unknown): Promise<void> {
  const stillDue = new Set(due.map((reminder) => reminder.id));
  for (const id of Object.keys(wasDue)) {
    if (!stillDue.has(id)) await browser.notifications.clear(reminderNotificationId(id));
  }
  if (!Array.isArray(digestListed) || digestListed.every((id) => stillDue.has(id))) return;
  const listed = due.filter((reminder) => digestListed.includes(reminder.id));
  if (listed.length === 0) {
    await browser.notifications.clear(DIGEST_ID);
    await browser.storage.local.remove(DIGEST_KEY);
    return;
  }
  await browser.storage.local.set({ [DIGEST_KEY]: listed.map((reminder) => reminder.id) });
  // Updated in place, not shown again (Firefox has no update: its digest keeps its first text,
  // and its buttons act on what is still due all the same).
  if (browser.notifications.update) await browser.notifications.update(DIGEST_ID, digestText(listed, await namesOf(db, listed)));
}

/**
 * The due times announced and settled, moved as the reminders' own were (time-zone-move.ts): a
 * reminder announced for the start of 3 December in Berlin, moved to the start of 3 December in
 * New York, has been announced already.
 */
export async function moveAnnouncedTimes(move: (time: number) => number): Promise<void> {
  const stored = await browser.storage.local.get([ANNOUNCED_KEY, SETTLED_KEY]);
  const announced = Object.fromEntries(Object.entries((stored[ANNOUNCED_KEY] ?? {}) as Announced).map(([id, at]) => [id, move(at)]));
  const settled = Object.fromEntries(Object.entries((stored[SETTLED_KEY] ?? {}) as Settled).map(([id, was]) => [id, { ...was, at: move(was.at) }]));
  await browser.storage.local.set({ [ANNOUNCED_KEY]: announced, [SETTLED_KEY]: settled });
}

/**
 * Announce the due reminders not yet announced at their current due time, and take down what
 * is no longer due. The record is kept even when notifications are off, so turning them on later
 * does not bring a flood of old ones.
 */
export async function announceDue(db: KithDB, due: readonly Reminder[], settings: Pick<Settings, 'notifications'>, now: number) {
  const stored = await browser.storage.local.get([ANNOUNCED_KEY, DIGEST_KEY, SETTLED_KEY]);
  const wasDue = (stored[ANNOUNCED_KEY] ?? {}) as Announced;
  const { fresh, announced, settled } = toAnnounce(due, { announced: wasDue, settled: (stored[SETTLED_KEY] ?? {}) as Settled }, now);
  await browser.storage.local.set({ [ANNOUNCED_KEY]: announced, [SETTLED_KEY]: settled });
  await clearNoLongerDue(db, wasDue, due, stored[DIGEST_KEY]);
  if (!settings.notifications || fresh.length === 0) return fresh;
  const names = await namesOf(db, fresh);
  if (fresh.length >= DIGEST_FROM) {
    const { title, message } = digestText(fresh, names);
    await browser.storage.local.set({ [DIGEST_KEY]: fresh.map((r) => r.id) });
    await show(DIGEST_ID, title, message, ['Mark all done', 'Snooze all 1 day']);
  } else {
    for (const reminder of fresh) {
      const { title, message } = reminderText(reminder, names.get(reminder.contactId) ?? 'a contact');
      await show(reminderNotificationId(reminder.id), title, message, ['Done', 'Snooze 1 day']);
    }
  }
  return fresh;
}

/** What a right-click save did besides saving, which the user should hear of since it cannot ask. */
export type SaveNotes = {
  /** People of the selection past those saved in one go. */
  leftOut?: number;
  /** Fields where the page said something else than what was saved (a new job title), with what it said; kept as saved. */
  differing?: readonly { field: string; value: string }[];
  /** Emails and links left off because another contact has them (db.ts leftOffNotice). */
  leftOff?: string;
  /** The other people the page shows, of whom a right-click on it saves the first only. */
  othersOnPage?: number;
};

/** "Saved Jane Doe — Edit": clicking it (or Edit) opens the contact in the dashboard. */
export async function notifySaved(contacts: readonly Contact[], created: number, { leftOut = 0, differing = [], leftOff = '', othersOnPage = 0 }: SaveNotes = {}): Promise<void> {
  const [first] = contacts;
  const others = contacts.length - 1;
  const title = others > 0 ? `Saved ${first.name} and ${others} more` : `Saved ${first.name}`;
  // What the page said is shown here, as it is not kept: the notification is where to see it.
  const said = differing.map(({ field, value }) => `${field} (${value.length > 60 ? `${value.slice(0, 59)}…` : value})`);
  const fields = said.length > 1 ? `${said.slice(0, -1).join(', ')} and ${said.at(-1)}` : said[0];
  const saved =
    created > 0
      ? 'Click to edit, add notes or a follow-up.'
      : fields
        ? `Already in Kith. The page shows another ${fields}; what you saved was kept. Click to edit.`
        : 'Already in Kith: anything new from the page was added to what you saved. Click to edit.';
  const onPage = othersOnPage === 1 ? 'Another person on this page was' : `${othersOnPage} other people on this page were`;
  const message = [
    saved,
    leftOut > 0 && `${leftOut} more in the selection were not saved: select fewer at a time.`,
    othersOnPage > 0 && `${onPage} not saved: Kith's toolbar button offers each.`,
    leftOff,
  ]
    .filter(Boolean)
    .join(' ');
  await show(savedNotificationId(first.id), title, message, ['Edit']);
}

export async function notifyNothingSaved(reason: string): Promise<void> {
  await show(NOTHING_SAVED_ID, 'Nothing saved to Kith', reason, []);
}

/** A right-click save that could not be written; `reason` is db.ts `failureMessage`, which starts in lower case. */
export async function notifySaveFailed(reason: string): Promise<void> {
  await show(SAVE_FAILED_ID, 'Not saved to Kith', reason.charAt(0).toUpperCase() + reason.slice(1), []);
}

export type NotificationDeps = {
  openDb: () => Promise<KithDB>;
  now: () => number;
  loadSettings: () => Promise<Settings>;
  /** Recompute badge, alarm and notifications after a change, and tell open pages whose reminders changed. */
  refresh: (contacts?: readonly string[]) => Promise<unknown>;
};

async function reminderIdsOf(notificationId: string): Promise<string[]> {
  if (notificationId.startsWith(REMINDER_PREFIX)) return [notificationId.slice(REMINDER_PREFIX.length)];
  if (notificationId !== DIGEST_ID) return [];
  const stored = await browser.storage.local.get(DIGEST_KEY);
  return Array.isArray(stored[DIGEST_KEY]) ? (stored[DIGEST_KEY] as string[]) : [];
}

/** A click on the notification's body: open the contact it is about (the dashboard for a digest). */
export async function onNotificationClicked(notificationId: string, deps: NotificationDeps): Promise<void> {
  if (!notificationId.startsWith('kith:')) return;
  await browser.notifications.clear(notificationId);
  if (notificationId.startsWith(SAVED_PREFIX)) return openContact(notificationId.slice(SAVED_PREFIX.length));
  if (notificationId === DIGEST_ID) {
    await browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
    return;
  }
  const [reminderId] = await reminderIdsOf(notificationId);
  if (!reminderId) return;
  const stored = await (await deps.openDb()).get('reminders', reminderId);
  if (stored) await openContact(stored.contactId);
}

/** Done (button 0) or Snooze 1 day (button 1) on a reminder or a digest; Edit on a save. */
export async function onNotificationButtonClicked(
  notificationId: string,
  buttonIndex: number,
  deps: NotificationDeps,
): Promise<void> {
  if (!notificationId.startsWith('kith:')) return;
  await browser.notifications.clear(notificationId);
  if (notificationId.startsWith(SAVED_PREFIX)) return openContact(notificationId.slice(SAVED_PREFIX.length));
  const [db, settings] = await Promise.all([deps.openDb(), deps.loadSettings()]);
  const changed = new Set<string>();
  for (const reminderId of await reminderIdsOf(notificationId)) {
    const now = deps.now();
    // Only what is still due: one done, snoozed or deleted elsewhere since it was announced
    // (the digest may list it still) keeps what was done to it there.
    const stored = await db.get('reminders', reminderId);
    if (!stored || stored.doneAt !== undefined || dueTimeOf(reminderFromStore(stored)) > now) continue;
    const action = buttonIndex === 0 ? markDone(db, reminderId, settings, now) : snooze(db, reminderId, '1-day', now);
    await action.then(
      (reminder) => changed.add(reminder.contactId),
      (error: unknown) => console.warn('Kith: reminder not changed', error),
    );
  }
  await deps.refresh([...changed]);
}
