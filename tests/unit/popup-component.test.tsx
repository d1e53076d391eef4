// @vitest-environment jsdom
// The popup as a user drives it, rendered whole over a real (fake-indexeddb) notebook: what the
// e2e tests cannot reach cheaply, such as a click landing while a save is still running.
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupDeps } from '@/components/Popup';
import { CHOICES } from '@/components/labels';
import { type KithDB, deleteContacts, listContacts, openKithDb, restoreSnapshot, updateContact } from '@/lib/db';
import { mergeSavedContacts } from '@/lib/merge';
import { PageCapture, Settings } from '@/lib/model';
import { putContact } from '../records';
import { localIsoDate } from '@/lib/reminders';
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
afterEach(closePopup);

/** Close the open popup as the browser does: `pagehide` (what is being typed is kept), then gone. */
function closePopup() {
  if (!host) return;
  window.dispatchEvent(new Event('pagehide'));
  render(null, host);
  host.remove();
  host = undefined;
}

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
  closePopup();
  const root = (host = document.body.appendChild(document.createElement('div')));
  const close = vi.fn();
  const listeners = new Set<(contacts?: readonly string[]) => void>();
  const deps: PopupDeps = {
    db: async () => db,
    capture: async () => (capture === 'unreadable' ? capture : capture ? PageCapture.parse(capture) : undefined),
    settings: async () => Settings.parse({}),
    loadTyped: async () => new Map(storage),
    keepTyped: async (key, typed) => {
      if (!typed.contact && !typed.log) storage.delete(key);
      else storage.set(key, structuredClone({ ...typed, at: Date.now() }));
    },
    forgetTyped: async (key) => void storage.delete(key),
    now: () => Date.now(),
    dataChanged: async () => undefined,
    onChangedElsewhere: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
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
  /** Another page (the dashboard) says it wrote `contacts`. */
  const changedElsewhere = (contacts?: readonly string[]) => listeners.forEach((listener) => listener(contacts));
  return { root, maybeField, field, button, type, escape, close, text, changedElsewhere };
}

describe('a page with nobody on it', () => {
  it('says whether nobody was found or the browser keeps the page from extensions', async () => {
    const nobody = openPopup({ url: 'https://example.com/', expected: false, people: [] });
    await vi.waitFor(() => expect(nobody.text()).toContain('No person found on this page.'));
    const unreadable = openPopup('unreadable');
    await vi.waitFor(() => expect(unreadable.text()).toContain('Kith cannot read this page: the browser keeps it from extensions.'));
    expect(unreadable.text()).not.toContain('No person found');
  });
});

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

type OpenPopup = ReturnType<typeof openPopup>;

/** Save a person typed into the open popup's by-hand form (opened first where the home screen offers it). */
async function addByHand(popup: OpenPopup, fields: Record<string, string>) {
  await vi.waitFor(() => popup.maybeField('Name') ?? popup.button('Add a person by hand'));
  if (!popup.maybeField('Name')) popup.button('Add a person by hand').click();
  await vi.waitFor(() => popup.field('Name'));
  for (const [label, value] of Object.entries(fields)) await popup.type(label, value);
  popup.button('Save').click();
  await vi.waitFor(() => expect(popup.text()).toContain(`Saved ${fields.Name} to Kith.`));
}

const focused = () => document.activeElement;

/** Press a button from the keyboard: it has the focus as it is pressed. */
function press(button: HTMLButtonElement) {
  button.focus();
  button.click();
}

/** Long enough for what was typed to be kept (200 ms after the typing stops). */
const KEPT = 300;

const failedProfile = { url: 'https://www.linkedin.com/in/sam-reyes/', expected: true, people: [] };

describe('a card with no person on the page, the popup closed while typing on it', () => {
  it('brings back an edit of a card added by hand as that edit, not as a second contact', async () => {
    const popup = openPopup();
    await addByHand(popup, { Name: 'Sam Reyes' });
    popup.button('Edit').click();
    await vi.waitFor(() => popup.field('Title'));
    // The card's heading goes with it: the sections after it keep their headings' order, no level skipped.
    const levels = [...document.querySelectorAll('h1, h2, h3, h4')].map((h) => Number(h.localName[1]));
    expect(levels.every((level, i) => i === 0 || level <= levels[i - 1] + 1), levels.join()).toBe(true);
    await popup.type('Title', 'Harbour master');
    await wait(KEPT);

    const again = openPopup();
    await vi.waitFor(() => expect(again.text()).toContain('Restored what you typed'));
    expect(again.field('Title').value).toBe('Harbour master');
    again.button('Save').click();
    await vi.waitFor(() => expect(again.text()).toContain('Updated Sam Reyes.'));
    expect((await listContacts(db)).map((c) => [c.name, c.title])).toEqual([['Sam Reyes', 'Harbour master']]);
  });

  it('brings back an edit made where capture failed as that edit, not merged in as a new person', async () => {
    const popup = openPopup(failedProfile);
    await addByHand(popup, { Name: 'Sam Reyes', Title: 'Deckhand', Notes: 'Met at the harbour.' });
    popup.button('Edit').click();
    await vi.waitFor(() => popup.field('Title'));
    await popup.type('Title', 'Harbour master');
    await popup.type('Notes', 'Met at the harbour. Likes sailing.');
    await wait(KEPT);

    const again = openPopup(failedProfile);
    await vi.waitFor(() => expect(again.text()).toContain('Restored what you typed'));
    again.button('Save').click();
    await vi.waitFor(() => expect(again.text()).toContain('Updated Sam Reyes.'));
    expect((await listContacts(db)).map((c) => [c.title, c.notes])).toEqual([['Harbour master', 'Met at the harbour. Likes sailing.']]);
  });

  it('brings back a summary typed into the card’s log', async () => {
    const popup = openPopup();
    await addByHand(popup, { Name: 'Sam Reyes' });
    await popup.type('Summary', 'Coffee next Tuesday');
    await wait(KEPT);

    const again = openPopup();
    await vi.waitFor(() => expect(again.maybeField('Summary')?.value).toBe('Coffee next Tuesday'));
    expect(again.text()).toContain('Restored what you typed');
    expect(again.root.querySelector('#card-name')?.textContent).toBe('Sam Reyes');
  });

  it('brings back neither a person added by hand nor a log that were saved as the popup closed, so neither is saved twice', async () => {
    // What storage holds once a save's write has committed, had the popup closed before it forgot the form.
    const keptAsSaveBegan = () => {
      const snapshot = new Map(storage);
      return () => {
        storage.clear();
        for (const [key, typed] of snapshot) storage.set(key, typed);
      };
    };
    const popup = openPopup();
    await vi.waitFor(() => popup.button('Add a person by hand'));
    popup.button('Add a person by hand').click();
    await vi.waitFor(() => popup.field('Name'));
    await popup.type('Name', 'Sam Reyes');
    await popup.type('Notes', 'Met at the meetup');
    await wait(KEPT);
    popup.button('Save').click();
    // The save keeps the form with the new contact's id before it writes.
    await vi.waitFor(() => expect([...storage.values()][0]?.contactId).toBeDefined());
    const closedAsSaved = keptAsSaveBegan();
    await vi.waitFor(() => expect(popup.text()).toContain('Saved Sam Reyes to Kith.'));
    closedAsSaved();

    const again = openPopup();
    await vi.waitFor(() => expect(again.root.querySelector('#card-name')?.textContent).toBe('Sam Reyes'));
    expect(again.text()).not.toContain('Restored what you typed');
    expect(storage.size).toBe(0);

    await again.type('Summary', 'Coffee next Tuesday');
    await wait(KEPT);
    again.button('Log interaction').click();
    await vi.waitFor(() => expect([...storage.values()][0]?.loggedAs).toBeDefined());
    const closedAsLogged = keptAsSaveBegan();
    await vi.waitFor(() => expect(again.text()).toContain('Interaction logged.'));
    closedAsLogged();

    const third = openPopup();
    await vi.waitFor(() => expect(third.root.querySelector('#card-name')?.textContent).toBe('Sam Reyes'));
    expect(third.field('Summary').value).toBe('');
    expect(third.text()).not.toContain('Restored what you typed');
    expect((await listContacts(db)).map((c) => c.name)).toEqual(['Sam Reyes']);
    // Nothing is left unsaved: Escape closes at once.
    third.escape();
    await vi.waitFor(() => expect(third.close).toHaveBeenCalled());
  });

  it('brings back an edit of a card added by hand whose save failed as that card’s edit, not as a new person', async () => {
    const popup = openPopup();
    await addByHand(popup, { Name: 'Sam Reyes' });
    popup.button('Edit').click();
    await vi.waitFor(() => popup.field('Title'));
    await popup.type('Title', 'Harbour master');
    await popup.type('Email', 'not-an-email');
    await wait(KEPT);
    popup.button('Save').click();
    await vi.waitFor(() => expect(popup.text()).toContain('Not saved'));

    const again = openPopup();
    await vi.waitFor(() => expect(again.text()).toContain('Restored what you typed'));
    // The edit open on Sam's saved card, not an "Add a person" form that would save him twice.
    expect(again.text()).toContain('Saved in Kith');
    expect(again.field('Title').value).toBe('Harbour master');
  });

  it('says nothing was restored when the card the log was typed on has been deleted since', async () => {
    const popup = openPopup();
    await addByHand(popup, { Name: 'Sam Reyes' });
    await popup.type('Summary', 'Coffee next Tuesday');
    await wait(KEPT);
    const [sam] = await listContacts(db);
    await deleteContacts(db, [sam.id]);

    const again = openPopup();
    await vi.waitFor(() => again.button('Add a person by hand'));
    expect(again.text()).not.toContain('Restored what you typed');
  });
});

const adasProfile = {
  url: 'https://www.linkedin.com/in/ada-quinlan/',
  expected: true,
  people: [{ name: 'Ada Quinlan', emails: [], profileUrl: 'https://www.linkedin.com/in/ada-quinlan/', source: 'linkedin' }],
};

/** The popup on Ada's profile: she is saved, her card's edit form opened, a new title typed. */
async function editingAdasCard() {
  const popup = openPopup(adasProfile);
  await vi.waitFor(() => popup.field('Notes'));
  popup.button('Save').click();
  await vi.waitFor(() => expect(popup.text()).toContain('Saved Ada Quinlan to Kith.'));
  popup.button('Edit').click();
  await vi.waitFor(() => popup.field('Title'));
  await popup.type('Title', 'Staff Engineer');
  return popup;
}

describe('a person on the page whose card changed its link since', () => {
  it('brings back an edit kept on their card as that edit, found by the card it was typed on', async () => {
    await editingAdasCard();
    await wait(KEPT);
    // Meanwhile, in the dashboard, the card's link is changed to another spelling of the profile.
    const [ada] = await listContacts(db);
    await updateContact(db, ada.id, (c) => ({ ...c, profileUrl: 'https://www.linkedin.com/in/ada-q/' }));

    const again = openPopup(adasProfile);
    await vi.waitFor(() => expect(again.text()).toContain('Restored what you typed'));
    expect(again.field('Title').value).toBe('Staff Engineer');
    again.button('Save').click();
    await vi.waitFor(() => expect(again.text()).toContain('Updated Ada Quinlan.'));
    expect((await listContacts(db)).map((c) => [c.name, c.title])).toEqual([['Ada Quinlan', 'Staff Engineer']]);
  });
});

describe('editing a saved card', () => {
  it('says boxes ticked in another order as the same choice, and has no word for the follow-up date, read after the form', () => {
    expect(CHOICES.canHelpWith.text(['referrals', 'information'])).toBe('Information, Referrals');
    expect(CHOICES.orgRoles.text(['communication', 'advice'])).toBe(CHOICES.orgRoles.text(['advice', 'communication']));
    expect(CHOICES.followUp).toBeUndefined();
  });

  it('saves what was typed, and leaves a note written elsewhere while the form was open', async () => {
    const popup = await editingAdasCard();
    const [ada] = await listContacts(db);
    await updateContact(db, ada.id, (c) => ({ ...c, notes: 'Written in the dashboard' }));

    popup.button('Save').click();
    await vi.waitFor(() => expect(popup.text()).toContain('Updated Ada Quinlan.'));
    expect((await listContacts(db)).map((c) => [c.title, c.notes])).toEqual([['Staff Engineer', 'Written in the dashboard']]);
  });

  const warnedOf = (popup: ReturnType<typeof openPopup>) =>
    [...popup.root.querySelectorAll('.overwrites dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);

  it('shows what the dashboard saves meanwhile, and says which typed fields saving would replace', async () => {
    const popup = await editingAdasCard();
    const [ada] = await listContacts(db);
    await updateContact(db, ada.id, (c) => ({ ...c, title: 'Principal Engineer', location: 'Lisbon' }));
    popup.changedElsewhere([ada.id]);
    await vi.waitFor(() => expect(popup.field('Location').value).toBe('Lisbon'));
    expect(popup.field('Title').value).toBe('Staff Engineer');
    expect(popup.root.querySelector('.overwrites')?.textContent).toContain('Saved elsewhere since you began typing here');
    expect(warnedOf(popup)).toEqual([['Title', 'Principal Engineer']]);

    // A choice too: one made here over one made elsewhere since is said, as it is shown.
    const relationship = popup.field('Relationship') as unknown as HTMLSelectElement;
    relationship.value = 'colleague';
    relationship.dispatchEvent(new Event('change', { bubbles: true }));
    await wait(0);
    await updateContact(db, ada.id, (c) => ({ ...c, relationship: 'friend' }));
    popup.changedElsewhere([ada.id]);
    await vi.waitFor(() => expect(warnedOf(popup)).toEqual([
      ['Title', 'Principal Engineer'],
      ['Relationship', 'Friend'],
    ]));
    expect(relationship.value).toBe('colleague');
    // Chosen here as it was chosen there, saving replaces nothing.
    relationship.value = 'friend';
    relationship.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(warnedOf(popup)).toEqual([['Title', 'Principal Engineer']]));
  });

  it('brings back an edit with word of the fields saved elsewhere since the popup closed', async () => {
    await editingAdasCard();
    await wait(KEPT);
    const [ada] = await listContacts(db);
    await updateContact(db, ada.id, (c) => ({ ...c, title: 'Principal Engineer' }));

    const again = openPopup(adasProfile);
    await vi.waitFor(() => expect(again.text()).toContain('Restored what you typed'));
    expect(again.field('Title').value).toBe('Staff Engineer');
    expect(warnedOf(again)).toEqual([['Title', 'Principal Engineer']]);
  });

  it('does not bring back an edit that was saved as the popup closed, too soon to be forgotten', async () => {
    await editingAdasCard();
    await wait(KEPT);
    // The save's write is done; the popup closed before it could forget what it had kept.
    const [ada] = await listContacts(db);
    await updateContact(db, ada.id, (c) => ({ ...c, title: 'Staff Engineer' }));
    const key = [...storage.keys()][0];
    expect(storage.get(key)?.contact?.title).toBe('Staff Engineer');

    const again = openPopup(adasProfile);
    await vi.waitFor(() => again.button('Edit'));
    expect(again.text()).not.toContain('Restored what you typed');
    expect(storage.has(key)).toBe(false);
    // Changed elsewhere since, it is not brought back over the newer text either.
    await again.type('Summary', 'Coffee on Friday');
    await wait(KEPT);
    await updateContact(db, ada.id, (c) => ({ ...c, title: 'Principal Engineer' }));
    const third = openPopup(adasProfile);
    await vi.waitFor(() => expect(third.maybeField('Summary')?.value).toBe('Coffee on Friday'));
    expect(third.maybeField('Title')).toBeUndefined();
  });

  it('does not bring back an edit saved as the popup closed that the save wrote in its own form', async () => {
    const popup = await editingAdasCard();
    await popup.type('Tags', 'alpha,beta');
    await wait(KEPT);
    const [ada] = await listContacts(db);
    await updateContact(db, ada.id, (c) => ({ ...c, title: 'Staff Engineer', tags: ['alpha', 'beta'] }));
    const again = openPopup(adasProfile);
    await vi.waitFor(() => again.button('Edit'));
    expect(again.text()).not.toContain('Restored what you typed');
  });

  it('an edit under way when the card is deleted elsewhere stays, and Save adds it as someone new', async () => {
    const popup = await editingAdasCard();
    const [ada] = await listContacts(db);
    await deleteContacts(db, [ada.id]);
    popup.changedElsewhere([ada.id]);
    await vi.waitFor(() => expect(popup.text()).toContain('This contact was deleted or merged in another window.'));
    expect(popup.field('Title').value).toBe('Staff Engineer');
    popup.button('Save').click();
    await vi.waitFor(() => expect(popup.text()).toContain('Saved Ada Quinlan to Kith.'));
    expect((await listContacts(db)).map((c) => [c.name, c.title, c.profileUrl])).toEqual([
      ['Ada Quinlan', 'Staff Engineer', 'https://www.linkedin.com/in/ada-quinlan/'],
    ]);
  });

  it('an edit under way when the card is deleted and brought back elsewhere is saved as the edit it was', async () => {
    const popup = await editingAdasCard();
    const relationship = popup.field('Relationship') as unknown as HTMLSelectElement;
    relationship.value = 'friend';
    relationship.dispatchEvent(new Event('change', { bubbles: true }));
    const [ada] = await listContacts(db);
    await updateContact(db, ada.id, (c) => ({ ...c, notes: 'Met at the meetup.' }));
    popup.changedElsewhere([ada.id]);
    await vi.waitFor(() => expect(popup.field('Notes').value).toBe('Met at the meetup.'));
    await popup.type('Notes', 'Met at the meetup.\nNow a friend: ask about Lisbon.');
    const snapshot = await deleteContacts(db, [ada.id]);
    popup.changedElsewhere([ada.id]);
    await vi.waitFor(() => expect(popup.text()).toContain('This contact was deleted or merged in another window.'));
    await restoreSnapshot(db, snapshot);
    popup.button('Save').click();
    await vi.waitFor(() => expect(popup.text()).toContain('Updated Ada Quinlan.'));
    const [saved] = await listContacts(db);
    expect([saved.title, saved.relationship, saved.notes]).toEqual(['Staff Engineer', 'friend', 'Met at the meetup.\nNow a friend: ask about Lisbon.']);
  });

  it('a summary typed on a card deleted elsewhere is still kept once the person is saved again', async () => {
    const popup = openPopup(adasProfile);
    await vi.waitFor(() => popup.field('Notes'));
    popup.button('Save').click();
    await vi.waitFor(() => popup.field('Summary'));
    await popup.type('Summary', 'Lunch: she will intro me to Cy');
    await wait(KEPT);
    const [ada] = await listContacts(db);
    await deleteContacts(db, [ada.id]);
    popup.changedElsewhere([ada.id]);
    // Its form gone with the card, the popup says where the summary is.
    await vi.waitFor(() =>
      expect(popup.text()).toContain('This contact was deleted or merged in another window. The interaction you were logging is kept, and comes back on their card once they are saved again.'),
    );
    popup.button('Save').click();
    await vi.waitFor(() => expect(popup.text()).toContain('Saved Ada Quinlan to Kith.'));
    await wait(KEPT);

    const again = openPopup(adasProfile);
    await vi.waitFor(() => expect(again.maybeField('Summary')?.value).toBe('Lunch: she will intro me to Cy'));
  });

  it('an edit under way when the card is merged away elsewhere is saved into the contact it was merged into', async () => {
    const popup = await editingAdasCard();
    const [ada] = await listContacts(db);
    await putContact(db, { id: 'kept', name: 'Ada Q.', emails: ['ada@harbor.example'], createdAt: 1, updatedAt: 1 });
    await mergeSavedContacts(db, 'kept', ada.id, Date.now(), Settings.parse({}));
    popup.changedElsewhere([ada.id, 'kept']);
    await vi.waitFor(() => expect(popup.text()).toContain('This contact was deleted or merged in another window.'));
    popup.button('Save').click();
    await vi.waitFor(() => expect(popup.text()).toMatch(/Updated Ada/));
    expect((await listContacts(db)).map((c) => [c.id, c.title])).toEqual([['kept', 'Staff Engineer']]);
  });

  it('a card deleted elsewhere gives way to the person on the page, to save again', async () => {
    const popup = openPopup(adasProfile);
    await vi.waitFor(() => popup.field('Notes'));
    popup.button('Save').click();
    await vi.waitFor(() => expect(popup.text()).toContain('Saved Ada Quinlan to Kith.'));
    const [ada] = await listContacts(db);
    await deleteContacts(db, [ada.id]);
    popup.changedElsewhere([ada.id]);
    await vi.waitFor(() => expect(popup.root.querySelector('h1')?.textContent).toBe('Save to Kith'));
    expect(popup.field('Name').value).toBe('Ada Quinlan');
  });

  it('Cancel puts the keyboard back on Edit', async () => {
    const popup = await editingAdasCard();
    popup.button('Cancel').click();
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Edit'));
  });
});

describe('Undo after Done, once a form has been opened', () => {
  const today = () => localIsoDate(Date.now());

  it('keeps the card’s edit form open, with what was typed in it', async () => {
    const popup = openPopup();
    await addByHand(popup, { Name: 'Sam Reyes', 'Follow up': today() });
    popup.button('Done').click();
    await vi.waitFor(() => expect(popup.text()).toContain('Reminder done.'));
    popup.button('Edit').click();
    await vi.waitFor(() => popup.field('Title'));
    await popup.type('Title', 'Harbour master');
    press(popup.button('Undo'));
    await vi.waitFor(() => expect(popup.text()).toContain('Undone.'));
    expect(popup.field('Title').value).toBe('Harbour master');
    await vi.waitFor(() => expect(focused()).toBe(popup.button('Done')));
    expect(popup.field('Follow up').value).toBe(today());
  });

  it('keeps a person being added by hand, and Cancel goes back to the due list as undone', async () => {
    await addByHand(openPopup(), { Name: 'Sam Reyes', 'Follow up': today() });
    const popup = openPopup();
    await vi.waitFor(() => popup.button('Done'));
    popup.button('Done').click();
    await vi.waitFor(() => expect(popup.text()).toContain('Reminder done.'));
    popup.button('Add a person by hand').click();
    await vi.waitFor(() => popup.field('Name'));
    await popup.type('Name', 'Ada Quinlan');
    press(popup.button('Undo'));
    await vi.waitFor(() => expect(popup.text()).toContain('Undone.'));
    expect(popup.field('Name').value).toBe('Ada Quinlan');
    await vi.waitFor(() => expect(focused()).toBe(popup.field('Name')));
    popup.button('Cancel').click();
    await vi.waitFor(() => popup.button('Done'));
    expect(popup.text()).not.toContain('Nothing due today.');
  });
});

describe('focus, when the control used goes away', () => {
  it('moves from the referrer picked to Remove referrer, and back to the picker once removed', async () => {
    await addByHand(openPopup(), { Name: 'Dana Whitaker' });
    const popup = openPopup();
    await vi.waitFor(() => popup.button('Add a person by hand')).then((add) => add.click());
    await vi.waitFor(() => popup.field('Referred by'));
    popup.field('Referred by').focus();
    await popup.type('Referred by', 'Dana');
    await vi.waitFor(() => expect(popup.root.querySelector('[role="option"]')?.textContent).toContain('Dana Whitaker'));
    popup.field('Referred by').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(focused()).toBe(popup.button('Remove referrer')));

    press(popup.button('Remove referrer'));
    await vi.waitFor(() => expect(focused()).toBe(popup.field('Referred by')));
  });

  /** Reopened over what was typed: Start over empties `label`'s field and puts the focus there. */
  async function startOverEmptiesAndFocuses(label: string) {
    const again = openPopup();
    await vi.waitFor(() => again.button('Start over'));
    press(again.button('Start over'));
    await vi.waitFor(() => expect(again.field(label).value).toBe(''));
    await vi.waitFor(() => expect(focused()).toBe(again.field(label)));
  }

  it('moves from Start over to the first field of the form it empties', async () => {
    const popup = openPopup();
    await vi.waitFor(() => popup.button('Add a person by hand')).then((add) => add.click());
    await vi.waitFor(() => popup.field('Name'));
    await popup.type('Name', 'Ada Quinlan');

    await startOverEmptiesAndFocuses('Name');
  });

  it('moves from Start over to the summary of the card’s log it empties', async () => {
    const popup = openPopup();
    await addByHand(popup, { Name: 'Sam Reyes' });
    await popup.type('Summary', 'Coffee next Tuesday');

    await startOverEmptiesAndFocuses('Summary');
  });

  it('moves from an update accepted while editing to the edit form', async () => {
    const dana = { name: 'Dana Whitaker', emails: ['dana@quillstone.example'], source: 'gmail', title: 'CTO' };
    const page = (person: object) => ({ url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg', expected: true, people: [person] });
    const popup = openPopup(page(dana));
    await vi.waitFor(() => popup.field('Notes'));
    popup.button('Save').click();
    await vi.waitFor(() => expect(popup.text()).toContain('Saved Dana Whitaker to Kith.'));

    const promoted = openPopup(page({ ...dana, title: 'CEO' }));
    await vi.waitFor(() => promoted.button('Use new title'));
    promoted.button('Edit').click();
    await vi.waitFor(() => promoted.field('Name'));
    await promoted.type('Notes', 'Promoted in May');
    press(promoted.button('Use new title'));
    await vi.waitFor(() => expect(promoted.text()).toContain('Update accepted.'));
    await vi.waitFor(() => expect(focused()).toBe(promoted.field('Name')));
    expect([promoted.field('Title').value, promoted.field('Notes').value]).toEqual(['CEO', 'Promoted in May']);
  });
});
