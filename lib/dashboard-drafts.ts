// What was typed on a dashboard's contact pages and not saved survives the browser crashing or
// being killed. Each open dashboard keeps its typing in extension storage as it goes, under an id
// of its own that it holds a Web Lock on while it lives. A dashboard closed on purpose (the
// browser asks first, over unsaved typing) gives its entries up; one that died never could, so
// its lock is gone and its entries are left: the next dashboard to open takes them over and shows
// them again. Typing in a dashboard still open elsewhere is not taken.
import * as z from 'zod/mini';
import { ContactDraft } from './contact-draft';
import { InteractionDraft } from './interaction-draft';
import { EpochMs, Interaction } from './model';
import { KEEP_TYPED_MS } from './typed-drafts';

const PREFIX = 'typed-page:';
const LOCK_PREFIX = 'kith-dashboard:';

const DetailsDraft = z.object({ phones: z.string(), addresses: z.string(), profileUrl: z.string() });

/** A contact page's forms as typed, with what they showed before the typing. */
export const TypedOnContactPage = z.object({
  draft: ContactDraft,
  details: DetailsDraft,
  log: InteractionDraft,
  /** A logged interaction open for correcting, and what the log form held for a new one before. */
  correcting: z.optional(z.object({ interaction: Interaction, typed: InteractionDraft })),
  reminder: z.object({ kind: z.enum(['follow-up', 'thank-you', 'promise']), date: z.string(), note: z.string() }),
  shown: z.object({ draft: ContactDraft, details: DetailsDraft }),
  /** Fields saved elsewhere since they were typed in, with what is saved (SavedElsewhere's notice). */
  overwrites: z.optional(z.record(z.string(), z.object({ label: z.string(), saved: z.string() }))),
});
export type TypedOnContactPage = z.infer<typeof TypedOnContactPage>;

const Kept = z.object({ at: EpochMs, typed: TypedOnContactPage });

/** One open dashboard's typing in storage. */
export type DashboardDrafts = {
  /** What dashboards that died had kept, by contact id: now this one's. */
  restored: ReadonlyMap<string, TypedOnContactPage>;
  /** Keep what is typed on a contact's page, or forget it (`undefined`). */
  keep: (contactId: string, typed: TypedOnContactPage | undefined) => Promise<void>;
  /** This dashboard is closing on purpose: its typing is given up. */
  giveUp: () => void;
};

/** Hold a lock named for a new id while this page lives; resolves with the id once it is held. */
function holdLockForLife(): Promise<string> {
  const id = crypto.randomUUID();
  return new Promise((held) => {
    void navigator.locks.request(LOCK_PREFIX + id, () => {
      held(id);
      return new Promise<never>(() => {});
    });
  });
}

export async function openDashboardDrafts(now: () => number): Promise<DashboardDrafts> {
  const openedAt = now();
  const [self, stored, locks] = await Promise.all([holdLockForLife(), browser.storage.local.get(null), navigator.locks.query()]);
  const living = new Set((locks.held ?? []).map((lock) => lock.name?.slice(LOCK_PREFIX.length)));
  const restored = new Map<string, TypedOnContactPage>();
  const takenOver: string[] = [];
  const left: { key: string; contactId: string; at: number; typed: TypedOnContactPage }[] = [];
  for (const [key, value] of Object.entries(stored)) {
    if (!key.startsWith(PREFIX)) continue;
    // The owner's id has no colon; a contact's may ("ext:42", from another program).
    const ownerAndContact = key.slice(PREFIX.length);
    const colon = ownerAndContact.indexOf(':');
    const [owner, contactId] = colon < 0 ? [ownerAndContact, ''] : [ownerAndContact.slice(0, colon), ownerAndContact.slice(colon + 1)];
    if (living.has(owner)) continue;
    const kept = Kept.safeParse(value);
    if (kept.success && contactId && openedAt - kept.data.at < KEEP_TYPED_MS) left.push({ key, contactId, ...kept.data });
    else takenOver.push(key);
  }
  // Typed on one contact in two dashboards that died: the later typing comes back here, the
  // other stays in storage for the next dashboard to open, so neither is lost.
  for (const entry of left.sort((a, b) => b.at - a.at)) {
    if (restored.has(entry.contactId)) continue;
    restored.set(entry.contactId, entry.typed);
    takenOver.push(entry.key);
  }
  const keyOf = (contactId: string) => `${PREFIX}${self}:${contactId}`;
  // Stored as this dashboard's before the dead ones' entries go, so a crash between loses nothing.
  await browser.storage.local.set(Object.fromEntries([...restored].map(([contactId, typed]) => [keyOf(contactId), { at: openedAt, typed }])));
  if (takenOver.length) await browser.storage.local.remove(takenOver);
  const mine = new Set(restored.keys());
  return {
    restored,
    keep: async (contactId, typed) => {
      if (typed) {
        mine.add(contactId);
        await browser.storage.local.set({ [keyOf(contactId)]: { at: now(), typed } });
      } else {
        mine.delete(contactId);
        await browser.storage.local.remove(keyOf(contactId));
      }
    },
    giveUp: () => void browser.storage.local.remove([...mine].map(keyOf)).catch(() => undefined),
  };
}
