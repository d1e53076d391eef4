import { expect, localDateIn, recordsRead, test } from './harness';

// The worker's documented test seams (entrypoints/background.ts): what a click would call.
type Seams = {
  kithContextMenuClick: (info: object, tab: { id: number }) => Promise<unknown>;
  kithNotificationButtonClick: (notificationId: string, buttonIndex: number) => Promise<void>;
};

test('a follow-up for today shows on the badge, survives a browser restart and clears when done', async ({ kith }) => {
  // Write as the popup does: from an extension page, straight to IndexedDB, then tell the worker.
  const page = await kith.openDashboard();
  const reply = await page.evaluate(async () => {
    const now = Date.now();
    const startOfToday = new Date(new Date().setHours(0, 0, 0, 0)).getTime();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('kith');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['contacts', 'reminders'], 'readwrite');
      tx.objectStore('contacts').put({
        id: 'c1', name: 'Ada Quinlan', title: '', company: '', location: '', emails: ['ada@example.org'], phones: [],
        addresses: [], relationship: 'colleague', orgRoles: [], warmth: 'warm', canHelpWith: [], tags: [], notes: '',
        sources: [], history: [], createdAt: now, updatedAt: now,
      });
      tx.objectStore('reminders').put({
        id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: startOfToday, note: 'Send the deck', createdAt: now, openAt: startOfToday,
      });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const started = performance.now();
    const answer = await chrome.runtime.sendMessage({ type: 'data:changed', payload: {} });
    return { answer, ms: performance.now() - started };
  });
  expect(reply.answer).toEqual({ ok: true, value: { due: 1 } });
  await expect.poll(() => kith.badgeText(), { timeout: 1000 }).toBe('1');
  expect(reply.ms).toBeLessThan(1000);
  // Saved already due, it counts on the badge; it did not "become due", so nothing pops up.
  expect(await kith.worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()))).toEqual([]);

  await kith.restart();
  await expect.poll(() => kith.badgeText()).toBe('1');
  // The one alarm is re-armed from the data: the next thing due is Ada's keep-in-touch reminder.
  // The worker writes that reminder as it starts and arms the alarm once it has, so both are
  // waited for rather than read at once.
  await expect.poll(async () => (await kith.readStore('reminders')).some((r) => r.kind === 'keep-in-touch')).toBe(true);
  const keepInTouch = (await kith.readStore('reminders')).find((r) => r.kind === 'keep-in-touch');
  expect(keepInTouch).toMatchObject({ contactId: 'c1', openAt: expect.any(Number) });
  expect(keepInTouch).not.toHaveProperty('doneAt');
  await expect
    .poll(() => kith.worker.evaluate(async () => (await chrome.alarms.getAll()).map((a) => [a.name, a.scheduledTime])))
    .toEqual([['kith:next-due', keepInTouch?.openAt]]);

  // "Done" on the reminder's notification.
  await kith.worker.evaluate(() => (globalThis as unknown as Seams).kithNotificationButtonClick('kith:reminder:r1', 0));
  await expect.poll(() => kith.badgeText()).toBe('');
  const reminder = (await kith.readStore('reminders')).find((r) => r.id === 'r1');
  expect(reminder).toMatchObject({ id: 'r1', doneAt: expect.any(Number) });
  expect(reminder).not.toHaveProperty('openAt');
});

test('a follow-up keeps its date when the browser finds itself in another time zone', async ({ kith }) => {
  const zoneSeen = () => kith.worker.evaluate(async () => (await chrome.storage.local.get('timeZone')).timeZone);
  await kith.restart({ timeZone: 'Europe/Berlin' });
  await expect.poll(zoneSeen).toBe('Europe/Berlin');
  const now = Date.now();
  await kith.putRecords('contacts', [{ id: 'c1', name: 'Ada Quinlan', emails: [], createdAt: now, updatedAt: now }]);
  const page = await kith.openDashboard('#/contact/c1');
  const followUp = page.getByLabel('Follow up', { exact: true });
  const inAWeek = await localDateIn(page, 7);
  await followUp.fill(inAWeek);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Saved Ada Quinlan.');
  const dayStartHere = (day: string) => page.evaluate((d) => new Date(`${d}T00:00`).getTime(), day);
  const berlinDayStart = await dayStartHere(inAWeek);
  const followUpDue = async () => (await kith.readStore<{ kind: string; dueAt: number }>('reminders')).find((r) => r.kind === 'follow-up')?.dueAt;
  expect(await followUpDue()).toBe(berlinDayStart);

  // Flown to New York: Berlin's midnight is 18:00 the evening before there.
  await kith.restart({ timeZone: 'America/New_York' });
  await expect.poll(zoneSeen).toBe('America/New_York');
  const again = await kith.openDashboard('#/contact/c1');
  const newYorkDayStart = await again.evaluate((d) => new Date(`${d}T00:00`).getTime(), inAWeek);
  expect(newYorkDayStart - berlinDayStart).toBe(6 * 3_600_000);
  await expect.poll(followUpDue).toBe(newYorkDayStart);
  await expect(again.getByLabel('Follow up', { exact: true })).toHaveValue(inAWeek);
  await expect
    .poll(() => kith.worker.evaluate(async () => (await chrome.alarms.getAll()).map((a) => a.scheduledTime)))
    .toContain(newYorkDayStart);
});

const MAIL_PAGE = 'https://mail.google.com/mail/u/0/kith-e2e';
const MAIL_HTML = `<!doctype html><title>Message</title>
<p>Write to <a href="mailto:Jane.Doe@Example.com?subject=Hello">Jane Doe</a> about the role.</p>
<div id="signature">Best regards,<br>Bo Lindqvist<br>Head of Talent | Lumen Labs<br>Tel +46 8 123 456 78<br>bo.lindqvist@lumen.example</div>`;

/** The contacts with the fields a right-click save decides, sorted by name. */
async function savedContacts(kith: { readStore: (s: 'contacts') => Promise<Record<string, unknown>[]> }) {
  const contacts = await kith.readStore('contacts');
  return contacts
    .map(({ name, title, company, location, emails, phones, profileUrl, relationship, notes, sources }) => ({
      name, title, company, location, emails, phones, profileUrl, relationship, notes,
      sources: (sources as { kind: string }[]).map((s) => s.kind),
    }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
}

test('right-click Save to Kith, driven in the real worker, saves a mailto link and a selected signature', async ({ kith }) => {
  await kith.serve(MAIL_PAGE, { html: MAIL_HTML });
  const page = await kith.open(MAIL_PAGE);
  const tabId = await kith.tabIdOf(page);

  // A mailto link: Chrome's click data has no link text, so the worker reads it from the page.
  const linkOutcome = await kith.worker.evaluate(
    ([id]) =>
      (globalThis as unknown as Seams).kithContextMenuClick(
        { menuItemId: 'kith-save', linkUrl: 'mailto:Jane.Doe@Example.com?subject=Hello', pageUrl: 'x', frameId: 0 },
        { id },
      ),
    [tabId],
  );
  expect(linkOutcome).toMatchObject({ created: 1, saved: [{ name: 'Jane Doe' }] });

  // A selected signature: Chrome hands the selection over with its line breaks flattened.
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('signature')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  const flattened = 'Best regards, Bo Lindqvist Head of Talent | Lumen Labs Tel +46 8 123 456 78 bo.lindqvist@lumen.example';
  await kith.worker.evaluate(
    ([id, selectionText]) =>
      (globalThis as unknown as Seams).kithContextMenuClick({ menuItemId: 'kith-save', selectionText, frameId: 0 }, { id }),
    [tabId, flattened] as const,
  );

  const common = { location: '', profileUrl: undefined, relationship: 'other', notes: '' };
  expect(await savedContacts(kith)).toEqual([
    {
      ...common,
      name: 'Bo Lindqvist',
      title: 'Head of Talent',
      company: 'Lumen Labs',
      emails: ['bo.lindqvist@lumen.example'],
      phones: ['+46 8 123 456 78'],
      sources: ['signature'],
    },
    { ...common, name: 'Jane Doe', title: '', company: '', emails: ['jane.doe@example.com'], phones: [], sources: ['mailto'] },
  ]);
  // Each new contact gets its keep-in-touch reminder; none is due yet, so the badge stays empty.
  const reminders = await kith.readStore('reminders');
  expect(reminders.map((r) => r.kind)).toEqual(['keep-in-touch', 'keep-in-touch']);
  expect(await kith.badgeText()).toBe('');
  const bo = (await kith.readStore('contacts')).find((c) => c.name === 'Bo Lindqvist');
  const shown = await kith.worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
  expect(shown).toContain(`kith:saved:${bo?.id}`);

  // The same link again updates Jane rather than adding a second one.
  await kith.worker.evaluate(
    ([id]) =>
      (globalThis as unknown as Seams).kithContextMenuClick({ menuItemId: 'kith-save', linkUrl: 'mailto:jane.doe@example.com', frameId: 0 }, { id }),
    [tabId],
  );
  expect((await kith.readStore('contacts')).length).toBe(2);
});

test('right-click Save to Kith on a profile link reads the name from whichever link to it has one', async ({ kith }) => {
  // LinkedIn's own search results link each person twice, picture first, with its presence in hidden words.
  const page = 'https://www.linkedin.com/search/results/people/?keywords=doe';
  const profile = 'https://www.linkedin.com/in/jane-doe-1a2b3c/?trk=people';
  await kith.serve(page, {
    html: `<!doctype html><title>Search | LinkedIn</title><ul>
      <li><a href="${profile}"><img alt="" src="data:,"><span class="visually-hidden">Status is reachable</span></a> <a href="${profile}"><span>Jane Doe</span><span>· 2nd</span></a></li>
      <li><a href="https://www.linkedin.com/in/bo-lindqvist/"><img alt="Bo Lindqvist" src="data:,"></a></li>
      <li><people-card><template shadowrootmode="open"><a href="https://www.linkedin.com/in/ana-ruiz/"><b>·</b> <b>AR</b> <slot name="name"></slot></a></template>
        <span slot="name">Ana Ruiz</span></people-card></li>
    </ul>`,
  });
  const tabId = await kith.tabIdOf(await kith.open(page));
  const click = (linkUrl: string) =>
    kith.worker.evaluate(
      ([id, url]) => (globalThis as unknown as Seams).kithContextMenuClick({ menuItemId: 'kith-save', linkUrl: url, frameId: 0 }, { id }),
      [tabId, linkUrl] as const,
    );
  expect(await click(profile)).toMatchObject({ created: 1, saved: [{ name: 'Jane Doe', profileUrl: 'https://www.linkedin.com/in/jane-doe-1a2b3c/' }] });
  // A picture alone links the next person: its alt text names them.
  expect(await click('https://www.linkedin.com/in/bo-lindqvist/')).toMatchObject({ created: 1, saved: [{ name: 'Bo Lindqvist' }] });
  // A page of web components: the link is in a shadow root, and the name it shows is slotted in.
  expect(await click('https://www.linkedin.com/in/ana-ruiz/')).toMatchObject({ created: 1, saved: [{ name: 'Ana Ruiz' }] });
});

test('right-click Save to Kith on a profile page saves the best person there, once', async ({ kith }) => {
  const url = 'https://uk.linkedin.com/in/ada-quinlan-4b2a91/';
  await kith.serve(url, { file: 'linkedin-public.html' });
  const page = await kith.open(url);
  const tabId = await kith.tabIdOf(page);
  const save = () =>
    kith.worker.evaluate(
      ([id]) => (globalThis as unknown as Seams).kithContextMenuClick({ menuItemId: 'kith-save', pageUrl: 'x', frameId: 0 }, { id }),
      [tabId],
    );
  // The content script may still be starting: the capture falls back to injecting its script.
  expect(await save()).toMatchObject({ created: 1 });
  expect(await save()).toMatchObject({ created: 0 });
  expect(await savedContacts(kith)).toEqual([
    {
      name: 'Ada Quinlan',
      title: 'Staff Engineer',
      company: 'Harbor Labs',
      location: 'Lisbon, Portugal',
      emails: [],
      phones: [],
      profileUrl: 'https://www.linkedin.com/in/ada-quinlan-4b2a91/',
      relationship: 'other',
      notes: '',
      sources: ['linkedin', 'linkedin'],
    },
  ]);
});

test('a dashboard left open shows the person a right-click saves, reading only them, and keeps what is typed on it', async ({ kith }) => {
  const url = 'https://uk.linkedin.com/in/ada-quinlan-4b2a91/';
  await kith.serve(url, { file: 'linkedin-public.html' });
  const at = Date.now() - 60_000;
  await kith.putRecords('contacts', [1, 2, 3].map((i) => ({ id: `c${i}`, name: `Person ${i}`, emails: [], createdAt: at, updatedAt: at })));
  await kith.countRecordsRead();
  const dashboard = await kith.openDashboard('#/contacts');
  await expect(dashboard.getByText('3 contacts', { exact: true })).toBeVisible();
  await dashboard.getByLabel('Search contacts').fill('Ada');

  const page = await kith.open(url);
  const tabId = await kith.tabIdOf(page);
  await kith.worker.evaluate(
    ([id]) => (globalThis as unknown as Seams).kithContextMenuClick({ menuItemId: 'kith-save', pageUrl: 'x', frameId: 0 }, { id }),
    [tabId],
  );
  await expect(dashboard.getByRole('link', { name: 'Ada Quinlan' })).toBeVisible();
  await expect(dashboard.getByLabel('Search contacts')).toHaveValue('Ada');
  expect(await recordsRead(dashboard, 'contacts')).toBe(4);
});

test('a reminder coming due while This week is open moves there from Coming up to Due today, as on the badge', async ({ kith }) => {
  const page = await kith.openDashboard('#/week');
  const dueAt = await page.evaluate(() => Date.now() + 4_000);
  const now = Date.now();
  await kith.putRecords('contacts', [{ id: 'c1', name: 'Ada Quinlan', emails: [], createdAt: now, updatedAt: now }]);
  await kith.putRecords('reminders', [{ id: 'soon', contactId: 'c1', kind: 'follow-up', dueAt, note: 'Send the deck', createdAt: now, openAt: dueAt }]);
  await page.evaluate(() => chrome.runtime.sendMessage({ type: 'data:changed', payload: {} }));
  await expect.poll(() => kith.worker.evaluate(async () => (await chrome.alarms.getAll()).map((a) => a.scheduledTime))).toEqual([dueAt]);
  await page.reload();
  await expect(page.getByRole('heading', { name: /^Coming up/ })).toHaveText(/\(1\)/);
  await expect(page.getByRole('heading', { name: /^Due today/ })).toHaveText(/\(0\)/);

  // The alarm fires at the due time: the badge counts it, and the open page, told, shows it due.
  await expect.poll(() => kith.badgeText(), { timeout: 20_000 }).toBe('1');
  await expect(page.getByRole('heading', { name: /^Due today/ })).toHaveText(/\(1\)/);
  await expect(page.getByRole('heading', { name: /^Coming up/ })).toHaveText(/\(0\)/);
});
