import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { capturePage, extractPeople } from '@/lib/extract';
import { extractHCards } from '@/lib/extract/h-card';
import { extractJsonLd, isJson } from '@/lib/extract/json-ld';
import { mailtoAddresses, parseMailtoLink } from '@/lib/extract/mailto';
import { personName } from '@/lib/extract/person';
import { extractOpenGraph } from '@/lib/extract/open-graph';
import { loadFixture } from './load-fixture';

/** Every person the markup gives: whom the page is about first, those only listed as an organisation's last. */
const jsonLdPeople = (doc: Document) => {
  const { about, shown, listed } = extractJsonLd(doc);
  return [...about, ...shown, ...listed];
};

/** A page at `url` whose only JSON-LD block is `graph`. */
const jsonLdPage = (url: string, graph: unknown[]) =>
  new JSDOM(`<!DOCTYPE html><head><script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph })}</script></head>`, { url }).window
    .document;

describe('JSON-LD', () => {
  const { document, url } = loadFixture('json-ld.html');

  it('reads the ProfilePage subject first, with array and object values and the current employer', () => {
    const people = extractPeople(document, url);
    expect(people.map((p) => p.name)).toEqual(['Noor Haddad', 'Ilya Sorensen', 'program@summit.example.org']);
    expect(people[0]).toEqual({
      name: 'Noor Haddad',
      title: 'Principal Researcher',
      company: 'Cedar AI',
      location: 'Amman, Jordan',
      emails: ['noor@cedar.example'],
      phones: ['+962 6 555 0142'],
      // Her LinkedIn profile among her pages, rather than the summit's page about her.
      profileUrl: 'https://www.linkedin.com/in/noor-haddad-research/',
      photoUrl: 'https://summit.example.org/img/noor-haddad.jpg',
      source: 'json-ld',
      fieldSources: {
        name: 'json-ld',
        title: 'json-ld',
        company: 'json-ld',
        location: 'json-ld',
        emails: 'json-ld',
        phones: 'json-ld',
        profileUrl: 'json-ld',
        photoUrl: 'json-ld',
      },
    });
    expect(people[1]).toMatchObject({
      title: 'Principal Engineer',
      company: 'Brightwater Analytics',
      photoUrl: 'https://summit.example.org/img/ilya.jpg',
      profileUrl: 'https://summit.example.org/2025/speakers/ilya-sorensen',
    });
    expect(capturePage(document, url).expected).toBe(false);
  });

  it('skips broken blocks and reads a bare top-level Person', () => {
    const { document: page } = loadFixture('json-ld.html');
    page.head.innerHTML = `<script type="application/ld+json">{"@type":"Person","name":"Lone Person","worksFor":["First Co","Second Co"]}</script><script type="application/ld+json">{oops</script>`;
    expect(jsonLdPeople(page)).toEqual([
      { name: 'Lone Person', company: 'First Co', emails: [], source: 'json-ld', fieldSources: { name: 'json-ld', company: 'json-ld' } },
    ]);
  });

  it('reads the current employer and the title from schema.org roles, past ones skipped', () => {
    const { document: page } = loadFixture('json-ld.html');
    const person = {
      '@type': 'Person',
      name: 'Rui Costa',
      worksFor: [
        { '@type': 'EmployeeRole', roleName: 'Analyst', startDate: '2016', endDate: '2020', worksFor: { '@type': 'Organization', name: 'Old Bank' } },
        { '@type': 'schema:EmployeeRole', roleName: 'Head of Data', startDate: '2020', worksFor: { '@type': 'Organization', name: 'Tejo Labs' } },
      ],
    };
    const linkedInStyle = {
      '@type': 'Person',
      name: 'Eva Lind',
      jobTitle: 'Designer',
      worksFor: [{ '@type': 'Organization', name: 'Fjord Studio', member: { '@type': 'OrganizationRole', roleName: 'Lead', startDate: 2021 } }],
    };
    page.head.innerHTML = [person, linkedInStyle].map((p) => `<script type="application/ld+json">${JSON.stringify(p)}</script>`).join('');
    expect(jsonLdPeople(page).map(({ name, title, company }) => ({ name, title, company }))).toEqual([
      { name: 'Rui Costa', title: 'Head of Data', company: 'Tejo Labs' },
      { name: 'Eva Lind', title: 'Designer', company: 'Fjord Studio' },
    ]);
  });

  it('reads a block whatever the case of its type and with parameters, and a Person however its type is spelled', () => {
    const { document: page } = loadFixture('json-ld.html');
    page.head.innerHTML =
      '<script type="Application/LD+JSON; charset=utf-8">{"@type":"https://schema.org/Person","name":"Ana Full"}</script>' +
      '<script type="application/ld+json">{"@type":["Thing","schema:Person"],"name":"Bea Prefixed"}</script>' +
      '<script type="application/json">{"@type":"Person","name":"Not Linked Data"}</script>' +
      '<script type="application/ld+json">{"@type":"PersonalTrainer","name":"Not A Person Type"}</script>';
    expect(jsonLdPeople(page).map((person) => person.name)).toEqual(['Ana Full', 'Bea Prefixed']);
  });

  it('reads a block wrapped for old XHTML parsers in CDATA or a comment', () => {
    const { document: page } = loadFixture('json-ld.html');
    page.head.innerHTML =
      '<script type="application/ld+json">\n//<![CDATA[\n{"@type":"Person","name":"Cdata Slashes"}\n//]]>\n</script>' +
      '<script type="application/ld+json">/*<![CDATA[*/{"@type":"Person","name":"Cdata Stars"}/*]]>*/</script>' +
      '<script type="application/ld+json"><!-- {"@type":"Person","name":"In A Comment"} --></script>';
    expect(jsonLdPeople(page).map((person) => person.name)).toEqual(['Cdata Slashes', 'Cdata Stars', 'In A Comment']);
  });

  it('keeps people named by places on one page apart, and never takes the page for their link', () => {
    const url = 'https://acme.example/team/?utm_source=newsletter';
    const page = jsonLdPage(url, [
      { '@type': 'WebPage', '@id': 'https://acme.example/team/', name: 'Our team' },
      { '@type': 'Person', '@id': 'https://acme.example/team/#ana', name: 'Ana Lima', jobTitle: 'Founder' },
      { '@type': 'Person', '@id': 'https://acme.example/team/#ben', name: 'Ben Ortiz', jobTitle: 'Engineer' },
      { '@type': 'Person', '@id': 'https://acme.example/team/', name: 'Cara Page' },
      { '@type': 'Person', '@id': 'https://cora.example/', name: 'Cora Wynn' },
      { '@type': 'Person', url: '#dan', name: 'Dan Moss' },
      { '@type': 'Person', url: 'https://acme.example/team/#eve', name: 'Eve Park' },
    ]);
    expect(extractPeople(page, url).map((p) => [p.name, p.title, p.profileUrl])).toEqual([
      ['Ana Lima', 'Founder', undefined],
      ['Ben Ortiz', 'Engineer', undefined],
      ['Cara Page', undefined, undefined],
      ['Cora Wynn', undefined, 'https://cora.example/'],
      ['Dan Moss', undefined, undefined],
      ['Eve Park', undefined, undefined],
    ]);
  });

  it('keeps the people an organisation lists apart when each gives the page itself as their link', () => {
    const url = 'https://acme.example/about/team';
    const person = (name: string, email: string) => ({ '@type': 'Person', name, email, url });
    const page = jsonLdPage(url, [{ '@type': 'Organization', name: 'Acme', employee: [person('Jane Doe', 'jane@acme.example'), person('Raj Patel', 'raj@acme.example')] }]);
    expect(extractPeople(page, url).map((p) => [p.name, p.emails, p.profileUrl])).toEqual([
      ['Jane Doe', ['jane@acme.example'], undefined],
      ['Raj Patel', ['raj@acme.example'], undefined],
    ]);
  });

  it("puts a company's founder, written into every page's head, after the person the page's own markup shows", () => {
    const url = 'https://acme.example/team/anna-schmidt/';
    const organisation = JSON.stringify({ '@type': 'Organization', name: 'Acme GmbH', url: 'https://acme.example/', founder: { '@type': 'Person', name: 'Sam Founder' } });
    const head = `<title>Anna Schmidt – Acme</title><script type="application/ld+json">${organisation}</script>`;
    const pageWith = (markup: string) => new JSDOM(`<!DOCTYPE html><html><head>${head}</head><body>${markup}</body></html>`, { url }).window.document;
    const names = (markup: string) => extractPeople(pageWith(markup), url).map((person) => person.name);
    const card = '<main class="h-card"><h1 class="p-name">Anna Schmidt</h1><p class="p-job-title">Head of Design</p></main>';
    expect(names(card)).toEqual(['Anna Schmidt', 'Sam Founder']);
    const profile = pageWith('<h1>Anna Schmidt</h1>');
    profile.head.insertAdjacentHTML('beforeend', '<meta property="og:type" content="profile"><meta property="profile:first_name" content="Anna"><meta property="profile:last_name" content="Schmidt">');
    expect(extractPeople(profile, url).map((person) => person.name)).toEqual(['Anna Schmidt', 'Sam Founder']);
    // Where nothing else names anyone, the founder is still offered; and on the founder's own page, first.
    expect(names('<h1>Our story</h1>')).toEqual(['Sam Founder']);
    expect(names(`<h1>Sam Founder</h1>${card.replace('<h1 class="p-name">Anna Schmidt</h1>', '<span class="p-name">Anna Schmidt</span>')}`)).toEqual(['Sam Founder', 'Anna Schmidt']);
    // A page that says whom it is about is not overruled by a heading naming the founder (a studio named after them).
    const leasPage = JSON.stringify({ '@type': 'ProfilePage', mainEntity: { '@type': 'Person', name: 'Lea Brandt' } });
    const studio = new JSDOM(`<!DOCTYPE html><html><head>${head}<script type="application/ld+json">${leasPage}</script></head><body><h1>Sam Founder</h1></body></html>`, { url }).window.document;
    expect(extractPeople(studio, url).map((person) => person.name)).toEqual(['Lea Brandt', 'Sam Founder']);
  });

  it('reads text a site escaped for HTML as the text it stands for', () => {
    const url = 'https://press.example/people/rene-dupont';
    const page = jsonLdPage(url, [
      { '@type': 'Person', name: 'Ren&eacute; Dupont &amp; Fils', jobTitle: 'Directeur g&#233;n&#xE9;ral', worksFor: 'AT&T &foo; &#0; &bacute;' },
      { '@type': 'Person', name: '&Aring;sa &Oslash;stby-M&uuml;ller &amp;amp; &Scaron;&yuml;', address: { addressLocality: 'Z&uuml;rich' } },
    ]);
    expect(jsonLdPeople(page).map(({ name, title, company, location }) => [name, title, company, location])).toEqual([
      ['René Dupont & Fils', 'Directeur général', 'AT&T &foo; &#0; &bacute;', undefined],
      ['Åsa Østby-Müller &amp; Šÿ', undefined, undefined, 'Zürich'],
    ]);
  });

  it('reads first the person a ProfilePage names by reference, not the first Person of the graph', () => {
    const owner = { '@type': 'Person', '@id': 'https://community.example/#owner', name: 'Site Owner', url: 'https://community.example/' };
    const member = { '@type': 'Person', '@id': 'https://community.example/members/mira#person', name: 'Mira Chen', jobTitle: 'Data Engineer' };
    const url = 'https://community.example/members/mira';
    const names = (graph: unknown[]) => extractPeople(jsonLdPage(url, graph), url).map((p) => p.name);
    for (const key of ['mainEntity', 'about']) {
      expect(names([owner, member, { '@type': 'ProfilePage', '@id': url, [key]: { '@id': member['@id'] } }]), key).toEqual(['Mira Chen', 'Site Owner']);
    }
    expect(names([owner, { '@type': 'ProfilePage', '@id': `${url}#page`, mainEntity: [{ '@id': '#person' }] }, member])).toEqual(['Mira Chen', 'Site Owner']);
    // Or the person says which page is theirs.
    expect(names([owner, { ...member, mainEntityOfPage: { '@id': `${url}#webpage` } }])).toEqual(['Mira Chen', 'Site Owner']);
    expect(names([owner, { ...member, mainEntityOfPage: url }])).toEqual(['Mira Chen', 'Site Owner']);
    expect(names([owner, { ...member, mainEntityOfPage: 'https://community.example/members/other' }])).toEqual(['Site Owner', 'Mira Chen']);
  });

  it('reads first a post’s author, and of an event’s speakers the one the page’s heading names', () => {
    const owner = { '@type': ['Person', 'Organization'], '@id': 'https://blog.example/#owner', name: 'Jane Owner' };
    const guest = { '@type': 'Person', '@id': 'https://blog.example/#/schema/person/sam', name: 'Sam Guest' };
    const url = 'https://blog.example/2025/guest-post/';
    const post = { '@type': 'BlogPosting', headline: 'A guest post', author: { '@id': guest['@id'] }, publisher: { '@id': owner['@id'] } };
    expect(extractPeople(jsonLdPage(url, [owner, guest, post]), url).map((p) => p.name)).toEqual(['Sam Guest', 'Jane Owner']);

    const speakerUrl = 'https://summit.example/2025/speakers/priya-natarajan/';
    const event = {
      '@type': 'Event',
      name: 'Summit 2025',
      performer: [
        { '@type': 'Person', name: 'Keynote Kim', jobTitle: 'CTO' },
        { '@type': 'Person', name: 'Priya Natarajan', jobTitle: 'Staff Engineer' },
      ],
    };
    const page = jsonLdPage(speakerUrl, [event]);
    page.body.innerHTML = '<h1>Priya Natarajan</h1>';
    expect(extractPeople(page, speakerUrl).map((p) => p.name)).toEqual(['Priya Natarajan', 'Keynote Kim']);
    // The heading and the data may each write the name with what people write around it.
    page.body.innerHTML = '<h1>Dr. Priya  Natarajan, PhD</h1>';
    expect(extractPeople(page, speakerUrl).map((p) => p.name)).toEqual(['Priya Natarajan', 'Keynote Kim']);
  });

  it('takes a site’s home for the person’s link only where its name is theirs: a blog’s or an employer’s is everyone’s there', () => {
    const url = 'https://acme.example/blog/scaling-our-team/';
    const links = (author: Record<string, unknown>) =>
      extractPeople(jsonLdPage(url, [{ '@type': 'BlogPosting', author: { '@type': 'Person', ...author } }]), url).map((p) => p.profileUrl);
    expect(links({ name: 'Jane Okoro', url: 'https://acme.example/' })).toEqual([undefined]);
    expect(links({ name: 'Bob Tanaka', url: 'https://northwind.example' })).toEqual([undefined]);
    expect(links({ name: 'Jane Okoro', url: 'https://janeokoro.dev/' })).toEqual(['https://janeokoro.dev/']);
    expect(links({ name: 'Jane Okoro', url: 'https://acme.example/team/jane' })).toEqual(['https://acme.example/team/jane']);
    // A name with accents or a hyphen, or two letters, is found in its host; a home is its owner's on itself.
    expect(links({ name: 'José Müller', url: 'https://josemuller.dev/' })).toEqual(['https://josemuller.dev/']);
    expect(links({ name: 'Anne-Marie Lo', url: 'https://annemarie.dev/' })).toEqual(['https://annemarie.dev/']);
    expect(links({ name: 'Yi Wu', url: 'https://yiwu.me/' })).toEqual(['https://yiwu.me/']);
    const home = 'https://adactio.com/';
    const owner = extractPeople(jsonLdPage(home, [{ '@type': 'Person', name: 'Jeremy Keith', url: home }]), home);
    expect(owner.map((p) => p.profileUrl)).toEqual([home]);
  });

  it('keeps a region written as a code, and leaves out a country code', () => {
    const url = 'https://example.org/people/ana';
    const place = (address: Record<string, string>) =>
      extractPeople(jsonLdPage(url, [{ '@type': 'Person', name: 'Ana Ruiz', address: { '@type': 'PostalAddress', ...address } }]), url)[0].location;
    expect(place({ addressLocality: 'Austin', addressRegion: 'TX', addressCountry: 'US' })).toBe('Austin, TX');
    expect(place({ addressLocality: 'Lisbon', addressCountry: 'PT' })).toBe('Lisbon');
    expect(place({ addressLocality: 'Lisbon', addressCountry: 'Portugal' })).toBe('Lisbon, Portugal');
    expect(place({ addressLocality: 'Berlin', addressRegion: 'BE', addressCountry: 'DE' })).toBe('Berlin');
    expect(place({ addressLocality: 'Singapore', addressCountry: 'SG' })).toBe('Singapore');
  });

  it('skips a broken block without making JSON.parse throw', () => {
    // The fixture's last block has a trailing comma, as real pages' JSON-LD often does.
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(jsonLdPeople(document).length).toBeGreaterThan(0);
      expect(parse).toHaveBeenCalled();
      expect(parse.mock.results.every((result) => result.type === 'return')).toBe(true);
    } finally {
      parse.mockRestore();
    }
  });

  it('takes a LinkedIn profile among the person’s other pages for their link, as Kith knows most people by it', () => {
    const url = 'https://conf.example/speakers/sara-lind';
    const sara = { '@type': 'Person', name: 'Sara Lind', url: 'https://saralind.example/', sameAs: ['https://github.com/saralind', 'https://se.linkedin.com/in/SaraLind?trk=x'] };
    expect(extractPeople(jsonLdPage(url, [sara]), url).map((p) => p.profileUrl)).toEqual(['https://www.linkedin.com/in/saralind/']);
    const { sameAs: _, ...withoutProfile } = sara;
    expect(extractPeople(jsonLdPage(url, [withoutProfile]), url).map((p) => p.profileUrl)).toEqual(['https://saralind.example/']);
  });

  it('reads a post’s author given by name alone, but not a newsroom’s name', () => {
    const url = 'https://news.example/2025/03/story';
    const authorsOf = (author: unknown) => jsonLdPeople(jsonLdPage(url, [{ '@type': 'NewsArticle', headline: 'A story', author }])).map((p) => p.name);
    expect(authorsOf('Jane Roe')).toEqual(['Jane Roe']);
    expect(authorsOf(['Jane Roe', 'Bo Lind'])).toEqual(['Jane Roe', 'Bo Lind']);
    for (const author of ['Reuters Staff', 'The Editors', 'editorial team', 'Acme Media Group', 'Admin']) expect(authorsOf(author), author).toEqual([]);
  });

  it('reads the person of a block after a large one about something else: a schedule of a thousand sessions', () => {
    const url = 'https://devconf.example.org/speakers/maria-garcia';
    const sessions = Array.from({ length: 1000 }, (_, i) => ({ '@type': 'Event', name: `Session ${i}`, startDate: '2025-06-01T09:00', location: { '@type': 'Place', name: `Room ${i % 5}` } }));
    const block = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
    const page = new JSDOM(
      block({ '@context': 'https://schema.org', '@type': 'Event', name: 'DevConf 2025', subEvent: sessions }) +
        block({ '@context': 'https://schema.org', '@type': 'ProfilePage', mainEntity: { '@type': 'Person', name: 'Maria Garcia', jobTitle: 'VP Engineering' } }),
      { url },
    ).window.document;
    expect(jsonLdPeople(page).map((p) => [p.name, p.title])).toEqual([['Maria Garcia', 'VP Engineering']]);
  });
});

describe('isJson', () => {
  const parses = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it('accepts exactly what JSON.parse accepts', () => {
    const samples = [
      '{}', '[]', ' {"a": [1, -2.5e+3, 0.5E-1, true, false, null, "\\u00e9\\n\\/"]}\n', '"only"', '7',
      '{"a":1,}', '[1,]', '{"a" 1}', '{"a":}', '{a:1}', "{'a':1}", '01', '1.', '.5', '-', '+1', '"\u0001"', '"\\x"',
      '', ' ', '{"a":1}}', '[[]', 'nul', 'truex', '{,}', '[,1]', '[1 2]', '{"a":1 "b":2}', '\uFEFF{}', '/* c */ {}',
    ];
    for (const text of samples) expect(isJson(text), text).toBe(parses(text));
  });

  it('agrees with JSON.parse on any JSON, and on it broken by one character', () => {
    fc.assert(fc.property(fc.json(), (text) => isJson(text)));
    const breaking = fc.constantFrom(...'{}[],:"\\ 0a-.eE\u0000');
    fc.assert(
      fc.property(fc.json(), fc.nat(), breaking, fc.boolean(), (json, at, char, insert) => {
        const i = at % (json.length + 1);
        const text = insert ? json.slice(0, i) + char + json.slice(i) : json.slice(0, i) + json.slice(i + 1);
        return isJson(text) === parses(text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('h-card and hCard', () => {
  const { document, url } = loadFixture('h-card.html');

  it('reads the owner card without its nested organisation card, then other cards in order, but no commenter’s', () => {
    const people = extractPeople(document, url);
    expect(people.map((p) => p.name)).toEqual(['Mina Okafor', 'Lena Park']);
    // The post's author, read first, is the owner: one person, her name and link as the author's card gives them.
    expect(people[0]).toEqual({
      name: 'Mina Okafor',
      title: 'Data Journalist',
      company: 'Ledger News',
      location: 'Lagos, Nigeria',
      emails: ['mina@mina-okafor.example'],
      phones: ['+234 1 555 0199'],
      profileUrl: 'https://mina-okafor.example/',
      photoUrl: 'https://mina-okafor.example/images/mina.jpg',
      source: 'h-card',
      fieldSources: {
        name: 'h-card:implied',
        title: 'h-card:p-job-title',
        company: 'h-card:p-org',
        location: 'h-card:p-locality',
        emails: 'h-card:u-email',
        phones: 'h-card:p-tel',
        profileUrl: 'h-card:implied',
        photoUrl: 'h-card:u-photo',
      },
    });
    expect(people[1]).toMatchObject({
      title: 'Cartographer',
      company: 'Northpoint Maps',
      location: 'Seoul',
      emails: ['lena@northpoint.example'],
      profileUrl: 'https://lena-park.example/',
      fieldSources: { name: 'hcard:fn', title: 'hcard:title' },
    });
  });

  it('resolves relative links and photos against the page, as a personal site writes its own card', () => {
    const { document: page } = loadFixture('h-card.html');
    page.body.innerHTML = `<a class="h-card" href="/"><img class="u-photo" src="me.jpg" alt="">Mina Okafor</a>
      <div class="h-card"><a class="p-name u-url" href="/about/">Theo Grant</a><span class="u-url">not a link</span></div>`;
    expect(extractHCards(page).map((p) => [p.name, p.profileUrl, p.photoUrl])).toEqual([
      ['Mina Okafor', 'https://mina-okafor.example/', 'https://mina-okafor.example/me.jpg'],
      ['Theo Grant', 'https://mina-okafor.example/about/', undefined],
    ]);
  });

  it('reads an email link as a mailto link: any case, encoded, several addresses, a subject', () => {
    const { document: page } = loadFixture('h-card.html');
    page.body.innerHTML = `<div class="h-card"><span class="p-name">Jane Roe</span>
        <a class="u-email" href="MAILTO:jane%2Broe@roe.example,desk@roe.example?subject=Hi">write to me</a></div>
      <div class="h-card"><span class="p-name">Bo Lee</span><a class="u-email" href="/contact">bo@lee.example</a></div>`;
    expect(extractHCards(page).map((p) => [p.name, p.emails])).toEqual([
      ['Jane Roe', ['jane+roe@roe.example']],
      ['Bo Lee', ['bo@lee.example']],
    ]);
  });

  it('keeps the people of a team page apart when their cards link to places on the page', () => {
    const { document: page } = loadFixture('h-card.html');
    page.body.innerHTML = `<div class="h-card"><a class="p-name u-url" href="#jane">Jane Roe</a></div>
      <div class="h-card"><a class="p-name u-url" href="#bo">Bo Lee</a></div>`;
    expect(extractPeople(page, page.URL).map((p) => [p.name, p.profileUrl])).toEqual([
      ['Jane Roe', undefined],
      ['Bo Lee', undefined],
    ]);
  });

  it('keeps the people of a team page apart when their cards link to the page by its path and a place on it', () => {
    const url = 'https://acme.example/about/team';
    const page = new JSDOM(
      `<div class="h-card"><a class="p-name u-url" href="/about/team#jane">Jane Doe</a><a class="u-email" href="mailto:jane@acme.example">Email</a></div>
       <div class="h-card"><a class="p-name u-url" href="/about/team#raj">Raj Patel</a><a class="u-email" href="mailto:raj@acme.example">Email</a></div>
       <div class="h-card"><a class="p-name u-url" href="https://lena.example/">Lena Kim</a></div>`,
      { url },
    ).window.document;
    expect(extractPeople(page, url).map((p) => [p.name, p.emails, p.profileUrl])).toEqual([
      ['Jane Doe', ['jane@acme.example'], undefined],
      ['Raj Patel', ['raj@acme.example'], undefined],
      ['Lena Kim', [], 'https://lena.example/'],
    ]);
  });

  it('keeps the people of a team page apart when every card gives the office’s address, and gives it to none of them', () => {
    const url = 'https://lumen.example/team';
    const card = (name: string, title: string) =>
      `<div class="h-card"><h3 class="p-name">${name}</h3><p class="p-job-title">${title}</p><a class="u-email" href="mailto:studio@lumen.example">studio@lumen.example</a></div>`;
    const page = new JSDOM(`<main>${card('Ana Souza', 'Managing Partner')}${card('Ben Carter', 'Project Architect')}</main>`, { url }).window.document;
    const people = extractPeople(page, url).map((p) => [p.name, p.title, p.emails]);
    expect(people.slice(0, 2)).toEqual([
      ['Ana Souza', 'Managing Partner', []],
      ['Ben Carter', 'Project Architect', []],
    ]);
    // One person written two ways keeps the address, and is one.
    const twice = new JSDOM(`<main>${card('Ana Souza', 'Managing Partner')}${card('Souza, Ana', 'Partner')}${card('Ána M. Souza', 'Partner')}</main>`, { url }).window.document;
    expect(extractPeople(twice, url).map((p) => [p.name, p.emails])).toEqual([['Ana Souza', ['studio@lumen.example']]]);
  });

  it('names a card by its text only when nothing in it is a text property or another card', () => {
    const { document: page } = loadFixture('h-card.html');
    page.body.innerHTML = `<div class="h-card">Ada Example <span class="p-note">writes about maps</span></div>
      <div class="h-card">Outer text <span class="h-card">Inner Person</span></div>`;
    expect(extractHCards(page).map((p) => p.name)).toEqual(['Inner Person']);
  });

  it('reads first the author of a guest’s post, not the blog’s owner whose card heads the page', () => {
    const page = new JSDOM(
      `<header><div class="h-card"><a class="p-name u-url" href="https://jane.example/">Jane Doe</a></div></header>
       <article class="h-entry"><h1 class="p-name">Notes from a guest</h1><a class="p-author h-card" href="https://markwu.example/">Mark Wu</a></article>`,
      { url: 'https://jane.example/2025/guest-post' },
    ).window.document;
    expect(extractHCards(page).map((p) => p.name)).toEqual(['Mark Wu', 'Jane Doe']);
    // The author of a post it replies to is no author of the page.
    const reply = new JSDOM(
      `<header><div class="h-card"><a class="p-name u-url" href="https://jane.example/">Jane Doe</a></div></header>
       <article class="h-entry"><div class="u-in-reply-to h-cite">In reply to <a class="p-author h-card" href="https://rafael.example/">Rafael Roe</a></div>
       <p class="e-content">I disagree.</p><a class="p-author h-card" href="https://jane.example/">Jane Doe</a></article>`,
      { url: 'https://jane.example/2025/reply' },
    ).window.document;
    expect(extractHCards(reply).map((p) => p.name)[0]).toBe('Jane Doe');
    // Comments marked up as posts of their own leave the page one post.
    page.querySelector('article')!.insertAdjacentHTML('beforeend', '<section class="comments"><div class="h-entry"><a class="p-author h-card" href="https://bo.example/">Bo Lind</a></div></section>');
    expect(extractHCards(page).map((p) => p.name)).toEqual(['Mark Wu', 'Jane Doe']);
  });

  it('reads first the author microdata gives a post, before a person the site’s JSON-LD shows on every page', () => {
    const url = 'https://jane.example/2025/guest-post';
    const page = new JSDOM(
      `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"Jane Doe","url":"https://jane.example/"}</script>
       <article itemscope itemtype="https://schema.org/BlogPosting"><h1 itemprop="headline">Notes from a guest</h1>
       <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Mark Wu</span></span></article>`,
      { url },
    ).window.document;
    expect(extractPeople(page, url).map((p) => p.name)).toEqual(['Mark Wu', 'Jane Doe']);
  });

  it('takes no commenter and no organisation’s card for a person', () => {
    const { document: page } = loadFixture('h-card.html');
    page.body.innerHTML = `<article><p class="byline">By Ada Example</p>
      <ol class="commentlist"><li class="comment"><div class="comment-author vcard"><img class="avatar photo" src="https://secure.gravatar.com/avatar/abc"><cite class="fn">Bob Commenter</cite> says:</div></li></ol>
      <div class="h-entry"><div class="p-comment h-cite"><a class="p-author h-card" href="https://carol.example/">Carol Reply</a></div></div></article>
      <footer><div class="h-card"><span class="p-name p-org">Acme Consulting Ltd</span> <a class="u-email" href="mailto:hello@acme.example">hello@acme.example</a></div>
      <div class="h-card p-name p-org">Northwind Ltd</div></footer>`;
    expect(extractHCards(page)).toEqual([]);
    // A person whose employer is a card of its own, named as an organisation, is still a person.
    page.body.innerHTML = `<div class="h-card"><a class="p-name u-url" href="https://janedoe.example/about">Jane Doe</a>, <span class="p-job-title">CTO</span> at
      <span class="p-org h-card"><a class="p-name p-org u-url" href="https://acme.example">Acme</a></span></div>`;
    expect(extractHCards(page).map((p) => [p.name, p.title, p.company])).toEqual([['Jane Doe', 'CTO', 'Acme']]);
  });

  it('finds nobody, without throwing, on a page whose address is not a web address', () => {
    const { document: page } = loadFixture('h-card.html');
    expect(extractPeople(page, 'file:///home/me/card.html')).toEqual([]);
    expect(extractPeople(page, 'about:blank')).toEqual([]);
  });

  it('names a card by its only picture’s alt text, or by a given and a family name', () => {
    const { document: page } = loadFixture('h-card.html');
    page.body.innerHTML = `<a class="h-card" href="https://jane.example/"><img src="/jane.jpg" alt="Jane Roe"></a>
      <div class="h-card"><span class="p-given-name">Bo</span> <span class="p-family-name">Lee</span><span class="p-org">Acme</span></div>
      <div class="vcard"><span class="n"><span class="given-name">Cy</span> <span class="family-name">Old</span></span></div>`;
    expect(extractPeople(page, page.URL).map((p) => [p.name, p.fieldSources.name])).toEqual([
      ['Jane Roe', 'h-card:implied'],
      ['Bo Lee', 'h-card:p-given-name'],
      ['Cy Old', 'hcard:given-name'],
    ]);
  });

  it('does not take a nested card property as the outer card’s own', () => {
    const { document: page } = loadFixture('h-card.html');
    page.body.innerHTML = `<div class="h-card"><span class="p-name">Outer</span><div class="p-org h-card"><span class="p-name">Org Inc</span><span class="p-job-title">not outer</span></div></div>`;
    expect(extractHCards(page)).toEqual([
      { name: 'Outer', company: 'Org Inc', emails: [], source: 'h-card', fieldSources: { name: 'h-card:p-name', company: 'h-card:p-org' } },
    ]);
  });
});

describe('names', () => {
  it('are kept without an honorific, credentials, pronouns or emoji, from any markup', () => {
    const { document: page } = loadFixture('h-card.html');
    page.body.innerHTML = '<a class="h-card" href="/"><img src="/me.jpg" alt="">Dr. Jane Doe-Ålander, PhD (she/her)</a>';
    expect(extractHCards(page).map((p) => p.name)).toEqual(['Jane Doe-Ålander']);
  });

  it('are left in the order written when a comma could part a surname or a job: "Jane, Founder" is no "Founder Jane"', () => {
    expect(personName('Jane, Founder')).toBe('Jane, Founder');
    expect(personName('Sam Lee, Jr.')).toBe('Sam Lee, Jr.');
  });

  it('keep what tells people apart or is all there is: a generation, an honorific before one word', () => {
    expect(personName('Sam Lee, Jr., CFA')).toBe('Sam Lee, Jr.');
    expect(personName('Ravi Shah, M.B.A., CISSP 👋🏽')).toBe('Ravi Shah');
    expect(personName('Prof Ada Lovelace ✨')).toBe('Ada Lovelace');
    // Emoji made of several, joined: a person at a laptop, a flag, a region's flag.
    for (const emoji of ['👩‍💻', '🏳️‍🌈', '🏴󠁧󠁢󠁳󠁣󠁴󠁿']) expect(personName(`Ada Quinlan ${emoji}`), emoji).toBe('Ada Quinlan');
    // Credentials with a trademark sign or a dot after three letters; honorifics one after another; emoji before.
    expect(personName('Kenji Morales, CFP®')).toBe('Kenji Morales');
    expect(personName('Kenji Morales, MBA, PMP®')).toBe('Kenji Morales');
    expect(personName('Amir Haddad, P.Eng.')).toBe('Amir Haddad');
    expect(personName('Van Dyke, Ann')).toBe('Van Dyke, Ann');
    expect(personName('Au Yeung, Ka-Yi')).toBe('Au Yeung, Ka-Yi');
    expect(personName('Prof. Dr. Hans Müller')).toBe('Hans Müller');
    expect(personName('🚀 Ana Silva')).toBe('Ana Silva');
    expect(personName('Dr. Smith')).toBe('Dr. Smith');
    expect(personName('Doe, CTO')).toBe('Doe, CTO');
    expect(personName('Ellen van Dijk, Partner')).toBe('Ellen van Dijk, Partner');
    expect(personName('Lee, BJ')).toBe('Lee, BJ');
  });

  it('are read in time however long the text', () => {
    const start = performance.now();
    personName(`${'🚀'.repeat(5000)}a 🚀`);
    personName(`${'a, '.repeat(5000)}b, C`);
    expect(performance.now() - start).toBeLessThan(25);
  });
});

describe('relative links in metadata', () => {
  it('are resolved against the page in JSON-LD and Open Graph', () => {
    const { document: page } = loadFixture('open-graph.html');
    for (const el of page.querySelectorAll('script[type="application/ld+json"], meta[property^="og:"]')) el.remove();
    page.head.insertAdjacentHTML(
      'beforeend',
      `<script type="application/ld+json">{"@type":"Person","name":"Ada Relative","url":"/people/ada","image":"ada.png"}</script>
       <meta property="og:type" content="profile"><meta property="og:title" content="Ada Relative"><meta property="og:url" content="/people/ada"><meta property="og:image" content="/img/ada.png">`,
    );
    const base = new URL(page.baseURI);
    expect(jsonLdPeople(page)[0]).toMatchObject({ profileUrl: new URL('/people/ada', base).href, photoUrl: new URL('ada.png', base).href });
    expect(extractOpenGraph(page)[0]).toMatchObject({ profileUrl: new URL('/people/ada', base).href, photoUrl: new URL('/img/ada.png', base).href });
  });

  it('never take a JSON-LD node name (`@id`) on the page for the person\'s link', () => {
    const { document: page } = loadFixture('open-graph.html');
    for (const el of page.querySelectorAll('script[type="application/ld+json"], meta[property^="og:"]')) el.remove();
    page.head.insertAdjacentHTML(
      'beforeend',
      `<script type="application/ld+json">{"@type":"Article","author":[{"@type":"Person","@id":"#a1","name":"Ann One"},{"@type":"Person","@id":"#a2","name":"Bo Two"}]}</script>`,
    );
    expect(jsonLdPeople(page).map((p) => [p.name, p.profileUrl])).toEqual([
      ['Ann One', undefined],
      ['Bo Two', undefined],
    ]);
  });
});

describe('Open Graph profile', () => {
  const { document, url } = loadFixture('open-graph.html');

  it('names the person from first and last name, whichever attribute spells them', () => {
    expect(extractPeople(document, url)).toEqual([
      {
        name: 'Jonah Reyes',
        emails: [],
        phones: [],
        profileUrl: 'https://people.example.org/profiles/jonah-reyes',
        photoUrl: 'https://people.example.org/avatars/jonah-reyes-400.png',
        source: 'open-graph',
        fieldSources: { name: 'profile:first_name', profileUrl: 'og:url', photoUrl: 'og:image' },
      },
    ]);
  });

  it('names the person without the handle a social profile puts after the name', () => {
    const page = new JSDOM(
      '<head><meta property="og:type" content="profile"><meta property="og:title" content="Eugen Rochko (@Gargron@mastodon.social)"></head>',
      { url: 'https://mastodon.social/@Gargron' },
    ).window.document;
    expect(extractOpenGraph(page).map((p) => p.name)).toEqual(['Eugen Rochko']);
  });

  it('reads nothing from a page that is not a profile', () => {
    const { document: article } = loadFixture('open-graph.html');
    article.querySelectorAll('meta[name^="profile:"]').forEach((m) => m.remove());
    article.querySelector('meta[property="og:type"]')!.setAttribute('content', 'article');
    expect(extractOpenGraph(article)).toEqual([]);
  });
});

describe('mailto links', () => {
  const { document, url } = loadFixture('mailto.html');

  it('reads every address once, names from link text only when it reads as a name', () => {
    expect(extractPeople(document, url).map((p) => [p.name, p.emails, p.fieldSources.name])).toEqual([
      ['Farah Nasser', ['farah.nasser@studio-lumo.example'], 'mailto:link-text'],
      ['Owen Price', ['owen.price@studio-lumo.example'], 'mailto:address'],
      ['kai+work@studio-lumo.example', ['kai+work@studio-lumo.example'], 'mailto:address'],
      ['hello@studio-lumo.example', ['hello@studio-lumo.example'], 'mailto:address'],
    ]);
  });

  it('reads a desk’s address after a person’s, and a site’s bars and footers of <div>s as its chrome', () => {
    const url = 'https://www.cs.uni.example.ac.uk/people/staff/jsmith/';
    const page = new JSDOM(
      `<div id="top-bar"><a href="mailto:enquiries@cs.uni.example.ac.uk">enquiries@cs.uni.example.ac.uk</a></div>
       <div id="content"><a href="mailto:info@cs.uni.example.ac.uk">Department office</a><h1>Professor Jane Smith</h1>
         <a href="mailto:jane.smith@uni.example.ac.uk">jane.smith@uni.example.ac.uk</a></div>
       <div id="footer"><a href="mailto:webmaster@cs.uni.example.ac.uk">Webmaster</a></div>`,
      { url },
    ).window.document;
    expect(extractPeople(page, url).map((p) => p.emails[0])).toEqual([
      'jane.smith@uni.example.ac.uk',
      'info@cs.uni.example.ac.uk',
      'enquiries@cs.uni.example.ac.uk',
      'webmaster@cs.uni.example.ac.uk',
    ]);
    // A person's own desk-like address in the page stays before the site's footer, and a link
    // that names a person is theirs.
    const site = 'https://anna-schmidt.example/';
    const own = new JSDOM(
      `<main><h1>Anna Schmidt</h1><a href="mailto:mail@anna-schmidt.example">Write to me</a> <a href="mailto:office@lawfirm.example">Dr. Anna Schmidt</a></main>
       <footer>Webdesign: <a href="mailto:max@agentur.example">Max Weber</a></footer>`,
      { url: site },
    ).window.document;
    expect(extractPeople(own, site).map((p) => p.emails[0])).toEqual(['office@lawfirm.example', 'mail@anna-schmidt.example', 'max@agentur.example']);
  });

  it('reads the links in the site’s header, navigation and footer after those in the page’s content', () => {
    const url = 'https://events.example/attendees/li-wei';
    const page = new JSDOM(
      `<header role="banner">Signed in as <a href="mailto:ava.reyes@gmail.com">Ava Reyes</a></header>
       <div role="navigation"><a href="mailto:help@events.example">Help</a></div>
       <main><h1>Li Wei</h1><a href="mailto:li.wei@globex.example">Send Li an email</a>
         <article><p>Post</p><footer>By <a href="mailto:ines@press.example">Ines Duarte</a></footer></article></main>
       <footer><a href="mailto:press@events.example">Press</a></footer>`,
      { url },
    ).window.document;
    expect(extractPeople(page, url).map((p) => p.emails[0])).toEqual([
      'li.wei@globex.example',
      'ines@press.example',
      'ava.reyes@gmail.com',
      'help@events.example',
      'press@events.example',
    ]);
  });

  it('parses one link: query and cc dropped, percent-decoded, other schemes refused', () => {
    expect(mailtoAddresses('mailto:a%40b.example?cc=c@d.example&subject=x')).toEqual(['a@b.example']);
    expect(mailtoAddresses('mailto:?to=jane%40x.example,bo@x.example&subject=Hi')).toEqual(['jane@x.example', 'bo@x.example']);
    expect(mailtoAddresses('mailto:a@x.example?TO=b@x.example&to=a@x.example&bcc=c@x.example')).toEqual(['a@x.example', 'b@x.example']);
    expect(mailtoAddresses('mailto:one@x.example,two@x.example#frag')).toEqual(['one@x.example', 'two@x.example']);
    // Outlook parts its recipients with semicolons.
    expect(mailtoAddresses('mailto:amir@x.example;bo@x.example?subject=Intro')).toEqual(['amir@x.example', 'bo@x.example']);
    expect(mailtoAddresses('javascript:alert(1)//@x.example')).toEqual([]);
    expect(mailtoAddresses('mailto:%E0%A4%A')).toEqual([]);
    expect(parseMailtoLink('mailto:jane@example.com?subject=Hi', 'Jane Doe')).toEqual([
      { name: 'Jane Doe', emails: ['jane@example.com'], source: 'mailto', fieldSources: { name: 'mailto:link-text', emails: 'mailto:href' } },
    ]);
    expect(parseMailtoLink('mailto:jane.doe@example.com', 'Contact')[0].name).toBe('Jane Doe');
  });

  it('reads a link that names its recipients as mail apps write them, "Name <address>", quoted commas included', () => {
    const people = (href: string, text = '') => parseMailtoLink(href, text).map((p) => [p.name, p.emails]);
    expect(people('mailto:Bo%20Lindqvist%20%3Cbo@lumen.example%3E?subject=Hello', 'Email Bo')).toEqual([['Bo Lindqvist', ['bo@lumen.example']]]);
    expect(people('mailto:"Roe, Rita" <rita.roe@acme.example>, sam.lee@acme.example?subject=Hi', 'Write')).toEqual([
      ['Rita Roe', ['rita.roe@acme.example']],
      ['Sam Lee', ['sam.lee@acme.example']],
    ]);
    expect(mailtoAddresses('mailto:?to=Jane%20Doe%20%3Cjane@x.example%3E,%3Cbo@x.example%3E')).toEqual(['jane@x.example', 'bo@x.example']);
    // Written as a form encodes it, a name has '+' for its spaces; a name with spaces keeps its '+'.
    expect(people('mailto:Bo+Lindqvist+%3Cbo@lumen.example%3E')).toEqual([['Bo Lindqvist', ['bo@lumen.example']]]);
    expect(people('mailto:%22C++ Guild%22 %3Cguild@lumen.example%3E')).toEqual([['C++ Guild', ['guild@lumen.example']]]);
    // A broken escape loses only its own recipient.
    expect(mailtoAddresses('mailto:ana@x.example,b%ZZ@y.example,100%@y.example')).toEqual(['ana@x.example']);
  });

  it('does not take a call to action or a desk for the name, but takes names that begin as one does', () => {
    const nameOf = (text: string) => parseMailtoLink('mailto:sam.lee@example.com', text)[0].name;
    const labels = ['Say hello 👋', 'Say hi', "Let's talk", 'Let’s talk', 'Hire me', 'Drop me a line', 'Book a call', 'Schreib mir', 'Schreiben Sie uns', 'Escríbeme', 'Contáctame', 'Nous contacter', 'Newsletter', 'Support', 'Press', 'Press inquiries', 'Inquiries'];
    for (const label of labels) expect(nameOf(label), label).toBe('Sam Lee');
    for (const name of ['Sayuri Ito', 'Fazıl Say', 'Hiren Shah', 'Booker Jones', 'Anna Schreiber', 'Elvis Presley', 'Lena Press', 'Maile Lee', 'Hereford Jones', 'Sendhil Mullainathan', 'Reacher Gray', 'Supriya Rao']) {
      expect(nameOf(name), name).toBe(name);
    }
    for (const label of ['Subscribe', 'Apply now', 'Report a bug', 'the organisers', 'Join us', 'RSVP', 'Register']) expect(nameOf(label), label).toBe('Sam Lee');
    for (const name of ["d'Arcy Lee", 'Ellen van Dijk', 'דנה כהן', 'Joiner Smith', 'Omar al-Hassan', 'Abdullah ibn Saud', 'Ana e Silva', 'danah boyd', 'Jane "JD" Doe']) {
      expect(nameOf(name), name).toBe(name);
    }
    expect(nameOf('Lena Park 🌱')).toBe('Lena Park');
    for (const label of ['Email me', 'E-mail', 'Mail us', 'Send a message', 'Support team', 'Click here', 'Sales', 'Careers', 'Info', 'Feedback', 'Media enquiries', 'Talk to us',
      'Envoyer un e-mail', 'Enviar correo', 'Envíe un mensaje', 'Mande um e-mail', 'Invia email', 'Stuur een e-mail', 'Nachricht schreiben', 'Anfrage senden', 'メールを送る', 'Correo electrónico', 'Courriel']) {
      expect(nameOf(label), label).toBe('Sam Lee');
    }
  });
});

describe('mailto links on a team page', () => {
  it('names each member by their card’s heading where the button says only "Email" and the address bears the name', () => {
    const url = 'https://acme.example/team/';
    const card = (name: string, role: string, email: string) => `<div class="member"><img src="/x.jpg" alt=""><h3>${name}</h3><p>${role}</p><a href="mailto:${email}">Email</a></div>`;
    const page = new JSDOM(
      `<main><h1>Our team</h1>${card('Anna Schmidt', 'CEO', 'a.schmidt@acme.example')}${card('Jonas Weber', 'CTO', 'jweber@acme.example')}${card('Léa Müller', 'Design', 'lea.muller@acme.example')}` +
        `${card('Office hours', 'Mon–Fri', 'office@acme.example')}${card('Kim Park', 'Sales', 'hello@acme.example')}</main>`,
      { url },
    ).window.document;
    expect(extractPeople(page, url).map((p) => [p.name, p.fieldSources?.name])).toEqual([
      ['Anna Schmidt', 'mailto:card heading'],
      ['Jonas Weber', 'mailto:card heading'],
      // An address that names its person already is read so, without looking around it.
      ['Lea Muller', 'mailto:address'],
      // A heading the address does not bear is not taken for its name.
      ['office@acme.example', 'mailto:address'],
      ['hello@acme.example', 'mailto:address'],
    ]);
    // Nor one that is someone else's with a name in common: Lisa Meyer's under Tom Meyer, Annabelle's under Anna.
    const other = new JSDOM(`<main>${card('Tom Meyer', 'Sales', 'lisa.meyer@acme.example')}${card('Anna Schmidt', 'CEO', 'annabelle.klein@acme.example')}${card('Dan Brown', 'CFO', 'jordan@acme.example')}</main>`, { url })
      .window.document;
    expect(extractPeople(other, url).map((p) => p.fieldSources?.name)).toEqual(['mailto:address', 'mailto:address', 'mailto:address']);
  });
});

describe('hostile page', () => {
  it('keeps markup as text, drops javascript: and data: URLs and bad addresses, strips bidi and zero-width characters', () => {
    const { document, url } = loadFixture('hostile.html');
    const people = extractPeople(document, url);
    expect(people.map((p) => p.name)).toEqual(['<img src=x onerror=alert(1)>Eve Mallory', '<b onmouseover=alert(1)>Trent</b> regrof', 'Mega', 'victor@evil.example']);
    expect(people[0]).toEqual({
      name: '<img src=x onerror=alert(1)>Eve Mallory',
      title: '<script>steal()</script>Red Team Lead',
      company: 'Mallory Security',
      emails: ['eve@mallory.example'],
      phones: [],
      source: 'json-ld',
      fieldSources: { name: 'json-ld', title: 'json-ld', company: 'json-ld', emails: 'json-ld' },
    });
    expect(people[1]).toEqual({
      name: '<b onmouseover=alert(1)>Trent</b> regrof',
      title: 'Bold Intruder',
      emails: [],
      phones: [],
      source: 'h-card',
      fieldSources: { name: 'h-card:p-name', title: 'h-card:p-job-title' },
    });
    expect(people.some((p) => p.name === 'Too Deep')).toBe(false);
  });

  it('caps megabyte strings cheaply', () => {
    const { document, url } = loadFixture('hostile.html');
    const megabyte = 'A'.repeat(1_000_000);
    document.querySelector('#megabyte .p-job-title')!.textContent = megabyte;
    document.querySelector('#megabyte .p-name')!.textContent = `Mega ${megabyte}`;
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = JSON.stringify({ '@type': 'Person', name: 'Huge Block', description: megabyte });
    document.head.append(script);
    const heading = document.createElement('h1');
    heading.textContent = megabyte;
    document.querySelector('main')!.prepend(heading);

    const started = performance.now();
    const people = extractPeople(document, url);
    expect(performance.now() - started).toBeLessThan(500);

    const mega = people.find((p) => p.name.startsWith('Mega'))!;
    expect(mega.name).toHaveLength(200);
    expect(mega.title).toHaveLength(300);
    expect(people.some((p) => p.name === 'Huge Block')).toBe(false);
    // The same heading read as a LinkedIn profile's name, once no metadata answers first.
    document.querySelectorAll('script').forEach((s) => s.remove());
    const [profile] = extractPeople(document, 'https://www.linkedin.com/in/mega/');
    expect(profile.fieldSources.name).toBe('main h1');
    expect(profile.name).toHaveLength(200);
  });
});
