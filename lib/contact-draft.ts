// The contact form's state and how it becomes a saved contact. A draft holds exactly what the
// user sees (strings for text fields), so a failed save can keep everything that was typed.
import * as z from 'zod/mini';
import { type HeldByOther, type KithDB, saveContactDeduped, updateContact } from './db';
import {
  Contact,
  type ContactInput,
  HelpKind,
  LIMITS,
  OrgRole,
  type Person,
  Relationship,
  type Reminder,
  type Settings,
  Warmth,
  newId,
  refuseOverLimit,
  refuseTooMany,
  tagKey,
} from './model';
import { editedFields, sameField } from './form-edits';
import { joinedNotes, mayBeSamePerson, mergeContact } from './merge';
import { remindersAlongside } from './reminder-store';
import { dueTimeOf, localIsoDate, startOfLocalDay } from './reminders';
import { canonicalProfileUrl } from './profile-url';

/** The form as the user sees it; a schema too, so a draft kept in storage is checked when read back. */
export const ContactDraft = z.object({
  name: z.string(),
  title: z.string(),
  company: z.string(),
  location: z.string(),
  /** Addresses as typed, separated by commas. */
  emails: z.string(),
  relationship: Relationship,
  warmth: Warmth,
  canHelpWith: z.array(HelpKind),
  orgRoles: z.array(OrgRole),
  referredBy: z.optional(z.object({ id: z.string(), name: z.string() })),
  /** Tags as typed, separated by commas. */
  tags: z.string(),
  notes: z.string(),
  /** Days between keep-in-touch reminders; undefined follows the default in settings. */
  cadenceDays: z.optional(z.number()),
  /** `YYYY-MM-DD`, or empty for no follow-up. */
  followUp: z.string(),
  /** The open follow-up `followUp` shows, when editing a saved contact: saving moves it. */
  followUpId: z.optional(z.string()),
});
export type ContactDraft = z.infer<typeof ContactDraft>;

const EMAIL_SOURCES = new Set<Person['source']>(['gmail', 'outlook', 'mailto', 'signature']);

export function emptyDraft(): ContactDraft {
  return {
    name: '',
    title: '',
    company: '',
    location: '',
    emails: '',
    relationship: 'other',
    warmth: 'cold',
    canHelpWith: [],
    orgRoles: [],
    tags: '',
    notes: '',
    followUp: '',
  };
}

/**
 * A captured person as a first draft. Someone you are exchanging email with is a warm lead;
 * a profile you are looking at is cold until you say otherwise.
 */
export function draftFromPerson(person: Person): ContactDraft {
  return {
    ...emptyDraft(),
    name: person.name,
    title: person.title ?? '',
    company: person.company ?? '',
    location: person.location ?? '',
    emails: person.emails.join(', '),
    warmth: EMAIL_SOURCES.has(person.source) ? 'warm' : 'cold',
  };
}

/** A saved contact in the form; `followUp`: their open follow-up, shown and moved rather than added to. */
export function draftFromContact(contact: Contact, referredByName?: string, followUp?: Reminder): ContactDraft {
  return {
    name: contact.name,
    title: contact.title,
    company: contact.company,
    location: contact.location,
    emails: contact.emails.join(', '),
    relationship: contact.relationship,
    warmth: contact.warmth,
    canHelpWith: contact.canHelpWith,
    orgRoles: contact.orgRoles,
    referredBy: contact.referredBy ? { id: contact.referredBy, name: referredByName ?? 'Deleted contact' } : undefined,
    tags: contact.tags.join(', '),
    notes: contact.notes,
    cadenceDays: contact.cadenceDays,
    followUp: followUp ? localIsoDate(dueTimeOf(followUp)) : '',
    followUpId: followUp?.id,
  };
}

const splitList = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);

/** The contact fields a draft sets; the model's schema cleans and validates them on save. */
export function fieldsOfDraft(draft: ContactDraft) {
  return {
    name: draft.name,
    title: draft.title,
    company: draft.company,
    location: draft.location,
    emails: splitList(draft.emails, /[,;]/),
    relationship: draft.relationship,
    warmth: draft.warmth,
    canHelpWith: draft.canHelpWith,
    orgRoles: draft.orgRoles,
    referredBy: draft.referredBy?.id,
    tags: splitList(draft.tags, /,/),
    notes: draft.notes,
    cadenceDays: draft.cadenceDays,
  } satisfies Partial<ContactInput>;
}

/** The contact form's text fields by the labels it shows them under, which its errors start with. */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  title: 'Title',
  company: 'Company',
  location: 'Location',
  emails: 'Email',
  tags: 'Tags',
  notes: 'Notes',
  followUp: 'Follow up',
};

/**
 * The form field an error is about, by the label it starts with ("Email: …", "Not saved: Email: …"):
 * by default of `saveDraft`, among the contact form's fields.
 */
export function fieldOfError(message: string, labels: Record<string, string> = FIELD_LABELS): string | undefined {
  const said = message.replace(/^Not \w+: /, '');
  return Object.keys(labels).find((key) => said.startsWith(`${labels[key]}:`));
}

const FormFields = z.pick(Contact, { name: true, emails: true, tags: true, notes: true });

/** Refuses `fields` as `schema` would, saying so under the field's label ("Email: Not an email address"). */
function parseLabelled(schema: z.ZodMiniType, fields: object, labels: Record<string, string>): void {
  const result = schema.safeParse(fields);
  if (result.success) return;
  const [issue] = result.error.issues;
  const label = labels[String(issue.path[0])] ?? String(issue.path[0]);
  throw new Error(`${label}: ${issue.message}`);
}

/** The form's fields checked as the user sees them, with the field's label in the message. */
function checkFields(fields: ReturnType<typeof fieldsOfDraft>): void {
  for (const field of ['name', 'title', 'company', 'location'] as const) refuseOverLimit(FIELD_LABELS[field], fields[field], LIMITS[field]);
  refuseOverLimit(FIELD_LABELS.notes, fields.notes, LIMITS.notes, true);
  for (const tag of fields.tags) refuseOverLimit(FIELD_LABELS.tags, tag, LIMITS.tag);
  refuseTooMany(FIELD_LABELS.emails, fields.emails, (email) => email.toLowerCase());
  refuseTooMany(FIELD_LABELS.tags, fields.tags, tagKey);
  parseLabelled(FormFields, fields, FIELD_LABELS);
}

/** A contact page's second form, of phones, addresses and profile link, by its labels. */
export const DETAIL_LABELS: Record<string, string> = { phones: 'Phones', addresses: 'Addresses', profileUrl: 'Profile link' };
const DetailFields = z.partial(z.pick(Contact, { phones: true, addresses: true, profileUrl: true }));

/** Those details checked as the user sees them, before anything is written, with the field's label in the message. */
export function checkDetails(fields: Partial<Pick<Contact, 'phones' | 'addresses' | 'profileUrl'>>): void {
  for (const phone of fields.phones ?? []) refuseOverLimit(DETAIL_LABELS.phones, phone, LIMITS.phone);
  for (const address of fields.addresses ?? []) refuseOverLimit(DETAIL_LABELS.addresses, address, LIMITS.address);
  refuseTooMany(DETAIL_LABELS.phones, fields.phones ?? []);
  refuseTooMany(DETAIL_LABELS.addresses, fields.addresses ?? []);
  parseLabelled(DetailFields, fields, DETAIL_LABELS);
}

export type SaveDraftArgs = {
  draft: ContactDraft;
  now: number;
  /** For the keep-in-touch cadence when the contact has none of its own. */
  settings: Pick<Settings, 'defaultCadenceDays'>;
  /** The saved contact being edited in place. */
  contactId?: string;
  /**
   * With `contactId`: the form as it showed that contact before the user typed. Only the fields
   * changed from it are written, so what was saved elsewhere meanwhile (the popup, another tab,
   * a right-click) is not put back to what this form showed.
   */
  shown?: ContactDraft;
  /** The captured person the draft started from, for its links, phones and source. */
  person?: Person;
  /** The page a manual entry was made on (a profile where capture failed). */
  pageUrl?: string;
  /** A saved contact the user says this new person is, though no profile link or email found it. */
  into?: string;
  /** The id a new person is saved under, when the caller chose it first (the popup keeps it with what was typed). */
  newContactId?: string;
  /**
   * A new person's form that was an edit of a card deleted or merged away before it was saved: the
   * card as the form showed it. Folded into a contact found by its link or email (the card brought
   * back by an Undo, or the one it was merged into), what the user changed is written as an edit
   * (`editsOnto`), not only into blanks.
   */
  editedFrom?: ContactDraft;
};

type DraftFields = ReturnType<typeof fieldsOfDraft>;

/**
 * The fields the user changed from `shown` written onto `saved`: as typed where the saved field is
 * still as shown; where it has changed since (another card merged into it), notes joined and lists
 * added to, anything else as typed.
 */
function editsOnto(saved: Contact, typed: DraftFields, shown: DraftFields): Contact {
  const next: Record<string, unknown> = { ...saved };
  for (const [field, value] of Object.entries(editedFields(typed, shown))) {
    const now = next[field];
    if (sameField(now, shown[field as keyof DraftFields])) next[field] = value;
    else if (field === 'notes') next.notes = joinedNotes(saved.notes, String(value));
    else if (Array.isArray(value) && Array.isArray(now)) next[field] = [...now, ...value.filter((item) => !now.includes(item))];
    else next[field] = value;
  }
  return next as Contact;
}

/**
 * Save what the form says. Editing a saved contact replaces the fields the user changed (all of
 * those in the form when `shown` is not given); a new person is deduplicated by profile URL and email, and if they turn out to be saved
 * already (another tab got there first, or `into` names them) what was typed is folded in
 * without losing old notes; someone else who has an email typed keeps it (`mayBeSamePerson`).
 * The contact's keep-in-touch reminder follows its cadence; a follow-up date adds a follow-up
 * reminder due from the start of that local day.
 */
export async function saveDraft(
  db: KithDB,
  { draft, now, settings, contactId, shown, person, pageUrl, into, newContactId = newId(), editedFrom }: SaveDraftArgs,
): Promise<{ contact: Contact; created: boolean; heldByOthers: HeldByOther[] }> {
  const fields = fieldsOfDraft(draft);
  checkFields(fields);
  // A follow-up left as the edit form showed it is not moved: it may have been done or moved
  // elsewhere since. Cleared on an edit, the one shown is removed.
  const followUp = contactId && shown && draft.followUp === shown.followUp ? undefined : draft.followUp || (contactId ? '' : undefined);
  if (followUp) startOfLocalDay(followUp, FIELD_LABELS.followUp);
  // The contact, its keep-in-touch reminder and the follow-up are written in one transaction.
  const reminders = remindersAlongside(settings, now, followUp, draft.followUpId);
  if (contactId) {
    const changed = shown ? editedFields(fields, fieldsOfDraft(shown)) : fields;
    const contact = await updateContact(db, contactId, (saved) => ({ ...saved, ...changed, updatedAt: now }), reminders);
    return { contact, created: false, heldByOthers: [] };
  }
  const profileUrl = person?.profileUrl ?? canonicalProfileUrl(pageUrl);
  const source = { kind: person?.source ?? 'manual', url: profileUrl ?? pageUrl, at: now } as const;
  const input: ContactInput = {
    ...fields,
    id: newContactId,
    phones: person?.phones ?? [],
    profileUrl,
    photoUrl: person?.photoUrl,
    sources: [source],
    createdAt: now,
    updatedAt: now,
  };
  // A form for a new person that matches a saved one starts blank where the saved contact is
  // not: what was typed fills blanks and joins lists, and never clears what was saved.
  const foldInto = (saved: Contact): ContactInput => {
    if (editedFrom) return { ...editsOnto(saved, fields, fieldsOfDraft(editedFrom)), sources: [...saved.sources, source].slice(-100), updatedAt: now };
    const { contact } = mergeContact(saved, Contact.parse({ ...input, notes: '' }), now);
    return {
      ...contact,
      notes: joinedNotes(saved.notes, fields.notes),
      sources: [...saved.sources, source].slice(-100),
      updatedAt: now,
    };
  };
  return saveContactDeduped(db, input, foldInto, reminders, { into, samePerson: mayBeSamePerson });
}
