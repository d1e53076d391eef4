// @vitest-environment jsdom
// The popup as a user drives it, rendered whole over a real (fake-indexeddb) notebook: what the
// e2e tests cannot reach cheaply, such as a click landing while a save is still running.
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupDeps } from '@/components/Popup';
import { type KithDB, listContacts, openKithDb } from '@/lib/db';
import { PageCapture, Settings } from '@/lib/model';
import type { Typed } from '@/lib/typed-drafts';

let host: HTMLElement | undefined;
let db: KithDB;
/** The extension's storage, shared by the popups one test opens one after another. */
let storage: Map<string, Typed>;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openKithDb(`kith-popup-${Math.random()}`);
  storage = new Map();
});
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = undefined;
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const thread = {
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg',
  expected: true,
  people: [
    { name: 'Dana Whitaker', emails: ['dana@quillstone.example'], source: 'gmail', role: 'sender' },
    { name: 'Leo Fischer', emails: ['leo@quillstone.example'], source: 'gmail', role: 'sender' },
  ],
};

/** Open the popup (closing any open one) on a page whose capture is `capture`. */
function openPopup(capture?: unknown) {
  if (host) render(null, host);
  host?.remove();
  const root = (host = document.body.appendChild(document.createElement('div')));
  const close = vi.fn();
  const deps: PopupDeps = {
    db: async () => db,
    capture: async () => (capture ? PageCapture.parse(capture) : undefined),
    settings: async () => Settings.parse({}),
    loadTyped: async () => new Map(storage),
    keepTyped: async (key, typed) => {
      if (!typed.contact && !typed.log) storage.delete(key);
      else storage.set(key, structuredClone({ ...typed, at: Date.now() }));
    },
    forgetTyped: async (key) => void storage.delete(key),
    now: () => Date.now(),
    dataChanged: async () => undefined,
    openContact: () => {},
    openDashboard: () => {},
    close,
  };
  render(<Popup deps={deps} />, root);
  const maybeField = (label: string) => {
    const found = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
    return found ? (document.getElementById(found.htmlFor) as HTMLInputElement | null) ?? undefined : undefined;
  };
  const field = (label: string) => {
    const found = maybeField(label);
    if (!found) throw new Error(`No field labelled ${label}`);
    return found;
  };
  const button = (name: string) => {
    const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    if (!found) throw new Error(`No button ${name}`);
    return found;
  };
  /** Type as a user does: one input event, then the render it causes. */
  const type = async (label: string, value: string) => {
    field(label).value = value;
    field(label).dispatchEvent(new Event('input', { bubbles: true }));
    await wait(0);
  };
  const escape = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  const text = () => root.textContent ?? '';
  return { root, maybeField, field, button, type, escape, close, text };
}

describe('several people on a page', () => {
  it('warns before an Escape gives up one person’s typing, even after warning about another’s', async () => {
    const popup = openPopup(thread);
    await vi.waitFor(() => popup.field('Notes'));
    popup.button('Leo Fischer (sender)').click();
    await vi.waitFor(() => expect(popup.field('Name').value).toBe('Leo Fischer'));
    await popup.type('Notes', 'Dana’s co-founder');
    popup.button('Dana Whitaker (sender)').click();
    await vi.waitFor(() => expect(popup.field('Name').value).toBe('Dana Whitaker'));
    await popup.type('Notes', 'Runs the Berlin meetup');
    popup.escape();
    await vi.waitFor(() => expect(popup.text()).toContain('Press Escape again'));

    popup.button('Leo Fischer (sender)').click();
    await vi.waitFor(() => expect(popup.field('Notes').value).toBe('Dana’s co-founder'));
    popup.escape();
    await wait(50);
    expect(popup.close).not.toHaveBeenCalled();
    expect(popup.text()).toContain('Press Escape again');
    expect(storage.get('mailto:leo@quillstone.example')?.contact?.notes).toBe('Dana’s co-founder');
  });

  it('does not switch person while a save runs, so the card shown is the one the switcher marks', async () => {
    const popup = openPopup(thread);
    await vi.waitFor(() => popup.field('Notes'));
    popup.button('Save').click();
    popup.button('Leo Fischer (sender)').click();
    await vi.waitFor(() => expect(popup.text()).toContain('Saved Dana Whitaker to Kith.'));
    expect(popup.root.querySelector('[aria-current="true"]')?.textContent).toBe('Dana Whitaker (sender)');
    expect(popup.root.querySelector('#card-name')?.textContent).toBe('Dana Whitaker');

    popup.button('Leo Fischer (sender)').click();
    await vi.waitFor(() => expect(popup.field('Name').value).toBe('Leo Fischer'));
    expect(popup.root.querySelector('[aria-current="true"]')?.textContent).toBe('Leo Fischer (sender)');
    expect((await listContacts(db)).map((c) => c.name)).toEqual(['Dana Whitaker']);
  });
});
