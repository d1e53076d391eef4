// JSON-LD people whose employer the page states somewhere other than beside them, or not at all.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractJsonLd } from '@/lib/extract/json-ld';

/** Every person the markup gives: whom the page is about first, those only listed as an organisation's last. */
const jsonLdPeople = (doc: Document) => {
  const { about, shown, listed } = extractJsonLd(doc);
  return [...about, ...shown, ...listed];
};

const pageOf = (url: string, data: unknown) =>
  new JSDOM(`<!DOCTYPE html><head><script type="application/ld+json">${JSON.stringify(data)}</script></head>`, { url }).window.document;

const jobs = (url: string, data: unknown) => jsonLdPeople(pageOf(url, data)).map(({ name, title, company }) => ({ name, title, company }));

describe('a JSON-LD person’s employer', () => {
  it('is the organisation a graph refers to by @id, as Yoast and Rank Math write it', () => {
    const url = 'https://acme.example/team/jane-doe/';
    const graph = [
      { '@type': 'Organization', '@id': 'https://acme.example/#organization', name: 'Acme Robotics' },
      { '@type': 'ProfilePage', '@id': url, url, mainEntity: { '@id': 'https://acme.example/#/schema/person/jane' } },
      { '@type': 'Person', '@id': 'https://acme.example/#/schema/person/jane', name: 'Jane Doe', jobTitle: 'Head of Hardware', worksFor: [{ '@id': 'https://acme.example/#organization' }] },
    ];
    expect(jobs(url, { '@context': 'https://schema.org', '@graph': graph })).toEqual([{ name: 'Jane Doe', title: 'Head of Hardware', company: 'Acme Robotics' }]);
  });

  it('is the organisation that lists them as its employees or founders, unless they say otherwise', () => {
    const team = {
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: 'Northwind',
      employee: [
        { '@type': 'Person', name: 'Priya Natarajan', jobTitle: 'CEO' },
        { '@type': 'Person', name: 'Tom Becker', jobTitle: 'Adviser', affiliation: 'Fjord Studio' },
      ],
      founder: { '@type': 'Person', name: 'Ines Duarte' },
    };
    expect(jobs('https://northwind.example/about', team)).toEqual([
      { name: 'Priya Natarajan', title: 'CEO', company: 'Northwind' },
      { name: 'Tom Becker', title: 'Adviser', company: 'Fjord Studio' },
      { name: 'Ines Duarte', title: undefined, company: 'Northwind' },
    ]);
  });

  it('is nobody when every job listed has ended', () => {
    const person = {
      '@context': 'https://schema.org',
      '@type': 'Person',
      name: 'Ruth Okafor',
      worksFor: [
        { '@type': 'Organization', name: 'Flutterwave', member: { '@type': 'OrganizationRole', startDate: 2021, endDate: 2024 } },
        { '@type': 'Organization', name: 'Andela', member: { '@type': 'OrganizationRole', startDate: 2018, endDate: 2021 } },
      ],
    };
    expect(jobs('https://ng.linkedin.com/in/ruth-okafor', person)).toEqual([{ name: 'Ruth Okafor', title: undefined, company: undefined }]);
  });
});
