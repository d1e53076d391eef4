// What was typed in the popup and not saved yet survives the popup closing. The browser closes
// the popup the moment it loses focus (a click on the page to copy a line, a switch of window),
// so without this a half-written note is gone. Kept in extension storage on this device, one entry
// per person or page, until it is saved, given up (Cancel, Escape twice), or two weeks old.
import * as z from 'zod/mini';
import { ContactDraft } from './contact-draft';
import { InteractionDraft } from './interaction-draft';
import { EpochMs, Id, type Person } from './model';

const PREFIX = 'typed:';
export const KEEP_TYPED_MS = 14 * 86_400_000;

export const Typed = z.object({
  at: EpochMs,
  /** The contact form: a new person's, or a saved card's edit form. */
  contact: z.optional(ContactDraft),
  /** The saved card as the edit form showed it when editing began: edits are kept over a card changed since. */
  base: z.optional(ContactDraft),
  /** The "Log interaction" form of a saved card. */
  log: z.optional(InteractionDraft),
  /**
   * The saved contact whose card the forms were typed on. A card with no person on the page is
   * kept under the page's address, as a new person's form is: this tells the two apart. Absent
   * in entries kept before it was recorded.
   */
  contactId: z.optional(Id),
  /**
   * The id the log is being saved under, kept before the save starts (as a new person's contact
   * id is, in `contactId`): a popup closed as that save commits finds it saved and does not bring
   * the form back to be saved twice.
   */
  loggedAs: z.optional(Id),
});
export type Typed = z.infer<typeof Typed>;

/**
 * Whose form it is: a person by their profile link or first email, as saved cards are matched;
 * a person with neither, or a page with nobody read, by the page's address, without the place
 * on it (`#team`) a link on the page may have added since.
 */
export function typedKey(person: Person | undefined, pageUrl: string | undefined): string {
  if (person?.profileUrl) return person.profileUrl;
  if (person?.emails[0]) return `mailto:${person.emails[0]}`;
  const page = pageUrl?.split('#')[0] ?? 'no page';
  return person ? `${page} ${person.name}` : page;
}

/**
 * A kept contact form shown as a new person's: an edit kept for a card since deleted, or kept
 * before entries said whose card it was, has no follow-up to move.
 */
export function asNewPersonDraft(draft: ContactDraft): ContactDraft {
  return { ...draft, followUpId: undefined };
}

/** Every kept entry younger than two weeks, by key; older and unreadable ones are removed. */
export async function loadTyped(now: number): Promise<Map<string, Typed>> {
  const stored = await browser.storage.local.get(null);
  const kept = new Map<string, Typed>();
  const stale: string[] = [];
  for (const [storageKey, value] of Object.entries(stored)) {
    if (!storageKey.startsWith(PREFIX)) continue;
    const parsed = Typed.safeParse(value);
    if (parsed.success && now - parsed.data.at < KEEP_TYPED_MS) kept.set(storageKey.slice(PREFIX.length), parsed.data);
    else stale.push(storageKey);
  }
  if (stale.length) await browser.storage.local.remove(stale);
  return kept;
}

/** Keep what is typed under `key`, or forget the entry when nothing is. */
export async function keepTyped(key: string, typed: Omit<Typed, 'at'>, now: number): Promise<void> {
  if (!typed.contact && !typed.log) return forgetTyped(key);
  await browser.storage.local.set({ [PREFIX + key]: { ...typed, at: now } });
}

export async function forgetTyped(key: string): Promise<void> {
  await browser.storage.local.remove(PREFIX + key);
}
