// The only definition of Kith's records. The zod schemas are the types: every write to the
// database and every value that crosses a message boundary is parsed by one of these first, so
// what is stored is always capped, cleaned and well-typed.
import { z } from 'zod';
import { canonicalProfileUrl } from './profile-url';
import { cleanLine, cleanMultiline, normalizeEmail, safeHttpUrl } from './text';

export const LIMITS = {
  name: 200,
  title: 300,
  company: 200,
  location: 200,
  notes: 20_000,
  email: 254,
  phone: 64,
  address: 500,
  tag: 60,
  summary: 5_000,
  reminderNote: 1_000,
  listItems: 50,
} as const;

/** One line of text, cleaned and capped; never fails on a string. */
export const line = (max: number) => z.string().transform((s) => cleanLine(s, max));
/** Text with line breaks, cleaned and capped. */
export const multiline = (max: number) => z.string().transform((s) => cleanMultiline(s, max));

export const Id = z.string().min(1).max(100);
export const EpochMs = z.number().int().min(0).max(8.64e15);

export const HttpUrl = z.string().transform((s, ctx) => {
  const url = safeHttpUrl(s);
  if (!url) {
    ctx.addIssue({ code: 'custom', message: 'Only http(s) links are kept' });
    return z.NEVER;
  }
  return url;
});

export const ProfileUrl = z.string().transform((s, ctx) => {
  const url = canonicalProfileUrl(s);
  if (!url) {
    ctx.addIssue({ code: 'custom', message: 'A profile link must be an http(s) URL' });
    return z.NEVER;
  }
  return url;
});

export const Email = z.string().transform((s, ctx) => {
  const email = normalizeEmail(s);
  if (!email) {
    ctx.addIssue({ code: 'custom', message: `Not an email address: ${cleanLine(s, 80)}` });
    return z.NEVER;
  }
  return email;
});

/** Sorted, de-duplicated, capped: lists compare equal whatever order they were built in. */
const uniqueList = <T extends z.ZodType<string>>(item: T) =>
  z
    .array(item)
    .default([])
    .transform((items) => [...new Set(items.filter((s) => s !== ''))].slice(0, LIMITS.listItems));

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

export const CAPTURE_SOURCES = [
  'linkedin',
  'gmail',
  'outlook',
  'json-ld',
  'h-card',
  'open-graph',
  'mailto',
  'signature',
  'selection',
  'link',
  'import',
  'manual',
] as const;
export const CaptureSource = z.enum(CAPTURE_SOURCES);
export type CaptureSource = z.infer<typeof CaptureSource>;

/** Where and when a capture of this contact came from. */
export const Source = z.object({
  kind: CaptureSource,
  url: HttpUrl.optional(),
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

export const Contact = z.object({
  id: Id,
  name: line(LIMITS.name).pipe(z.string().min(1, 'A contact needs a name')),
  title: line(LIMITS.title).default(''),
  company: line(LIMITS.company).default(''),
  location: line(LIMITS.location).default(''),
  emails: uniqueList(Email),
  phones: uniqueList(line(LIMITS.phone)),
  addresses: uniqueList(line(LIMITS.address)),
  profileUrl: ProfileUrl.optional(),
  photoUrl: HttpUrl.optional(),
  relationship: Relationship.default('other'),
  orgRoles: z.array(OrgRole).default([]),
  warmth: Warmth.default('cold'),
  canHelpWith: z.array(HelpKind).default([]),
  referredBy: Id.optional(),
  tags: uniqueList(line(LIMITS.tag)),
  notes: multiline(LIMITS.notes).default(''),
  /** Keep-in-touch cadence; absent means the default from settings. */
  cadenceDays: z.number().int().min(1).max(3650).optional(),
  sources: z.array(Source).max(100).default([]),
  history: z.array(FieldChange).max(200).default([]),
  createdAt: EpochMs,
  updatedAt: EpochMs,
  lastInteractionAt: EpochMs.optional(),
});
export type Contact = z.infer<typeof Contact>;
/** What a caller hands in: the schema fills defaults and cleans. */
export type ContactInput = z.input<typeof Contact>;

export const CHANNELS = ['email', 'meeting', 'call', 'message', 'event', 'social', 'other'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

export const Interaction = z.object({
  id: Id,
  contactId: Id,
  at: EpochMs,
  channel: Channel.default('other'),
  summary: multiline(LIMITS.summary).default(''),
  received: z.array(HelpKind).default([]),
  gave: z.array(HelpKind).default([]),
  link: HttpUrl.optional(),
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
  note: multiline(LIMITS.reminderNote).default(''),
  doneAt: EpochMs.optional(),
  snoozedUntil: EpochMs.optional(),
  createdAt: EpochMs,
});
export type Reminder = z.infer<typeof Reminder>;
export type ReminderInput = z.input<typeof Reminder>;

/** A field of a captured person and which signal answered it, e.g. `linkedin:json-ld`. */
export const PERSON_FIELDS = ['name', 'title', 'company', 'location', 'emails', 'phones', 'profileUrl', 'photoUrl'] as const;
export const PersonField = z.enum(PERSON_FIELDS);
export type PersonField = z.infer<typeof PersonField>;

/** An email message the person appeared in, kept so the popup can log it as an interaction. */
export const MessageRef = z.object({
  subject: line(LIMITS.title).default(''),
  at: EpochMs.optional(),
  link: HttpUrl.optional(),
});
export type MessageRef = z.infer<typeof MessageRef>;

/** A person found on a page: what extractors produce and what content scripts send. */
export const Person = z.object({
  name: line(LIMITS.name).pipe(z.string().min(1, 'A person needs a name')),
  title: line(LIMITS.title).optional(),
  company: line(LIMITS.company).optional(),
  location: line(LIMITS.location).optional(),
  emails: uniqueList(Email),
  phones: uniqueList(line(LIMITS.phone)).optional(),
  profileUrl: ProfileUrl.optional(),
  photoUrl: HttpUrl.optional(),
  source: CaptureSource,
  /** Which signal answered each field, for capture health and debugging redesigns. */
  fieldSources: z.partialRecord(PersonField, line(100)).default({}),
  /** In an email thread: how this person took part. */
  role: z.enum(['sender', 'recipient']).optional(),
  message: MessageRef.optional(),
});
export type Person = z.infer<typeof Person>;
export type PersonInput = z.input<typeof Person>;

/** What capture found on one page. `expected` marks pages that should hold a person. */
export const PageCapture = z.object({
  url: HttpUrl,
  expected: z.boolean(),
  people: z.array(Person).max(100),
});
export type PageCapture = z.infer<typeof PageCapture>;

export const Settings = z.object({
  defaultCadenceDays: z.number().int().min(1).max(3650).default(90),
  notifications: z.boolean().default(true),
  weeklyGoal: z.number().int().min(0).max(100).default(3),
  /** Companies the user wants to work at. */
  targets: uniqueList(line(LIMITS.company)),
});
export type Settings = z.infer<typeof Settings>;

/** Turns a zod failure into one sentence a person can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function newId(): string {
  return crypto.randomUUID();
}
