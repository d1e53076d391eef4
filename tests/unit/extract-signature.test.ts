import { describe, expect, it } from 'vitest';
import { Person } from '@/lib/model';
import { parseSignature } from '@/lib/extract/signature';

const people = (text: string) => parseSignature(text).map((p) => Person.parse(p));
/** The first person's name, title and company. */
const job = (text: string) => {
  const [person] = people(text);
  return [person.name, person.title, person.company];
};

describe('selected text', () => {
  it('reads "Name <address>"', () => {
    expect(people('Jane Doe <Jane.Doe@Example.com>')).toEqual([
      {
        name: 'Jane Doe',
        emails: ['jane.doe@example.com'],
        phones: [],
        source: 'signature',
        fieldSources: { name: 'signature:display-name', emails: 'signature:address' },
      },
    ]);
  });

  it('reads an address list as mail clients copy it, quoted commas included', () => {
    expect(people('"Doe, John" <john@y.example>; Ana Souza <ana@z.example>, bob.smith@w.example').map((p) => [p.name, p.emails])).toEqual([
      ['John Doe', ['john@y.example']],
      ['Ana Souza', ['ana@z.example']],
      ['Bob Smith', ['bob.smith@w.example']],
    ]);
  });

  it('reads header lines as mail apps copy them, without their labels', () => {
    expect(people('To: Jane Doe <jane.doe@example.com>, Bob Roe <bob.roe@example.com>').map((p) => p.name)).toEqual(['Jane Doe', 'Bob Roe']);
    expect(people('To: Jane Doe <jane.doe@example.com>\nCc: Lena Park <lena.park@example.com>\nAn: Jonas Weber <jonas@example.de>').map((p) => p.name)).toEqual([
      'Jane Doe',
      'Lena Park',
      'Jonas Weber',
    ]);
    expect(people('Cc: lena.park@example.com').map((p) => p.emails)).toEqual([['lena.park@example.com']]);
  });

  it('puts a display name written surname first in the order people say it, and leaves the rest', () => {
    const names = (text: string) => people(text).map((p) => p.name);
    expect(names('"Kim, Bo" <bo@x.example>, "van Dijk, Ellen" <ellen@x.example>')).toEqual(['Bo Kim', 'Ellen van Dijk']);
    expect(names('Park, Min <min@x.example>\nCTO')).toEqual(['Min Park']);
    expect(names('"Acme, Inc." <info@acme.example>, "Sam Lee, Jr." <sam@x.example>, "Doe, CTO" <d@x.example>, "Jane Doe, PhD" <j@x.example>')).toEqual([
      'Acme, Inc.',
      'Sam Lee, Jr.',
      'Doe, CTO',
      // Not reordered; its degree left off, as from every name.
      'Jane Doe',
    ]);
  });

  it('reads the name written before a bare address on its line', () => {
    const named = (text: string) => people(text).map((p) => [p.name, p.emails]);
    for (const line of ['Jane Doe jane@x.example', 'Jane Doe: jane@x.example', 'Jane Doe (jane@x.example)', 'Jane Doe - jane@x.example', 'Jane Doe – jane@x.example']) {
      expect(named(line), line).toEqual([['Jane Doe', ['jane@x.example']]]);
    }
    // Prose before an address names nobody; the address does.
    expect(named('Email me at jane.doe@x.example')).toEqual([['Jane Doe', ['jane.doe@x.example']]]);
    // What follows on the lines below is still their job.
    expect(people('Jane Doe: jane@acme.example\nVP Sales, Acme').map((p) => [p.name, p.title, p.company])).toEqual([['Jane Doe', 'VP Sales', 'Acme']]);
  });

  it('takes no label before an address for a name, and a name before one only on the first line', () => {
    const signature = 'Jane Doe\nHead of Partnerships\nAcme Corp\nWork Email: jane@acme.example';
    expect(people(signature).map((p) => [p.name, p.title, p.company])).toEqual([['Jane Doe', 'Head of Partnerships', 'Acme Corp']]);
    expect(people('Reply To: jane@acme.example').map((p) => p.name)).toEqual(['jane@acme.example']);
  });

  it('reads a signature laid out as a table, and names in two columns, as one person or a person per row', () => {
    // Two columns of one signature: no title taken for the name.
    expect(people('Jane Doe\tT: +1 555 0100\nHead of Research\tE: jane@acme.example\nAcme Corp\tW: acme.example').map((p) => p.name)).not.toContain('Head of Research');
    expect(people('Name\tJane Doe\nTitle\tHead of Research\nEmail\tjane@acme.example').map((p) => p.emails)).toEqual([['jane@acme.example']]);
    expect(people('Jane\tDoe\tjane@x.example\nJohn\tSmith\tjohn@y.example').map((p) => [p.name, p.emails])).toEqual([
      ['Jane Doe', ['jane@x.example']],
      ['John Smith', ['john@y.example']],
    ]);
  });

  it('reads a line of parts apart by plain hyphens as by dashes', () => {
    expect(job('Jane Doe - VP Sales - Acme')).toEqual(['Jane Doe', 'VP Sales', 'Acme']);
  });

  it('puts a name written surname first in the order people say it', () => {
    expect(job('Doe, Jane — VP Sales — Acme')).toEqual(['Jane Doe', 'VP Sales', 'Acme']);
    expect(job('Doe, Jane\nDesigner')).toEqual(['Jane Doe', 'Designer', undefined]);
  });

  it('reads a copied table a person per row with an address, not its header as a name', () => {
    const table = 'Name\tRole\tEmail\nJane Doe\tVP Sales, Acme\tjane@acme.example\nJohn Smith\tCTO, Beta\tjohn@beta.example\n';
    expect(people(table).map((p) => [p.name, p.title, p.company, p.emails])).toEqual([
      ['Jane Doe', 'VP Sales', 'Acme', ['jane@acme.example']],
      ['John Smith', 'CTO', 'Beta', ['john@beta.example']],
    ]);
  });

  it('reads a bare address', () => {
    expect(people('  kai@studio.example ').map((p) => [p.name, p.emails, p.fieldSources.name])).toEqual([
      ['kai@studio.example', ['kai@studio.example'], 'signature:address'],
    ]);
  });

  it('reads an address that ends a sentence, without the full stop', () => {
    const block = `Lena Hartmann
Head of Research, Quayside Bio
Write to me at lena.hartmann@quayside.example.`;
    expect(people(block).map((p) => [p.name, p.emails])).toEqual([['Lena Hartmann', ['lena.hartmann@quayside.example']]]);
    expect(people('Reach Kai at kai@studio.example.').map((p) => p.emails)).toEqual([['kai@studio.example']]);
  });

  it('reads a signature block: closing skipped, title and company split, phone, LinkedIn link', () => {
    const block = `Best regards,
--
Priya Natarajan
Director of Partnerships | Northwind Traders
M: +1 (415) 555-0142
priya.natarajan@northwind.example
https://www.linkedin.com/in/priya-natarajan-sf/?trk=sig
www.northwind.example`;
    expect(people(block)).toEqual([
      {
        name: 'Priya Natarajan',
        title: 'Director of Partnerships',
        company: 'Northwind Traders',
        emails: ['priya.natarajan@northwind.example'],
        phones: ['+1 (415) 555-0142'],
        profileUrl: 'https://www.linkedin.com/in/priya-natarajan-sf/',
        source: 'signature',
        fieldSources: {
          name: 'signature:first-name-line',
          title: 'signature:title-line',
          company: 'signature:company-line',
          emails: 'signature:address',
          phones: 'signature:phone',
          profileUrl: 'signature:linkedin-link',
        },
      },
    ]);
  });

  it('reads a name that begins like a closing, and a closing on the name’s line', () => {
    expect(people('Beste Yilmaz\nEngineer\nAcme\nbeste.yilmaz@acme.example')[0]).toMatchObject({
      name: 'Beste Yilmaz',
      title: 'Engineer',
      emails: ['beste.yilmaz@acme.example'],
    });
    expect(people('Kindra Wells\nVP Sales | Acme\nkindra@acme.example')[0]).toMatchObject({ name: 'Kindra Wells', title: 'VP Sales', company: 'Acme' });
    expect(people('Warren Yates\nwarren@acme.example')[0]).toMatchObject({ name: 'Warren Yates' });
    expect(people('Thanks, Jane Doe\nCTO | Acme\njane@acme.example')[0]).toMatchObject({ name: 'Jane Doe', title: 'CTO' });
    expect(people('Mit freundlichen Grüßen\nJonas Weber\njonas@weber.example')[0]).toMatchObject({ name: 'Jonas Weber' });
  });

  it('reads the full name under a sign-off with the first name alone', () => {
    const block = `Cheers,
Tom

Tom Becker
Senior Product Manager | Acme Corp
Tel. +44 20 7946 0958.`;
    expect(people(block)[0]).toMatchObject({
      name: 'Tom Becker',
      title: 'Senior Product Manager',
      company: 'Acme Corp',
      phones: ['+44 20 7946 0958'],
    });
    // A first name alone is still a name where nothing fuller follows.
    expect(people('Tom\nSenior Product Manager\ntom@acme.example')[0]).toMatchObject({ name: 'Tom', title: 'Senior Product Manager' });
  });

  it('reads a signature on one line, its parts between bars', () => {
    expect(people('John Smith | Senior Engineer | Acme Inc. | +1 555 123 4567 | john@acme.example')[0]).toMatchObject({
      name: 'John Smith',
      title: 'Senior Engineer',
      company: 'Acme Inc.',
      emails: ['john@acme.example'],
      phones: ['+1 555 123 4567'],
    });
    expect(people('Best,\nSam\n\nSamuel Ortiz | Principal Designer\nsam@ortiz.example')[0]).toMatchObject({ name: 'Samuel Ortiz', title: 'Principal Designer' });
  });

  it('skips sign-offs in other languages, and any short line ending in a comma', () => {
    for (const closing of ['Atentamente,', 'Saludos cordiales,', 'Pozdrawiam,', 'Abraços,', 'Grüße', 'С уважением,', 'Tot ziens,']) {
      expect(job(`${closing}\nLucía Pérez\nGerente de Ventas\nAcme SL\nlucia@acme.es`)).toEqual(['Lucía Pérez', 'Gerente de Ventas', 'Acme SL']);
    }
  });

  it('skips the closings Japanese, Chinese and Arabic messages end with, and reads a name line with an emoji after its credential', () => {
    const read = (text: string) => parseSignature(text).map(({ name, title, company }) => [name, title, company]);
    expect(read('よろしくお願いいたします。\n\n山田 太郎\n営業部 部長\n株式会社サンプル\nyamada@sample.co.jp')[0][0]).toBe('山田 太郎');
    expect(read('此致\n敬礼\n\n王小明\n产品经理\n示例科技有限公司\nwang@example.cn')[0][0]).toBe('王小明');
    expect(read('مع التحيات،\nمحمد علي\nمدير المبيعات\nm.ali@acme.ae')[0].slice(0, 2)).toEqual(['محمد علي', 'مدير المبيعات']);
    expect(read('Dr. María José García-López, PhD 🚀\nDirectora de Innovación\nAcme S.A.\nmjgarcia@acme.es')).toEqual([
      ['María José García-López', 'Directora de Innovación', 'Acme S.A.'],
    ]);
  });

  it('reads an address list whose names carry direction marks, as Hebrew mail apps copy them', () => {
    expect(parseSignature('\u200Fדנה כהן\u200F <dana@x.example>\u200E, \u200FBob Roe\u200F <bob@y.example>').map((p) => p.name)).toEqual(['דנה כהן', 'Bob Roe']);
  });

  it('reads recipients as Outlook copies them, "Last, First <address>", a person each', () => {
    expect(people('Doe, Jane <jane.doe@contoso.com>; Smith, John <john.smith@contoso.com>').map((p) => [p.name, p.emails])).toEqual([
      ['Jane Doe', ['jane.doe@contoso.com']],
      ['John Smith', ['john.smith@contoso.com']],
    ]);
    expect(people('van Dijk, Ellen <ellen@x.example>, Kim, Bo <bo@x.example>').map((p) => p.name)).toEqual(['Ellen van Dijk', 'Bo Kim']);
  });

  it('reads the name in a reply’s header, before or after the word for "wrote"', () => {
    const named = (text: string) => people(text).map((p) => [p.name, p.emails]);
    expect(named('Am Di., 4. März 2025 um 09:14 Uhr schrieb Lena Hartmann <l.hartmann@mueller-soehne.example>:')).toEqual([
      ['Lena Hartmann', ['l.hartmann@mueller-soehne.example']],
    ]);
    expect(named('On Tue, Mar 4, 2025 at 9:14 AM Jane Doe <jd@acme.example> wrote:')).toEqual([['Jane Doe', ['jd@acme.example']]]);
    expect(named('Op di 4 mrt. 2025 om 09:14 schreef Jan de Vries <jan@vries.example>:')).toEqual([['Jan de Vries', ['jan@vries.example']]]);
    // Unquoted, what comes before a comma may be a surname of two words ("García Márquez,
    // Gabriel"), a generation or a title after it ("Sam Lee, Jr."): the whole is kept as written,
    // whatever the label before it.
    expect(named('To: García Márquez, Gabriel <g@y.example>')).toEqual([['García Márquez, Gabriel', ['g@y.example']]]);
    expect(named('Sam Lee, Jr. <sam@y.example>')).toEqual([['Sam Lee, Jr.', ['sam@y.example']]]);
  });

  it('reads no job from a quoted message: its header names the person, its lines are the message', () => {
    const [jane] = people('On Tue, Mar 4, 2025 at 9:14 AM Jane Doe <jane@acme.example> wrote:\n> Can we meet Thursday?\n>\nBonjour');
    expect(jane).toMatchObject({ name: 'Jane Doe', emails: ['jane@acme.example'] });
    expect([jane.title, jane.company]).toEqual([undefined, undefined]);
    const [from] = people('From: Jane Doe <jane@acme.example>\nSent: Tuesday, March 4, 2025 9:14 AM\nSubject: RE: Proposal');
    expect(from).toMatchObject({ name: 'Jane Doe', emails: ['jane@acme.example'] });
    expect([from.title, from.company]).toEqual([undefined, undefined]);
  });

  it('reads each person of a copied header as their own, written surname first or not named in their address', () => {
    const emailsOf = (text: string) => people(text).map((p) => [p.name, p.emails]);
    expect(
      emailsOf(
        'From: Weber, Jonas <jonas.weber@kranich.example>\nSent: Tuesday, March 4, 2025 9:14 AM\nTo: Reyes, Ava <ava.reyes@contoso.example>\nCc: Brandt, Lea <lea.brandt@kranich.example>\nSubject: Mentoring',
      ),
    ).toEqual([
      ['Jonas Weber', ['jonas.weber@kranich.example']],
      ['Ava Reyes', ['ava.reyes@contoso.example']],
      ['Lea Brandt', ['lea.brandt@kranich.example']],
    ]);
    expect(emailsOf('Von: Jonas Weber <jw@kranich.example>\nGesendet: Dienstag, 4. März 2025 09:14\nAn: Ava Reyes <a.r@contoso.example>\nBetreff: Mentoring')).toEqual([
      ['Jonas Weber', ['jw@kranich.example']],
      ['Ava Reyes', ['a.r@contoso.example']],
    ]);
    // A bare address, a desk and a person on one line: each is their own, never the sender's.
    expect(
      emailsOf('From: Jane Doe <jane@acme.example>\nSent: Monday, March 3, 2025 9:14 AM\nTo: bob@x.example\nCc: Recruiting <jobs@acme.example>; Bob Lee <bob.lee@x.example>\nSubject: Hi'),
    ).toEqual([
      ['Jane Doe', ['jane@acme.example']],
      ['Recruiting', ['jobs@acme.example']],
      ['Bob Lee', ['bob.lee@x.example']],
      ['bob@x.example', ['bob@x.example']],
    ]);
  });

  it('reads a page’s list of people, each with their address in brackets, under its label', () => {
    const emailsOf = (text: string) => people(text).map((p) => [p.name, p.emails]);
    expect(emailsOf('Organizers: Jane Doe (jane@conf.example), Bob Lee (bob@conf.example)')).toEqual([
      ['Jane Doe', ['jane@conf.example']],
      ['Bob Lee', ['bob@conf.example']],
    ]);
    expect(emailsOf('Jane Doe (jane@conf.example)')).toEqual([['Jane Doe', ['jane@conf.example']]]);
    // Words around an address in brackets are no list.
    expect(emailsOf('Write to the desk (help@conf.example) any time')).not.toContainEqual(['Write to the desk', ['help@conf.example']]);
  });

  it('reads a whole message selected: the header’s people, and the signature as the sender’s job', () => {
    const message = 'From: Jane Doe <jane@acme.example>\nSent: Monday, March 3, 2025 9:14 AM\nTo: Bob Lee <bob@x.example>\nSubject: Intro\n\nHi Bob,\nGreat to meet you today.\n\nBest,\nJane Doe\nHead of Partnerships\nAcme\n+1 555 123 4567';
    expect(people(message).map((p) => [p.name, p.emails, p.title, p.company, p.phones])).toEqual([
      ['Jane Doe', ['jane@acme.example'], 'Head of Partnerships', 'Acme', ['+1 555 123 4567']],
      ['Bob Lee', ['bob@x.example'], undefined, undefined, []],
    ]);
  });

  it('reads a line naming someone else before their address as another person: an assistant', () => {
    expect(people('Jane Doe\nHead of Partnerships\nAcme\njane@acme.example\nAssistant: Mary Poppins mary@acme.example').map((p) => [p.name, p.emails, p.title])).toEqual([
      ['Jane Doe', ['jane@acme.example'], 'Head of Partnerships'],
      ['Mary Poppins', ['mary@acme.example'], undefined],
    ]);
  });

  it('keeps a company with a comma in its name as the company; only a place ends in a country or region', () => {
    const read = (text: string) => people(text).map(({ title, company, location }) => ({ title, company, location }));
    expect(read('Jane Doe\nAssociate\nPaul, Weiss\njane@paulweiss.example')).toEqual([{ title: 'Associate', company: 'Paul, Weiss', location: undefined }]);
    expect(read('Ana Ruiz\nDirectora\nAcme, S.A.\nana@acme.example')).toEqual([{ title: 'Directora', company: 'Acme, S.A.', location: undefined }]);
    expect(read('Maya Chen\nIllustrator\nSan Francisco, CA\nmaya@chen.example')).toEqual([{ title: 'Illustrator', company: undefined, location: 'San Francisco, CA' }]);
  });

  it('reads a signature between dashes on one line, and leaves out when a copied message was sent', () => {
    expect(people('Jane Doe – Head of Design – Acme\njane@acme.example').map(({ name, title, company }) => ({ name, title, company }))).toEqual([
      { name: 'Jane Doe', title: 'Head of Design', company: 'Acme' },
    ]);
    for (const header of ['Tue, Mar 4, 9:14 AM (2 days ago)\nto me, Bob', '10:47 (vor 1 Stunde)\nan mich, Marta, Leo', '10:47 (il y a 1 heure)\nà moi, Marta']) {
      const [copied] = people(`Jane Doe <jane@acme.example>\n${header}`);
      expect(copied, header).toMatchObject({ name: 'Jane Doe', emails: ['jane@acme.example'] });
      expect([copied.title, copied.company], header).toEqual([undefined, undefined]);
    }
  });

  it('reads signatures selected together, each with its address, as a person each', () => {
    expect(people('Ann One\nCEO\nann@one.example\n\nBob Two\nCTO\nbob@two.example').map((p) => [p.name, p.title, p.emails])).toEqual([
      ['Ann One', 'CEO', ['ann@one.example']],
      ['Bob Two', 'CTO', ['bob@two.example']],
    ]);
  });

  it('reads signatures selected together with no blank line between them, or a "--" line', () => {
    const named = (text: string) => people(text).map((p) => [p.name, p.title, p.emails]);
    expect(named('Jane Doe\nCTO, Acme\njane@acme.example\n+1 212 555 0100\nJohn Roe\nCFO, Acme\njohn@acme.example')).toEqual([
      ['Jane Doe', 'CTO', ['jane@acme.example']],
      ['John Roe', 'CFO', ['john@acme.example']],
    ]);
    expect(named('--\nJane Doe\nCTO | Acme\njane@acme.example\n--\nJohn Roe\nCFO | Acme\njohn@acme.example')).toEqual([
      ['Jane Doe', 'CTO', ['jane@acme.example']],
      ['John Roe', 'CFO', ['john@acme.example']],
    ]);
    expect(named('Jane Doe <jane@acme.example>\nCTO\nJohn Roe <john@acme.example>\nCFO')).toEqual([
      ['Jane Doe', 'CTO', ['jane@acme.example']],
      ['John Roe', 'CFO', ['john@acme.example']],
    ]);
    // A name above a blank line belongs to the signature below it; a company and a team's address
    // below a person's are still theirs.
    expect(named('Jane Doe\nCTO\n\nAcme Corp\njane@acme.example\n\nJohn Roe\nCFO\n\nAcme\njohn@acme.example')).toEqual([
      ['Jane Doe', 'CTO', ['jane@acme.example']],
      ['John Roe', 'CFO', ['john@acme.example']],
    ]);
    expect(named('Jane Doe\nCTO\njane@acme.example\nAcme Corporation\ninfo@acme.example')).toEqual([['Jane Doe', 'CTO', ['jane@acme.example', 'info@acme.example']]]);
  });

  it('does not take a line of the message above the signature for the name', () => {
    expect(job('See you Thursday!\n\nPriya Natarajan\nSenior Product Manager | Northwind Traders\npriya@northwind.example')).toEqual([
      'Priya Natarajan',
      'Senior Product Manager',
      'Northwind Traders',
    ]);
    expect(job('Any news?\nPriya Natarajan\nDirector\npriya@northwind.example')).toEqual(['Priya Natarajan', 'Director', undefined]);
    expect(job('Talk to you soon\n\nPriya Natarajan\nDirector\npriya@northwind.example')).toEqual(['Priya Natarajan', 'Director', undefined]);
    // Names with a word in lower case, and names in lower case, are still names.
    expect(job("Jean-Luc d'Arcy\nCTO\njl@acme.example")).toEqual(["Jean-Luc d'Arcy", 'CTO', undefined]);
    expect(job('jane doe\nCTO\njane@acme.example')).toEqual(['jane doe', 'CTO', undefined]);
  });

  it('reads a Japanese signature with the company, department and title above the name', () => {
    const block = `━━━━━━━━━━━━━━━━━━
株式会社サンプル
営業部 部長
山田 太郎
〒100-0001 東京都千代田区千代田1-1-1
TEL: 03-1234-5678
Email: taro.yamada@sample.example
━━━━━━━━━━━━━━━━━━`;
    expect(people(block)[0]).toMatchObject({ name: '山田 太郎', title: '営業部 部長', company: '株式会社サンプル', phones: ['03-1234-5678'] });
  });

  it('reads phone numbers labelled in other languages as phones, never as a title or company', () => {
    const block = `Camille Dubois
Consultante indépendante
Tél. : +33 1 23 45 67 89
Port. : +33 6 12 34 56 78
camille@dubois-conseil.example`;
    expect(people(block)[0]).toMatchObject({ name: 'Camille Dubois', title: 'Consultante indépendante', phones: ['+33 1 23 45 67 89', '+33 6 12 34 56 78'] });
    expect(people(block)[0]).not.toHaveProperty('company');
    const labelled = ['Tel.: +49 89 1234567', 'Mobil: +49 170 1234567', 'Handy 0170 1234567', 'Telefon: 030 1234567', 'Móvil: +34 600 123 456', 'Teléfono: +34 91 123 4567', 'Téléphone : 01 23 45 67 89', 'Cell: 415 555 0100'];
    for (const line of labelled) {
      const [person] = people(`Lena Hartmann\nLeiterin Einkauf\n${line}\nlena@acme.example`);
      expect(person, line).toMatchObject({ title: 'Leiterin Einkauf', phones: [line.replace(/^[^+\d]+/, '')] });
      expect(person, line).not.toHaveProperty('company');
    }
    expect(job('Lena Hartmann\nMobil: +49 170 1234567\nlena@acme.example')).toEqual(['Lena Hartmann', undefined, undefined]);
    // An office number with the person's extension.
    for (const line of ['T: (415) 555-0100 ext. 204', 'Office: 415 555 0100 x204', 'Tel. +1 415 555 0100, ext 204']) {
      expect(people(`Dana Whitaker\n${line}\ndana@acme.example`)[0].phones, line).toEqual([line.replace(/^[^+\d(]+/, '')]);
    }
  });

  it('reads a LinkedIn search result selected as text, without its badges and hidden text', () => {
    const card = 'Lena HartmannView Lena Hartmann’s profile\n• 2nd2nd degree connection\nHead of Research at Quillstone\nBerlin, Germany';
    expect(people(card)).toEqual([
      {
        name: 'Lena Hartmann',
        title: 'Head of Research',
        company: 'Quillstone',
        location: 'Berlin, Germany',
        emails: [],
        phones: [],
        source: 'signature',
        fieldSources: { name: 'signature:first-name-line', title: 'signature:title-line', company: 'signature:title-line', location: 'signature:place-line' },
      },
    ]);
    expect(job('Lena Hartmann\n• 2nd\nHead of Research at Quillstone')).toEqual(['Lena Hartmann', 'Head of Research', 'Quillstone']);
    expect(job('Lena HartmannView Lena Hartmann’s profile • 3rd+\nHead of Research at Quillstone')).toEqual(['Lena Hartmann', 'Head of Research', 'Quillstone']);
    // A title that begins like a degree is a title.
    expect(job('Sam Lee\n2nd Line Support\nAcme\nsam@acme.example')).toEqual(['Sam Lee', '2nd Line Support', 'Acme']);
  });

  it('does not take an Outlook picture placeholder for an address', () => {
    const block = 'Grace Mbeki\nPartnerships Lead\nFabrikam\n[cid:image001.png@01DA2B3C.4D5E6F70]\ngrace.mbeki@fabrikam.example';
    expect(people(block).map((p) => [p.name, p.company, p.emails])).toEqual([['Grace Mbeki', 'Fabrikam', ['grace.mbeki@fabrikam.example']]]);
  });

  it('takes neither a website nor a place for the company, and keeps the place as the location', () => {
    for (const site of ['w: tombecker.design', 'Web: https://tombecker.design', 'Website: tombecker.design', 'www.tombecker.design']) {
      expect(job(`Tom Becker\nFreelance UX Designer\n${site}\ntom@tombecker.example`), site).toEqual(['Tom Becker', 'Freelance UX Designer', undefined]);
    }
    expect(people('Maya Chen\nIllustrator\nBerlin, Germany\nmaya@mayachen.example')[0]).toMatchObject({ name: 'Maya Chen', title: 'Illustrator', location: 'Berlin, Germany' });
    expect(people('Maya Chen\nIllustrator\nBerlin, Germany\nmaya@mayachen.example')[0]).not.toHaveProperty('company');
    expect(people('Jane Doe\nCTO\nAcme\nParis, Île-de-France, France\njane@acme.example')[0]).toMatchObject({ company: 'Acme', location: 'Paris, Île-de-France, France' });
    // A company with its legal form is a company, comma or not.
    expect(job('Jane Doe\nCTO\nAcme, Inc.\njane@acme.example')).toEqual(['Jane Doe', 'CTO', 'Acme, Inc.']);
    expect(job('Jane Doe\nCTO\nAcme GmbH, Berlin\njane@acme.example')).toEqual(['Jane Doe', 'CTO', 'Acme GmbH, Berlin']);
  });

  it('does not take a mail app’s footer for a name', () => {
    expect(people('Sent from my iPhone')).toEqual([]);
    expect(job('Jane Roe\nSent from my iPhone\njane.roe@x.example')).toEqual(['Jane Roe', undefined, undefined]);
    expect(people('Ana Souza\nana@souza.example\n\nGet Outlook for iOS')[0]).toMatchObject({ name: 'Ana Souza' });
  });

  it('reads "Name, title at company" on one line', () => {
    expect(people('Lena Hartmann, Head of Research at Quayside Bio\nlena@quayside.example')[0]).toMatchObject({
      name: 'Lena Hartmann',
      title: 'Head of Research',
      company: 'Quayside Bio',
      emails: ['lena@quayside.example'],
    });
    expect(people('Lena Hartmann, Head of Research\nlena@quayside.example')[0]).toMatchObject({ name: 'Lena Hartmann', title: 'Head of Research' });
    // Not a name and a title: prose, and a name written last name first.
    expect(people('Great meeting you, Hope to talk soon\nlena@quayside.example')[0]).toMatchObject({ name: 'lena@quayside.example' });
    expect(people('Doe, John\njohn@acme.example')[0]).not.toHaveProperty('title');
    expect(people('Jane Doe, PhD\njane@acme.example')[0]).toMatchObject({ name: 'Jane Doe' });
    expect(people('Ellen van Dijk, Partner at Brightwater\nellen@brightwater.example')[0]).toMatchObject({ name: 'Ellen van Dijk', title: 'Partner', company: 'Brightwater' });
  });

  it('reads the title and company below a name with post-nominals, without them in the name', () => {
    expect(job('Sam Lee, CFA\nPortfolio Manager\nHarbor Capital\nsam.lee@harbor.example')).toEqual(['Sam Lee', 'Portfolio Manager', 'Harbor Capital']);
    expect(job('Dana Kim, PMP\nProgram Manager | Acme\ndana@acme.example')).toEqual(['Dana Kim', 'Program Manager', 'Acme']);
    expect(job('Jane Doe, PhD, PMP\nDirector\nAcme\njane@acme.example')).toEqual(['Jane Doe', 'Director', 'Acme']);
    expect(job('Ravi Shah, M.B.A., CISSP\nSecurity Lead\nNorthwind\nravi@northwind.example')).toEqual(['Ravi Shah', 'Security Lead', 'Northwind']);
    expect(job('Ana Ruiz, MSc, Head of Data at Quayside Bio\nana@quayside.example')).toEqual(['Ana Ruiz', 'Head of Data', 'Quayside Bio']);
    // A generation tells people apart and stays; a job's acronym is the job.
    expect(job('Sam Lee, Jr., CFA\nAnalyst\nHarbor Capital\nsam@harbor.example')).toEqual(['Sam Lee, Jr.', 'Analyst', 'Harbor Capital']);
    expect(job('Jane Doe, CEO\nAcme\njane@acme.example')).toEqual(['Jane Doe', 'CEO', 'Acme']);
  });

  it('reads a company after the name when it is the organisation of their address, not a credential or a title', () => {
    expect(job('Jane Doe, IBM\njane.doe@ibm.com')).toEqual(['Jane Doe', undefined, 'IBM']);
    expect(job('Jane Doe, PhD, IBM\njane.doe@us.ibm.com')).toEqual(['Jane Doe', undefined, 'IBM']);
    expect(job('Sam Lee, Harbor Capital LLC\nPortfolio Manager\n1 Harbor Way, Boston\nsam@harbor-capital.example')).toEqual([
      'Sam Lee',
      'Portfolio Manager',
      'Harbor Capital LLC',
    ]);
    // With no address of theirs to tell, an acronym after the name is a credential, and left off.
    expect(job('Jane Doe, IBM\njane.doe@mail.example')).toEqual(['Jane Doe', undefined, undefined]);
  });

  it('reads Spanish "en" as at a company, unless a company follows on its own line', () => {
    expect(job('Lucía Gómez\nEspecialista en Marketing Digital\nAcme Corp\nlucia@acme.example')).toEqual(['Lucía Gómez', 'Especialista en Marketing Digital', 'Acme Corp']);
    expect(job('Lucía Gómez\nIngeniera en Acme\nlucia@acme.example')).toEqual(['Lucía Gómez', 'Ingeniera', 'Acme']);
  });

  it('reads a name with pronouns beside it, in parentheses, after a comma or between bars', () => {
    expect(job('Jane Doe (she/her)\nHead of Research\nQuayside Bio\njane@quayside.example')).toEqual(['Jane Doe', 'Head of Research', 'Quayside Bio']);
    expect(job('Jane Doe | she/her\nDirector | Acme\njane@acme.example')).toEqual(['Jane Doe', 'Director', 'Acme']);
    expect(job('Jane Doe, she/her\nDirector\nAcme\njane@acme.example')).toEqual(['Jane Doe', 'Director', 'Acme']);
    expect(job('Jonas Berg hen/hen/han\nProduktchef\nNorrsken\njonas@norrsken.example')).toEqual(['Jonas Berg', 'Produktchef', 'Norrsken']);
    expect(people('Jane Doe (She/Her) <jane@acme.example>')[0]).toMatchObject({ name: 'Jane Doe', emails: ['jane@acme.example'] });
    // A slash between other words is not a pronoun.
    expect(job('Léa Martin\nDesigner UX/UI\nAtelier Nord\nlea@nord.example')).toEqual(['Léa Martin', 'Designer UX/UI', 'Atelier Nord']);
  });

  it('reads the company below a team’s line by their address’s domain', () => {
    expect(job('Dana Whitaker\nSenior Recruiter\nTalent Acquisition\nAcme Corporation\ndana@acme.example')).toEqual(['Dana Whitaker', 'Senior Recruiter', 'Acme Corporation']);
    // A company whose domain spells out its legal form.
    expect(job('Jane Doe\nEditor, Fast Company\njane@fastcompany.example')).toEqual(['Jane Doe', 'Editor', 'Fast Company']);
    // Without a domain to go by, the line below the title is the company.
    expect(job('Dana Whitaker\nSenior Recruiter\nAcme Corporation\ndana@gmail.example')).toEqual(['Dana Whitaker', 'Senior Recruiter', 'Acme Corporation']);
  });

  it('splits "title, company" where the company is the one of their address, and only there', () => {
    const titleAndCompany = (text: string) => {
      const [person] = people(text);
      return { title: person.title, company: person.company };
    };
    expect(titleAndCompany('Jane Roe\nHead of Operations, Northwind\njane@northwind.example')).toEqual({ title: 'Head of Operations', company: 'Northwind' });
    expect(titleAndCompany('Jane Roe\nHead of Operations, Northwind Ltd.\njane.roe@mail.northwind.co.uk')).toEqual({ title: 'Head of Operations', company: 'Northwind Ltd.' });
    expect(titleAndCompany('Lena Hartmann, Head of Research, Quayside Bio\nlena@quayside-bio.example')).toEqual({ title: 'Head of Research', company: 'Quayside Bio' });
    expect(titleAndCompany('Zoë Brandt\nLeiterin Vertrieb, Müller\nzoe@muller.example')).toEqual({ title: 'Leiterin Vertrieb', company: 'Müller' });
    // A comma inside a title, or a company that is not their address's, stays as written.
    expect(titleAndCompany('Jane Roe\nVP, Sales\njane@northwind.example')).toEqual({ title: 'VP, Sales', company: undefined });
    expect(titleAndCompany('Jane Roe\nHead of Operations, Northwind\njane.roe@gmail.example')).toEqual({ title: 'Head of Operations, Northwind', company: undefined });
    expect(titleAndCompany('Jane Roe\nDirector, Product\njane@productboard.example')).toEqual({ title: 'Director, Product', company: undefined });
  });

  it('reads a block whose first line is "Name <address>", title and company on their own lines', () => {
    expect(people('Leo Fischer <leo@quillstone.example>\nEngineering Manager\nQuillstone\n12 Harbour Road')).toEqual([
      {
        name: 'Leo Fischer',
        title: 'Engineering Manager',
        company: 'Quillstone',
        emails: ['leo@quillstone.example'],
        phones: [],
        source: 'signature',
        fieldSources: { name: 'signature:display-name', title: 'signature:title-line', company: 'signature:company-line', emails: 'signature:address' },
      },
    ]);
  });

  it('takes no heading or sentence for a name: the address names them, and prose without one names no one', () => {
    const names = (text: string) => people(text).map((p) => p.name);
    expect(names('About the author\n\nJane Roe is a writer based in Lisbon. She covers careers.\n\nContact: jane.roe@devsummit.example')).toEqual(['Jane Roe']);
    expect(names('We are hiring!\n\nOur team is growing and we are looking for engineers.\n\nWrite to ines.berg@acme.example.')).toEqual(['Ines Berg']);
    expect(names('Office hours\nMonday to Friday\nnoor.haddad@acme.example')).toEqual(['Noor Haddad']);
    expect(names('By Jane Roe, staff writer\n\nA long paragraph of the article, many words longer than any name could be.')).toEqual([]);
    // A directory's "Doe, Jane", one with a credential, and particles are still names.
    expect(names('Doe, Jane\nStaff Writer')).toEqual(['Jane Doe']);
    expect(names('Doe, Jane A.\njane@acme.example')).toEqual(['Doe, Jane A.']);
    expect(names('Jane Doe, PhD\njane@acme.example')).toEqual(['Jane Doe']);
    expect(names('Jan in het Veld\njan@veld.example')).toEqual(['Jan in het Veld']);
  });

  it('reads one selected row of a table a cell a line, and a name in a script without capitals before an address', () => {
    expect(people('Amir Nasser\tCTO\tamir@acme.example').map((p) => [p.name, p.title])).toEqual([['Amir Nasser', 'CTO']]);
    expect(people('דנה כהן dana@cohen.example').map((p) => p.name)).toEqual(['דנה כהן']);
    expect(people('ليلى حداد leila@haddad.example').map((p) => p.name)).toEqual(['ليلى حداد']);
  });

  it('finds nobody in prose, and reads a megabyte selection cheaply', () => {
    expect(people('Let us meet on Tuesday at 3pm.')).toEqual([]);
    const started = performance.now();
    const huge = people(`Jane Doe <jane@example.com>\n${'x'.repeat(1_000_000)}`);
    expect(performance.now() - started).toBeLessThan(200);
    expect(huge.map((p) => p.name)).toEqual(['Jane Doe']);
  });
});
