// The only definition of Kith's records. The zod schemas are the types: every write to the
// database and every value that crosses a message boundary is parsed by one of these first, so
// what is stored is always capped, cleaned and well-typed.
//
// Written with zod/mini, like capture-model.ts (what a page can tell us about a person, and the
// text helpers these records are built from, re-exported here). Classic zod builds dozens of
// methods onto every schema when its module loads: it was the largest part of the popup's start.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { CaptureSource, EpochMs, Email, HttpUrl, Id, LIMITS, ProfileUrl, line, multiline, uniqueList } from './capture-model';

export * from './capture-model';

// zod/mini loads no messages of its own; extension pages say what is wrong in English. Content
// scripts never import this module, so they stay without the locale.
z.config(en());

// The circles of a person's network, as career guidance maps them.
export const RELATIONSHIPS = [
  'family',
  'friend',
  'education',
  'interest-group',
  'similar-situation',
  'colleague',
  'client',
  'business-associate',
  'professional-body',
  'community',
  'other',
] as const;
export const Relationship = z.enum(RELATIONSHIPS);
export type Relationship = z.infer<typeof Relationship>;

export const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  family: 'Family',
  friend: 'Friend',
  education: 'Education',
  'interest-group': 'Interest group',
  'similar-situation': 'Similar situation',
  colleague: 'Colleague',
  client: 'Client',
  'business-associate': 'Business associate',
  'professional-body': 'Professional body',
  community: 'Community',
  other: 'Other',
};

export const ORG_ROLES = ['advice', 'trust', 'communication'] as const;
export const OrgRole = z.enum(ORG_ROLES);
export type OrgRole = z.infer<typeof OrgRole>;

export const WARMTHS = ['warm', 'cold'] as const;
export const Warmth = z.enum(WARMTHS);
export type Warmth = z.infer<typeof Warmth>;

export const HELP_KINDS = ['information', 'contacts', 'connections', 'referrals'] as const;
export const HelpKind = z.enum(HELP_KINDS);
export type HelpKind = z.infer<typeof HelpKind>;

/** Where and when a capture of this contact came from. */
export const Source = z.object({
  kind: CaptureSource,
  url: z.optional(HttpUrl),
  at: EpochMs,
});
export type Source = z.infer<typeof Source>;

/** A captured change to a field the user had saved (a new job title), kept as history. */
export const FieldChange = z.object({
  field: z.enum(['name', 'title', 'company', 'location']),
  from: line(LIMITS.title),
  to: line(LIMITS.title),
  at: EpochMs,
});
export type FieldChange = z.infer<typeof FieldChange>;

const withoutHash = (tag: string) => tag.replace(/^#+\s*/, '');

/** What makes two tags one: the same words, in any case, with or without a "#" before them. */
export const tagKey = (tag: string) => withoutHash(tag).toLocaleLowerCase();

/** How often to keep in touch, in days: up to ten years. */
export const CadenceDays = z.int().check(z.minimum(1), z.maximum(3650));

export const Contact = z.object({
  id: Id,
  name: z.pipe(line(LIMITS.name), z.string().check(z.minLength(1, 'A contact needs a name'))),
  title: z._default(line(LIMITS.title), ''),
  company: z._default(line(LIMITS.company), ''),
  location: z._default(line(LIMITS.location), ''),
  emails: uniqueList(Email),
  phones: uniqueList(line(LIMITS.phone)),
  addresses: uniqueList(line(LIMITS.address)),
  profileUrl: z.optional(ProfileUrl),
  photoUrl: z.optional(HttpUrl),
  relationship: z._default(Relationship, 'other'),
  orgRoles: z._default(z.array(OrgRole), []),
  warmth: z._default(Warmth, 'cold'),
  canHelpWith: z._default(z.array(HelpKind), []),
  referredBy: z.optional(Id),
  // One tag however it is capitalised ("Climate", "climate"), the first spelling kept, and
  // without the "#" some write before a tag: the card shows its own.
  tags: uniqueList(z.pipe(line(LIMITS.tag), z.transform(withoutHash)), tagKey),
  notes: z._default(multiline(LIMITS.notes), ''),
  /** Keep-in-touch cadence; absent means the default from settings. */
  cadenceDays: z.optional(CadenceDays),
  sources: z._default(z.array(Source).check(z.maxLength(100)), []),
  history: z._default(z.array(FieldChange).check(z.maxLength(200)), []),
  /** Contacts the user said are someone else, though they share a name, an email or the link. */
  notSameAs: z._default(z.array(Id).check(z.maxLength(1000)), []),
  createdAt: EpochMs,
  updatedAt: EpochMs,
  lastInteractionAt: z.optional(EpochMs),
});
export type Contact = z.infer<typeof Contact>;
/** What a caller hands in: the schema fills defaults and cleans. */
export type ContactInput = z.input<typeof Contact>;

/** Whether the user said these two are different people, though they share a name, email or link. */
export const toldApart = (a: Contact, b: Contact) => a.notSameAs.includes(b.id) || b.notSameAs.includes(a.id);

export const CHANNELS = ['email', 'meeting', 'call', 'message', 'event', 'social', 'other'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const Interaction = z.object({
  id: Id,
  contactId: Id,
  at: EpochMs,
  channel: z._default(Channel, 'other'),
  summary: z._default(multiline(LIMITS.summary), ''),
  received: z._default(z.array(HelpKind), []),
  gave: z._default(z.array(HelpKind), []),
  link: z.optional(HttpUrl),
});
export type Interaction = z.infer<typeof Interaction>;
export type InteractionInput = z.input<typeof Interaction>;

export const REMINDER_KINDS = ['follow-up', 'keep-in-touch', 'thank-you', 'promise'] as const;
export const ReminderKind = z.enum(REMINDER_KINDS);
export type ReminderKind = z.infer<typeof ReminderKind>;

export const Reminder = z.object({
  id: Id,
  contactId: Id,
  kind: ReminderKind,
  dueAt: EpochMs,
  note: z._default(multiline(LIMITS.reminderNote), ''),
  doneAt: z.optional(EpochMs),
  snoozedUntil: z.optional(EpochMs),
  createdAt: EpochMs,
  /**
   * A keep-in-touch reminder's basis: the moment of last contact and the cadence it was planned
   * from (reminders.ts keepInTouchBasis). Its day is that moment's local day plus the cadence, in
   * the time zone it was planned in, which a move to another keeps (time-zone-move.ts).
   */
  plannedFrom: z.optional(z.object({ since: EpochMs, days: CadenceDays })),
  /** A thank-you's interaction: the one whose help received asked for it. */
  interactionId: z.optional(Id),
});
export type Reminder = z.infer<typeof Reminder>;
export type ReminderInput = z.input<typeof Reminder>;

export const Settings = z.object({
  defaultCadenceDays: z._default(CadenceDays, 90),
  notifications: z._default(z.boolean(), true),
  weeklyGoal: z._default(z.int().check(z.minimum(0), z.maximum(100)), 3),
  /** Companies the user wants to work at. */
  targets: uniqueList(line(LIMITS.company)),
});
export type Settings = z.infer<typeof Settings>;

// Records' fields as people call them, so what a file holds that Kith cannot keep is named as
// the user knows it: "Email 2: Not an email address", not "emails.1".
const FIELD_NAMES: Record<string, string> = {
  name: 'Name',
  title: 'Title',
  company: 'Company',
  location: 'Location',
  emails: 'Email',
  phones: 'Phone',
  addresses: 'Address',
  profileUrl: 'Profile link',
  photoUrl: 'Photo link',
  tags: 'Tag',
  notes: 'Notes',
  channel: 'Channel',
  summary: 'Summary',
  at: 'Date',
  dueAt: 'Due date',
};

/** A record's field as people call it: "Email" for `emails`. */
export const fieldName = (field: string) => FIELD_NAMES[field] ?? field;

const pathWords = (path: PropertyKey[]) => path.map((part) => (typeof part === 'number' ? String(part + 1) : fieldName(String(part)))).join(' ');

/** Turns a zod failure into one sentence a person can act on. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${pathWords(issue.path)}: ${issue.message}` : issue.message))
    .join('; ');
}

export function newId(): string {
  return crypto.randomUUID();
}
