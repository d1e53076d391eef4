import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BADGE_BACKGROUND, badgeText, showDueCount } from '@/lib/badge';
import { type KithDB, deleteContacts, openKithDb, putReminder, remindersOf } from '@/lib/db';
import { putContact } from '../records';
import { Settings } from '@/lib/model';
import { DIGEST_ID } from '@/lib/notifications';
import { markDone, settleReminder, snooze } from '@/lib/reminder-store';
import { SCHEDULER_ALARM, refreshReminders } from '@/lib/scheduler';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 22, 9);

let db: KithDB;
let clock: number;
let settings: Settings;
const deps = { openDb: async () => db, now: () => clock, loadSettings: async () => settings };

beforeEach(async () => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  db = await openKithDb(`kith-test-${Math.random()}`);
  clock = T0;
  settings = Settings.parse({});
  await putContact(db, { id: 'c1', name: 'Ada Quinlan', createdAt: T0, updatedAt: T0 });
  await putContact(db, { id: 'c2', name: 'Bo Lindqvist', createdAt: T0, updatedAt: T0 });
});

// Made a week ago: these become due, rather than being due when made (which is not announced).
const remind = (id: string, dueAt: number, extra: Record<string, unknown> = {}) =>
  putReminder(db, { id, contactId: 'c1', kind: 'follow-up', dueAt, createdAt: T0 - 7 * 24 * 60 * MINUTE, ...extra });
const shown = async () => Object.keys(await fakeBrowser.notifications.getAll()).sort();

describe('the badge', () => {
  it('shows the count itself, uncapped, and nothing when none', () => {
    expect([0, 1, 42, 99, 100, 5000].map(badgeText)).toEqual(['', '1', '42', '99', '100', '5000']);
  });

  it('sets text and a colour that is not the browser default', async () => {
    await showDueCount(3);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0xd9, 0x30, 0x25, 255]);
    expect(BADGE_BACKGROUND).toBe('#d93025');
    expect(await fakeBrowser.action.getTitle({})).toBe('Kith — 3 due');
    await showDueCount(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

describe('refreshing from the database', () => {
  it('sets the badge, arms one alarm for the next due time and announces what is due', async () => {
    await remind('due', T0 - MINUTE, { note: 'Send the deck' });
    await remind('later', T0 + 30 * MINUTE);
    await remind('latest', T0 + 90 * MINUTE, { kind: 'promise' });
    expect(await refreshReminders(deps)).toEqual({ due: 1 });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.alarms.getAll()).toEqual([{ name: SCHEDULER_ALARM, scheduledTime: T0 + 30 * MINUTE, periodInMinutes: undefined }]);
    expect(await fakeBrowser.notifications.getAll()).toEqual({
      'kith:reminder:due': {
        type: 'basic',
        iconUrl: 'chrome-extension://test-extension-id/icon/128.png',
        title: 'Follow up with Ada Quinlan',
        message: 'Send the deck',
        buttons: [{ title: 'Done' }, { title: 'Snooze 1 day' }],
      },
    });
  });

  it('does not announce the same reminder again on the next alarm or change', async () => {
    await remind('due', T0 - MINUTE);
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await refreshReminders(deps);
    clock += MINUTE;
    await refreshReminders(deps);
    await refreshReminders(deps);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('after the computer slept through several due times, announces each once, when the alarm finally fires', async () => {
    await remind('a', T0 + 10 * MINUTE);
    await remind('b', T0 + 20 * MINUTE, { contactId: 'c2' });
    await refreshReminders(deps);
    expect(await fakeBrowser.alarms.get(SCHEDULER_ALARM)).toMatchObject({ scheduledTime: T0 + 10 * MINUTE });
    expect(await shown()).toEqual([]);
    // Asleep for eight hours: Chrome fires the missed alarm once on waking, maybe again soon after.
    clock = T0 + 8 * 60 * MINUTE;
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await Promise.all([refreshReminders(deps), refreshReminders(deps), refreshReminders(deps)]);
    expect(create.mock.calls.map(([id]) => id).sort()).toEqual(['kith:reminder:a', 'kith:reminder:b']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('several falling due together make one digest', async () => {
    await remind('a', T0 - 3 * MINUTE);
    await remind('b', T0 - 2 * MINUTE, { contactId: 'c2', kind: 'thank-you' });
    await remind('c', T0 - MINUTE, { kind: 'keep-in-touch' });
    await refreshReminders(deps);
    expect(await shown()).toEqual([DIGEST_ID]);
    expect((await fakeBrowser.notifications.getAll())[DIGEST_ID]).toMatchObject({
      title: '3 reminders due',
      message: 'Follow up with Ada Quinlan\nThank Bo Lindqvist\nKeep in touch with Ada Quinlan',
      buttons: [{ title: 'Mark all done' }, { title: 'Snooze all 1 day' }],
    });
  });

  it('a follow-up saved for today counts on the badge without a notification', async () => {
    await remind('today', T0 - 60 * MINUTE, { createdAt: T0 });
    expect(await refreshReminders(deps)).toEqual({ due: 1 });
    expect(await shown()).toEqual([]);
  });

  it('announces nothing when notifications are off, and nothing old when they are turned back on', async () => {
    settings = Settings.parse({ notifications: false });
    await remind('a', T0 - MINUTE);
    expect(await refreshReminders(deps)).toEqual({ due: 1 });
    expect(await shown()).toEqual([]);
    settings = Settings.parse({ notifications: true });
    await refreshReminders(deps);
    expect(await shown()).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('takes down the notification of a reminder done elsewhere or whose contact was deleted', async () => {
    await remind('f1', T0 - 2 * MINUTE);
    await remind('f2', T0 - MINUTE, { contactId: 'c2' });
    await refreshReminders(deps);
    expect(await shown()).toEqual(['kith:reminder:f1', 'kith:reminder:f2']);
    const [f1] = await remindersOf(db, 'c1');
    await settleReminder(db, f1, 'done', settings, clock);
    await deleteContacts(db, ['c2']);
    await refreshReminders(deps);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('takes down a digest once none it lists is due, and not before', async () => {
    await remind('a', T0 - 3 * MINUTE);
    await remind('b', T0 - 2 * MINUTE);
    await remind('c', T0 - MINUTE, { contactId: 'c2' });
    await refreshReminders(deps);
    expect(await shown()).toEqual([DIGEST_ID]);
    await markDone(db, 'a', settings, clock);
    await snooze(db, 'b', '1-day', clock);
    await refreshReminders(deps);
    expect(await shown()).toEqual([DIGEST_ID]);
    await deleteContacts(db, ['c2']);
    await refreshReminders(deps);
    expect(await shown()).toEqual([]);
  });

  it('announces a snoozed reminder again when it comes back', async () => {
    await remind('a', T0 - MINUTE);
    await refreshReminders(deps);
    await fakeBrowser.notifications.clear('kith:reminder:a');
    await remind('a', T0 - MINUTE, { snoozedUntil: T0 + 60 * MINUTE });
    await refreshReminders(deps);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.alarms.get(SCHEDULER_ALARM)).toMatchObject({ scheduledTime: T0 + 60 * MINUTE });
    clock = T0 + 60 * MINUTE;
    await refreshReminders(deps);
    expect(await shown()).toEqual(['kith:reminder:a']);
  });
});
