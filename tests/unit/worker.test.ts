import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SAVE_MENU_ID } from '@/lib/context-menu';
import { type DedupeKeys, type KithDB, openKithDb, putReminder, readContactWithHistory, remindersOf } from '@/lib/db';
import { putContact } from '../records';
import { storesReadBy } from '../stores-read';
import { Settings } from '@/lib/model';
import { DIGEST_ID } from '@/lib/notifications';
import { startOfLocalDay } from '@/lib/reminders';
import { saveSettings } from '@/lib/settings';
import { snooze } from '@/lib/reminder-store';
import { SCHEDULER_ALARM } from '@/lib/scheduler';
import { type WorkerHandlers, startWorker } from '@/lib/worker';


const findContact = async (db: KithDB, keys: DedupeKeys) => (await readContactWithHistory(db, keys))?.contact;
const T0 = Date.UTC(2026, 10, 22, 9);
const DAY = 86_400_000;

let db: KithDB;
let clock: number;
let handlers: WorkerHandlers;
let menuClicked: ((info: unknown, tab: unknown) => void) | undefined;
const createMenu = vi.fn();

const loadSettings = async () => {
  const stored = await fakeBrowser.storage.local.get('settings');
  return Settings.parse(stored.settings ?? {});
};

const workerDeps = () => ({
  openDb: async () => db,
  now: () => clock,
  loadSettings,
  timeZone: () => 'Europe/Berlin',
  captureTab: async () => undefined,
  linkTextOf: async () => 'Jane Doe',
  selectionTextOf: async () => '',
});

beforeEach(async () => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  createMenu.mockReset();
  menuClicked = undefined;
  // fakeBrowser has no context menus: stand in for the three calls the worker makes.
  Object.assign(fakeBrowser.contextMenus, {
    create: createMenu,
    removeAll: vi.fn(async () => undefined),
    onClicked: {
      addListener: (listener: typeof menuClicked) => (menuClicked = listener),
      hasListeners: () => menuClicked !== undefined,
    },
  });
  globalThis.indexedDB = new IDBFactory();
  db = await openKithDb(`kith-test-${Math.random()}`);
  clock = T0;
  await putContact(db, { id: 'c1', name: 'Ada Quinlan', cadenceDays: 30, createdAt: T0, updatedAt: T0 });
  handlers = startWorker(workerDeps());
  await handlers.refresh();
});

const badge = () => fakeBrowser.action.getBadgeText({});
const dashboardUrl = (contactId: string) => `chrome-extension://test-extension-id/dashboard.html#/contact/${contactId}`;
const extensionPage = { id: fakeBrowser.runtime.id, url: 'chrome-extension://test-extension-id/popup.html' };

describe('the background worker', () => {
  it('on install creates the one menu item and gives existing contacts their keep-in-touch reminder', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(async () => expect(await remindersOf(db, 'c1')).toHaveLength(1));
    expect(createMenu).toHaveBeenCalledExactlyOnceWith({
      id: SAVE_MENU_ID,
      title: 'Save to Kith',
      contexts: ['page', 'link', 'selection'],
    });
    await vi.waitFor(async () =>
      expect(await fakeBrowser.alarms.get(SCHEDULER_ALARM)).toMatchObject({ scheduledTime: startOfLocalDay('2026-12-22') }),
    );
  });

  it('answers data:changed from its own pages with the due count, after updating the badge', async () => {
    await putReminder(db, { id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: T0 - 1, createdAt: T0 });
    const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type: 'data:changed', payload: {} }, extensionPage);
    expect(reply).toEqual({ ok: true, value: { due: 1 } });
    expect(await badge()).toBe('1');
    const [refused] = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'data:changed', payload: {} },
      { id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 3, index: 0, highlighted: false, active: true, pinned: false, incognito: false }, frameId: 0 },
    );
    expect(refused).toEqual({ ok: false, error: 'Refused: unexpected sender' });
  });

  it('counts every reminder, to find ones another program wrote, only after a change that names no contacts', async () => {
    const counted = vi.spyOn(IDBIndex.prototype, 'count');
    await putReminder(db, { id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: T0 - 1, createdAt: T0 });
    // Kith's own write names its contacts: counting ~0.7 s at 100,000 would hold up the next write.
    // Each refresh runs behind the one before and its look: the worker's start has looked by now.
    const [own] = await fakeBrowser.runtime.onMessage.trigger({ type: 'data:changed', payload: { contacts: ['c1'] } }, extensionPage);
    expect(own).toEqual({ ok: true, value: { due: 1 } });
    counted.mockClear();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'data:changed', payload: { contacts: ['c1'] } }, extensionPage);
    await handlers.refresh(['c1']);
    expect(counted).not.toHaveBeenCalled();

    await fakeBrowser.runtime.onMessage.trigger({ type: 'data:changed', payload: {} }, extensionPage);
    await vi.waitFor(() => expect(counted).toHaveBeenCalled());
  });

  it('recomputes once as the browser starts it, not again for onStartup, and on its alarm', async () => {
    await putReminder(db, { id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: T0 + DAY, createdAt: T0 });
    // The browser's launch: the worker starts, then hears onStartup.
    fakeBrowser.reset();
    const counted = vi.spyOn(IDBIndex.prototype, 'count');
    startWorker(workerDeps());
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(SCHEDULER_ALARM)).toMatchObject({ scheduledTime: T0 + DAY }));
    await vi.waitFor(() => expect(counted).toHaveBeenCalledTimes(2));
    await fakeBrowser.runtime.onStartup.trigger();
    await new Promise((done) => setTimeout(done, 50));
    expect(counted).toHaveBeenCalledTimes(2);
    expect(await badge()).toBe('');
    clock = T0 + DAY;
    await fakeBrowser.alarms.onAlarm.trigger({ name: SCHEDULER_ALARM, scheduledTime: T0 + DAY });
    await vi.waitFor(async () => expect(await badge()).toBe('1'));
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['kith:reminder:r1']);
  });

  it('follows a time zone the browser moved to while it ran, at the next refresh, and tells open pages', async () => {
    // The notebook's dates as kept in Auckland, where 1 December starts at 11:00 UTC the day before.
    await fakeBrowser.storage.local.set({ timeZone: 'Pacific/Auckland' });
    await putReminder(db, { id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: Date.UTC(2026, 10, 30, 11), createdAt: T0 });
    const told = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await handlers.refresh();
    expect((await remindersOf(db, 'c1')).find((r) => r.id === 'r1')?.dueAt).toBe(startOfLocalDay('2026-12-01'));
    expect((await fakeBrowser.storage.local.get('timeZone')).timeZone).toBe('Europe/Berlin');
    expect(told).toHaveBeenCalled();
  });

  it('Done on a notification marks the reminder done and clears the badge; a click opens the contact', async () => {
    await putReminder(db, { id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: T0 - 1, createdAt: T0 });
    await handlers.refresh();
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger('kith:reminder:r1');
    await vi.waitFor(() =>
      expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/dashboard.html#/contact/c1' }),
    );
    await fakeBrowser.notifications.onButtonClicked.trigger('kith:reminder:r1', 0);
    await vi.waitFor(async () => expect(await badge()).toBe(''));
    expect((await remindersOf(db, 'c1')).find((r) => r.id === 'r1')?.doneAt).toBe(T0);
  });

  it('a reminder an Undo brings back after Done is not announced again', async () => {
    // Made yesterday, due an hour ago: announced as it came due.
    await putReminder(db, { id: 'r1', contactId: 'c1', kind: 'promise', dueAt: T0 - 3_600_000, createdAt: T0 - DAY });
    await handlers.refresh();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['kith:reminder:r1']);
    await handlers.notificationButtonClick('kith:reminder:r1', 0);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    // Undo, from the dashboard: the reminder is open again, as it was.
    const done = (await remindersOf(db, 'c1')).find((r) => r.id === 'r1')!;
    await putReminder(db, { ...done, doneAt: undefined });
    expect(await handlers.refresh()).toEqual({ due: 1 });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('Snooze on a notification brings the reminder back in a day, and tells open pages whose it is', async () => {
    await putReminder(db, { id: 'r1', contactId: 'c1', kind: 'promise', dueAt: T0 - 1, createdAt: T0 });
    await handlers.refresh();
    const told = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await handlers.notificationButtonClick('kith:reminder:r1', 1);
    expect(told).toHaveBeenCalledExactlyOnceWith({ type: 'data:changed', payload: { contacts: ['c1'] } });
    expect(await badge()).toBe('');
    expect((await remindersOf(db, 'c1')).find((r) => r.id === 'r1')?.snoozedUntil).toBe(T0 + DAY);
    expect(await fakeBrowser.alarms.get(SCHEDULER_ALARM)).toMatchObject({ scheduledTime: T0 + DAY });
  });

  it('a new default cadence in settings moves keep-in-touch reminders', async () => {
    await putContact(db, { id: 'c2', name: 'Bo Lindqvist', createdAt: T0, updatedAt: T0 });
    await saveSettings({ defaultCadenceDays: 7 });
    await vi.waitFor(async () =>
      expect((await remindersOf(db, 'c2')).map((r) => r.dueAt)).toEqual([startOfLocalDay('2026-11-29')]),
    );
  });

  it('a new weekly goal tells open pages and refreshes, without moving every keep-in-touch reminder', async () => {
    await putContact(db, { id: 'c2', name: 'Bo Lindqvist', createdAt: T0, updatedAt: T0 });
    const told = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await saveSettings({ weeklyGoal: 5 });
    await vi.waitFor(() => expect(told).toHaveBeenCalledWith({ type: 'data:changed', payload: {} }));
    // Each refresh waits for the one before: this one follows the settings' own.
    await handlers.refresh(['c1']);
    expect(await remindersOf(db, 'c2')).toEqual([]);
  });

  it('a right-click on a mailto link saves the contact and confirms it', async () => {
    menuClicked?.({ menuItemId: SAVE_MENU_ID, linkUrl: 'mailto:jane@example.com', frameId: 0 }, { id: 4 });
    await vi.waitFor(async () => expect(await findContact(db, { emails: ['jane@example.com'] })).toMatchObject({ name: 'Jane Doe' }));
    const saved = await findContact(db, { emails: ['jane@example.com'] });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.notifications.getAll())[`kith:saved:${saved!.id}`]).toMatchObject({ title: 'Saved Jane Doe' }),
    );
  });

  it('clicking a "Saved" notification, or its Edit button, opens the contact in the dashboard', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await handlers.contextMenuClick({ menuItemId: SAVE_MENU_ID, linkUrl: 'mailto:jane@example.com', frameId: 0 }, { id: 4 });
    const saved = await findContact(db, { emails: ['jane@example.com'] });
    const id = `kith:saved:${saved!.id}`;
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toContain(id);

    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(() => expect(create).toHaveBeenCalledExactlyOnceWith({ url: dashboardUrl(saved!.id) }));
    expect(Object.keys(await fakeBrowser.notifications.getAll())).not.toContain(id);

    create.mockClear();
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 0);
    await vi.waitFor(() => expect(create).toHaveBeenCalledExactlyOnceWith({ url: dashboardUrl(saved!.id) }));
  });

  describe('a digest of reminders falling due together', () => {
    const dueTogether = async () => {
      await putContact(db, { id: 'c2', name: 'Bo Lindqvist', createdAt: T0, updatedAt: T0 });
      // Made yesterday and falling due now (one made already overdue is never announced).
      await putReminder(db, { id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: T0 - 1, createdAt: T0 - DAY });
      await putReminder(db, { id: 'r2', contactId: 'c1', kind: 'promise', dueAt: T0 - 2, createdAt: T0 - DAY });
      await putReminder(db, { id: 'r3', contactId: 'c2', kind: 'thank-you', dueAt: T0 - 3, createdAt: T0 - DAY });
      await handlers.refresh();
      expect(await badge()).toBe('3');
      const shown = await fakeBrowser.notifications.getAll();
      expect(Object.keys(shown)).toEqual([DIGEST_ID]);
      expect(shown[DIGEST_ID]).toMatchObject({ title: '3 reminders due', buttons: [{ title: 'Mark all done' }, { title: 'Snooze all 1 day' }] });
    };
    const openReminders = async () =>
      [...(await remindersOf(db, 'c1')), ...(await remindersOf(db, 'c2'))].filter((r) => r.id.startsWith('r')).sort((a, b) => a.id.localeCompare(b.id));

    it('"Mark all done" marks every reminder in it done and clears the badge', async () => {
      await dueTogether();
      await fakeBrowser.notifications.onButtonClicked.trigger(DIGEST_ID, 0);
      await vi.waitFor(async () => expect(await badge()).toBe(''));
      expect((await openReminders()).map((r) => [r.id, r.doneAt])).toEqual([['r1', T0], ['r2', T0], ['r3', T0]]);
      expect(await fakeBrowser.notifications.getAll()).toEqual({});
    });

    it('acts only on what is still due, and says so: one snoozed elsewhere keeps its snooze', async () => {
      const updated: Record<string, unknown> = {};
      Object.assign(fakeBrowser.notifications, { update: vi.fn(async (id: string, options: unknown) => (updated[id] = options)) });
      await dueTogether();
      // Bo's thank-you snoozed from the dashboard: the digest now lists the two still due.
      await snooze(db, 'r3', '1-day', T0);
      await handlers.refresh(['c2']);
      expect(updated[DIGEST_ID]).toEqual({ title: '2 reminders due', message: 'Your promise to Ada Quinlan\nFollow up with Ada Quinlan' });
      expect(await badge()).toBe('2');

      await fakeBrowser.notifications.onButtonClicked.trigger(DIGEST_ID, 0);
      await vi.waitFor(async () => expect(await badge()).toBe(''));
      expect((await openReminders()).map((r) => [r.id, r.doneAt, r.snoozedUntil])).toEqual([
        ['r1', T0, undefined],
        ['r2', T0, undefined],
        ['r3', undefined, T0 + DAY],
      ]);
    });

    it('"Snooze all 1 day" snoozes every reminder in it and clears the badge until tomorrow', async () => {
      await dueTogether();
      await fakeBrowser.notifications.onButtonClicked.trigger(DIGEST_ID, 1);
      await vi.waitFor(async () => expect(await badge()).toBe(''));
      expect((await openReminders()).map((r) => [r.id, r.snoozedUntil, r.doneAt])).toEqual([
        ['r1', T0 + DAY, undefined],
        ['r2', T0 + DAY, undefined],
        ['r3', T0 + DAY, undefined],
      ]);
      clock = T0 + DAY;
      await fakeBrowser.alarms.onAlarm.trigger({ name: SCHEDULER_ALARM, scheduledTime: T0 + DAY });
      await vi.waitFor(async () => expect(await badge()).toBe('3'));
    });
  });

  it('registers every listener synchronously, before startWorker returns to an await', () => {
    fakeBrowser.reset();
    menuClicked = undefined;
    const events: Record<string, object> = {
      'runtime.onStartup': fakeBrowser.runtime.onStartup,
      'runtime.onInstalled': fakeBrowser.runtime.onInstalled,
      'runtime.onMessage': fakeBrowser.runtime.onMessage,
      'alarms.onAlarm': fakeBrowser.alarms.onAlarm,
      'notifications.onClicked': fakeBrowser.notifications.onClicked,
      'notifications.onButtonClicked': fakeBrowser.notifications.onButtonClicked,
      // The stand-in from beforeEach, which fakeBrowser.reset() leaves in place.
      'contextMenus.onClicked': fakeBrowser.contextMenus.onClicked,
    };
    // fakeBrowser's events (and the stand-in) have hasListeners(); the browser's types do not.
    const listening = (event: object) => (event as { hasListeners(): boolean }).hasListeners();
    const registered = () => Object.fromEntries(Object.entries(events).map(([name, event]) => [name, listening(event)]));
    expect(Object.values(registered())).not.toContain(true);
    // No await between starting the worker and looking: MV3 drops events for later listeners.
    startWorker(workerDeps());
    expect(registered()).toEqual(Object.fromEntries(Object.keys(events).map((name) => [name, true])));
  });
});

describe('records another program wrote with only the contract’s fields', () => {
  it('a reminder is due on the badge at the next refresh', async () => {
    await db.put('reminders', { id: 'foreign', contactId: 'c1', dueAt: T0 - 1 } as never);
    // The refresh answers first; the reminder is found and shown right after.
    await handlers.refresh();
    await vi.waitFor(async () => expect(await badge()).toBe('1'));
    expect(await db.get('reminders', 'foreign')).toMatchObject({ kind: 'follow-up', openAt: T0 - 1 });
  });

  it('one with no due time at all is not read again at every refresh', async () => {
    await db.put('reminders', { id: 'undated', contactId: 'c1', dueAt: 'soon' } as never);
    await handlers.refresh();
    await handlers.refresh(); // runs after the first one's look for unindexed reminders
    expect(await storesReadBy(() => handlers.refresh())).toEqual([]);
  });

  it('contacts are brought into form at the first worker start of a browser session', async () => {
    const checked = async () => (await fakeBrowser.storage.session.get('recordsInForm')).recordsInForm;
    await vi.waitFor(async () => expect(await checked()).toBe(true));
    const foreign = { id: 'foreign', name: 'Bo Lind', profileUrl: 'https://linkedin.com/in/Bo-Lind', createdAt: T0, updatedAt: T0 };
    await db.put('contacts', foreign as never);

    // The worker woken again in the same session does not read everything again.
    startWorker(workerDeps());
    await new Promise((settled) => setTimeout(settled, 50));
    expect(await db.get('contacts', 'foreign')).toEqual(foreign);

    // The browser restarted: session storage is empty, and the next start rewrites it.
    await fakeBrowser.storage.session.clear();
    startWorker(workerDeps());
    await vi.waitFor(async () => expect((await findContact(db, { profileUrl: 'https://www.linkedin.com/in/bo-lind/' }))?.id).toBe('foreign'));
    expect(await checked()).toBe(true);
  });
});
