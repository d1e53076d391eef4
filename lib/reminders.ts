// When things are due. Pure: the clock is always passed in.
//
// Calendar arithmetic is done on local dates (`new Date(y, m, d + n)`), never by adding 24-hour
// blocks of milliseconds, so "in a week" and "every 90 days" land on the same wall-clock time
// across daylight-saving changes.
//
// Keep-in-touch reminders are stored like the others: each contact has at most one *open*
// `keep-in-touch` reminder, due from the start of the local day `cadence` days after the later of
// the contact's last interaction (or creation) and the last time such a reminder was marked done.
// `lib/reminder-store.ts` keeps it in step whenever a contact, an interaction or settings change.
import * as z from 'zod/mini';
import { CadenceDays, type Contact, type Reminder, type ReminderInput, type Settings } from './model';

/**
 * A date-only reminder ("follow up on 2026-11-30") is due from the start of that day in the
 * user's local time zone.
 */
export function startOfLocalDay(isoDate: string, label?: string): number {
  // Said under the field's label when there is one, as a form knows the field an error is about.
  const refuse = (why: string) => new Error(label ? `${label}: ${why}` : why);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw refuse(`Not a date: ${isoDate}`);
  const [, year, month, day] = match.map(Number);
  const start = new Date(year, month - 1, day);
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== day) {
    throw refuse(`Not a date: ${isoDate}`);
  }
  // Times are kept as milliseconds since 1970 and never negative.
  if (start.getTime() < 0) throw refuse(`Not a date Kith can keep: ${isoDate} is before 1970`);
  return start.getTime();
}

/** Today's date in local time as `YYYY-MM-DD`, the value a date input expects. */
export function localIsoDate(now: number): string {
  const date = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The start of the local day that `time` falls in. */
export function startOfLocalDayAt(time: number): number {
  return startOfLocalDayAfter(time, 0);
}

/**
 * The start of the local day `days` calendar days after the one `time` falls in. Built from the
 * date, never by adding days to a day's start: where the clocks go forward at midnight that day
 * starts at 01:00, and the days after it at 00:00.
 */
export function startOfLocalDayAfter(time: number, days: number): number {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days).getTime();
}

/** Calendar days from the local day `from` falls in to the one `to` does (a 23- or 25-hour day counts as one). */
export function localDaysBetween(from: number, to: number): number {
  return Math.round((startOfLocalDayAt(to) - startOfLocalDayAt(from)) / 86_400_000);
}

/** The same local wall-clock time `days` calendar days later (23 or 25 hours across DST). */
export function addLocalDays(time: number, days: number): number {
  const date = new Date(time);
  date.setDate(date.getDate() + days);
  return date.getTime();
}

/** When an open reminder is next due: its snooze if snoozed, else its due time. */
export function dueTimeOf(reminder: Pick<Reminder, 'dueAt' | 'snoozedUntil'>): number {
  return reminder.snoozedUntil ?? reminder.dueAt;
}

export function isOpen(reminder: Reminder): boolean {
  return reminder.doneAt === undefined;
}

export function isDue(reminder: Reminder, now: number): boolean {
  return isOpen(reminder) && dueTimeOf(reminder) <= now;
}

export function cadenceDaysOf(contact: Pick<Contact, 'cadenceDays'>, settings: Pick<Settings, 'defaultCadenceDays'>) {
  return contact.cadenceDays ?? settings.defaultCadenceDays;
}

/** What keep-in-touch is planned from: the moment of last contact, and the cadence in days. */
export type KeepInTouchBasis = NonNullable<Reminder['plannedFrom']>;

/**
 * The last contact (an interaction, or the day the contact was saved) or the last keep-in-touch
 * reminder marked done, whichever is later, and the contact's cadence.
 */
export function keepInTouchBasis(
  contact: Pick<Contact, 'cadenceDays' | 'createdAt' | 'lastInteractionAt'>,
  settings: Pick<Settings, 'defaultCadenceDays'>,
  lastDoneAt = 0,
): KeepInTouchBasis {
  // The later of all three: an old email logged for someone saved today is not a reason to be
  // overdue with them already.
  return { since: Math.max(contact.lastInteractionAt ?? 0, contact.createdAt, lastDoneAt), days: cadenceDaysOf(contact, settings) };
}

/** When to get back in touch: the start of the local day the cadence's days after the basis's moment. */
export function keepInTouchDueAt(
  contact: Pick<Contact, 'cadenceDays' | 'createdAt' | 'lastInteractionAt'>,
  settings: Pick<Settings, 'defaultCadenceDays'>,
  lastDoneAt = 0,
): number {
  const { since, days } = keepInTouchBasis(contact, settings, lastDoneAt);
  return startOfLocalDayAfter(since, days);
}

/**
 * Whether Kith should nudge the user about this contact at all. A bulk import (hundreds of
 * LinkedIn connections) would otherwise bury the badge in reminders three months later, so
 * imported contacts join the keep-in-touch rhythm only once the user sets their cadence or logs
 * an interaction with them. Everyone saved deliberately is kept in touch with.
 */
export function keepsInTouch(contact: Pick<Contact, 'cadenceDays' | 'lastInteractionAt' | 'sources'>): boolean {
  const onlyImported = contact.sources.length > 0 && contact.sources.every((source) => source.kind === 'import');
  return !onlyImported || contact.cadenceDays !== undefined || contact.lastInteractionAt !== undefined;
}

/**
 * What to write so the contact has exactly one open keep-in-touch reminder at the right time:
 * `put` is the reminder to store (undefined when the stored one is already right, which keeps
 * its snooze), `remove` the ids of duplicates. `reminders` are all of the contact's reminders.
 */
export function planKeepInTouch(
  contact: Contact,
  settings: Pick<Settings, 'defaultCadenceDays'>,
  reminders: readonly Reminder[],
  now: number,
  makeId: () => string,
): { put?: Reminder; remove: string[] } {
  const mine = reminders.filter((r) => r.kind === 'keep-in-touch' && r.contactId === contact.id);
  const lastDoneAt = Math.max(0, ...mine.flatMap((r) => (r.doneAt === undefined ? [] : [r.doneAt])));
  const open = mine.filter(isOpen);
  if (!keepsInTouch(contact)) return { remove: open.map((r) => r.id) };
  const [oldest, ...duplicates] = open.sort((a, b) => a.createdAt - b.createdAt);
  const remove = duplicates.map((r) => r.id);
  // Two records merged leave one person two reminders: a snooze the user put on the one let go
  // still holds the person back.
  const latestSnooze = Math.max(0, ...duplicates.map((r) => r.snoozedUntil ?? 0));
  const current = oldest && latestSnooze > dueTimeOf(oldest) ? { ...oldest, snoozedUntil: latestSnooze } : oldest;
  const basis = keepInTouchBasis(contact, settings, lastDoneAt);
  // Planned from the same moment and cadence, it stays as it is, snooze and all: in another time
  // zone that moment can fall on another day, but the reminder's day was kept when the zone moved.
  // Most contacts end here when every one is planned again (a new default cadence, an import).
  if (current?.plannedFrom?.since === basis.since && current.plannedFrom.days === basis.days) {
    return { put: current === oldest ? undefined : current, remove };
  }
  const dueAt = startOfLocalDayAfter(basis.since, basis.days);
  // A cadence another program wrote out of range plans a day, but is kept as no basis.
  const plannedFrom = z.safeParse(CadenceDays, basis.days).success ? basis : undefined;
  // On its day already, it learns its basis (a call the day it was saved; a reminder from before
  // there was one), so a time-zone move later keeps it too.
  if (current && current.dueAt === dueAt) {
    const learned = plannedFrom ? { ...current, plannedFrom } : current;
    return { put: learned === oldest ? undefined : withoutUndefined(learned), remove };
  }
  // A reminder moved is made anew (`now`), as remindersAlongside moves a follow-up: what moves it
  // is the user's doing (a cadence set, an interaction logged or deleted), so one moved to a day
  // already begun only counts on the badge (toAnnounce). A snooze that ends after its new day
  // still holds it back, as the user asked (a shorter cadence does not bring back a contact
  // snoozed till tomorrow); one that ends before it is done with.
  const snoozedUntil = current?.snoozedUntil !== undefined && current.snoozedUntil > dueAt ? current.snoozedUntil : undefined;
  const put: Reminder = current
    ? { ...current, dueAt, plannedFrom, snoozedUntil, createdAt: now }
    : { id: makeId(), contactId: contact.id, kind: 'keep-in-touch', dueAt, plannedFrom, note: '', createdAt: now };
  return { put: withoutUndefined(put), remove };
}

/** Say thank you for help received: due from the start of the next local day. */
export function thankYouDueAt(interactionAt: number): number {
  return startOfLocalDayAfter(interactionAt, 1);
}

export type Snooze = '1-day' | '1-week' | { until: string };

/** When a snoozed reminder comes back: a day or a week from now, or the start of a chosen date. */
export function snoozeUntil(snooze: Snooze, now: number): number {
  if (typeof snooze === 'string') {
    const days = snooze === '1-day' ? 1 : 7;
    // From a day's start (a dated reminder not yet due), to the start of the day it lands on:
    // where the clocks go forward at midnight a day starts at 01:00, and the next at 00:00.
    return now === startOfLocalDayAt(now) ? startOfLocalDayAfter(now, days) : addLocalDays(now, days);
  }
  const until = startOfLocalDay(snooze.until);
  if (until <= now) throw new Error('Snooze until a day after today');
  return until;
}

/** Put a reminder off: a day or a week from when it is due, or from now once it is due. */
export function snoozed(reminder: Reminder, snooze: Snooze, now: number): ReminderInput {
  const from = typeof snooze === 'string' ? Math.max(now, dueTimeOf(reminder)) : now;
  return { ...reminder, snoozedUntil: snoozeUntil(snooze, from) };
}

export function done(reminder: Reminder, now: number): ReminderInput {
  return withoutUndefined({ ...reminder, doneAt: now, snoozedUntil: undefined });
}

/** The reminder ids already announced, each with the due time it was announced for. */
export type Announced = Record<string, number>;
/** Reminders announced and no longer due since (done, snoozed, deleted): the due time announced, and when it stopped being due. */
export type Settled = Record<string, { at: number; since: number }>;

/** How long a settled reminder is remembered: an Undo within it brings it back unannounced. */
export const SETTLED_KEPT_MS = 7 * 86_400_000;

/**
 * Which due reminders to announce now. A reminder is announced once per due time: alarms that
 * were missed while the computer slept, or fire again, announce nothing new; a snoozed reminder
 * coming due again is announced again. One that was already due when it was made (a follow-up
 * for today, a contact imported long out of touch) only counts on the badge: the user has just
 * seen it; so does one brought back by an Undo of the Done or delete that settled it. The
 * returned records keep the reminders still due, and those settled in the last week.
 */
export function toAnnounce(
  due: readonly Reminder[],
  before: { announced: Announced; settled?: Settled },
  now: number,
): { fresh: Reminder[]; announced: Announced; settled: Settled } {
  const recent = Object.entries(before.settled ?? {}).filter(([, was]) => now - was.since < SETTLED_KEPT_MS);
  const settledAt = new Map(recent.map(([id, was]) => [id, was.at]));
  const announced: Announced = {};
  const fresh: Reminder[] = [];
  for (const reminder of due) {
    const at = dueTimeOf(reminder);
    const told = before.announced[reminder.id] === at || settledAt.get(reminder.id) === at;
    if (!told && at > reminder.createdAt) fresh.push(reminder);
    announced[reminder.id] = at;
  }
  const settled: Settled = {};
  for (const [id, was] of recent) if (!(id in announced)) settled[id] = was;
  for (const [id, at] of Object.entries(before.announced)) {
    if (!(id in announced)) settled[id] = { at, since: now };
  }
  return { fresh, announced, settled };
}

/** IndexedDB stores `undefined` as a present key; drop such keys so records compare cleanly. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
