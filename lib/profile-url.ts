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

// Parameters that say where a visitor came from, never whose page it is.
const TRACKING_PARAMETER = /^(?:utm_\w+|mc_[ce]id|_hs\w+|mkt_tok|fbclid|gclid|dclid|msclkid|igshid|si|ref|ref_src|ref_url|source|trk\w*|feature)$/i;

/**
 * The one form of a profile URL that dedupe compares: LinkedIn profiles on any country
 * subdomain, with tracking parameters or an overlay path (`/overlay/contact-info/`), become
 * `https://www.linkedin.com/in/<slug>/`; other URLs lose their tracking parameters and fragment,
 * but keep the rest of their query and a fragment that routes an app (`#/people/12`): on many
 * sites (`profile.php?id=1041`) that is what names the person.
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
    const kept = [...url.searchParams].filter(([key]) => !TRACKING_PARAMETER.test(key));
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
  const path = url.pathname + url.search;
  const paths = [path, path.endsWith('/') ? path.slice(0, -1) : `${path}/`];
  const host = url.host;
  const hosts = [host, host.startsWith('www.') ? host.slice(4) : `www.${host}`];
  const spellings = ['https:', 'http:'].flatMap((scheme) => hosts.flatMap((h) => paths.map((p) => `${scheme}//${h}${p}`)));
  return spellings.filter((spelling) => spelling !== canonical);
}
