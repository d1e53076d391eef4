import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { answerEmptyRequest, handleMessages, isExtensionPage, onDataChangedElsewhere, tellDataChanged } from '@/lib/messages';

const extensionOrigin = () => fakeBrowser.runtime.getURL('/');
const popupSender = () => ({ id: fakeBrowser.runtime.id, url: `${extensionOrigin()}popup.html` });
const pageSender = { id: 'someone-else', url: 'https://evil.example/', tab: { id: 3 } as never, frameId: 0 };

describe('message protocol', () => {
  beforeEach(() => fakeBrowser.reset());

  it('tells the worker of a write again when it stopped before answering, but not when it refused', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    send.mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    send.mockResolvedValueOnce({ ok: true, value: { due: 1 } });
    await expect(tellDataChanged(['c1'])).resolves.toEqual({ due: 1 });
    expect(send).toHaveBeenCalledTimes(3);

    send.mockReset();
    send.mockResolvedValue({ ok: false, error: 'unexpected sender' });
    await expect(tellDataChanged()).rejects.toThrow('unexpected sender');
    expect(send).toHaveBeenCalledTimes(1);
    send.mockReset();
    send.mockResolvedValue(undefined);
    await expect(tellDataChanged()).rejects.toThrow('No valid answer to data:changed');
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('answers a valid message from an extension page', async () => {
    const onChange = vi.fn(async () => ({ due: 2 }));
    const listener = handleMessages({ 'data:changed': onChange }, isExtensionPage);
    await expect(listener({ type: 'data:changed', payload: {} }, popupSender())).resolves.toEqual({
      ok: true,
      value: { due: 2 },
    });
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('refuses a foreign sender, a sub-frame and a malformed payload, doing nothing', async () => {
    const onOpen = vi.fn(async () => ({}));
    const listener = handleMessages({ 'contact:open': onOpen }, isExtensionPage);
    await expect(listener({ type: 'contact:open', payload: { contactId: 'c1' } }, pageSender)).resolves.toMatchObject({
      ok: false,
      error: expect.stringMatching(/unexpected sender/),
    });
    await expect(
      listener({ type: 'contact:open', payload: { contactId: 'c1', deleteEverything: true } }, popupSender()),
    ).resolves.toMatchObject({ ok: false, error: expect.stringMatching(/malformed/) });
    await expect(listener({ type: 'contact:open', payload: { contactId: 42 } }, popupSender())).resolves.toMatchObject({
      ok: false,
    });
    expect(onOpen).not.toHaveBeenCalled();
  });

  it('leaves unknown types and non-envelopes to other listeners', () => {
    const listener = handleMessages({ 'data:changed': vi.fn() }, isExtensionPage);
    expect(listener({ type: 'wipe:all', payload: {} }, popupSender())).toBeUndefined();
    expect(listener({ type: '__proto__', payload: {} }, popupSender())).toBeUndefined();
    expect(listener('data:changed', popupSender())).toBeUndefined();
    expect(listener(null, popupSender())).toBeUndefined();
  });

  it('tells a page kept open of a change another page or the worker made, never answering for the worker', async () => {
    const changed = vi.fn();
    const stop = onDataChangedElsewhere(changed);
    const worker = { id: fakeBrowser.runtime.id, url: `${extensionOrigin()}background.js` };
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'data:changed', payload: {} }, popupSender())).toEqual([undefined]);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'data:changed', payload: {} }, worker);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'data:changed', payload: {} }, pageSender);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'contact:open', payload: { contactId: 'c1' } }, popupSender());
    expect(changed).toHaveBeenCalledTimes(2);
    expect(changed).toHaveBeenCalledWith(undefined);
    // The contacts written, when the writer names them; anything else on the payload names none.
    await fakeBrowser.runtime.onMessage.trigger({ type: 'data:changed', payload: { contacts: ['c1', 'c2'] } }, popupSender());
    await fakeBrowser.runtime.onMessage.trigger({ type: 'data:changed', payload: { contacts: 'c1' } }, popupSender());
    expect(changed.mock.calls.slice(2)).toEqual([[['c1', 'c2']], [undefined]]);
    stop();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'data:changed', payload: {} }, popupSender());
    expect(changed).toHaveBeenCalledTimes(4);
  });

  describe('a request that carries nothing, as a content script answers it', () => {
    it('answers exactly { type, payload: {} } from an extension page, reading within the call', async () => {
      const capture = { url: 'https://example.com/', expected: false, people: [] };
      const answer = vi.fn(() => capture);
      const listener = answerEmptyRequest('capture:get', answer, isExtensionPage);
      const replied = listener({ type: 'capture:get', payload: {} }, popupSender());
      // Within the listener's call, not in a microtask after it.
      expect(answer).toHaveBeenCalledOnce();
      await expect(replied).resolves.toEqual({ ok: true, value: capture });
    });

    it('refuses a foreign sender and anything but an empty payload, reading nothing', async () => {
      const answer = vi.fn(() => ({ url: 'https://example.com/', expected: false, people: [] }));
      const listener = answerEmptyRequest('capture:get', answer, isExtensionPage);
      await expect(listener({ type: 'capture:get', payload: {} }, pageSender)).resolves.toEqual({ ok: false, error: 'Refused: unexpected sender' });
      for (const malformed of [
        { type: 'capture:get', payload: { everything: true } },
        { type: 'capture:get', payload: [] },
        { type: 'capture:get', payload: null },
        { type: 'capture:get' },
        { type: 'capture:get', payload: {}, extra: 1 },
      ]) {
        await expect(listener(malformed, popupSender()), JSON.stringify(malformed)).resolves.toEqual({ ok: false, error: 'Refused: malformed capture:get' });
      }
      expect(answer).not.toHaveBeenCalled();
    });

    it('answers a failed read with its error, and leaves other messages to other listeners', async () => {
      const pageGone = () => {
        throw new Error('page gone');
      };
      const listener = answerEmptyRequest('capture:get', pageGone, isExtensionPage);
      await expect(listener({ type: 'capture:get', payload: {} }, popupSender())).resolves.toEqual({ ok: false, error: 'page gone' });
      expect(listener({ type: 'data:changed', payload: {} }, popupSender())).toBeUndefined();
      expect(listener('capture:get', popupSender())).toBeUndefined();
      expect(listener(null, popupSender())).toBeUndefined();
    });
  });

  it('does not take Kith\'s own content script for an extension page', () => {
    expect(isExtensionPage({ id: fakeBrowser.runtime.id, url: 'https://www.linkedin.com/in/x/', tab: { id: 1 } as never, frameId: 0 })).toBe(false);
  });
});
