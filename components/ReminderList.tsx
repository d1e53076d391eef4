// Open reminders with their two actions: done, or snooze for a day (from when it is due, or from now once it is).
import { useEffect, useRef } from 'preact/hooks';
import type { Reminder } from '@/lib/model';
import { dueTimeOf, localIsoDate } from '@/lib/reminders';
import { REMINDER_LABELS, nameWithGist } from './labels';

/** The contact's name opens their page: a link to it (`contactHref`) within the dashboard, or `onOpen` from elsewhere. */
export type ReminderRow = { reminder: Reminder; contactName?: string; contactHref?: string; onOpen?: () => void };

type Props = {
  rows: ReminderRow[];
  /** Which of a page's lists this is, where there are several (reminderButtonKey). */
  place?: string;
  now: number;
  busy: boolean;
  onDone: (reminder: Reminder) => void;
  onSnooze: (reminder: Reminder) => void;
};

function whenText(reminder: Reminder, now: number): string {
  const at = dueTimeOf(reminder);
  const day = localIsoDate(at);
  const today = localIsoDate(now);
  // Only a snooze keeps a time of day: until then it is not due, as the badge does not count it.
  if (day === today) return at > now ? `snoozed until ${new Date(at).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })}` : 'due today';
  if (at < now) return `overdue since ${day}`;
  return `due ${day}`;
}

/**
 * Done and Snooze each once per reminder until its list is read again (`list`, the records the
 * rows are drawn from). The write ends before the list is read again, and a second press on the
 * row still drawn would write again: a snooze of two days, or an Undo for a Done that did nothing
 * in place of the real one. `press` answers whether it wrote; one that failed may be pressed again.
 */
export function useOncePerRead(list: unknown): (reminder: Reminder, press: () => Promise<boolean>) => void {
  const pressed = useRef(new Set<string>());
  useEffect(() => pressed.current.clear(), [list]);
  return (reminder, press) => {
    if (pressed.current.has(reminder.id)) return;
    pressed.current.add(reminder.id);
    void press().then((wrote) => {
      if (!wrote) pressed.current.delete(reminder.id);
    });
  };
}

/**
 * The `data-return-focus` key of a reminder's Done or Snooze, for Undo to focus it again; with
 * the list it is in (`place`) on a page of several, as Undo brings the reminder back to that list.
 * A snooze undone on This week is still drawn in the days ahead until the page reads it again:
 * its button there is not the one to return to.
 */
export function reminderButtonKey(action: 'done' | 'snooze', reminder: Reminder, place = ''): string {
  return `${place && `${place}:`}${action}:${reminder.id}`;
}

export function ReminderList({ rows, place, now, busy, onDone, onSnooze }: Props) {
  return (
    <ul class="reminders">
      {rows.map(({ reminder, contactName, contactHref, onOpen }) => {
        const what = REMINDER_LABELS[reminder.kind];
        const who = contactName ? ` ${contactName}` : '';
        const due = dueTimeOf(reminder) <= now;
        return (
          <li key={reminder.id} class={due ? 'due' : undefined}>
            <div class="reminder-text">
              {contactName && contactHref ? (
                <a href={contactHref}>{contactName}</a>
              ) : contactName && onOpen ? (
                <button type="button" class="link" onClick={onOpen}>
                  {contactName}
                </button>
              ) : null}
              <span> {what}</span>
              <span class="muted"> — {whenText(reminder, now)}</span>
              {reminder.note && <div class="muted small reminder-note">{reminder.note}</div>}
            </div>
            <div class="reminder-actions">
              <button
                type="button"
                aria-disabled={busy}
                aria-label={nameWithGist(`Done: ${what}${who}`, reminder.note)}
                data-return-focus={reminderButtonKey('done', reminder, place)}
                onClick={() => !busy && onDone(reminder)}
              >
                Done
              </button>
              <button
                type="button"
                aria-disabled={busy}
                aria-label={nameWithGist(`Snooze for a day: ${what}${who}`, reminder.note)}
                data-return-focus={reminderButtonKey('snooze', reminder, place)}
                onClick={() => !busy && onSnooze(reminder)}
              >
                Snooze
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
