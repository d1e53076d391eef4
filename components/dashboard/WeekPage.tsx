// This week: overdue and due reminders, people past their keep-in-touch cadence, open promises,
// and progress toward the weekly networking goal.
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { routeHash } from '@/lib/dashboard-route';
import { failureMessage, interactionsSince, weekReminders } from '@/lib/db';
import type { Interaction, Reminder } from '@/lib/model';
import { settleReminder } from '@/lib/reminder-store';
import { weekAgenda, weekAgoOf, weekAheadOf } from '@/lib/week';
import { ReminderList, reminderButtonKey, useOncePerRead } from '../ReminderList';
import type { PageProps, Status } from './Dashboard';

/**
 * Rows drawn per list. A backlog of thousands would be drawn again at every Done (seconds each
 * at 4,000); the heading counts them all, and the contacts list filtered by "Due now" has them.
 */
const SHOWN = 200;

/** What the list leaves out, said where it ends; where the contacts list's Due now filter has them all, so. */
function notShown(total: number, due: boolean) {
  if (total <= SHOWN) return false;
  return (
    <p class="muted">
      The first {SHOWN} of {total.toLocaleString()} are shown{due ? '; Contacts, filtered by Due now, lists them all.' : '.'}
    </p>
  );
}

export function WeekPage({ deps, notebook, changed }: PageProps) {
  const id = useId();
  const [read, setRead] = useState<{ recent: Interaction[]; open: Reminder[] }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const now = notebook.loadedAt;

  // Read again with each reload of the notebook, which follows every write.
  useEffect(() => {
    let current = true;
    void deps
      .db()
      .then((db) => Promise.all([interactionsSince(db, weekAgoOf(now)), weekReminders(db, weekAheadOf(now))]))
      .then(
        ([recent, open]) => {
          if (current) setRead({ recent, open });
        },
        (failure: unknown) => {
          if (current) setError(`Could not read this week's reminders: ${failureMessage(failure)}`);
        },
      );
    return () => {
      current = false;
    };
  }, [deps, now]);

  const agenda = useMemo(() => read && weekAgenda(notebook.byId, read.open, read.recent, notebook.settings, now), [notebook, read, now]);

  const once = useOncePerRead(read);
  /** `r`'s Done or Snooze: only its contact is read again after, not every contact. */
  const act = (r: Reminder, work: () => Promise<NonNullable<Status['undo']>>, message: string, returnFocus: string) =>
    once(r, async () => {
      setBusy(true);
      setError(undefined);
      try {
        const undo = await work();
        await changed({ message, undo, returnFocus }, [r.contactId]);
        return true;
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
        return false;
      } finally {
        setBusy(false);
      }
    });
  /** Done, in the list `place`, where Undo will return the focus. */
  const done = (r: Reminder, place: string) =>
    act(r, async () => settleReminder(await deps.db(), r, 'done', notebook.settings, deps.now()), 'Marked done.', reminderButtonKey('done', r, place));
  const later = (r: Reminder, place: string) =>
    act(r, async () => settleReminder(await deps.db(), r, 'snooze', notebook.settings, deps.now()), 'Snoozed for a day.', reminderButtonKey('snooze', r, place));
  const rows = (list: Reminder[]) =>
    list.map((reminder) => ({
      reminder,
      contactName: notebook.byId.get(reminder.contactId)?.name,
      contactHref: routeHash({ page: 'contact', id: reminder.contactId }),
    }));
  const section = (key: string, title: string, list: Reminder[], empty: string) => (
    <section aria-labelledby={`${id}-${key}`}>
      <h2 id={`${id}-${key}`}>
        {title} ({list.length})
      </h2>
      {list.length ? (
        <ReminderList rows={rows(list.slice(0, SHOWN))} place={key} now={now} busy={busy} onDone={(r) => done(r, key)} onSnooze={(r) => later(r, key)} />
      ) : (
        <p class="muted">{empty}</p>
      )}
      {notShown(list.length, key === 'overdue' || key === 'today')}
    </section>
  );
  const errorLine = error && (
    <p class="error" role="alert">
      {error}
    </p>
  );
  if (!agenda) {
    return (
      <section aria-labelledby={`${id}-h`}>
        <h1 id={`${id}-h`}>This week</h1>
        {errorLine || <p class="muted">Loading…</p>}
      </section>
    );
  }
  const { goal } = agenda;

  return (
    <section aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>This week</h1>
      <div class="goal">
        {goal.target === 0 ? (
          // No goal: the count alone, and no bar that would read as one met.
          <p>
            {goal.done} {goal.done === 1 ? 'interaction' : 'interactions'} in the last 7 days. <span class="muted">No weekly goal set; choose one in Settings.</span>
          </p>
        ) : (
          <>
            <label for={`${id}-goal`}>
              Weekly goal: {goal.done} of {goal.target} interactions in the last 7 days
            </label>
            <progress id={`${id}-goal`} max={goal.target} value={Math.min(goal.done, goal.target)} />
            <p class="muted">{goal.done >= goal.target ? 'Goal met — well done.' : `${goal.target - goal.done} more to reach your goal.`}</p>
          </>
        )}
      </div>
      {errorLine}
      {section('overdue', 'Overdue', agenda.overdue, 'Nothing overdue.')}
      {section('today', 'Due today', agenda.dueToday, 'Nothing due today.')}
      <section aria-labelledby={`${id}-cadence`}>
        <h2 id={`${id}-cadence`}>Past their keep-in-touch cadence ({agenda.pastCadence.length})</h2>
        {agenda.pastCadence.length === 0 ? (
          <p class="muted">Everyone is within their cadence.</p>
        ) : (
          <ul class="reminders">
            {agenda.pastCadence.slice(0, SHOWN).map(({ contact, reminder, daysOver }) => (
              <li key={reminder.id}>
                <a href={`#/contact/${encodeURIComponent(contact.id)}`}>{contact.name}</a>{' '}
                <span class="muted">{daysOver === 0 ? 'due today' : daysOver === 1 ? '1 day over' : `${daysOver} days over`}</span>{' '}
                <button
                  type="button"
                  aria-disabled={busy}
                  aria-label={`Done: keep in touch with ${contact.name}`}
                  data-return-focus={reminderButtonKey('done', reminder, 'cadence')}
                  onClick={() => !busy && done(reminder, 'cadence')}
                >
                  Done
                </button>{' '}
                <button
                  type="button"
                  aria-disabled={busy}
                  aria-label={`Snooze for a day: keep in touch with ${contact.name}`}
                  data-return-focus={reminderButtonKey('snooze', reminder, 'cadence')}
                  onClick={() => !busy && later(reminder, 'cadence')}
                >
                  Snooze
                </button>
              </li>
            ))}
          </ul>
        )}
        {notShown(agenda.pastCadence.length, true)}
      </section>
      {section('promises', 'Open promises', agenda.promises, 'No open promises.')}
      {section('coming', 'Coming up this week', agenda.comingUp, 'Nothing else this week.')}
    </section>
  );
}
