// extractPeople must work on any standards DOM (DESIGN.md), not only on jsdom and Chromium: every
// fixture read through linkedom, a DOM built on different lines (no layout, no base URL), gives
// the same people as through jsdom.
import { readdirSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractPeople } from '@/lib/extract';
import { fixtureHtml, loadFixture } from './load-fixture';

const fixtures = readdirSync(new URL('../fixtures/', import.meta.url)).filter((name) => name.endsWith('.html'));

describe('extractPeople on another DOM', () => {
  it.each(fixtures)('%s reads the same through linkedom as through jsdom', (file) => {
    const { document, url } = loadFixture(file);
    const { document: other } = parseHTML(fixtureHtml(file));
    expect(extractPeople(other as unknown as Document, url)).toEqual(extractPeople(document, url));
  });
});
