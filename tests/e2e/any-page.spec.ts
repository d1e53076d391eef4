// Issue 3 on pages Kith has no content script for: each fixture served at its real address, the
// toolbar button clicked on its tab (the activeTab grant), and the popup for that tab prefilled
// by the capture script Kith injects there. The values are the ones the unit tests read from the
// same fixtures (tests/unit/extract-any-page.test.ts).
import type { Dialog, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAVE_MENU_ID } from '../../lib/context-menu';
import { FIXTURES_DIR, expect, expectPrefilled, fixtureUrl, openFixture, test } from './harness';

type StoredContact = { name: string; title: string; company: string; location: string; emails: string[]; phones: string[]; profileUrl?: string; photoUrl?: string; sources: { kind: string }[] };

const switcher = (popup: Page) => popup.getByRole('navigation', { name: 'People on this page' });

const PAGES = [
  {
    file: 'json-ld.html',
    fields: { Name: 'Noor Haddad', Title: 'Principal Researcher', Company: 'Cedar AI', Location: 'Amman, Jordan', Email: 'noor@cedar.example' },
    people: ['Noor Haddad', 'Ilya Sorensen', 'program@summit.example.org'],
  },
  {
    file: 'microdata.html',
    fields: { Name: 'Kofi Mensah', Title: 'Professor of Condensed Matter Physics', Company: 'University of Aurora', Location: 'Tromsø, Norway', Email: 'kofi.mensah@uni-aurora.example' },
    people: ['Kofi Mensah', 'Amara Diallo', 'Ingrid Solberg'],
  },
  {
    file: 'h-card.html',
    fields: { Name: 'Mina Okafor', Title: 'Data Journalist', Company: 'Ledger News', Location: 'Lagos, Nigeria', Email: 'mina@mina-okafor.example' },
    people: ['Mina Okafor', 'Lena Park'],
  },
  {
    file: 'open-graph.html',
    fields: { Name: 'Jonah Reyes', Title: '', Company: '', Location: '', Email: '' },
    people: [],
  },
  {
    file: 'mailto.html',
    fields: { Name: 'Farah Nasser', Title: '', Company: '', Location: '', Email: 'farah.nasser@studio-lumo.example' },
    people: ['Farah Nasser', 'Owen Price', 'kai+work@studio-lumo.example', 'hello@studio-lumo.example'],
  },
];

for (const { file, fields, people } of PAGES) {
  test(`any page: ${file} prefills the popup through the injected capture script`, async ({ kith }) => {
    const page = await openFixture(kith, file);
    await kith.clickToolbarButton(page);
    const popup = await kith.openPopup(page);
    await expectPrefilled(popup, fields);
    // One person needs no switcher; several are offered, the best first and selected.
    if (people.length) {
      await expect(switcher(popup).getByRole('button')).toHaveText(people);
      await expect(switcher(popup).getByRole('button', { name: people[0] })).toHaveAttribute('aria-current', 'true');
    } else {
      await expect(switcher(popup)).toHaveCount(0);
    }
  });
}

test('any page: until the toolbar button is clicked on the tab, Kith cannot read it', async ({ kith }) => {
  const page = await openFixture(kith, 'json-ld.html');
  // Without activeTab even the tab's address is hidden from Kith: the fixture's is the newest tab.
  const tabId = await kith.worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((tab) => tab.id ?? -1)));
  const before = await kith.context.newPage();
  await before.goto(kith.url(`popup.html?tabId=${tabId}`));
  await expect(before.getByText('Kith cannot read this page: the browser keeps it from extensions.')).toBeVisible();

  await kith.clickToolbarButton(page);
  expect(await kith.tabIdOf(page)).toBe(tabId);
  await expectPrefilled(await kith.openPopup(page), { Name: 'Noor Haddad' });
});

test('any page: right-click Save to Kith on the page saves its best person through the same injection', async ({ kith }) => {
  const url = fixtureUrl('json-ld.html');
  const page = await openFixture(kith, 'json-ld.html');
  // Choosing a context-menu item grants activeTab exactly as the toolbar button does.
  await kith.clickToolbarButton(page);
  const tabId = await kith.tabIdOf(page);
  const outcome = await kith.worker.evaluate(
    ([menuItemId, pageUrl, id]) =>
      (globalThis as unknown as { kithContextMenuClick: (info: object, tab: object) => Promise<unknown> }).kithContextMenuClick(
        { menuItemId, pageUrl, frameId: 0 },
        { id },
      ),
    [SAVE_MENU_ID, url, tabId] as const,
  );
  expect(outcome).toMatchObject({ created: 1, saved: [{ name: 'Noor Haddad' }] });
  const [contact, ...others] = await kith.readStore<StoredContact>('contacts');
  expect(others).toEqual([]);
  expect(contact).toMatchObject({
    name: 'Noor Haddad',
    title: 'Principal Researcher',
    company: 'Cedar AI',
    location: 'Amman, Jordan',
    emails: ['noor@cedar.example'],
    phones: ['+962 6 555 0142'],
    profileUrl: 'https://www.linkedin.com/in/noor-haddad-research/',
    photoUrl: 'https://summit.example.org/img/noor-haddad.jpg',
  });
  expect(contact.sources.map((source) => source.kind)).toEqual(['json-ld']);
});

// A tag manager's script that does not come while the test runs: the page never finishes loading.
const STALLED_SCRIPT = '<script src="https://tags.slow.example/gtm.js"></script><p>Footer</p>';
const LOADING_PAGES = [
  { label: 'a team page', url: 'https://team.example.com/rosa', html: '<title>Rosa</title><div class="h-card"><span class="p-name">Rosa Delgado</span> <span class="p-job-title">CTO</span></div>', name: 'Rosa Delgado' },
  // Its content script waits for the page to be idle; the capture loads it at once.
  { label: 'a LinkedIn profile', url: fixtureUrl('linkedin-public.html'), html: readFileSync(join(FIXTURES_DIR, 'linkedin-public.html'), 'utf8'), name: 'Ada Quinlan' },
];

for (const { label, url, html, name } of LOADING_PAGES) {
  test(`any page: the person on ${label} is read while a slow script further down holds the page loading`, async ({ kith }) => {
    await kith.serve(url, { html: html.replace(/<\/body>|$/i, `${STALLED_SCRIPT}</body>`) });
    await kith.context.route('https://tags.slow.example/**', () => new Promise(() => {}));
    const page = await kith.context.newPage();
    void page.goto(url, { waitUntil: 'commit' }).catch(() => {});
    // The parser stops at the script: the person is on screen, the footer never comes.
    await expect(page.getByText(name).first()).toBeVisible();
    await kith.clickToolbarButton(page);
    await expectPrefilled(await kith.openPopup(page), { Name: name });
    const tabId = await kith.tabIdOf(page);
    const outcome = await kith.worker.evaluate(
      ([menuItemId, pageUrl, id]) =>
        (globalThis as unknown as { kithContextMenuClick: (info: object, tab: object) => Promise<unknown> }).kithContextMenuClick({ menuItemId, pageUrl, frameId: 0 }, { id }),
      [SAVE_MENU_ID, url, tabId] as const,
    );
    expect(outcome).toMatchObject({ created: 1, saved: [{ name }] });
  });
}

test('any page: right-click Save on a saved person’s page leaves off the email another contact has, and says whose', async ({ kith }) => {
  const url = fixtureUrl('json-ld.html');
  const at = Date.now() - 60_000;
  await kith.putRecords('contacts', [
    { id: 'noor', name: 'Noor Haddad', emails: [], profileUrl: 'https://www.linkedin.com/in/noor-haddad-research/', createdAt: at, updatedAt: at },
    { id: 'team', name: 'Cedar AI team', emails: ['noor@cedar.example'], createdAt: at, updatedAt: at },
  ]);
  const page = await openFixture(kith, 'json-ld.html');
  await kith.clickToolbarButton(page);
  const outcome = await kith.worker.evaluate(
    ([menuItemId, pageUrl, id]) =>
      (globalThis as unknown as { kithContextMenuClick: (info: object, tab: object) => Promise<unknown> }).kithContextMenuClick(
        { menuItemId, pageUrl, frameId: 0 },
        { id },
      ),
    [SAVE_MENU_ID, url, await kith.tabIdOf(page)] as const,
  );
  expect(outcome).toMatchObject({
    created: 0,
    leftOff: 'Not added: noor@cedar.example is already Cedar AI team’s. To make them one person, merge the two contacts on either one’s page in the dashboard.',
  });
  const contacts = await kith.readStore<StoredContact & { id: string }>('contacts');
  expect(contacts.map(({ id, emails }) => ({ id, emails }))).toEqual([
    { id: 'noor', emails: [] },
    { id: 'team', emails: ['noor@cedar.example'] },
  ]);
  // The rest of the save landed: a blank filled from the page.
  expect(contacts[0].title).toBe('Principal Researcher');

  // The popup on the page then does not offer the address to add, but says whose it is.
  const popup = await kith.openPopup(page);
  const update = popup.getByRole('region', { name: 'This page shows something new' });
  await expect(update).toContainText(
    'Not added: noor@cedar.example is already Cedar AI team’s. To make them one person, merge the two contacts on either one’s page in the dashboard.',
  );
  await expect(update.getByRole('button')).toHaveCount(0);
});

test('any page: the popup offers the email and phone the page shows that a saved card lacks, and adds them', async ({ kith }) => {
  const at = Date.now() - 60_000;
  await kith.putRecords('contacts', [
    {
      id: 'noor',
      name: 'Noor Haddad',
      title: 'Principal Researcher',
      company: 'Cedar AI',
      location: 'Amman, Jordan',
      emails: [],
      phones: [],
      profileUrl: 'https://www.linkedin.com/in/noor-haddad-research/',
      createdAt: at,
      updatedAt: at,
    },
  ]);
  const page = await openFixture(kith, 'json-ld.html');
  await kith.clickToolbarButton(page);
  const popup = await kith.openPopup(page);
  const update = popup.getByRole('region', { name: 'This page shows something new' });
  await expect(update.getByRole('listitem')).toHaveText([
    /^Email: noor@cedar\.example \(not on the card\)\s*Add email$/,
    /^Phone: \+962 6 555 0142 \(not on the card\)\s*Add phone$/,
  ]);
  await update.getByRole('button', { name: 'Add email' }).click();
  await expect(popup.getByRole('status')).toHaveText('Update accepted.');
  await expect(update.getByRole('listitem')).toHaveText([/^Phone: /]);
  const [noor] = await kith.readStore<StoredContact>('contacts');
  expect([noor.emails, noor.phones]).toEqual([['noor@cedar.example'], []]);
});

test('any page: a card found by its email is offered the page’s profile link', async ({ kith }) => {
  const at = Date.now() - 60_000;
  await kith.putRecords('contacts', [
    { id: 'noor', name: 'Noor Haddad', title: 'Principal Researcher', company: 'Cedar AI', location: 'Amman, Jordan', emails: ['noor@cedar.example'], phones: ['+962 6 555 0142'], createdAt: at, updatedAt: at },
  ]);
  const page = await openFixture(kith, 'json-ld.html');
  await kith.clickToolbarButton(page);
  const popup = await kith.openPopup(page);
  const update = popup.getByRole('region', { name: 'This page shows something new' });
  await expect(update.getByRole('listitem')).toHaveText([/^Profile link: https:\/\/www\.linkedin\.com\/in\/noor-haddad-research\/ \(not on the card\)\s*Add link$/]);
  await update.getByRole('button', { name: 'Add link' }).click();
  await expect(popup.getByRole('status')).toHaveText('Update accepted.');
  await expect(update).toHaveCount(0);
  const [noor] = await kith.readStore<StoredContact>('contacts');
  expect(noor.profileUrl).toBe('https://www.linkedin.com/in/noor-haddad-research/');
});

test('any page: hostile.html is shown as text, nothing on it runs in Kith or the page, no javascript: or data: URL is kept', async ({ kith }) => {
  const dialogs: string[] = [];
  const record = (dialog: Dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  };
  kith.context.on('dialog', record);
  const page = await openFixture(kith, 'hostile.html');
  // The page's own inline script (inside Victor's link) runs as the page loads, as in any browser;
  // it also shows that a dialog anywhere in the browser is seen here.
  await expect.poll(() => dialogs).toEqual(['3']);

  await kith.clickToolbarButton(page);
  const popup = await kith.openPopup(page);
  const popupTitle = await popup.title();
  await expectPrefilled(popup, {
    Name: '<img src=x onerror=alert(1)>Eve Mallory',
    Title: '<script>steal()</script>Red Team Lead',
    Company: 'Mallory Security',
    Location: '',
    Email: 'eve@mallory.example',
  });
  await expect(switcher(popup).getByRole('button')).toHaveText([
    '<img src=x onerror=alert(1)>Eve Mallory',
    '<b onmouseover=alert(1)>Trent</b> regrof',
    'Mega',
    'victor@evil.example',
  ]);

  await popup.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(popup.locator('#card-name')).toHaveText('<img src=x onerror=alert(1)>Eve Mallory');
  const [eve, ...others] = await kith.readStore<StoredContact>('contacts');
  expect(others).toEqual([]);
  expect(eve).toMatchObject({ name: '<img src=x onerror=alert(1)>Eve Mallory', emails: ['eve@mallory.example'] });
  expect(eve.profileUrl).toBeUndefined();
  expect(eve.photoUrl).toBeUndefined();
  expect(JSON.stringify(eve)).not.toMatch(/javascript:|data:/i);

  await switcher(popup).getByRole('button', { name: '<b onmouseover=alert(1)>Trent</b> regrof' }).click();
  await expectPrefilled(popup, { Name: '<b onmouseover=alert(1)>Trent</b> regrof', Title: 'Bold Intruder', Email: '' });

  // No markup from the page became elements, in the popup or in the page, and no dialog opened.
  for (const target of [popup, page]) {
    expect(await target.locator('img[src="x"], svg[onload], b[onmouseover]').count()).toBe(0);
  }
  await expect(popup).toHaveTitle(popupTitle);
  expect(dialogs).toEqual(['3']);
  kith.context.off('dialog', record);
});
