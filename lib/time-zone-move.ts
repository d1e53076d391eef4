// Dates follow the user into another time zone.
//
// A date-only time (a follow-up "on 3 December", a keep-in-touch day, a snooze until a date, an
// interaction logged for an earlier day) is stored as the instant its day starts in the zone the
// user was in then: DESIGN.md keeps times as epoch milliseconds. Flown from Berlin to New York,
// that instant falls at 18:00 the evening before, so the follow-up would show, and come due, a
// day early. So when the worker finds itself in another zone than it last saw, it moves every
// instant that starts a day in the old zone to the start of the same date in the new one. A time
// of day Kith stored falls on a day's first millisecond by a one-in-86,400,000 chance.
import { type KithDB, moveDayStarts } from './db';
import { moveAnnouncedTimes } from './notifications';
import { startOfLocalDay } from './reminders';

/** In `storage.local`: the IANA zone the notebook's date-only times start their days in. */
const ZONE_KEY = 'timeZone';

export const currentTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A time moved from `zone` to the zone this code runs in: one that starts a day in `zone` becomes
 * the start of the same date here; any other is unchanged. Throws a RangeError for a zone the
 * browser does not know.
 */
export function dayStartsMovedFrom(zone: string): (time: number) => number {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const dateIn = (time: number) => {
    const part = Object.fromEntries(format.formatToParts(time).map(({ type, value }) => [type, value]));
    return `${part.year}-${part.month}-${part.day}`;
  };
  return (time) => {
    if (!Number.isFinite(time) || time <= 0) return time;
    const date = dateIn(time);
    // The first instant of its date: where the clocks skip midnight that is 01:00, not 00:00.
    return date === dateIn(time - 1) ? time : startOfLocalDay(date);
  };
}

/** The zone the notebook's date-only times start their days in: where the worker last found itself, else this one. */
export async function notebookTimeZone(): Promise<string> {
  const stored: unknown = (await browser.storage.local.get(ZONE_KEY))[ZONE_KEY];
  return typeof stored === 'string' ? stored : currentTimeZone();
}

/**
 * For an extension page: whether the notebook's dates were kept in another zone than the one the
 * page runs in, the browser having moved since the worker last looked. The page then tells the
 * worker (`data:changed`), whose refresh follows the zone and tells the pages again.
 */
export async function zoneMovedSinceKept(): Promise<boolean> {
  return (await notebookTimeZone()) !== currentTimeZone();
}

let following: Promise<unknown> = Promise.resolve();

/**
 * Move the notebook's date-only times if the zone is not the one they were stored in, then
 * remember the zone. Returns whether any record changed. Calls run one after another; a pass
 * cut short (the worker stopped) is run again at the next start, and moves only what it left.
 */
export function followTimeZone(openDb: () => Promise<KithDB>, zone: string): Promise<boolean> {
  const next = following.then(async () => {
    const last: unknown = (await browser.storage.local.get(ZONE_KEY))[ZONE_KEY];
    if (last === zone) return false;
    let moved = 0;
    if (typeof last === 'string') {
      let move: ((time: number) => number) | undefined;
      try {
        move = dayStartsMovedFrom(last);
      } catch {
        // A zone this browser does not know (written by another build): nothing to move from.
      }
      if (move) {
        moved = await moveDayStarts(await openDb(), move);
        await moveAnnouncedTimes(move);
      }
    }
    await browser.storage.local.set({ [ZONE_KEY]: zone });
    return moved > 0;
  });
  following = next.catch(() => undefined);
  return next;
}
