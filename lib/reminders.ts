// When things are due. Pure: the clock is always passed in.

/**
 * A date-only reminder ("follow up on 2026-11-30") is due from the start of that day in the
 * user's local time zone.
 */
export function startOfLocalDay(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`Not a date: ${isoDate}`);
  const [, year, month, day] = match.map(Number);
  const start = new Date(year, month - 1, day);
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== day) {
    throw new Error(`Not a date: ${isoDate}`);
  }
  return start.getTime();
}

/** Today's date in local time as `YYYY-MM-DD`, the value a date input expects. */
export function localIsoDate(now: number): string {
  const date = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
