// Keeps the badge, the one scheduler alarm and the due notifications in step with IndexedDB.
// The MV3 worker stops when idle and alarms can be lost on restart or update, so nothing is
// kept in memory: every refresh reads what is due from the database and re-arms one alarm for
// the next due time (one alarm, not one per reminder: Chrome caps an extension at 500).
import { showDueCount } from './badge';
import { type KithDB, dueReminders, nextDueAfter } from './db';
import type { Settings } from './model';
import { announceDue } from './notifications';

export const SCHEDULER_ALARM = 'kith:next-due';

export type SchedulerDeps = {
  openDb: () => Promise<KithDB>;
  now: () => number;
  loadSettings: () => Promise<Settings>;
};

async function armAlarm(next: number | undefined): Promise<void> {
  if (next === undefined) await browser.alarms.clear(SCHEDULER_ALARM);
  else await browser.alarms.create(SCHEDULER_ALARM, { when: next });
}

async function recompute({ openDb, now, loadSettings }: SchedulerDeps): Promise<{ due: number }> {
  const [db, settings] = await Promise.all([openDb(), loadSettings()]);
  const at = now();
  const due = await dueReminders(db, at);
  await showDueCount(due.length);
  await armAlarm(await nextDueAfter(db, at));
  await announceDue(db, due, settings);
  return { due: due.length };
}

let running: Promise<unknown> = Promise.resolve();

/**
 * Recompute badge, alarm and notifications from the database. Calls run one after another, so
 * two changes in quick succession never announce the same reminder twice.
 */
export function refreshReminders(deps: SchedulerDeps): Promise<{ due: number }> {
  const next = running.then(() => recompute(deps));
  running = next.catch(() => undefined);
  return next;
}
