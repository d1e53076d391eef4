// @vitest-environment jsdom
// The dashboard shell over a real (fake-indexeddb) notebook: when it reads the notebook again.
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { afterEach, expect, it, vi } from 'vitest';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { ReminderList } from '@/components/ReminderList';
import type { DashboardDeps } from '@/components/dashboard/notebook';
import { type KithDB, deleteContacts, getContact, openKithDb, putReminder } from '@/lib/db';
import { Reminder, Settings } from '@/lib/model';
import { keepInTouchDueAt, localIsoDate } from '@/lib/reminders';
import { draftFromContact } from '@/lib/contact-draft';
import type { TypedOnContactPage } from '@/lib/dashboard-drafts';
import { interactionDraft } from '@/lib/interaction-draft';
import { putContact, putInteraction } from '../records';

/** Reading every contact (`listContacts`, the whole notebook's read) waits for `allRead`. */
const gate = vi.hoisted(() => ({ allRead: Promise.resolve(), readAll: () => {} }));
vi.mock('@/lib/db', async (importOriginal) => {
  const db = await importOriginal<typeof import('@/lib/db')>();
  return { ...db, listContacts: async (...args: Parameters<typeof db.listContacts>) => (await gate.allRead, db.listContacts(...args)) };
});

let host: HTMLElement | undefined;
afterEach(() => {
  gate.allRead = Promise.resolve();
  if (host) render(null, host);
  host?.remove();
  setVisibility('visible');
  location.hash = '';
});

function depsOver(db: KithDB, overrides: Partial<DashboardDeps> = {}): DashboardDeps {
  return {
    db: async () => db,
    settings: async () => Settings.parse({}),
    saveSettings: async () => Settings.parse({}),
    now: () => Date.now(),
    dataChanged: async () => undefined,
    onChangedElsewhere: () => () => {},
    download: () => {},
    popupShortcut: async () => undefined,
    timeZone: async () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    drafts: async () => ({ restored: new Map(), keep: async () => undefined, giveUp: () => {} }),
    ...overrides,
  };
}

/** The dashboard opened at `hash`, as a new tab opens it. */
function openAt(hash: string, deps: DashboardDeps) {
  location.hash = hash;
  host = document.body.appendChild(document.createElement('div'));
  render(<Dashboard deps={deps} />, host);
}

const text = () => host?.textContent ?? '';

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

it('reads the notebook again for a change made elsewhere at once when in view, and only once back in view when not', async () => {
  globalThis.indexedDB = new IDBFactory();
  const db = await openKithDb(`kith-dashboard-${Math.random()}`);
  let changedElsewhere = () => {};
  // Each read of the notebook asks for the settings once.
  const settings = vi.fn(async () => Settings.parse({}));
  const deps = depsOver(db, {
    settings,
    onChangedElsewhere: (changed) => {
      changedElsewhere = changed;
      return () => {};
    },
  });
  openAt('', deps);
  await vi.waitFor(() => expect(text()).toContain('No contacts yet'));
  expect(settings).toHaveBeenCalledTimes(1);

  changedElsewhere();
  await vi.waitFor(() => expect(settings).toHaveBeenCalledTimes(2));

  setVisibility('hidden');
  changedElsewhere();
  changedElsewhere();
  await new Promise((done) => setTimeout(done, 50));
  expect(settings).toHaveBeenCalledTimes(2);
  setVisibility('visible');
  await vi.waitFor(() => expect(settings).toHaveBeenCalledTimes(3));
  setVisibility('hidden');
  setVisibility('visible');
  await new Promise((done) => setTimeout(done, 50));
  expect(settings).toHaveBeenCalledTimes(3);
});

/**
 * A notebook of Ada (referred by Bo, and who referred Cy) and another contact with her address,
 * Bo's follow-up due,
 * whose every read of all contacts waits until the test lets it through (`readAll`), as reading
 * 100,000 contacts takes seconds.
 */
async function slowNotebook() {
  globalThis.indexedDB = new IDBFactory();
  const db = await openKithDb(`kith-dashboard-${Math.random()}`);
  const at = Date.now();
  await putContact(db, { id: 'bo', name: 'Bo Lindqvist', createdAt: at, updatedAt: at });
  await putContact(db, { id: 'ada', name: 'Ada Quinlan', emails: ['ada@harbor.example'], referredBy: 'bo', createdAt: at, updatedAt: at });
  await putContact(db, { id: 'ada-2', name: 'A. Quinlan', emails: ['ada@harbor.example'], createdAt: at, updatedAt: at });
  await putContact(db, { id: 'cy', name: 'Cy Okafor', referredBy: 'ada', createdAt: at, updatedAt: at });
  await putReminder(db, { id: 'call-bo', contactId: 'bo', kind: 'follow-up', dueAt: at - 60_000, createdAt: at });
  /** From now on, reading all contacts waits for `readAll()`. */
  const holdReads = () => {
    gate.allRead = new Promise<void>((done) => (gate.readAll = done));
  };
  return { db, holdReads, readAll: () => gate.readAll() };
}

it('draws a contact page opened in a new tab from that contact alone, and the rest once the whole notebook is read', async () => {
  const { db, holdReads, readAll } = await slowNotebook();
  holdReads();
  openAt('#/contact/ada', depsOver(db));
  await vi.waitFor(() => expect(host?.querySelector('h1')?.textContent).toBe('Ada Quinlan'));
  expect(text()).toContain('Introduced through Bo Lindqvist → Ada Quinlan');
  expect(text()).toContain('Looking for people Ada Quinlan referred…');
  expect(text()).toContain('Looking for others who may be Ada Quinlan…');

  readAll();
  await vi.waitFor(() => expect(text()).toContain('A. Quinlan also has ada@harbor.example: perhaps the same person.'));
  expect(text()).toContain('Ada Quinlan referred:Cy Okafor');
  expect(text()).not.toContain('Looking for');
});

it('after a change elsewhere that names its contacts, someone new among them, reads only them again, in view or once back in view', async () => {
  const { db, holdReads } = await slowNotebook();
  let changedElsewhere: (contacts?: readonly string[]) => void = () => {};
  openAt(
    '#/contacts',
    depsOver(db, {
      onChangedElsewhere: (changed) => {
        changedElsewhere = changed;
        return () => {};
      },
    }),
  );
  await vi.waitFor(() => expect(text()).toContain('4 contacts'));

  holdReads();
  const at = Date.now();
  await putContact(db, { id: 'dee', name: 'Dee Nwosu', createdAt: at, updatedAt: at });
  changedElsewhere(['dee']);
  await vi.waitFor(() => expect(text()).toContain('5 contacts'));
  expect(text()).toContain('Dee Nwosu');

  // Out of view: the contacts named by each change are read together once back in view.
  setVisibility('hidden');
  await putContact(db, { id: 'eli', name: 'Eli Brandt', createdAt: at, updatedAt: at });
  changedElsewhere(['eli']);
  await putContact(db, { id: 'bo', name: 'Bo Lindqvist-Berg', createdAt: at, updatedAt: at + 1 });
  changedElsewhere(['bo']);
  await new Promise((done) => setTimeout(done, 50));
  expect(text()).not.toContain('Eli Brandt');
  setVisibility('visible');
  await vi.waitFor(() => expect(text()).toContain('6 contacts'));
  expect(text()).toContain('Eli Brandt');
  expect(text()).toContain('Bo Lindqvist-Berg');
});

/** The button named `name` on the page, clicked. */
function click(name: string) {
  const button = [...(host?.querySelectorAll('button') ?? [])].find((b) => b.textContent === name);
  if (!button) throw new Error(`No button ${name}`);
  button.click();
}

it('after a save on a contact’s page, reads that contact again rather than every contact, and says which to other pages', async () => {
  const { db, holdReads } = await slowNotebook();
  const dataChanged = vi.fn(async () => undefined);
  openAt('#/contact/ada', depsOver(db, { dataChanged }));
  await vi.waitFor(() => expect(text()).toContain('perhaps the same person'));
  const label = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Title')!;
  const title = document.getElementById(label.htmlFor) as HTMLInputElement;
  title.value = 'Harbour master';
  title.dispatchEvent(new Event('input', { bubbles: true }));
  // The render the typing causes, before the click reads the form.
  await new Promise((done) => setTimeout(done));

  holdReads();
  click('Save');
  await vi.waitFor(() => expect(text()).toContain('Saved Ada Quinlan.'));
  expect(text()).toContain('Harbour master · ');
  expect(dataChanged).toHaveBeenCalledWith(['ada']);
  // Still the whole notebook: who may be her is still worked out.
  expect(text()).toContain('A. Quinlan also has ada@harbor.example: perhaps the same person.');
});

it('a refused detail is said under its label and marks its field, described by what is wrong', async () => {
  const { db } = await slowNotebook();
  openAt('#/contact/ada', depsOver(db));
  await vi.waitFor(() => expect(text()).toContain('Phones, addresses and profile'));
  const field = (name: string) => document.getElementById([...document.querySelectorAll('label')].find((l) => l.textContent === name)!.htmlFor) as HTMLInputElement;
  for (const [label, value, said] of [
    ['Profile link', 'ftp://files.example/eve', 'Profile link: '],
    ['Phones', '1'.repeat(200), 'Phones: 200 characters'],
  ]) {
    await fill(label, value);
    click('Save details');
    await vi.waitFor(() => expect(document.querySelector('.details-form [role="alert"]')?.textContent).toContain(said));
    expect(field(label).getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field(label).getAttribute('aria-describedby')!)?.textContent).toContain(said);
    await fill(label, '');
  }
  expect((await getContact(db, 'ada'))?.profileUrl).toBeUndefined();
});

it('after a merge on a contact’s page, and its Undo, reads only the two contacts again', async () => {
  const { db, holdReads } = await slowNotebook();
  const dataChanged = vi.fn(async () => undefined);
  openAt('#/contact/ada', depsOver(db, { dataChanged }));
  await vi.waitFor(() => expect(text()).toContain('A. Quinlan also has ada@harbor.example: perhaps the same person.'));

  holdReads();
  click('Merge A. Quinlan into Ada Quinlan…');
  await vi.waitFor(() => click('Merge A. Quinlan into Ada Quinlan'));
  await vi.waitFor(() => expect(text()).toContain('Merged A. Quinlan into Ada Quinlan.'));
  expect(dataChanged).toHaveBeenLastCalledWith(['ada-2', 'ada']);
  expect(text()).not.toContain('perhaps the same person');
  // Who she referred is still known: the rest of the notebook stayed.
  expect(text()).toContain('Ada Quinlan referred:Cy Okafor');

  click('Undo');
  await vi.waitFor(() => expect(text()).toContain('Undone.'));
  expect(text()).toContain('A. Quinlan also has ada@harbor.example: perhaps the same person.');
});

it('after Done on the week page, reads that reminder’s contact again rather than every contact', async () => {
  const { db, holdReads } = await slowNotebook();
  openAt('#/week', depsOver(db));
  await vi.waitFor(() => expect(text()).toContain('Bo Lindqvist'));

  holdReads();
  click('Done');
  await vi.waitFor(() => expect(text()).toContain('Marked done.'));
});

it('Undo pressed on another page than the Done it takes back leaves the keyboard on that page’s heading', async () => {
  const { db } = await slowNotebook();
  openAt('#/week', depsOver(db));
  await vi.waitFor(() => expect(text()).toContain('Bo Lindqvist'));
  click('Done');
  await vi.waitFor(() => expect(text()).toContain('Marked done.'));
  location.hash = '#/map';
  await vi.waitFor(() => expect(host!.querySelector('main h1')?.textContent).toBe('Network map'));
  const undo = [...host!.querySelectorAll('button')].find((b) => b.textContent === 'Undo')!;
  undo.focus();
  undo.click();
  await vi.waitFor(() => expect(text()).toContain('Undone.'));
  await vi.waitFor(() => expect(document.activeElement).toBe(host!.querySelector('main h1')), { timeout: 4000 });
});

it('with no weekly goal, the week page counts the interactions and draws no bar that reads as a goal met', async () => {
  const { db } = await slowNotebook();
  openAt('#/week', depsOver(db, { settings: async () => Settings.parse({ weeklyGoal: 0 }) }));
  await vi.waitFor(() => expect(text()).toContain('No weekly goal set; choose one in Settings.'));
  expect(text()).toMatch(/\d+ interactions? in the last 7 days\./);
  expect(text()).not.toContain(' of 0 ');
  expect(host!.querySelector('progress')).toBeNull();
});

/** The form control labelled `label` within `within` (checkboxes by their aria-label), given `value` as typed or clicked. */
async function fill(label: string, value: string | boolean, within: ParentNode = document) {
  const byLabel = [...within.querySelectorAll('label')].find((l) => l.textContent === label);
  const control = (byLabel ? document.getElementById(byLabel.htmlFor) : document.querySelector(`[aria-label="${label}"]`)) as HTMLInputElement;
  if (typeof value === 'boolean') control.click();
  else {
    control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
  }
  // The render it causes, before the next step reads the page.
  await new Promise((done) => setTimeout(done));
}

it('a bulk tag and its Undo, and a delete’s Undo, read again only the contacts they touched', async () => {
  const { db, holdReads } = await slowNotebook();
  const dataChanged = vi.fn(async () => undefined);
  openAt('#/contacts', depsOver(db, { dataChanged }));
  await vi.waitFor(() => expect(text()).toContain('4 contacts'));
  await fill('Select Bo Lindqvist', true);
  await fill('Select Cy Okafor', true);
  await fill('Tag', 'mentor', document.querySelector('[aria-label="Bulk actions"]')!);

  holdReads();
  click('Add tag');
  await vi.waitFor(() => expect(text()).toContain('Tagged 2 contacts “mentor”.'));
  expect(dataChanged).toHaveBeenLastCalledWith(['bo', 'cy']);
  click('Undo');
  await vi.waitFor(() => expect(text()).toContain('Undone.'));
  expect(dataChanged).toHaveBeenLastCalledWith(['bo', 'cy']);

  // Deleted, they leave the list, and Ada, whom Bo referred, is read again without her referrer;
  // put back, only they are read.
  click('Delete');
  await vi.waitFor(() => expect(text()).toContain('Deleted 2 contacts.'));
  expect(text()).toContain('2 contacts');
  expect(text()).not.toContain('Cy Okafor');
  expect(dataChanged).toHaveBeenLastCalledWith(['bo', 'cy', 'ada']);
  click('Undo');
  await vi.waitFor(() => expect(text()).toContain('Undone.'));
  expect(dataChanged).toHaveBeenLastCalledWith(['bo', 'cy', 'ada']);
  expect(text()).toContain('4 contacts');
  expect(text()).toContain('Cy Okafor');
});

it('keeps the tag chosen in the filter when the contact whose spelling it showed goes, and says when the filters are why nobody matches', async () => {
  globalThis.indexedDB = new IDBFactory();
  const db = await openKithDb(`kith-dashboard-${Math.random()}`);
  const at = Date.now();
  await putContact(db, { id: 'ana', name: 'Ana Ruiz', tags: ['madrid'], relationship: 'friend', createdAt: at, updatedAt: at });
  await putContact(db, { id: 'jose', name: 'José García', tags: ['Madrid'], relationship: 'colleague', createdAt: at, updatedAt: at });
  await putContact(db, { id: 'bo', name: 'Bo Lind', createdAt: at, updatedAt: at });
  openAt('#/contacts', depsOver(db));
  await vi.waitFor(() => expect(text()).toContain('3 contacts'));
  const tagFilter = () => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Tag')!;
    return document.getElementById(label.htmlFor) as HTMLSelectElement;
  };
  tagFilter().value = 'madrid';
  tagFilter().dispatchEvent(new Event('change', { bubbles: true }));
  await vi.waitFor(() => expect(text()).toContain('2 matches of 3'));

  await fill('Select Ana Ruiz', true);
  click('Delete');
  await vi.waitFor(() => expect(text()).toContain('Deleted 1 contact.'));
  // The tag is now spelled as José has it, and still chosen.
  await vi.waitFor(() => expect(tagFilter().value).toBe('Madrid'));
  expect(text()).toContain('1 match of 2');

  tagFilter().value = '';
  tagFilter().dispatchEvent(new Event('change', { bubbles: true }));
  const relationship = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Relationship')!;
  const select = document.getElementById(relationship.htmlFor) as HTMLSelectElement;
  select.value = 'friend';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await fill('Search contacts', 'jose');
  await vi.waitFor(() => expect(text()).toContain('No contact matches “jose” with these filters.'));
});

it('keeps the search in the address as it is typed, and a page opened there shows it again', async () => {
  const { db } = await slowNotebook();
  openAt('#/contacts', depsOver(db));
  await vi.waitFor(() => expect(text()).toContain('4 contacts'));
  await fill('Search contacts', 'quinlan');
  await vi.waitFor(() => expect(location.hash).toBe('#/contacts?q=quinlan'));
  // Reloaded: a new page at the same address.
  render(null, host!);
  openAt(location.hash, depsOver(db));
  await vi.waitFor(() => expect(text()).toContain('2 matches of 4'));
  expect(document.querySelector<HTMLInputElement>('input[type="search"]')!.value).toBe('quinlan');
  await fill('Search contacts', '');
  await vi.waitFor(() => expect(location.hash).toBe('#/contacts'));
});

it('shows the search an address it is sent to holds, from another page or on the list itself', async () => {
  const { db } = await slowNotebook();
  openAt('#/contacts', depsOver(db));
  await vi.waitFor(() => expect(text()).toContain('4 contacts'));
  const search = () => document.querySelector<HTMLInputElement>('input[type="search"]')!;
  await fill('Search contacts', 'quinlan');
  await vi.waitFor(() => expect(location.hash).toBe('#/contacts?q=quinlan'));
  location.hash = '#/week';
  await vi.waitFor(() => expect(search()).toBeFalsy());
  // A link or a bookmark to another search: that one, not the one the list was left with.
  location.hash = '#/contacts?q=ada';
  await vi.waitFor(() => expect(search()?.value).toBe('ada'));
  expect(location.hash).toBe('#/contacts?q=ada');
  location.hash = '#/contacts?q=ruiz';
  await vi.waitFor(() => expect(search().value).toBe('ruiz'));
  // The list's own link, with no search in it, keeps the one shown.
  location.hash = '#/week';
  await vi.waitFor(() => expect(search()).toBeFalsy());
  location.hash = '#/contacts';
  await vi.waitFor(() => expect(search()?.value).toBe('ruiz'));
});

it('never writes its search over the entry of a page Back has gone to before the list was done drawing', async () => {
  const { db } = await slowNotebook();
  openAt('#/contacts', depsOver(db));
  // Back to another page at once, before the list's effects have run.
  history.replaceState(null, '', '#/week');
  await new Promise((done) => setTimeout(done, 150));
  expect(location.hash).toBe('#/week');
});

it('Enter in the search opens the first contact found, and the Down arrow moves into the list', async () => {
  const { db } = await slowNotebook();
  openAt('#/contacts', depsOver(db));
  await vi.waitFor(() => expect(text()).toContain('4 contacts'));
  const search = document.querySelector<HTMLInputElement>('input[type="search"]')!;
  await fill('Search contacts', 'quinlan');
  await vi.waitFor(() => expect(text()).toContain('2 matches of 4'));
  search.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
  expect(document.activeElement?.textContent).toBe('A. Quinlan');
  search.focus();
  // Not the Enter that ends composing a word in an input method, nor one with only separators typed.
  search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true }));
  await fill('Search contacts', ',');
  search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  await new Promise((done) => setTimeout(done, 50));
  expect(location.hash).toBe('#/contacts?q=%2C');
  await fill('Search contacts', 'quinlan');
  search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  await vi.waitFor(() => expect(location.hash).toBe('#/contact/ada-2'));
});

it('a bulk tag parts tags at commas, as the contact form does, and refuses one longer than Kith keeps', async () => {
  const { db } = await slowNotebook();
  openAt('#/contacts', depsOver(db));
  await vi.waitFor(() => expect(text()).toContain('4 contacts'));
  await fill('Select Bo Lindqvist', true);
  const bulk = document.querySelector('[aria-label="Bulk actions"]')!;
  await fill('Tag', 't'.repeat(80), bulk);
  click('Add tag');
  await vi.waitFor(() => expect(text()).toContain('Tag: 80 characters, where Kith keeps up to 60.'));
  expect((await getContact(db, 'bo'))?.tags).toEqual([]);

  await fill('Tag', 'mentor, climate', bulk);
  click('Add tag');
  await vi.waitFor(() => expect(text()).toContain('Tagged 1 contact “mentor”, “climate”.'));
  expect((await getContact(db, 'bo'))?.tags).toEqual(['mentor', 'climate']);
});

it('a bulk tag that would give a contact more tags than Kith keeps tags nobody, and says whose', async () => {
  const { db } = await slowNotebook();
  const at = Date.now();
  const many = Array.from({ length: 49 }, (_, i) => `tag ${i}`);
  await putContact(db, { id: 'bo', name: 'Bo Lindqvist', tags: many, createdAt: at, updatedAt: at });
  openAt('#/contacts', depsOver(db));
  await vi.waitFor(() => expect(text()).toContain('4 contacts'));
  await fill('Select Bo Lindqvist', true);
  await fill('Select Cy Okafor', true);
  const bulk = document.querySelector('[aria-label="Bulk actions"]')!;
  await fill('Tag', 'mentor, climate', bulk);
  click('Add tag');
  await vi.waitFor(() => expect(text()).toContain('Tags: Bo Lindqvist would have 51, where Kith keeps up to 50. Remove some of theirs first; nothing was tagged.'));
  expect((await getContact(db, 'bo'))?.tags).toEqual(many);
  expect((await getContact(db, 'cy'))?.tags).toEqual([]);

  // One tag has room, and a tag they have already takes none.
  await fill('Tag', 'mentor, Tag 3', bulk);
  click('Add tag');
  await vi.waitFor(() => expect(text()).toContain('Tagged 2 contacts “mentor”, “Tag 3”.'));
  expect((await getContact(db, 'bo'))?.tags).toEqual([...many, 'mentor']);
});

it('typing brought back over a contact saved elsewhere since says what saving would replace', async () => {
  const { db } = await slowNotebook();
  const at = Date.now();
  const before = await getContact(db, 'bo');
  const shown = { draft: draftFromContact(before!), details: { phones: '', addresses: '', profileUrl: '' } };
  const typed: TypedOnContactPage = {
    ...shown,
    draft: { ...shown.draft, notes: 'Typed in a dashboard that died' },
    log: interactionDraft(at),
    reminder: { kind: 'follow-up', date: localIsoDate(at), note: '' },
    shown,
  };
  // Saved in the popup since.
  await putContact(db, { ...before!, notes: 'Saved in the popup', updatedAt: at });
  openAt('#/contact/bo', depsOver(db, { drafts: async () => ({ restored: new Map([['bo', typed]]), keep: async () => undefined, giveUp: () => {} }) }));
  await vi.waitFor(() => expect(text()).toContain('Saved elsewhere since you began typing here'));
  expect(host!.querySelector('.overwrites')?.textContent).toContain('Saved in the popup');
  expect((document.getElementById([...host!.querySelectorAll('label')].find((l) => l.textContent === 'Notes')!.htmlFor) as HTMLTextAreaElement).value).toBe(
    'Typed in a dashboard that died',
  );
});

it('the notice of a save elsewhere over what is typed is given again after leaving the page and coming back', async () => {
  const { db } = await slowNotebook();
  let changedElsewhere: (contacts?: readonly string[]) => void = () => {};
  openAt('#/contact/bo', depsOver(db, { onChangedElsewhere: (changed) => ((changedElsewhere = changed), () => {}) }));
  await vi.waitFor(() => expect(host?.querySelector('h1')?.textContent).toBe('Bo Lindqvist'));
  await fill('Notes', 'Typed here');
  const bo = (await getContact(db, 'bo'))!;
  await putContact(db, { ...bo, notes: 'Saved in another tab', updatedAt: Date.now() });
  changedElsewhere(['bo']);
  await vi.waitFor(() => expect(text()).toContain('Saved elsewhere since you began typing here'));

  location.hash = '#/contacts';
  await vi.waitFor(() => expect(text()).toContain('4 contacts'));
  location.hash = '#/contact/bo';
  await vi.waitFor(() => expect(host?.querySelector('h1')?.textContent).toBe('Bo Lindqvist'));
  expect(text()).toContain('Saved elsewhere since you began typing here');
  expect(host!.querySelector('.overwrites')?.textContent).toContain('Saved in another tab');
});

it('the notice of a save over what is typed goes when the field is saved back to what it held as the typing began (an Undo)', async () => {
  const { db } = await slowNotebook();
  let changedElsewhere: (contacts?: readonly string[]) => void = () => {};
  openAt('#/contact/bo', depsOver(db, { onChangedElsewhere: (changed) => ((changedElsewhere = changed), () => {}) }));
  await vi.waitFor(() => expect(host?.querySelector('h1')?.textContent).toBe('Bo Lindqvist'));
  const bo = (await getContact(db, 'bo'))!;
  await fill('Notes', 'Typed here');
  await putContact(db, { ...bo, notes: 'Saved in another tab', updatedAt: Date.now() });
  changedElsewhere(['bo']);
  await vi.waitFor(() => expect(text()).toContain('Saved elsewhere since you began typing here'));
  // Undone there: saved as it was when the typing began.
  await putContact(db, { ...bo, updatedAt: Date.now() + 1 });
  changedElsewhere(['bo']);
  await vi.waitFor(() => expect(text()).not.toContain('Saved elsewhere since you began typing here'));
  expect((document.getElementById([...host!.querySelectorAll('label')].find((l) => l.textContent === 'Notes')!.htmlFor) as HTMLTextAreaElement).value).toBe('Typed here');

  // Discarded, then typed again over what is saved now: saved back to the first notes, that is news.
  await putContact(db, { ...bo, notes: 'Saved in another tab', updatedAt: Date.now() + 2 });
  changedElsewhere(['bo']);
  await vi.waitFor(() => expect(text()).toContain('Saved elsewhere since you began typing here'));
  click('Discard changes');
  await vi.waitFor(() => expect(text()).not.toContain('Saved elsewhere since you began typing here'));
  await fill('Notes', 'Typed again');
  await putContact(db, { ...bo, updatedAt: Date.now() + 3 });
  changedElsewhere(['bo']);
  await vi.waitFor(() => expect(text()).toContain('Saved elsewhere since you began typing here'));
});

it('Clear selection hands the keyboard on to the search box, as the bar it sits in goes, and a bulk action’s error with it', async () => {
  const { db } = await slowNotebook();
  openAt('#/contacts', depsOver(db));
  await vi.waitFor(() => expect(text()).toContain('4 contacts'));
  await fill('Select Bo Lindqvist', true);
  click('Add tag');
  await vi.waitFor(() => expect(text()).toContain('Type a tag to add'));
  press('Clear selection');
  await vi.waitFor(() => expect(text()).not.toContain('Type a tag to add'));
  await vi.waitFor(() => expect(text()).not.toContain('Clear selection'));
  expect(document.activeElement).toBe(host!.querySelector('input[type="search"]'));
});

/** The settings page over a new notebook, its saves kept in memory; returns what is saved now. */
async function openSettings(elsewhere: { save?: (change: Partial<Settings>) => void } = {}): Promise<() => Settings> {
  globalThis.indexedDB = new IDBFactory();
  const db = await openKithDb(`kith-dashboard-${Math.random()}`);
  let stored = Settings.parse({});
  let changedElsewhere = () => {};
  // Another tab's save: stored, then told as the worker tells open pages.
  elsewhere.save = (change) => {
    stored = Settings.parse({ ...stored, ...change });
    changedElsewhere();
  };
  openAt(
    '#/settings',
    depsOver(db, {
      settings: async () => stored,
      saveSettings: async (change) => (stored = Settings.parse({ ...stored, ...change })),
      onChangedElsewhere: (changed) => {
        changedElsewhere = changed;
        return () => {};
      },
    }),
  );
  await vi.waitFor(() => expect(text()).toContain('Target companies'));
  return () => stored;
}

it('target companies typed here over ones another tab saved since are said, with what is saved', async () => {
  const elsewhere: { save?: (change: Partial<Settings>) => void } = {};
  const saved = await openSettings(elsewhere);
  await fill('Target companies (one per line)', 'Acme\nInitech');
  elsewhere.save!({ targets: ['Globex', 'Hooli'] });
  await vi.waitFor(() => expect(text()).toContain('Saved elsewhere since you began typing here'));
  expect(host!.querySelector('.overwrites')?.textContent).toContain('Globex\nHooli');
  press('Save settings');
  await vi.waitFor(() => expect(text()).toContain('Settings saved.'));
  expect(saved().targets).toEqual(['Acme', 'Initech']);
  expect(text()).not.toContain('Saved elsewhere since you began typing here');
});

it('keeps the settings typed and not saved while another page is shown, and forgets them once saved', async () => {
  const saved = await openSettings();
  await fill('Target companies (one per line)', 'Acme\nGlobex\n');

  location.hash = '#/contacts';
  await vi.waitFor(() => expect(text()).toContain('Typed and not saved yet, on Settings.'));
  // Closing the tab now asks first.
  const closing = () => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  };
  expect(closing()).toBe(true);
  location.hash = '#/settings';
  await vi.waitFor(() => expect(text()).toContain('Target companies'));
  const targets = () => document.querySelector('textarea')!.value;
  expect(targets()).toBe('Acme\nGlobex\n');
  expect(text()).not.toContain('Typed and not saved yet');

  click('Save settings');
  await vi.waitFor(() => expect(text()).toContain('Settings saved.'));
  expect(saved().targets).toEqual(['Acme', 'Globex']);
  location.hash = '#/contacts';
  await vi.waitFor(() => expect(text()).toContain('No contacts yet'));
  expect(text()).not.toContain('Typed and not saved yet');
  expect(closing()).toBe(false);
});

it('refuses more target companies than Kith keeps, or one too long, rather than dropping some', async () => {
  const saved = await openSettings();
  await fill('Target companies (one per line)', Array.from({ length: 60 }, (_, i) => `Company ${i}`).join('\n'));
  click('Save settings');
  await vi.waitFor(() => expect(text()).toContain('Target companies: 60 of them, where Kith keeps up to 50. Remove some to save.'));
  expect(saved().targets).toEqual([]);
  await fill('Target companies (one per line)', `Acme\n${'x'.repeat(250)}`);
  click('Save settings');
  await vi.waitFor(() => expect(text()).toContain(`Target companies, “${'x'.repeat(30)}…”: 250 characters, where Kith keeps up to 200. Shorten it to save.`));
  expect(saved().targets).toEqual([]);
  // The refusal is the field's: marked, described by it, and the keyboard on it.
  const field = document.querySelector('textarea')!;
  expect(field.getAttribute('aria-invalid')).toBe('true');
  expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toContain('Shorten it to save.');
  expect(document.activeElement).toBe(field);
});

it('says a second "Settings saved." anew, for a screen reader to announce it as it did the first', async () => {
  await openSettings();
  const statusBar = document.querySelector('[role="status"].status-bar')!;
  click('Save settings');
  await vi.waitFor(() => expect(statusBar.textContent).toContain('Settings saved.'));
  const changes: MutationRecord[] = [];
  const observer = new MutationObserver((records) => changes.push(...records));
  observer.observe(statusBar, { childList: true, subtree: true, characterData: true });
  click('Save settings');
  await vi.waitFor(() => expect(changes.length).toBeGreaterThan(0));
  observer.disconnect();
  expect(statusBar.textContent).toContain('Settings saved.');
});

it('saves only the settings typed here: what another tab saved meanwhile is shown and kept', async () => {
  const elsewhere: { save?: (change: Partial<Settings>) => void } = {};
  const saved = await openSettings(elsewhere);
  await fill('Weekly goal (interactions per week)', '7');

  // Another tab saves a cadence and targets.
  elsewhere.save!({ defaultCadenceDays: 30, targets: ['Acme'] });
  await vi.waitFor(() => expect(valueOf('Target companies (one per line)')).toBe('Acme'));
  expect(valueOf('Keep in touch by default every (days)')).toBe('30');
  expect(valueOf('Weekly goal (interactions per week)')).toBe('7');

  click('Save settings');
  await vi.waitFor(() => expect(text()).toContain('Settings saved.'));
  expect(saved()).toMatchObject({ defaultCadenceDays: 30, weeklyGoal: 7, targets: ['Acme'] });

  // A target typed twice, in any case or accents, is saved once, and nothing is left unsaved.
  await fill('Target companies (one per line)', 'Acme\nacme\nAcmé\n');
  click('Save settings');
  await vi.waitFor(() => expect(saved().targets).toEqual(['Acme']));
  location.hash = '#/contacts';
  await vi.waitFor(() => expect(text()).toContain('No contacts yet'));
  expect(text()).not.toContain('Typed and not saved yet');
});

it('typing on a contact merged away or deleted from another page is still listed, shown on its page, and asked about before closing', async () => {
  globalThis.indexedDB = new IDBFactory();
  const db = await openKithDb(`kith-dashboard-${Math.random()}`);
  await putContact(db, { id: 'ada', name: 'Ada Quinlan', createdAt: 0, updatedAt: 0 });
  await putContact(db, { id: 'bo', name: 'Bo Lindqvist', createdAt: 0, updatedAt: 0 });
  let changed = (_contacts?: readonly string[]) => {};
  openAt('#/contact/ada', depsOver(db, { onChangedElsewhere: (listener) => ((changed = listener), () => {}) }));
  await vi.waitFor(() => expect(text()).toContain('Phones, addresses and profile'));
  await fill('Notes', 'Met at the harbour conference', host);
  await fill('Summary', 'Coffee by the harbour', host);
  // The page hands its typing to the dashboard in an effect, after the next frame (at most 100 ms).
  await new Promise((done) => setTimeout(done, 150));
  location.hash = '#/contact/bo';
  await vi.waitFor(() => expect(text()).toContain('Typed and not saved yet, on the page of Ada Quinlan.'));
  await deleteContacts(db, ['ada']);
  changed(['ada']);
  await new Promise((done) => setTimeout(done, 50));
  expect(text()).toContain('Typed and not saved yet, on the page of Ada Quinlan.');
  const closing = new Event('beforeunload', { cancelable: true });
  dispatchEvent(closing);
  expect(closing.defaultPrevented).toBe(true);

  location.hash = '#/contact/ada';
  await vi.waitFor(() => expect(text()).toContain('What you typed here was not saved.'));
  expect(text()).toContain('Met at the harbour conference');
  expect(text()).toContain('Coffee by the harbour');
  click('Give up what I typed');
  await vi.waitFor(() => expect(text()).not.toContain('What you typed here was not saved.'));
  location.hash = '#/contact/bo';
  await vi.waitFor(() => expect(text()).toContain('Bo Lindqvist'));
  expect(text()).not.toContain('Typed and not saved yet');
  const closingNow = new Event('beforeunload', { cancelable: true });
  dispatchEvent(closingNow);
  expect(closingNow.defaultPrevented).toBe(false);
});

it('tells the worker of a write at once, not once the notebook is read again', async () => {
  const { db, holdReads, readAll } = await slowNotebook();
  const dataChanged = vi.fn(async () => undefined);
  openAt('#/settings', depsOver(db, { dataChanged }));
  await vi.waitFor(() => expect(text()).toContain('Target companies'));

  // A settings save names no contacts: the whole notebook is read again.
  holdReads();
  click('Save settings');
  await vi.waitFor(() => expect(dataChanged).toHaveBeenCalledOnce());
  expect(text()).not.toContain('Settings saved.');
  readAll();
  await vi.waitFor(() => expect(text()).toContain('Settings saved.'));
});

/** `text` chosen in the Import file control, from the keyboard (the control has the focus). */
function chooseFile(name: string, text: string) {
  const input = host!.querySelector<HTMLInputElement>('input[type="file"]')!;
  input.focus();
  const file = { name, arrayBuffer: async () => new TextEncoder().encode(text).buffer } as unknown as File;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The button named `name`, pressed from the keyboard: it has the focus as it is pressed. */
function press(name: string) {
  const button = [...(host?.querySelectorAll('button') ?? [])].find((b) => b.textContent === name);
  if (!button) throw new Error(`No button ${name}`);
  button.focus();
  button.click();
}

const heading = (text: string) => [...(host?.querySelectorAll('h3') ?? [])].find((h) => h.textContent?.startsWith(text));

it('on the import page, the keyboard goes on to the preview, back to the file control after Cancel, and to the report after Import', async () => {
  globalThis.indexedDB = new IDBFactory();
  const db = await openKithDb(`kith-dashboard-${Math.random()}`);
  openAt('#/import', depsOver(db));
  await vi.waitFor(() => expect(text()).toContain('Import a file'));
  const csv = 'First Name,Last Name,E-mail 1 - Value\nAda,Quinlan,ada@example.com\n';

  // Focus moves once what lost it is drawn away, a render after what takes it is drawn.
  chooseFile('contacts.csv', csv);
  await vi.waitFor(() => expect(document.activeElement).toBe(heading('Preview: contacts.csv')));

  press('Cancel and choose another file');
  await vi.waitFor(() => expect(document.activeElement).toBe(host!.querySelector('input[type="file"]')));

  chooseFile('contacts.csv', csv);
  await vi.waitFor(() => expect(heading('Preview: contacts.csv')).toBeDefined());
  press('Import 1 contact');
  await vi.waitFor(() => expect(text()).toContain('Imported contacts.csv: 1 new contact, 0 merged.'));
  await vi.waitFor(() => expect(document.activeElement).toBe(heading('Imported contacts.csv')));
});

it('a backup’s settings go into its export, and are restored by importing it into an empty notebook only, once Import is pressed', async () => {
  globalThis.indexedDB = new IDBFactory();
  const DAY = 86_400_000;
  const at = Date.now() - 10 * DAY;
  const mine = Settings.parse({ defaultCadenceDays: 30, notifications: false, weeklyGoal: 5, targets: ['Acme'] });
  // A notebook kept in touch every 30 days: Jane's reminder is due 30 days after she was saved.
  const before = await openKithDb(`kith-dashboard-${Math.random()}`);
  await putContact(before, { id: 'jane', name: 'Jane Doe', createdAt: at, updatedAt: at });
  const due = keepInTouchDueAt({ createdAt: at }, mine);
  await putReminder(before, { id: 'kit', contactId: 'jane', kind: 'keep-in-touch', dueAt: due, createdAt: at });
  let backup = '';
  openAt('#/import', depsOver(before, { settings: async () => mine, timeZone: async () => 'Asia/Kolkata', download: (_name, _type, file) => (backup = file) }));
  await vi.waitFor(() => expect(text()).toContain('Export full backup (JSON)'));
  click('Export full backup (JSON)');
  await vi.waitFor(() => expect(backup).not.toBe(''));
  expect(JSON.parse(backup).settings).toEqual(mine);
  // The zone the notebook's dates start their days in, so a restore elsewhere keeps them.
  expect(JSON.parse(backup).timeZone).toBe('Asia/Kolkata');
  render(null, host!);

  // A new profile: an empty notebook with the default settings.
  const db = await openKithDb(`kith-dashboard-${Math.random()}`);
  let stored = Settings.parse({});
  const saveSettings = vi.fn(async (change: Partial<Settings>) => (stored = Settings.parse({ ...stored, ...change })));
  openAt('#/import', depsOver(db, { settings: async () => stored, saveSettings }));
  await vi.waitFor(() => expect(text()).toContain('Import a file'));
  chooseFile('kith-backup.json', backup);
  await vi.waitFor(() => expect(text()).toContain('Your settings from the backup will be restored too.'));
  expect(saveSettings).not.toHaveBeenCalled();
  press('Import 1 contact');
  await vi.waitFor(() => expect(text()).toContain('Imported kith-backup.json: 1 new contact, 0 merged.'));
  expect(text()).toContain('Your settings from the backup were restored too.');
  expect(stored).toEqual(mine);
  // Her keep-in-touch reminder is where it was, not moved to the default cadence.
  expect((await db.get('reminders', 'kit'))?.dueAt).toBe(due);

  // Into a notebook with contacts, the user's own settings stay.
  stored = Settings.parse({ defaultCadenceDays: 60 });
  saveSettings.mockClear();
  chooseFile('kith-backup.json', backup.replace('"tags":[]', '"tags":["mentor"]'));
  await vi.waitFor(() => expect(text()).toContain('This notebook already has contacts, so your own settings stay as they are; the backup’s are not applied.'));
  press('Import 1 contact');
  await vi.waitFor(() => expect(text()).toContain('Your own settings stayed as they are; the backup’s were not applied.'));
  expect(saveSettings).not.toHaveBeenCalled();
  expect(stored.defaultCadenceDays).toBe(60);
});

/** The value of the field labelled `label`. */
const valueOf = (label: string) => (document.getElementById([...document.querySelectorAll('label')].find((l) => l.textContent === label)!.htmlFor) as HTMLInputElement).value;

/** A notebook holding Ada Quinlan, and a clock half a second before midnight on 25 November 2026, for the test to move on. */
async function adaBeforeMidnight() {
  globalThis.indexedDB = new IDBFactory();
  const db = await openKithDb(`kith-dashboard-${Math.random()}`);
  const midnight = new Date(2026, 10, 25).getTime();
  const clock = { now: midnight - 500 };
  await putContact(db, { id: 'c', name: 'Ada Quinlan', createdAt: 0, updatedAt: 0 });
  return { db, midnight, clock, deps: depsOver(db, { now: () => clock.now }) };
}

it('reads the notebook again as a new day starts, so what was coming up tomorrow is due today', async () => {
  const { db, midnight, clock, deps } = await adaBeforeMidnight();
  await putReminder(db, { id: 'r', contactId: 'c', kind: 'follow-up', dueAt: midnight, note: 'Send the deck', createdAt: 0 });
  openAt('#/week', deps);
  await vi.waitFor(() => expect(text()).toContain('Due today (0)'));
  // Nothing is written at midnight, and nothing tells the page: it reads again on its own.
  clock.now = midnight + 1000;
  await vi.waitFor(() => expect(text()).toContain('Due today (1)'), { timeout: 4000 });
});

it('a contact page left open past midnight logs and reminds on the new day, not the one it was opened on', async () => {
  const { midnight, clock, deps } = await adaBeforeMidnight();
  openAt('#/contact/c', deps);
  await vi.waitFor(() => expect(valueOf('Date')).toBe('2026-11-24'));
  expect(valueOf('On')).toBe('2026-11-24');
  clock.now = midnight + 1000;
  await vi.waitFor(() => expect(valueOf('Date')).toBe('2026-11-25'), { timeout: 4000 });
  expect(valueOf('On')).toBe('2026-11-25');
});

it('an interaction open for correcting past midnight keeps its own date', async () => {
  const { db, midnight, clock, deps } = await adaBeforeMidnight();
  await putInteraction(db, { id: 'i', contactId: 'c', at: new Date(2026, 10, 24).getTime(), channel: 'call', summary: 'Call' });
  openAt('#/contact/c', deps);
  const edit = () => host!.querySelector<HTMLButtonElement>('button[aria-label^="Edit call interaction"]');
  await vi.waitFor(() => expect(edit()).not.toBeNull());
  edit()!.click();
  await vi.waitFor(() => expect(text()).toContain('Edit the call interaction'));
  clock.now = midnight + 1000;
  await vi.waitFor(() => expect(valueOf('On')).toBe('2026-11-25'), { timeout: 4000 });
  expect(valueOf('Date')).toBe('2026-11-24');
});

it('a contact page shows dates in the time zone the computer is in now, not the one it was opened in', async () => {
  const zone = process.env.TZ;
  try {
    process.env.TZ = 'America/New_York';
    globalThis.indexedDB = new IDBFactory();
    const db = await openKithDb(`kith-dashboard-${Math.random()}`);
    await putContact(db, { id: 'c', name: 'Ada Quinlan', createdAt: 0, updatedAt: 0 });
    // 15:00 on 5 December in New York is 05:00 on 6 December in Tokyo.
    await putInteraction(db, { id: 'i', contactId: 'c', at: Date.UTC(2026, 11, 5, 20), summary: 'Call' });
    let changed = (_contacts?: readonly string[]) => {};
    openAt('#/contact/c', depsOver(db, { onChangedElsewhere: (listener) => ((changed = listener), () => {}) }));
    await vi.waitFor(() => expect(host!.querySelector('.timeline time')?.textContent).toBe('Dec 5, 2026'));
    process.env.TZ = 'Asia/Tokyo';
    changed(['c']);
    await vi.waitFor(() => expect(host!.querySelector('.timeline time')?.textContent).toBe('Dec 6, 2026'));
  } finally {
    process.env.TZ = zone;
  }
});

it('makes one export at a time, saying so while it does, and says why one could not be made', async () => {
  globalThis.indexedDB = new IDBFactory();
  const db = await openKithDb(`kith-dashboard-${Math.random()}`);
  await putContact(db, { id: 'c', name: 'Ada Quinlan', createdAt: 0, updatedAt: 0 });
  const download = vi.fn();
  // The backup asks for the settings last: held there, the export is seen under way.
  let settingsRead: Promise<Settings> = Promise.resolve(Settings.parse({}));
  openAt('#/import', depsOver(db, { download, settings: () => settingsRead }));
  const button = () => [...host!.querySelectorAll('button')].find((b) => b.textContent === 'Export full backup (JSON)')!;
  await vi.waitFor(() => expect(button()).toBeDefined());
  let release = (_settings: Settings) => {};
  settingsRead = new Promise((resolve) => (release = resolve));
  button().click();
  await vi.waitFor(() => expect(text()).toContain('Making the full backup (JSON)…'));
  expect(button().getAttribute('aria-disabled')).toBe('true');
  button().click();
  release(Settings.parse({}));
  await vi.waitFor(() => expect(text()).not.toContain('Making'));
  expect(download).toHaveBeenCalledTimes(1);
  expect(download.mock.calls[0][0]).toMatch(/^kith-backup-\d{4}-\d{2}-\d{2}\.json$/);
  // Made, it is said so where the work under way was.
  expect(host!.querySelector('[aria-live="polite"].muted')?.textContent).toBe(`Made ${download.mock.calls[0][0]}: your browser saves it where it saves downloads.`);

  settingsRead = Promise.reject(new Error('storage is gone'));
  settingsRead.catch(() => {});
  button().click();
  await vi.waitFor(() => expect(text()).toContain('Could not make the full backup (JSON): storage is gone'));
  expect(download).toHaveBeenCalledTimes(1);
});

it('says what a bulk action is doing while it does, and holds its buttons until it is done', async () => {
  const { db } = await slowNotebook();
  // The database is asked for first: held there, the delete is seen under way.
  let opened: Promise<KithDB> = Promise.resolve(db);
  openAt('#/contacts', depsOver(db, { db: () => opened }));
  await vi.waitFor(() => expect(text()).toContain('4 contacts'));
  host!.querySelector<HTMLInputElement>('input[aria-label="Select all 4 shown"]')!.click();
  await vi.waitFor(() => expect(text()).toContain('4 selected contacts'));
  const button = (name: string) => [...host!.querySelectorAll('button')].find((b) => b.textContent === name)!;
  let open = (_db: KithDB) => {};
  opened = new Promise((resolve) => (open = resolve));
  button('Delete').click();
  await vi.waitFor(() => expect(text()).toContain('Deleting 4 contacts…'));
  expect(button('Delete').getAttribute('aria-disabled')).toBe('true');
  expect(button('Add tag').getAttribute('aria-disabled')).toBe('true');
  open(db);
  await vi.waitFor(() => expect(text()).toContain('Deleted 4 contacts.'));
  expect(text()).not.toContain('Deleting');
});

it('says a reminder snoozed until later today is not due yet, and when it will be', () => {
  const now = new Date(2026, 10, 24, 9, 0).getTime();
  const reminder = (id: string, extra: Record<string, unknown>) => Reminder.parse({ id, contactId: 'c', kind: 'follow-up', dueAt: now - 86_400_000, createdAt: 0, ...extra });
  host = document.body.appendChild(document.createElement('div'));
  const rows = [reminder('due', {}), reminder('later', { snoozedUntil: new Date(2026, 10, 24, 15, 30).getTime() })].map((r) => ({ reminder: r }));
  render(<ReminderList rows={rows} now={now} busy={false} onDone={() => {}} onSnooze={() => {}} />, host);
  const items = [...host.querySelectorAll('li')].map((li) => li.textContent ?? '');
  expect(items[0]).toContain('overdue since 2026-11-23');
  expect(items[1]).toContain(`snoozed until ${new Date(2026, 10, 24, 15, 30).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })}`);
});
