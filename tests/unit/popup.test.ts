import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkDetails, draftFromContact, draftFromPerson, emptyDraft, saveDraft } from '@/lib/contact-draft';
import { contactSearch, savedUnderSameName } from '@/lib/contact-search';
import { type KithDB, getContact, interactionsOf, leftOffNotice, listContacts, openKithDb, putReminder, remindersOf, updateContact } from '@/lib/db';
import { putContact } from '../records';
import { draftOfInteraction, interactionDraft, interactionTime, saveInteractionDraft, saveInteractionEdit } from '@/lib/interaction-draft';
import { Contact, PageCapture, Person } from '@/lib/model';
import {
  acceptProposed,
  findSavedCard,
  loadDueToday,
  loadSavedCard,
  sceneOf,
  tabIdFromSearch,
} from '@/lib/popup';
import { markDone, snooze } from '@/lib/reminder-store';
import { addLocalDays, localIsoDate, startOfLocalDay, startOfLocalDayAt } from '@/lib/reminders';

// 09:00 local on a weekday, so "today" is unambiguous in any time zone the tests run in.
const NOW = new Date(2026, 10, 24, 9, 0).getTime();
const TODAY = localIsoDate(NOW);
const SETTINGS = { defaultCadenceDays: 30 };

const linkedinPerson = (overrides: Record<string, unknown> = {}) =>
  Person.parse({
    name: 'Mara Okonkwo-Lind',
    title: 'Head of Platform Engineering',
    company: 'Fernhill Robotics',
    location: 'Rotterdam, South Holland, Netherlands',
    emails: [],
    profileUrl: 'https://www.linkedin.com/in/mara-okonkwo-lind/',
    photoUrl: 'https://media.licdn.example/mara.jpg',
    source: 'linkedin',
    ...overrides,
  });

const gmailPerson = () =>
  Person.parse({
    name: 'Tobias Verhoeven',
    emails: ['Tobias.Verhoeven@fernhill.example'],
    source: 'gmail',
    role: 'sender',
    message: {
      subject: 'Re: Platform team intro',
      at: NOW - 3 * 3600_000,
      link: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyz',
    },
  });

let db: KithDB;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openKithDb(`kith-popup-${Math.random()}`);
});

describe('what the popup shows', () => {
  it('reads the tab from ?tabId=N and ignores anything else', () => {
    expect(tabIdFromSearch('?tabId=42')).toBe(42);
    expect(tabIdFromSearch('')).toBeUndefined();
    expect(tabIdFromSearch('?tabId=42abc')).toBeUndefined();
    expect(tabIdFromSearch('?tabId=-1')).toBeUndefined();
  });

  it('tells people found, capture failures and other pages apart', () => {
    const people = PageCapture.parse({ url: 'https://www.linkedin.com/in/x/', expected: true, people: [linkedinPerson()] });
    expect(sceneOf(people)).toEqual({ kind: 'people', people: people.people });
    expect(sceneOf({ url: 'https://www.linkedin.com/in/x/', expected: true, people: [] })).toEqual({
      kind: 'capture-failed',
      url: 'https://www.linkedin.com/in/x/',
    });
    expect(sceneOf({ url: 'https://example.com/', expected: false, people: [] })).toEqual({ kind: 'nothing' });
    expect(sceneOf(undefined)).toEqual({ kind: 'nothing' });
    expect(sceneOf('unreadable')).toEqual({ kind: 'unreadable' });
  });

  it('prefills a draft from a captured person: email correspondents are warm, profiles cold', () => {
    expect(draftFromPerson(linkedinPerson())).toEqual({
      ...emptyDraft(),
      name: 'Mara Okonkwo-Lind',
      title: 'Head of Platform Engineering',
      company: 'Fernhill Robotics',
      location: 'Rotterdam, South Holland, Netherlands',
      warmth: 'cold',
    });
    const fromEmail = draftFromPerson(gmailPerson());
    expect(fromEmail.emails).toBe('tobias.verhoeven@fernhill.example');
    expect(fromEmail.warmth).toBe('warm');
    expect(fromEmail.relationship).toBe('other');
  });
});

describe('saving from the popup', () => {
  it('saves a first capture with the chosen relationship, notes and links', async () => {
    const person = linkedinPerson();
    const draft = { ...draftFromPerson(person), relationship: 'colleague' as const, notes: 'Met at Platform Summit' };
    const { contact, created } = await saveDraft(db, { settings: SETTINGS, draft, now: NOW, person });
    expect(created).toBe(true);
    expect(await getContact(db, contact.id)).toMatchObject({
      name: 'Mara Okonkwo-Lind',
      title: 'Head of Platform Engineering',
      company: 'Fernhill Robotics',
      relationship: 'colleague',
      warmth: 'cold',
      notes: 'Met at Platform Summit',
      profileUrl: 'https://www.linkedin.com/in/mara-okonkwo-lind/',
      photoUrl: 'https://media.licdn.example/mara.jpg',
      sources: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/mara-okonkwo-lind/', at: NOW }],
    });
    // Only the keep-in-touch reminder, a cadence after today.
    expect((await remindersOf(db, contact.id)).map((r) => [r.kind, r.dueAt])).toEqual([
      ['keep-in-touch', addLocalDays(startOfLocalDay(TODAY), 30)],
    ]);
  });

  it('refuses an edit that gives a contact another contact’s email or profile link, and keeps one already shared', async () => {
    await putContact(db, { id: 'ana', name: 'Ana Full', emails: ['ana@x.example', 'team@x.example'], createdAt: NOW, updatedAt: NOW });
    await putContact(db, {
      id: 'bo',
      name: 'Bo Reyes',
      emails: ['bo@x.example', 'team@x.example'],
      profileUrl: 'https://www.linkedin.com/in/bo-reyes/',
      createdAt: NOW,
      updatedAt: NOW,
    });
    const edit = (emails: string) => saveDraft(db, { settings: SETTINGS, draft: { ...emptyDraft(), name: 'Ana Full', emails }, now: NOW + 1, contactId: 'ana' });
    await expect(edit('ana@x.example, team@x.example, BO@x.example')).rejects.toThrow(
      'bo@x.example is already Bo Reyes’s. To make them one person, merge the two contacts on either one’s page in the dashboard.',
    );
    expect((await getContact(db, 'ana'))?.emails).toEqual(['ana@x.example', 'team@x.example']);
    // An address both had before the edit stays: the edit did not give it.
    const { contact } = await edit('team@x.example, ana@x.example');
    expect(contact.emails).toEqual(['team@x.example', 'ana@x.example']);
    await expect(updateContact(db, 'ana', (saved) => ({ ...saved, profileUrl: 'https://uk.linkedin.com/in/Bo-Reyes?trk=x' }))).rejects.toThrow(
      'https://www.linkedin.com/in/bo-reyes/ is already Bo Reyes’s.',
    );
    expect((await getContact(db, 'ana'))?.profileUrl).toBeUndefined();
  });

  it('splits emails and tags, and keeps referrer, help kinds and cadence', async () => {
    await putContact(db, { id: 'ref', name: 'Ines Duarte', createdAt: NOW, updatedAt: NOW });
    const draft = {
      ...emptyDraft(),
      name: 'Sam Reyes',
      emails: 'Sam@Example.org, sam.reyes@work.example',
      // One tag however it is capitalised, and without the "#" some type before one.
      tags: 'platform, rotterdam , Platform, #climate, ##Climate, ',
      canHelpWith: ['referrals' as const, 'information' as const],
      referredBy: { id: 'ref', name: 'Ines Duarte' },
      cadenceDays: 30,
    };
    const { contact } = await saveDraft(db, { settings: SETTINGS, draft, now: NOW });
    expect(contact).toMatchObject({
      emails: ['sam@example.org', 'sam.reyes@work.example'],
      tags: ['platform', 'rotterdam', 'climate'],
      canHelpWith: ['referrals', 'information'],
      referredBy: 'ref',
      cadenceDays: 30,
      sources: [{ kind: 'manual', at: NOW }],
    });
    expect((await loadSavedCard(db, contact.id, NOW))?.referredByName).toBe('Ines Duarte');
  });

  it('keeps one contact when the same profile is saved again from a tracking URL, notes kept', async () => {
    const first = await saveDraft(db, { settings: SETTINGS, draft: { ...draftFromPerson(linkedinPerson()), notes: 'First note' }, now: NOW, person: linkedinPerson() });
    const again = linkedinPerson({ profileUrl: 'https://nl.linkedin.com/in/Mara-Okonkwo-Lind?trk=public_profile_browsemap' });
    const second = await saveDraft(db, { settings: SETTINGS, draft: { ...draftFromPerson(again), notes: 'Second note' }, now: NOW + 1, person: again });
    expect(second.created).toBe(false);
    expect(second.contact.id).toBe(first.contact.id);
    expect(second.contact.notes).toBe('First note\n\nSecond note');
    expect(await listContacts(db)).toHaveLength(1);
  });

  it('a new-person form that turns out to be a saved contact leaves off an email another contact has, and says whose', async () => {
    const first = await saveDraft(db, { settings: SETTINGS, draft: draftFromPerson(linkedinPerson()), now: NOW, person: linkedinPerson() });
    await putContact(db, { id: 'bo', name: 'Bo Reyes', emails: ['bo@x.example'], createdAt: NOW, updatedAt: NOW });
    const draft = { ...draftFromPerson(linkedinPerson()), emails: 'mara@fernhill.example, BO@x.example' };
    const again = await saveDraft(db, { settings: SETTINGS, draft, now: NOW + 1, person: linkedinPerson() });
    expect(again).toMatchObject({ created: false, contact: { id: first.contact.id, emails: ['mara@fernhill.example'] } });
    expect(leftOffNotice(again.heldByOthers)).toBe(
      'Not added: bo@x.example is already Bo Reyes’s. To make them one person, merge the two contacts on either one’s page in the dashboard.',
    );
    expect((await getContact(db, 'bo'))?.emails).toEqual(['bo@x.example']);
  });

  it('a person added by hand with a saved email fills blanks and never clears what was saved', async () => {
    const saved = await saveDraft(db, {
      settings: SETTINGS,
      draft: { ...draftFromPerson(linkedinPerson()), emails: 'mara@lind.example', relationship: 'colleague', warmth: 'warm', cadenceDays: 30, notes: 'Met at the summit' },
      now: NOW,
      person: linkedinPerson(),
    });
    const byHand = await saveDraft(db, {
      settings: SETTINGS,
      draft: { ...emptyDraft(), name: 'Mara', emails: 'Mara@Lind.example, mara@home.example', tags: 'design', notes: 'Call back' },
      now: NOW + 1,
    });
    expect(byHand.created).toBe(false);
    expect(byHand.contact).toMatchObject({
      id: saved.contact.id,
      name: saved.contact.name,
      title: saved.contact.title,
      company: saved.contact.company,
      location: saved.contact.location,
      relationship: 'colleague',
      warmth: 'warm',
      cadenceDays: 30,
      emails: ['mara@lind.example', 'mara@home.example'],
      tags: ['design'],
      notes: 'Met at the summit\n\nCall back',
      profileUrl: saved.contact.profileUrl,
    });
    expect(byHand.contact.sources.map((s) => s.kind)).toEqual(['linkedin', 'manual']);
  });

  it('a new person who shares an email with someone else saved is added without it, and the other is left as they were', async () => {
    await putContact(db, { id: 'priya', name: 'Priya Natarajan', emails: ['priya@northwind.example', 'hello@northwind.example'], notes: 'Priya notes', createdAt: NOW, updatedAt: NOW });
    const priya = await getContact(db, 'priya');
    const ada = await saveDraft(db, {
      settings: SETTINGS,
      draft: { ...draftFromPerson(linkedinPerson()), name: 'Ada Quinlan', emails: 'hello@northwind.example, ada@quinlan.example', notes: 'Ada notes' },
      now: NOW + 1,
      person: linkedinPerson(),
    });
    expect(ada).toMatchObject({ created: true, contact: { name: 'Ada Quinlan', emails: ['ada@quinlan.example'], notes: 'Ada notes', profileUrl: linkedinPerson().profileUrl } });
    expect(leftOffNotice(ada.heldByOthers)).toBe(
      'Not added: hello@northwind.example is already Priya Natarajan’s. To make them one person, merge the two contacts on either one’s page in the dashboard.',
    );
    expect(await getContact(db, 'priya')).toEqual(priya);

    // An initial, or a name cut short, is still them.
    const initial = await saveDraft(db, { settings: SETTINGS, draft: { ...emptyDraft(), name: 'P. Natarajan', emails: 'priya@northwind.example' }, now: NOW + 2 });
    expect(initial).toMatchObject({ created: false, contact: { id: 'priya' } });
  });

  it('a manual entry where capture failed keeps the canonical page link', async () => {
    const { contact } = await saveDraft(db, {
      settings: SETTINGS,
      draft: { ...emptyDraft(), name: 'Mara Okonkwo-Lind' },
      now: NOW,
      pageUrl: 'https://uk.linkedin.com/in/mara-okonkwo-lind/overlay/contact-info/?trk=x',
    });
    expect(contact.profileUrl).toBe('https://www.linkedin.com/in/mara-okonkwo-lind/');
    expect(contact.sources[0].kind).toBe('manual');
  });

  it('editing a saved contact shows their follow-up, and a new date moves it instead of adding one', async () => {
    const inDays = (days: number) => localIsoDate(addLocalDays(startOfLocalDay(TODAY), days));
    const { contact } = await saveDraft(db, { settings: SETTINGS, draft: { ...emptyDraft(), name: 'Sam Reyes', followUp: inDays(3) }, now: NOW });
    const followUps = async () => (await remindersOf(db, contact.id)).filter((r) => r.kind === 'follow-up');
    const [shown] = await followUps();
    const edit = draftFromContact(contact, undefined, shown);
    expect(edit).toMatchObject({ followUp: inDays(3), followUpId: shown.id });

    await saveDraft(db, { settings: SETTINGS, draft: { ...edit, notes: 'Unchanged date' }, now: NOW + 1, contactId: contact.id });
    expect(await followUps()).toEqual([shown]);
    await snooze(db, shown.id, '1-day', NOW + 2);
    await saveDraft(db, { settings: SETTINGS, draft: { ...edit, followUp: inDays(7) }, now: NOW + 3, contactId: contact.id });
    const moved = await followUps();
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ id: shown.id, dueAt: startOfLocalDay(inDays(7)) });
    expect(moved[0].snoozedUntil).toBeUndefined();

    // The date cleared: no follow-up is left, and the keep-in-touch reminder stays.
    await saveDraft(db, { settings: SETTINGS, draft: { ...edit, followUp: '' }, shown: { ...edit, followUp: inDays(7) }, now: NOW + 4, contactId: contact.id });
    expect(await followUps()).toEqual([]);
    expect((await remindersOf(db, contact.id)).map((r) => r.kind)).toEqual(['keep-in-touch']);
  });

  it('a follow-up dated today is due from the start of today', async () => {
    const { contact } = await saveDraft(db, { settings: SETTINGS, draft: { ...emptyDraft(), name: 'Sam Reyes', followUp: TODAY }, now: NOW });
    const [reminder, ...others] = await remindersOf(db, contact.id);
    expect(others.map((r) => r.kind)).toEqual(['keep-in-touch']);
    expect(reminder).toMatchObject({ contactId: contact.id, kind: 'follow-up', dueAt: startOfLocalDay(TODAY) });
    expect(reminder.dueAt).toBeLessThanOrEqual(NOW);
    const { items } = await loadDueToday(db, NOW);
    expect(items.map((item) => [item.contactName, item.reminder.kind])).toEqual([['Sam Reyes', 'follow-up']]);
  });

  it('a failed save says why and writes nothing', async () => {
    await expect(saveDraft(db, { settings: SETTINGS, draft: { ...emptyDraft(), name: '  ' }, now: NOW })).rejects.toThrow('Name: A contact needs a name');
    await expect(saveDraft(db, { settings: SETTINGS, draft: { ...emptyDraft(), name: 'Sam', emails: 'sam@example.org, sam at example' }, now: NOW })).rejects.toThrow(
      'Email: Not an email address: sam at example',
    );
    await expect(saveDraft(db, { settings: SETTINGS, draft: { ...emptyDraft(), name: 'Sam', followUp: '2026-02-30' }, now: NOW })).rejects.toThrow(
      'Follow up: Not a date: 2026-02-30',
    );
    await expect(saveDraft(db, { settings: SETTINGS, draft: { ...emptyDraft(), name: 'Sam', followUp: '1969-12-31' }, now: NOW })).rejects.toThrow(
      'Follow up: Not a date Kith can keep: 1969-12-31 is before 1970',
    );
    // Text longer than Kith keeps is refused, never cut.
    await expect(saveDraft(db, { settings: SETTINGS, draft: { ...emptyDraft(), name: 'Sam', notes: 'n'.repeat(25_000) }, now: NOW })).rejects.toThrow(
      'Notes: 25,000 characters, where Kith keeps up to 20,000. Shorten it to save.',
    );
    await expect(saveDraft(db, { settings: SETTINGS, draft: { ...emptyDraft(), name: 'Sam', tags: `ok, ${'t'.repeat(61)}` }, now: NOW })).rejects.toThrow('Tags: 61 characters');
    await expect(saveDraft(db, { settings: SETTINGS, draft: { ...emptyDraft(), name: 'S'.repeat(201) }, now: NOW })).rejects.toThrow('Name: 201 characters');
    // So is a list longer than Kith keeps, counted as it would be kept: each tag or address once.
    const list = (n: number, item: (i: number) => string) => Array.from({ length: n }, (_, i) => item(i)).join(', ');
    await expect(saveDraft(db, { settings: SETTINGS, draft: { ...emptyDraft(), name: 'Sam', tags: list(51, (i) => `t${i}`) }, now: NOW })).rejects.toThrow(
      'Tags: 51 of them, where Kith keeps up to 50. Remove some to save.',
    );
    await expect(saveDraft(db, { settings: SETTINGS, draft: { ...emptyDraft(), name: 'Sam', emails: list(51, (i) => `s${i}@example.org`) }, now: NOW })).rejects.toThrow(
      'Email: 51 of them, where Kith keeps up to 50.',
    );
    expect(await listContacts(db)).toEqual([]);
    // Spaces the notes would not keep do not count.
    const { contact } = await saveDraft(db, { settings: SETTINGS, draft: { ...emptyDraft(), name: 'Sam', notes: `${'n'.repeat(20_000)}${' '.repeat(50)}` }, now: NOW });
    expect(contact.notes).toHaveLength(20_000);
    // The contact page's phones and addresses too.
    expect(() => checkDetails({ phones: list(51, (i) => `+1 555 01${i}`).split(', ') })).toThrow('Phones: 51 of them, where Kith keeps up to 50.');
    expect(() => checkDetails({ addresses: list(50, (i) => `${i} Main St`).split(', ') })).not.toThrow();
    const tagged = await saveDraft(db, { settings: SETTINGS, draft: { ...emptyDraft(), name: 'Tia', tags: `${list(50, (i) => `t${i}`)}, T0, #t1`, emails: `${list(50, (i) => `s${i}@example.org`)}, S0@Example.org` }, now: NOW });
    expect([tagged.contact.tags.length, tagged.contact.emails.length]).toEqual([50, 50]);
  });

  it('edits a saved contact in place', async () => {
    const { contact } = await saveDraft(db, { settings: SETTINGS, draft: draftFromPerson(linkedinPerson()), now: NOW, person: linkedinPerson() });
    const draft = { ...draftFromContact(contact), notes: 'Owes me a call', warmth: 'warm' as const };
    const edited = await saveDraft(db, { settings: SETTINGS, draft, now: NOW + 5, contactId: contact.id });
    expect(edited.contact).toMatchObject({ id: contact.id, createdAt: NOW, updatedAt: NOW + 5, notes: 'Owes me a call', warmth: 'warm' });
    expect(edited.contact.profileUrl).toBe(contact.profileUrl);
  });
});

describe('a saved person', () => {
  it('is found by profile URL or email, never by name alone', async () => {
    const { contact } = await saveDraft(db, { settings: SETTINGS, draft: draftFromPerson(linkedinPerson()), now: NOW, person: linkedinPerson() });
    const fromTrackingUrl = linkedinPerson({ profileUrl: 'https://www.linkedin.com/in/mara-okonkwo-lind/?trk=a' });
    expect((await findSavedCard(db, fromTrackingUrl, NOW))?.contact.id).toBe(contact.id);
    expect(await findSavedCard(db, linkedinPerson({ profileUrl: undefined }), NOW)).toBeUndefined();
  });

  it('is saved into the contact the user says they are: keys and blanks filled, what was typed kept, a differing name offered, a third contact’s address left off', async () => {
    await putContact(db, { id: 'mail', name: 'Mara O.', emails: ['mara@fernhill.example'], notes: 'Intro from Tobias', relationship: 'colleague', createdAt: 1, updatedAt: 1 });
    await putContact(db, { id: 'other', name: 'Mara at home', emails: ['mara@home.example'], createdAt: 1, updatedAt: 1 });
    const person = linkedinPerson({ emails: ['mara@home.example'] });
    const draft = { ...draftFromPerson(person), notes: 'Met at RoboCon', tags: 'robotics', followUp: TODAY };
    const { contact, created, heldByOthers } = await saveDraft(db, { draft, now: NOW, settings: SETTINGS, person, into: 'mail' });
    expect(created).toBe(false);
    expect(contact).toMatchObject({
      id: 'mail',
      name: 'Mara O.',
      title: 'Head of Platform Engineering',
      profileUrl: 'https://www.linkedin.com/in/mara-okonkwo-lind/',
      emails: ['mara@fernhill.example'],
      notes: 'Intro from Tobias\n\nMet at RoboCon',
      tags: ['robotics'],
      relationship: 'colleague',
    });
    expect(heldByOthers).toEqual([{ key: 'mara@home.example', owner: 'Mara at home' }]);
    expect(await getContact(db, 'mail')).toEqual(contact);
    expect((await remindersOf(db, 'mail')).map((r) => r.kind).sort()).toEqual(['follow-up', 'keep-in-touch']);
    expect((await findSavedCard(db, person, NOW))?.proposed).toEqual({ name: 'Mara Okonkwo-Lind' });
    expect(await listContacts(db)).toHaveLength(2);
    await expect(saveDraft(db, { draft, now: NOW, settings: SETTINGS, person, into: 'gone' })).rejects.toThrow('That contact no longer exists');
  });

  it('shows captured differences as updates to accept, kept in history', async () => {
    const { contact } = await saveDraft(db, { settings: SETTINGS, draft: draftFromPerson(linkedinPerson()), now: NOW, person: linkedinPerson() });
    const moved = linkedinPerson({ title: 'VP Engineering', company: 'Fernhill Robotics' });
    const card = await loadSavedCard(db, contact.id, NOW, moved);
    expect(card?.proposed).toEqual({ title: 'VP Engineering' });
    const accepted = await acceptProposed(db, contact.id, card!.proposed, NOW + 1);
    expect(accepted.title).toBe('VP Engineering');
    expect(accepted.history).toEqual([{ field: 'title', from: 'Head of Platform Engineering', to: 'VP Engineering', at: NOW + 1 }]);
    expect((await loadSavedCard(db, contact.id, NOW, moved))?.proposed).toEqual({});
  });

  it('offers what the page says for fields left blank, and fills them without history', async () => {
    const { contact } = await saveDraft(db, {
      settings: SETTINGS,
      draft: { ...emptyDraft(), name: 'Mara Okonkwo-Lind', emails: 'mara@lind.example' },
      now: NOW,
    });
    const onPage = linkedinPerson({ emails: ['mara@lind.example'] });
    const card = await findSavedCard(db, onPage, NOW);
    const blanks = { title: onPage.title, company: onPage.company, location: onPage.location, profileUrl: onPage.profileUrl };
    expect(card?.proposed).toEqual(blanks);
    const accepted = await acceptProposed(db, contact.id, card!.proposed, NOW + 1);
    expect(accepted).toMatchObject({ ...blanks, history: [] });
  });

  it('offers the emails and phones the page shows that the card lacks, and adds them when accepted', async () => {
    const { contact } = await saveDraft(db, {
      settings: SETTINGS,
      draft: { ...draftFromPerson(linkedinPerson()), emails: 'mara@lind.example' },
      now: NOW,
      person: linkedinPerson({ phones: ['+31 10 555 0100'] }),
    });
    const onPage = linkedinPerson({ emails: ['mara@lind.example', 'mara@fernhill.example'], phones: ['+31 (10) 555-0100', '+31 6 1234 5678'] });
    const card = await findSavedCard(db, onPage, NOW);
    // The saved number written another way is the same number.
    expect(card?.proposed).toEqual({ emails: ['mara@fernhill.example'], phones: ['+31 6 1234 5678'] });
    const accepted = await acceptProposed(db, contact.id, { emails: card!.proposed.emails }, NOW + 1);
    expect(accepted).toMatchObject({ emails: ['mara@lind.example', 'mara@fernhill.example'], phones: ['+31 10 555 0100'], history: [] });
    expect((await findSavedCard(db, onPage, NOW))?.proposed).toEqual({ phones: ['+31 6 1234 5678'] });

    // An address another contact has is not offered but said; accepting it anyway is refused, saying whose it is.
    await putContact(db, { id: 'team', name: 'Fernhill team', emails: ['team@fernhill.example'], createdAt: NOW, updatedAt: NOW });
    const withTeam = linkedinPerson({ emails: ['team@fernhill.example', 'mara@new.example'] });
    expect(await findSavedCard(db, withTeam, NOW)).toMatchObject({
      proposed: { emails: ['mara@new.example'] },
      heldByOthers: [{ key: 'team@fernhill.example', owner: 'Fernhill team' }],
    });
    await expect(acceptProposed(db, contact.id, { emails: ['team@fernhill.example'] }, NOW + 2)).rejects.toThrow(
      'team@fernhill.example is already Fernhill team’s.',
    );
  });

  it('names a referrer no longer in the notebook as deleted', () => {
    const contact = Contact.parse({ id: 'c', name: 'Sam Reyes', referredBy: 'gone', createdAt: NOW, updatedAt: NOW });
    expect(draftFromContact(contact).referredBy).toEqual({ id: 'gone', name: 'Deleted contact' });
  });

  it('refuses to log an interaction dated after today, and writes nothing', async () => {
    const { contact } = await saveDraft(db, { settings: SETTINGS, draft: draftFromPerson(linkedinPerson()), now: NOW, person: linkedinPerson() });
    const before = await remindersOf(db, contact.id);
    const tomorrow = localIsoDate(addLocalDays(startOfLocalDay(TODAY), 1));
    await expect(saveInteractionDraft(db, contact.id, { ...interactionDraft(NOW), date: tomorrow }, SETTINGS, NOW)).rejects.toThrow(
      `Date: ${tomorrow} is after today`,
    );
    await expect(saveInteractionDraft(db, contact.id, { ...interactionDraft(NOW), summary: 's'.repeat(6_000) }, SETTINGS, NOW)).rejects.toThrow(
      'Summary: 6,000 characters, where Kith keeps up to 5,000.',
    );
    expect(await interactionsOf(db, contact.id)).toEqual([]);
    expect(await remindersOf(db, contact.id)).toEqual(before);
  });

  it('logs an open email as an interaction with its subject, time and link', async () => {
    const person = gmailPerson();
    // Saved ten days before the email arrives, so logging it must move the keep-in-touch clock.
    const savedAt = addLocalDays(NOW, -10);
    const { contact } = await saveDraft(db, { settings: SETTINGS, draft: draftFromPerson(person), now: savedAt, person });
    const keepInTouchAtSave = (await remindersOf(db, contact.id)).find((r) => r.kind === 'keep-in-touch');
    expect(keepInTouchAtSave?.dueAt).toBe(addLocalDays(startOfLocalDayAt(savedAt), 30));
    const draft = { ...interactionDraft(NOW, person.message), received: ['information' as const] };
    expect(draft).toMatchObject({ channel: 'email', date: TODAY, summary: 'Re: Platform team intro' });
    const { thankYou } = await saveInteractionDraft(db, contact.id, draft, SETTINGS, NOW);
    expect(thankYou?.kind).toBe('thank-you');
    const [interaction] = await interactionsOf(db, contact.id);
    expect(interaction).toMatchObject({
      channel: 'email',
      at: NOW - 3 * 3600_000,
      summary: 'Re: Platform team intro',
      link: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyz',
      received: ['information'],
    });
    expect((await getContact(db, contact.id))?.lastInteractionAt).toBe(NOW - 3 * 3600_000);
    // Logging reset the keep-in-touch clock to a cadence after the email's day, ten days on.
    const keepInTouch = (await remindersOf(db, contact.id)).filter((r) => r.kind === 'keep-in-touch');
    expect(keepInTouch.map((r) => [r.id, r.dueAt])).toEqual([[keepInTouchAtSave!.id, addLocalDays(startOfLocalDay(TODAY), 30)]]);
    expect(keepInTouch[0].dueAt).toBe(addLocalDays(keepInTouchAtSave!.dueAt, 10));
  });

  it('dates an interaction by the message, today or the start of the chosen day', () => {
    const fromEmail = interactionDraft(NOW, { subject: 's', at: NOW - 1000 });
    expect(interactionTime(fromEmail, NOW)).toBe(NOW - 1000);
    expect(interactionTime({ ...fromEmail, date: '2026-11-01' }, NOW)).toBe(startOfLocalDay('2026-11-01'));
    expect(interactionTime(interactionDraft(NOW), NOW)).toBe(NOW);
  });

  it('corrects a logged interaction from the form: its time kept while its day is, the same checks as logging', async () => {
    const person = gmailPerson();
    const { contact } = await saveDraft(db, { settings: SETTINGS, draft: draftFromPerson(person), now: NOW, person });
    const { interaction } = await saveInteractionDraft(db, contact.id, interactionDraft(NOW, person.message), SETTINGS, NOW);
    const draft = draftOfInteraction(interaction);
    expect(draft).toMatchObject({ channel: 'email', date: TODAY, summary: 'Re: Platform team intro', link: person.message!.link });

    await saveInteractionEdit(db, interaction, { ...draft, summary: 'Platform team intro: they are hiring' }, SETTINGS, NOW + 60_000);
    expect(await interactionsOf(db, contact.id)).toEqual([{ ...interaction, summary: 'Platform team intro: they are hiring' }]);
    // A form opened before that correction, changing only the day and the link, leaves its words.
    await saveInteractionEdit(db, interaction, { ...draft, date: '2026-11-02', link: undefined }, SETTINGS, NOW);
    const [moved] = await interactionsOf(db, contact.id);
    expect(moved).toMatchObject({ at: startOfLocalDay('2026-11-02'), summary: 'Platform team intro: they are hiring' });
    expect(moved.link).toBeUndefined();

    const tomorrow = localIsoDate(addLocalDays(startOfLocalDay(TODAY), 1));
    await expect(saveInteractionEdit(db, interaction, { ...draft, date: tomorrow }, SETTINGS, NOW)).rejects.toThrow(`Date: ${tomorrow} is after today`);
    await expect(saveInteractionEdit(db, interaction, { ...draft, summary: 's'.repeat(6_000) }, SETTINGS, NOW)).rejects.toThrow('Summary: 6,000 characters');
    expect(await interactionsOf(db, contact.id)).toEqual([moved]);
  });

  it('marks reminders done or snoozes them until tomorrow', async () => {
    await putContact(db, { id: 'c1', name: 'Sam Reyes', createdAt: NOW, updatedAt: NOW });
    await putReminder(db, { id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: NOW - 1, createdAt: NOW });
    await putReminder(db, { id: 'r2', contactId: 'c1', kind: 'thank-you', dueAt: NOW - 2, createdAt: NOW });
    expect((await loadDueToday(db, NOW)).total).toBe(2);
    await markDone(db, 'r1', SETTINGS, NOW);
    await snooze(db, 'r2', '1-day', NOW);
    expect(await loadDueToday(db, NOW)).toEqual({ items: [], total: 0 });
    const card = await loadSavedCard(db, 'c1', NOW);
    expect(card?.reminders.map((r) => [r.id, r.snoozedUntil])).toEqual([['r2', addLocalDays(NOW, 1)]]);
  });

  it('lists today’s reminders soonest first, whatever order they were written in', async () => {
    await putContact(db, { id: 'c1', name: 'Sam Reyes', createdAt: NOW, updatedAt: NOW });
    await putContact(db, { id: 'c2', name: 'Ada Quinlan', createdAt: NOW, updatedAt: NOW });
    await putReminder(db, { id: 'r-late', contactId: 'c1', kind: 'follow-up', dueAt: NOW - 1, createdAt: NOW });
    await putReminder(db, { id: 'r-early', contactId: 'c2', kind: 'promise', dueAt: NOW - 3600_000, createdAt: NOW });
    await putReminder(db, { id: 'r-mid', contactId: 'c1', kind: 'thank-you', dueAt: NOW - 60_000, createdAt: NOW });
    const { items } = await loadDueToday(db, NOW);
    expect(items.map((item) => [item.reminder.id, item.contactName])).toEqual([
      ['r-early', 'Ada Quinlan'],
      ['r-mid', 'Sam Reyes'],
      ['r-late', 'Sam Reyes'],
    ]);
  });

  it('lists what is due by now, as the badge counts it: not a reminder snoozed until later today', async () => {
    await putContact(db, { id: 'c1', name: 'Sam Reyes', createdAt: NOW, updatedAt: NOW });
    await putReminder(db, { id: 'due', contactId: 'c1', kind: 'follow-up', dueAt: startOfLocalDay(TODAY), createdAt: NOW });
    await putReminder(db, { id: 'later', contactId: 'c1', kind: 'promise', dueAt: NOW - 86_400_000, snoozedUntil: NOW + 3600_000, createdAt: NOW });
    expect(await loadDueToday(db, NOW)).toMatchObject({ items: [{ reminder: { id: 'due' } }], total: 1 });
    expect((await loadDueToday(db, NOW + 3600_000)).total).toBe(2);
  });

  it('lists what the user set for today before contacts past their cadence, who may be many', async () => {
    await putContact(db, { id: 'c1', name: 'Sam Reyes', createdAt: NOW, updatedAt: NOW });
    for (let i = 0; i < 25; i++) await putReminder(db, { id: `kit-${i}`, contactId: 'c1', kind: 'keep-in-touch', dueAt: NOW - (40 - i) * 86_400_000, createdAt: 0 });
    await putReminder(db, { id: 'deck', contactId: 'c1', kind: 'promise', dueAt: NOW - 60_000, createdAt: NOW - 86_400_000 });
    const { items, total } = await loadDueToday(db, NOW);
    expect(total).toBe(26);
    expect(items).toHaveLength(20);
    expect(items.map((item) => item.reminder.id).slice(0, 3)).toEqual(['deck', 'kit-0', 'kit-1']);
  });

  it('lists the card’s open reminders by when they come due, a snoozed one at its snooze', async () => {
    await putContact(db, { id: 'c1', name: 'Sam Reyes', createdAt: NOW, updatedAt: NOW });
    await putReminder(db, { id: 'snoozed', contactId: 'c1', kind: 'follow-up', dueAt: NOW - 2, createdAt: NOW });
    await putReminder(db, { id: 'later', contactId: 'c1', kind: 'promise', dueAt: NOW + 3600_000, createdAt: NOW });
    await putReminder(db, { id: 'done', contactId: 'c1', kind: 'thank-you', dueAt: NOW - 1, createdAt: NOW });
    await snooze(db, 'snoozed', '1-day', NOW);
    await markDone(db, 'done', SETTINGS, NOW);
    expect((await loadSavedCard(db, 'c1', NOW))?.reminders.map((r) => r.id)).toEqual(['later', 'snoozed']);
  });
});

describe('contact search', () => {
  it('matches every word across name, company, email, phone, tags and notes, newest first', async () => {
    await putContact(db, { id: 'a', name: 'Zoë Álvarez', company: 'Fernhill Robotics', phones: ['+31 (10) 555-0199'], notes: 'Ask about the Delft lab', createdAt: NOW, updatedAt: NOW });
    await putContact(db, { id: 'b', name: 'Zoe Brandt', emails: ['zoe@brandt.example'], tags: ['rotterdam'], createdAt: NOW, updatedAt: NOW + 1 });
    await putContact(db, { id: 'c', name: 'Sam Reyes', company: 'Fernhill Robotics', createdAt: NOW, updatedAt: NOW + 2 });
    const search = contactSearch(db);
    const ids = async (query: string, options?: Parameters<typeof search>[1]) => (await search(query, options)).map((hit) => hit.id);
    expect(await ids('zoe')).toEqual(['b', 'a']);
    expect(await ids('zoe fernhill')).toEqual(['a']);
    expect(await ids('ROTTERDAM')).toEqual(['b']);
    expect(await ids('+31105550199')).toEqual(['a']);
    expect(await ids('555-0199')).toEqual(['a']);
    expect(await ids('010 555 0199')).toEqual(['a']);
    expect(await ids('delft')).toEqual(['a']);
    expect(await ids('fernhill', { limit: 1 })).toEqual(['c']);
    expect(await ids('fernhill', { excludeId: 'c' })).toEqual(['a']);
    expect(await search('   ')).toEqual([]);

    // The notebook as it was at the first query: a search made after a write finds what it wrote.
    await putContact(db, { id: 'd', name: 'Dirk Vos', phones: ['010 555 0188'], createdAt: NOW, updatedAt: NOW - 1 });
    expect(await ids('+31 10 555 0188')).toEqual([]);
    expect((await contactSearch(db)('+31 10 555 0188')).map((hit) => hit.id)).toEqual(['d']);
  });

  it('reads the notebook once, in batches, and then searches it in memory', async () => {
    const ids = Array.from({ length: 1200 }, () => crypto.randomUUID());
    for (const [i, id] of ids.entries()) await putContact(db, { id, name: `Person ${i}`, createdAt: NOW, updatedAt: NOW + i });
    const getAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    try {
      const search = contactSearch(db);
      expect((await search('person 1199')).map((hit) => hit.id)).toEqual([ids[1199]]);
      const reads = getAll.mock.calls.length;
      expect(getAll.mock.calls.every(([, count]) => count === 500)).toBe(true);
      expect((await search('person', { limit: 3 })).map((hit) => hit.id)).toEqual([ids[1199], ids[1198], ids[1197]]);
      expect((await search('person 1')).length).toBe(8);
      expect(getAll).toHaveBeenCalledTimes(reads);
    } finally {
      getAll.mockRestore();
    }
  });

  it('finds who a new person may be by name alone, past any batch, but not someone with another profile', async () => {
    const profileUrl = 'https://www.linkedin.com/in/zoe-alvarez/';
    await putContact(db, { id: 'a-mail', name: 'zoe alvarez', emails: ['zoe@fernhill.example'], createdAt: NOW, updatedAt: NOW });
    await putContact(db, { id: 'b-other', name: 'Zoë Álvarez', profileUrl: 'https://www.linkedin.com/in/zoe-alvarez-2/', createdAt: NOW, updatedAt: NOW });
    await putContact(db, { id: 'c-near', name: 'Zoë Álvarez-Ruiz', createdAt: NOW, updatedAt: NOW });
    for (const id of ['d', 'e', 'f']) await putContact(db, { id, name: 'Someone Else', createdAt: NOW, updatedAt: NOW });
    await putContact(db, { id: 'z-phone', name: 'ZOË ÁLVAREZ', phones: ['+31 10 555 0199'], createdAt: NOW, updatedAt: NOW });
    const ids = async (options?: Parameters<typeof savedUnderSameName>[2], person: Pick<Person, 'name' | 'profileUrl'> = { name: 'Zoë Álvarez', profileUrl }) =>
      (await savedUnderSameName(db, person, options)).map((contact) => contact.id);

    expect(await ids({ batch: 2 })).toEqual(['a-mail', 'z-phone']);
    expect(await ids({ batch: 2, limit: 1 })).toEqual(['a-mail']);
    // Without a profile link of their own, anyone of the name may be them.
    expect(await ids({}, { name: 'Zoë Álvarez' })).toEqual(['a-mail', 'b-other', 'z-phone']);
    const stopped = new AbortController();
    stopped.abort();
    expect(await ids({ signal: stopped.signal })).toEqual([]);
  });
});

describe('what the popup reads', () => {
  it('opens a saved card and today’s reminders through keys and indexes, never a whole store', async () => {
    for (let i = 0; i < 50; i++) {
      await putContact(db, { id: `c${i}`, name: `Person ${i}`, emails: [`p${i}@x.example`], createdAt: NOW, updatedAt: NOW });
      await putReminder(db, { id: `r${i}`, contactId: `c${i}`, kind: 'follow-up', dueAt: NOW - i, createdAt: NOW });
    }
    const wholeStoreReads: string[] = [];
    const spies = (['getAll', 'getAllKeys', 'openCursor'] as const).map((method) => {
      const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
      return vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
        if (args[0] === undefined || args[0] === null) wholeStoreReads.push(`${this.name}.${method}`);
        return original.apply(this, args);
      });
    });
    try {
      const card = await findSavedCard(db, Person.parse({ name: 'P', emails: ['P7@x.example'], source: 'gmail' }), NOW);
      expect(card?.contact.id).toBe('c7');
      expect(card?.reminders.map((r) => r.id)).toEqual(['r7']);
      expect((await loadSavedCard(db, 'c7', NOW))?.reminders.map((r) => r.id)).toEqual(['r7']);
      expect((await loadDueToday(db, NOW, 5)).total).toBe(50);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(wholeStoreReads).toEqual([]);
  });
});
