// The words the interface uses for the model's enums, in one place for popup and dashboard.
import type { ContactDraft } from '@/lib/contact-draft';
import { type Channel, type Contact, HELP_KINDS, type HelpKind, ORG_ROLES, type OrgRole, RELATIONSHIP_LABELS, type ReminderKind, type Warmth } from '@/lib/model';

export const HELP_LABELS: Record<HelpKind, string> = {
  information: 'Information',
  contacts: 'Contacts',
  connections: 'Connections',
  referrals: 'Referrals',
};

export const WARMTH_LABELS: Record<Warmth, string> = { warm: 'Warm', cold: 'Cold' };

export const ORG_ROLE_LABELS: Record<OrgRole, string> = { advice: 'Advice', trust: 'Trust', communication: 'Grapevine' };

export const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'Email',
  meeting: 'Meeting',
  call: 'Call',
  message: 'Message',
  event: 'Event',
  social: 'Social media',
  other: 'Other',
};

export const REMINDER_LABELS: Record<ReminderKind, string> = {
  'follow-up': 'Follow up',
  'keep-in-touch': 'Keep in touch',
  'thank-you': 'Say thank you',
  promise: 'Keep a promise',
};

/** Keep-in-touch choices; `undefined` follows the default cadence in settings. */
export const CADENCE_CHOICES: { days: number; label: string }[] = [
  { days: 14, label: 'Every 2 weeks' },
  { days: 30, label: 'Every month' },
  { days: 90, label: 'Every 3 months' },
  { days: 182, label: 'Every 6 months' },
  { days: 365, label: 'Every year' },
];

/** A contact's job as shown beside their name: "Title · Company", '' when neither is known. */
export const jobLine = ({ title, company }: Pick<Contact, 'title' | 'company'>): string => [title, company].filter(Boolean).join(' · ');

/**
 * A button's name with the first words of what it acts on ("Done: Keep a promise — Send the
 * deck"), so two alike in a list, read out of it, are told apart.
 */
export function nameWithGist(name: string, words: string | undefined): string {
  const gist = words?.trim().split('\n')[0].trim();
  return gist ? `${name} — ${gist.length > 60 ? `${gist.slice(0, 59)}…` : gist}` : name;
}

/** A choice of the contact form: its label, and a value as the form shows it. */
export type Choice = { label: string; text: (value: unknown) => string };

const choice = <K extends keyof ContactDraft>(label: string, text: (value: ContactDraft[K]) => string): Choice => ({ label, text: (value) => text(value as ContactDraft[K]) });

/**
 * The contact form's choices, by the words the form shows them in: what one chosen elsewhere
 * since is now, beside what was chosen here (SavedElsewhere). Boxes ticked are said in the form's
 * order, whatever order they were ticked in. Not the follow-up date: a reminder, read after the
 * form is drawn.
 */
export const CHOICES: Readonly<Record<string, Choice>> = {
  relationship: choice<'relationship'>('Relationship', (relationship) => RELATIONSHIP_LABELS[relationship]),
  warmth: choice<'warmth'>('Warmth', (warmth) => WARMTH_LABELS[warmth]),
  canHelpWith: choice<'canHelpWith'>('Can help with', (kinds) => HELP_KINDS.filter((kind) => kinds.includes(kind)).map((kind) => HELP_LABELS[kind]).join(', ') || 'nothing'),
  orgRoles: choice<'orgRoles'>(
    'In their organisation',
    (roles) => ORG_ROLES.filter((role) => roles.includes(role)).map((role) => `${ORG_ROLE_LABELS[role]} network`).join(', ') || 'no network',
  ),
  referredBy: choice<'referredBy'>('Referred by', (referrer) => referrer?.name ?? 'no one'),
  cadenceDays: choice<'cadenceDays'>('Keep in touch', (days) =>
    days === undefined ? 'as in settings' : (CADENCE_CHOICES.find((cadence) => cadence.days === days)?.label ?? `Every ${days} days`),
  ),
};
