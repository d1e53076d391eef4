// Set before any Date is made in this process (vitest runs each test file in its own process):
// the user has flown from Berlin to New York.
process.env.TZ = 'America/New_York';

import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type KithDB, dueReminders, getContact, interactionsOf, openKithDb, putReminder, remindersOf } from '@/lib/db';
import { Settings } from '@/lib/model';
import { logInteraction, syncAllKeepInTouch } from '@/lib/reminder-store';
import { SCHEDULER_ALARM } from '@/lib/scheduler';
import { currentTimeZone, dayStartsMovedFrom, followTimeZone, zoneMovedSinceKept } from '@/lib/time-zone-move';
import { startWorker } from '@/lib/worker';
import { putContact, putInteraction } from '../records';

/** 3 December 2026 starts at 23:00 UTC the day before in Berlin, at 05:00 UTC in New York. */
const BERLIN_DEC_3 = Date.UTC(2026, 11, 2, 23);
const NEW_YORK_DEC_3 = Date.UTC(2026, 11, 3, 5);
const BERLIN_DEC_1_NOON = Date.UTC(2026, 11, 1, 11);
const BERLIN_NOV_20 = Date.UTC(2026, 10, 19, 23);
const NEW_YORK_NOV_20 = Date.UTC(2026, 10, 20, 5);

describe('dayStartsMovedFrom', () => {
  const fromBerlin = dayStartsMovedFrom('Europe/Berlin');

  it('moves the start of a day in the old zone to the start of the same date here', () => {
    expect(fromBerlin(BERLIN_DEC_3)).toBe(NEW_YORK_DEC_3);
    expect(new Date(fromBerlin(BERLIN_DEC_3)).getDate()).toBe(3);
  });

  it('leaves a time of day where it is', () => {
    expect(fromBerlin(BERLIN_DEC_1_NOON)).toBe(BERLIN_DEC_1_NOON);
    expect(fromBerlin(BERLIN_DEC_3 + 1)).toBe(BERLIN_DEC_3 + 1);
  });

  it('knows a day whose midnight the clocks skip starts at 01:00', () => {
    // Beirut went from 00:00 to 01:00 on 29 March 2026: that day began at 22:00 UTC on the 28th.
    const fromBeirut = dayStartsMovedFrom('Asia/Beirut');
    expect(fromBeirut(Date.UTC(2026, 2, 28, 22))).toBe(Date.UTC(2026, 2, 29, 4));
    expect(fromBeirut(Date.UTC(2026, 2, 28, 21))).toBe(Date.UTC(2026, 2, 28, 21));
  });

  it('refuses a zone it does not know', () => {
    expect(() => dayStartsMovedFrom('Atlantis/Capital')).toThrow(RangeError);
  });
});

let db: KithDB;

const zoneStored = async () => (await fakeBrowser.storage.local.get('timeZone')).timeZone;

beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  db = await openKithDb(`kith-test-${Math.random()}`);
  await putContact(db, { id: 'c1', name: 'Ada Quinlan', createdAt: BERLIN_NOV_20 - 86_400_000, updatedAt: BERLIN_NOV_20 });
  // Logged in Berlin for 20 November (a past day), then one at a time of day.
  await putInteraction(db, { id: 'i1', contactId: 'c1', at: BERLIN_NOV_20, summary: 'Coffee at the conference' });
  await putInteraction(db, { id: 'i2', contactId: 'c1', at: BERLIN_NOV_20 - 3_600_000, summary: 'Email' });
  await putReminder(db, { id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: BERLIN_DEC_3, createdAt: BERLIN_NOV_20 });
  await putReminder(db, {
    id: 'r2',
    contactId: 'c1',
    kind: 'promise',
    dueAt: BERLIN_DEC_1_NOON,
    snoozedUntil: BERLIN_DEC_3,
    createdAt: BERLIN_NOV_20,
  });
  await putReminder(db, { id: 'r3', contactId: 'c1', kind: 'thank-you', dueAt: BERLIN_DEC_1_NOON, createdAt: BERLIN_NOV_20 });
});

const byId = <T extends { id: string }>(records: T[]) => Object.fromEntries(records.map((r) => [r.id, r]));

describe('zoneMovedSinceKept', () => {
  it('tells a page the browser is in another zone than the notebook’s dates were kept in', async () => {
    expect(await zoneMovedSinceKept()).toBe(false);
    await fakeBrowser.storage.local.set({ timeZone: currentTimeZone() });
    expect(await zoneMovedSinceKept()).toBe(false);
    await fakeBrowser.storage.local.set({ timeZone: currentTimeZone() === 'Pacific/Auckland' ? 'Europe/Berlin' : 'Pacific/Auckland' });
    expect(await zoneMovedSinceKept()).toBe(true);
  });
});

describe('followTimeZone', () => {
  it('remembers the first zone it sees and moves nothing', async () => {
    expect(await followTimeZone(async () => db, 'Europe/Berlin')).toBe(false);
    expect(await zoneStored()).toBe('Europe/Berlin');
    expect(byId(await remindersOf(db, 'c1')).r1.dueAt).toBe(BERLIN_DEC_3);
    expect(await followTimeZone(async () => db, 'Europe/Berlin')).toBe(false);
  });

  it('in a new zone, keeps every date-only time on its date and every time of day as it was', async () => {
    await followTimeZone(async () => db, 'Europe/Berlin');
    expect(await followTimeZone(async () => db, 'America/New_York')).toBe(true);
    expect(await zoneStored()).toBe('America/New_York');

    const reminders = byId(await remindersOf(db, 'c1'));
    expect(reminders.r1.dueAt).toBe(NEW_YORK_DEC_3);
    expect(reminders.r2).toMatchObject({ dueAt: BERLIN_DEC_1_NOON, snoozedUntil: NEW_YORK_DEC_3 });
    expect(reminders.r3.dueAt).toBe(BERLIN_DEC_1_NOON);
    const interactions = byId(await interactionsOf(db, 'c1'));
    expect(interactions.i1.at).toBe(NEW_YORK_NOV_20);
    expect(interactions.i2.at).toBe(BERLIN_NOV_20 - 3_600_000);
    expect((await getContact(db, 'c1'))?.lastInteractionAt).toBe(NEW_YORK_NOV_20);

    // The index the badge counts by follows: at 20:00 on 2 December in New York nothing dated the 3rd is due.
    const eveningBefore = Date.UTC(2026, 11, 3, 1);
    expect((await dueReminders(db, eveningBefore)).map((r) => r.id).sort()).toEqual(['r3']);
    expect((await dueReminders(db, NEW_YORK_DEC_3)).map((r) => r.id).sort()).toEqual(['r1', 'r2', 'r3']);

    // Home again is a move back; a second pass in the same zone moves nothing.
    expect(await followTimeZone(async () => db, 'America/New_York')).toBe(false);
  });

  it('keeps a keep-in-touch on its day and snooze when it is planned again from the same last contact, and moves it from a new one', async () => {
    // Saved at 00:30 on 3 December in Berlin (18:30 on the 2nd in New York), kept in touch with
    // monthly: due 2 January, as Berlin planned it, snoozed to 10 January.
    const savedAt = Date.UTC(2026, 11, 2, 23, 30);
    await putContact(db, { id: 'c2', name: 'Bo Lindqvist', cadenceDays: 30, createdAt: savedAt, updatedAt: savedAt });
    await putReminder(db, {
      id: 'kit',
      contactId: 'c2',
      kind: 'keep-in-touch',
      dueAt: Date.UTC(2027, 0, 1, 23),
      snoozedUntil: Date.UTC(2027, 0, 9, 23),
      plannedFrom: { since: savedAt, days: 30 },
      createdAt: savedAt,
    });
    await followTimeZone(async () => db, 'Europe/Berlin');
    await followTimeZone(async () => db, 'America/New_York');
    const moved = { dueAt: Date.UTC(2027, 0, 2, 5), snoozedUntil: Date.UTC(2027, 0, 10, 5) };
    expect(byId(await remindersOf(db, 'c2')).kit).toMatchObject(moved);
    // A new default cadence, an import or an update plans every contact again: nothing moves.
    await syncAllKeepInTouch(db, Settings.parse({ defaultCadenceDays: 60 }), Date.UTC(2026, 11, 20, 17));
    expect(byId(await remindersOf(db, 'c2')).kit).toMatchObject(moved);
    // A call on 20 December in New York is a new last contact: planned from it, here.
    const called = Date.UTC(2026, 11, 20, 17);
    await logInteraction(db, { id: 'call', contactId: 'c2', at: called, channel: 'call' }, Settings.parse({}), called);
    const kit = byId(await remindersOf(db, 'c2')).kit;
    expect([kit.dueAt, kit.snoozedUntil]).toEqual([Date.UTC(2027, 0, 19, 5), undefined]);
  });

  it('moves nothing from a zone the browser does not know, and remembers the new one', async () => {
    await fakeBrowser.storage.local.set({ timeZone: 'Atlantis/Capital' });
    expect(await followTimeZone(async () => db, 'America/New_York')).toBe(false);
    expect(await zoneStored()).toBe('America/New_York');
    expect(byId(await remindersOf(db, 'c1')).r1.dueAt).toBe(BERLIN_DEC_3);
  });
});

describe('the worker, started in a new zone', () => {
  it('moves the dates, then re-arms the alarm and the badge for them', async () => {
    await fakeBrowser.storage.local.set({ timeZone: 'Europe/Berlin' });
    // fakeBrowser has no context menus; the worker only listens for clicks here.
    Object.assign(fakeBrowser.contextMenus, { onClicked: { addListener: vi.fn() } });
    const clock = Date.UTC(2026, 11, 2, 12);
    startWorker({
      openDb: async () => db,
      now: () => clock,
      loadSettings: async () => Settings.parse({}),
      timeZone: () => 'America/New_York',
      captureTab: async () => undefined,
      linkTextOf: async () => '',
      selectionTextOf: async () => '',
    });
    await vi.waitFor(async () => expect(byId(await remindersOf(db, 'c1')).r1.dueAt).toBe(NEW_YORK_DEC_3));
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(SCHEDULER_ALARM))?.scheduledTime).toBe(NEW_YORK_DEC_3));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('announces nothing again that was announced in the old zone', async () => {
    // Announced in Berlin on 3 December: the follow-up and the snoozed promise at the start of
    // the day, the thank-you at noon on the 1st; the promise was then settled, the others not.
    await fakeBrowser.storage.local.set({
      timeZone: 'Europe/Berlin',
      announcedReminders: { r1: BERLIN_DEC_3, r3: BERLIN_DEC_1_NOON },
      settledReminders: { r2: { at: BERLIN_DEC_3, since: BERLIN_DEC_3 + 3_600_000 } },
    });
    Object.assign(fakeBrowser.contextMenus, { onClicked: { addListener: vi.fn() } });
    startWorker({
      openDb: async () => db,
      now: () => Date.UTC(2026, 11, 3, 12),
      loadSettings: async () => Settings.parse({}),
      timeZone: () => 'America/New_York',
      captureTab: async () => undefined,
      linkTextOf: async () => '',
      selectionTextOf: async () => '',
    });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('3'));
    expect(byId(await remindersOf(db, 'c1')).r1.dueAt).toBe(NEW_YORK_DEC_3);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect((await fakeBrowser.storage.local.get('announcedReminders')).announcedReminders).toEqual({
      r1: NEW_YORK_DEC_3,
      r2: NEW_YORK_DEC_3,
      r3: BERLIN_DEC_1_NOON,
    });
  });
});
