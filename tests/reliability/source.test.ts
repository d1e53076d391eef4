// Source-level guarantees that no test of behaviour would catch until too late.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

describe('source', () => {
  const files = ['entrypoints', 'components', 'lib'].flatMap(sourceFiles);

  it('never builds HTML from strings', () => {
    const offenders = files.filter((file) =>
      /\binnerHTML\b|\bouterHTML\b|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write\b/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('never evaluates strings as code or loads remote code', () => {
    const offenders = files.filter((file) =>
      /\beval\s*\(|new Function\s*\(|importScripts\s*\(|import\(\s*['"`]https?:/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('never makes network requests of its own', () => {
    const offenders = files.filter((file) => /\bfetch\s*\(|XMLHttpRequest|sendBeacon|new WebSocket|new EventSource/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('reads pages without layout: no API that forces a reflow on the user\'s page or is missing from test DOMs', () => {
    const offenders = [...sourceFiles('lib/extract'), 'lib/tab-reading.ts'].filter((file) =>
      /\b(innerText|outerText|getBoundingClientRect|getClientRects|getComputedStyle|offset(Width|Height|Top|Left|Parent)|client(Width|Height)|scroll(Width|Height))\b/.test(
        readFileSync(file, 'utf8').replace(/\/\/.*$/gm, ''),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('runs no schema in the page: extractors take only types from the model, the receiver parses', () => {
    // lib/extract/index.ts is the receiving side (extractPeople parses); what pages run starts at page.ts.
    const offenders = sourceFiles('lib/extract')
      .filter((file) => !file.endsWith(join('lib', 'extract', 'index.ts')))
      .filter((file) => /^import (?!type )[^;]*from '(\.\.\/(capture-)?model|zod[^']*)'/m.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
    const pageEntrypoints = sourceFiles('entrypoints').filter((file) => /(\.content|capture-page)\.ts$/.test(file));
    expect(pageEntrypoints.length).toBeGreaterThan(0);
    for (const file of pageEntrypoints) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from '@\/lib\/extract'/);
  });
});
