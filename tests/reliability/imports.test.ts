// Imports are hostile input too (issue 8, cases 5 and 6, and property tests of the parsers): a
// file either applies whole or not at all with a clear message, the notebook is unchanged by a
// refused one, and no key in any file reaches Object.prototype.
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type KithDB, openKithDb, readEverything } from '@/lib/db';
import { putContact } from '../records';
import { createBackup, exportVcards, ImportError, parseImport } from '@/lib/io';
import { applyImport } from '@/lib/io/apply';
import { Contact } from '@/lib/model';

const NOW = Date.UTC(2026, 10, 22, 9, 0);
const LINKEDIN_HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const linkedin = (rows: string[]) => ['Notes:', '"Export notes"', '', LINKEDIN_HEADER, ...rows, ''].join('\n');

let db: KithDB;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openKithDb(`kith-imports-${Math.random()}`);
  await putContact(db, { id: 'saved', name: 'Already Saved', emails: ['saved@example.org'], notes: 'Keep this', createdAt: 1, updatedAt: 1 });
});
afterEach(() => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

/** Parse and apply `text` as the Import control does; the message the user sees, or the report. */
async function importText(text: string): Promise<{ error: string } | { added: number }> {
  try {
    const report = await applyImport(db, parseImport(text, NOW), NOW);
    return { added: report.added.length };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** A refused import: a message naming the place in the file, and the notebook as it was. */
async function expectRefused(text: string, message: RegExp) {
  const before = await readEverything(db);
  const outcome = await importText(text);
  expect(outcome).toEqual({ error: expect.stringMatching(message) });
  expect(await readEverything(db)).toEqual(before);
}

describe('malformed imports change nothing and say why', () => {
  it('a CSV with an unterminated quote', async () => {
    await expectRefused(linkedin(['Ada,Quinlan,https://www.linkedin.com/in/ada,ada@q.com,"Acme,Engineer,1 Jan 2020']), /line|row/i);
  });

  it('a CSV whose one bad row among good ones stops the whole file', async () => {
    await expectRefused(
      linkedin(['Ada,Quinlan,https://www.linkedin.com/in/ada,ada@q.com,Acme,Engineer,1 Jan 2020', `${'x'.repeat(300)},,javascript:alert(1),not-an-email,,,`]),
      /^Nothing was imported: Row 2/,
    );
  });

  it('a vCard that never ends, and one with a broken line', async () => {
    await expectRefused('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Quinlan\r\nEMAIL:ada@q.com\r\n', /Card|line/i);
    await expectRefused('BEGIN:VCARD\r\nVERSION:4.0\r\nthis is not a property\r\nEND:VCARD\r\n', /Card|line/i);
  });

  it('a backup from a future version of Kith', async () => {
    const future = JSON.stringify({ format: 'kith-backup', version: 99, exportedAt: NOW, contacts: [], interactions: [], reminders: [] });
    await expectRefused(future, /newer Kith \(backup version 99\)/);
  });

  it('a backup with duplicate ids or impossible dates; records of missing contacts passed over', async () => {
    const contact = (id: string, extra: object = {}) => ({ id, name: `Person ${id}`, createdAt: NOW, updatedAt: NOW, ...extra });
    const backup = (contacts: object[], interactions: object[] = [], reminders: object[] = []) =>
      JSON.stringify({ format: 'kith-backup', version: 1, exportedAt: NOW, contacts, interactions, reminders });
    // The same id twice would keep only the later record and lose the other's notes: refused,
    // naming both places.
    await expectRefused(
      backup([contact('dup', { notes: 'first' }), contact('b'), contact('dup', { notes: 'second' })]),
      /^Contact 3: id "dup" repeats contact 1$/,
    );
    const talk = (id: string) => ({ id, contactId: 'a', at: NOW, channel: 'email', summary: id });
    await expectRefused(backup([contact('a')], [talk('i'), talk('i')]), /^Interaction 2: id "i" repeats interaction 1$/);
    const remind = (id: string) => ({ id, contactId: 'a', kind: 'follow-up', dueAt: NOW, createdAt: NOW });
    await expectRefused(backup([contact('a')], [], [remind('r'), remind('x'), remind('r')]), /^Reminder 3: id "r" repeats reminder 1$/);
    // The same id in different stores is no clash.
    expect(await importText(backup([contact('same')], [{ ...talk('same'), contactId: 'same' }], [{ ...remind('same'), contactId: 'same' }]))).toEqual({ added: 1 });

    await expectRefused(backup([contact('a', { createdAt: Number.NaN })]), /Contact 1/);
    await expectRefused(backup([contact('a', { createdAt: -1e20 })]), /Contact 1/);
    await expectRefused(backup([contact('a')], [{ id: 'i', contactId: 'a', at: 8.64e15 + 1, channel: 'email', summary: 'x' }]), /Interaction 1/);
    // A reminder of no contact in the backup (deleted by another program) is passed over, not written.
    expect(await importText(backup([contact('a')], [], [{ id: 'r', contactId: 'nobody', kind: 'follow-up', dueAt: NOW, createdAt: NOW }]))).toEqual({ added: 1 });
    expect((await readEverything(db)).reminders.map((r) => r.id)).not.toContain('r');
  });

  it('100,000 rows with one bad row at the end: refused whole, quickly, nothing written', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `First${i},Last${i},https://www.linkedin.com/in/p-${i},p${i}@example.org,Co ${i % 50},Role,1 Jan 2020`);
    rows.push('Bad,Row,https://www.linkedin.com/in/bad,not an email,,,');
    const started = performance.now();
    await expectRefused(linkedin(rows), /^Nothing was imported: Row 100001/);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('text that is no import format at all', async () => {
    await expectRefused('\u0000\u202E{{{not a file', /^Line 1: not a file Kith can import/);
    await expectRefused('{"format":"kith-backup", "version": 1, "contacts": [', /^Line 1: not valid JSON/);
  });
});

describe('no prototype pollution from any import', () => {
  it('JSON backup with __proto__, constructor and prototype keys', async () => {
    const text = `{"format":"kith-backup","version":1,"exportedAt":1,"__proto__":{"polluted":"yes"},
      "constructor":{"prototype":{"polluted":"yes"}},
      "contacts":[{"id":"p1","name":"Proto Person","createdAt":1,"updatedAt":1,"__proto__":{"polluted":"yes"},
        "constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}],
      "interactions":[],"reminders":[]}`;
    expect(await importText(text)).toEqual({ added: 1 });
    const stored = (await readEverything(db)).contacts.find((c) => c.id === 'p1')!;
    expect(Object.keys(stored)).not.toContain('__proto__');
    expect(Object.keys(stored)).not.toContain('prototype');
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect((stored as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('CSV columns and vCard properties named __proto__ or constructor', async () => {
    const csv = `First Name,Last Name,URL,Email Address,Company,Position,Connected On,__proto__,constructor\nAda,Quinlan,https://www.linkedin.com/in/ada,ada@q.com,Acme,Eng,1 Jan 2020,polluted,polluted\n`;
    expect(await importText(['Notes:', '', csv].join('\n'))).toEqual({ added: 1 });
    // "__proto__" is no vCard property name: the file is refused, by line.
    await expectRefused('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Lind\r\n__PROTO__:polluted\r\nEND:VCARD\r\n', /^Line 4: not a vCard property/);
    const vcard = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Lind\r\nCONSTRUCTOR:polluted\r\nPROTOTYPE;CONSTRUCTOR=polluted:yes\r\nEMAIL:bo@lind.se\r\nEND:VCARD\r\n';
    expect(await importText(vcard)).toEqual({ added: 1 });
    const names = (await readEverything(db)).contacts.map((c) => c.name).sort();
    expect(names).toEqual(['Ada Quinlan', 'Already Saved', 'Bo Lind']);
  });
});

describe('property: the import parsers', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 500 }),
    fc.array(fc.string({ maxLength: 40 }), { maxLength: 20 }).map((cells) => `${LINKEDIN_HEADER}\n${cells.join(',')}`),
    fc.array(fc.string({ maxLength: 40 }), { maxLength: 10 }).map((lines) => `BEGIN:VCARD\r\n${lines.join('\r\n')}\r\nEND:VCARD`),
    fc.json().map((json) => `{"format":"kith-backup",${json.replace(/^[[{]|[\]}]$/g, '')}}`),
  );

  it('never throw anything but a clear ImportError, and only produce valid contacts', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        try {
          const batch = parseImport(text, NOW);
          for (const { contact } of batch.contacts) expect(Contact.safeParse(contact).success).toBe(true);
          for (const problem of [...batch.invalid, ...batch.skipped]) expect(problem.where).toMatch(/\S/);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
          expect((error as ImportError).message).toMatch(/^(Line|Row|Card) \d+/);
        }
      }),
      { numRuns: 400 },
    );
  });

  const contactArb = fc
    .record({
      name: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
      title: fc.string({ maxLength: 60 }),
      company: fc.string({ maxLength: 60 }),
      email: fc.emailAddress(),
    })
    .map(({ name, title, company, email }) => Contact.safeParse({ id: `id-${email}`, name, title, company, emails: [email], createdAt: NOW, updatedAt: NOW }))
    .filter((parsed) => parsed.success && parsed.data.emails.length === 1)
    .map((parsed) => parsed.data!);

  it('read back what Kith exports (backup, vCard): same people', () => {
    fc.assert(
      fc.property(fc.uniqueArray(contactArb, { selector: (c) => c.emails[0], minLength: 1, maxLength: 8 }), (contacts) => {
        const people = (text: string) =>
          parseImport(text, NOW)
            .contacts.map(({ contact }) => [contact.name, contact.emails[0]])
            .sort((a, b) => a[1].localeCompare(b[1]));
        const expected = contacts.map((c) => [c.name, c.emails[0]]).sort((a, b) => a[1].localeCompare(b[1]));
        expect(people(createBackup({ contacts, interactions: [], reminders: [] }, NOW))).toEqual(expected);
        expect(people(exportVcards(contacts))).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
