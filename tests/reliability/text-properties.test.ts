// Property tests: whatever a page throws at the cleaners, what comes out is safe to store.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Contact } from '@/lib/model';
import { cleanLine, cleanMultiline, normalizeEmail, safeHttpUrl } from '@/lib/text';

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('\u202Eevil', '\u0000', '\uD800', '\uDFFF\uD800', '<script>alert(1)</script>', 'javascript:alert(1)'),
);
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
// Joiners are kept only between two visible characters.
const STRAY_JOINER = /(^|\s|[\u200C\u200D])[\u200C\u200D]|[\u200C\u200D]($|\s)/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('text cleaners', () => {
  it('cleanLine: capped, one line, no invisible characters, well-formed, idempotent', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 300 }), (input, max) => {
        const out = cleanLine(input, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(/[\n\r\t]/);
        expect(out).not.toMatch(INVISIBLE);
        expect(out).not.toMatch(STRAY_JOINER);
        expect(out).not.toMatch(LONE_SURROGATE);
        expect(cleanLine(out, max)).toBe(out);
      }),
      { numRuns: 500 },
    );
  });

  it('cleanMultiline: capped, no invisible characters but line breaks, well-formed', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 300 }), (input, max) => {
        const out = cleanMultiline(input, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out.replace(/\n|\t/g, '')).not.toMatch(INVISIBLE);
        expect(out).not.toMatch(STRAY_JOINER);
        expect(out).not.toMatch(LONE_SURROGATE);
      }),
      { numRuns: 500 },
    );
  });

  it('safeHttpUrl keeps only http(s)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), hostile, fc.constantFrom('javascript:alert(1)', 'JAVASCRIPT:x', 'data:,x', 'vbscript:x')), (input) => {
        const out = safeHttpUrl(input);
        if (out !== undefined) expect(new URL(out).protocol).toMatch(/^https?:$/);
      }),
      { numRuns: 500 },
    );
  });

  it('normalizeEmail yields lowercase addresses or nothing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), hostile), (input) => {
        const out = normalizeEmail(input);
        if (out !== undefined) {
          expect(out).toBe(out.toLowerCase());
          expect(out).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a megabyte headline is capped quickly', () => {
    const started = performance.now();
    const contact = Contact.parse({ id: 'x', name: 'N'.repeat(1_000_000), title: '\u202E'.repeat(200_000) + 'T'.repeat(200_000), createdAt: 0, updatedAt: 0 });
    expect(contact.name).toHaveLength(200);
    expect(contact.title).toHaveLength(300);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
