// Open reminders as an iCalendar file (RFC 5545): one VEVENT each, stable UIDs so importing the
// file twice into a calendar updates rather than duplicates. A reminder for a day (due from its
// start) is an all-day event on that date, as the user chose it; a snoozed one keeps its time.
import type { Contact, Reminder } from '../model';
import { localIsoDate, startOfLocalDayAt } from '../reminders';
import { contentLines, escapeText } from './content-lines';

const REMINDER_TITLES: Record<Reminder['kind'], string> = {
  'follow-up': 'Follow up with',
  'keep-in-touch': 'Keep in touch with',
  'thank-you': 'Thank',
  promise: 'Promise to',
};

/** `20261122T090000Z`: the UTC DATE-TIME form RFC 5545 requires for DTSTAMP. */
export function utcDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function exportRemindersIcs(reminders: readonly Reminder[], contacts: readonly Contact[], now: number): string {
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kith//Kith reminders//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  const stamp = utcDateTime(now);
  for (const reminder of reminders) {
    if (reminder.doneAt !== undefined) continue;
    const start = reminder.snoozedUntil ?? reminder.dueAt;
    const who = names.get(reminder.contactId) ?? 'a contact';
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(reminder.id)}@kith.invalid`,
      `DTSTAMP:${stamp}`,
      ...(start === startOfLocalDayAt(start)
        ? [`DTSTART;VALUE=DATE:${localIsoDate(start).replace(/-/g, '')}`, 'DURATION:P1D']
        : [`DTSTART:${utcDateTime(start)}`, 'DURATION:PT15M']),
      `SUMMARY:${escapeText(`${REMINDER_TITLES[reminder.kind]} ${who}`)}`,
    );
    if (reminder.note) lines.push(`DESCRIPTION:${escapeText(reminder.note)}`);
    lines.push(`CATEGORIES:${escapeText(reminder.kind)}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return contentLines(lines);
}
