// The person an Open Graph profile is about: the name its title gives (or does not), and the
// address a link on their own site writes to.
import { JSDOM } from 'jsdom';
import { expect, it } from 'vitest';
import { extractPeople } from '@/lib/extract';
import { extractOpenGraph } from '@/lib/extract/open-graph';

const profile = (url: string, meta: Record<string, string>, body = '') =>
  new JSDOM(
    `<!DOCTYPE html><head><meta property="og:type" content="profile">${Object.entries(meta)
      .map(([property, content]) => `<meta property="${property}" content="${content}">`)
      .join('')}</head><body>${body}</body>`,
    { url },
  ).window.document;

it('reads the name before a site’s section or a handle in the title', () => {
  const nameOf = (title: string) => extractOpenGraph(profile('https://example.org/jane', { 'og:title': title }))[0]?.name;
  expect(nameOf('Jane Doe - Medium')).toBe('Jane Doe');
  expect(nameOf('Eugen Rochko (@Gargron@mastodon.social)')).toBe('Eugen Rochko');
  expect(nameOf('Jane Doe (@janedoe) / X')).toBe('Jane Doe');
  expect(nameOf('Anna-Lena Berg | Speaker')).toBe('Anna-Lena Berg');
  // Instagram's and Threads' titles: the handle, then the site after a bullet.
  expect(nameOf('Jane Doe (@janedoe) • Instagram photos and videos')).toBe('Jane Doe');
  expect(nameOf('Jane Doe (@janedoe) • Threads, Say more')).toBe('Jane Doe');
});

it('takes a title that is only the handle for no name, so the page’s own card names the person', () => {
  const url = 'https://github.com/octocat-dev';
  const page = profile(
    url,
    { 'og:title': 'octocat-dev - Overview', 'profile:username': 'octocat-dev', 'og:url': url },
    '<div class="h-card"><span class="p-name">Mona Lisa Octocat</span><span class="p-org">@github</span><a class="u-email" href="mailto:mona@octocat.dev">mona@octocat.dev</a></div>',
  );
  expect(extractOpenGraph(page)).toEqual([]);
  expect(extractPeople(page, url).map((person) => person.name)).toEqual(['Mona Lisa Octocat']);
});

it('keeps a profile’s link and picture for the person the page’s card names where the title names nobody', () => {
  const url = 'https://github.com/octocat';
  const page = profile(
    url,
    { 'og:title': 'octocat - Overview', 'profile:username': 'octocat', 'og:url': url, 'og:image': 'https://avatars.example/u/1' },
    `<div class="h-card"><span class="p-name">The Octocat</span><span class="p-nickname">octocat</span>
      <span class="p-org"><div>@github</div></span><span class="p-label">San Francisco</span>
      <a class="u-email" href="mailto:octocat@github.example">octocat@github.example</a></div>`,
  );
  expect(extractPeople(page, url)).toEqual([
    expect.objectContaining({
      name: 'The Octocat',
      company: 'github',
      location: 'San Francisco',
      emails: ['octocat@github.example'],
      profileUrl: url,
      photoUrl: 'https://avatars.example/u/1',
    }),
  ]);
});

it('gives the person of a homepage the address its “Email me” link writes to, at their own domain', () => {
  const url = 'https://tombecker.design/';
  const page = profile(url, { 'og:title': 'Tom Becker', 'og:url': url }, '<h1>Tom Becker</h1><a href="mailto:tom@tombecker.design">Email me</a><a href="mailto:hello@studio.example">Email me</a>');
  expect(extractPeople(page, url).map(({ name, emails }) => [name, emails])).toEqual([
    ['Tom Becker', ['tom@tombecker.design']],
    ['hello@studio.example', ['hello@studio.example']],
  ]);
});

it('leaves a site’s own address apart from a person on a page of that site that is not theirs alone', () => {
  const url = 'https://acme.example/team/jane-doe';
  const page = profile(url, { 'og:title': 'Jane Doe', 'og:url': url }, '<h1>Jane Doe</h1><footer><a href="mailto:info@acme.example">Email us</a></footer>');
  expect(extractPeople(page, url).map(({ name, emails }) => [name, emails])).toEqual([
    ['Jane Doe', []],
    ['info@acme.example', ['info@acme.example']],
  ]);
});
