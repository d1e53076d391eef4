import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanLine, cleanMultiline, normalizeEmail, safeHttpUrl } from '@/lib/text';
import { canonicalProfileUrl, otherProfileUrlSpellings } from '@/lib/profile-url';

describe('cleanLine', () => {
  it('folds whitespace and removes invisible and bidi characters', () => {
    expect(cleanLine('  Jane\u202E\u200B \n Doe\u0000 ', 100)).toBe('Jane Doe');
  });
  it('keeps joiners inside emoji and words, and drops them anywhere else', () => {
    expect(cleanLine('Ada 🧑🏽\u200D💻', 100)).toBe('Ada 🧑🏽\u200D💻');
    expect(cleanLine('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645', 100)).toBe('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645');
    expect(cleanLine('\u200DJane\u200C \u200D\u200DDoe\u200C', 100)).toBe('Jane Doe');
    expect(cleanMultiline('Line\u200D\nnext \u200C', 100)).toBe('Line\nnext');
  });
  it('caps without splitting a surrogate pair', () => {
    expect(cleanLine('ab😀', 3)).toBe('ab');
    expect(cleanLine('x'.repeat(1_000_000), 200)).toHaveLength(200);
  });
  it('never ends in the space where the cap fell', () => {
    expect(cleanLine('! !', 2)).toBe('!');
  });
  it('replaces lone surrogates', () => {
    expect(cleanLine('a\uD800b', 10)).toBe('a\uFFFDb');
  });
});

describe('cleanMultiline', () => {
  it('keeps line breaks', () => {
    expect(cleanMultiline('one\r\ntwo\u202E\n', 100)).toBe('one\ntwo');
  });

  it('keeps the direction marks people type to order Hebrew or Arabic beside Latin words and numbers', () => {
    const note = 'נפגשנו ב-\u200FTel Aviv\u200F (כנס 2025)\nاتصل على \u200E+971 4 000 0000\u200E';
    expect(cleanMultiline(note, 1000)).toBe(note);
    // A line (a name, a title) has none: there they only hide what the text says.
    expect(cleanLine('Dana\u200F Levi', 100)).toBe('Dana Levi');
  });
});

describe('safeHttpUrl', () => {
  it('keeps http(s) and refuses everything else', () => {
    expect(safeHttpUrl('https://example.com/a')).toBe('https://example.com/a');
    expect(safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeHttpUrl(' JaVaScRiPt:alert(1)')).toBeUndefined();
    expect(safeHttpUrl('data:text/html,x')).toBeUndefined();
    expect(safeHttpUrl('not a url')).toBeUndefined();
  });
  it('resolves a relative link against the page it is on, and still refuses other schemes', () => {
    const page = 'https://ada.example/blog/post?x=1';
    expect(safeHttpUrl('/', page)).toBe('https://ada.example/');
    expect(safeHttpUrl('me.jpg', page)).toBe('https://ada.example/blog/me.jpg');
    expect(safeHttpUrl('//cdn.example/a.png', page)).toBe('https://cdn.example/a.png');
    expect(safeHttpUrl('javascript:alert(1)', page)).toBeUndefined();
    expect(safeHttpUrl('https://user:pw@ada.example/', page)).toBe('https://ada.example/');
    expect(safeHttpUrl('/', 'not a base')).toBeUndefined();
    expect(safeHttpUrl('#jane', page)).toBeUndefined();
  });
  it('reads the same where URL.parse is missing (Firefox before 126)', () => {
    const { parse } = URL;
    Object.assign(URL, { parse: undefined });
    try {
      expect(safeHttpUrl('https://user:pw@ada.example/a')).toBe('https://ada.example/a');
      expect(safeHttpUrl('me.jpg', 'https://ada.example/blog/')).toBe('https://ada.example/blog/me.jpg');
      expect(safeHttpUrl('not a url')).toBeUndefined();
    } finally {
      Object.assign(URL, { parse });
    }
  });
});

describe('normalizeEmail', () => {
  it('lowercases and validates', () => {
    expect(normalizeEmail(' Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
    expect(normalizeEmail('mailto:a@b.co')).toBe('a@b.co');
    expect(normalizeEmail('not an address')).toBeUndefined();
    expect(normalizeEmail('a@b')).toBeUndefined();
  });

  it('takes a domain in its own script, checked in the ASCII form mail is sent to, kept as written', () => {
    expect(normalizeEmail('Jörg@Müller.de')).toBe('jörg@müller.de');
    expect(normalizeEmail('ivan@пример.рф')).toBe('ivan@пример.рф');
    // The same letter typed as a base and a combining accent is stored composed, as one address.
    expect(normalizeEmail('a@mu\u0308ller.de')).toBe(normalizeEmail('a@müller.de'));
    expect(normalizeEmail('a@xn--mller-kva.de')).toBe('a@xn--mller-kva.de');
    // Punctuation and symbols after an address end it; IDNA alone would encode them.
    for (const refused of ['a@müller', 'a@müller.de.', 'a@mül/ler.de', 'a@mül ler.de', 'a@müller.de:80', '@müller.de', 'a@mü@ller.de', 'a@-müller.de', 'a@b.com»', 'a@b.com”', 'a@exa☃mple.com', 'a@müller..de']) {
      expect(normalizeEmail(refused), refused).toBeUndefined();
    }
  });
});

describe('canonicalProfileUrl', () => {
  it('gives one form for every LinkedIn variant of a profile', () => {
    const canonical = 'https://www.linkedin.com/in/jane-doe-12ab/';
    expect(canonicalProfileUrl('https://uk.linkedin.com/in/Jane-Doe-12ab?trk=public_profile')).toBe(canonical);
    expect(canonicalProfileUrl('https://www.linkedin.com/in/jane-doe-12ab/overlay/contact-info/')).toBe(canonical);
    expect(canonicalProfileUrl('https://linkedin.com/in/jane-doe-12ab#about')).toBe(canonical);
  });
  it('reads a link already in plain form without parsing it, to the same result as parsing it', () => {
    const slug = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_\-%é.]{1,30}$/), fc.stringMatching(/^ACoAA[A-Za-z0-9_-]{18,40}$/));
    const link = fc
      .tuple(fc.constantFrom('http://', 'https://', 'HTTPS://'), fc.constantFrom('', 'www.', 'uk.', 'de.', 'WWW.', 'mobile.'), slug, fc.constantFrom('', '/', '?trk=x', '/overlay/contact-info/'))
      .map(([scheme, host, name, tail]) => `${scheme}${host}linkedin.com/in/${name}${tail}`);
    fc.assert(
      fc.property(link, (input) => {
        // A leading space keeps the link from the plain-form path; the parser trims it.
        expect(canonicalProfileUrl(input)).toBe(canonicalProfileUrl(` ${input}`));
      }),
      { numRuns: 2000 },
    );
    expect(canonicalProfileUrl('https://www.linkedin.com/in/Jane-Doe_12')).toBe('https://www.linkedin.com/in/jane-doe_12/');
  });

  it('keeps the case of a LinkedIn member id, which LinkedIn reads case-sensitively, on both paths', () => {
    const canonical = 'https://www.linkedin.com/in/ACoAABcD3fGhIjKlMnOpQrStUvWxYz0123456/';
    expect(canonicalProfileUrl('https://www.linkedin.com/in/ACoAABcD3fGhIjKlMnOpQrStUvWxYz0123456')).toBe(canonical);
    expect(canonicalProfileUrl('https://de.linkedin.com/in/ACoAABcD3fGhIjKlMnOpQrStUvWxYz0123456?miniProfileUrn=x')).toBe(canonical);
    expect(canonicalProfileUrl('https://www.linkedin.com/in/ACoAABcD3fGhIjKlMnOpQrStUvWxYz0123456/overlay/contact-info/')).toBe(canonical);
    // A name chosen by its owner is still one profile however it is written.
    expect(canonicalProfileUrl('https://www.linkedin.com/in/ACorn-Smith')).toBe('https://www.linkedin.com/in/acorn-smith/');
  });
  it('keeps of other profile links only the parameters that name the person, and refuses non-http ones', () => {
    expect(canonicalProfileUrl('https://Example.com/people/jane?ref=x&utm_source=mail&fbclid=1#top')).toBe('https://example.com/people/jane');
    // One person however the page is shown: a tab, a language, a share link's code.
    for (const view of ['?tab=repositories', '?hl=en', '?s=21&t=Abc', '?jane']) expect(canonicalProfileUrl(`https://github.com/janedoe${view}`), view).toBe('https://github.com/janedoe');
    // Two people, told apart only by their query or an app's route; the same one in any order.
    expect(canonicalProfileUrl('https://uni.example.edu/directory/profile.php?id=1041&sk=about&utm_medium=email')).toBe('https://uni.example.edu/directory/profile.php?id=1041');
    expect(canonicalProfileUrl('https://uni.example.edu/directory/profile.php?id=2230')).toBe('https://uni.example.edu/directory/profile.php?id=2230');
    expect(canonicalProfileUrl('https://scholar.example/citations?hl=en&user=abc&uid=7')).toBe(canonicalProfileUrl('https://scholar.example/citations?uid=7&user=abc'));
    expect(canonicalProfileUrl('https://team.example.com/#/people/12')).toBe('https://team.example.com/#/people/12');
    expect(canonicalProfileUrl('javascript:alert(1)')).toBeUndefined();
  });
  it('lists the other spellings another program may have stored, each of which it canonicalises back', () => {
    const canonical = 'https://www.linkedin.com/in/ola-f/';
    const spellings = otherProfileUrlSpellings(canonical);
    expect(spellings).toHaveLength(7);
    expect(spellings).toContain('https://www.linkedin.com/in/ola-f');
    expect(spellings).toContain('https://linkedin.com/in/ola-f');
    expect(spellings).toContain('http://www.linkedin.com/in/ola-f/');
    expect(spellings).not.toContain(canonical);
    for (const spelling of spellings) expect(canonicalProfileUrl(spelling)).toBe(canonical);
    expect(otherProfileUrlSpellings('https://example.com/people/jane')).toContain('https://www.example.com/people/jane/');
    // Never the app's page or the directory without whom they name: everyone there would be one person.
    expect(otherProfileUrlSpellings('https://app.example/#/people/12')).not.toContain('https://app.example/');
    expect(otherProfileUrlSpellings('https://app.example/#/people/12')).toContain('https://www.app.example/#/people/12');
    expect(otherProfileUrlSpellings('https://uni.example.edu/profile.php?id=1041').every((spelling) => spelling.includes('?id=1041'))).toBe(true);
  });
});
