// schema.org people marked up in microdata (lib/extract/microdata.ts), read as JSON-LD's are.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { capturePage } from '@/lib/extract/page';
import { extractMicrodata, microdataItems } from '@/lib/extract/microdata';
import { loadFixture } from './load-fixture';

/** Every person the markup gives: whom the page is about first, those only listed as an organisation's last. */
const microdataPeople = (doc: Document) => {
  const { about, shown, listed } = extractMicrodata(doc);
  return [...about, ...shown, ...listed];
};

const pageOf = (body: string, url = 'https://blog.example/2026/11/on-cryostats') => new JSDOM(`<!DOCTYPE html><body>${body}</body>`, { url }).window.document;
const PERSON = 'itemscope itemtype="https://schema.org/Person"';

describe('microdata', () => {
  it('reads the staff page: the person the heading names first, the university, the address in parts, the mailto address and the picture', () => {
    const { document, url } = loadFixture('microdata.html');
    const people = microdataPeople(document);
    expect(people[0]).toEqual({
      name: 'Kofi Mensah',
      title: 'Professor of Condensed Matter Physics',
      company: 'University of Aurora',
      location: 'Tromsø, Norway',
      emails: ['kofi.mensah@uni-aurora.example'],
      phones: ['+47 77 64 51 20'],
      profileUrl: 'https://physics.uni-aurora.example/people/kofi-mensah',
      photoUrl: 'https://physics.uni-aurora.example/sites/default/files/staff/kofi-mensah.jpg',
      source: 'microdata',
      fieldSources: {
        name: 'microdata',
        title: 'microdata',
        company: 'microdata',
        location: 'microdata',
        emails: 'microdata',
        phones: 'microdata',
        profileUrl: 'microdata',
        photoUrl: 'microdata',
      },
    });
    expect(people.map((person) => person.name)).toEqual(['Kofi Mensah', 'Amara Diallo', 'Ingrid Solberg']);
    expect(people[1].profileUrl).toBe('https://physics.uni-aurora.example/people/amara-diallo');
    // What the popup is given on such a page: the staff member first.
    expect(capturePage(document, url).people[0]).toMatchObject({ name: 'Kofi Mensah', source: 'microdata' });
  });

  it("takes a post's author as the page's subject, and the organisation listing a person as their employer", () => {
    const post = pageOf(`<header ${PERSON}><span itemprop="name">Site Owner</span></header>
      <article itemscope itemtype="https://schema.org/BlogPosting"><h1 itemprop="headline">On cryostats</h1>
        <span itemprop="author" ${PERSON}><a itemprop="url" href="/authors/lea"><span itemprop="name">Lea Brandt</span></a></span></article>`);
    expect(microdataPeople(post).map((p) => [p.name, p.profileUrl])).toEqual([
      ['Lea Brandt', 'https://blog.example/authors/lea'],
      ['Site Owner', undefined],
    ]);
    const team = pageOf(`<div itemscope itemtype="https://schema.org/Organization"><h2 itemprop="name">Fjord Studio</h2>
      <div itemprop="employee" ${PERSON}><span itemprop="name">Eva Lind</span> <span itemprop="jobTitle">Designer</span></div></div>`);
    expect(microdataPeople(team)).toMatchObject([{ name: 'Eva Lind', title: 'Designer', company: 'Fjord Studio' }]);
  });

  it('reads a value as the spec does for each element, and several values of one property', () => {
    const page = pageOf(`<div ${PERSON} itemid="https://people.example/ana">
      <meta itemprop="name" content="Ana Ruiz"><data itemprop="jobTitle" value="CTO">Chief Technology Officer</data>
      <span itemprop="email">ana@ruiz.example</span><span itemprop="email">ana.ruiz@work.example</span>
      <img itemprop="image" data-src="/ana.png" src="data:image/gif;base64,R0lGOD"></div>`);
    expect(microdataPeople(page)).toMatchObject([
      { name: 'Ana Ruiz', title: 'CTO', emails: ['ana@ruiz.example', 'ana.ruiz@work.example'], profileUrl: 'https://people.example/ana', photoUrl: 'https://blog.example/ana.png' },
    ]);
  });

  it("reads nothing but a person's own properties: a nested item keeps its own, and an article's body is not read", () => {
    const page = pageOf(`<article itemscope itemtype="https://schema.org/Article"><div itemprop="articleBody">${'Long text. '.repeat(500)}</div>
      <div itemprop="author" ${PERSON}><span itemprop="name">Bo Ek</span>
        <div itemprop="worksFor" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Ek AB</span><span itemprop="telephone">+46 8 000 00 00</span></div></div></article>`);
    const [article] = microdataItems(page);
    expect(article.articleBody).toBeUndefined();
    const [bo] = microdataPeople(page);
    expect(bo).toMatchObject({ name: 'Bo Ek', company: 'Ek AB' });
    expect(bo.phones).toBeUndefined();
  });

  it('reads a name written as a link to the person’s page by its text, as blog themes write an author', () => {
    const post = pageOf(`<article itemscope itemtype="http://schema.org/BlogPosting"><h1 itemprop="headline">春游</h1>
      <li itemprop="author" ${PERSON}><a itemprop="name" href="https://blog.example/author/1/" rel="author">王小明</a></li></article>`);
    expect(microdataPeople(post).map((p) => p.name)).toEqual(['王小明']);
  });

  it("puts reviewers and commenters after the page's own h-card or Open Graph person, and keeps a post's author or a page's main entity first whatever the heading says", () => {
    const url = 'https://mina-okafor.example/';
    const review = `<div itemscope itemtype="https://schema.org/Review"><span itemprop="author" ${PERSON}><span itemprop="name">Dana Whitlock</span></span></div>`;
    const owner = new JSDOM(`<!DOCTYPE html><body><div class="h-card"><a class="p-name u-url" href="/">Mina Okafor</a></div>${review}</body>`, { url }).window.document;
    expect(capturePage(owner, url).people.map((p) => p.name)).toEqual(['Mina Okafor', 'Dana Whitlock']);
    // A guest post on Ana's site, whose title is her name: the post is the guest's.
    const guest = pageOf(`<h1>Ana Silva</h1><div ${PERSON}><span itemprop="name">Ana Silva</span></div>
      <article itemscope itemtype="https://schema.org/BlogPosting"><span itemprop="author" ${PERSON}><span itemprop="name">Tomás Ferreira</span></span></article>`);
    expect(microdataPeople(guest).map((p) => p.name)).toEqual(['Tomás Ferreira', 'Ana Silva']);
    // A staff page names its person by parts, under a heading that is not the name.
    const staff = pageOf(`<body itemscope itemtype="http://schema.org/WebPage"><h1>Our people</h1>
      <div itemprop="mainContentOfPage" ${PERSON}><span itemprop="givenName">Kofi</span> <span itemprop="familyName">Mensah</span></div>
      <article itemscope itemtype="http://schema.org/NewsArticle"><span itemprop="author" ${PERSON}><span itemprop="name">Ingrid Solberg</span></span></article>
      <aside><div ${PERSON}><span itemprop="name">Amara Diallo</span></div></aside></body>`);
    expect(microdataPeople(staff)[0].name).toBe('Kofi Mensah');
  });

  it('costs one query on a page with no person in microdata', () => {
    const page = pageOf('<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Kettle</span></div>');
    expect(microdataItems(page)).toEqual([]);
  });
});
