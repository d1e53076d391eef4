import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { type Connection, connection, connectionsCsv } from './connections-csv';
import { Kith, expect, extensionWorker, launchWithExtension, localDateIn, recordsRead, test } from './harness';

const ROWS = 300;
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

type StoredContact = {
  id: string;
  name: string;
  title: string;
  company: string;
  emails: string[];
  profileUrl?: string;
  relationship: string;
  tags: string[];
  history: { field: string; from: string; to: string; at: number }[];
};

async function chooseFile(page: Page, name: string, text: string) {
  await page.getByLabel('Import', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

async function importConnections(kith: Kith, text: string): Promise<Page> {
  const page = await kith.openDashboard('#/import');
  await chooseFile(page, 'Connections.csv', text);
  await expect(page.getByRole('heading', { name: /Preview: Connections\.csv \(LinkedIn connections/ })).toBeVisible();
  return page;
}

/** The dashboard after importing the first `count` generated connections. */
async function withConnections(kith: Kith, count: number): Promise<Page> {
  const page = await importConnections(kith, connectionsCsv(count));
  await page.getByRole('button', { name: /^Import/ }).click();
  await expect(page.getByText(`Added ${count} new contacts.`)).toBeVisible();
  return page;
}

/** No serious or critical axe violations on the page as it stands; `where` names it in the failure. */
async function expectAccessible(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${where}: ${v.id} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const nameOf = (i: number) => `${connection(i).first} ${connection(i).last}`;

function expected(c: Connection) {
  return {
    name: `${c.first} ${c.last}`,
    title: c.position,
    company: c.company,
    emails: c.email ? [c.email] : [],
    profileUrl: `${c.url}/`,
    relationship: 'other',
  };
}

test('imports a LinkedIn Connections.csv once, merges it the second time, and finds people', async ({ kith }) => {
  const csv = connectionsCsv(ROWS);
  await kith.countRecordsRead();
  const page = await importConnections(kith, csv);
  await expect(page.getByText(`Will add ${ROWS} new contacts.`)).toBeVisible();
  await page.getByRole('button', { name: /^Import/ }).click();
  await expect(page.getByText(`Added ${ROWS} new contacts.`)).toBeVisible();
  await expect(page.getByRole('status')).toContainText(`Imported Connections.csv: ${ROWS} new contacts, 0 merged.`);
  // Every contact read once to set their keep-in-touch reminders, and once for the notebook
  // shown: not a second time for a notebook shown before the reminders were set. (Left a
  // moment, for any read that would come after.)
  await page.waitForTimeout(500);
  expect(await recordsRead(page, 'contacts')).toBe(2 * ROWS);

  const contacts = await kith.readStore<StoredContact>('contacts');
  expect(contacts).toHaveLength(ROWS);
  expect(new Set(contacts.map((c) => c.profileUrl)).size).toBe(ROWS);
  for (const i of [0, 3, 42, 299]) {
    const want = expected(connection(i));
    expect(contacts.find((c) => c.profileUrl === want.profileUrl)).toMatchObject(want);
  }
  expect(contacts.find((c) => c.profileUrl === expected(connection(3)).profileUrl)?.title).toBe('Head of "Growth"');
  expect(contacts.find((c) => c.profileUrl === expected(connection(0)).profileUrl)?.company).toBe('Acme, Inc.');

  // The same file again: nobody to add, everyone already saved as the file has them, so there is
  // nothing to import.
  await chooseFile(page, 'Connections.csv', csv);
  await expect(page.getByText(`Will add 0 new contacts. Will merge ${ROWS} contacts already saved (0 with new details, ${ROWS} unchanged).`)).toBeVisible();
  await expect(page.getByText('Nothing new to import: everyone in this file is saved already')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await page.getByRole('button', { name: 'Cancel and choose another file' }).click();
  const again = await kith.readStore<StoredContact>('contacts');
  expect(again).toHaveLength(ROWS);
  expect(again.map((c) => c.id).sort()).toEqual(contacts.map((c) => c.id).sort());

  // Search finds the one person at a company by that company.
  await page.getByRole('link', { name: 'Contacts' }).click();
  await page.getByLabel('Search contacts').fill('vandelay');
  await expect(page.getByText('1 match of 300')).toBeVisible();
  const rows = page.locator('table.contacts tbody tr:not([aria-hidden])');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`${connection(42).first} ${connection(42).last}`);
  await expect(rows.first()).toContainText('Vandelay Industries');

  // The row links to the contact's page at #/contact/<id>.
  await rows.first().getByRole('link').click();
  const vandelay = again.find((c) => c.company === 'Vandelay Industries')!;
  await expect(page).toHaveURL(new RegExp(`#/contact/${vandelay.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(vandelay.name);
});

test('a later Connections.csv offers the new jobs of people saved, and takes them only when asked', async ({ kith }) => {
  const page = await withConnections(kith, 20);
  const moved = [connection(4), connection(10)];
  const later = connectionsCsv(20, (row, i) => (i === 4 ? row.replace(',Designer,', ',Head of Design,') : i === 10 ? row.replace('Initech', 'Vandelay Industries') : row));
  await chooseFile(page, 'Connections.csv', later);

  const offer = page.getByRole('group', { name: '2 saved contacts have another title, company or location in this file' });
  await expect(offer).toContainText(`${nameOf(4)} — title: Designer → Head of Design`);
  await expect(offer).toContainText(`${nameOf(10)} — company: Initech → Vandelay Industries`);
  // Unticked, the file adds nothing: what the user saved stays.
  const button = page.getByRole('button', { name: /^Import/ });
  await expect(page.getByText('Nothing else in this file is new.')).toBeVisible();
  await expect(button).toBeDisabled();
  await expectAccessible(page, 'an import preview offering changes');

  await offer.getByRole('checkbox', { name: /^Update them to what the file says/ }).check();
  await expect(page.getByText('Will merge 20 contacts already saved (2 with new details, 18 unchanged).')).toBeVisible();
  // Who was that again? Their page opens beside the preview, which keeps the choice.
  const link = offer.getByRole('link', { name: nameOf(4) });
  await expect(link).toHaveAccessibleDescription('Opens in a new tab');
  const [contactTab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await expect(contactTab.getByRole('heading', { level: 1 })).toHaveText(nameOf(4));
  await contactTab.close();
  await expect(offer.getByRole('checkbox', { name: /^Update them to what the file says/ })).toBeChecked();
  await expect(button).toHaveText('Import 2 contacts');
  await button.click();
  await expect(page.getByText('Merged 20 contacts already saved (2 with new details, 18 unchanged).')).toBeVisible();

  const contacts = await kith.readStore<StoredContact>('contacts');
  const byName = (c: Connection) => contacts.find((saved) => saved.name === `${c.first} ${c.last}`)!;
  expect(byName(moved[0])).toMatchObject({ title: 'Head of Design', company: moved[0].company });
  expect(byName(moved[0]).history.map(({ field, from, to }) => ({ field, from, to }))).toEqual([{ field: 'title', from: 'Designer', to: 'Head of Design' }]);
  expect(byName(moved[1])).toMatchObject({ title: moved[1].position, company: 'Vandelay Industries' });
  expect(byName(connection(5)).history).toEqual([]);

  // The contact's page shows the move in its history.
  await page.goto(kith.url(`dashboard.html#/contact/${byName(moved[1]).id}`));
  await expect(page.getByRole('region', { name: 'History of changes' })).toContainText('company: Initech → Vandelay Industries');
});

test('a Connections.csv saved by Excel in Windows-1252 imports with its accents', async ({ kith }) => {
  const page = await kith.openDashboard('#/import');
  const csv = `${HEADER}\r\nJosé,Müller,https://www.linkedin.com/in/jose-muller,,Société Générale,Analyste,1 Mar 2020\r\n`;
  await page.getByLabel('Import', { exact: true }).setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'latin1') });
  await page.getByRole('button', { name: /^Import/ }).click();
  await expect(page.getByText('Added 1 new contact.')).toBeVisible();
  expect((await kith.readStore<StoredContact>('contacts')).map((c) => [c.name, c.company])).toEqual([['José Müller', 'Société Générale']]);
});

test('an import merging into one saved contact leaves an email another one has with that one, and lists it', async ({ kith }) => {
  const at = Date.now() - 60_000;
  await kith.putRecords('contacts', [
    { id: 'from-linkedin', name: 'José Müller', emails: [], profileUrl: 'https://www.linkedin.com/in/jose-muller/', createdAt: at, updatedAt: at },
    { id: 'from-gmail', name: 'Jose M', emails: ['jose@sg.example'], createdAt: at, updatedAt: at },
  ]);
  const page = await importConnections(kith, `${HEADER}\nJosé,Müller,https://www.linkedin.com/in/jose-muller,jose@sg.example,Société Générale,Analyste,1 Mar 2020\n`);
  const heldBack = page.getByRole('group').filter({ hasText: 'Not added, as another contact has it' });
  await expect(heldBack).toContainText('Row 1 (line 2): jose@sg.example is already Jose M’s; not added to José Müller');
  // A few saved contacts gaining something: what each gains is shown, not folded away.
  await expect(page.getByText(/^Row 1 \(line 2\): José Müller → José Müller — /)).toBeVisible();
  await page.getByRole('button', { name: /^Import/ }).click();
  await expect(page.getByText('Merged 1 contact already saved (1 with new details, 0 unchanged).')).toBeVisible();
  const contacts = await kith.readStore<StoredContact>('contacts');
  expect(contacts.map(({ id, emails }) => ({ id, emails }))).toEqual([
    { id: 'from-gmail', emails: ['jose@sg.example'] },
    { id: 'from-linkedin', emails: [] },
  ]);
  expect(contacts[1].company).toBe('Société Générale');
});

test('a file with nobody in it offers nothing to import', async ({ kith }) => {
  const page = await importConnections(kith, `${HEADER}\n`);
  await expect(page.getByRole('button', { name: /^Import/ })).toBeDisabled();
});

test('a malformed CSV is refused with the row named, and nothing is written', async ({ kith }) => {
  // Row 5 (file line 9, after the three preamble lines and the header) has a stray quote.
  const broken = connectionsCsv(20, (row, i) => (i === 4 ? row.replace(',', ',"') : row));
  const page = await kith.openDashboard('#/import');
  await chooseFile(page, 'Connections.csv', broken);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Nothing was saved');
  await expect(alert).toContainText('Row 5 (line 9)');
  await expect(page.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
  expect(await kith.readStore('contacts')).toEqual([]);
  // The file control is emptied: the same file, fixed and chosen again, is a change Chrome reports
  // (it reports none for the file a control already holds).
  expect(await page.getByLabel('Import', { exact: true }).evaluate((input: HTMLInputElement) => input.files?.length)).toBe(0);

  // A row with a bad email is listed by row, and the import cannot be applied…
  const badEmail = connectionsCsv(10, (row, i) => (i === 2 ? row.replace(/,(person\d+@example\.com)?,/, ',not-an-email,') : row));
  await chooseFile(page, 'Connections.csv', badEmail);
  await expect(page.getByRole('alert')).toContainText('Row 3 (line 7): Email 1: Not an email address: not-an-email');
  await expect(page.getByRole('button', { name: /^Import \d/ })).toBeDisabled();
  expect(await kith.readStore('contacts')).toEqual([]);
  // …unless the user asks for the others without it, which the report and the status then say.
  await page.getByRole('checkbox', { name: 'Import the others, leaving this one out' }).check();
  await page.getByRole('button', { name: /^Import \d/ }).click();
  await expect(page.getByRole('status')).toContainText('Left out 1 record that could not be imported.');
  await expect(page.getByText('Left out, as they could not be imported (1)')).toBeVisible();
  expect(await kith.readStore('contacts')).toHaveLength(9);
});

test('the network map counts every circle, and bulk relationship changes move people with undo', async ({ kith }) => {
  const page = await withConnections(kith, 40);

  // Everyone at Globex (5 of 40) becomes a colleague.
  await page.getByRole('link', { name: 'Contacts' }).click();
  await page.getByLabel('Company').fill('globex');
  await expect(page.getByText('5 matches of 40')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Select all 5 shown' }).check();
  await page.getByLabel('Set relationship').selectOption('colleague');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status')).toContainText('5 contacts now in Colleague.');

  await page.getByRole('link', { name: 'Network map' }).click();
  const circle = (name: string) => page.getByRole('row', { name: new RegExp(`^${name}\\b`) });
  await expect(circle('Colleague')).toContainText('5');
  await expect(page.locator('tr[data-circle="colleague"] td').first()).toHaveText('5');
  await expect(page.locator('tr[data-circle="other"] td').first()).toHaveText('35');
  await expect(page.locator('tr[data-circle="family"] td').first()).toHaveText('0');
  await expect(page.locator('tr[data-circle="family"]')).toContainText('A gap to fill');
  await expect(page.locator('table.circles tbody tr')).toHaveCount(11);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Undone.');
  await expect(page.locator('tr[data-circle="colleague"] td').first()).toHaveText('0');
  await expect(page.locator('tr[data-circle="other"] td').first()).toHaveText('40');
  const stored = await kith.readStore<StoredContact>('contacts');
  expect(stored.filter((c) => c.relationship === 'other')).toHaveLength(40);
});

test('the network map names each target company’s card, a name of several words too', async ({ kith }) => {
  const at = Date.now();
  await kith.putRecords('contacts', [{ id: 'sg', name: 'Léa Martin', company: 'Société Générale', emails: [], createdAt: at, updatedAt: at }]);
  await kith.worker.evaluate(() => chrome.storage.local.set({ settings: { targets: ['Société Générale', 'Meta'] } }));
  const page = await kith.openDashboard('#/map');
  await expect(page.getByRole('region', { name: 'Société Générale: 1 person' })).toContainText('Léa Martin (Cold)');
  await expect(page.getByRole('region', { name: 'Meta: 0 people' })).toBeVisible();
});

test('the network map reflows at 320 to 400 px wide: no sideways scrolling, the bars still drawn', async ({ kith }) => {
  const now = Date.now();
  await kith.putRecords('contacts', [
    { id: 'noor', name: 'Noor Haddad', relationship: 'business-associate', warmth: 'warm', emails: [], createdAt: now, updatedAt: now },
    { id: 'sam', name: 'Sam Reyes', relationship: 'professional-body', emails: [], createdAt: now, updatedAt: now },
  ]);
  const page = await kith.openDashboard('#/map');
  await expect(page.locator('tr[data-circle="business-associate"] .bar')).toBeVisible();
  for (const width of [320, 360, 400]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width} px`).toBe(width);
    const bar = (await page.locator('tr[data-circle="business-associate"] .bar').boundingBox())!;
    expect(bar.width, `${width} px`).toBeGreaterThan(10);
    expect(bar.x + bar.width, `${width} px`).toBeLessThanOrEqual(width);
  }
});

test('this week: a contact past their cadence is Done and undone from the keyboard, the focus coming back, or snoozed', async ({ kith }) => {
  const page = await kith.openDashboard('#/week');
  const yesterday = await page.evaluate(() => {
    const d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() - 1).getTime();
  });
  await kith.putRecords('contacts', [{ id: 'noor', name: 'Noor Haddad', emails: [], createdAt: yesterday - 1, updatedAt: yesterday - 1, lastInteractionAt: yesterday + 86_400_000 - 60_000 }]);
  await kith.putRecords('reminders', [{ id: 'kit', contactId: 'noor', kind: 'keep-in-touch', dueAt: yesterday, openAt: yesterday, createdAt: yesterday - 1 }]);
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: 'Noor Haddad' })).toContainText('1 day over');
  const done = page.getByRole('button', { name: 'Done: keep in touch with Noor Haddad' });
  await done.focus();
  await done.press('Enter');
  await expect(page.getByRole('status')).toContainText('Marked done.');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.getByRole('button', { name: 'Undo' }).press('Enter');
  await expect(page.getByRole('status')).toContainText('Undone.');
  await expect(done).toBeFocused();

  // Snoozed for a day, it leaves the list until then.
  await page.getByRole('button', { name: 'Snooze for a day: keep in touch with Noor Haddad' }).click();
  await expect(page.getByRole('status')).toContainText('Snoozed for a day.');
  await expect(done).toHaveCount(0);

  // Last in touch at 23:59 yesterday is yesterday, though not a whole day ago.
  await page.goto(kith.url('dashboard.html#/contacts'));
  await expect(page.getByRole('row', { name: /Noor Haddad/ })).toContainText('Yesterday');
});

/** This week, with Ben Okafor's follow-up due a minute ago; `now`, the page's clock as it was seeded. */
async function weekWithBensFollowUp(kith: Kith) {
  const page = await kith.openDashboard('#/week');
  const now = await page.evaluate(() => Date.now());
  await kith.putRecords('contacts', [{ id: 'ben', name: 'Ben Okafor', emails: [], createdAt: now - 86_400_000, updatedAt: now - 86_400_000 }]);
  await kith.putRecords('reminders', [{ id: 'call-ben', contactId: 'ben', kind: 'follow-up', dueAt: now - 60_000, openAt: now - 60_000, createdAt: now - 86_400_000 }]);
  await page.reload();
  return { page, now };
}

test('this week: a Done that fails says why and leaves the keyboard on Done', async ({ kith }) => {
  const { page } = await weekWithBensFollowUp(kith);
  const done = page.getByRole('button', { name: 'Done: Follow up Ben Okafor' });
  await expect(done).toBeVisible();
  // Done elsewhere and cleared away meanwhile, as another window might: this page still shows it.
  await kith.worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((opened) => {
      const request = indexedDB.open('kith');
      request.onsuccess = () => opened(request.result);
    });
    const tx = db.transaction('reminders', 'readwrite');
    tx.objectStore('reminders').delete('call-ben');
    await new Promise((written) => (tx.oncomplete = written));
    db.close();
  });
  await done.focus();
  await done.press('Enter');
  await expect(page.getByRole('alert')).toContainText('That reminder no longer exists');
  await expect(done).toBeFocused();
});

test('this week: Snooze pressed again while its row is still drawn snoozes once, for one day', async ({ kith }) => {
  const { page, now } = await weekWithBensFollowUp(kith);
  const snooze = page.getByRole('button', { name: 'Snooze for a day: Follow up Ben Okafor' });
  await expect(snooze).toBeVisible();
  // Pressed, then pressed again as soon as it is no longer held, its row not yet read again.
  const pressedAgain = await page.evaluate(
    (name) =>
      new Promise<boolean>((done) => {
        const find = () => [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name);
        find()!.click();
        const started = performance.now();
        const tick = () => {
          const button = find();
          if (!button || performance.now() - started > 5000) return done(false);
          if (button.getAttribute('aria-disabled') !== 'true') {
            button.click();
            return done(true);
          }
          setTimeout(tick);
        };
        tick();
      }),
    'Snooze for a day: Follow up Ben Okafor',
  );
  await expect(page.getByRole('status')).toContainText('Snoozed for a day.');
  // Among the days ahead now, and read again there.
  await expect(page.getByRole('region', { name: /^Coming up/ }).getByRole('button', { name: 'Snooze for a day: Follow up Ben Okafor' })).toBeVisible();
  await page.evaluate(() => new Promise((settled) => setTimeout(settled, 300)));
  const [ben] = await kith.readStore<{ snoozedUntil?: number }>('reminders');
  expect(ben.snoozedUntil! - now, `pressed again: ${pressedAgain}`).toBeLessThan(1.5 * 86_400_000);
});

test('this week: each reminder’s contact is a link to their page, where the keyboard lands as after any link there', async ({ kith }) => {
  const page = await kith.openDashboard('#/week');
  const [now, startOfToday] = await page.evaluate(() => {
    const d = new Date();
    return [d.getTime(), new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()];
  });
  const day = 86_400_000;
  const people = [
    { id: 'ana', name: 'Ana Lima', kind: 'follow-up', dueAt: startOfToday - 2 * day, section: 'Overdue' },
    { id: 'ben', name: 'Ben Okafor', kind: 'follow-up', dueAt: now - 60_000, section: 'Due today' },
    { id: 'chi', name: 'Chi Nguyen', kind: 'promise', dueAt: startOfToday + 3 * day, section: 'Open promises' },
    { id: 'dev/1', name: 'Dev Patel', kind: 'thank-you', dueAt: startOfToday + 2 * day, section: 'Coming up this week' },
  ];
  await kith.putRecords('contacts', people.map(({ id, name }) => ({ id, name, emails: [], createdAt: now, updatedAt: now })));
  await kith.putRecords('reminders', people.map(({ id, kind, dueAt }) => ({ id: `r-${id}`, contactId: id, kind, dueAt, openAt: dueAt, createdAt: now })));
  await page.reload();
  for (const { id, name, section } of people) {
    const region = page.getByRole('region', { name: new RegExp(`^${section} \\(`) });
    await expect(region.getByRole('link', { name })).toHaveAttribute('href', `#/contact/${encodeURIComponent(id)}`);
  }

  await page.getByRole('region', { name: /^Overdue / }).getByRole('link', { name: 'Ana Lima' }).press('Enter');
  await expect(page).toHaveURL(/#\/contact\/ana$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Ana Lima' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
});

test('the contacts table finds everyone perhaps saved twice, and a merge takes the pair off it', async ({ kith }) => {
  const page = await withConnections(kith, 12);
  const at = Date.now() - 60_000;
  // Saved again from a phone: one by the same name, one by the same email under another name.
  await kith.putRecords('contacts', [
    { id: 'phone-1', name: nameOf(1).toUpperCase(), emails: ['one@home.example'], createdAt: at, updatedAt: at },
    { id: 'phone-3', name: 'From the phone', emails: [connection(3).email], createdAt: at, updatedAt: at },
  ]);
  await page.getByRole('link', { name: 'Contacts' }).click();
  await page.reload();
  await expect(page.getByText('14 contacts', { exact: true })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Perhaps saved twice' }).check();
  await expect(page.getByText('4 matches of 14')).toBeVisible();
  const rows = page.locator('table.contacts tbody tr:not([aria-hidden])');
  await expect(rows).toHaveCount(4);
  for (const name of [nameOf(1), nameOf(1).toUpperCase(), nameOf(3), 'From the phone']) await expect(rows.filter({ hasText: name }).first()).toBeVisible();

  await rows.filter({ hasText: 'From the phone' }).getByRole('link').click();
  const section = page.getByRole('region', { name: 'Merge or delete' });
  await section.getByRole('button', { name: `Merge ${nameOf(3)} into From the phone…` }).click();
  await section.getByRole('button', { name: `Merge ${nameOf(3)} into From the phone`, exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`Merged ${nameOf(3)} into From the phone.`);
  await page.getByRole('link', { name: '← All contacts' }).click();
  await page.getByRole('checkbox', { name: 'Perhaps saved twice' }).check();
  await expect(page.getByText('2 matches of 13')).toBeVisible();
});

test('the contacts table: the count of contacts selected is announced, and cut text is whole on hover', async ({ kith }) => {
  const now = Date.now();
  const long = { name: 'Maximiliane Oyelaran-Featherstonehaugh', title: 'Principal Staff Engineer, Developer Productivity and Platform', company: 'Globex International Holdings and Subsidiaries' };
  await kith.putRecords('contacts', [
    { id: 'long', ...long, emails: [], createdAt: now, updatedAt: now },
    { id: 'sam', name: 'Sam Reyes', emails: [], createdAt: now, updatedAt: now },
  ]);
  const page = await kith.openDashboard('#/contacts');
  const row = page.getByRole('row', { name: new RegExp(`^Select ${long.name}`) });
  for (const text of Object.values(long)) {
    const cell = row.getByRole('cell', { name: text, exact: true });
    await expect(cell).toHaveAttribute('title', text);
    // Cut by the column's width, as the title is there for.
    expect(await cell.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  }

  // A live region present before the first contact is picked, so that first count is heard too.
  const liveRegions = () => page.evaluate(() => [...document.querySelectorAll('[aria-live]')].map((region) => region.textContent));
  const before = await liveRegions();
  const pick = page.getByRole('checkbox', { name: 'Select Sam Reyes' });
  await pick.focus();
  await page.keyboard.press('Space');
  const bulk = page.getByRole('group', { name: 'Bulk actions' });
  await expect(bulk).toContainText('1 selected contact');
  const after = await liveRegions();
  expect(after).toHaveLength(before.length);
  expect(after).toContain('1 selected contact');
  await expect(pick).toBeFocused();
  await page.getByRole('checkbox', { name: 'Select all 2 shown' }).check();
  expect(await liveRegions()).toContain('2 selected contacts');

  // On a narrow screen the table keeps its columns readable and scrolls sideways in its region.
  await page.setViewportSize({ width: 400, height: 800 });
  const headers = await page.getByRole('columnheader').evaluateAll((cells) => cells.map((cell) => cell.scrollWidth <= cell.clientWidth));
  expect(headers.every(Boolean)).toBe(true);
  const region = page.getByRole('region', { name: 'Contacts table' });
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
});

test('the contacts list is as it was left after a visit to a contact: search, sort, selection and scroll', async ({ kith }) => {
  const now = Date.now();
  const contacts = Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, name: `Person ${String(i).padStart(3, '0')}`, emails: [], createdAt: now, updatedAt: now }));
  await kith.putRecords('contacts', contacts);
  const page = await kith.openDashboard('#/contacts');
  await page.getByLabel('Search contacts').fill('Person 1');
  await page.getByLabel('Sort by').selectOption('name');
  const count = page.getByText(/ matches of 300$/);
  await expect(count).toBeVisible();
  const matches = await count.textContent();
  await page.getByRole('checkbox', { name: 'Select Person 100' }).check();
  const table = page.getByRole('region', { name: 'Contacts table' });
  const firstDrawn = await table.getByRole('link').first().textContent();
  await table.evaluate((el) => (el.scrollTop = 1200));
  await expect(table.getByRole('link').first()).not.toHaveText(firstDrawn!);
  const opened = (await table.getByRole('link').nth(8).textContent())!;
  await table.getByRole('link', { name: opened }).click();
  await expect(page.getByRole('heading', { level: 1, name: opened })).toBeVisible();

  await page.getByRole('link', { name: '← All contacts' }).click();
  await expect(page.getByLabel('Search contacts')).toHaveValue('Person 1');
  await expect(page.getByLabel('Sort by')).toHaveValue('name');
  await expect(count).toHaveText(matches!);
  await expect(page.getByRole('group', { name: 'Bulk actions' })).toContainText('1 selected contact');
  expect(await table.evaluate((el) => el.scrollTop)).toBe(1200);
  await expect(table.getByRole('link', { name: opened })).toBeVisible();

  // The one selected, deleted from their page, is selected no more.
  await page.getByLabel('Search contacts').fill('Person 100');
  await table.getByRole('link', { name: 'Person 100' }).click();
  await page.getByRole('button', { name: 'Delete Person 100' }).click();
  await expect(page.getByRole('status')).toContainText('Deleted Person 100.');
  await expect(page.getByRole('group', { name: 'Bulk actions' })).toHaveCount(0);
});

test('a tag filter whose tag no contact has any more falls back to any tag', async ({ kith }) => {
  const page = await withConnections(kith, 4);
  await page.getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('checkbox', { name: `Select ${nameOf(0)}` }).check();
  const bulk = page.getByRole('group', { name: 'Bulk actions' });
  await bulk.getByLabel('Tag').fill('zzz');
  await bulk.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('status')).toContainText('Tagged 1 contact');
  await page.getByLabel('Tag', { exact: true }).first().selectOption('zzz');
  await expect(page.getByText('1 match of 4', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Undone.');
  await expect(page.getByText('4 contacts', { exact: true })).toBeVisible();
});

test('bulk tag and bulk delete from the contacts table, each with undo', async ({ kith }) => {
  const page = await withConnections(kith, 12);
  await page.getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByText('12 contacts', { exact: true })).toBeVisible();
  const chosen = [0, 4, 7].map(nameOf);
  const select = async () => {
    for (const name of chosen) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  };
  const taggedNames = async () => (await kith.readStore<StoredContact>('contacts')).filter((c) => c.tags.includes('prospect')).map((c) => c.name).sort();

  await select();
  const bulk = page.getByRole('group', { name: 'Bulk actions' });
  await expect(bulk).toContainText('3 selected contacts');
  await bulk.getByLabel('Tag').fill('prospect');
  await bulk.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('status')).toContainText('Tagged 3 contacts “prospect”.');
  expect(await taggedNames()).toEqual([...chosen].sort());
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Undone.');
  expect(await taggedNames()).toEqual([]);
  // The keyboard is back where it was: on the button that made the change.
  await expect(bulk.getByRole('button', { name: 'Add tag' })).toBeFocused();

  // Enter in the field adds it too; an empty field says so, tied to the field.
  const tagField = bulk.getByLabel('Tag');
  await tagField.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Type a tag to add');
  await expect(tagField).toHaveAttribute('aria-invalid', 'true');
  await expect(tagField).toHaveAccessibleDescription('Type a tag to add');
  // A tag a contact has in another spelling is not added again.
  const first = (await kith.readStore<StoredContact>('contacts')).find((c) => c.name === chosen[0])!;
  await kith.putRecords('contacts', [{ ...first, tags: ['Prospect'] }]);
  await tagField.fill('prospect');
  await tagField.press('Enter');
  await expect(page.getByRole('status')).toContainText('Tagged 2 contacts “prospect” (1 had it already).');
  await expect(tagField).not.toHaveAttribute('aria-invalid');
  const tagsOf = async () => (await kith.readStore<StoredContact>('contacts')).filter((c) => chosen.includes(c.name)).map((c) => [c.name, c.tags]);
  expect(await tagsOf()).toEqual(expect.arrayContaining(chosen.map((name) => [name, [name === chosen[0] ? 'Prospect' : 'prospect']])));
  // Asked again, it changes no one, and says so: none of them is written anew.
  const changedAt = async () => (await kith.readStore<StoredContact & { updatedAt: number }>('contacts')).filter((c) => chosen.includes(c.name)).map((c) => c.updatedAt);
  const before = await changedAt();
  await tagField.fill('Prospect');
  await tagField.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Nothing to tag: every contact selected has “Prospect” already.');
  expect(await changedAt()).toEqual(before);
  // The Undo of the tagging before it is still there.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Undone.');

  await select();
  await bulk.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status')).toContainText('Deleted 3 contacts.');
  await expect(page.getByText('9 contacts', { exact: true })).toBeVisible();
  for (const name of chosen) await expect(page.getByRole('checkbox', { name: `Select ${name}` })).toHaveCount(0);
  expect(await kith.readStore('contacts')).toHaveLength(9);

  await page.getByRole('button', { name: 'Undo' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Undone.');
  await expect(page.getByText('12 contacts', { exact: true })).toBeVisible();
  // The selection went with the delete, so the keyboard lands on the search above the list.
  await expect(page.getByLabel('Search contacts')).toBeFocused();
  const restored = await kith.readStore<StoredContact>('contacts');
  expect(restored.map((c) => c.name).sort()).toEqual(Array.from({ length: 12 }, (_, i) => nameOf(i)).sort());
});

test('Undo of a delete after the person was saved again keeps one email to one contact, and says so', async ({ kith }) => {
  await withConnections(kith, 2);
  const someone = (await kith.readStore<StoredContact & { profileUrl: string }>('contacts')).find((c) => c.name === nameOf(1))!;
  const page = await kith.openDashboard(`#/contact/${someone.id}`);
  await page.getByRole('button', { name: `Delete ${someone.name}` }).click();
  await expect(page.getByRole('status')).toContainText(`Deleted ${someone.name}.`);
  // Saved again (from their profile, in the popup) before the Undo.
  await kith.putRecords('contacts', [{ ...someone, id: 'saved-again', createdAt: Date.now(), updatedAt: Date.now() }]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText(`Undone. Not added: ${someone.profileUrl} is already ${someone.name}’s.`);
  const holders = (await kith.readStore<StoredContact & { profileUrl?: string }>('contacts')).filter((c) => c.profileUrl === someone.profileUrl);
  expect(holders.map((c) => c.id)).toEqual(['saved-again']);
  expect((await kith.readStore<StoredContact>('contacts')).filter((c) => c.name === someone.name)).toHaveLength(2);
});

test('typing on a contact deleted in another dashboard is shown on its page, to be copied', async ({ kith }) => {
  await withConnections(kith, 2);
  const someone = (await kith.readStore<StoredContact>('contacts')).find((c) => c.name === nameOf(1))!;
  const typing = await kith.openDashboard(`#/contact/${someone.id}`);
  await typing.getByLabel('Notes', { exact: true }).fill('Wants an intro to Priya\nAsk about the Lisbon office');
  await typing.getByLabel('Title', { exact: true }).fill('');
  const other = await kith.openDashboard(`#/contact/${someone.id}`);
  await other.getByRole('button', { name: `Delete ${someone.name}` }).click();
  await expect(other.getByRole('status')).toContainText(`Deleted ${someone.name}.`);
  await expect(typing.getByRole('heading', { level: 1, name: 'Contact not found' })).toBeVisible();
  const kept = typing.getByRole('alert');
  await expect(kept).toContainText('What you typed here was not saved.');
  await expect(kept).toContainText('Wants an intro to Priya');
  await expect(kept).toContainText('Ask about the Lisbon office');
  await expect(kept).toContainText('Title(cleared)');
});

test('a contact deleted from its page comes back with Undo, with what was typed on it, and the keyboard lands on the contacts search', async ({ kith }) => {
  await withConnections(kith, 3);
  const someone = (await kith.readStore<StoredContact>('contacts')).find((c) => c.name === nameOf(2))!;
  const page = await kith.openDashboard('#/week');
  await expect(page.getByRole('heading', { level: 1, name: 'This week' })).toBeVisible();
  // Followed from there, as a link does.
  await page.evaluate((id) => (location.hash = `#/contact/${id}`), someone.id);
  // Typed on, then deleted by mistake.
  await page.getByLabel('Notes', { exact: true }).fill('Owes me an intro');
  await page.getByRole('button', { name: `Delete ${someone.name}` }).click();
  await expect(page).toHaveURL(/#\/contacts$/);
  // The deleted contact's page is no step back: Back goes to the page before it.
  await page.goBack();
  await expect(page).toHaveURL(/#\/week$/);
  await page.goForward();
  await expect(page).toHaveURL(/#\/contacts$/);
  await expect(page.getByRole('status')).toContainText(`Deleted ${someone.name}.`);
  await expect(page.getByText('2 contacts', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('3 contacts', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Search contacts')).toBeFocused();
  expect((await kith.readStore<StoredContact>('contacts')).map((c) => c.id)).toContain(someone.id);
  // What was typed comes back with it.
  await page.evaluate((id) => (location.hash = `#/contact/${id}`), someone.id);
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Owes me an intro');
});

test('two contacts that are one person are merged from the keyboard on a contact page, and Undo parts them', async ({ kith }) => {
  const at = Date.now() - 60_000;
  await kith.putRecords('contacts', [
    { id: 'from-linkedin', name: 'José Müller', emails: [], profileUrl: 'https://www.linkedin.com/in/jose-muller/', createdAt: at, updatedAt: at },
    { id: 'from-gmail', name: 'Jose M', emails: ['jose@sg.example'], notes: 'Met at the fintech meetup', createdAt: at, updatedAt: at },
  ]);
  const page = await kith.openDashboard('#/contact/from-linkedin');
  const picker = page.getByRole('combobox', { name: 'Merge with another contact' });
  // Picking replaces the search box with the question, whose answer takes the keyboard.
  const pick = async () => {
    await picker.fill('jose m');
    await expect(page.getByRole('option', { name: /Jose M/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Merge Jose M into José Müller' })).toBeFocused();
  };

  // Cancel gives the keyboard back to the search box, and so does Escape.
  await pick();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(picker).toBeFocused();
  await pick();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Merge Jose M into José Müller' })).toHaveCount(0);
  await expect(picker).toBeFocused();

  await pick();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Merged Jose M into José Müller.');
  const merged = await kith.readStore<StoredContact & { notes: string }>('contacts');
  expect(merged.map(({ id, emails, profileUrl, notes }) => ({ id, emails, profileUrl, notes }))).toEqual([
    { id: 'from-linkedin', emails: ['jose@sg.example'], profileUrl: 'https://www.linkedin.com/in/jose-muller/', notes: 'Met at the fintech meetup' },
  ]);

  // The merge button left with the question, so Undo has the keyboard, and gives it back to the search box.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Undone.');
  await expect(picker).toBeFocused();
  expect((await kith.readStore<StoredContact>('contacts')).map(({ id, emails }) => ({ id, emails }))).toEqual([
    { id: 'from-gmail', emails: ['jose@sg.example'] },
    { id: 'from-linkedin', emails: [] },
  ]);
});

test('a contact page names another contact with the same email as perhaps the same person, and merges them', async ({ kith }) => {
  const at = Date.now() - 60_000;
  // Two records sharing an address, as a notebook from before each address was kept to one contact may hold.
  await kith.putRecords('contacts', [
    { id: 'from-linkedin', name: 'José Müller', emails: ['jose@sg.example'], profileUrl: 'https://www.linkedin.com/in/jose-muller/', createdAt: at, updatedAt: at },
    { id: 'from-gmail', name: 'Jose M', emails: ['jose@sg.example', 'jm@home.example'], createdAt: at, updatedAt: at },
  ]);
  const page = await kith.openDashboard('#/contact/from-linkedin');
  const section = page.getByRole('region', { name: 'Merge or delete' });
  await expect(section.getByRole('listitem')).toHaveText('Jose M also has jose@sg.example: perhaps the same person. Merge Jose M into José Müller… Not the same person');
  await section.getByRole('button', { name: 'Merge Jose M into José Müller…' }).click();
  await expect(section.getByRole('button', { name: 'Merge Jose M into José Müller', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Merged Jose M into José Müller.');
  await expect(section.getByRole('listitem')).toHaveCount(0);
  expect((await kith.readStore<StoredContact>('contacts')).map(({ id, emails }) => ({ id, emails }))).toEqual([
    { id: 'from-linkedin', emails: ['jose@sg.example', 'jm@home.example'] },
  ]);
});

test('a contact page names another contact of the same name as perhaps the same person, with their job, and merges them', async ({ kith }) => {
  const at = Date.now() - 60_000;
  // One person from a phone's contacts and from a LinkedIn export: no address or link in common.
  await kith.putRecords('contacts', [
    { id: 'from-phone', name: 'José Müller', emails: ['jose@home.example'], phones: ['+33 6 12 34 56 78'], createdAt: at, updatedAt: at },
    { id: 'from-linkedin', name: 'Jose Muller', emails: [], title: 'Analyst', company: 'Société Générale', profileUrl: 'https://www.linkedin.com/in/jose-muller/', createdAt: at, updatedAt: at },
    { id: 'someone-else', name: 'Josef Müller', emails: [], createdAt: at, updatedAt: at },
  ]);
  const page = await kith.openDashboard('#/contact/from-phone');
  const section = page.getByRole('region', { name: 'Merge or delete' });
  await expect(section.getByRole('listitem')).toHaveText(
    'Jose Muller (Analyst · Société Générale) has the same name: perhaps the same person. Merge Jose Muller into José Müller… Not the same person',
  );
  await section.getByRole('button', { name: 'Merge Jose Muller into José Müller…' }).click();
  await section.getByRole('button', { name: 'Merge Jose Muller into José Müller', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Merged Jose Muller into José Müller.');
  await expect(section.getByRole('listitem')).toHaveCount(0);
  const merged = (await kith.readStore<StoredContact>('contacts')).find((c) => c.id === 'from-phone')!;
  expect(merged).toMatchObject({ emails: ['jose@home.example'], title: 'Analyst', profileUrl: 'https://www.linkedin.com/in/jose-muller/' });
  expect(await kith.readStore<StoredContact>('contacts')).toHaveLength(2);
});

test('two people of one name, told apart on a contact page, are suggested nowhere after; Undo suggests them again', async ({ kith }) => {
  const at = Date.now() - 60_000;
  await kith.putRecords('contacts', [
    { id: 'sam-work', name: 'Sam Lee', emails: ['sam@work.example'], title: 'Designer', company: 'Fjord', createdAt: at, updatedAt: at },
    { id: 'sam-school', name: 'Sam Lee', emails: ['sam@school.example'], title: 'Teacher', createdAt: at, updatedAt: at },
  ]);
  const page = await kith.openDashboard('#/contact/sam-work');
  const section = page.getByRole('region', { name: 'Merge or delete' });
  const suggestion = 'Sam Lee (Teacher) has the same name: perhaps the same person. Merge Sam Lee (Teacher) into Sam Lee (Designer · Fjord)… Not the same person';
  await expect(section.getByRole('listitem')).toHaveText(suggestion);
  // Which Sam Lee goes into which is said by their jobs, in the question and its button.
  const suggested = section.getByRole('button', { name: 'Merge Sam Lee (Teacher) into Sam Lee (Designer · Fjord)…' });
  await suggested.click();
  await expect(section.getByRole('button', { name: 'Merge Sam Lee (Teacher) into Sam Lee (Designer · Fjord)', exact: true })).toBeFocused();
  // Cancel gives the keyboard back to the suggestion that asked.
  await section.getByRole('button', { name: 'Cancel' }).click();
  await expect(suggested).toBeFocused();
  const tellApart = async () => {
    await section.getByRole('button', { name: 'Not the same person: Sam Lee (Teacher)', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('Sam Lee (Teacher) and Sam Lee (Designer · Fjord) are kept apart as different people.');
    await expect(section.getByRole('listitem')).toHaveCount(0);
  };
  const toldApart = async () => (await kith.readStore<{ id: string; notSameAs: string[] }>('contacts')).map(({ id, notSameAs }) => ({ id, notSameAs }));

  await tellApart();
  expect(await toldApart()).toEqual([
    { id: 'sam-school', notSameAs: ['sam-work'] },
    { id: 'sam-work', notSameAs: ['sam-school'] },
  ]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(section.getByRole('listitem')).toHaveText(suggestion);
  await expect(section.getByRole('button', { name: 'Not the same person: Sam Lee (Teacher)', exact: true })).toBeFocused();
  expect(await toldApart()).toEqual([
    { id: 'sam-school', notSameAs: [] },
    { id: 'sam-work', notSameAs: [] },
  ]);

  // Told apart again: not suggested from the other one's page, nor by the contacts table's filter.
  await tellApart();
  await page.goto(kith.url('dashboard.html#/contact/sam-school'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sam Lee');
  await expect(section.getByRole('combobox', { name: 'Merge with another contact' })).toBeVisible();
  await expect(section.getByRole('listitem')).toHaveCount(0);
  await page.goto(kith.url('dashboard.html#/contacts'));
  await page.getByRole('checkbox', { name: 'Perhaps saved twice' }).check();
  await expect(page.getByText('0 matches of 2')).toBeVisible();
});

test('a contact page: edit and save a field, log an interaction into the timeline, see captured changes', async ({ kith }) => {
  await withConnections(kith, 3);
  const someone = (await kith.readStore<StoredContact>('contacts')).find((c) => c.name === nameOf(1))!;
  // Two job changes captured from their profile (the popup's "update to accept"), older first.
  const history = [
    { field: 'title', from: 'Designer', to: someone.title, at: new Date(2025, 0, 15).getTime() },
    { field: 'company', from: 'Initech', to: someone.company, at: new Date(2025, 5, 1).getTime() },
  ];
  await kith.putRecords('contacts', [{ ...someone, history }]);

  const page = await kith.openDashboard(`#/contact/${someone.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(someone.name);
  const changes = page.getByRole('region', { name: 'History of changes' }).getByRole('listitem');
  await expect(changes).toHaveText([
    new RegExp(`company: Initech → ${someone.company}$`),
    new RegExp(`title: Designer → ${someone.title}$`),
  ]);

  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(someone.title);
  await page.getByLabel('Title', { exact: true }).fill('VP Product');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`Saved ${someone.name}.`);
  const saved = (await kith.readStore<StoredContact>('contacts')).find((c) => c.id === someone.id)!;
  expect(saved.title).toBe('VP Product');
  // An edit by hand is the user's own word, not a captured change.
  expect(saved.history).toEqual(history);

  // Another contact's address is refused, with the way to make the two one person, on its field.
  const email = page.getByLabel('Email', { exact: true });
  await email.fill('person0@example.com');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const refused = `person0@example.com is already ${nameOf(0)}’s. To make them one person, merge the two contacts on either one’s page in the dashboard.`;
  await expect(page.getByRole('alert')).toHaveText(`Email: ${refused}`);
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(`Email: ${refused}`);
  expect((await kith.readStore<StoredContact>('contacts')).find((c) => c.id === someone.id)).toEqual(saved);
  await email.fill('');
  // So is their profile link.
  const details = page.getByRole('form', { name: 'Phones, addresses and profile' });
  const link = details.getByLabel('Profile link');
  const theirs = (await kith.readStore<StoredContact>('contacts')).find((c) => c.name === nameOf(0))!.profileUrl!;
  await link.fill(theirs);
  await link.press('Enter');
  await expect(details.getByRole('alert')).toContainText(`Profile link: ${theirs} is already ${nameOf(0)}’s.`);
  await expect(link).toHaveAttribute('aria-invalid', 'true');
  await details.getByRole('button', { name: 'Discard changes' }).click();
  await expect(link).not.toHaveAttribute('aria-invalid', 'true');

  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toContainText('Nothing logged yet.');
  await timeline.getByLabel('Summary').fill('Coffee at the harbour');
  await timeline.getByRole('button', { name: 'Log interaction' }).click();
  await expect(page.getByRole('status')).toContainText('Interaction logged.');
  await expect(timeline.locator('ol.timeline > li').filter({ hasText: 'Coffee at the harbour' })).toContainText('Meeting — Coffee at the harbour');
  expect(await kith.readStore('interactions')).toEqual([expect.objectContaining({ contactId: someone.id, channel: 'meeting', summary: 'Coffee at the harbour' })]);
});

test('a contact page: a summary or reminder too long is marked invalid and described by the error, the hint kept', async ({ kith }) => {
  const now = Date.now();
  await kith.putRecords('contacts', [{ id: 'ines', name: 'Ines Duarte', emails: [], createdAt: now, updatedAt: now }]);
  const page = await kith.openDashboard('#/contact/ines');
  const timeline = page.getByRole('region', { name: 'Timeline' });

  const summary = timeline.getByLabel('Summary');
  await summary.fill('s'.repeat(6_000));
  await timeline.getByRole('button', { name: 'Log interaction' }).click();
  await expect(page.getByRole('alert')).toContainText('Summary: 6,000 characters');
  await expect(summary).toHaveAttribute('aria-invalid', 'true');
  await expect(summary).toHaveAccessibleDescription(/^Summary: 6,000 characters.* Enter logs it; Shift\+Enter starts a new line\.$/);
  await summary.fill('Coffee');
  await timeline.getByRole('button', { name: 'Log interaction' }).click();
  await expect(page.getByRole('status')).toContainText('Interaction logged.');
  await expect(summary).not.toHaveAttribute('aria-invalid');
  await expect(summary).toHaveAccessibleDescription('Enter logs it; Shift+Enter starts a new line.');
  const date = timeline.getByLabel('Date', { exact: true });
  await date.fill('2099-01-01');
  await timeline.getByRole('button', { name: 'Log interaction' }).click();
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveAccessibleDescription(/^Date: 2099-01-01 is after today/);
  await expect(summary).not.toHaveAttribute('aria-invalid');

  const what = timeline.getByLabel('What');
  await expect(what).not.toHaveAttribute('aria-invalid');
  await what.fill('n'.repeat(1_200));
  await timeline.getByRole('button', { name: 'Add reminder' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'What: 1,200 characters' })).toBeVisible();
  await expect(what).toHaveAttribute('aria-invalid', 'true');
  await expect(what).toHaveAccessibleDescription(/^What: 1,200 characters/);
});

test('the search shown is the one in the address, also after the navigation’s Contacts is followed from the list', async ({ kith }) => {
  const page = await withConnections(kith, 5);
  await page.getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('searchbox').fill(nameOf(2));
  await expect(page).toHaveURL(new RegExp(`#/contacts\\?q=${encodeURIComponent(nameOf(2))}$`));
  await page.getByRole('link', { name: 'Contacts' }).click();
  await expect(page.getByRole('searchbox')).toHaveValue(nameOf(2));
  await expect(page).toHaveURL(new RegExp(`#/contacts\\?q=${encodeURIComponent(nameOf(2))}$`));
  await page.reload();
  await expect(page.getByRole('searchbox')).toHaveValue(nameOf(2));
});

test('the arrow keys move from the search through the contacts found, past the rows first drawn, and back up', async ({ kith }) => {
  const page = await withConnections(kith, 40);
  await page.getByRole('link', { name: 'Contacts' }).click();
  const search = page.getByRole('searchbox');
  await search.focus();
  await page.keyboard.press('ArrowDown');
  const focusedName = () => page.evaluate(() => document.activeElement?.textContent);
  const names = async () => page.getByRole('region', { name: 'Contacts table' }).locator('tbody a').allTextContents();
  const first = (await names())[0];
  expect(await focusedName()).toBe(first);
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowDown');
  const twentyFirst = await focusedName();
  expect(twentyFirst).not.toBe(first);
  expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex'))).toBe('22');
  for (let i = 0; i < 21; i++) await page.keyboard.press('ArrowUp');
  await expect(search).toBeFocused();
});

test('the contacts table: a new filter or search shows its first matches in view, says when none match, and when picked contacts are hidden', async ({ kith }) => {
  await withConnections(kith, 120);
  const page = await kith.openDashboard('#/contacts');
  const table = page.getByRole('region', { name: 'Contacts table' });
  await expect(page.getByText('120 contacts')).toBeVisible();
  await table.evaluate((el) => el.scrollTo(0, 2000));
  await expect.poll(() => table.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await page.getByLabel('Warmth', { exact: true }).selectOption('cold');
  await expect(page.getByText('120 matches of 120').or(page.getByText('120 contacts'))).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toBeInViewport();

  await table.evaluate((el) => el.scrollTo(0, 2000));
  await page.getByRole('searchbox').fill('a');
  await expect(table.getByRole('row').nth(1)).toBeInViewport();

  await page.getByRole('searchbox').fill('zzqx');
  // Cold only is set, so the filters may be why.
  await expect(page.getByText('No contact matches “zzqx” with these filters.')).toBeVisible();
  // A long link pasted that finds no one wraps, rather than widening the page.
  await page.getByRole('searchbox').fill(`https://www.linkedin.com/in/someone-else/?${'trackingParameter=1&'.repeat(8)}`);
  await expect(page.getByText(/^No contact matches “https/)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

  // Picked, then hidden by a search: the bulk bar says so, and unticking all shown keeps them.
  await page.getByRole('searchbox').fill('');
  await table.getByRole('checkbox', { name: `Select ${nameOf(1)}` }).check();
  await page.getByRole('searchbox').fill(nameOf(2));
  await table.getByRole('checkbox', { name: `Select ${nameOf(2)}` }).check();
  await expect(page.getByRole('group', { name: 'Bulk actions' })).toContainText('2 selected contacts, 1 of them not shown');
  await table.getByRole('checkbox', { name: /^Select all \d+ shown$/ }).uncheck();
  await expect(page.getByRole('group', { name: 'Bulk actions' })).toContainText('1 selected contact, 1 of them not shown');
});

test('a contact page shows the open follow-up in its form, and a new date moves it rather than adding another', async ({ kith }) => {
  await withConnections(kith, 3);
  const someone = (await kith.readStore<StoredContact>('contacts')).find((c) => c.name === nameOf(1))!;
  const page = await kith.openDashboard(`#/contact/${someone.id}`);
  const inDays = (days: number) => localDateIn(page, days);
  const followUps = async () => (await kith.readStore<StoredReminder>('reminders')).filter((r) => r.kind === 'follow-up' && r.doneAt === undefined);

  await page.getByLabel('Follow up', { exact: true }).fill(await inDays(3));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`Saved ${someone.name}.`);
  await page.reload();
  await expect(page.getByLabel('Follow up', { exact: true })).toHaveValue(await inDays(3));

  await page.getByLabel('Follow up', { exact: true }).fill(await inDays(5));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(async () => (await followUps()).map((r) => r.dueAt)).toEqual([await page.evaluate((day) => new Date(`${day}T00:00`).getTime(), await inDays(5))]);
  await expect(page.getByLabel('Follow up', { exact: true })).toHaveValue(await inDays(5));
});

test('a contact page keeps what was typed and not yet saved while another form on it saves', async ({ kith }) => {
  await withConnections(kith, 2);
  const someone = (await kith.readStore<StoredContact & { notes: string; phones: string[] }>('contacts')).find((c) => c.name === nameOf(1))!;
  const page = await kith.openDashboard(`#/contact/${someone.id}`);
  const notes = page.getByLabel('Notes', { exact: true });
  const phones = page.getByLabel('Phones', { exact: true });
  await notes.fill('Owes me an intro to their CTO');
  await phones.fill('+41 44 123 45 67');

  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByLabel('Summary').fill('Coffee at the harbour');
  await timeline.getByRole('button', { name: 'Log interaction' }).click();
  await expect(page.getByRole('status')).toContainText('Interaction logged.');
  await expect(notes).toHaveValue('Owes me an intro to their CTO');
  await expect(phones).toHaveValue('+41 44 123 45 67');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`Saved ${someone.name}.`);
  await expect(phones).toHaveValue('+41 44 123 45 67');
  const afterSave = (await kith.readStore<typeof someone>('contacts')).find((c) => c.id === someone.id)!;
  expect(afterSave).toMatchObject({ notes: 'Owes me an intro to their CTO', phones: [] });

  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('status')).toContainText(`Saved ${someone.name}’s details.`);
  await expect(notes).toHaveValue('Owes me an intro to their CTO');
  const afterDetails = (await kith.readStore<typeof someone>('contacts')).find((c) => c.id === someone.id)!;
  expect(afterDetails).toMatchObject({ notes: 'Owes me an intro to their CTO', phones: ['+41 44 123 45 67'] });
});

test('a contact page open in two tabs: each shows what the other saved, and saves only what was typed on it', async ({ kith }) => {
  await withConnections(kith, 2);
  type Stored = StoredContact & { notes: string; phones: string[] };
  const someone = (await kith.readStore<Stored>('contacts')).find((c) => c.name === nameOf(1))!;
  const stored = async () => (await kith.readStore<Stored>('contacts')).find((c) => c.id === someone.id)!;
  const first = await kith.openDashboard(`#/contact/${someone.id}`);
  const second = await kith.openDashboard(`#/contact/${someone.id}`);
  await expect(first.getByLabel('Notes', { exact: true })).toHaveValue(someone.notes);
  await first.getByLabel('Tags', { exact: true }).fill('mentor');

  await second.getByLabel('Notes', { exact: true }).fill('Met at the harbour');
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(second.getByRole('status')).toContainText(`Saved ${someone.name}.`);
  // The first tab shows the note without being reloaded, and keeps the tag typed and not saved.
  await expect(first.getByLabel('Notes', { exact: true })).toHaveValue('Met at the harbour');
  await expect(first.getByLabel('Tags', { exact: true })).toHaveValue('mentor');

  // Another program writes, and tells nobody: each form here still saves only what was typed on it.
  await kith.putRecords('contacts', [{ ...(await stored()), title: 'Chief of Staff' }]);
  await first.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(first.getByRole('status')).toContainText(`Saved ${someone.name}.`);
  await first.getByLabel('Addresses', { exact: true }).fill('Bahnhofstrasse 1, Zürich');
  await kith.putRecords('contacts', [{ ...(await stored()), phones: ['+41 44 123 45 67'] }]);
  // Saved from the keyboard, as the notes are: Ctrl+Enter in the box of lines.
  await first.getByLabel('Addresses', { exact: true }).press('Control+Enter');
  await expect(first.getByRole('status')).toContainText(`Saved ${someone.name}’s details.`);
  expect(await stored()).toMatchObject({
    notes: 'Met at the harbour',
    tags: ['mentor'],
    title: 'Chief of Staff',
    phones: ['+41 44 123 45 67'],
    addresses: ['Bahnhofstrasse 1, Zürich'],
  });
});

test('notes typed in two tabs: the second is told what its save would replace, and shown it whole', async ({ kith }) => {
  await withConnections(kith, 2);
  type Stored = StoredContact & { notes: string };
  const someone = (await kith.readStore<Stored>('contacts')).find((c) => c.name === nameOf(1))!;
  const stored = async () => (await kith.readStore<Stored>('contacts')).find((c) => c.id === someone.id)!;
  const first = await kith.openDashboard(`#/contact/${someone.id}`);
  const second = await kith.openDashboard(`#/contact/${someone.id}`);
  await second.getByLabel('Notes', { exact: true }).fill('B: she moved to Berlin.');
  await first.getByLabel('Notes', { exact: true }).fill('A: promised an intro to Cy,\nby Friday.');
  await first.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(first.getByRole('status')).toContainText(`Saved ${someone.name}.`);

  // The second tab keeps what was typed there, and says what is saved now.
  const warning = second.locator('.overwrites');
  await expect(warning).toContainText('Saved elsewhere since you began typing here');
  await expect(warning.locator('dt')).toHaveText(['Notes']);
  await expect(warning.locator('dd')).toHaveText(['A: promised an intro to Cy,\nby Friday.']);
  await expect(second.getByLabel('Notes', { exact: true })).toHaveValue('B: she moved to Berlin.');

  // Typed so as to keep both, the warning goes; saved, both are kept.
  await second.getByLabel('Notes', { exact: true }).fill('A: promised an intro to Cy,\nby Friday.\n\nB: she moved to Berlin.');
  await expect(warning).toHaveCount(0);
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(second.getByRole('status')).toContainText(`Saved ${someone.name}.`);
  expect((await stored()).notes).toBe('A: promised an intro to Cy,\nby Friday.\n\nB: she moved to Berlin.');
  await expect(first.locator('.overwrites')).toHaveCount(0);

  // Cleared in the other tab: typing here would bring it back, and the page says so.
  await first.getByLabel('Title', { exact: true }).fill('Head of Research');
  await second.getByLabel('Title', { exact: true }).fill('');
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(second.getByRole('status')).toContainText(`Saved ${someone.name}.`);
  await expect(first.locator('.overwrites dt')).toHaveText(['Title']);
  await expect(first.locator('.overwrites dd')).toHaveText(['(blank)']);
});

test('a merge refused, as two contacts’ tags together are more than Kith keeps, leaves the keyboard on Merge', async ({ kith }) => {
  const now = Date.now();
  const tags = (prefix: string) => Array.from({ length: 30 }, (_, i) => `${prefix}${i}`);
  await kith.putRecords('contacts', [
    { id: 'ada', name: 'Ada Quinlan', emails: ['ada@q.example'], tags: tags('a'), createdAt: now, updatedAt: now },
    { id: 'ada-q', name: 'Ada Q', emails: ['ada@work.example'], tags: tags('b'), createdAt: now, updatedAt: now },
  ]);
  const page = await kith.openDashboard('#/contact/ada');
  const section = page.getByRole('region', { name: 'Merge or delete' });
  await section.getByRole('combobox', { name: 'Merge with another contact' }).fill('ada q');
  await expect(page.getByRole('option', { name: /^Ada Q\b/ }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  const merge = section.getByRole('button', { name: 'Merge Ada Q into Ada Quinlan', exact: true });
  await expect(merge).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(section.getByRole('alert')).toContainText('Tags: together they have 60, where Kith keeps up to 50');
  await expect(merge).toBeFocused();
  expect(await kith.readStore('contacts')).toHaveLength(2);
});

test('what is typed on a contact page and not saved comes back after the browser crashes, and only then', async ({ kith }) => {
  await withConnections(kith, 2);
  const someone = (await kith.readStore<StoredContact & { notes: string }>('contacts')).find((c) => c.name === nameOf(1))!;
  const typedNotes = `${someone.notes}\n\nHalf-written: owes me an intro`;
  const page = await kith.openDashboard(`#/contact/${someone.id}`);
  await page.getByLabel('Notes', { exact: true }).fill(typedNotes);
  await page.getByRole('region', { name: 'Timeline' }).getByLabel('Summary').fill('Coffee at the harbour');
  // Another dashboard open meanwhile shows what is saved: the typing is the first one's.
  const beside = await kith.openDashboard(`#/contact/${someone.id}`);
  await expect(beside.getByLabel('Notes', { exact: true })).toHaveValue(someone.notes);
  await beside.close();
  await page.waitForTimeout(500);

  await kith.crash();
  const again = await kith.openDashboard(`#/contact/${someone.id}`);
  await expect(again.getByLabel('Notes', { exact: true })).toHaveValue(typedNotes);
  await expect(again.getByRole('region', { name: 'Timeline' }).getByLabel('Summary')).toHaveValue('Coffee at the harbour');
  await expect(again.getByRole('status')).toContainText('Restored what you had typed and not saved before the dashboard closed.');

  // Closed on purpose, past the browser's question, the typing is given up.
  again.on('dialog', (dialog) => void dialog.accept());
  await again.close({ runBeforeUnload: true });
  await expect.poll(() => again.isClosed()).toBe(true);
  const later = await kith.openDashboard(`#/contact/${someone.id}`);
  await expect(later.getByLabel('Notes', { exact: true })).toHaveValue(someone.notes);
});

test('typing that never pauses is kept as it goes: a crash mid-sentence loses only its last moment', async ({ kith }) => {
  await withConnections(kith, 2);
  const someone = (await kith.readStore<StoredContact & { notes: string }>('contacts')).find((c) => c.name === nameOf(1))!;
  const page = await kith.openDashboard(`#/contact/${someone.id}`);
  const notes = page.getByLabel('Notes', { exact: true });
  await notes.focus();
  await page.keyboard.press('End');
  // A key every 80 ms, faster than the moment the dashboard waits, then the crash mid-word.
  await notes.pressSequentially(' Owes me an intro to their CTO', { delay: 80 });
  await kith.crash();
  const again = await kith.openDashboard(`#/contact/${someone.id}`);
  await expect(again.getByLabel('Notes', { exact: true })).toHaveValue(/Owes me an intro to their/);
});

test('what is typed on a contact page and not saved survives leaving it, and the browser asks before the tab closes over it', async ({ kith }) => {
  await withConnections(kith, 2);
  const someone = (await kith.readStore<StoredContact & { notes: string }>('contacts')).find((c) => c.name === nameOf(1))!;
  const page = await kith.openDashboard(`#/contact/${someone.id}`);
  const notes = page.getByLabel('Notes', { exact: true });
  const typedNotes = `${someone.notes}\n\nOwes me an intro to their CTO`;
  await notes.fill(typedNotes);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByLabel('Summary').fill('Coffee at the harbour');
  const reminderForm = page.getByRole('form', { name: 'Add a reminder' });
  await reminderForm.getByLabel('Reminder').selectOption({ label: 'Keep a promise' });
  await reminderForm.getByLabel('What').fill('Send the deck');

  // Off to the list: the page is gone, what was typed is not, and the way back is on the list.
  await page.getByRole('link', { name: '← All contacts' }).click();
  const unsaved = page.locator('.unsaved');
  await expect(unsaved).toHaveText(`Typed and not saved yet, on the page of ${someone.name}.`);
  await expectAccessible(page, 'contacts with unsaved typing');
  await unsaved.getByRole('link', { name: someone.name }).click();
  await expect(notes).toHaveValue(typedNotes);
  await expect(timeline.getByLabel('Summary')).toHaveValue('Coffee at the harbour');
  await expect(reminderForm.getByLabel('What')).toHaveValue('Send the deck');
  await expect(reminderForm.getByLabel('Reminder')).toHaveValue('promise');
  await expect(unsaved).toBeHidden();

  // Closing the tab now asks first.
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);

  // Saved, and the interaction logged: nothing left to ask about, nothing listed.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`Saved ${someone.name}.`);
  await timeline.getByRole('button', { name: 'Log interaction' }).click();
  await expect(page.getByRole('status')).toContainText('Interaction logged.');
  await page.getByRole('link', { name: '← All contacts' }).click();
  await expect(unsaved).toHaveText(`Typed and not saved yet, on the page of ${someone.name}.`);
  await unsaved.getByRole('link', { name: someone.name }).click();
  await reminderForm.getByRole('button', { name: 'Add reminder' }).click();
  await expect(page.getByRole('status')).toContainText('Keep a promise reminder added.');
  await page.getByRole('link', { name: '← All contacts' }).click();
  await expect(page.getByText('2 contacts', { exact: true })).toBeVisible();
  await expect(unsaved).toBeHidden();
  expect((await kith.readStore<{ id: string; notes: string }>('contacts')).find((c) => c.id === someone.id)?.notes).toBe(typedNotes);

  // Typed on a contact then deleted: nothing left to lose, so nothing to ask.
  await page.getByRole('link', { name: nameOf(0) }).click();
  await page.getByLabel('Notes', { exact: true }).fill('About to go');
  await page.getByRole('button', { name: `Delete ${nameOf(0)}` }).click();
  await expect(page.getByRole('status')).toContainText(`Deleted ${nameOf(0)}.`);
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(asked).toEqual(['beforeunload']);
});

test('a contact page opened for someone with a referrer: a reminder done at once leaves the keyboard on Undo', async ({ kith }) => {
  const now = Date.now();
  await kith.putRecords('contacts', [
    { id: 'ana', name: 'Ana Lima', emails: [], referredBy: 'cy', createdAt: now - 1000, updatedAt: now - 1000 },
    { id: 'cy', name: 'Cy Ray', emails: [], createdAt: now - 1000, updatedAt: now - 1000 },
  ]);
  await kith.putRecords('reminders', [{ id: 'deck', contactId: 'ana', kind: 'promise', dueAt: now - 60_000, openAt: now - 60_000, note: 'Send the deck', createdAt: now - 120_000 }]);
  const page = await kith.openDashboard('#/contact/ana');
  // Within the while a button the page draws may take the focus lost: the referrer the page
  // opened with was no action's, and its Remove takes nothing.
  const done = page.getByRole('button', { name: 'Done: Keep a promise' });
  await done.focus();
  await done.press('Enter');
  await expect(page.getByRole('status')).toContainText('Keep a promise: done.');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
});

test('buttons of things alike in a list are told apart by their words: two promises, two emails of a day, two of one name', async ({ kith }) => {
  const now = Date.now();
  await kith.putRecords('contacts', [
    { id: 'ana', name: 'Ana Lima', title: 'CTO', emails: [], createdAt: now - 1000, updatedAt: now - 1000 },
    { id: 'ana-2', name: 'Ana Lima', title: 'Chef', emails: [], createdAt: now - 1000, updatedAt: now - 1000 },
  ]);
  await kith.putRecords('reminders', [
    { id: 'deck', contactId: 'ana', kind: 'promise', dueAt: now - 60_000, openAt: now - 60_000, note: 'Send the deck', createdAt: now - 120_000 },
    { id: 'intro', contactId: 'ana', kind: 'promise', dueAt: now - 30_000, openAt: now - 30_000, note: 'Intro to Cy', createdAt: now - 120_000 },
  ]);
  await kith.putRecords('interactions', [
    { id: 'i1', contactId: 'ana', channel: 'email', at: now - 5000, summary: 'The deck', received: [], gave: [] },
    { id: 'i2', contactId: 'ana', channel: 'email', at: now - 4000, summary: 'The intro', received: [], gave: [] },
  ]);
  const page = await kith.openDashboard('#/contact/ana');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByRole('button', { name: 'Done: Keep a promise — Send the deck', exact: true })).toHaveCount(1);
  await expect(timeline.getByRole('button', { name: 'Snooze for a day: Keep a promise — Intro to Cy', exact: true })).toHaveCount(1);
  await expect(timeline.getByRole('button', { name: /^Delete email interaction of .* — The deck$/ })).toHaveCount(1);
  await expect(timeline.getByRole('button', { name: /^Edit email interaction of .* — The intro$/ })).toHaveCount(1);
  await page.getByRole('link', { name: '← All contacts' }).click();
  await expect(page.getByRole('checkbox', { name: 'Select Ana Lima — CTO', exact: true })).toHaveCount(1);
  await expect(page.getByRole('checkbox', { name: 'Select Ana Lima — Chef', exact: true })).toHaveCount(1);
});

test('typing on a contact page can be discarded, form by form, from the keyboard', async ({ kith }) => {
  await withConnections(kith, 2);
  const someone = (await kith.readStore<StoredContact & { title: string; notes: string }>('contacts')).find((c) => c.name === nameOf(1))!;
  const page = await kith.openDashboard(`#/contact/${someone.id}`);
  const details = page.getByRole('form', { name: 'Phones, addresses and profile' });
  const discardAbove = page.getByRole('button', { name: 'Discard changes' }).first();
  await expect(page.getByRole('button', { name: 'Discard changes' })).toHaveCount(0);

  await page.getByLabel('Title', { exact: true }).fill('oops');
  await page.getByLabel('Notes', { exact: true }).fill('typed by mistake');
  await details.getByLabel('Phones').fill('+1 555 0100');
  await expect(page.getByRole('button', { name: 'Discard changes' })).toHaveCount(2);

  // The contact's form goes back to what is saved; the details keep their typing.
  await discardAbove.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(someone.title);
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue(someone.notes);
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeFocused();
  await expect(details.getByLabel('Phones')).toHaveValue('+1 555 0100');

  await details.getByRole('button', { name: 'Discard changes' }).click();
  await expect(details.getByLabel('Phones')).toHaveValue('');
  await expect(details.getByRole('button', { name: 'Save details' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Discard changes' })).toHaveCount(0);

  // Nothing typed is left: the list lists nothing unsaved, and the tab closes without asking.
  await page.getByRole('link', { name: '← All contacts' }).click();
  await expect(page.getByText('2 contacts', { exact: true })).toBeVisible();
  await expect(page.locator('.unsaved')).toBeHidden();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect((await kith.readStore<{ id: string; title: string }>('contacts')).find((c) => c.id === someone.id)?.title).toBe(someone.title);
});

test('the interaction log exports as a spreadsheet, a row per interaction', async ({ kith }) => {
  await withConnections(kith, 2);
  const someone = (await kith.readStore<StoredContact>('contacts')).find((c) => c.name === nameOf(1))!;
  const page = await kith.openDashboard(`#/contact/${someone.id}`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByLabel('Summary').fill('Coffee at the harbour');
  await timeline.getByRole('button', { name: 'Log interaction' }).click();
  await expect(page.getByRole('status')).toContainText('Interaction logged.');

  await page.goto(page.url().replace(/#.*$/, '#/import'));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export interaction log (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^kith-interactions-\d{4}-\d{2}-\d{2}\.csv$/);
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
  expect(readFileSync(await file.path(), 'utf8').split('\r\n')).toEqual([
    '\uFEFFDate,Contact,Channel,Summary,Received,Gave,Link',
    `${today},${someone.name},meeting,Coffee at the harbour,,,`,
    '',
  ]);
});

type StoredInteraction = { id: string; contactId: string; at: number; summary: string };
type StoredReminder = { id: string; contactId: string; kind: string; dueAt: number; note: string; doneAt?: number };

test('a contact page: an interaction and a follow-up added by mistake are deleted, each with undo', async ({ kith }) => {
  await withConnections(kith, 3);
  const someone = (await kith.readStore<StoredContact>('contacts')).find((c) => c.name === nameOf(2))!;
  // Last seen long ago: once today's coffee is deleted, keeping in touch is overdue again.
  const lunch = { id: 'lunch', contactId: someone.id, at: Date.now() - 200 * 86_400_000, channel: 'meeting', summary: 'Lunch', received: [], gave: [] };
  await kith.putRecords('interactions', [lunch]);
  await kith.putRecords('contacts', [{ ...someone, createdAt: lunch.at, lastInteractionAt: lunch.at }]);

  const page = await kith.openDashboard(`#/contact/${someone.id}`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByLabel('Summary').fill('Coffee at the harbour');
  await timeline.getByRole('button', { name: 'Log interaction' }).click();
  await expect(page.getByRole('status')).toContainText('Interaction logged.');
  await timeline.getByLabel('What', { exact: true }).fill('Send the deck');
  await timeline.getByRole('button', { name: 'Add reminder' }).click();
  await expect(page.getByRole('status')).toContainText('Follow up reminder added.');

  const contact = async () => (await kith.readStore<StoredContact & { lastInteractionAt?: number }>('contacts')).find((c) => c.id === someone.id)!;
  const keepInTouch = async () => (await kith.readStore<StoredReminder>('reminders')).filter((r) => r.kind === 'keep-in-touch');
  const [coffee] = (await kith.readStore<StoredInteraction>('interactions')).filter((i) => i.summary === 'Coffee at the harbour');
  const [before] = await keepInTouch();
  expect((await contact()).lastInteractionAt).toBe(coffee.at);
  expect(before.dueAt).toBeGreaterThan(Date.now());
  // Only the follow-up for today is due.
  await expect.poll(() => kith.badgeText()).toBe('1');
  await expectAccessible(page, 'contact page with delete buttons');

  const row = (text: string) => timeline.locator('ol.timeline > li').filter({ hasText: text });
  await row('Coffee at the harbour').getByRole('button', { name: /^Delete meeting interaction of / }).click();
  await expect(page.getByRole('status')).toContainText('Deleted the meeting interaction of');
  await expect(row('Coffee at the harbour')).toHaveCount(0);
  expect((await kith.readStore<StoredInteraction>('interactions')).map((i) => i.id)).toEqual(['lunch']);
  expect((await contact()).lastInteractionAt).toBe(lunch.at);
  const moved = await keepInTouch();
  expect(moved).toEqual([expect.objectContaining({ id: before.id })]);
  expect(moved[0].dueAt).toBeLessThan(Date.now());
  await expect.poll(() => kith.badgeText()).toBe('2');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Undone.');
  await expect(row('Coffee at the harbour')).toHaveCount(1);
  // Undo leaves as the entry comes back: focus returns to the Delete pressed.
  await expect(row('Coffee at the harbour').getByRole('button', { name: /^Delete meeting interaction of / })).toBeFocused();
  expect((await kith.readStore<StoredInteraction>('interactions')).map((i) => i.id).sort()).toEqual([coffee.id, 'lunch'].sort());
  expect((await contact()).lastInteractionAt).toBe(coffee.at);
  expect(await keepInTouch()).toEqual([expect.objectContaining({ id: before.id, dueAt: before.dueAt })]);
  await expect.poll(() => kith.badgeText()).toBe('1');

  // Keep-in-touch follows from the cadence, so only the follow-up can be deleted.
  await expect(row('Keep in touch').getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  await row('Send the deck').getByRole('button', { name: /^Delete reminder to follow up, / }).click();
  await expect(page.getByRole('status')).toContainText('Deleted the reminder to follow up.');
  await expect(row('Send the deck')).toHaveCount(0);
  expect((await kith.readStore<StoredReminder>('reminders')).map((r) => r.kind)).toEqual(['keep-in-touch']);
  await expect.poll(() => kith.badgeText()).toBe('');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Undone.');
  await expect(row('Send the deck')).toHaveCount(1);
  await expect(row('Send the deck').getByRole('button', { name: /^Delete reminder to follow up, / })).toBeFocused();
  expect((await kith.readStore<StoredReminder>('reminders')).map((r) => [r.kind, r.note]).sort()).toEqual([
    ['follow-up', 'Send the deck'],
    ['keep-in-touch', ''],
  ]);
  await expect.poll(() => kith.badgeText()).toBe('1');
});

test('a contact page: an interaction logged wrong is corrected in the log form, by keyboard, with undo', async ({ kith }) => {
  await withConnections(kith, 2);
  const [someone] = await kith.readStore<StoredContact>('contacts');
  const DAY = 86_400_000;
  const call = { id: 'call', contactId: someone.id, at: Date.now() - 3 * DAY, channel: 'call', summary: 'Intro cal', received: [], gave: [] };
  await kith.putRecords('interactions', [call]);
  await kith.putRecords('contacts', [{ ...someone, lastInteractionAt: call.at }]);

  const page = await kith.openDashboard(`#/contact/${someone.id}`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const stored = async () => (await kith.readStore<StoredInteraction & { channel: string; received: string[] }>('interactions'))[0];
  // Something typed for a new interaction waits while another is corrected.
  await timeline.getByLabel('Summary').fill('Not logged yet');
  const edit = timeline.getByRole('button', { name: /^Edit call interaction of / });
  await edit.focus();
  await page.keyboard.press('Enter');
  await expect(timeline.getByRole('heading', { name: /^Edit the call interaction of / })).toBeVisible();
  await expect(timeline.getByLabel('Summary')).toBeFocused();
  await expect(timeline.getByLabel('Summary')).toHaveValue('Intro cal');
  await expect(timeline.getByLabel('Channel')).toHaveValue('call');
  await page.keyboard.press('Escape');
  await expect(timeline.getByRole('heading', { name: 'Log interaction' })).toBeVisible();
  await expect(timeline.getByLabel('Summary')).toHaveValue('Not logged yet');
  await expect(edit).toBeFocused();
  expect(await stored()).toMatchObject({ summary: 'Intro cal', at: call.at });

  await page.keyboard.press('Enter');
  await timeline.getByLabel('Summary').fill('Intro call: they are hiring');
  await timeline.getByLabel('Channel').selectOption('meeting');
  await timeline.getByRole('group', { name: 'You received' }).getByLabel('Information').check();
  await timeline.getByLabel('Summary').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Saved the meeting interaction of');
  await expect(timeline.locator('ol.timeline > li').filter({ hasText: 'Intro call: they are hiring' })).toHaveCount(1);
  await expect(timeline.getByRole('button', { name: /^Edit meeting interaction of / })).toBeFocused();
  await expect(timeline.getByLabel('Summary')).toHaveValue('Not logged yet');
  // Its day kept, its time kept; help received asks for a thank-you, as logging it would.
  expect(await stored()).toMatchObject({ id: 'call', at: call.at, channel: 'meeting', summary: 'Intro call: they are hiring', received: ['information'] });
  expect((await kith.readStore<StoredReminder>('reminders')).filter((r) => r.kind === 'thank-you').map((r) => r.note)).toEqual(['Thank them for information']);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Undone.');
  await expect(timeline.locator('ol.timeline > li').filter({ hasText: 'Intro cal' })).toHaveCount(1);
  expect(await stored()).toMatchObject({ id: 'call', at: call.at, channel: 'call', summary: 'Intro cal', received: [] });
  expect((await kith.readStore<StoredReminder>('reminders')).filter((r) => r.kind === 'thank-you')).toEqual([]);
});

test('an interaction corrected in two tabs: the later save is told of the earlier, and saves over it only when saved again', async ({ kith }) => {
  await withConnections(kith, 2);
  const [someone] = await kith.readStore<StoredContact>('contacts');
  const call = { id: 'call', contactId: someone.id, at: Date.now() - 86_400_000, channel: 'call', summary: 'v1 intro call', received: [], gave: [] };
  await kith.putRecords('interactions', [call]);
  const [first, second] = [await kith.openDashboard(`#/contact/${someone.id}`), await kith.openDashboard(`#/contact/${someone.id}`)];
  const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });
  for (const page of [first, second]) await timeline(page).getByRole('button', { name: /^Edit call interaction of / }).click();
  await timeline(second).getByLabel('Summary').fill('v2 (B): promised to send a CV');
  await timeline(second).getByLabel('Channel').selectOption('meeting');
  await timeline(second).getByLabel('Summary').press('Enter');
  await expect(second.getByRole('status')).toContainText('Saved the meeting interaction of');

  await timeline(first).getByLabel('Summary').fill('v2 (A): they are hiring');
  await timeline(first).getByLabel('Summary').press('Enter');
  await expect(timeline(first)).toContainText('Its summary was corrected elsewhere since you opened it. The summary saved now is: “v2 (B): promised to send a CV”.');
  const stored = async () => (await kith.readStore<StoredInteraction & { channel: string }>('interactions'))[0];
  expect(await stored()).toMatchObject({ channel: 'meeting', summary: 'v2 (B): promised to send a CV' });
  await expect(timeline(first).getByLabel('Summary')).toHaveValue('v2 (A): they are hiring');
  await timeline(first).getByLabel('Summary').press('Enter');
  await expect(first.getByRole('status')).toContainText('Saved the');
  // Its words replace the other tab's; the channel the other tab corrected stays.
  expect(await stored()).toMatchObject({ channel: 'meeting', summary: 'v2 (A): they are hiring' });
});

test('the keyboard is never dropped: buttons pressed while saving, links to other pages, Dismiss', async ({ kith }) => {
  await withConnections(kith, 2);
  const [someone] = await kith.readStore<StoredContact>('contacts');
  const page = await kith.openDashboard(`#/contact/${someone.id}`);
  const focusIsSomewhere = () => page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null);

  await page.getByLabel('Phones', { exact: true }).fill('+46 70 123 45 67');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('status')).toContainText(`Saved ${someone.name}’s details.`);
  await expect(page.getByRole('button', { name: 'Save details' })).toBeFocused();
  await page.getByLabel('What', { exact: true }).fill('Send the deck');
  await page.getByRole('button', { name: 'Add reminder' }).click();
  await expect(page.getByRole('status')).toContainText('reminder added.');
  await expect(page.getByRole('button', { name: 'Add reminder' })).toBeFocused();

  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('status')).toHaveText('');
  await expect(page.getByRole('heading', { level: 1, name: someone.name })).toBeFocused();

  await page.getByRole('link', { name: '← All contacts' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeFocused();
  expect(await focusIsSomewhere()).toBe(true);
  // The browser's Back and Forward leave a page as a link does.
  await page.getByRole('link', { name: someone.name }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: someone.name })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeFocused();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: someone.name })).toBeVisible();
  await expect.poll(focusIsSomewhere).toBe(true);
  await page.goBack();

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Weekly goal (interactions per week)').fill('4');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved');
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeFocused();
});

test('the contacts table keeps the keyboard when PageDown scrolls the focused row out of those drawn', async ({ kith }) => {
  const now = Date.now();
  await kith.putRecords(
    'contacts',
    Array.from({ length: 80 }, (_, i) => ({ id: `c${i}`, name: `Person ${String(i).padStart(2, '0')}`, emails: [], createdAt: now, updatedAt: now })),
  );
  const page = await kith.openDashboard('#/contacts');
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Name' });
  await page.getByRole('link', { name: 'Person 00' }).focus();
  const table = page.getByRole('region', { name: 'Contacts table' });
  for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
  await expect(page.getByRole('link', { name: 'Person 00' })).toHaveCount(0);
  await expect(table).toBeFocused();
  const scrolled = await table.evaluate((element) => element.scrollTop);
  await page.keyboard.press('PageDown');
  await expect.poll(() => table.evaluate((element) => element.scrollTop)).toBeGreaterThan(scrolled);
  // Tab goes on into the table: its header, then the rows drawn now.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Select all 80 shown' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', /^Select Person \d+$/);
});

test('the contact list and the week page read only the reminders they show', async ({ kith }) => {
  const now = Date.now();
  const DAY = 86_400_000;
  const contacts = Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, name: `Person ${i}`, emails: [], createdAt: now, updatedAt: now }));
  // Every contact keeps in touch, so each has an open reminder; two are past their cadence.
  const reminders = contacts.map((contact, i) => {
    const dueAt = i < 2 ? now - DAY : now + 30 * DAY;
    return { id: `r${i}`, contactId: contact.id, kind: 'keep-in-touch', dueAt, note: '', createdAt: now, openAt: dueAt };
  });
  await kith.putRecords('contacts', contacts);
  await kith.putRecords('reminders', reminders);
  await kith.countRecordsRead();

  const page = await kith.openDashboard('#/contacts');
  await expect(page.getByText('300 contacts', { exact: true })).toBeVisible();
  expect(await recordsRead(page, 'reminders')).toBe(2);
  await page.getByLabel('Due now').check();
  await expect(page.getByText('2 matches of 300', { exact: true })).toBeVisible();

  await page.goto(kith.url('dashboard.html#/week'));
  await expect(page.getByRole('heading', { name: 'Past their keep-in-touch cadence (2)' })).toBeVisible();
  // The two due, read for the notebook and again for the week: not the 298 due next month.
  expect(await recordsRead(page, 'reminders')).toBe(4);
});

test('Done and Snooze pressed by mistake, on the week page and a contact page, are undone', async ({ kith }) => {
  await withConnections(kith, 2);
  const someone = (await kith.readStore<StoredContact>('contacts')).find((c) => c.name === nameOf(1))!;
  const page = await kith.openDashboard(`#/contact/${someone.id}`);
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByLabel('What', { exact: true }).fill('Send the deck');
  await timeline.getByRole('button', { name: 'Add reminder' }).click();
  await expect(page.getByRole('status')).toContainText('Follow up reminder added.');
  await expect.poll(() => kith.badgeText()).toBe('1');
  const reminders = () => kith.readStore<StoredReminder>('reminders');
  const before = await reminders();

  // On a contact page: snoozed, then put back.
  await page.getByRole('button', { name: /^Snooze for a day: Follow up/ }).click();
  await expect(page.getByRole('status')).toContainText('snoozed for a day');
  await expect.poll(() => kith.badgeText()).toBe('');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status')).toContainText('Undone.');
  // Undo leaves as the reminder comes back: focus returns to the Snooze pressed.
  await expect(page.getByRole('button', { name: /^Snooze for a day: Follow up/ })).toBeFocused();
  await expect.poll(() => kith.badgeText()).toBe('1');
  expect(await reminders()).toEqual(before);

  // On the week page: done, then put back.
  await page.goto(kith.url('dashboard.html#/week'));
  const today = page.getByRole('region', { name: /^Due today/ });
  // From the keyboard: the Done pressed leaves with its row, so focus goes to Undo.
  await today.getByRole('button', { name: /^Done: Follow up/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Marked done.');
  await expect(today).toContainText('Nothing due today.');
  await expect.poll(() => kith.badgeText()).toBe('');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Undone.');
  await expect(today.getByRole('button', { name: /^Done: Follow up/ })).toBeFocused();
  await expect.poll(() => kith.badgeText()).toBe('1');
  expect(await reminders()).toEqual(before);
});

test('the week page draws the first 200 of a long backlog and says how many there are', async ({ kith }) => {
  const DAY = 86_400_000;
  const now = Date.now();
  const contacts = Array.from({ length: 250 }, (_, i) => ({ id: `c${i}`, name: `Person ${i}`, emails: [], createdAt: now - 9 * DAY, updatedAt: now - 9 * DAY }));
  const reminders = contacts.map((c, i) => ({ id: `r${i}`, contactId: c.id, kind: 'follow-up', dueAt: now - 2 * DAY, note: '', createdAt: now - 3 * DAY, openAt: now - 2 * DAY }));
  await kith.putRecords('contacts', contacts);
  await kith.putRecords('reminders', reminders);
  const page = await kith.openDashboard('#/week');
  const overdue = page.getByRole('region', { name: 'Overdue (250)' });
  await expect(overdue.getByRole('listitem')).toHaveCount(200);
  await expect(overdue).toContainText('The first 200 of 250 are shown; Contacts, filtered by Due now, lists them all.');
});

test('an overdue reminder snoozed by mistake on the week page: Undo returns the focus to its Snooze', async ({ kith }) => {
  const DAY = 86_400_000;
  const now = Date.now();
  await kith.putRecords('contacts', [{ id: 'c1', name: 'Pia Qu', emails: [], createdAt: now - 3 * DAY, updatedAt: now - 3 * DAY }]);
  await kith.putRecords('reminders', [
    { id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: now - DAY, note: '', createdAt: now - 2 * DAY, openAt: now - DAY },
  ]);
  const page = await kith.openDashboard('#/week');
  const overdue = page.getByRole('region', { name: /^Overdue/ });
  // Snoozed for a day, it moves to the days ahead; Undo moves it back to Overdue, a row drawn
  // anew once the page reads it again, and the focus goes with it.
  await overdue.getByRole('button', { name: 'Snooze for a day: Follow up Pia Qu' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Snoozed for a day.');
  await expect(overdue).toContainText('Nothing overdue.');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  // The page's reading of the week again is held back, as on a busy machine: until it comes, the
  // row is still drawn snoozed among the days ahead, with a Snooze button of its own.
  await page.evaluate(() => {
    const getAll = IDBIndex.prototype.getAll;
    IDBIndex.prototype.getAll = function (...args: Parameters<typeof getAll>) {
      const request = getAll.apply(this, args);
      if (this.name !== 'byKindOpenAt') return request;
      const listen = request.addEventListener.bind(request);
      request.addEventListener = ((type: string, listener: EventListener, options?: AddEventListenerOptions) =>
        listen(type, type === 'success' ? (event) => setTimeout(() => listener.call(request, event), 400) : listener, options)) as typeof request.addEventListener;
      return request;
    };
  });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('Undone.');
  await expect(overdue.getByRole('button', { name: 'Snooze for a day: Follow up Pia Qu' })).toBeFocused();
});

test('settings: notifications off and a new default cadence are saved; the privacy statement and the popup’s shortcut are shown', async ({ kith }) => {
  const DAY = 86_400_000;
  const createdAt = Date.now() - DAY;
  await kith.putRecords('contacts', [{ id: 'kept-in-touch', name: 'Noor Haddad', emails: [], createdAt, updatedAt: createdAt }]);
  const page = await kith.openDashboard('#/settings');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(page.getByRole('heading', { name: 'What Kith stores, and where' })).toBeVisible();
  await expect(page.getByText('Kith sends nothing anywhere.')).toBeVisible();
  await expect(page.getByText('Kith keeps your notebook in this browser only')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Keyboard' })).toContainText('Alt+Shift+K opens Kith on the page you are on.');

  const notifications = page.getByLabel('Show a notification when a reminder is due');
  await expect(notifications).toBeChecked();
  await notifications.uncheck();
  await page.getByLabel('Keep in touch by default every (days)').fill('45');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved.');

  const stored = await kith.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
  expect(stored).toMatchObject({ notifications: false, defaultCadenceDays: 45 });
  // Her keep-in-touch reminder follows the new cadence: 45 days after she was saved.
  const keepInTouchDue = async () =>
    (await kith.readStore<StoredReminder>('reminders')).find((r) => r.contactId === 'kept-in-touch' && r.kind === 'keep-in-touch')?.dueAt ?? 0;
  await expect.poll(keepInTouchDue).toBeGreaterThan(createdAt + 44 * DAY);
  expect(await keepInTouchDue()).toBeLessThan(createdAt + 46 * DAY);
  // Reopened, the page shows what was saved.
  await page.reload();
  await expect(page.getByLabel('Show a notification when a reminder is due')).not.toBeChecked();
  await expect(page.getByLabel('Keep in touch by default every (days)')).toHaveValue('45');
});

for (const view of ['#/contacts', '#/contact/', '#/map', '#/week', '#/import', '#/settings']) {
  test(`no serious or critical accessibility violations on ${view}`, async ({ kith }) => {
    const page = await withConnections(kith, 12);
    const [someone] = await kith.readStore<StoredContact>('contacts');
    const hash = view === '#/contact/' ? `${view}${someone.id}` : view;

    await page.goto(kith.url(`dashboard.html${hash}`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page, hash);
  });
}

test('a full backup carries the settings: restored on a new profile, keep-in-touch reminders fall due as before', async ({ kith }) => {
  const DAY = 86_400_000;
  const createdAt = Date.now() - DAY;
  await kith.putRecords('contacts', [
    { id: 'kept-in-touch', name: 'Noor Haddad', emails: [], createdAt, updatedAt: createdAt },
    // As another program may write them: a link of nothing, and a reminder of a contact it deleted.
    { id: 'written-elsewhere', name: 'Sam Okafor', emails: ['sam@acme.example'], profileUrl: '', createdAt, updatedAt: createdAt },
  ]);
  await kith.putRecords('reminders', [{ id: 'left-behind', contactId: 'deleted-elsewhere', dueAt: createdAt }]);
  const page = await kith.openDashboard('#/settings');
  await page.getByLabel('Show a notification when a reminder is due').uncheck();
  await page.getByLabel('Keep in touch by default every (days)').fill('45');
  await page.getByLabel('Weekly goal (interactions per week)').fill('7');
  await page.getByLabel('Target companies (one per line)').fill('Acme\nGlobex');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toContainText('Settings saved.');
  const keepInTouchDue = async (on: Kith) =>
    (await on.readStore<StoredReminder>('reminders')).find((r) => r.contactId === 'kept-in-touch' && r.kind === 'keep-in-touch')?.dueAt ?? 0;
  await expect.poll(() => keepInTouchDue(kith)).toBeGreaterThan(createdAt + 44 * DAY);
  const due = await keepInTouchDue(kith);

  await page.goto(kith.url('dashboard.html#/import'));
  // Each export says what it is for: only the backup comes back whole.
  await expect(page.getByRole('button', { name: 'Export full backup (JSON)' })).toHaveAccessibleDescription(/restore your notebook/);
  await expect(page.getByRole('button', { name: 'Export contacts (CSV)' })).toHaveAccessibleDescription(/Kith does not import it back/);
  await expect(page.getByRole('button', { name: 'Export contacts (vCard)' })).toHaveAccessibleDescription(/interactions and reminders are not in it/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export full backup (JSON)' }).click();
  const backup = readFileSync(await (await download).path(), 'utf8');

  const userDataDir = mkdtempSync(join(tmpdir(), 'kith-e2e-'));
  const context = await launchWithExtension(userDataDir);
  const fresh = new Kith(context, await extensionWorker(context), userDataDir);
  try {
    const restore = await fresh.openDashboard('#/import');
    await restore.getByLabel('Import', { exact: true }).setInputFiles({ name: 'kith-backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await expect(restore.getByText('Your settings from the backup will be restored too.')).toBeVisible();
    await expect(restore.getByText(/Reminder \d+: belongs to no contact in the backup/)).toBeVisible();
    await restore.getByRole('button', { name: /^Import/ }).click();
    await expect(restore.getByRole('status')).toContainText('Imported kith-backup.json: 2 new contacts, 0 merged.');
    await expect(restore.getByText('Your settings from the backup were restored too.')).toBeVisible();
    const stored = await fresh.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    expect(stored).toEqual({ defaultCadenceDays: 45, notifications: false, weeklyGoal: 7, targets: ['Acme', 'Globex'] });
    // Left a moment for the worker, which hears of the new cadence, to set the reminders too.
    await restore.waitForTimeout(500);
    expect(await keepInTouchDue(fresh)).toBe(due);
    await restore.goto(fresh.url('dashboard.html#/settings'));
    await expect(restore.getByLabel('Keep in touch by default every (days)')).toHaveValue('45');
    await expect(restore.getByLabel('Show a notification when a reminder is due')).not.toBeChecked();
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  expect(fresh.ownNetworkRequests, 'network requests made by Kith itself').toEqual([]);
});
