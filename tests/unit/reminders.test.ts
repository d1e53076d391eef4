import { describe, expect, it } from 'vitest';
import { localIsoDate, startOfLocalDay } from '@/lib/reminders';

describe('date-only reminders', () => {
  it('are due from the start of the local day', () => {
    const start = startOfLocalDay('2026-11-30');
    const date = new Date(start);
    expect([date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes()]).toEqual([
      2026, 10, 30, 0, 0,
    ]);
    expect(localIsoDate(start + 23 * 3600_000)).toBe('2026-11-30');
  });

  it('refuse what is not a calendar date', () => {
    expect(() => startOfLocalDay('2026-02-30')).toThrow(/Not a date/);
    expect(() => startOfLocalDay('tomorrow')).toThrow(/Not a date/);
  });
});
