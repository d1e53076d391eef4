// Hostile pages (cases 1, 2 and 4 of issue 8): a LinkedIn profile whose every field is an attack,
// a page that forges messages claiming to be Kith, and megabyte strings through the popup.
// Every payload in the fixtures, if it ever ran, would set `__kithPwned` and change the title.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { type Kith, expect, test } from '../e2e/harness';

type StoredContact = { id: string; name: string; title: string; company: string; location: string; profileUrl?: string; photoUrl?: string; notes: string };

const HOSTILE_URL = 'https://www.linkedin.com/in/eve-mallory-hostile/';
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

/** Nothing the fixture carries ran in this page: no flag, the title as the page set it, no injected elements. */
async function expectNoScriptRan(page: Page, title: string | RegExp) {
  expect(await page.evaluate(() => (window as unknown as { __kithPwned?: unknown }).__kithPwned)).toBeUndefined();
  await expect(page).toHaveTitle(title);
  expect(await page.locator('img[src="x"], svg[onload], iframe, script:not([src]):not([type="application/ld+json"]), b[onmouseover]').count()).toBe(0);
}

/** Every value stored under a key that holds a link (profileUrl, photoUrl, a source's url, …). */
function storedLinks(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return /url|link/i.test(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => storedLinks(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => storedLinks(v, k));
  return [];
}

async function everythingStored(kith: Kith): Promise<string> {
  const stores = await Promise.all((['contacts', 'interactions', 'reminders'] as const).map((s) => kith.readStore(s)));
  return JSON.stringify(stores);
}

test('a hostile LinkedIn profile is captured and shown as text; nothing runs; no javascript: URL is stored', async ({ kith }) => {
  await kith.serve(HOSTILE_URL, { file: 'linkedin-hostile.html' });
  const profile = await kith.open(HOSTILE_URL);
  const pageTitle = await profile.title();
  expect(pageTitle).toContain('<img src=x onerror=');

  const popup = await kith.openPopup(profile);
  const popupTitle = await popup.title();
  // The markup arrives as the literal text a reader of the page would see, not as elements.
  await expect(field(popup, 'Name')).toHaveValue(`<img src=x onerror="window.__kithPwned=5;document.title='pwned'">Eve Mallory`);
  await expect(field(popup, 'Title')).toHaveValue('<script>window.__kithPwned=7</script><b onmouseover="window.__kithPwned=8">Red Team Lead</b>');
  await expect(field(popup, 'Company')).toHaveValue('<iframe src="javascript:parent.__kithPwned=9"></iframe>Mallory Security');
  await expect(field(popup, 'Location')).toHaveValue('<svg onload="window.__kithPwned=10">Lisbon');
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('status')).toHaveText(/^Saved <img src=x onerror=.*Eve Mallory to Kith\.$/);
  // The saved card shows the name as a heading's text.
  await expect(popup.locator('#card-name')).toHaveText(`<img src=x onerror="window.__kithPwned=5;document.title='pwned'">Eve Mallory`);
  await expectNoScriptRan(popup, popupTitle);

  const [contact, ...others] = await kith.readStore<StoredContact>('contacts');
  expect(others).toEqual([]);
  expect(contact.profileUrl).toBe(HOSTILE_URL);
  expect(contact.photoUrl).toBeUndefined();
  const links = storedLinks(JSON.parse(await everythingStored(kith)));
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) expect(link).toMatch(/^https:\/\//);

  // The dashboard lists and shows the contact as text too.
  const dashboard = await kith.openDashboard();
  await expect(dashboard.getByRole('link', { name: /Eve Mallory$/ })).toHaveText(contact.name);
  await dashboard.getByRole('link', { name: /Eve Mallory$/ }).click();
  await expect(dashboard.getByRole('heading', { level: 1 }).or(dashboard.getByRole('heading', { level: 2 })).filter({ hasText: 'Eve Mallory' }).first()).toHaveText(contact.name);
  await expectNoScriptRan(dashboard, 'Kith — Contact');

  // And the page itself: the content script read it without running any of it.
  await expectNoScriptRan(profile, pageTitle);
});

test('a page forging Kith messages changes nothing', async ({ kith }) => {
  const url = 'https://www.linkedin.com/in/forger/';
  await kith.serve(url, { file: 'linkedin-public.html' });
  const page = await kith.open(url);
  // Something saved first, so "delete everything" would have something to delete.
  const popup = await kith.openPopup(page);
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('status')).toHaveText('Saved Ada Quinlan to Kith.');
  await popup.close();
  const before = await everythingStored(kith);
  const settingsBefore = await kith.worker.evaluate(() => chrome.storage.local.get(null));

  const attempts = await page.evaluate(async () => {
    const forged = [
      { type: 'capture:get', payload: {} },
      { type: 'data:changed', payload: {} },
      { type: 'contact:open', payload: { contactId: 'x' } },
      { type: 'delete-all', payload: {} },
      { type: 'export', payload: {} },
      { type: 'contact:save', payload: { name: 'Forged Person', emails: ['forged@evil.example'] } },
      { ok: true, value: { url: location.href, expected: true, people: [{ name: 'Forged Person', emails: [] }] } },
    ];
    for (const message of forged) {
      window.postMessage(message, '*');
      window.postMessage(JSON.stringify(message), '*');
      for (const name of ['kith', 'kith:save', 'kith:message', message.type ?? 'reply']) {
        document.dispatchEvent(new CustomEvent(name, { detail: message }));
        window.dispatchEvent(new CustomEvent(name, { detail: message }));
      }
    }
    // A web page has no way to the extension's runtime (no externally_connectable).
    const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown; id?: string } } }).chrome?.runtime;
    let direct = 'no chrome.runtime.sendMessage';
    if (typeof runtime?.sendMessage === 'function') {
      direct = await (runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)('bnccbkaffmbagfaafgjhgjglilhbanhd', forged[3]).then(
        (answer) => `answered ${JSON.stringify(answer)}`,
        (error: Error) => `refused: ${error.message}`,
      );
    }
    return { direct, runtimeId: runtime?.id };
  });
  expect(attempts.runtimeId).toBeUndefined();
  expect(attempts.direct).not.toMatch(/^answered/);
  // Give any listener that might have obeyed time to act.
  await page.waitForTimeout(500);
  expect(await everythingStored(kith)).toBe(before);
  expect(await kith.worker.evaluate(() => chrome.storage.local.get(null))).toEqual(settingsBefore);
  expect(kith.context.pages().map((p) => p.url()).filter((u) => u.includes('dashboard.html'))).toEqual([]);
});

test('extreme strings on a profile are capped and cleaned through the popup save', async ({ kith }) => {
  const url = 'https://www.linkedin.com/in/extreme-strings/';
  const headline = `Principal\u202E\u200B\u0000 Engineer ${'x'.repeat(200_000)}`;
  const name = `Zo\u0000e\u200D \u202EBidi\u202C \uD800Lone 🧑🏽‍💻`;
  // Rosa's profile, as LinkedIn would serve it at this address: its links name it.
  await kith.serve(url, { html: readFileSync('tests/fixtures/linkedin-2023.html', 'utf8').replaceAll('rosa-lindqvist', 'extreme-strings') });
  const page = await kith.open(url);
  // Replace the top card's text with the extreme strings, as a hostile page would serve them.
  await page.evaluate(
    ([n, h]) => {
      const main = document.querySelector('main')!;
      main.querySelector('h1')!.textContent = n;
      main.querySelector('.text-body-medium')!.textContent = h;
      document.title = `${n} | LinkedIn`;
      for (const s of document.querySelectorAll('script[type="application/ld+json"], meta[property^="og:"], meta[property^="profile:"]')) s.remove();
    },
    [name, headline],
  );
  const popup = await kith.openPopup(page);
  const nameValue = await field(popup, 'Name').inputValue();
  const titleValue = await field(popup, 'Title').inputValue();
  expect(nameValue).not.toMatch(/[\u0000\u200B\u202E\u202C\uD800]/);
  expect(nameValue).toContain('Bidi');
  // The emoji after the name is no part of it, whole: its joiner and skin tone go with it.
  expect(nameValue).not.toMatch(/🧑|🏽|💻/);
  expect(titleValue.startsWith('Principal Engineer x')).toBe(true);
  expect(titleValue.length).toBeLessThanOrEqual(300);
  // The user pastes 200,000 characters of notes too: what someone typed is refused, not cut.
  await field(popup, 'Notes').fill(`note ${'n'.repeat(200_000)}`);
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('alert')).toContainText('Notes: 200,005 characters, where Kith keeps up to 20,000.');
  expect(await kith.readStore('contacts')).toEqual([]);
  await field(popup, 'Notes').fill(`note ${'n'.repeat(19_995)}`);
  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.getByRole('status')).toHaveText(/^Saved .* to Kith\.$/);
  const [contact] = await kith.readStore<StoredContact>('contacts');
  expect(contact.title.length).toBeLessThanOrEqual(300);
  expect(contact.title.startsWith('Principal Engineer x')).toBe(true);
  expect(contact.name.length).toBeLessThanOrEqual(200);
  expect(contact.name).not.toMatch(/[\u0000\u200B\u202E\u202C]/);
  expect(contact.name.isWellFormed()).toBe(true);
  expect(contact.notes.length).toBe(20_000);
});
