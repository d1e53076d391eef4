import { describe, expect, it, vi } from 'vitest';
import { Contact, type ContactInput } from '@/lib/model';
import fc from 'fast-check';
import { openKithDb } from '@/lib/db';
import { contactSearch } from '@/lib/contact-search';
import { putContact } from '../records';
import { ContactSearch, type ContactQuery, type QueryTerm, SORT_KEYS as SORTS, fold, includesTerm, nameKey, queryTerms, samePhone } from '@/lib/search';

const NOW = Date.UTC(2026, 10, 22, 9, 0);
const DAY = 86_400_000;
const NO_DUE: ReadonlySet<string> = new Set();

const make = (input: Partial<ContactInput> & { id: string; name: string }) => Contact.parse({ createdAt: NOW, updatedAt: NOW, ...input });

const people = [
  make({ id: 'a', name: 'José Álvarez', title: 'Recruiter', company: 'Globex', emails: ['jose@globex.com'], warmth: 'warm', relationship: 'colleague', tags: ['Hiring'], lastInteractionAt: NOW - 2 * DAY, createdAt: 3 }),
  make({ id: 'b', name: 'Ada Quinlan', title: 'Staff Engineer', company: 'Acme', notes: 'Met at RustConf; knows the Globex CTO', relationship: 'friend', createdAt: 2 }),
  make({ id: 'c', name: 'bo Lind', company: 'Initech', emails: ['bo@lind.se'], tags: ['mentor', 'hiring'], warmth: 'warm', lastInteractionAt: NOW - 100 * DAY, createdAt: 1 }),
  make({ id: 'd', name: 'Cleo Park', relationship: 'colleague', createdAt: 4 }),
];

const query = (text: string, extra: Partial<ContactQuery> = {}): ContactQuery => ({ text, filters: {}, sort: 'name', ...extra });
const ids = (found: Contact[]) => found.map((c) => c.id);

describe('ContactSearch', () => {
  const search = new ContactSearch(people);
  const context = { now: NOW, dueContactIds: new Set(['b', 'd']) };

  it('matches every word anywhere in name, title, company, email, tags and notes, ignoring case and accents', () => {
    expect(ids(search.search(query('jose'), context))).toEqual(['a']);
    expect(ids(search.search(query('ÁLVAREZ recruit'), context))).toEqual(['a']);
    expect(ids(search.search(query('globex'), context))).toEqual(['b', 'a']); // Ada's notes mention Globex
    expect(ids(search.search(query('lind.se'), context))).toEqual(['c']);
    expect(ids(search.search(query('mentor'), context))).toEqual(['c']);
    expect(ids(search.search(query('staff acme'), context))).toEqual(['b']);
    expect(ids(search.search(query('staff initech'), context))).toEqual([]);
    expect(ids(search.search(query(''), context))).toEqual(['b', 'c', 'd', 'a']);
  });

  it('with one contact changed, finds, sorts and pairs as a search built anew would', () => {
    const before = new ContactSearch(people);
    // Asked once, so each answer kept would show if it outlived the change.
    for (const sort of SORTS) before.search(query('', { sort }), context);
    before.maybeSameAs(people[0]);
    const changed = people.map((c) =>
      c.id === 'd' ? { ...c, name: 'Jose Alvarez', company: 'Acme', warmth: 'warm' as const, emails: ['jose@globex.com'], lastInteractionAt: 1 } : c,
    );
    // The orders worked out are patched, not sorted again.
    const sorted = vi.spyOn(Uint32Array.prototype, 'sort');
    const replaced = before.replacing(changed, [3]);
    for (const sort of SORTS) replaced.search(query('', { sort }), context);
    expect(sorted).not.toHaveBeenCalled();
    sorted.mockRestore();
    const anew = new ContactSearch(changed);
    for (const text of ['jose', 'acme', 'globex', '']) {
      for (const sort of SORTS) {
        expect(ids(replaced.search(query(text, { sort }), context))).toEqual(ids(anew.search(query(text, { sort }), context)));
      }
    }
    for (const contact of changed) {
      expect(replaced.maybeSameAs(contact).map((m) => m.contact.id)).toEqual(anew.maybeSameAs(contact).map((m) => m.contact.id));
    }
    expect(replaced.maybeSameAs(changed[0]).map((m) => m.contact.id)).toEqual(['d']);
    // Changed back: the keys it took are given up again.
    const back = replaced.replacing(people, [3]);
    for (const contact of people) expect(back.maybeSameAs(contact)).toEqual(before.maybeSameAs(contact));
    expect(ids(before.search(query('jose'), context))).toEqual(['a']);
  });

  it('with someone new at the end, finds, sorts and pairs as a search built anew would', () => {
    const before = new ContactSearch(people.slice(0, 3));
    for (const sort of SORTS) before.search(query('', { sort }), context);
    before.maybeSameAs(people[0]);
    const newcomer = { ...people[3], name: 'Jose Alvarez', emails: ['jose@globex.com'] };
    const grown = [...people.slice(0, 3), newcomer];
    const replaced = before.replacing(grown, [3]);
    const anew = new ContactSearch(grown);
    for (const text of ['jose', 'alvarez', '']) {
      for (const sort of SORTS) {
        expect(ids(replaced.search(query(text, { sort }), context))).toEqual(ids(anew.search(query(text, { sort }), context)));
      }
    }
    for (const contact of grown) {
      expect(replaced.maybeSameAs(contact).map((m) => m.contact.id)).toEqual(anew.maybeSameAs(contact).map((m) => m.contact.id));
    }
    expect(replaced.maybeSameAs(newcomer).map((m) => m.contact.id)).toEqual(['a']);
  });

  it('property: however contacts change or join, the patched orders are the orders sorted anew', () => {
    const person = fc.record({
      name: fc.constantFrom('Ada', 'ada', 'Bo', 'Ádám', 'Zoë', 'bo lind'),
      company: fc.constantFrom('', 'Acme', 'acme', 'Globex'),
      warmth: fc.constantFrom('warm' as const, 'cold' as const, undefined),
      createdAt: fc.integer({ min: 1, max: 5 }),
      lastInteractionAt: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    });
    const withId = (fields: Partial<ContactInput> & { name: string }, i: number) => make({ id: `p${i}`, ...fields });
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 12 }), fc.array(fc.tuple(fc.nat(), person), { maxLength: 4 }), fc.array(person, { maxLength: 3 }), (start, edits, joining) => {
        const before = new ContactSearch(start.map(withId));
        for (const sort of SORTS) before.search(query('', { sort }), context);
        const after = [...before.contacts];
        const changed = new Set<number>();
        for (const [at, fields] of edits) {
          const i = at % after.length;
          after[i] = withId(fields, i);
          changed.add(i);
        }
        for (const fields of joining) {
          changed.add(after.length);
          after.push(withId(fields, after.length));
        }
        const replaced = before.replacing(after, [...changed]);
        const anew = new ContactSearch(after);
        // Searched by name too: what ranks a name (its words' starts) is patched as well.
        for (const sort of SORTS) {
          for (const text of ['', 'ada', 'bo', 'bo lind', 'acme']) expect(ids(replaced.search(query(text, { sort }), context))).toEqual(ids(anew.search(query(text, { sort }), context)));
        }
      }),
    );
  });

  it('property: with contacts taken out (deleted, merged away), finds, sorts and pairs as a search built anew would', () => {
    const person = fc.record({
      name: fc.constantFrom('Ada', 'ada', 'Bo', 'Ádám', 'bo lind'),
      company: fc.constantFrom('', 'Acme', 'Globex'),
      emails: fc.constantFrom<string[]>([], ['ada@acme.example'], ['bo@lind.example']),
      warmth: fc.constantFrom('warm' as const, 'cold' as const),
      createdAt: fc.integer({ min: 1, max: 5 }),
      lastInteractionAt: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 12 }), fc.array(fc.nat()), fc.array(person, { maxLength: 2 }), (start, taking, joining) => {
        const before = new ContactSearch(start.map((fields, i) => make({ id: `p${i}`, ...fields })));
        for (const sort of SORTS) before.search(query('', { sort }), context);
        before.maybeSameAs(before.contacts[0]);
        const gone = new Set(taking.map((at) => at % start.length));
        const left = before.contacts.filter((_, i) => !gone.has(i));
        const smaller = before.without(gone);
        // As a merge does: the contacts left may then change or be joined.
        const after = [...left, ...joining.map((fields, i) => make({ id: `new${i}`, ...fields }))];
        const replaced = smaller.replacing(after, after.map((_, i) => i).slice(left.length));
        const anew = new ContactSearch(after);
        for (const sort of SORTS) {
          for (const text of ['', 'ada', 'acme']) expect(ids(replaced.search(query(text, { sort }), context))).toEqual(ids(anew.search(query(text, { sort }), context)));
        }
        for (const contact of after) expect(replaced.maybeSameAs(contact).map((m) => m.contact.id)).toEqual(anew.maybeSameAs(contact).map((m) => m.contact.id));
      }),
    );
  });

  it('counts time since contact in calendar days, as the Last contact column does', () => {
    const now = new Date(2026, 10, 22, 9, 0).getTime();
    const late = make({ id: 'late', name: 'Priya', lastInteractionAt: new Date(2026, 9, 23, 23, 30).getTime() }); // "30 days ago"
    const early = make({ id: 'early', name: 'Omar', lastInteractionAt: new Date(2026, 9, 24, 0, 30).getTime() }); // "29 days ago"
    const found = new ContactSearch([late, early]);
    expect(ids(found.search(query('', { filters: { notContactedDays: 30 } }), { now, dueContactIds: NO_DUE }))).toEqual(['late']);
    expect(ids(found.search(query('', { filters: { notContactedDays: 29 } }), { now, dueContactIds: NO_DUE })).sort()).toEqual(['early', 'late']);
  });

  it('narrows as the user types and widens again on backspace', () => {
    const fresh = new ContactSearch(people);
    expect(ids(fresh.search(query('h'), context))).toEqual(['b', 'c', 'a']);
    expect(ids(fresh.search(query('hi'), context))).toEqual(['c', 'a']);
    expect(ids(fresh.search(query('hiring'), context))).toEqual(['c', 'a']);
    expect(ids(fresh.search(query('hiring bo'), context))).toEqual(['c']);
    expect(ids(fresh.search(query('hi'), context))).toEqual(['c', 'a']);
    expect(ids(fresh.search(query('hi', { filters: { warmth: 'warm' }, sort: 'recently-added' }), context))).toEqual(['a', 'c']);
  });

  it('filters by relationship, warmth, tag, company, due and time since contact', () => {
    expect(ids(search.search(query('', { filters: { relationship: 'colleague' } }), context))).toEqual(['d', 'a']);
    expect(ids(search.search(query('', { filters: { warmth: 'warm' } }), context))).toEqual(['c', 'a']);
    expect(ids(search.search(query('', { filters: { tag: 'HIRING' } }), context))).toEqual(['c', 'a']);
    expect(ids(search.search(query('', { filters: { company: 'glob' } }), context))).toEqual(['a']);
    expect(ids(search.search(query('', { filters: { due: true } }), context))).toEqual(['b', 'd']);
    expect(ids(search.search(query('', { filters: { notContactedDays: 30 } }), context))).toEqual(['b', 'c', 'd']);
    expect(ids(search.search(query('', { filters: { notContactedDays: 1 } }), context))).toEqual(['b', 'c', 'd', 'a']);
    expect(ids(search.search(query('', { filters: { notContactedDays: 30, warmth: 'warm' } }), context))).toEqual(['c']);
  });

  it('sorts: warm first, by company (blank last), by longest since contact, by newest', () => {
    expect(ids(search.search(query('', { sort: 'warmth' }), context))).toEqual(['c', 'a', 'b', 'd']);
    expect(ids(search.search(query('', { sort: 'company' }), context))).toEqual(['b', 'a', 'c', 'd']);
    expect(ids(search.search(query('', { sort: 'last-contact' }), context))).toEqual(['b', 'd', 'c', 'a']);
    expect(ids(search.search(query('', { sort: 'recently-added' }), context))).toEqual(['d', 'a', 'b', 'c']);
  });

  it('finds the contacts that share an email or the profile link with one, and what they share', () => {
    const person = (id: string, fields: Partial<ContactInput>) => make({ id, name: id, ...fields });
    const jose = person('jose', { emails: ['jose@sg.example', 'jm@home.example'], profileUrl: 'https://www.linkedin.com/in/jose/' });
    const contacts = [
      jose,
      person('gmail', { emails: ['jose@sg.example'] }),
      person('both', { emails: ['jm@home.example'], profileUrl: 'https://www.linkedin.com/in/jose/' }),
      person('other', { emails: ['ana@sg.example'], profileUrl: 'https://www.linkedin.com/in/ana/' }),
    ];
    const search = new ContactSearch(contacts);
    expect(search.maybeSameAs(jose).map(({ contact, shared }) => [contact.id, shared])).toEqual([
      ['gmail', ['jose@sg.example']],
      ['both', ['jm@home.example', 'https://www.linkedin.com/in/jose/']],
    ]);
    expect(search.maybeSameAs(person('bare', {}))).toEqual([]);
  });

  it('finds the other contacts of the same name, whatever the case and accents', () => {
    const jose = make({ id: 'e', name: 'JOSE alvarez', emails: ['jose@home.example'] });
    const search = new ContactSearch([...people, jose, make({ id: 'f', name: 'José Álvarez Ruiz' })]);
    const namesakes = (contact: Contact) => search.maybeSameAs(contact).filter(({ shared }) => shared.length === 0).map((same) => same.contact);
    expect(ids(namesakes(people[0]))).toEqual(['e']);
    expect(ids(namesakes(jose))).toEqual(['a']);
    expect(namesakes(people[1])).toEqual([]);
  });

  it('compares names without honorifics, degrees, full stops, hyphens or apostrophes', () => {
    expect(nameKey('Dr. María González')).toBe('maria gonzalez');
    expect(nameKey('Jane Doe, PhD')).toBe('jane doe');
    expect(nameKey('Jane Doe, Ph.D')).toBe('jane doe');
    expect(nameKey('Jane Doe M.D.')).toBe('jane doe');
    expect(nameKey('Mara Okonkwo-Lind')).toBe('mara okonkwo lind');
    expect(nameKey("Sean O'Brien")).toBe(nameKey('Sean OBrien'));
    expect(nameKey('Priya N.')).toBe(nameKey('Priya N'));
    // What tells people apart stays: a lone surname after a title, a junior.
    expect(nameKey('Dr. Smith')).toBe('dr smith');
    expect(nameKey('Sam Lee Jr.')).toBe('sam lee jr');
    const search = new ContactSearch([make({ id: 'sig', name: 'Dr. María González' }), make({ id: 'li', name: 'Maria Gonzalez' })]);
    expect(search.maybeSameAs(search.contacts[0]).map(({ contact }) => contact.id)).toEqual(['li']);
  });

  it('filters to the contacts perhaps saved twice: by name, email or link', () => {
    const twice = new ContactSearch([
      ...people,
      make({ id: 'e', name: 'Jose ALVAREZ' }),
      make({ id: 'f', name: 'Bo L.', emails: ['bo@lind.se'] }),
      make({ id: 'g', name: 'Cleo P', profileUrl: 'https://www.linkedin.com/in/cleo/' }),
      make({ id: 'h', name: 'Cleo Park-Lee', profileUrl: 'https://www.linkedin.com/in/cleo/' }),
    ]);
    const context = { now: NOW, dueContactIds: NO_DUE };
    expect(ids(twice.search(query('', { filters: { maybeTwice: true } }), context))).toEqual(['f', 'c', 'g', 'h', 'a', 'e']);
    expect(ids(twice.search(query('cleo', { filters: { maybeTwice: true } }), context))).toEqual(['g', 'h']);
  });

  it('leaves out of both the contacts the user told apart, on either side', () => {
    const twins = [
      make({ id: 'p', name: 'Sam Lee', notSameAs: ['q'] }),
      make({ id: 'q', name: 'Sam Lee', emails: ['sam@lee.example'] }),
      make({ id: 'r', name: 'Sam Lee (school)', emails: ['sam@lee.example'] }),
    ];
    const search = new ContactSearch(twins);
    const namesakes = (contact: Contact) => search.maybeSameAs(contact).filter(({ shared }) => shared.length === 0);
    expect(namesakes(twins[0])).toEqual([]);
    expect(namesakes(twins[1])).toEqual([]);
    expect(search.maybeSameAs(twins[0])).toEqual([]);
    expect(search.maybeSameAs(twins[1]).map(({ contact, shared }) => [contact.id, shared])).toEqual([['r', ['sam@lee.example']]]);
    expect(ids(search.search(query('', { filters: { maybeTwice: true } }), { now: NOW, dueContactIds: NO_DUE }))).toEqual(['q', 'r']);
  });

  it('lists the tags in use', () => {
    expect(search.tags()).toEqual(['Hiring', 'mentor']);
  });

  it('folds accents only where there are any', () => {
    expect(fold('Zoë ÅNGSTRÖM')).toBe('zoe angstrom');
    expect(fold('Plain')).toBe('plain');
  });

  it('finds names by letters that do not decompose, as typed on an English keyboard', () => {
    const names = ['Søren Ørsted', 'Hauptstraße', 'Łukasz Żółć', 'Đorđe Đoković', 'Ægir Æsa', 'Œuvre Bœuf', 'Þór Þorsteinsson', 'Işık Yılmaz', 'Guðrún', 'Νίκος Παπαδόπουλος'];
    const found = new ContactSearch(names.map((name, i) => make({ id: `n${i}`, name })));
    const context = { now: NOW, dueContactIds: NO_DUE };
    for (const [typed, name] of [
      ['soren', 'Søren Ørsted'],
      ['orsted', 'Søren Ørsted'],
      ['ØRSTED', 'Søren Ørsted'],
      ['strasse', 'Hauptstraße'],
      ['HAUPTSTRASSE', 'Hauptstraße'],
      ['lukasz zolc', 'Łukasz Żółć'],
      ['dorde dokovic', 'Đorđe Đoković'],
      ['aegir aesa', 'Ægir Æsa'],
      ['oeuvre boeuf', 'Œuvre Bœuf'],
      ['thor thorsteinsson', 'Þór Þorsteinsson'],
      ['isik yilmaz', 'Işık Yılmaz'],
      ['gudrun', 'Guðrún'],
      // Typed a letter at a time, a Greek name ends in σ until the word is done; in capitals it has no ς.
      ['νικοσ', 'Νίκος Παπαδόπουλος'],
      ['ΝΙΚΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ', 'Νίκος Παπαδόπουλος'],
      ['παπαδοπουλος', 'Νίκος Παπαδόπουλος'],
    ] as const) {
      expect(found.search(query(typed), context).map((c) => c.name), typed).toEqual([name]);
    }
  });

  it('finds a name with an apostrophe however it is written, or without one', () => {
    const irish = [make({ id: 'curly', name: 'Sean O’Brien' }), make({ id: 'straight', name: "Maeve O'Neill" }), make({ id: 'modifier', name: 'Hawaiʻi Kaʼahumanu' })];
    const found = new ContactSearch(irish);
    const context = { now: NOW, dueContactIds: NO_DUE };
    for (const typed of ["o'brien", 'o’brien', 'o‘brien', 'oʼbrien', 'o`brien', 'obrien', 'O', "o'", "o'b"]) {
      expect(ids(found.search(query(typed), context)), typed).toContain('curly');
    }
    expect(ids(found.search(query('o’neill'), context))).toEqual(['straight']);
    expect(ids(found.search(query("ka'ahumanu"), context))).toEqual(['modifier']);
    expect(nameKey('Sean O’Brien')).toBe(nameKey('Sean OBrien'));
    expect(nameKey("Sean O'Brien")).toBe(nameKey('sean o‘brien'));
    expect(nameKey('Søren Ørsted')).toBe(nameKey('Soren Orsted'));
    const twice = new ContactSearch([make({ id: 'mail', name: 'Sean O’Brien' }), make({ id: 'phone', name: "Sean O'Brien" }), make({ id: 'li', name: 'Søren Ørsted' }), make({ id: 'csv', name: 'Soren Orsted' })]);
    expect(ids(twice.search(query('', { filters: { maybeTwice: true } }), context))).toEqual(['mail', 'phone', 'li', 'csv']);
  });

  it('keeps the marks that make another letter: Japanese voicing, Indic vowel signs', () => {
    expect(fold('ガイア')).not.toBe(fold('カイア'));
    expect(fold('ｶﾞｲｱ')).toBe(fold('ガイア')); // halfwidth katakana, as some older systems export
    expect(fold('パク')).not.toBe(fold('ハク'));
    expect(fold('मीना')).not.toBe(fold('मन'));
    // Still folded: Latin, Greek and Cyrillic accents, Hebrew points.
    expect(fold('Nguyễn Ελένη Ёлкин')).toBe('nguyen ελενη елкин');
    expect(fold('שָׁלוֹם')).toBe('שלום');
    const japanese = new ContactSearch([make({ id: 'gaia', name: 'ガイア' }), make({ id: 'kaia', name: 'カイア' })]);
    const context = { now: NOW, dueContactIds: NO_DUE };
    expect(ids(japanese.search(query('カイア'), context))).toEqual(['kaia']);
    expect(ids(japanese.search(query('ガイア'), context))).toEqual(['gaia']);
    expect(ids(japanese.search(query('カ'), context))).toEqual(['kaia']);
  });

  it('finds a tag written as cards show it, "#climate"', () => {
    const tagged = new ContactSearch([
      make({ id: 'tag', name: 'Ada', tags: ['Climate', 'hiring'] }),
      make({ id: 'notes', name: 'Bo', notes: 'Talked about climate policy' }),
      make({ id: 'none', name: 'Cleo' }),
    ]);
    const context = { now: NOW, dueContactIds: NO_DUE };
    expect(ids(tagged.search(query('#climate'), context))).toEqual(['tag']);
    expect(ids(tagged.search(query('#hir'), context))).toEqual(['tag']);
    expect(ids(tagged.search(query('#'), context))).toEqual(['tag']);
    expect(ids(tagged.search(query('climate'), context))).toEqual(['tag', 'notes']);
  });
});

describe('the order of what is found', () => {
  const context = { now: NOW, dueContactIds: NO_DUE };
  // Warm and sorted first by name, so only ranking can put the cold Li Na or Ann Lee ahead of them.
  const others = [
    make({ id: 'oliver', name: 'Oliver Naylor', warmth: 'warm' }),
    make({ id: 'natalie', name: 'Natalie Lin', warmth: 'warm' }),
    make({ id: 'joanne', name: 'Joanne Park', warmth: 'warm' }),
    make({ id: 'annapurna', name: 'Bo Ek', company: 'Annapurna Labs', warmth: 'warm' }),
  ];
  const lina = make({ id: 'lina', name: 'Li Na' });
  const ann = make({ id: 'ann', name: 'Ann Lee' });
  const jeanLuc = make({ id: 'jean-luc', name: 'Jean-Luc Picard' });
  const search = new ContactSearch([...others, lina, ann, jeanLuc]);

  it('puts the name typed whole first, then names with a word starting each word typed, then the rest, each in the chosen order', () => {
    expect(ids(search.search(query('Li Na', { sort: 'warmth' }), context))).toEqual(['lina', 'natalie', 'oliver']);
    expect(ids(search.search(query('na li', { sort: 'warmth' }), context))).toEqual(['natalie', 'lina', 'oliver']);
    expect(ids(search.search(query('ann', { sort: 'warmth' }), context))).toEqual(['ann', 'annapurna', 'joanne']);
    expect(ids(search.search(query('luc', { sort: 'warmth' }), context))).toEqual(['jean-luc']);
    expect(ids(search.search(query('jean-luc picard', { sort: 'warmth' }), context))).toEqual(['jean-luc']);
  });

  it('keeps the chosen order for a single letter, which matches most of a notebook', () => {
    // Li Na, whose name starts with it, stays last of the cold, as Annapurna's Bo Ek stays first of the warm.
    expect(ids(search.search(query('l', { sort: 'warmth' }), context))).toEqual(['annapurna', 'natalie', 'oliver', 'ann', 'jean-luc', 'lina']);
  });

  it('ranks the same when typed a letter at a time as when typed at once', () => {
    const typed = 'li na';
    for (let n = 1; n <= typed.length; n++) search.search(query(typed.slice(0, n), { sort: 'warmth' }), context);
    expect(ids(search.search(query(typed, { sort: 'warmth' }), context))).toEqual(['lina', 'natalie', 'oliver']);
  });

  it('ranks by name in the popup too, so a name typed whole is among its few answers however many others were updated since', async () => {
    const db = await openKithDb();
    const later = Array.from({ length: 12 }, (_, i) =>
      make({ id: `later-${i}`, name: `${['Oliver Naylor', 'Natalie Lin', 'Linus Nakamura'][i % 3]} ${i}`, updatedAt: NOW + i + 1 }),
    );
    await Promise.all([lina, ...later].map((contact) => putContact(db, contact)));
    const hits = await contactSearch(db)('Li Na');
    expect(hits.map((hit) => hit.id)[0]).toBe('lina');
    expect(hits).toHaveLength(8);
  });
});

describe('finding people by what is pasted', () => {
  const context = { now: NOW, dueContactIds: NO_DUE };
  const jose = make({
    id: 'jose',
    name: 'José García',
    company: 'Telefónica',
    emails: ['jose.garcia@telefonica.es'],
    profileUrl: 'https://www.linkedin.com/in/jose-garcia-1a2b3c/',
  });
  const linkedInOnly = make({ id: 'ada', name: 'Ada Quinlan', profileUrl: 'https://www.linkedin.com/in/ada-q/' });
  const search = new ContactSearch([jose, linkedInOnly]);

  it.each([
    ['a name as directories write it', 'García, José'],
    ['a mail header', 'José García <jose.garcia@telefonica.es>'],
    ['a mailto link', 'mailto:jose.garcia@telefonica.es'],
    ['an address in a list', 'jose.garcia@telefonica.es;'],
    ['a name in quotes', '"José García"'],
    ['the profile link', 'https://www.linkedin.com/in/jose-garcia-1a2b3c/'],
    ['the profile link from another country, with tracking', 'https://es.linkedin.com/in/Jose-Garcia-1a2b3c?trk=people'],
    ['the profile link without its scheme', 'linkedin.com/in/jose-garcia-1a2b3c'],
    ['the start of the profile link', 'https://www.linkedin.com/in/jose-g'],
    ['a signature line with a dash', 'José García - Telefónica'],
    ['a headline with a bar', 'José García | Telefónica'],
    ['a line with a dot between its parts', 'José García · Telefónica'],
  ])('finds the contact from %s', (_, text) => {
    expect(ids(search.search(query(text), context))).toEqual(['jose']);
  });

  it('finds a contact by the member-id link saved with them, whose capitals count', () => {
    const member = make({ id: 'member', name: 'Li Wei', profileUrl: 'https://www.linkedin.com/in/ACoAABcD3fGhIjKlMnOpQrStUvWxYz0123456/' });
    expect(ids(new ContactSearch([member, jose]).search(query('https://de.linkedin.com/in/ACoAABcD3fGhIjKlMnOpQrStUvWxYz0123456?trk=x'), context))).toEqual(['member']);
  });

  it('does not find everyone saved from LinkedIn by the word "linkedin"', () => {
    expect(ids(search.search(query('linkedin'), context))).toEqual([]);
  });

  it('finds the same typed a letter at a time as typed at once', () => {
    for (const typed of ['mailto:jose.garcia@telefonica.es', 'https://www.linkedin.com/in/ada-q/', 'García, José']) {
      const letterByLetter = new ContactSearch([jose, linkedInOnly]);
      for (let n = 1; n <= typed.length; n++) {
        const text = typed.slice(0, n);
        expect(ids(letterByLetter.search(query(text), context)), text).toEqual(ids(new ContactSearch([jose, linkedInOnly]).search(query(text), context)));
      }
    }
  });

  it('finds the profile link in the popup', async () => {
    const db = await openKithDb();
    await putContact(db, jose);
    const find = contactSearch(db);
    expect((await find('https://www.linkedin.com/in/jose-garcia-1a2b3c/')).map((hit) => hit.id)).toEqual(['jose']);
    expect((await find('García, José')).map((hit) => hit.id)).toEqual(['jose']);
  });
});

describe('names German and the Nordic languages also write out', () => {
  const context = { now: NOW, dueContactIds: NO_DUE };
  const finds = (name: string, text: string) => new ContactSearch([make({ id: 'x', name })]).search(query(text), context).length === 1;

  it('finds a name with ä, ö, ü, ø or å written out, and one written out by a query with them', () => {
    expect(finds('Thomas Müller', 'mueller')).toBe(true);
    expect(finds('Thomas Müller', 'muller')).toBe(true);
    expect(finds('Jürgen Klopp', 'juergen')).toBe(true);
    expect(finds('Søren Kierkegaard', 'soeren')).toBe(true);
    expect(finds('Hans Christian Ørsted', 'oersted')).toBe(true);
    expect(finds('Åsa Berg', 'aasa')).toBe(true);
    expect(finds('Anna Mueller', 'müller')).toBe(true);
    expect(finds('Anna Muller', 'müller')).toBe(true);
    expect(finds('Anna Mueller', 'mü')).toBe(true);
  });

  it('finds the written-out name when a search is edited into one with ü, and in a name whose ü is decomposed', () => {
    const search = new ContactSearch([make({ id: 'uwe', name: 'Uwe Huebner' }), make({ id: 'nfd', name: 'Jörg Müller'.normalize('NFD') })]);
    expect(ids(search.search(query('hub'), context))).toEqual([]);
    expect(ids(search.search(query('hüb'), context))).toEqual(['uwe']);
    expect(ids(search.search(query('mueller'), context))).toEqual(['nfd']);
  });

  it('ranks a name found written out as named by the query, before those who only work at a firm of that name', () => {
    const search = new ContactSearch([make({ id: 'aaron', name: 'Aaron Best', company: 'Mueller GmbH' }), make({ id: 'jorg', name: 'Jörg Müller' })]);
    expect(ids(search.search(query('mueller'), context))).toEqual(['jorg', 'aaron']);
    expect(ids(search.search(query('jörg müller'), context))).toEqual(['jorg']);
  });

  it('puts a name typed whole first, however written, before longer names that start with it', () => {
    const search = new ContactSearch([make({ id: 'longer', name: 'Jörg Müllerschön', createdAt: NOW }), make({ id: 'jorg', name: 'Jörg Müller', createdAt: NOW - 1 })]);
    for (const typed of ['Jörg Müller', 'jorg muller', 'joerg mueller']) {
      expect(ids(search.search(query(typed, { sort: 'recently-added' }), context))[0], typed).toBe('jorg');
    }
  });

  it('takes "Müller" and "Mueller" for perhaps one person, as it does "Müller" and "Muller"', () => {
    const search = new ContactSearch([make({ id: 'umlaut', name: 'Thomas Müller' }), make({ id: 'ue', name: 'Thomas Mueller' }), make({ id: 'u', name: 'Thomas Muller' })]);
    const sameAs = (i: number) => search.maybeSameAs(search.contacts[i]).map(({ contact }) => contact.id);
    expect(sameAs(0).sort()).toEqual(['u', 'ue']);
    expect(sameAs(1)).toEqual(['umlaut']);
    expect(sameAs(2)).toEqual(['umlaut']);
  });
});

describe('ContactSearch at 100,000 contacts', () => {
  it('answers each keystroke well within a frame (median)', () => {
    const first = ['Ada', 'Bo', 'Cleo', 'Dan', 'Eve', 'Finn', 'Gus', 'Hana', 'Ivo', 'June'];
    const companies = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises'];
    const contacts = Array.from({ length: 100_000 }, (_, i) =>
      ({
        id: `c${i}`,
        name: `${first[i % 10]} Person${i}`,
        title: `Role ${i % 97}`,
        company: `${companies[i % 7]} ${i % 1000}`,
        location: '',
        emails: [`person${i}@example.com`],
        phones: [],
        addresses: [],
        relationship: 'other',
        orgRoles: [],
        warmth: i % 3 ? 'cold' : 'warm',
        canHelpWith: [],
        tags: i % 10 ? [] : ['hiring'],
        notes: i % 5 ? '' : 'Met at a conference about distributed systems and hiring',
        sources: [],
        history: [],
        notSameAs: [],
        createdAt: i,
        updatedAt: i,
      }) as Contact,
    );
    const search = new ContactSearch(contacts);
    const context = { now: NOW, dueContactIds: NO_DUE };
    const sorting = performance.now();
    search.search(query('', { sort: 'warmth' }), context); // the sort order is built once, not per keystroke
    expect(performance.now() - sorting).toBeLessThan(2000);
    const typed = 'stark industries 42';
    const timings: number[] = [];
    let last: Contact[] = [];
    for (let round = 0; round < 3; round++) {
      for (let n = 0; n <= typed.length; n++) {
        const started = performance.now();
        last = search.search(query(typed.slice(0, n), { sort: 'warmth' }), context);
        timings.push(performance.now() - started);
      }
      for (let n = typed.length; n >= 0; n--) {
        const started = performance.now();
        search.search(query(typed.slice(0, n), { sort: 'warmth' }), context);
        timings.push(performance.now() - started);
      }
    }
    timings.sort((a, b) => a - b);
    const median = timings[Math.floor(timings.length / 2)];
    expect(last.length).toBeGreaterThan(0);
    const words = (c: Contact) => fold([c.name, c.title, c.company, c.emails.join(' '), c.tags.join(' '), c.notes].join(' '));
    expect(last.every((c) => words(c).includes('stark') && words(c).includes('industries') && words(c).includes('42'))).toBe(true);
    expect(last.length).toBe(contacts.filter((c) => words(c).includes('stark industries') && words(c).includes('42')).length);
    // Target is < 16 ms in the browser; a generous ceiling for a busy test machine.
    console.info(`search at 100k: median ${median.toFixed(2)} ms per keystroke`);
    expect(median).toBeLessThan(50);
  }, 30_000);
});

describe('finding people by phone number', () => {
  it('knows one number written at home and from abroad, and no other number by its tail', () => {
    expect(samePhone('+47 900 00 000', '+4790000000')).toBe(true);
    expect(samePhone('+47 912 34 567', '912 34 567')).toBe(true);
    expect(samePhone('020 7946 0958', '+44 (0)20 7946 0958')).toBe(true);
    expect(samePhone('020 7946 0958', '+44 20 7946 0958')).toBe(true);
    expect(samePhone('0047 912 34 567', '+47 912 34 567')).toBe(true);
    expect(samePhone('555-0134', '+1 (415) 555-0134')).toBe(false);
    expect(samePhone('+1 415 555 0134', '+44 415 555 0134')).toBe(false);
    expect(samePhone('', '')).toBe(false);
  });

  const withPhones = [
    make({ id: 'us', name: 'Avery Stone', phones: ['+1 (415) 555-0134'] }),
    make({ id: 'se', name: 'Britt Ek', phones: ['070-123 45 67'] }),
    make({ id: 'none', name: 'Cai Noor', notes: 'Room 555-01 on the second floor' }),
    make({ id: 'de', name: 'Dana Roth', phones: ['+49 151 2345678'] }),
    make({ id: 'jp', name: 'Eri Sato', phones: ['03-1234-5678'] }),
    make({ id: 'uk', name: 'Fay Hill', phones: ['+44 (0)20 7946 0958'] }),
    make({ id: 'ru', name: 'Gleb Orlov', phones: ['8 (916) 123-45-67'] }),
  ];
  const context = { now: NOW, dueContactIds: NO_DUE };

  it('finds a number however it is written, in whole or in part', () => {
    const search = new ContactSearch(withPhones);
    for (const [typed, found] of [
      ['+1 (415) 555-0134', ['us']],
      ['4155550134', ['us']],
      ['415-555-0134', ['us']],
      ['555 0134', ['us']],
      ['0701234567', ['se']],
      ['070-123', ['se']],
      ['555-01', ['us', 'none']], // as digits in Avery's number, and as written in Cai's notes
      // Dialled at home and from abroad, a number saved in international form.
      ['0151 2345678', ['de']],
      ['0049 151 2345678', ['de']],
      ['00491512345678', ['de']],
      // Written internationally, a number saved as dialled at home.
      ['+46 70 123 45 67', ['se']],
      ['+46701234567', ['se']],
      ['0046 70-123 45 67', ['se']],
      ['+81312345678', ['jp']],
      // Saved with the "(0)" dialled at home, or Russia's 8 before the number.
      ['+442079460958', ['uk']],
      ['+79161234567', ['ru']],
      // Another country's number is not found for sharing the last eight digits of Eri's.
      ['+34612345678', []],
      ['+3461234', []],
      // A prefix or a country code alone, its digits still to come: everyone with a number.
      ['+46', ['us', 'se', 'de', 'jp', 'uk', 'ru']],
      ['00', ['us', 'se', 'de', 'jp', 'uk', 'ru']],
      ['(', ['us', 'se', 'de', 'jp', 'uk', 'ru']],
    ] as const) {
      expect(ids(new ContactSearch(withPhones).search(query(typed), context)), typed).toEqual(found);
      expect(ids(search.search(query(typed), context)), `${typed}, typed after the others`).toEqual(found);
    }
  });

  it('reads a number written in groups as one number, so its groups find no one else', () => {
    const search = new ContactSearch([
      make({ id: 'right', name: 'Ada Chen', phones: ['+44 20 7946 0013'] }),
      make({ id: 'tail', name: 'Bo Lind', phones: ['+44 20 7946 0130'] }),
      make({ id: 'inside', name: 'Cy Moss', phones: ['+44 20 7946 1300'] }),
      make({ id: 'other', name: 'Di Park', phones: ['+44 113 496 0000'], notes: 'Desk 13, floor 20' }),
    ]);
    for (const typed of ['+44 20 7946 0013', '020 7946 0013', 'tel:+442079460013', '(020) 7946-0013']) {
      expect(ids(search.search(query(typed), context)), typed).toEqual(['right']);
    }
  });

  it('a phone word matches itself or its other forms, never more as it grows', () => {
    expect(['Ada', '+46', '(070)', '555-0134', '2024', '0049', '+441', '('].map((word) => queryTerms(word)[0])).toEqual([
      { text: 'ada' },
      { text: '+46', also: ['46'], national: [{ code: '4', rest: '6' }, { code: '46', rest: '' }] },
      { text: '(070)', also: ['070', '70'] },
      { text: '555-0134', also: ['5550134'] },
      { text: '2024', also: ['2024'] },
      { text: '0049', also: ['0049', '49'], national: [{ code: '4', rest: '9' }, { code: '49', rest: '' }] },
      { text: '+441', also: ['441'], national: [{ code: '4', rest: '41' }, { code: '44', rest: '1' }, { code: '441', rest: '' }] },
      { text: '(', also: [''] },
    ]);
    // A number written in groups is one number; a copied tel: link is its number.
    expect(queryTerms('Ada +44 20 7946 0013').map(({ text }) => text)).toEqual(['ada', '+442079460013']);
    expect(queryTerms('tel:+442079460013')).toEqual(queryTerms('+442079460013'));
    // Typing a letter at a time, each result is within the one before wherever the search narrows
    // from it, its words read as the last ones and more (so narrowing is exact).
    const text = fc.string({ unit: fc.constantFrom('5', '0', '-', '(', ')', '+', ' ', 'a') });
    const digits = fc.string({ unit: fc.constantFrom('5', '0', '4', ' ') }).map((d) => d.trim());
    const typing = fc.string({ unit: fc.constantFrom('5', '0', '4', '-', '(', ')', '+', 'a', ' ') });
    const read = (terms: QueryTerm[]) => terms.map((term) => term.text).join(' ');
    fc.assert(
      fc.property(text, digits, typing, (haystack, phoneDigits, typed) => {
        for (let n = 1; n < typed.length; n++) {
          const longer = queryTerms(typed.slice(0, n + 1));
          const shorter = queryTerms(typed.slice(0, n));
          if (!read(longer).startsWith(read(shorter))) continue;
          const matches = (terms: QueryTerm[]) => terms.every((term) => includesTerm({ haystack, phoneDigits, link: '' }, term));
          if (matches(longer) && !matches(shorter)) return false;
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});
