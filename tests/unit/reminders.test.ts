import { describe, expect, it } from 'vitest';
import type { Contact, Reminder } from '@/lib/model';
import {
  addLocalDays,
  done,
  dueTimeOf,
  isDue,
  keepInTouchDueAt,
  localIsoDate,
  planKeepInTouch,
  snoozeUntil,
  startOfLocalDayAfter,
  snoozed,
  startOfLocalDay,
  toAnnounce,
} from '@/lib/reminders';

const DAY = 86_400_000;
// Noon UTC keeps these zone-independent: whatever TZ the suite runs in, the local date is the same.
const NOW = Date.UTC(2026, 10, 22, 12);

function contact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 'c1',
    name: 'Ada Quinlan',
    title: '',
    company: '',
    location: '',
    emails: [],
    phones: [],
    addresses: [],
    relationship: 'other',
    orgRoles: [],
    warmth: 'cold',
    canHelpWith: [],
    tags: [],
    notes: '',
    sources: [],
    history: [],
    notSameAs: [],
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

function reminder(overrides: Partial<Reminder> = {}): Reminder {
  return { id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: NOW, note: '', createdAt: NOW, ...overrides };
}

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

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

describe('keep-in-touch cadence', () => {
  const settings = { defaultCadenceDays: 90 };

  it('uses the default cadence from the day the contact was saved', () => {
    expect(keepInTouchDueAt(contact(), settings)).toBe(startOfLocalDay('2027-02-20'));
  });

  it("uses the contact's own cadence from its last interaction", () => {
    const c = contact({ cadenceDays: 30, lastInteractionAt: NOW + 10 * DAY });
    expect(keepInTouchDueAt(c, settings)).toBe(startOfLocalDay('2027-01-01'));
  });

  it('counts from the day the contact was saved when an interaction logged for them is older', () => {
    // Saved today, with last spring's email thread logged: keeping in touch is not overdue already.
    const c = contact({ cadenceDays: 30, lastInteractionAt: NOW - 200 * DAY });
    expect(keepInTouchDueAt(c, settings)).toBe(startOfLocalDay('2026-12-22'));
  });

  it('restarts from the last time it was marked done when that is later', () => {
    const c = contact({ cadenceDays: 30, lastInteractionAt: NOW });
    expect(keepInTouchDueAt(c, settings, NOW + 5 * DAY)).toBe(startOfLocalDay('2026-12-27'));
  });

  it('creates one open reminder for a contact without one', () => {
    const plan = planKeepInTouch(contact({ cadenceDays: 180 }), settings, [], NOW, ids());
    expect(plan).toEqual({
      put: {
        id: 'new-1',
        contactId: 'c1',
        kind: 'keep-in-touch',
        dueAt: startOfLocalDay('2027-05-21'),
        plannedFrom: { since: NOW, days: 180 },
        note: '',
        createdAt: NOW,
      },
      remove: [],
    });
  });

  it('leaves imported contacts alone until the user sets a cadence or logs an interaction', () => {
    const imported = contact({ sources: [{ kind: 'import', at: NOW }] });
    const open = reminder({ id: 'k', kind: 'keep-in-touch', dueAt: NOW + DAY });
    expect(planKeepInTouch(imported, settings, [], NOW, ids())).toEqual({ remove: [] });
    expect(planKeepInTouch(imported, settings, [open], NOW, ids())).toEqual({ remove: ['k'] });
    expect(planKeepInTouch({ ...imported, cadenceDays: 30 }, settings, [], NOW, ids()).put?.kind).toBe('keep-in-touch');
    expect(planKeepInTouch({ ...imported, lastInteractionAt: NOW }, settings, [], NOW, ids()).put?.kind).toBe(
      'keep-in-touch',
    );
    const savedAndImported = contact({ sources: [{ kind: 'import', at: NOW }, { kind: 'linkedin', at: NOW }] });
    expect(planKeepInTouch(savedAndImported, settings, [], NOW, ids()).put?.kind).toBe('keep-in-touch');
  });

  it('moves the open reminder when an interaction is logged, dropping its snooze', () => {
    const open = reminder({ id: 'k', kind: 'keep-in-touch', dueAt: startOfLocalDay('2026-12-22'), snoozedUntil: NOW + DAY });
    const plan = planKeepInTouch(contact({ cadenceDays: 30, lastInteractionAt: NOW + 3 * DAY }), settings, [open], NOW, ids());
    expect(plan.put).toEqual({ ...open, dueAt: startOfLocalDay('2026-12-25'), plannedFrom: { since: NOW + 3 * DAY, days: 30 }, snoozedUntil: undefined });
    expect(plan.put).not.toHaveProperty('snoozedUntil');
  });

  it('keeps a snooze that ends after the day a new cadence moves the reminder to', () => {
    const open = reminder({ id: 'k', kind: 'keep-in-touch', dueAt: startOfLocalDay('2026-12-22'), snoozedUntil: NOW + DAY, plannedFrom: { since: NOW - 60 * DAY, days: 90 } });
    const seenLast = { createdAt: NOW - 90 * DAY, lastInteractionAt: NOW - 60 * DAY };
    const plan = planKeepInTouch(contact({ cadenceDays: 30, ...seenLast }), settings, [open], NOW, ids());
    expect(plan.put).toMatchObject({ dueAt: startOfLocalDayAfter(NOW - 60 * DAY, 30), snoozedUntil: NOW + DAY });
    // Moved past the snooze's end, it is done with.
    expect(planKeepInTouch(contact({ cadenceDays: 180, ...seenLast }), settings, [open], NOW, ids()).put).not.toHaveProperty('snoozedUntil');
  });

  it('leaves a reminder that is already right alone, snooze and all', () => {
    const open = reminder({ id: 'k', kind: 'keep-in-touch', dueAt: startOfLocalDay('2026-12-22'), snoozedUntil: NOW + DAY, plannedFrom: { since: NOW, days: 30 } });
    expect(planKeepInTouch(contact({ cadenceDays: 30 }), settings, [open], NOW, ids())).toEqual({ remove: [] });
  });

  it('gives a reminder on its day its basis, and only that: one from before there was one, or planned again the same day', () => {
    const open = reminder({ id: 'k', kind: 'keep-in-touch', dueAt: startOfLocalDay('2026-12-22'), snoozedUntil: NOW + DAY });
    expect(planKeepInTouch(contact({ cadenceDays: 30 }), settings, [open], NOW, ids())).toEqual({ put: { ...open, plannedFrom: { since: NOW, days: 30 } }, remove: [] });
    // Called an hour after being saved: the same day, so the same due day, from a later moment.
    const planned = { ...open, plannedFrom: { since: NOW, days: 30 } };
    const later = planKeepInTouch(contact({ cadenceDays: 30, lastInteractionAt: NOW + 3_600_000 }), settings, [planned], NOW, ids());
    expect(later).toEqual({ put: { ...open, plannedFrom: { since: NOW + 3_600_000, days: 30 } }, remove: [] });
    // A cadence another program wrote out of range plans a day but is no basis.
    expect(planKeepInTouch(contact({ cadenceDays: 0 }), settings, [], NOW, ids()).put).not.toHaveProperty('plannedFrom');
  });

  it('keeps the oldest of duplicate open reminders and removes the rest; ignores other kinds', () => {
    const first = reminder({ id: 'k1', kind: 'keep-in-touch', dueAt: startOfLocalDay('2026-12-22'), createdAt: NOW - 2, plannedFrom: { since: NOW, days: 30 } });
    const second = reminder({ id: 'k2', kind: 'keep-in-touch', dueAt: startOfLocalDay('2026-12-22'), createdAt: NOW - 1 });
    const other = reminder({ id: 'f', kind: 'follow-up' });
    expect(planKeepInTouch(contact({ cadenceDays: 30 }), settings, [second, other, first], NOW, ids())).toEqual({
      remove: ['k2'],
    });
  });

  it('keeps a snooze put on a duplicate it removes (two records merged), whichever way the kept one is planned', () => {
    const due = startOfLocalDay('2026-12-22');
    const kept = reminder({ id: 'k1', kind: 'keep-in-touch', dueAt: due, createdAt: NOW - 2, plannedFrom: { since: NOW, days: 30 } });
    const letGo = reminder({ id: 'k2', kind: 'keep-in-touch', dueAt: due + DAY, createdAt: NOW - 1, snoozedUntil: due + 7 * DAY });
    const held = { remove: ['k2'], put: { ...kept, snoozedUntil: due + 7 * DAY } };
    expect(planKeepInTouch(contact({ cadenceDays: 30 }), settings, [letGo, kept], NOW, ids())).toEqual(held);
    // On its day already, learning its basis.
    const { plannedFrom: _, ...unplanned } = kept;
    expect(planKeepInTouch(contact({ cadenceDays: 30 }), settings, [letGo, unplanned], NOW, ids())).toEqual(held);
    // Moved by an interaction logged since: the snooze still holds where it ends after the new day.
    const seen = planKeepInTouch(contact({ cadenceDays: 30, createdAt: NOW - 60 * DAY, lastInteractionAt: NOW - 5 * DAY }), settings, [letGo, kept], NOW, ids());
    expect(seen.put).toMatchObject({ id: 'k1', dueAt: startOfLocalDayAfter(NOW - 5 * DAY, 30), snoozedUntil: due + 7 * DAY });
    // A snooze that ended before the kept one's own day holds nothing back.
    const spent = { ...letGo, snoozedUntil: due - DAY };
    expect(planKeepInTouch(contact({ cadenceDays: 30 }), settings, [spent, kept], NOW, ids())).toEqual({ remove: ['k2'] });
  });

  it('after one is marked done, the next cycle starts from that day', () => {
    const closed = reminder({ id: 'k', kind: 'keep-in-touch', dueAt: NOW - DAY, doneAt: NOW + 2 * DAY });
    const plan = planKeepInTouch(contact({ cadenceDays: 7, createdAt: NOW - 30 * DAY }), settings, [closed], NOW, ids());
    expect(plan.put).toMatchObject({ id: 'new-1', kind: 'keep-in-touch', dueAt: startOfLocalDay('2026-12-01') });
  });
});

describe('done and snooze', () => {
  it('snoozes for a day, a week or until a date, and is due again then', () => {
    expect(snoozeUntil('1-day', NOW)).toBe(Date.UTC(2026, 10, 23, 12));
    expect(snoozeUntil('1-week', NOW)).toBe(Date.UTC(2026, 10, 29, 12));
    expect(snoozeUntil({ until: '2026-12-01' }, NOW)).toBe(startOfLocalDay('2026-12-01'));
    const later = snoozed(reminder({ dueAt: NOW - DAY }), '1-day', NOW) as Reminder;
    expect(dueTimeOf(later)).toBe(NOW + DAY);
    expect(isDue(later, NOW + DAY - 1)).toBe(false);
    expect(isDue(later, NOW + DAY)).toBe(true);
  });

  it('puts off a reminder not yet due from its due time, not from now', () => {
    const ahead = reminder({ dueAt: NOW + 30 * DAY });
    expect(dueTimeOf(snoozed(ahead, '1-day', NOW) as Reminder)).toBe(addLocalDays(NOW + 30 * DAY, 1));
    expect(dueTimeOf(snoozed(ahead, '1-week', NOW) as Reminder)).toBe(addLocalDays(NOW + 30 * DAY, 7));
    const snoozedAhead = snoozed(reminder({ dueAt: NOW - DAY, snoozedUntil: NOW + 2 * DAY }), '1-day', NOW) as Reminder;
    expect(dueTimeOf(snoozedAhead)).toBe(addLocalDays(NOW + 2 * DAY, 1));
  });

  it('refuses to snooze to today or the past', () => {
    expect(() => snoozeUntil({ until: localIsoDate(NOW) }, NOW)).toThrow(/after today/);
    expect(() => snoozeUntil({ until: '2026-01-01' }, NOW)).toThrow(/after today/);
  });

  it('a done reminder is never due, and forgets its snooze', () => {
    const closed = done(reminder({ snoozedUntil: NOW + DAY }), NOW) as Reminder;
    expect(closed).toEqual({ id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: NOW, note: '', createdAt: NOW, doneAt: NOW });
    expect(isDue(closed, NOW + 365 * DAY)).toBe(false);
  });
});

describe('announcing due reminders', () => {
  it('announces each reminder once, however many alarms were missed while asleep', () => {
    const made = NOW - 7 * DAY;
    const due = [reminder({ id: 'a', dueAt: NOW - 3 * DAY, createdAt: made }), reminder({ id: 'b', dueAt: NOW - DAY, createdAt: made })];
    // The computer slept through both due times; on waking, the alarm fires (once or more).
    const first = toAnnounce(due, { announced: {} }, NOW);
    expect(first.fresh.map((r) => r.id)).toEqual(['a', 'b']);
    const second = toAnnounce(due, first, NOW);
    expect(second.fresh).toEqual([]);
    expect(second.announced).toEqual({ a: NOW - 3 * DAY, b: NOW - DAY });
  });

  it('does not announce a reminder that was already due when it was made', () => {
    const forToday = reminder({ id: 't', dueAt: NOW - 3_600_000, createdAt: NOW });
    const { fresh, announced } = toAnnounce([forToday], { announced: {} }, NOW);
    expect(fresh).toEqual([]);
    expect(announced).toEqual({ t: NOW - 3_600_000 });
  });

  it('announces a snoozed reminder again when it comes back, and forgets ones no longer due', () => {
    const announced = { a: NOW - DAY, gone: NOW - 2 * DAY };
    const back = reminder({ id: 'a', dueAt: NOW - DAY, snoozedUntil: NOW, createdAt: NOW - 2 * DAY });
    const { fresh, announced: next } = toAnnounce([back], { announced }, NOW);
    expect(fresh.map((r) => r.id)).toEqual(['a']);
    expect(next).toEqual({ a: NOW });
  });

  it('does not announce again a reminder an Undo brings back, for a week after it was settled', () => {
    const due = reminder({ id: 'a', dueAt: NOW - 30 * DAY, createdAt: NOW - 40 * DAY });
    const told = toAnnounce([due], { announced: {} }, NOW);
    expect(told.fresh.map((r) => r.id)).toEqual(['a']);
    // Done (or its contact deleted), then Undo.
    const done = toAnnounce([], told, NOW + 60_000);
    expect(done.settled).toEqual({ a: { at: NOW - 30 * DAY, since: NOW + 60_000 } });
    expect(toAnnounce([due], done, NOW + 120_000).fresh).toEqual([]);
    // An Undo a week later is news again; and a settled reminder is forgotten after a week.
    const weekLater = NOW + 60_000 + 7 * DAY;
    expect(toAnnounce([due], done, weekLater).fresh.map((r) => r.id)).toEqual(['a']);
    expect(toAnnounce([], done, weekLater).settled).toEqual({});
  });
});
