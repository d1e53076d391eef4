import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SAVE_MENU_ID } from '@/lib/context-menu';
import { type KithDB, findContact, openKithDb, putContact, putReminder, remindersOf } from '@/lib/db';
import { Settings } from '@/lib/model';
import { startOfLocalDay } from '@/lib/reminders';
import { saveSettings } from '@/lib/settings';
import { SCHEDULER_ALARM } from '@/lib/scheduler';
import { type WorkerHandlers, startWorker } from '@/lib/worker';

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

beforeEach(async () => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  createMenu.mockReset();
  menuClicked = undefined;
  // fakeBrowser has no context menus: stand in for the three calls the worker makes.
  Object.assign(fakeBrowser.contextMenus, {
    create: createMenu,
    removeAll: vi.fn(async () => undefined),
    onClicked: { addListener: (listener: typeof menuClicked) => (menuClicked = listener) },
  });
  globalThis.indexedDB = new IDBFactory();
  db = await openKithDb(`kith-test-${Math.random()}`);
  clock = T0;
  await putContact(db, { id: 'c1', name: 'Ada Quinlan', cadenceDays: 30, createdAt: T0, updatedAt: T0 });
  handlers = startWorker({
    openDb: async () => db,
    now: () => clock,
    loadSettings,
    captureTab: async () => undefined,
    linkTextOf: async () => 'Jane Doe',
    selectionTextOf: async () => '',
  });
  await handlers.refresh();
});

const badge = () => fakeBrowser.action.getBadgeText({});
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

  it('recomputes on browser start and on its alarm', async () => {
    await putReminder(db, { id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: T0 + DAY, createdAt: T0 });
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(SCHEDULER_ALARM)).toMatchObject({ scheduledTime: T0 + DAY }));
    expect(await badge()).toBe('');
    clock = T0 + DAY;
    await fakeBrowser.alarms.onAlarm.trigger({ name: SCHEDULER_ALARM, scheduledTime: T0 + DAY });
    await vi.waitFor(async () => expect(await badge()).toBe('1'));
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['kith:reminder:r1']);
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

  it('Snooze on a notification brings the reminder back in a day', async () => {
    await putReminder(db, { id: 'r1', contactId: 'c1', kind: 'promise', dueAt: T0 - 1, createdAt: T0 });
    await handlers.refresh();
    await handlers.notificationButtonClick('kith:reminder:r1', 1);
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

  it('a right-click on a mailto link saves the contact and confirms it', async () => {
    menuClicked?.({ menuItemId: SAVE_MENU_ID, linkUrl: 'mailto:jane@example.com', frameId: 0 }, { id: 4 });
    await vi.waitFor(async () => expect(await findContact(db, { emails: ['jane@example.com'] })).toMatchObject({ name: 'Jane Doe' }));
    const saved = await findContact(db, { emails: ['jane@example.com'] });
    await vi.waitFor(async () =>
      expect((await fakeBrowser.notifications.getAll())[`kith:saved:${saved!.id}`]).toMatchObject({ title: 'Saved Jane Doe' }),
    );
  });
});
