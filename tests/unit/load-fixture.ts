// Fixtures say where e2e serves them in their first line (`<!-- url: … -->`); unit tests parse
// them at that URL with jsdom, a standards HTML parser, so markup is read as Chromium reads it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

export type Fixture = { document: Document; url: string };

export function fixtureHtml(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');
}

export function loadFixture(name: string): Fixture {
  const html = fixtureHtml(name);
  const url = /^<!-- url: (\S+) -->/.exec(html)?.[1];
  if (!url) throw new Error(`${name} does not say its URL on its first line`);
  return { document: new JSDOM(html, { url }).window.document, url };
}
