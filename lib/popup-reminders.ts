// Reminder and interaction writes the popup makes. The background branch owns when things are
// due (lib/reminders.ts); these stay thin over lib/db so they can give way to its helpers.
import { type KithDB, addInteraction, putReminder, updateReminder } from './db';
import { type InteractionInput, type Reminder, newId } from './model';

export function addFollowUp(db: KithDB, contactId: string, dueAt: number, now: number): Promise<Reminder> {
  return putReminder(db, { id: newId(), contactId, kind: 'follow-up', dueAt, createdAt: now });
}

export function markDone(db: KithDB, reminderId: string, now: number): Promise<Reminder> {
  return updateReminder(db, reminderId, (reminder) => ({ ...reminder, doneAt: now }));
}

export function snooze(db: KithDB, reminderId: string, until: number): Promise<Reminder> {
  return updateReminder(db, reminderId, (reminder) => ({ ...reminder, snoozedUntil: until }));
}

export function logInteraction(db: KithDB, input: InteractionInput) {
  return addInteraction(db, input);
}
