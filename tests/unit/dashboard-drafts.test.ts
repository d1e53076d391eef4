import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { emptyDraft } from '@/lib/contact-draft';
import { type TypedOnContactPage, openDashboardDrafts } from '@/lib/dashboard-drafts';
import { interactionDraft } from '@/lib/interaction-draft';
import { KEEP_TYPED_MS } from '@/lib/typed-drafts';

const NOW = Date.UTC(2026, 10, 26, 9);

/** The Web Locks the open dashboards hold: one per dashboard while it lives. */
const held = new Set<string>();

beforeEach(() => {
  fakeBrowser.reset();
  held.clear();
  vi.stubGlobal('navigator', {
    locks: {
      request: (name: string, hold: () => Promise<never>) => {
        held.add(name);
        return hold();
      },
      query: async () => ({ held: [...held].map((name) => ({ name })) }),
    },
  });
});

const typed = (notes: string): TypedOnContactPage => {
  const details = { phones: '', addresses: '', profileUrl: '' };
  return {
    draft: { ...emptyDraft(), name: 'Ada Quinlan', notes },
    details,
    log: interactionDraft(NOW),
    reminder: { kind: 'follow-up', date: '2026-11-26', note: '' },
    shown: { draft: { ...emptyDraft(), name: 'Ada Quinlan' }, details },
  };
};

const storedKeys = async () => Object.keys(await fakeBrowser.storage.local.get(null)).sort();

describe('a dashboard’s typing in storage', () => {
  it('is kept as typed, forgotten once saved, and given up when the dashboard closes on purpose', async () => {
    const drafts = await openDashboardDrafts(() => NOW);
    expect(drafts.restored.size).toBe(0);
    await drafts.keep('ada', typed('Half a note'));
    await drafts.keep('bo', typed('Another'));
    expect(await storedKeys()).toHaveLength(2);
    await drafts.keep('bo', undefined);
    expect(await storedKeys()).toEqual([expect.stringMatching(/^typed-page:.*:ada$/)]);
    drafts.giveUp();
    await vi.waitFor(async () => expect(await storedKeys()).toEqual([]));
  });

  it('is taken over by the next dashboard once the one that kept it is gone without closing', async () => {
    const crashed = await openDashboardDrafts(() => NOW);
    await crashed.keep('ada', typed('Half a note'));
    // An id another program gave, with a colon in it.
    await crashed.keep('ext:42', typed('On the imported one'));
    held.clear();
    const next = await openDashboardDrafts(() => NOW + 60_000);
    expect(next.restored.get('ada')?.draft.notes).toBe('Half a note');
    expect(next.restored.get('ext:42')?.draft.notes).toBe('On the imported one');
    // Now the new dashboard's: an entry each, under its id.
    const keys = await storedKeys();
    expect(keys).toHaveLength(2);
    next.giveUp();
    await vi.waitFor(async () => expect(await storedKeys()).toEqual([]));
  });

  it('typed on one contact in two dashboards that died, comes back in two dashboards, the later typing first', async () => {
    await fakeBrowser.storage.local.set({
      'typed-page:dead-1:ada': { at: NOW - 60_000, typed: typed('Typed earlier') },
      'typed-page:dead-2:ada': { at: NOW, typed: typed('Typed later') },
    });
    const next = await openDashboardDrafts(() => NOW + 60_000);
    expect(next.restored.get('ada')?.draft.notes).toBe('Typed later');
    const another = await openDashboardDrafts(() => NOW + 60_000);
    expect(another.restored.get('ada')?.draft.notes).toBe('Typed earlier');
    expect(await storedKeys()).toHaveLength(2);
  });

  it('is left to a dashboard still open, and dropped when two weeks old or unreadable', async () => {
    const open = await openDashboardDrafts(() => NOW);
    await open.keep('ada', typed('Typed in the other tab'));
    await fakeBrowser.storage.local.set({
      'typed-page:gone-1:bo': { at: NOW - KEEP_TYPED_MS - 1, typed: typed('Old') },
      'typed-page:gone-2:cy': { at: NOW, typed: { draft: 'not a form' } },
      settings: { weeklyGoal: 3 },
    });
    const beside = await openDashboardDrafts(() => NOW);
    expect([...beside.restored.keys()]).toEqual([]);
    expect(await storedKeys()).toEqual(['settings', expect.stringMatching(/^typed-page:.*:ada$/)]);
  });
});
