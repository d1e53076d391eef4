import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { type KithDB, deleteContacts, getContact, interactionsOf, listContacts, openKithDb, putReminder, readEverything, remindersOf } from '@/lib/db';
import { putContact, putInteraction } from '../records';
import { createBackup, parseImport } from '@/lib/io';
import { applyImport, previewImport } from '@/lib/io/apply';
import { mergeSavedContacts } from '@/lib/merge';
import { Contact, Interaction, Settings } from '@/lib/model';

const NOW = Date.UTC(2026, 10, 22, 9, 0);
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

function linkedin(rows: string[]): string {
  return ['Notes:', '"Some text, with a comma"', '', HEADER, ...rows, ''].join('\n');
}

let db: KithDB;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openKithDb(`kith-io-${Math.random()}`);
});

async function readAll() {
  const tx = db.transaction(['contacts', 'interactions', 'reminders']);
  const [contacts, interactions, reminders] = await Promise.all([
    tx.objectStore('contacts').getAll(),
    tx.objectStore('interactions').getAll(),
    tx.objectStore('reminders').getAll(),
  ]);
  return { contacts, interactions, reminders };
}

describe('applyImport', () => {
  it('adds new people, merges those already saved by profile link or email, and reports it', async () => {
    await putContact(db, { id: 'saved-url', name: 'Ada Q.', profileUrl: 'https://de.linkedin.com/in/ada/', title: 'Engineer', createdAt: 1, updatedAt: 1 });
    await putContact(db, { id: 'saved-email', name: 'Bo Lind', emails: ['bo@lind.se'], createdAt: 1, updatedAt: 1 });
    const batch = parseImport(
      linkedin([
        'Ada,Quinlan,https://www.linkedin.com/in/ada,ada@q.com,Acme,Staff Engineer,22 Nov 2026',
        'Bo,Lind,https://www.linkedin.com/in/bolind,BO@lind.se,Globex,CEO,1 Mar 2020',
        'Cy,New,https://www.linkedin.com/in/cy,,Initech,Analyst,5 Jan 2021',
      ]),
      NOW,
    );
    const preview = await previewImport(db, batch, NOW);
    expect(preview.added.map((a) => a.name)).toEqual(['Cy New']);
    expect(preview.merged.map((m) => [m.where, m.intoId])).toEqual([
      ['Row 1 (line 5)', 'saved-url'],
      ['Row 2 (line 6)', 'saved-email'],
    ]);
    expect((await listContacts(db)).length).toBe(2); // a preview writes nothing

    const report = await applyImport(db, batch, NOW);
    expect(report.added).toHaveLength(1);
    expect(report.merged[0]).toMatchObject({
      name: 'Ada Quinlan',
      into: 'Ada Q.',
      added: ['company', 'notes', 'emails'],
      kept: [
        { field: 'name', saved: 'Ada Q.', incoming: 'Ada Quinlan' },
        { field: 'title', saved: 'Engineer', incoming: 'Staff Engineer' },
      ],
      taken: [],
    });
    const ada = await getContact(db, 'saved-url');
    expect(ada).toMatchObject({ name: 'Ada Q.', title: 'Engineer', company: 'Acme', emails: ['ada@q.com'], createdAt: 1, updatedAt: NOW });
    const bo = await getContact(db, 'saved-email');
    expect(bo).toMatchObject({ profileUrl: 'https://www.linkedin.com/in/bolind/', company: 'Globex', title: 'CEO', emails: ['bo@lind.se'] });
    expect((await listContacts(db)).length).toBe(3);
  });

  it('leaves an email another saved contact has with that one, merges the rest, and reports it', async () => {
    await putContact(db, { id: 'by-url', name: 'Ada Q.', profileUrl: 'https://www.linkedin.com/in/ada/', createdAt: 1, updatedAt: 1 });
    await putContact(db, { id: 'by-email', name: 'Ada (Gmail)', emails: ['ada@q.com'], createdAt: 1, updatedAt: 1 });
    const batch = parseImport(linkedin(['Ada,Quinlan,https://www.linkedin.com/in/ada,ADA@q.com,Acme,,']), NOW);
    const reason = 'ada@q.com is already Ada (Gmail)’s; not added to Ada Q.';
    expect((await previewImport(db, batch, NOW)).heldByOthers).toEqual([{ where: 'Row 1 (line 5)', reason }]);
    const report = await applyImport(db, batch, NOW);
    expect(report.merged).toMatchObject([{ intoId: 'by-url', added: ['company'] }]);
    expect(report.heldByOthers).toEqual([{ where: 'Row 1 (line 5)', reason }]);
    expect(await getContact(db, 'by-url')).toMatchObject({ company: 'Acme', emails: [] });
    expect(await getContact(db, 'by-email')).toMatchObject({ emails: ['ada@q.com'] });
  });

  it('keeps rows of one file that share an email but name other people apart, the address with the first', async () => {
    const csv = [
      'First Name,Last Name,Notes,E-mail 1 - Value,Phone 1 - Value',
      'John,Smith,,smiths@family.example,+47 900 00 001',
      'Jane,Smith,Nurse at St Mary’s,smiths@family.example,+47 900 00 002',
      'J.,Smith,Likes sailing,smiths@family.example,',
    ].join('\n');
    const report = await applyImport(db, parseImport(csv, NOW), NOW);
    expect(report.repeated.map((p) => p.reason)).toEqual(['the same person as Row 1 (line 2) (John Smith); merged into it']);
    expect(report.heldByOthers).toEqual([{ where: 'Row 2 (line 3)', reason: 'smiths@family.example is already John Smith’s; not added to Jane Smith' }]);
    expect((await listContacts(db)).map((c) => [c.name, c.emails, c.phones, c.notes]).sort()).toEqual([
      ['Jane Smith', [], ['+47 900 00 002'], 'Nurse at St Mary’s'],
      ['John Smith', ['smiths@family.example'], ['+47 900 00 001'], 'Likes sailing'],
    ]);
    // The same file again adds no one: Jane is found by her name and phone.
    const again = await applyImport(db, parseImport(csv, NOW + 1), NOW + 1);
    expect(again.added).toEqual([]);
    expect(await listContacts(db)).toHaveLength(2);
  });

  it('joins a row to earlier ones by a shared email only when it may be every one of them', async () => {
    const people = async (rows: string[]) => {
      const report = await applyImport(db, parseImport(['First Name,Last Name,E-mail 1 - Value,Phone 1 - Value', ...rows].join('\n'), NOW), NOW);
      const contacts = (await listContacts(db)).map((c) => [c.name, c.emails, c.phones]).sort();
      await deleteContacts(db, (await listContacts(db)).map((c) => c.id));
      return { contacts, repeated: report.repeated.length };
    };
    // "A. Lind" may be Anna or Axel, but Axel is not Anna.
    expect(await people(['A.,Lind,fam@x.example,', 'Anna,Lind,fam@x.example,+46 70 111 11 11', 'Axel,Lind,fam@x.example,+46 70 222 22 22'])).toEqual({
      contacts: [
        ['A. Lind', ['fam@x.example'], ['+46 70 111 11 11']],
        ['Axel Lind', [], ['+46 70 222 22 22']],
      ],
      repeated: 1,
    });
    // A first row named by its address only takes the first name a later row gives.
    expect((await people([',,office@x.example,', 'Anna,Lind,office@x.example,', 'Bo,Lind,office@x.example,'])).contacts).toEqual([
      ['Anna Lind', ['office@x.example'], []],
      ['Bo Lind', [], []],
    ]);
    // One name written with or without its spaces, or with its initials run together, is one person's.
    expect((await people(['山田太郎,,taro@x.example,', '山田,太郎,taro@x.example,', 'JR,Smith,jr@x.example,', 'John Robert,Smith,jr@x.example,'])).repeated).toBe(2);
    // A row left without the shared address is found again by a later row of its name and its own.
    expect((await people(['Anna,Lind,fam@x.example,', 'Bo,Lind,fam@x.example,', 'Bo,Lind,bo@x.example ::: fam@x.example,'])).contacts).toEqual([
      ['Anna Lind', ['fam@x.example'], []],
      ['Bo Lind', ['bo@x.example'], []],
    ]);
  });

  it('finds a phone-only row again by name and number after the contact was given an email', async () => {
    const csv = 'First Name,Last Name,E-mail 1 - Value,Phone 1 - Value\nCarl,Berg,,+47 900 00 000\n';
    await applyImport(db, parseImport(csv, NOW), NOW);
    const [carl] = await listContacts(db);
    await putContact(db, { ...carl, emails: ['carl@berg.example'] });
    expect((await applyImport(db, parseImport(csv, NOW + 1), NOW + 1)).added).toEqual([]);
    expect(await listContacts(db)).toHaveLength(1);
  });

  it('folds a backup’s person into a saved one by email only where the names agree or the backup is this notebook’s', async () => {
    await putContact(db, { id: 'anna', name: 'Anna Lind', emails: ['fam@x.example'], notes: 'Anna note', createdAt: 1, updatedAt: 1 });
    const bo = Contact.parse({ id: 'bo-elsewhere', name: 'Bo Lind', emails: ['fam@x.example'], notes: 'Bo note', createdAt: 1, updatedAt: 1 });
    const report = await applyImport(db, parseImport(createBackup({ contacts: [bo], interactions: [], reminders: [] }, NOW), NOW), NOW);
    expect(report.added.map((a) => a.name)).toEqual(['Bo Lind']);
    expect((await listContacts(db)).map((c) => [c.name, c.emails, c.notes]).sort()).toEqual([
      ['Anna Lind', ['fam@x.example'], 'Anna note'],
      ['Bo Lind', [], 'Bo note'],
    ]);
  });

  it('merges into a contact another program wrote with only the contract’s fields', async () => {
    await db.put('contacts', { id: 'foreign', name: 'Bo Lind', emails: ['bo@lind.se'], createdAt: 1, updatedAt: 1 } as never);
    const report = await applyImport(db, parseImport(linkedin(['Bo,Lind,https://www.linkedin.com/in/bolind,bo@lind.se,Globex,CEO,1 Mar 2020']), NOW), NOW);
    expect(report.merged.map((m) => m.intoId)).toEqual(['foreign']);
    expect(await getContact(db, 'foreign')).toMatchObject({ company: 'Globex', title: 'CEO', phones: [], tags: [], createdAt: 1 });
  });

  it('merges into a contact another program wrote with its own spelling of the link and the address', async () => {
    await db.put('contacts', { id: 'foreign', name: 'Bo Lind', emails: ['Bo@Lind.SE'], profileUrl: 'https://linkedin.com/in/BoLind', createdAt: 1, updatedAt: 1 } as never);
    await db.put('contacts', { id: 'foreign-2', name: 'Cy New', emails: [], profileUrl: 'http://linkedin.com/in/CyNew?trk=x', createdAt: 1, updatedAt: 1 } as never);
    const rows = ['Bo,Lind,,bo@lind.se,Globex,CEO,1 Mar 2020', 'Cy,New,https://www.linkedin.com/in/cynew,,Initech,Analyst,5 Jan 2021'];
    const report = await applyImport(db, parseImport(linkedin(rows), NOW), NOW);
    expect(report.added).toEqual([]);
    expect(report.merged.map((m) => m.intoId)).toEqual(['foreign', 'foreign-2']);
    expect(await listContacts(db)).toHaveLength(2);
  });

  it('finds saved people by index when the notebook is much larger than the file', async () => {
    for (let i = 0; i < 12; i++) await putContact(db, { id: `other-${i}`, name: `Other ${i}`, emails: [`o${i}@x.com`], createdAt: 1, updatedAt: 1 });
    await putContact(db, { id: 'by-url', name: 'Ada', profileUrl: 'https://www.linkedin.com/in/ada/', createdAt: 1, updatedAt: 1 });
    await putContact(db, { id: 'by-email', name: 'Bo', emails: ['bo@lind.se'], createdAt: 1, updatedAt: 1 });
    const batch = parseImport(linkedin(['Ada,Q,https://linkedin.com/in/ada,,Acme,,', 'Bo,Lind,,BO@LIND.SE,Globex,,', 'Cy,New,,cy@new.io,,,']), NOW);
    const report = await applyImport(db, batch, NOW);
    expect(report.merged.map((m) => m.intoId)).toEqual(['by-url', 'by-email']);
    expect(report.added.map((a) => a.name)).toEqual(['Cy New']);
    expect((await getContact(db, 'by-email'))?.company).toBe('Globex');
    expect(await db.count('contacts')).toBe(15);
  });

  it('takes the file’s title, company and location only when asked, keeping what they replace in history', async () => {
    await putContact(db, {
      id: 'moved',
      name: 'Ada Q.',
      profileUrl: 'https://www.linkedin.com/in/ada/',
      title: 'Engineer',
      company: 'Acme',
      notes: 'Met at PyCon',
      createdAt: 1,
      updatedAt: 1,
    });
    await putContact(db, { id: 'same', name: 'Bo Lind', emails: ['bo@lind.se'], title: 'CEO', company: 'Globex', notes: 'Board', createdAt: 1, updatedAt: 1 });
    const batch = parseImport(
      linkedin(['Ada,Quinlan,https://www.linkedin.com/in/ada,,Initech,Staff Engineer,22 Nov 2026', 'Bo,Lind,,bo@lind.se,Globex,CEO,1 Mar 2020']),
      NOW,
    );
    const untouched = await readAll();

    const preview = await previewImport(db, batch, NOW, { takeChanges: true });
    expect(preview.merged.map((m) => [m.into, m.taken])).toEqual([
      ['Ada Q.', ['title', 'company']],
      ['Bo Lind', []],
    ]);
    expect(await readAll()).toEqual(untouched);

    const kept = await applyImport(db, batch, NOW);
    expect(kept.merged[0].taken).toEqual([]);
    expect(await readAll()).toEqual(untouched);

    const report = await applyImport(db, batch, NOW + 1, { takeChanges: true });
    expect(report.merged[0]).toMatchObject({ into: 'Ada Q.', added: [], taken: ['title', 'company'] });
    expect(await getContact(db, 'moved')).toMatchObject({
      name: 'Ada Q.',
      title: 'Staff Engineer',
      company: 'Initech',
      notes: 'Met at PyCon',
      updatedAt: NOW + 1,
      history: [
        { field: 'title', from: 'Engineer', to: 'Staff Engineer', at: NOW + 1 },
        { field: 'company', from: 'Acme', to: 'Initech', at: NOW + 1 },
      ],
    });
    expect((await getContact(db, 'same'))?.updatedAt).toBe(1);
  });

  it('importing the same file again adds nobody and changes nothing', async () => {
    const text = linkedin([
      'Ada,Quinlan,https://www.linkedin.com/in/ada,ada@q.com,Acme,Staff Engineer,22 Nov 2026',
      'Bo,Lind,,bo@lind.se,Globex,CEO,1 Mar 2020',
    ]);
    await applyImport(db, parseImport(text, NOW), NOW);
    const before = await readAll();
    const again = await applyImport(db, parseImport(text, NOW + 60_000), NOW + 60_000);
    expect(again.added).toEqual([]);
    expect(again.merged.map((m) => [m.name, m.added])).toEqual([
      ['Ada Quinlan', []],
      ['Bo Lind', []],
    ]);
    expect(await readAll()).toEqual(before);
  });

  it('an address book imported again adds nobody twice, though some of its people have no email or link', async () => {
    const csv = [
      'First Name,Last Name,Organization Name,E-mail 1 - Value,Phone 1 - Value,Website 1 - Label,Website 1 - Value',
      'Cy,Work,Acme,,,Work,www.acme.com',
      'Dee,Phone,,,+1 555 0100,,',
      'Eve,Name,Initech,,,,',
      'Bo,Lind,,bo@lind.se,,,',
    ].join('\n');
    expect((await applyImport(db, parseImport(csv, NOW), NOW)).added).toHaveLength(4);
    const before = await readAll();
    const again = await applyImport(db, parseImport(csv, NOW + 60_000), NOW + 60_000);
    expect(again.added).toEqual([]);
    expect(await readAll()).toEqual(before);
    // Someone else of the same name, told apart by their phone, is someone new.
    const other = await applyImport(db, parseImport(`First Name,Last Name,Phone 1 - Value,E-mail 1 - Value\nDee,Phone,+44 20 7946 0958,`, NOW), NOW);
    expect(other.added.map((a) => a.name)).toEqual(['Dee Phone']);
  });

  it('knows a phone-only person by their number however it is written, and a file’s repeated row as one', async () => {
    const csv = ['First Name,Last Name,Notes,Phone 1 - Value', 'Mamma,,,+47 900 00 000', 'Mamma,,,+47 900 00 000', 'Ole,Hansen,,+47 912 34 567'].join('\n');
    const first = await applyImport(db, parseImport(csv, NOW), NOW);
    expect(first.added.map((a) => a.name)).toEqual(['Mamma', 'Ole Hansen']);
    expect(first.repeated.map((r) => r.where)).toEqual(['Row 2 (line 3)']);
    // The phone's own card writes them as dialled at home, or without spaces.
    const card = (name: string, tel: string) => ['BEGIN:VCARD', 'VERSION:3.0', `FN:${name}`, `TEL;TYPE=CELL:${tel}`, 'END:VCARD'].join('\r\n');
    const again = await applyImport(db, parseImport(`${card('Mamma', '+4790000000')}\r\n${card('Ole Hansen', '912 34 567')}`, NOW), NOW);
    expect(again.added).toEqual([]);
    expect((await listContacts(db)).map((c) => [c.name, c.phones]).sort()).toEqual([
      ['Mamma', ['+47 900 00 000']],
      ['Ole Hansen', ['+47 912 34 567']],
    ]);
  });

  it('folds rows of one file that are the same person into one contact', async () => {
    const batch = parseImport(
      linkedin([
        'Ada,Quinlan,https://www.linkedin.com/in/ada,,Acme,,22 Nov 2026',
        'Ada,Quinlan,https://uk.linkedin.com/in/ADA?x=1,ada@q.com,,Staff Engineer,22 Nov 2026',
        'Ada,Q,,ada@q.com,,,',
      ]),
      NOW,
    );
    const report = await applyImport(db, batch, NOW);
    expect(report.added).toHaveLength(1);
    expect(report.repeated.map((r) => r.where)).toEqual(['Row 2 (line 6)', 'Row 3 (line 7)']);
    const [ada] = await listContacts(db);
    expect(ada).toMatchObject({ name: 'Ada Quinlan', company: 'Acme', title: 'Staff Engineer', emails: ['ada@q.com'] });
  });

  it('folds rows that are the same person through a third row into one contact, so no address is on two', async () => {
    const csv = 'First Name,Last Name,E-mail 1 - Value\nAnn,Lee,ann@home.example\nAnn,Lee,ann@work.example\nAnn,Lee,ann@home.example ::: ann@work.example\n';
    const report = await applyImport(db, parseImport(csv, NOW), NOW);
    expect(report.added.map((a) => a.where)).toEqual(['Row 1 (line 2)']);
    expect(report.repeated.map((r) => r.where).sort()).toEqual(['Row 2 (line 3)', 'Row 3 (line 4)']);
    const contacts = await listContacts(db);
    expect(contacts.map((c) => [c.name, c.emails])).toEqual([['Ann Lee', ['ann@home.example', 'ann@work.example']]]);
  });

  it('imports a Google row that names only a company, under the company’s name, instead of refusing the file', async () => {
    const csv =
      'First Name,Last Name,Organization Name,E-mail 1 - Value,Website 1 - Value\n,,Acme Plumbing,,https://acme-plumbing.example\n,,,,https://solo.example\nBo,Lind,,bo@lind.se,\n';
    const batch = parseImport(csv, NOW);
    expect(batch.invalid).toEqual([]);
    await applyImport(db, batch, NOW);
    const contacts = (await listContacts(db)).map((c) => [c.name, c.company, c.profileUrl ?? '']);
    expect(contacts.sort()).toEqual([
      ['Acme Plumbing', 'Acme Plumbing', 'https://acme-plumbing.example/'],
      ['Bo Lind', '', ''],
      ['https://solo.example', '', 'https://solo.example/'],
    ]);
  });

  it('adds the notes of a row merged into a saved contact below theirs, once, and says so', async () => {
    await putContact(db, { id: 's', name: 'Cleo Park', emails: ['cleo@x.com'], notes: 'Met at PyCon', createdAt: 1, updatedAt: 1 });
    const csv = 'First Name,Last Name,E-mail 1 - Value,Notes\nCleo,Park,cleo@x.com,Allergic to peanuts; prefers calls\n';
    const report = await applyImport(db, parseImport(csv, NOW), NOW);
    expect(report.merged[0].added).toContain('notes');
    expect((await getContact(db, 's'))?.notes).toBe('Met at PyCon\n\nAllergic to peanuts; prefers calls');
    const again = await applyImport(db, parseImport(csv, NOW + 1), NOW + 1);
    expect(again.merged[0].added).toEqual([]);
    expect((await getContact(db, 's'))?.notes).toBe('Met at PyCon\n\nAllergic to peanuts; prefers calls');
  });

  it('adds only the paragraphs of a file\'s notes the saved ones lack: an edit to what an import brought is not undone twice', async () => {
    const csv =
      'First Name,Last Name,Notes,E-mail 1 - Label,E-mail 1 - Value,Website 1 - Label,Website 1 - Value\nCy,Park,Met at the fair,Home,cy@x.com,Work,www.park.co\n';
    await applyImport(db, parseImport(csv, NOW), NOW);
    const [cy] = await listContacts(db);
    expect(cy.notes).toBe('Met at the fair\n\nWork web page: https://www.park.co');
    // The user takes out the line about the web page, then imports the same file again.
    await putContact(db, { ...cy, notes: 'Met at the fair' });
    await applyImport(db, parseImport(csv, NOW + 1), NOW + 1);
    expect((await getContact(db, cy.id))?.notes).toBe('Met at the fair\n\nWork web page: https://www.park.co');
  });

  it('adds a note that is only part of a saved paragraph: it says something of its own', async () => {
    await putContact(db, { id: 's', name: 'Cleo Park', emails: ['cleo@x.com'], notes: 'Do not call before 9am; she prefers email', createdAt: 1, updatedAt: 1 });
    const csv = 'First Name,Last Name,E-mail 1 - Value,Notes\nCleo,Park,cleo@x.com,call before 9am\n';
    await applyImport(db, parseImport(csv, NOW), NOW);
    expect((await getContact(db, 's'))?.notes).toBe('Do not call before 9am; she prefers email\n\ncall before 9am');
  });

  it('refuses, naming the row, notes that together would be cut', async () => {
    await putContact(db, { id: 's', name: 'Cleo Park', emails: ['cleo@x.com'], notes: 'a'.repeat(19_990), createdAt: 1, updatedAt: 1 });
    const csv = 'First Name,Last Name,E-mail 1 - Value,Notes\nCleo,Park,cleo@x.com,Allergic to peanuts; prefers calls\n';
    await expect(previewImport(db, parseImport(csv, NOW), NOW)).rejects.toThrow(/^Row 1 \(line 2\): Notes: together they are longer than/);
  });

  it('refuses, naming the row, emails that together would be more than Kith keeps', async () => {
    const emails = Array.from({ length: 50 }, (_, i) => `cleo${i}@x.com`);
    await putContact(db, { id: 's', name: 'Cleo Park', emails, createdAt: 1, updatedAt: 1 });
    const csv = 'First Name,Last Name,E-mail 1 - Value\nCleo,Park,cleo0@x.com ::: cleo@new.example\n';
    await expect(previewImport(db, parseImport(csv, NOW), NOW)).rejects.toThrow(/^Row 1 \(line 2\): Emails: together they have 51, where Kith keeps up to 50/);
  });

  it('writes nothing when any record is invalid', async () => {
    const batch = parseImport(linkedin(['Ada,Quinlan,,ada@q.com,,,', 'Bo,Lind,,not-an-email,,,']), NOW);
    await expect(applyImport(db, batch, NOW)).rejects.toThrow('Nothing was imported: Row 2 (line 6): Email 1: Not an email address: not-an-email');
    expect(await listContacts(db)).toEqual([]);
    // Asked to, it imports the others.
    expect((await applyImport(db, batch, NOW, { leaveOutInvalid: true })).invalid).toEqual([{ where: 'Row 2 (line 6)', reason: 'Email 1: Not an email address: not-an-email' }]);
    expect((await listContacts(db)).map((c) => c.name)).toEqual(['Ada Quinlan']);
  });

  it('restores a backup without what it cannot keep, when asked: a contact with their records; records of no contact are passed over', async () => {
    const backup = JSON.stringify({
      format: 'kith-backup',
      version: 1,
      exportedAt: NOW,
      contacts: [
        { id: 'kept', name: 'Kept', createdAt: 1, updatedAt: 1 },
        { id: 'x', name: ' ', createdAt: 1, updatedAt: 1 },
      ],
      interactions: [{ id: 'i1', contactId: 'x', at: 1 }, { id: 'i2', contactId: 'kept', at: 1 }],
      reminders: [{ id: 'r1', contactId: 'deleted-by-another-program', kind: 'follow-up', dueAt: 1, createdAt: 1 }],
    });
    const batch = parseImport(backup, NOW);
    await expect(applyImport(db, batch, NOW)).rejects.toThrow(/^Nothing was imported: Contact 2/);
    expect(await listContacts(db)).toEqual([]);
    const report = await applyImport(db, batch, NOW, { leaveOutInvalid: true });
    expect([report.invalid.map((p) => p.where), report.skipped.map((p) => p.where)]).toEqual([['Contact 2', 'Interaction 1'], ['Reminder 1']]);
    const { contacts, interactions, reminders } = await readAll();
    expect([contacts.map((c) => c.id), interactions.map((i) => i.id), reminders]).toEqual([['kept'], ['i2'], []]);
  });

  it('writes nothing when a row’s text is longer than Kith keeps, rather than cutting it', async () => {
    const csv = `First Name,Last Name,E-mail 1 - Value,Notes\nAda,Quinlan,ada@q.com,\nBo,Lind,bo@lind.se,"${'n'.repeat(25_000)}"\n`;
    const batch = parseImport(csv, NOW);
    await expect(applyImport(db, batch, NOW)).rejects.toThrow('Nothing was imported: Row 2 (line 3): notes are 25,000 characters; Kith keeps up to 20,000');
    expect(await listContacts(db)).toEqual([]);
  });

  it('writes nothing when a write fails part way', async () => {
    const batch = parseImport(linkedin(['Ada,Quinlan,,ada@q.com,,,', 'Bo,Lind,,bo@lind.se,,,']), NOW);
    // A contact that no schema would produce (id of the wrong type) makes the second put fail.
    batch.contacts[1].contact = { ...batch.contacts[1].contact, id: {} as unknown as string };
    await expect(applyImport(db, batch, NOW)).rejects.toThrow();
    expect(await listContacts(db)).toEqual([]);
  });

  it('restores a backup into an empty notebook exactly, and merging it into itself changes nothing', async () => {
    const jane = await putContact(db, { id: 'c1', name: 'Jane', emails: ['jane@x.io'], warmth: 'warm', relationship: 'friend', tags: ['mentor'], createdAt: 1, updatedAt: 2 });
    await putContact(db, { id: 'c2', name: 'Ref', referredBy: jane.id, cadenceDays: 30, createdAt: 1, updatedAt: 2 });
    await putInteraction(db, { id: 'i1', contactId: 'c1', at: NOW - 5, channel: 'call', summary: 'Catch-up', received: ['contacts'] });
    await putReminder(db, { id: 'r1', contactId: 'c1', kind: 'promise', dueAt: NOW + 10, note: 'Send deck', createdAt: NOW });
    await putReminder(db, { id: 'r2', contactId: 'c2', kind: 'follow-up', dueAt: NOW, doneAt: NOW, createdAt: NOW });
    const original = await readAll();
    const backup = createBackup(
      {
        contacts: original.contacts,
        interactions: original.interactions,
        reminders: (await Promise.all(['c1', 'c2'].map((id) => remindersOf(db, id)))).flat(),
      },
      NOW,
    );

    expect((await applyImport(db, parseImport(backup, NOW), NOW + 1)).merged.every((m) => m.added.length === 0)).toBe(true);
    expect(await readAll()).toEqual(original);

    globalThis.indexedDB = new IDBFactory();
    db = await openKithDb(`kith-io-${Math.random()}`);
    const report = await applyImport(db, parseImport(backup, NOW), NOW + 1);
    expect(report).toMatchObject({ interactions: 1, reminders: 2 });
    expect(await readAll()).toEqual(original);
  });

  it('restores a backup’s settings only into an empty notebook, and says which', async () => {
    const settings = Settings.parse({ defaultCadenceDays: 30, weeklyGoal: 5, targets: ['Acme'] });
    const jane = Contact.parse({ id: 'c1', name: 'Jane', createdAt: 1, updatedAt: 1 });
    const backup = parseImport(createBackup({ contacts: [jane], interactions: [], reminders: [], settings }, NOW), NOW);
    expect(await previewImport(db, backup, NOW)).toMatchObject({ settings: 'restored' });
    expect(await applyImport(db, backup, NOW)).toMatchObject({ settings: 'restored' });
    // The same backup again, into the notebook it now fills: the user's settings stay.
    expect(await previewImport(db, backup, NOW)).toMatchObject({ settings: 'kept' });
    expect(await applyImport(db, backup, NOW)).toMatchObject({ settings: 'kept' });
    const older = parseImport(createBackup({ contacts: [jane], interactions: [], reminders: [] }, NOW), NOW);
    expect((await previewImport(db, older, NOW)).settings).toBeUndefined();
  });

  it('importing an older backup again keeps what was done since; a reminder done in the file is closed', async () => {
    await putContact(db, { id: 'c1', name: 'Jane', emails: ['jane@x.io'], createdAt: 1, updatedAt: 2 });
    await putInteraction(db, { id: 'i1', contactId: 'c1', at: NOW - 5, channel: 'call', summary: 'Catch-up' });
    await putReminder(db, { id: 'r1', contactId: 'c1', kind: 'promise', dueAt: NOW + 10, note: 'Send deck', createdAt: NOW });
    await putReminder(db, { id: 'r2', contactId: 'c1', kind: 'follow-up', dueAt: NOW, createdAt: NOW });
    const before = await readAll();
    const backup = createBackup({ contacts: before.contacts, interactions: before.interactions, reminders: await remindersOf(db, 'c1') }, NOW);

    // Since the backup: the promise was kept and the call's summary corrected.
    await putReminder(db, { id: 'r1', contactId: 'c1', kind: 'promise', dueAt: NOW + 10, note: 'Send deck', createdAt: NOW, doneAt: NOW + 20 });
    await putInteraction(db, { id: 'i1', contactId: 'c1', at: NOW - 5, channel: 'call', summary: 'Catch-up about the deck' });
    const since = await readAll();
    expect(await previewImport(db, parseImport(backup, NOW), NOW + 30)).toMatchObject({ interactions: 0, reminders: 0 });
    await applyImport(db, parseImport(backup, NOW), NOW + 30);
    expect(await readAll()).toEqual(since);

    // A file where the follow-up is done, into the notebook where it is open: closed.
    const done = JSON.parse(backup);
    done.reminders = done.reminders.map((r: { id: string }) => (r.id === 'r2' ? { ...r, doneAt: NOW + 40 } : r));
    expect(await applyImport(db, parseImport(JSON.stringify(done), NOW), NOW + 50)).toMatchObject({ interactions: 0, reminders: 1 });
    expect((await remindersOf(db, 'c1')).find((r) => r.id === 'r2')?.doneAt).toBe(NOW + 40);
  });

  it('adds the paragraphs a later copy of a contact (a newer backup, a card revised since) has to the saved notes; an older copy only fills blanks', async () => {
    await putContact(db, { id: 'c1', name: 'Jane Doe', notes: 'Met at VivaTech 2023.', createdAt: 1, updatedAt: NOW });
    const copy = (notes: string, updatedAt: number) => createBackup({ contacts: [Contact.parse({ id: 'c1', name: 'Jane Doe', notes, createdAt: 1, updatedAt })], interactions: [], reminders: [] }, NOW);
    const older = await previewImport(db, parseImport(copy('Met at VivaTech.', NOW - 1), NOW), NOW);
    expect(older.merged).toMatchObject([{ added: [] }]);

    const newer = parseImport(copy('Met at VivaTech 2023.\n\nNow at Harbor Labs.', NOW + 1), NOW);
    expect((await previewImport(db, newer, NOW + 2)).merged).toMatchObject([{ added: ['notes'] }]);
    await applyImport(db, newer, NOW + 2);
    expect((await getContact(db, 'c1'))?.notes).toBe('Met at VivaTech 2023.\n\nNow at Harbor Labs.');

    // An address book's card keeps its id (UID) and says when it changed (REV).
    const card = (rev: string, note: string) =>
      ['BEGIN:VCARD', 'VERSION:3.0', 'UID:5C7E4E8F-1234-4ABC-9DEF-0123456789AB', 'FN:Ana Ruiz', `NOTE:${note}`, `REV:${rev}`, 'END:VCARD'].join('\r\n');
    await applyImport(db, parseImport(card('2026-01-01T10:00:00Z', 'Met at the fair.'), NOW), NOW);
    const revised = parseImport(card('2099-01-01T10:00:00Z', 'Met at the fair.\\n\\nIntroduced me to Bo.'), NOW);
    await applyImport(db, revised, NOW + 3);
    expect((await getContact(db, '5C7E4E8F-1234-4ABC-9DEF-0123456789AB'))?.notes).toBe('Met at the fair.\n\nIntroduced me to Bo.');
    expect((await previewImport(db, revised, NOW + 4)).merged).toMatchObject([{ added: [] }]);
  });

  it('restores two contacts a backup holds as two, though they share an address, with their own histories', async () => {
    const bo = Contact.parse({ id: 'c1', name: 'Bo Lind', emails: ['team@lind.se'], notes: 'Brother', notSameAs: ['c2'], createdAt: 1, updatedAt: 1 });
    const eva = Contact.parse({ id: 'c2', name: 'Eva Lind', emails: ['team@lind.se'], notes: 'Recruiter at Lind AB', notSameAs: ['c1'], createdAt: 1, updatedAt: 1 });
    const call = Interaction.parse({ id: 'i1', contactId: 'c2', at: NOW - 1000, channel: 'call', summary: 'Interview prep' });
    const backup = createBackup({ contacts: [bo, eva], interactions: [call], reminders: [] }, NOW);
    await applyImport(db, parseImport(backup, NOW), NOW);
    expect((await listContacts(db)).map((c) => [c.id, c.name, c.notes]).sort()).toEqual([
      ['c1', 'Bo Lind', 'Brother'],
      ['c2', 'Eva Lind', 'Recruiter at Lind AB'],
    ]);
    expect((await interactionsOf(db, 'c2')).map((i) => i.id)).toEqual(['i1']);

    // Into a notebook that has only one of them: the other is not folded into them either.
    globalThis.indexedDB = new IDBFactory();
    db = await openKithDb(`kith-io-${Math.random()}`);
    await putContact(db, bo);
    await applyImport(db, parseImport(backup, NOW), NOW);
    expect((await listContacts(db)).map((c) => c.name).sort()).toEqual(['Bo Lind', 'Eva Lind']);
  });

  it('does not make a contact its own referrer when a backup from before a merge is imported again', async () => {
    await putContact(db, { id: 'ann', name: 'Ann Lee', emails: ['ann@x.com'], createdAt: 1, updatedAt: 1 });
    await putContact(db, { id: 'ben', name: 'Ben Lee', emails: ['ben@x.com'], referredBy: 'ann', createdAt: 1, updatedAt: 1 });
    const backup = createBackup(await readEverything(db), NOW);
    await mergeSavedContacts(db, 'ann', 'ben', NOW, { defaultCadenceDays: 90 });
    await applyImport(db, parseImport(backup, NOW + 1), NOW + 1);
    expect((await listContacts(db)).map((c) => [c.id, c.referredBy])).toEqual([['ann', undefined]]);
  });

  it('keeps people told apart from a backup’s contact told apart from the saved one it folds into', async () => {
    const ann = Contact.parse({ id: 'ann-then', name: 'Ann Lee', emails: ['ann@lee.com'], createdAt: 1, updatedAt: 1 });
    const otherAnn = Contact.parse({ id: 'other-ann', name: 'Ann Lee', company: 'Other Co', notSameAs: ['ann-then'], createdAt: 1, updatedAt: 1 });
    await putContact(db, { id: 'ann-now', name: 'Ann Lee', emails: ['ann@lee.com'], createdAt: 2, updatedAt: 2 });
    await applyImport(db, parseImport(createBackup({ contacts: [ann, otherAnn], interactions: [], reminders: [] }, NOW), NOW), NOW);
    expect((await listContacts(db)).map((c) => [c.id, c.notSameAs]).sort()).toEqual([['ann-now', []], ['other-ann', ['ann-now']]]);
  });

  it('points a backup’s interactions at the saved contact it merged into', async () => {
    await putContact(db, { id: 'mine', name: 'Jane', emails: ['jane@x.io'], createdAt: 1, updatedAt: 1 });
    const other = Contact.parse({ id: 'theirs', name: 'Jane D', emails: ['jane@x.io'], lastInteractionAt: NOW, createdAt: 1, updatedAt: 1 });
    const backup = JSON.stringify({
      format: 'kith-backup',
      version: 1,
      exportedAt: NOW,
      contacts: [other],
      interactions: [{ id: 'i9', contactId: 'theirs', at: NOW, summary: 'Lunch' }],
      reminders: [{ id: 'r9', contactId: 'theirs', kind: 'thank-you', dueAt: NOW, createdAt: NOW }],
    });
    await applyImport(db, parseImport(backup, NOW), NOW);
    expect((await listContacts(db)).map((c) => c.id)).toEqual(['mine']);
    expect((await interactionsOf(db, 'mine')).map((i) => i.id)).toEqual(['i9']);
    expect((await remindersOf(db, 'mine')).map((r) => r.id)).toEqual(['r9']);
    expect((await getContact(db, 'mine'))?.lastInteractionAt).toBe(NOW);
  });

  it('imports 10,000 connections quickly', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `First${i},Last${i},https://www.linkedin.com/in/person-${i},p${i}@example.com,Company ${i % 300},Role ${i % 50},1 Jan 2024`);
    const text = linkedin(rows);
    const started = performance.now();
    const batch = parseImport(text, NOW);
    const parsed = performance.now();
    await applyImport(db, batch, NOW);
    const applied = performance.now();
    expect(batch.contacts).toHaveLength(10_000);
    expect(await db.count('contacts')).toBe(10_000);
    // The 1 s budget is for a real browser on a quiet machine; this is a generous ceiling that
    // still catches an accidental quadratic step. fake-indexeddb is far slower than the real one.
    expect(parsed - started).toBeLessThan(3000);
    expect(applied - parsed).toBeLessThan(15_000);
  }, 30_000);
});

describe('finding saved contacts, one by one or from one read of the notebook', () => {
  // Which way plan() looks depends on how many contacts are saved per incoming one; both must
  // find the same people, including the lowest id when two saved contacts share an address, and
  // the same addresses held by another contact.
  const rows = [
    'Ada,Quinlan,https://www.linkedin.com/in/ada,ada@work.example,Acme,Staff Engineer,22 Nov 2026',
    'Bo,Lind,,bo@lind.se,Globex,CEO,1 Mar 2020',
    'Cy,New,https://www.linkedin.com/in/cy,,Initech,Analyst,5 Jan 2021',
    // An address a family or an office shares is not the person's who has it saved.
    'Jane,Smith,,smiths@family.example,,,1 Mar 2020',
    'Tom,Baker,,office@rao.example,Rao Partners,Associate,5 Jan 2021',
  ];
  async function mergedInto(fillers: number) {
    await putContact(db, { id: 'b-url', name: 'Ada Q.', profileUrl: 'https://www.linkedin.com/in/ada/', createdAt: 1, updatedAt: 1 });
    await putContact(db, { id: 'a-email', name: 'Bo L.', emails: ['bo@lind.se'], createdAt: 1, updatedAt: 1 });
    await putContact(db, { id: 'c-email', name: 'Bo Lind (work)', emails: ['bo@lind.se'], createdAt: 1, updatedAt: 1 });
    await putContact(db, { id: 'd-work', name: 'Ada at work', emails: ['ada@work.example'], createdAt: 1, updatedAt: 1 });
    await putContact(db, { id: 'e-family', name: 'John Smith', emails: ['smiths@family.example'], createdAt: 1, updatedAt: 1 });
    await putContact(db, { id: 'f-office', name: 'Priya Rao', emails: ['office@rao.example'], createdAt: 1, updatedAt: 1 });
    // Imported before, without the office's address: found again by name.
    await putContact(db, { id: 'g-tom', name: 'Tom Baker', notes: 'Connected on LinkedIn on 5 Jan 2021.', createdAt: 1, updatedAt: 1 });
    for (let i = 0; i < fillers; i++) await putContact(db, { id: `z-${i}`, name: `Filler ${i}`, createdAt: 1, updatedAt: 1 });
    const report = await applyImport(db, parseImport(linkedin(rows), NOW), NOW);
    return {
      merged: report.merged.map((m) => [m.name, m.intoId]),
      added: report.added.map((a) => a.name),
      heldByOthers: report.heldByOthers.map((p) => p.reason),
      ada: (await getContact(db, 'b-url'))?.emails,
    };
  }
  const expected = {
    merged: [
      ['Ada Quinlan', 'b-url'],
      ['Bo Lind', 'a-email'],
      ['Tom Baker', 'g-tom'],
    ],
    added: ['Cy New', 'Jane Smith'],
    heldByOthers: [
      'ada@work.example is already Ada at work’s; not added to Ada Q.',
      'smiths@family.example is already John Smith’s; not added to Jane Smith',
      'office@rao.example is already Priya Rao’s; not added to Tom Baker',
    ],
    ada: [],
  };

  it('from one read, with few saved per incoming contact', async () => {
    expect(await mergedInto(0)).toEqual(expected);
  });

  it('one by one, with many saved per incoming contact', async () => {
    expect(await mergedInto(40)).toEqual(expected);
  });
});
