import { parseHttpUrl } from './text';

const LINKEDIN_PROFILE_PATH = /^\/in\/([^/?#]+)/i;
// A profile link with nothing a URL parser would change or canonicalProfileUrl would remove:
// lower-case host, a slug of letters, digits, "-" and "_", no query or fragment.
const PLAIN_PROFILE = /^https?:\/\/(?:www\.|[a-z]{2}\.)?linkedin\.com\/in\/([A-Za-z0-9_-]+)\/?$/;

/** linkedin.com or any of its subdomains (`de.linkedin.com`); URL hostnames are lower case. */
export function isLinkedInHost(hostname: string): boolean {
  return hostname === 'linkedin.com' || hostname.endsWith('.linkedin.com');
}

// LinkedIn's member ids (`/in/ACoAAB…`), which its own pages link to where they do not show a
// profile's public name, are case-sensitive, unlike the names people choose for their profiles.
const MEMBER_ID = /^ACoAA[A-Za-z0-9_-]{20,}$/;

/** A profile's slug as Kith keeps it: names in lower case, member ids as written. Most are names, which compile no pattern. */
const slugInForm = (slug: string) => (slug.startsWith('ACoAA') && MEMBER_ID.test(slug) ? slug : slug.toLowerCase());

/** The slug of a profile URL as written, or undefined when the URL is not a profile. */
function slugAsWritten(url: URL): string | undefined {
  if (!isLinkedInHost(url.hostname)) return undefined;
  return LINKEDIN_PROFILE_PATH.exec(url.pathname)?.[1];
}

/** The LinkedIn profile slug in a URL, lower-cased to compare, or undefined when the URL is not a profile. */
export function linkedinProfileSlug(url: URL): string | undefined {
  return slugAsWritten(url)?.toLowerCase();
}

// The parameters that say whose page it is (`profile.php?id=1041`, `citations?user=abc`); the
// rest say how it is shown (`?tab=repositories`, `?hl=en`) or where the visitor came from.
const PERSON_PARAMETER = /^(?:id|uid|u|pid|user(?:_?id|name)?|profile(?:_?id)?|person(?:_?id)?|member(?:_?id)?|staff(?:_?id)?|employee(?:_?id)?|handle|name)$/i;

/**
 * The one form of a profile URL that dedupe compares: LinkedIn profiles on any country
 * subdomain, with tracking parameters or an overlay path (`/overlay/contact-info/`), become
 * `https://www.linkedin.com/in/<slug>/`; other URLs keep of their query only the parameters that
 * name a person, in one order, and of their fragment only an app's route (`#/people/12`): on
 * many sites (`profile.php?id=1041`) that is what tells people apart.
 */
export function canonicalProfileUrl(input: string | undefined | null): string | undefined {
  // Most links are a profile already in this form but for case or a slash (a connections file
  // holds 10,000): read without parsing a URL, which took a tenth of an import's preview.
  const plain = input && PLAIN_PROFILE.exec(input);
  if (plain) return `https://www.linkedin.com/in/${slugInForm(plain[1])}/`;
  const url = parseHttpUrl(input);
  if (!url) return undefined;
  const slug = slugAsWritten(url);
  if (slug) return `https://www.linkedin.com/in/${slugInForm(slug)}/`;
  // Setters re-serialise the URL, so only those with something to remove; the parser has
  // already lower-cased the host.
  if (url.search) {
    const kept = [...url.searchParams].filter(([key, value]) => value && PERSON_PARAMETER.test(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // Written one way, however the link encoded it ("a%20b" or "a+b").
    url.search = new URLSearchParams(kept).toString();
  }
  if (url.hash && !/^#!?\//.test(url.hash)) url.hash = '';
  return url.href;
}

/**
 * Other ways a program that is not Kith may have written `canonical` (a canonicalProfileUrl
 * result) into the store: without or with the trailing slash, `www.` or `https`. Kith rewrites such
 * records into the canonical form once a browser session (db.ts bringContactsIntoForm); until then
 * dedupe looks for these spellings too. Letter case and query strings wait for that rewrite.
 */
export function otherProfileUrlSpellings(canonical: string): string[] {
  const url = parseHttpUrl(canonical);
  if (!url) return [];
  const path = url.pathname;
  const paths = [path, path.endsWith('/') ? path.slice(0, -1) : `${path}/`].map((p) => p + url.search + url.hash);
  const host = url.host;
  const hosts = [host, host.startsWith('www.') ? host.slice(4) : `www.${host}`];
  const spellings = ['https:', 'http:'].flatMap((scheme) => hosts.flatMap((h) => paths.map((p) => `${scheme}//${h}${p}`)));
  return spellings.filter((spelling) => spelling !== canonical);
}
