// Keeps the badge, the one scheduler alarm and the due notifications in step with IndexedDB.
// The MV3 worker stops when idle and alarms can be lost on restart or update, so nothing is
// kept in memory: every refresh reads what is due from the database and re-arms one alarm for
// the next due time (one alarm, not one per reminder: Chrome caps an extension at 500).
import { showDueCount } from './badge';
import { type KithDB, bringRemindersIntoForm, dueReminders, nextDueAfter, unindexedReminders } from './db';
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

async function showWhatIsDue(db: KithDB, settings: Settings, at: number): Promise<{ due: number }> {
  const due = await dueReminders(db, at);
  await showDueCount(due.length);
  await armAlarm(await nextDueAfter(db, at));
  await announceDue(db, due, settings, at);
  return { due: due.length };
}

async function recompute({ openDb, now, loadSettings }: SchedulerDeps): Promise<{ due: number }> {
  const [db, settings] = await Promise.all([openDb(), loadSettings()]);
  return showWhatIsDue(db, settings, now());
}

/** Reminders still unindexed after a rewrite (no due time at all): not worth reading everything again for. */
let beyondRepair = 0;

/**
 * A reminder another program wrote has no `openAt` yet, so no query finds it due: rewrite such
 * reminders and show what is due again. Counting the open ones takes ~0.7 s at 100,000, during
 * which every write waits, so it runs after a refresh has answered, never before the badge.
 */
async function catchUnindexed({ openDb, now, loadSettings }: SchedulerDeps): Promise<void> {
  const db = await openDb();
  if ((await unindexedReminders(db)) === beyondRepair) return;
  await bringRemindersIntoForm(db);
  beyondRepair = await unindexedReminders(db);
  await showWhatIsDue(db, await loadSettings(), now());
}

let running: Promise<unknown> = Promise.resolve();

/**
 * Recompute badge, alarm and notifications from the database. Calls run one after another, so
 * two changes in quick succession never announce the same reminder twice. `ownWrite`: the change
 * was Kith's own, which names the contacts it wrote and always indexes its reminders, so there
 * is nothing unindexed to look for; the next change that names none looks (an import, the
 * settings, another program's), as does every start of the worker.
 */
export function refreshReminders(deps: SchedulerDeps, { ownWrite = false } = {}): Promise<{ due: number }> {
  const next = running.then(() => recompute(deps));
  running = (ownWrite ? next : next.then(() => catchUnindexed(deps))).catch((error: unknown) =>
    console.error('Kith: refreshing reminders failed', error),
  );
  return next;
}
