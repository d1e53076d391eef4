// Records Kith did not write (DESIGN.md's store contract is public, so another program or a test
// may write them with only the contract's fields): every screen reads them, and after the next
// browser start they are due, counted on the badge and found from their profile like Kith's own.
import { expect, openFixture, test } from '../e2e/harness';

const MINUTE = 60_000;

test('contacts and reminders written with only the contract’s fields work everywhere, and count after a restart', async ({ kith }) => {
  const now = Date.now();
  await expect.poll(() => kith.worker.evaluate(async () => (await indexedDB.databases()).some((db) => db.name === 'kith'))).toBe(true);
  await kith.putRecords('contacts', [
    {
      id: 'elsewhere-1',
      name: 'Rosa from elsewhere',
      title: 'Head of Data',
      company: 'Nordlys',
      location: 'Malmö',
      emails: ['rosa@nordlys.example'],
      // Not the form Kith keeps (lowercase slug, www., trailing slash): still her profile.
      profileUrl: 'https://linkedin.com/in/Rosa-Lindqvist',
      relationship: 'colleague',
      notes: 'Met at the data meetup; written by another program.',
      createdAt: now - 60 * MINUTE,
      updatedAt: now - 60 * MINUTE,
    },
    // A circle Kith does not know: counted as Other, and kept as written.
    { id: 'elsewhere-2', name: 'Sam from elsewhere', emails: [], relationship: 'coworker', createdAt: now, updatedAt: now },
  ]);
  await kith.putRecords('reminders', [
    { id: 'elsewhere-due', contactId: 'elsewhere-1', dueAt: now - MINUTE },
    { id: 'elsewhere-done', contactId: 'elsewhere-1', dueAt: now - 2 * MINUTE, doneAt: now - MINUTE },
    { id: 'elsewhere-later', contactId: 'elsewhere-1', dueAt: now + 7 * 24 * 60 * MINUTE },
  ]);

  // Read at once, before anything rewrote them: the dashboard lists and opens the contact.
  const dashboard = await kith.openDashboard('#/contacts');
  await expect(dashboard.getByRole('link', { name: /Rosa from elsewhere/ })).toBeVisible();
  await dashboard.goto(kith.url('dashboard.html#/contact/elsewhere-1'));
  await expect(dashboard.getByLabel('Notes')).toHaveValue('Met at the data meetup; written by another program.');
  await expect(dashboard.getByText(/could not/i)).toHaveCount(0);
  await dashboard.goto(kith.url('dashboard.html#/map'));
  await expect(dashboard.locator('tr[data-circle="other"] td').first()).toHaveText('1');
  await expect(dashboard.locator('tr[data-circle="colleague"] td').first()).toHaveText('1');
  await dashboard.close();

  // After a browser start: the open reminder past due is on the badge and in the popup.
  await kith.restart();
  await expect.poll(() => kith.badgeText()).toBe('1');
  const home = await kith.openPopup();
  await expect(home.getByText(/Rosa from elsewhere/)).toBeVisible();
  await home.close();

  // Her profile finds her saved card, not a form for a new contact.
  const profile = await openFixture(kith, 'linkedin-2023.html');
  const popup = await kith.openPopup(profile);
  await expect(popup.getByRole('heading', { name: /Rosa from elsewhere/ })).toBeVisible();
  // An interaction logged with her moves her keep-in-touch rhythm like anyone's.
  await popup.getByLabel('Summary').fill('Coffee about the data team');
  await popup.getByRole('button', { name: 'Log interaction' }).click();
  await expect(popup.getByText('Interaction logged.')).toBeVisible();
  await popup.close();
  const keepInTouch = (await kith.readStore<{ contactId: string; kind?: string; doneAt?: number }>('reminders')).filter(
    (r) => r.contactId === 'elsewhere-1' && r.kind === 'keep-in-touch' && r.doneAt === undefined,
  );
  expect(keepInTouch).toHaveLength(1);

  // Marked done from the popup (it is validated as a whole reminder): the badge clears.
  const again = await kith.openPopup();
  await again.getByRole('button', { name: 'Done' }).first().click();
  await expect.poll(() => kith.badgeText()).toBe('');

  // One written while the browser runs is due at the next change reported without naming its
  // contacts, as another program would report one (Kith's own writes name theirs).
  await kith.putRecords('reminders', [{ id: 'elsewhere-now', contactId: 'elsewhere-1', dueAt: Date.now() - MINUTE }]);
  await again.evaluate(() => chrome.runtime.sendMessage({ type: 'data:changed', payload: {} }));
  await expect.poll(() => kith.badgeText()).toBe('1');

  // What the other program wrote is kept; only the keys lookups read are in Kith's form.
  const contacts = await kith.readStore<Record<string, unknown>>('contacts');
  expect(contacts.find((c) => c.id === 'elsewhere-2')?.relationship).toBe('coworker');
  expect(contacts.find((c) => c.id === 'elsewhere-1')).toMatchObject({
    name: 'Rosa from elsewhere',
    notes: 'Met at the data meetup; written by another program.',
    relationship: 'colleague',
    profileUrl: 'https://www.linkedin.com/in/rosa-lindqvist/',
    emails: ['rosa@nordlys.example'],
  });
  const reminders = await kith.readStore<{ id: string; doneAt?: number }>('reminders');
  expect(reminders.find((r) => r.id === 'elsewhere-due')?.doneAt).toBeGreaterThan(0);
  expect(reminders.find((r) => r.id === 'elsewhere-later')?.doneAt).toBeUndefined();
  expect(reminders.find((r) => r.id === 'elsewhere-now')).toMatchObject({ kind: 'follow-up', openAt: expect.any(Number) });
});
