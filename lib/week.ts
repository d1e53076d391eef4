// "This week": what is overdue or due, who is past their keep-in-touch cadence, open promises,
// and progress toward the weekly goal. Pure: records, settings and the clock are passed in.
// Keep-in-touch reminders (kept in step with each contact's cadence by lib/reminder-store.ts)
// are the "past their cadence" list; the other lists hold the one-off reminders.
import type { Contact, Interaction, Reminder, Settings } from './model';
import { addLocalDays, dueTimeOf, isOpen, localDaysBetween, startOfLocalDayAfter, startOfLocalDayAt } from './reminders';

export type WeekAgenda = {
  overdue: Reminder[];
  dueToday: Reminder[];
  comingUp: Reminder[];
  pastCadence: { contact: Contact; reminder: Reminder; daysOver: number }[];
  promises: Reminder[];
  goal: { done: number; target: number };
};

/** Where "coming up" ends: the start of the local day a week after `now`'s. */
export const weekAheadOf = (now: number) => startOfLocalDayAfter(now, 7);

/** Where the weekly goal's "last 7 days" start: this time of day, seven calendar days ago (168 hours give or take one across a clock change). */
export const weekAgoOf = (now: number) => addLocalDays(now, -7);

export function weekAgenda(
  contacts: ReadonlyMap<string, Contact>,
  reminders: readonly Reminder[],
  recentInteractions: readonly Interaction[],
  settings: Pick<Settings, 'weeklyGoal'>,
  now: number,
): WeekAgenda {
  const today = startOfLocalDayAt(now);
  const weekAhead = weekAheadOf(now);
  const open = reminders.filter((r) => isOpen(r) && contacts.has(r.contactId)).sort((a, b) => dueTimeOf(a) - dueTimeOf(b));
  const oneOff = open.filter((r) => r.kind !== 'keep-in-touch');
  return {
    overdue: oneOff.filter((r) => dueTimeOf(r) < today),
    // Due today by now, as the badge counts them; one snoozed until later today is coming up.
    dueToday: oneOff.filter((r) => dueTimeOf(r) >= today && dueTimeOf(r) <= now),
    comingUp: oneOff.filter((r) => dueTimeOf(r) > now && dueTimeOf(r) < weekAhead),
    pastCadence: open
      .filter((r) => r.kind === 'keep-in-touch' && dueTimeOf(r) <= now)
      .sort((a, b) => a.dueAt - b.dueAt)
      // Over since their day, a snooze or not: snoozed yesterday at 29 days over, they are 30 over today.
      .map((reminder) => ({ contact: contacts.get(reminder.contactId)!, reminder, daysOver: localDaysBetween(reminder.dueAt, now) })),
    promises: oneOff.filter((r) => r.kind === 'promise'),
    goal: { done: recentInteractions.filter((i) => i.at > weekAgoOf(now) && i.at <= now).length, target: settings.weeklyGoal },
  };
}
