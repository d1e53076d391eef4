// Set before any Date is made in this process (vitest runs each test file in its own process).
process.env.TZ = 'America/Santiago';

// Chile moves its clocks at midnight: on 2026-09-06 the day starts at 01:00, so a day start plus
// whole days keeps that 01:00 while every other day starts at 00:00. The shared suite
// (reminders-in-zone.ts) takes January for winter, which it is not here, so this zone has its
// own expectations, written as UTC instants from the known offsets as that suite's are.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openKithDb, putReminder } from '@/lib/db';
import { Contact, type Reminder } from '@/lib/model';
import { loadDueToday } from '@/lib/popup';
import { addLocalDays, keepInTouchDueAt, snoozed, startOfLocalDay, startOfLocalDayAt, thankYouDueAt } from '@/lib/reminders';
import { weekAgenda } from '@/lib/week';
import { putContact } from '../records';

const HOUR = 3_600_000;
/** Chile's standard time, UTC−4, and its summer time, UTC−3. */
const STANDARD = 4;
const SUMMER = 3;
const at = (offset: number, m: number, d: number, h = 0) => Date.UTC(2026, m, d, h + offset);

const SHORT_DAY_NOON = at(SUMMER, 8, 6, 12);
const TODAY = startOfLocalDay('2026-09-06');
const TOMORROW = startOfLocalDay('2026-09-07');

describe('reminders in America/Santiago, where the clocks go forward at midnight', () => {
  it('runs in that zone; 2026-09-06 starts at 01:00 summer time, the instant standard midnight would have been', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/Santiago');
    expect(TODAY).toBe(at(STANDARD, 8, 6));
    expect(TODAY).toBe(at(SUMMER, 8, 6, 1));
    expect(startOfLocalDayAt(SHORT_DAY_NOON)).toBe(TODAY);
    expect(TOMORROW - TODAY).toBe(23 * HOUR);
  });

  it('keep-in-touch counted from that day, and a thank-you for help received on it, come due at midnight', () => {
    const contact = { createdAt: at(STANDARD, 0, 2), lastInteractionAt: SHORT_DAY_NOON, cadenceDays: 30 };
    expect(keepInTouchDueAt(contact, { defaultCadenceDays: 90 })).toBe(at(SUMMER, 9, 6));
    expect(thankYouDueAt(SHORT_DAY_NOON)).toBe(TOMORROW);
    expect(TOMORROW).toBe(at(SUMMER, 8, 7));
  });

  const followUp = (id: string, dueAt: number): Reminder => ({ id, contactId: 'c1', kind: 'follow-up', dueAt, note: '', createdAt: at(STANDARD, 8, 1) });

  it('the week agenda’s "Due today" ends at the next midnight, not an hour into tomorrow', () => {
    const ada = Contact.parse({ id: 'c1', name: 'Ada Quinlan', createdAt: at(STANDARD, 8, 1), updatedAt: at(STANDARD, 8, 1) });
    const reminders = [followUp('today', TODAY), followUp('tomorrow', TOMORROW)];
    const agenda = weekAgenda(new Map([[ada.id, ada]]), reminders, [], { weeklyGoal: 3 }, SHORT_DAY_NOON);
    expect(agenda.dueToday.map((r) => r.id)).toEqual(['today']);
    expect(agenda.comingUp.map((r) => r.id)).toEqual(['tomorrow']);
  });

  it('counts the days a keep-in-touch is over by the calendar, the short day as one', () => {
    const ada = Contact.parse({ id: 'c1', name: 'Ada Quinlan', createdAt: at(STANDARD, 8, 1), updatedAt: at(STANDARD, 8, 1) });
    const keepInTouch: Reminder = { ...followUp('kit', startOfLocalDay('2026-09-05')), kind: 'keep-in-touch' };
    const halfPastMidnight = at(SUMMER, 8, 7, 0) + HOUR / 2;
    const agenda = weekAgenda(new Map([[ada.id, ada]]), [keepInTouch], [], { weeklyGoal: 3 }, halfPastMidnight);
    expect(agenda.pastCadence.map((p) => p.daysOver)).toEqual([2]);
  });

  it('a follow-up dated the short day, snoozed before it is due, lands at the next midnight, not at 01:00', () => {
    expect(snoozed(followUp('r', TODAY), '1-day', at(STANDARD, 8, 5, 12)).snoozedUntil).toBe(TOMORROW);
    expect(snoozed(followUp('r', TODAY), '1-week', at(STANDARD, 8, 5, 12)).snoozedUntil).toBe(startOfLocalDay('2026-09-13'));
    // Once due, a day from now keeps the time of day.
    expect(snoozed(followUp('r', TODAY), '1-day', SHORT_DAY_NOON).snoozedUntil).toBe(addLocalDays(SHORT_DAY_NOON, 1));
  });

  it('the weekly goal counts seven calendar days back to this time of day, across the change', () => {
    const ada = Contact.parse({ id: 'c1', name: 'Ada Quinlan', createdAt: at(STANDARD, 8, 1), updatedAt: at(STANDARD, 8, 1) });
    const now = at(SUMMER, 8, 10, 12);
    // 2026-09-03 at 12:30 standard time: seven days and a half hour ago on the clock, 167.5 hours.
    const interactions = [{ id: 'i', contactId: 'c1', at: at(STANDARD, 8, 3, 12) + HOUR / 2, channel: 'call' as const, summary: '', received: [], gave: [] }];
    expect(weekAgenda(new Map([[ada.id, ada]]), [], interactions, { weeklyGoal: 3 }, now).goal.done).toBe(1);
    expect(weekAgenda(new Map([[ada.id, ada]]), [], [{ ...interactions[0], at: at(STANDARD, 8, 3, 11) + HOUR / 2 }], { weeklyGoal: 3 }, now).goal.done).toBe(0);
  });

  it('the popup’s due list holds today’s follow-ups and not tomorrow’s', async () => {
    globalThis.indexedDB = new IDBFactory();
    const db = await openKithDb(`kith-santiago-${Math.random()}`);
    await putContact(db, { id: 'c1', name: 'Ada Quinlan', createdAt: at(STANDARD, 8, 1), updatedAt: at(STANDARD, 8, 1) });
    await putReminder(db, followUp('today', TODAY));
    await putReminder(db, followUp('tomorrow', TOMORROW));
    const { items, total } = await loadDueToday(db, SHORT_DAY_NOON);
    expect(items.map((item) => item.reminder.id)).toEqual(['today']);
    expect(total).toBe(1);
  });
});
