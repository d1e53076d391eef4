// The "Log interaction" form: prefilled from an open email (subject, date, link to the thread),
// and turned into an interaction when the user logs it.
import * as z from 'zod/mini';
import type { KithDB } from './db';
import { Channel, HelpKind, type Interaction, LIMITS, type MessageRef, type Settings, newId, refuseOverLimit } from './model';
import { type LoggedInteraction, type RevisedInteraction, logInteraction, reviseInteraction } from './reminder-store';
import { localIsoDate, startOfLocalDay } from './reminders';

/** The form as the user sees it; a schema too, so a draft kept in storage is checked when read back. */
export const InteractionDraft = z.object({
  channel: Channel,
  /** `YYYY-MM-DD` in local time. */
  date: z.string(),
  summary: z.string(),
  received: z.array(HelpKind),
  gave: z.array(HelpKind),
  /** The email thread this was, when logged from one. */
  link: z.optional(z.string()),
  /** The message's own time (or the logged interaction's, when correcting one), kept while its day is. */
  messageAt: z.optional(z.number()),
});
export type InteractionDraft = z.infer<typeof InteractionDraft>;

export function interactionDraft(now: number, message?: MessageRef): InteractionDraft {
  if (!message) return { channel: 'meeting', date: localIsoDate(now), summary: '', received: [], gave: [] };
  return {
    channel: 'email',
    date: localIsoDate(message.at ?? now),
    summary: message.subject,
    received: [],
    gave: [],
    link: message.link,
    messageAt: message.at,
  };
}

/** A logged interaction back in the form, to be corrected: its day kept keeps its time. */
export function draftOfInteraction(interaction: Interaction): InteractionDraft {
  return {
    channel: interaction.channel,
    date: localIsoDate(interaction.at),
    summary: interaction.summary,
    received: interaction.received,
    gave: interaction.gave,
    link: interaction.link,
    messageAt: interaction.at,
  };
}

/**
 * When the interaction happened: the email's (or the corrected interaction's) own time if its
 * day was kept, now if it is today, otherwise the start of the chosen day.
 */
export function interactionTime(draft: InteractionDraft, now: number): number {
  if (draft.messageAt !== undefined && localIsoDate(draft.messageAt) === draft.date) return draft.messageAt;
  if (draft.date === localIsoDate(now)) return now;
  return startOfLocalDay(draft.date);
}

/** The log form's fields by the labels it shows them under, which its errors start with. */
export const INTERACTION_FIELD_LABELS = { date: 'Date', summary: 'Summary' };

/**
 * Only what has happened is logged: a date after today (a typo of the year, often) would push
 * the next keep-in-touch reminder out by as long.
 */
function refuseUnloggable(draft: InteractionDraft, now: number): void {
  if (startOfLocalDay(draft.date, INTERACTION_FIELD_LABELS.date) > now) {
    throw new Error(`${INTERACTION_FIELD_LABELS.date}: ${draft.date} is after today. Log what has happened; add a reminder for what is planned.`);
  }
  refuseOverLimit(INTERACTION_FIELD_LABELS.summary, draft.summary, LIMITS.summary, true);
}

/** What the form says of an interaction: when, how, what was said and what help went which way. */
function formFields(draft: InteractionDraft, now: number) {
  return {
    at: interactionTime(draft, now),
    channel: draft.channel,
    summary: draft.summary,
    received: draft.received,
    gave: draft.gave,
    link: draft.link,
  };
}

/** Log it: resets the contact's keep-in-touch clock, and help received asks for a thank-you. */
export async function saveInteractionDraft(
  db: KithDB,
  contactId: string,
  draft: InteractionDraft,
  settings: Pick<Settings, 'defaultCadenceDays'>,
  now: number,
  id = newId(),
): Promise<LoggedInteraction> {
  refuseUnloggable(draft, now);
  return logInteraction(db, { id, contactId, ...formFields(draft, now) }, settings, now);
}

/** Save the form over the interaction it was opened on (`interaction`): the same checks as logging it anew. */
export async function saveInteractionEdit(
  db: KithDB,
  interaction: Interaction,
  draft: InteractionDraft,
  settings: Pick<Settings, 'defaultCadenceDays'>,
  now: number,
): Promise<RevisedInteraction> {
  refuseUnloggable(draft, now);
  return reviseInteraction(db, interaction, { ...interaction, ...formFields(draft, now) }, settings, now);
}
