// Cleaning for text that crosses from a page, an import or a message. Everything Kith stores
// passes through here (via the schemas in model.ts), so a hostile page cannot smuggle control
// characters, bidi overrides or megabyte strings into the notebook.

// C0/C1 controls except tab and newline, zero-width and bidi formatting characters, BOM. The
// zero-width joiner and non-joiner are handled apart (below): names need them.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// In text of several lines (notes), the left-to-right and right-to-left marks stay: people writing
// Hebrew or Arabic beside Latin words and numbers type them to keep the words in order.
const INVISIBLE_BUT_MARKS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

// A joiner (U+200D) or non-joiner (U+200C) with nothing visible on one side: at an edge, beside
// white space or another joiner. Between two characters they are part of the text — emoji such as
// 🧑🏽‍💻 and Persian or Indic spellings — and stay; anywhere else they only hide things.
const STRAY_JOINER = /(?<![^\s\u200C\u200D])[\u200C\u200D]|[\u200C\u200D](?![^\s\u200C\u200D])/g;

/** Replace lone surrogates with U+FFFD so the string is valid UTF-16 everywhere it goes. */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Cut at `max` UTF-16 units without splitting a surrogate pair. */
function cap(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return s.slice(0, end);
}

const CHUNK = 4096;

// Printable ASCII words separated by single spaces: already clean, so imports of thousands
// of rows skip the scan below.
const PLAIN_LINE = /^(?:[\x21-\x7E]+ )*[\x21-\x7E]+$/;

/**
 * Read `input` a chunk at a time, removing invisible characters (and folding whitespace when
 * asked), until `budget` characters are in hand: a megabyte of padding costs a linear scan and
 * cannot push the real text out of the cap.
 */
function visiblePrefix(input: string, budget: number, foldWhitespace: boolean): string {
  let out = '';
  for (let start = 0; start < input.length && out.length <= budget; ) {
    let end = Math.min(start + CHUNK, input.length);
    const last = input.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff && end < input.length) end += 1;
    out += input.slice(start, end).replace(foldWhitespace ? INVISIBLE : INVISIBLE_BUT_MARKS, '');
    if (foldWhitespace) out = out.replace(/\s+/g, ' ').trimStart();
    start = end;
  }
  return out;
}

/** One line of text: invisible characters removed, whitespace folded, trimmed, capped. */
// Letters German and the Nordic languages also write out ("Müller" is "Mueller", "Søren" is
// "Soeren"), in names and in the addresses made of them.
const WRITTEN_OUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ø: 'oe', å: 'aa' };
const WRITTEN_OUT_LETTERS = /[äöüøå]/gi;

/** The text with those letters written out. Composed first: names from some address books come with "u" and its diaeresis apart. */
export const writtenOut = (text: string) =>
  (/[^\x00-\x7f]/.test(text) ? text.normalize('NFC') : text).replace(WRITTEN_OUT_LETTERS, (letter) => WRITTEN_OUT[letter.toLowerCase()]);

export function cleanLine(input: string, max: number): string {
  if (input.length <= max && PLAIN_LINE.test(input)) return input;
  return cap(wellFormed(visiblePrefix(input, max, true)).trim(), max).replace(STRAY_JOINER, '').trim();
}

/** Multi-line text such as notes: line breaks and direction marks kept, other invisibles removed, capped. */
export function cleanMultiline(input: string, max: number): string {
  return cap(wellFormed(visiblePrefix(input, max, false)).replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').trim(), max)
    .replace(STRAY_JOINER, '')
    .trim();
}

/**
 * The URL if it is http(s), normalised; undefined for `javascript:`, `data:` and the rest. A
 * relative one (`/`, `me.jpg`) is resolved against `base`, the address of the page it is on;
 * not `#jane`, which is a place on that page (a team page's cards would all become one link).
 */
export function safeHttpUrl(input: string | undefined | null, base?: string): string | undefined {
  return parseHttpUrl(input, base)?.href;
}

/** safeHttpUrl's URL, for a caller that goes on to read its parts (not parsing it again). */
export function parseHttpUrl(input: string | undefined | null, base?: string): URL | undefined {
  if (!input) return undefined;
  const trimmed = input.trim();
  if (trimmed.startsWith('#') || trimmed.length > 2048) return undefined;
  // Some DOMs (linkedom) give `baseURI` as null: a whole URL must still parse without it.
  const url = parseUrl(trimmed, base || undefined);
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') return undefined;
  // Each setter re-serialises the whole URL; most links carry no credentials to remove.
  if (url.username || url.password) {
    url.username = '';
    url.password = '';
  }
  return url;
}

/**
 * The URL, or null where it does not parse; never a caught throw, as a fresh page's first
 * exception costs about a millisecond. URL.parse (Chrome 126, Firefox 126) parses once; older
 * Firefox, which the manifest still allows, checks first and then parses.
 */
export function parseUrl(input: string, base?: string): URL | null {
  if (typeof URL.parse === 'function') return URL.parse(input, base);
  return URL.canParse(input, base) ? new URL(input, base) : null;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

// A domain written in its own script: labels of letters, marks and digits, hyphens only inside.
// The browser's IDNA would also take punctuation and symbols ("b.com»" becomes "b.xn--com-3ga"),
// which in text mean the address has ended. Made on first need: building its Unicode classes
// takes a fresh page 1–3 ms, which every page Kith reads and every popup would pay at load.
let unicodeDomain: RegExp | undefined;
const isUnicodeDomain = (domain: string) =>
  (unicodeDomain ??= /^(?:[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?\.)+[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u).test(domain);

/**
 * A plausible address, lowercased (addresses are compared and deduplicated case-insensitively).
 * A domain in its own script (`jörg@müller.de`, `иван@пример.рф`) is checked as the mail system
 * sends it, in its ASCII form, and kept as written, in the composed Unicode form.
 */
export function normalizeEmail(input: string | undefined | null): string | undefined {
  if (!input) return undefined;
  const candidate = cleanLine(input, 320).replace(/^mailto:/i, '').toLowerCase();
  if (candidate.length > 254) return undefined;
  if (EMAIL.test(candidate)) return candidate;
  const at = candidate.lastIndexOf('@');
  const domain = candidate.slice(at + 1);
  // Plain ASCII that failed is not an address; only a domain with other letters is looked at again.
  if (at < 1 || /^[\x00-\x7f]*$/.test(domain) || !isUnicodeDomain(domain)) return undefined;
  const ascii = parseUrl(`http://${domain}/`)?.hostname;
  const composed = candidate.normalize('NFC');
  return ascii && EMAIL.test(`${candidate.slice(0, at)}@${ascii}`) ? composed : undefined;
}
