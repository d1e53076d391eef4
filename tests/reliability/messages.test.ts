// Forged runtime messages (issue 8, cases 3 and 5): the worker and the content scripts' listeners
// answer only Kith's own pages, only the protocol's types, only well-formed payloads; everything
// else is refused with nothing done, and no message can pollute Object.prototype.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type KithDB, listContacts, openKithDb, readEverything } from '@/lib/db';
import { putContact } from '../records';
import { handleMessages, isExtensionPage } from '@/lib/messages';
import { Settings } from '@/lib/model';
import { startWorker } from '@/lib/worker';

const NOW = Date.UTC(2026, 10, 22, 9);
const ORIGIN = 'chrome-extension://test-extension-id';

const senders = {
  popup: { id: 'test-extension-id', url: `${ORIGIN}/popup.html` },
  // Kith's own content script on a LinkedIn tab: a page could be behind it, so it is not trusted.
  contentScript: { id: 'test-extension-id', url: 'https://www.linkedin.com/in/x/', tab: { id: 3 } as never, frameId: 0 },
  subFrame: { id: 'test-extension-id', url: 'https://evil.example/frame', tab: { id: 3 } as never, frameId: 7 },
  otherExtension: { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' },
  lookalikeOrigin: { id: 'test-extension-id', url: 'chrome-extension://test-extension-id.evil.example/popup.html' },
  webPage: { url: 'https://evil.example/', origin: 'https://evil.example' },
};

const forgedTypes = [
  { type: 'delete-all', payload: {} },
  { type: 'export', payload: {} },
  { type: 'import', payload: { contacts: [] } },
  { type: 'toString', payload: {} },
  { type: '__proto__', payload: {} },
  { type: 'constructor', payload: {} },
  { type: 'hasOwnProperty', payload: {} },
];

const malformed: unknown[] = [
  undefined,
  null,
  'data:changed',
  42,
  [],
  { type: 'data:changed' },
  { type: 'data:changed', payload: { extra: true } },
  { type: 'data:changed', payload: null },
  { type: 'contact:open', payload: {} },
  { type: 'contact:open', payload: { contactId: 42 } },
  { type: 'contact:open', payload: { contactId: 'x'.repeat(10_000) } },
  { type: 'x'.repeat(200_000), payload: {} },
  JSON.parse('{"type":"data:changed","payload":{"__proto__":{"polluted":"yes"}}}'),
  JSON.parse('{"type":"contact:open","payload":{"contactId":"c1","__proto__":{"polluted":"yes"}}}'),
  JSON.parse('{"__proto__":{"polluted":"yes"},"type":"data:changed","payload":{}}'),
  JSON.parse('{"type":"data:changed","payload":{"constructor":{"prototype":{"polluted":"yes"}}}}'),
];

afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

describe("a content script's capture:get", () => {
  it('answers only Kith’s extension pages, and only a well-formed request', async () => {
    const capture = vi.fn(async () => ({ url: 'https://www.linkedin.com/in/x/', expected: true, people: [] }));
    const listener = handleMessages({ 'capture:get': capture }, isExtensionPage);
    for (const sender of [senders.contentScript, senders.subFrame, senders.otherExtension, senders.lookalikeOrigin, senders.webPage]) {
      expect(await listener({ type: 'capture:get', payload: {} }, sender)).toEqual({ ok: false, error: 'Refused: unexpected sender' });
    }
    expect(await listener({ type: 'capture:get', payload: { selector: 'body' } }, senders.popup)).toEqual({
      ok: false,
      error: 'Refused: malformed capture:get',
    });
    expect(capture).not.toHaveBeenCalled();
    expect(await listener({ type: 'capture:get', payload: {} }, senders.popup)).toMatchObject({ ok: true });
    expect(capture).toHaveBeenCalledOnce();
  });
});

describe('the background worker', () => {
  let db: KithDB;
  beforeEach(async () => {
    fakeBrowser.reset();
    Object.assign(fakeBrowser.contextMenus, {
      create: vi.fn(),
      removeAll: vi.fn(async () => undefined),
      onClicked: { addListener: vi.fn() },
    });
    globalThis.indexedDB = new IDBFactory();
    db = await openKithDb(`kith-messages-${Math.random()}`);
    await putContact(db, { id: 'c1', name: 'Ada Quinlan', createdAt: NOW, updatedAt: NOW });
    startWorker({
      openDb: async () => db,
      now: () => NOW,
      loadSettings: async () => Settings.parse({}),
      timeZone: () => 'UTC',
      captureTab: async () => undefined,
      linkTextOf: async () => '',
      selectionTextOf: async () => '',
    });
  });

  const send = async (message: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(message, sender)).filter((r) => r !== undefined);

  it('refuses every sender but Kith’s own pages, and does nothing for them', async () => {
    const before = await readEverything(db);
    const tabs = await fakeBrowser.tabs.query({});
    for (const sender of [senders.contentScript, senders.subFrame, senders.otherExtension, senders.lookalikeOrigin, senders.webPage]) {
      expect(await send({ type: 'contact:open', payload: { contactId: 'c1' } }, sender)).toEqual([{ ok: false, error: 'Refused: unexpected sender' }]);
      expect(await send({ type: 'data:changed', payload: {} }, sender)).toEqual([{ ok: false, error: 'Refused: unexpected sender' }]);
    }
    expect(await fakeBrowser.tabs.query({})).toEqual(tabs);
    expect(await readEverything(db)).toEqual(before);
  });

  it('ignores types outside the protocol (delete everything, export), even from its own pages', async () => {
    const before = await readEverything(db);
    for (const message of forgedTypes) {
      for (const sender of [senders.popup, senders.contentScript, senders.webPage]) expect(await send(message, sender)).toEqual([]);
    }
    expect(await readEverything(db)).toEqual(before);
    expect(await listContacts(db)).toHaveLength(1);
  });

  it('refuses malformed payloads from its own pages without acting or polluting prototypes', async () => {
    const before = await readEverything(db);
    const tabs = await fakeBrowser.tabs.query({});
    for (const message of malformed) {
      const replies = await send(message, senders.popup);
      for (const reply of replies) expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused: malformed/) });
    }
    expect(await fakeBrowser.tabs.query({})).toEqual(tabs);
    expect(await readEverything(db)).toEqual(before);
    // The well-formed request still works after all that.
    expect(await send({ type: 'data:changed', payload: {} }, senders.popup)).toEqual([{ ok: true, value: { due: 0 } }]);
  });
});
