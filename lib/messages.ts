// The one message protocol between content scripts, popup, dashboard and background. Every
// message is `{ type, payload }`; the receiver checks who sent it and parses the payload with
// the schema below before any handler sees it. Anything else is refused. Content scripts import
// this module but use none of its schemas (answerEmptyRequest): they load on every page of their
// site, and only what they use is bundled into them.
import type { Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { Id, PageCapture } from './capture-model';

type Sender = Browser.runtime.MessageSender;

export const REQUESTS = {
  /** Popup → content script: what person(s) does this page show? */
  'capture:get': z.strictObject({}),
  /**
   * Extension page → background (and the other pages): the database changed; recompute badge
   * and scheduler. `contacts`: the only contacts written, with their interactions and reminders,
   * when the writer knows them, so an open dashboard need not read every contact again.
   */
  'data:changed': z.strictObject({ contacts: z.optional(z.array(Id)) }),
  /** Extension page → background: open a contact in the dashboard. */
  'contact:open': z.strictObject({ contactId: Id }),
} as const;

export type MessageType = keyof typeof REQUESTS;

/**
 * What each message is answered with, apart from the requests: only senders parse answers, and
 * a content script, which only receives, then leaves these out of its bundle. Building
 * PageCapture's schemas cost each LinkedIn, Gmail and Outlook page ~2 ms as the script loaded.
 */
const RESPONSES = {
  'capture:get': PageCapture,
  'data:changed': z.object({ due: z.number() }),
  'contact:open': z.object({}),
} as const satisfies Record<MessageType, z.ZodMiniType>;

export type RequestOf<T extends MessageType> = z.input<(typeof REQUESTS)[T]>;
export type ResponseOf<T extends MessageType> = z.infer<(typeof RESPONSES)[T]>;
/** What a handler answers: the response before the sender's parse (a capture's raw candidates). */
type AnswerOf<T extends MessageType> = z.input<(typeof RESPONSES)[T]>;

// Exactly `{ type, payload }`: a message with anything else on it did not come from sendMessage.
const Envelope = z.strictObject({ type: /* @__PURE__ */ z.string().check(z.maxLength(100)), payload: z.unknown() });
const Reply = z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: z.string() })]);
type Reply = z.infer<typeof Reply>;

/** The receiver answered, but with a refusal, an error or nothing valid; no answer at all is the browser's error. */
export class MessageError extends Error {}

/** Nothing came back: no one answered (the worker stopped while it handled the message, say). */
class NoAnswer extends MessageError {}

async function unwrap<T extends MessageType>(type: T, reply: unknown): Promise<ResponseOf<T>> {
  const parsed = Reply.safeParse(reply);
  if (!parsed.success) throw new (reply === undefined ? NoAnswer : MessageError)(`No valid answer to ${type}`);
  if (!parsed.data.ok) throw new MessageError(parsed.data.error);
  const value = RESPONSES[type].safeParse(parsed.data.value);
  if (!value.success) throw new MessageError(`Malformed answer to ${type}`);
  return value.data as ResponseOf<T>;
}

/** Send to the background (or any extension page listening). */
export async function sendMessage<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  return unwrap(type, await browser.runtime.sendMessage({ type, payload }));
}

const changedPayload = (contacts?: readonly string[]): RequestOf<'data:changed'> => (contacts ? { contacts: [...contacts] } : {});

/**
 * From an extension page, after a write: tell the worker (it answers with the count now due) and
 * the other pages. `contacts`: the only ones written, when known.
 */
export async function tellDataChanged(contacts?: readonly string[]): Promise<ResponseOf<'data:changed'>> {
  // The browser may stop the worker while it handles this, and nothing else would wake it before
  // its next alarm, the badge wrong until then: asked again, a fresh worker starts and answers.
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendMessage('data:changed', changedPayload(contacts));
    } catch (error) {
      const refused = error instanceof MessageError && !(error instanceof NoAnswer);
      if (refused || attempt === DATA_CHANGED_ATTEMPTS) throw error;
      await new Promise((wait) => setTimeout(wait, 100 * attempt));
    }
  }
}

const DATA_CHANGED_ATTEMPTS = 3;

/** Send to the content script in a tab's top frame. */
export async function sendToTab<T extends MessageType>(
  tabId: number,
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  return unwrap(type, await browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 }));
}

/** A sender that is one of Kith's own extension pages (popup, dashboard), not a web page. */
export function isExtensionPage(sender: Sender): boolean {
  const origin = browser.runtime.getURL('/');
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(origin);
}

/**
 * Call `changed` each time another of Kith's pages, or the worker, says the database changed: a
 * page kept open (the dashboard) then shows what the popup or a right-click saved; `contacts`
 * as the writer gave them, else undefined (anything may have changed). It never answers, so a
 * page's `data:changed` still gets the worker's answer. Returns a way to stop.
 */
export function onDataChangedElsewhere(changed: (contacts?: readonly string[]) => void): () => void {
  const listener = (message: unknown, sender: Sender): undefined => {
    const envelope = Envelope.safeParse(message);
    if (!envelope.success || envelope.data.type !== 'data:changed' || !isExtensionPage(sender)) return undefined;
    const payload = REQUESTS['data:changed'].safeParse(envelope.data.payload);
    changed(payload.success ? payload.data.contacts : undefined);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/**
 * From the worker, after a write of its own: tell the open pages, as a page tells the worker.
 * The worker does not hear its own messages, and pages do not answer this one, so there is no
 * answer to wait for; with no page open there is no one to tell.
 */
export function tellPagesDataChanged(contacts?: readonly string[]): void {
  const message: { type: MessageType; payload: RequestOf<'data:changed'> } = { type: 'data:changed', payload: changedPayload(contacts) };
  browser.runtime.sendMessage(message).catch(() => undefined);
}

export type Handlers = {
  [T in MessageType]?: (payload: z.infer<(typeof REQUESTS)[T]>, sender: Sender) => Promise<AnswerOf<T>>;
};

/**
 * Handle the given message types from senders that `accept` allows. Returns the listener so
 * tests can call it directly. Messages of other types are left to other listeners.
 */
export function handleMessages(handlers: Handlers, accept: (sender: Sender) => boolean) {
  const listener = (message: unknown, sender: Sender): Promise<Reply> | undefined => {
    const envelope = Envelope.safeParse(message);
    if (!envelope.success || !Object.hasOwn(handlers, envelope.data.type)) return undefined;
    const type = envelope.data.type as MessageType;
    if (!accept(sender)) return refuse('Refused: unexpected sender');
    const payload = REQUESTS[type].safeParse(envelope.data.payload);
    if (!payload.success) return refuse(`Refused: malformed ${type}`);
    const handler = handlers[type] as (p: unknown, s: Sender) => Promise<unknown>;
    return reply(handler(payload.data, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return listener;
}

/** The requests that carry nothing: their payload's schema is an empty strict object. */
type EmptyRequestType = { [T in MessageType]: {} extends RequestOf<T> ? T : never }[MessageType];

/**
 * handleMessages for a single request that carries nothing, as a content script answers one.
 * Such a request is valid when it is exactly `{ type, payload: {} }`, which a plain check tells
 * as its schema would: the script then carries none of zod, and loads on each page of its site
 * ~1 ms sooner and small enough for V8 to compile it whole as it loads (BENCHMARKS.md).
 */
export function answerEmptyRequest<T extends EmptyRequestType>(
  type: T,
  answer: () => AnswerOf<T>,
  accept: (sender: Sender) => boolean,
) {
  const listener = (message: unknown, sender: Sender): Promise<Reply> | undefined => {
    if (!isRecord(message) || message.type !== type) return undefined;
    if (!accept(sender)) return refuse('Refused: unexpected sender');
    if (!hasKeys(message, ['type', 'payload']) || !isRecord(message.payload) || !hasKeys(message.payload, [])) {
      return refuse(`Refused: malformed ${type}`);
    }
    // Read within the listener's call, so a trace of the ask holds the read; a throw becomes the
    // reply's error.
    return reply(new Promise((resolve) => resolve(answer())));
  };
  browser.runtime.onMessage.addListener(listener);
  return listener;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const hasKeys = (record: Record<string, unknown>, keys: string[]) =>
  Object.keys(record).length === keys.length && keys.every((key) => Object.hasOwn(record, key));

const refuse = (error: string): Promise<Reply> => Promise.resolve({ ok: false, error });

function reply(answer: Promise<unknown>): Promise<Reply> {
  return answer.then(
    (value): Reply => ({ ok: true, value }),
    (error: unknown): Reply => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
}
