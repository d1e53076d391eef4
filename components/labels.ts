// The words the interface uses for the model's enums, in one place for popup and dashboard.
import type { Channel, Contact, HelpKind, ReminderKind, Warmth } from '@/lib/model';

export const HELP_LABELS: Record<HelpKind, string> = {
  information: 'Information',
  contacts: 'Contacts',
  connections: 'Connections',
  referrals: 'Referrals',
};

export const WARMTH_LABELS: Record<Warmth, string> = { warm: 'Warm', cold: 'Cold' };

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
