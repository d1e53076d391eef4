// The one message protocol between content scripts, popup, dashboard and background. Every
// message is `{ type, payload }`; the receiver checks who sent it and parses the payload with
// the schema below before any handler sees it. Anything else is refused. Content scripts use
// this module too, so its schemas are zod/mini (see lib/capture-model.ts): add new ones the
// same way; importing lib/model.ts here would put every record's schema in every content script.
import type { Browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { Id, PageCapture } from './capture-model';

type Sender = Browser.runtime.MessageSender;

export const REQUESTS = {
  /** Popup → content script: what person(s) does this page show? */
  'capture:get': z.strictObject({}),
  /** Extension page → background: the database changed; recompute badge and scheduler. */
  'data:changed': z.strictObject({}),
  /** Extension page → background: open a contact in the dashboard. */
  'contact:open': z.strictObject({ contactId: Id }),
} as const;

export type MessageType = keyof typeof REQUESTS;

/**
 * What each message is answered with, apart from the requests: only senders parse answers, and
 * a content script, which only receives, then leaves these out of its bundle. Building
 * PageCapture's schemas cost each LinkedIn, Gmail and Outlook page ~2.5 ms as the script loaded.
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
const Envelope = z.strictObject({ type: z.string().check(z.maxLength(100)), payload: z.unknown() });
const Reply = z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: z.string() })]);
type Reply = z.infer<typeof Reply>;

export class MessageError extends Error {}

async function unwrap<T extends MessageType>(type: T, reply: unknown): Promise<ResponseOf<T>> {
  const parsed = Reply.safeParse(reply);
  if (!parsed.success) throw new MessageError(`No valid answer to ${type}`);
  if (!parsed.data.ok) throw new MessageError(parsed.data.error);
  return RESPONSES[type].parse(parsed.data.value) as ResponseOf<T>;
}

/** Send to the background (or any extension page listening). */
export async function sendMessage<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  return unwrap(type, await browser.runtime.sendMessage({ type, payload }));
}

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
 * Parse a message as a listener would, answering nothing. zod builds its parsers on first use, so
 * a content script does this while the page is idle rather than when the popup asks.
 */
export function warmUpParsing<T extends MessageType>(type: T, payload: RequestOf<T>): void {
  const envelope = Envelope.safeParse({ type, payload });
  if (envelope.success) REQUESTS[type].safeParse(envelope.data.payload);
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
    if (!accept(sender)) return Promise.resolve({ ok: false, error: 'Refused: unexpected sender' });
    const payload = REQUESTS[type].safeParse(envelope.data.payload);
    if (!payload.success) return Promise.resolve({ ok: false, error: `Refused: malformed ${type}` });
    const handler = handlers[type] as (p: unknown, s: Sender) => Promise<unknown>;
    return handler(payload.data, sender).then(
      (value): Reply => ({ ok: true, value }),
      (error: unknown): Reply => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  browser.runtime.onMessage.addListener(listener);
  return listener;
}
