// The date arithmetic of lib/reminders.ts in one time zone, around midnight and both DST
// changes. Each `reminders.<zone>.test.ts` sets TZ first and runs this suite; expectations are
// written as UTC instants from the zone's known offsets, so a wrong zone or a 24-hour shortcut
// fails them.
import { describe, expect, it } from 'vitest';
import type { Contact, Reminder } from '@/lib/model';
import { addLocalDays, isDue, keepInTouchDueAt, localIsoDate, snoozeUntil, startOfLocalDay, thankYouDueAt } from '@/lib/reminders';

export type Zone = {
  name: string;
  /** Minutes to add to local time to get UTC, as `getTimezoneOffset` reports them. */
  winterOffset: number;
  summerOffset: number;
  /** The Sundays the clocks change in 2026. */
  springForward: [year: number, monthIndex: number, day: number];
  fallBack: [year: number, monthIndex: number, day: number];
};

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The UTC instant of a local wall-clock time with a known offset. */
function at(offset: number, y: number, m: number, d: number, h = 0, min = 0): number {
  return Date.UTC(y, m, d, h, min) + offset * MINUTE;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function followUp(dueAt: number): Reminder {
  return { id: 'r', contactId: 'c', kind: 'follow-up', dueAt, note: '', createdAt: 0 };
}

export function remindersInZone(zone: Zone) {
  const [sy, sm, sd] = zone.springForward;
  const [fy, fm, fd] = zone.fallBack;

  describe(`reminders in ${zone.name}`, () => {
    it('runs in that zone, with daylight saving in force in summer only', () => {
      expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone.name);
      expect(new Date(sy, sm, sd - 1, 12).getTimezoneOffset()).toBe(zone.winterOffset);
      expect(new Date(sy, sm, sd + 1, 12).getTimezoneOffset()).toBe(zone.summerOffset);
      expect(new Date(fy, fm, fd + 1, 12).getTimezoneOffset()).toBe(zone.winterOffset);
    });

    it('a follow-up dated today is due from local midnight, not a millisecond before', () => {
      const midnight = at(zone.winterOffset, 2026, 0, 15);
      expect(startOfLocalDay('2026-01-15')).toBe(midnight);
      const reminder = followUp(startOfLocalDay('2026-01-15'));
      expect(isDue(reminder, midnight - 1)).toBe(false);
      expect(isDue(reminder, midnight)).toBe(true);
      expect(localIsoDate(midnight - 1)).toBe('2026-01-14');
      expect(localIsoDate(midnight)).toBe('2026-01-15');
      // Saved at 23:59 for "today": already due.
      expect(isDue(followUp(startOfLocalDay(localIsoDate(midnight - MINUTE))), midnight - MINUTE)).toBe(true);
    });

    it('date-only reminders on and after the spring change start at that local midnight', () => {
      expect(startOfLocalDay(iso(sy, sm, sd))).toBe(at(zone.winterOffset, sy, sm, sd));
      expect(startOfLocalDay(iso(sy, sm, sd + 1))).toBe(at(zone.summerOffset, sy, sm, sd + 1));
      // That day is 23 hours long.
      expect(startOfLocalDay(iso(sy, sm, sd + 1)) - startOfLocalDay(iso(sy, sm, sd))).toBe(23 * HOUR);
      expect(localIsoDate(at(zone.summerOffset, sy, sm, sd, 23, 30))).toBe(iso(sy, sm, sd));
    });

    it('date-only reminders on and after the autumn change start at that local midnight', () => {
      expect(startOfLocalDay(iso(fy, fm, fd))).toBe(at(zone.summerOffset, fy, fm, fd));
      expect(startOfLocalDay(iso(fy, fm, fd + 1))).toBe(at(zone.winterOffset, fy, fm, fd + 1));
      expect(startOfLocalDay(iso(fy, fm, fd + 1)) - startOfLocalDay(iso(fy, fm, fd))).toBe(25 * HOUR);
    });

    it('snoozing a day or a week keeps the wall-clock time across the changes', () => {
      const beforeSpring = at(zone.winterOffset, sy, sm, sd - 1, 9);
      expect(snoozeUntil('1-day', beforeSpring)).toBe(at(zone.summerOffset, sy, sm, sd, 9));
      expect(snoozeUntil('1-day', beforeSpring) - beforeSpring).toBe(23 * HOUR);
      expect(snoozeUntil('1-week', beforeSpring)).toBe(at(zone.summerOffset, sy, sm, sd + 6, 9));

      const beforeAutumn = at(zone.summerOffset, fy, fm, fd - 1, 9);
      expect(snoozeUntil('1-day', beforeAutumn)).toBe(at(zone.winterOffset, fy, fm, fd, 9));
      expect(snoozeUntil('1-day', beforeAutumn) - beforeAutumn).toBe(25 * HOUR);
      expect(snoozeUntil({ until: iso(fy, fm, fd + 2) }, beforeAutumn)).toBe(at(zone.winterOffset, fy, fm, fd + 2));
    });

    it('keep-in-touch cadences count calendar days across the changes', () => {
      const contact: Pick<Contact, 'cadenceDays' | 'createdAt' | 'lastInteractionAt'> = {
        createdAt: at(zone.winterOffset, sy, 0, 2, 10),
        lastInteractionAt: at(zone.winterOffset, sy, sm, sd - 10, 15, 30),
        cadenceDays: 30,
      };
      // Ten days before the change plus thirty: twenty days after it, from local midnight.
      expect(keepInTouchDueAt(contact, { defaultCadenceDays: 90 })).toBe(at(zone.summerOffset, sy, sm, sd + 20));
      const autumn = { ...contact, lastInteractionAt: at(zone.summerOffset, fy, fm, fd - 1, 23, 30), cadenceDays: 1 };
      expect(keepInTouchDueAt(autumn, { defaultCadenceDays: 90 })).toBe(at(zone.summerOffset, fy, fm, fd));
      expect(addLocalDays(at(zone.summerOffset, fy, fm, fd - 1, 1, 30), 2)).toBe(at(zone.winterOffset, fy, fm, fd + 1, 1, 30));
    });

    it('a thank-you is due from the start of the next local day, even when that day is short', () => {
      expect(thankYouDueAt(at(zone.winterOffset, sy, sm, sd - 1, 22))).toBe(at(zone.winterOffset, sy, sm, sd));
      expect(thankYouDueAt(at(zone.summerOffset, sy, sm, sd, 12))).toBe(at(zone.summerOffset, sy, sm, sd + 1));
    });
  });
}
