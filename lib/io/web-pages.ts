// The web pages an address book keeps for a person (vCard URL and X-SOCIALPROFILE, Google's
// Website columns). One becomes the contact's profile link: a LinkedIn profile, else the first
// page of the person's own. A page marked as work is the employer's site, which colleagues share:
// as a profile link, the dedupe key, it would fold them into one person. That page and any
// others are kept as lines of the notes, so nothing the file holds is lost.
import { canonicalProfileUrl, linkedinProfileSlug } from '../profile-url';
import { parseHttpUrl } from '../text';

export type WebPage = { url: string; work: boolean };

// "www.adaq.dev", as people type a site into an address book.
const BARE_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+(?:[/?#]|$)/i;

/** An address as written: Apple's vCards escape its colon (`http\://`), address books drop its scheme. */
function asWritten(url: string): string {
  const unescaped = url.trim().replace(/\\:/g, ':');
  return BARE_DOMAIN.test(unescaped) ? `https://${unescaped}` : unescaped;
}

function isLinkedInProfile(url: string): boolean {
  const parsed = parseHttpUrl(url);
  return parsed !== undefined && linkedinProfileSlug(parsed) !== undefined;
}

/** The profile link among `pages`, and a line of the notes for each of the rest. */
export function sortWebPages(pages: readonly WebPage[]): { profileUrl?: string; noteLines: string[] } {
  const written = pages.map(({ url, work }) => ({ url: asWritten(url), work })).filter(({ url }) => url !== '');
  const profile =
    written.find(({ url }) => isLinkedInProfile(url)) ?? written.find(({ url, work }) => !work && canonicalProfileUrl(url) !== undefined);
  const profileKey = profile && canonicalProfileUrl(profile.url);
  const others = written.filter(({ url }) => url !== profile?.url && (profileKey === undefined || canonicalProfileUrl(url) !== profileKey));
  const noteLines = [...new Set(others.map(({ url, work }) => `${work ? 'Work web page' : 'Web page'}: ${url}`))];
  return { profileUrl: profile?.url, noteLines };
}

/**
 * The file's notes, then what else it says of the person that a contact has no field for
 * ("Department: Research", "Birthday: 1990-04-02"), then the pages that were not the profile link.
 */
export function notesWithPages(notes: string, noteLines: readonly string[], details: Record<string, string> = {}): string {
  const detailLines = Object.entries(details)
    .filter(([, value]) => value.trim() !== '')
    .map(([label, value]) => `${label}: ${value.trim()}`);
  return [notes, [...detailLines, ...noteLines].join('\n')].filter((part) => part.trim() !== '').join('\n\n');
}
