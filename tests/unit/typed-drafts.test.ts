import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { emptyDraft } from '@/lib/contact-draft';
import { interactionDraft } from '@/lib/interaction-draft';
import type { Person } from '@/lib/model';
import { KEEP_TYPED_MS, forgetTyped, keepTyped, loadTyped, typedKey } from '@/lib/typed-drafts';

const NOW = Date.UTC(2026, 10, 24, 12);
const draft = { ...emptyDraft(), name: 'Ada Quinlan', notes: 'Met at the harbour' };
const person = (fields: Partial<Person>): Person => ({ name: 'Ada Quinlan', source: 'linkedin', emails: [], phones: [], ...fields }) as Person;

describe('what was typed in the popup', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is kept per person and read back as typed', async () => {
    await keepTyped('https://www.linkedin.com/in/ada/', { contact: draft }, NOW);
    await keepTyped('mailto:leo@example.org', { log: interactionDraft(NOW) }, NOW);
    const kept = await loadTyped(NOW + 1000);
    expect(kept.get('https://www.linkedin.com/in/ada/')).toEqual({ contact: draft, at: NOW });
    expect(kept.get('mailto:leo@example.org')?.log?.channel).toBe('meeting');
    expect(kept.size).toBe(2);
  });

  it('remembers the saved card it was typed on, and still reads what was kept before it did', async () => {
    await keepTyped('https://x.test/', { contact: draft, base: emptyDraft(), contactId: 'c1' }, NOW);
    await fakeBrowser.storage.local.set({ 'typed:https://y.test/': { at: NOW, contact: draft } });
    await fakeBrowser.storage.local.set({ 'typed:https://z.test/': { at: NOW, contact: draft, contactId: '' } });
    const kept = await loadTyped(NOW);
    expect(kept.get('https://x.test/')?.contactId).toBe('c1');
    expect(kept.get('https://y.test/')).toEqual({ contact: draft, at: NOW });
    expect(kept.has('https://z.test/')).toBe(false);
  });

  it('is forgotten once nothing typed is left, or when given up', async () => {
    await keepTyped('a', { contact: draft }, NOW);
    await keepTyped('b', { contact: draft }, NOW);
    await keepTyped('a', {}, NOW);
    await forgetTyped('b');
    expect((await loadTyped(NOW)).size).toBe(0);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('is dropped after two weeks, and an unreadable entry is dropped, leaving other storage alone', async () => {
    await keepTyped('old', { contact: draft }, NOW - KEEP_TYPED_MS);
    await keepTyped('fresh', { contact: draft }, NOW - KEEP_TYPED_MS + 1);
    await fakeBrowser.storage.local.set({ 'typed:broken': { at: NOW, contact: { name: 3 } }, settings: { weeklyGoal: 5 } });
    expect([...(await loadTyped(NOW)).keys()]).toEqual(['fresh']);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(['settings', 'typed:fresh']);
  });

  it('belongs to a person by profile link, else first email, else the page and name', () => {
    expect(typedKey(person({ profileUrl: 'https://www.linkedin.com/in/ada/', emails: ['ada@example.org'] }), 'https://x.test/')).toBe(
      'https://www.linkedin.com/in/ada/',
    );
    expect(typedKey(person({ emails: ['ada@example.org'] }), 'https://x.test/')).toBe('mailto:ada@example.org');
    expect(typedKey(person({}), 'https://x.test/')).toBe('https://x.test/ Ada Quinlan');
    expect(typedKey(undefined, 'https://x.test/')).toBe('https://x.test/');
    // The page still, after a link on it took the address to a place on it.
    expect(typedKey(undefined, 'https://x.test/#team')).toBe('https://x.test/');
    expect(typedKey(person({}), 'https://x.test/#team')).toBe('https://x.test/ Ada Quinlan');
    expect(typedKey(undefined, undefined)).toBe('no page');
  });
});
