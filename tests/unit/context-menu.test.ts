import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { type SaveDeps, SAVE_MENU_ID, saveFromContextMenu } from '@/lib/context-menu';
import { type KithDB, listContacts, openKithDb, remindersOf } from '@/lib/db';
import { putContact } from '../records';
import { type PageCapture, Person, Settings } from '@/lib/model';

const NOW = Date.UTC(2026, 10, 22, 12);
const TAB = { id: 7 };

let db: KithDB;
let deps: SaveDeps & { afterSave: ReturnType<typeof vi.fn> };

function setUp(overrides: Partial<SaveDeps> = {}) {
  deps = {
    openDb: async () => db,
    now: () => NOW,
    loadSettings: async () => Settings.parse({}),
    captureTab: async () => undefined,
    linkTextOf: async () => '',
    selectionTextOf: async () => '',
    afterSave: vi.fn(async () => undefined),
    ...overrides,
  } as typeof deps;
}

beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  db = await openKithDb(`kith-test-${Math.random()}`);
  setUp();
});
afterEach(() => vi.restoreAllMocks());

const click = (fields: Record<string, unknown>) => ({ menuItemId: SAVE_MENU_ID, frameId: 0, ...fields });
const notifications = async () => Object.entries(await fakeBrowser.notifications.getAll());
/** The stored contacts with the fields a save decides, for exact comparison. */
async function saved() {
  return (await listContacts(db)).map(({ name, title, company, emails, phones, profileUrl, sources }) => ({
    name,
    title,
    company,
    emails,
    phones,
    profileUrl,
    sources: sources.map((s) => s.kind),
  }));
}

describe('Save to Kith on a link', () => {
  it('saves a mailto link with the name from its text, and confirms with a notification that opens it', async () => {
    setUp({ linkTextOf: vi.fn(async () => 'Jane Doe') });
    const outcome = await saveFromContextMenu(click({ linkUrl: 'mailto:Jane.Doe@Example.com?subject=Hi' }), TAB, deps);
    expect(deps.linkTextOf).toHaveBeenCalledWith(7, 0, 'mailto:Jane.Doe@Example.com?subject=Hi');
    expect(await saved()).toEqual([
      { name: 'Jane Doe', title: '', company: '', emails: ['jane.doe@example.com'], phones: [], profileUrl: undefined, sources: ['mailto'] },
    ]);
    const [contact] = await listContacts(db);
    expect(outcome).toEqual({ saved: [contact], created: 1 });
    expect(await notifications()).toEqual([
      [`kith:saved:${contact.id}`, expect.objectContaining({ title: 'Saved Jane Doe', buttons: [{ title: 'Edit' }] })],
    ]);
    expect(deps.afterSave).toHaveBeenCalledExactlyOnceWith([contact.id]);
    // The new contact gets its keep-in-touch reminder right away.
    expect((await remindersOf(db, contact.id)).map((r) => r.kind)).toEqual(['keep-in-touch']);
  });

  it('a mailto link whose text is a call to action takes the name from the address', async () => {
    setUp({ linkTextOf: async () => 'Email me' });
    await saveFromContextMenu(click({ linkUrl: 'mailto:ada.quinlan@example.org' }), TAB, deps);
    expect((await saved()).map((c) => [c.name, c.emails])).toEqual([['Ada Quinlan', ['ada.quinlan@example.org']]]);
  });

  it('saves a LinkedIn profile link with the name from its text and the canonical URL', async () => {
    setUp({ linkTextOf: async () => 'Ada Quinlan\nView Ada Quinlan’s profile' });
    await saveFromContextMenu(click({ linkUrl: 'https://uk.linkedin.com/in/Ada-Quinlan?trk=people' }), TAB, deps);
    expect(await saved()).toEqual([
      {
        name: 'Ada Quinlan',
        title: '',
        company: '',
        emails: [],
        phones: [],
        profileUrl: 'https://www.linkedin.com/in/ada-quinlan/',
        sources: ['link'],
      },
    ]);
  });

  it('saves a profile link whose text is a search result’s title, with the name before the first dash or bar', async () => {
    for (const title of ['Lena Hartmann - Head of Research - Quillstone | LinkedIn', 'Lena Hartmann – Quillstone | LinkedIn', 'Lena Hartmann | LinkedIn']) {
      setUp({ linkTextOf: async () => `${title}\nLinkedIn · Lena Hartmann\nde.linkedin.com › lena-hartmann-3a9b1` });
      const outcome = await saveFromContextMenu(click({ linkUrl: 'https://de.linkedin.com/in/lena-hartmann-3a9b1' }), TAB, deps);
      expect(outcome, title).toMatchObject({ saved: [{ name: 'Lena Hartmann' }] });
    }
    expect((await saved()).map((c) => [c.name, c.profileUrl])).toEqual([['Lena Hartmann', 'https://www.linkedin.com/in/lena-hartmann-3a9b1/']]);
  });

  it('saves a profile link whose name follows a status dot, a picture’s hidden status or the initials of an avatar drawn without a picture', async () => {
    setUp({ linkTextOf: async () => 'Status is reachable\n•\nAQ\nAda Quinlan\n· 2nd' });
    expect(await saveFromContextMenu(click({ linkUrl: 'https://www.linkedin.com/in/ada-quinlan/' }), TAB, deps)).toMatchObject({ saved: [{ name: 'Ada Quinlan' }] });
  });

  it('saves a profile link’s name without honorifics, credentials, emoji or a job after a comma', async () => {
    for (const text of ['Dr. Jane Doe, PhD', '🚀 Jane Doe (she/her)', 'Jane Doe, CTO at Acme']) {
      setUp({ linkTextOf: async () => text });
      expect(await saveFromContextMenu(click({ linkUrl: 'https://www.linkedin.com/in/jane-doe/' }), TAB, deps), text).toMatchObject({ saved: [{ name: 'Jane Doe' }] });
    }
    setUp({ linkTextOf: async () => 'Sam Lee, Jr.' });
    expect(await saveFromContextMenu(click({ linkUrl: 'https://www.linkedin.com/in/sam-lee/' }), TAB, deps)).toMatchObject({ saved: [{ name: 'Sam Lee, Jr.' }] });
    // Written surname first, it is a name, not a name and a job.
    for (const [i, [text, name]] of [['Doe, Jane', 'Jane Doe'], ['van der Berg, Jan', 'van der Berg, Jan'], ['García Márquez, Gabriel', 'García Márquez, Gabriel']].entries()) {
      setUp({ linkTextOf: async () => text });
      expect(await saveFromContextMenu(click({ linkUrl: `https://www.linkedin.com/in/someone-${i}/` }), TAB, deps), text).toMatchObject({ saved: [{ name }] });
    }
  });

  it('a link right-clicked inside a selection adds its address or profile to the person selected', async () => {
    await saveFromContextMenu(click({ linkUrl: 'mailto:jane.doe@example.com', selectionText: 'Jane Doe' }), TAB, deps);
    await saveFromContextMenu(
      click({ linkUrl: 'https://www.linkedin.com/in/bo-lindqvist/?trk=x', selectionText: 'Bo Lindqvist' }),
      TAB,
      deps,
    );
    const byName = (await saved()).sort((a, b) => a.name.localeCompare(b.name));
    expect(byName.map((c) => [c.name, c.emails, c.profileUrl])).toEqual([
      ['Bo Lindqvist', [], 'https://www.linkedin.com/in/bo-lindqvist/'],
      ['Jane Doe', ['jane.doe@example.com'], undefined],
    ]);
  });

  it('a selection that names nobody, on a link, saves the link', async () => {
    setUp({ linkTextOf: async () => 'Ada Quinlan' });
    await saveFromContextMenu(click({ linkUrl: 'mailto:ada@example.org', selectionText: '→' }), TAB, deps);
    expect((await saved()).map((c) => [c.name, c.emails])).toEqual([['Ada Quinlan', ['ada@example.org']]]);
  });

  it('uses the link text Firefox hands over instead of reading the page', async () => {
    setUp({ linkTextOf: vi.fn(async () => 'wrong') });
    await saveFromContextMenu(click({ linkUrl: 'https://www.linkedin.com/in/bo/', linkText: 'Bo Lindqvist · 2nd' }), TAB, deps);
    expect(deps.linkTextOf).not.toHaveBeenCalled();
    expect((await saved()).map((c) => c.name)).toEqual(['Bo Lindqvist']);
  });

  it('updates the contact a link already is instead of adding another', async () => {
    await putContact(db, { id: 'known', name: 'Ada Quinlan', emails: ['ada@example.org'], createdAt: NOW - 1, updatedAt: NOW - 1 });
    setUp({ linkTextOf: async () => 'Ada Q.' });
    const outcome = await saveFromContextMenu(click({ linkUrl: 'mailto:ADA@example.org' }), TAB, deps);
    expect(outcome).toMatchObject({ created: 0, saved: [{ id: 'known', name: 'Ada Quinlan' }] });
    expect(await listContacts(db)).toHaveLength(1);
    expect((await notifications())[0][1]).toMatchObject({
      title: 'Saved Ada Quinlan',
      message: 'Already in Kith. The page shows another name (Ada Q.); what you saved was kept. Click to edit.',
    });
  });

  it('says so when a saved person is saved again with another job, which is kept as saved', async () => {
    const signature = (title: string, company: string) => click({ selectionText: `Jane Doe\n${title} | ${company}\njane@acme.example` });
    await saveFromContextMenu(signature('CTO', 'Acme'), TAB, deps);
    await saveFromContextMenu(signature('CEO', 'NewCo'), TAB, deps);
    expect((await saved()).map((c) => [c.title, c.company])).toEqual([['CTO', 'Acme']]);
    const [[, notification]] = await notifications();
    expect(notification.message).toBe('Already in Kith. The page shows another title (CEO) and company (NewCo); what you saved was kept. Click to edit.');
  });

  it('a person selected with no address or link is the one saved under their name with that job, not a second copy', async () => {
    const signature = (title: string, company = 'Acme') => click({ selectionText: `Jane Doe\n${title} | ${company}` });
    await saveFromContextMenu(signature('CTO'), TAB, deps);
    await saveFromContextMenu(signature('CTO'), TAB, deps);
    expect((await saved()).map((c) => [c.name, c.title, c.company])).toEqual([['Jane Doe', 'CTO', 'Acme']]);
    // Another job is another Jane Doe, whose title and company stay together.
    await saveFromContextMenu(signature('Nurse', 'City Hospital'), TAB, deps);
    expect((await saved()).map((c) => [c.title, c.company]).sort()).toEqual([['CTO', 'Acme'], ['Nurse', 'City Hospital']]);
    // Two of that name, each the right one again, and no third.
    await saveFromContextMenu(signature('Nurse', 'City Hospital'), TAB, deps);
    await saveFromContextMenu(signature('CTO'), TAB, deps);
    expect(await saved()).toHaveLength(2);
  });

  it('a job selected for a namesake saved with another job, or with no company, is not folded into them', async () => {
    await putContact(db, { id: 'kim', name: 'Kim Park', title: 'Analyst', createdAt: NOW, updatedAt: NOW });
    await saveFromContextMenu(click({ selectionText: 'Dr. Kim Park, PhD\nProfessor | State University' }), TAB, deps);
    expect((await saved()).map((c) => [c.name, c.title, c.company]).sort()).toEqual([
      ['Kim Park', 'Analyst', ''],
      ['Kim Park', 'Professor', 'State University'],
    ]);
  });

  it('never saves a javascript: link, or a profile link without a name, and says why', async () => {
    setUp({ linkTextOf: async () => 'Jane Doe' });
    const js = await saveFromContextMenu(click({ linkUrl: 'javascript:alert(document.cookie)//linkedin.com/in/jane' }), TAB, deps);
    expect(js).toEqual({ nothing: expect.stringMatching(/neither/) });
    setUp({ linkTextOf: async () => '<img src=x onerror=alert(1)>' });
    const noName = await saveFromContextMenu(click({ linkUrl: 'https://www.linkedin.com/in/jane/' }), TAB, deps);
    expect(noName).toEqual({ nothing: expect.stringMatching(/no name/) });
    // A profile link's own words are no name: "LinkedIn", "Connect on LinkedIn", "View Profile", "Follow me".
    for (const text of ['LinkedIn', 'Connect on LinkedIn', 'View Profile', 'Follow Me', 'Connect With Me', 'My profile', 'Find me on LinkedIn']) {
      setUp({ linkTextOf: async () => text });
      expect(await saveFromContextMenu(click({ linkUrl: 'https://www.linkedin.com/in/jane/' }), TAB, deps), text).toEqual({ nothing: expect.stringMatching(/no name/) });
    }
    const other = await saveFromContextMenu(click({ linkUrl: 'https://example.com/about' }), TAB, deps);
    expect(other).toEqual({ nothing: expect.stringMatching(/neither/) });
    expect(await listContacts(db)).toEqual([]);
    expect(await notifications()).toEqual([
      ['kith:nothing-saved', expect.objectContaining({ title: 'Nothing saved to Kith', message: expect.stringMatching(/neither/) })],
    ]);
    const noAddress = await saveFromContextMenu(click({ linkUrl: 'mailto:?subject=hello' }), TAB, deps);
    expect(noAddress).toEqual({ nothing: 'This email link names no address Kith can save.' });
  });
});

describe('Save to Kith on selected text', () => {
  it('saves "Name <address>"', async () => {
    await saveFromContextMenu(click({ selectionText: 'Jane Doe <jane@example.com>' }), TAB, deps);
    expect((await saved()).map((c) => [c.name, c.emails])).toEqual([['Jane Doe', ['jane@example.com']]]);
  });

  it('saves a bare address, naming the contact from it', async () => {
    await saveFromContextMenu(click({ selectionText: '  bo.lindqvist@example.se ' }), TAB, deps);
    expect((await saved()).map((c) => [c.name, c.emails])).toEqual([['Bo Lindqvist', ['bo.lindqvist@example.se']]]);
  });

  it('saves each address of a list', async () => {
    const outcome = await saveFromContextMenu(
      click({ selectionText: 'Jane Doe <jane@example.com>, "Quinlan, Ada" <ada@example.org>; carol@example.net' }),
      TAB,
      deps,
    );
    expect((await saved()).map((c) => [c.name, c.emails]).sort()).toEqual([
      ['Ada Quinlan', ['ada@example.org']],
      ['Jane Doe', ['jane@example.com']],
      ['carol@example.net', ['carol@example.net']],
    ]);
    expect(outcome).toMatchObject({ created: 3 });
    expect((await notifications())[0][1]).toMatchObject({ title: 'Saved Jane Doe and 2 more' });
  });

  it('saves each recipient of a list copied from Outlook, and each of two signatures selected together', async () => {
    await saveFromContextMenu(click({ selectionText: 'Doe, Jane <jane.doe@contoso.com>; Smith, John <john.smith@contoso.com>' }), TAB, deps);
    const lines = ['Jane Doe', 'CTO | Acme', 'jane@acme.example', '--', 'John Roe', 'CFO | Acme', 'john@acme.example'];
    setUp({ selectionTextOf: async () => lines.join('\n') });
    await saveFromContextMenu(click({ selectionText: lines.join(' ') }), TAB, deps);
    expect((await saved()).map((c) => [c.name, c.title, c.emails]).sort()).toEqual([
      ['Jane Doe', '', ['jane.doe@contoso.com']],
      ['Jane Doe', 'CTO', ['jane@acme.example']],
      ['John Roe', 'CFO', ['john@acme.example']],
      ['John Smith', '', ['john.smith@contoso.com']],
    ]);
  });

  it('saves the first 20 of a long list and says how many were left out', async () => {
    const addresses = Array.from({ length: 26 }, (_, i) => `person${i}@example.com`);
    const outcome = await saveFromContextMenu(click({ selectionText: addresses.join(', ') }), TAB, deps);
    expect((await saved()).map((c) => c.emails[0]).sort()).toEqual(addresses.slice(0, 20).sort());
    expect(outcome).toMatchObject({ created: 20, leftOut: 6 });
    expect((await notifications())[0][1]).toMatchObject({
      title: 'Saved person0@example.com and 19 more',
      message: expect.stringContaining('6 more in the selection were not saved'),
    });
  });

  it('reads a signature from the page selection, since Chrome flattens the line breaks of selectionText', async () => {
    const lines = ['Jane Doe', 'Head of Talent | Lumen Labs', 'jane.doe@lumen.example'];
    setUp({ selectionTextOf: vi.fn(async () => lines.join('\n')) });
    await saveFromContextMenu(click({ selectionText: lines.join(' '), frameId: 2 }), TAB, deps);
    expect(deps.selectionTextOf).toHaveBeenCalledWith(7, 2);
    expect((await saved()).map((c) => [c.name, c.title, c.company, c.emails])).toEqual([
      ['Jane Doe', 'Head of Talent', 'Lumen Labs', ['jane.doe@lumen.example']],
    ]);
  });

  it('saves a signature block: name, title, company, phone and email', async () => {
    const signature = ['Best regards,', 'Jane Doe', 'Head of Talent | Lumen Labs', 'Tel +44 20 7946 0958', 'jane.doe@lumen.example'].join('\n');
    await saveFromContextMenu(click({ selectionText: signature }), TAB, deps);
    expect(await saved()).toEqual([
      {
        name: 'Jane Doe',
        title: 'Head of Talent',
        company: 'Lumen Labs',
        emails: ['jane.doe@lumen.example'],
        phones: ['+44 20 7946 0958'],
        profileUrl: undefined,
        sources: ['signature'],
      },
    ]);
  });

  it('never saves markup, a megabyte of text or a lone word with no address, and stays quick', async () => {
    for (const selectionText of ['<script>alert(1)</script>', 'x'.repeat(1_000_000), 'lorem ipsum '.repeat(100_000), 'Hello', 'Tom']) {
      const started = performance.now();
      expect(await saveFromContextMenu(click({ selectionText }), TAB, deps)).toEqual({
        nothing: 'The selected text holds no name or email address Kith can read.',
      });
      expect(performance.now() - started).toBeLessThan(500);
    }
    expect(await listContacts(db)).toEqual([]);
    // Markup around a real address: the address is kept, the markup never becomes a name.
    await saveFromContextMenu(click({ selectionText: '<img src=x onerror=alert(1)> <evil@example.com>' }), TAB, deps);
    expect((await saved()).map((c) => [c.name, c.emails])).toEqual([['evil@example.com', ['evil@example.com']]]);
  });
});

describe('Save to Kith on a page', () => {
  const best = Person.parse({ name: 'Ada Quinlan', title: 'Staff Engineer', source: 'json-ld', profileUrl: 'https://ada.example/' });
  const second = Person.parse({ name: 'Bo Lindqvist', source: 'json-ld' });
  const page = (people: Person[]): PageCapture => ({ url: 'https://ada.example/', expected: false, people });

  it('saves the best person the page shows, only that one, and says the others are offered by the toolbar button', async () => {
    setUp({ captureTab: vi.fn(async () => page([best, second])) });
    expect(await saveFromContextMenu(click({ pageUrl: 'https://ada.example/' }), TAB, deps)).toMatchObject({ created: 1, othersOnPage: 1 });
    expect(deps.captureTab).toHaveBeenCalledWith(7);
    expect((await saved()).map((c) => [c.name, c.title, c.profileUrl])).toEqual([['Ada Quinlan', 'Staff Engineer', 'https://ada.example/']]);
    const [[, shown]] = await notifications();
    expect(shown.message).toContain("Another person on this page was not saved: Kith's toolbar button offers each.");
  });

  it('says so when the page has nobody, or cannot be read', async () => {
    setUp({ captureTab: async () => page([]) });
    expect(await saveFromContextMenu(click({}), TAB, deps)).toEqual({ nothing: 'Kith found no person on this page.' });
    setUp({ captureTab: async () => undefined });
    expect(await saveFromContextMenu(click({}), TAB, deps)).toEqual({ nothing: 'Kith found no person on this page.' });
    expect(await saveFromContextMenu(click({}), undefined, deps)).toEqual({ nothing: 'Kith found no person on this page.' });
    setUp({ captureTab: async () => 'unreadable' });
    expect(await saveFromContextMenu(click({}), TAB, deps)).toEqual({ nothing: 'Kith cannot read this page: the browser keeps it from extensions.' });
    setUp({ captureTab: async () => ({ url: 'https://x.example/', expected: false, people: [{ name: '   ' } as Person] }) });
    expect(await saveFromContextMenu(click({}), TAB, deps)).toEqual({ nothing: 'Kith found no person on this page.' });
    expect(await listContacts(db)).toEqual([]);
    expect(deps.afterSave).not.toHaveBeenCalled();
  });

  it('adds the page’s new email to the contact it is, but not one another contact has, and says whose it is', async () => {
    await putContact(db, { id: 'ada', name: 'Ada Quinlan', profileUrl: 'https://ada.example/', createdAt: NOW - 1, updatedAt: NOW - 1 });
    await putContact(db, { id: 'bo', name: 'Bo Reyes', emails: ['team@ada.example'], createdAt: NOW - 1, updatedAt: NOW - 1 });
    const withEmails = Person.parse({ ...best, emails: ['TEAM@ada.example', 'ada@ada.example'] });
    setUp({ captureTab: async () => page([withEmails]) });
    const outcome = await saveFromContextMenu(click({}), TAB, deps);
    const leftOff = 'Not added: team@ada.example is already Bo Reyes’s. To make them one person, merge the two contacts on either one’s page in the dashboard.';
    expect(outcome).toMatchObject({ created: 0, saved: [{ id: 'ada', emails: ['ada@ada.example'] }], leftOff });
    expect((await saved()).map((c) => [c.name, c.emails])).toEqual([
      ['Ada Quinlan', ['ada@ada.example']],
      ['Bo Reyes', ['team@ada.example']],
    ]);
    const [[, notification]] = await notifications();
    expect(notification.message).toBe(`Already in Kith: anything new from the page was added to what you saved. Click to edit. ${leftOff}`);
  });

  it('tells the user when the browser’s storage is full, and keeps what was saved', async () => {
    await putContact(db, { id: 'kept', name: 'Saved Before', notes: 'Precious note', createdAt: NOW - 1, updatedAt: NOW - 1 });
    const before = await listContacts(db);
    // Every write now fails as it does when the disk is full.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    setUp({ captureTab: async () => page([best]) });
    await expect(saveFromContextMenu(click({}), TAB, deps)).rejects.toThrow(/quota/);
    expect(await notifications()).toEqual([
      [
        'kith:save-failed',
        expect.objectContaining({
          title: 'Not saved to Kith',
          message: 'The browser’s storage is full, so Kith could not write this. Nothing already saved was lost. Free some disk space, then try again.',
        }),
      ],
    ]);
    expect(deps.afterSave).not.toHaveBeenCalled();
    expect(await listContacts(db)).toEqual(before);
  });

  it('ignores other menu items', async () => {
    setUp({ captureTab: vi.fn(async () => page([best])) });
    expect(await saveFromContextMenu({ menuItemId: 'someone-else' }, TAB, deps)).toEqual({ nothing: 'Not Kith’s menu item' });
    expect(deps.captureTab).not.toHaveBeenCalled();
  });
});
