// Importing the address books people already have: phones' and Outlook's vCards, Outlook's CSV.
import { expect, test } from './harness';

// What an Android phone's "Export to .vcf" writes: vCard 2.1 with quoted-printable names.
const PHONE_EXPORT = [
  'BEGIN:VCARD',
  'VERSION:2.1',
  'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;',
  'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller',
  'TEL;CELL:+49 170 1234567',
  'EMAIL;HOME:juergen@example.de',
  'PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U',
  '  HRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgy',
  '',
  'END:VCARD',
  '',
].join('\r\n');

test("imports a phone's vCard 2.1 export with its accented names intact", async ({ kith }) => {
  const page = await kith.openDashboard('#/import');
  await page
    .getByLabel('Import', { exact: true })
    .setInputFiles({ name: 'contacts.vcf', mimeType: 'text/vcard', buffer: Buffer.from(PHONE_EXPORT) });
  await expect(page.getByRole('heading', { name: 'Preview: contacts.vcf (vCard)' })).toBeVisible();
  await expect(page.getByText('Will add 1 new contact.')).toBeVisible();
  await page.getByRole('button', { name: /^Import/ }).click();
  await expect(page.getByText('Added 1 new contact.')).toBeVisible();

  const [contact] = await kith.readStore<{ name: string; emails: string[]; phones: string[] }>('contacts');
  expect(contact).toMatchObject({ name: 'Jürgen Müller', emails: ['juergen@example.de'], phones: ['+49 170 1234567'] });

  // Found by the number written another way, dialled at home or from abroad, and by his name
  // typed without accents.
  await page.getByRole('link', { name: 'Contacts' }).click();
  const rows = page.locator('table.contacts tbody tr:not([aria-hidden])');
  for (const typed of ['+49-170-123 45 67', '491701234567', '0170 1234567', '0049 170 1234567', 'jurgen muller']) {
    await page.getByLabel('Search contacts').fill(typed);
    await expect(rows, typed).toHaveCount(1);
    await expect(rows.first()).toContainText('Jürgen Müller');
  }
  await page.getByLabel('Search contacts').fill('170 999');
  await expect(page.getByText('0 matches of 1')).toBeVisible();
  await expect(rows).toHaveCount(0);
});

// What Outlook writes for two colleagues: vCard 2.1, their employer's site on each card, notes
// with commas left unescaped.
const OUTLOOK_COLLEAGUES = ['Ada Quinlan', 'Bo Lind']
  .map((name) =>
    [
      'BEGIN:VCARD',
      'VERSION:2.1',
      `FN:${name}`,
      'ORG:Acme, Inc.',
      `EMAIL;PREF;INTERNET:${name.split(' ')[0].toLowerCase()}@acme.com`,
      'URL;WORK:http://www.acme.com',
      'NOTE:Met at the fair, Berlin. Wants an intro to Cy, then lunch.',
      'END:VCARD',
    ].join('\r\n'),
  )
  .join('\r\n');

test('imports colleagues from Outlook as two people, each note whole and their shared work site kept', async ({ kith }) => {
  const page = await kith.openDashboard('#/import');
  await page
    .getByLabel('Import', { exact: true })
    .setInputFiles({ name: 'colleagues.vcf', mimeType: 'text/vcard', buffer: Buffer.from(OUTLOOK_COLLEAGUES) });
  await expect(page.getByText('Will add 2 new contacts.')).toBeVisible();
  await page.getByRole('button', { name: /^Import/ }).click();
  await expect(page.getByText('Added 2 new contacts.')).toBeVisible();

  const contacts = await kith.readStore<{ name: string; emails: string[]; profileUrl?: string; notes: string }>('contacts');
  expect(contacts.map(({ name, emails, profileUrl, notes }) => ({ name, emails, profileUrl, notes })).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
    ['Ada Quinlan', 'Bo Lind'].map((name) => ({
      name,
      emails: [`${name.split(' ')[0].toLowerCase()}@acme.com`],
      profileUrl: undefined,
      notes: 'Met at the fair, Berlin. Wants an intro to Cy, then lunch.\n\nWork web page: http://www.acme.com',
    })),
  );
});

test('imports an Outlook contacts CSV, with the job title rather than the honorific', async ({ kith }) => {
  const csv =
    '"First Name","Last Name","Title","Company","Job Title","E-mail Address","Mobile Phone","Web Page","Notes"\r\n' +
    '"Ada","Quinlan","Dr.","Acme, Inc.","Staff Engineer","ada@acme.com","+1 555 0199","https://www.acme.com","Met at the fair, Berlin."\r\n';
  const page = await kith.openDashboard('#/import');
  await page.getByLabel('Import', { exact: true }).setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByRole('heading', { name: 'Preview: contacts.csv (Outlook contacts (CSV))' })).toBeVisible();
  await page.getByRole('button', { name: /^Import/ }).click();
  await expect(page.getByText('Added 1 new contact.')).toBeVisible();
  expect(await kith.readStore('contacts')).toEqual([
    expect.objectContaining({
      name: 'Ada Quinlan',
      title: 'Staff Engineer',
      company: 'Acme, Inc.',
      emails: ['ada@acme.com'],
      phones: ['+1 555 0199'],
      notes: 'Met at the fair, Berlin.\n\nWork web page: https://www.acme.com',
    }),
  ]);
});
