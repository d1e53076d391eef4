// Open Graph `profile` objects: the meta tags a page writes for link previews of a person.
import type { PersonInput } from '../capture-model';
import { safeHttpUrl } from '../text';
import { metaContent } from './dom';
import { candidate, firstAnswer } from './person';

export function isOpenGraphProfile(doc: Document): boolean {
  return metaContent(doc, 'og:type').toLowerCase() === 'profile' || metaContent(doc, 'profile:first_name') !== '';
}

/**
 * The name in a profile's title. Social profiles put the handle after the name ("Eugen Rochko
 * (@Gargron@mastodon.social)", "Jane Doe (@janedoe) / X", "Jane Doe (@janedoe) • Instagram
 * photos and videos") and sites their section after a dash, a bullet or a slash ("Jane Doe -
 * Medium"); a title that is only the handle ("octocat - Overview", GitHub's) names nobody: the
 * page's own markup may.
 */
function nameInTitle(title: string, username: string): string {
  const name = title.split(/\s+[-–|·•/]\s+/)[0].replace(/\s*\(@[^\s()]+\)/, '');
  return name.startsWith('@') || (username !== '' && name.toLowerCase() === username.toLowerCase()) ? '' : name;
}

/**
 * The page's person from Open Graph, or [] when the page is not a profile. Where the title names
 * nobody, the person the page's own markup reads first (`subject`) is the profile's, so its link
 * and picture are not lost.
 */
export function extractOpenGraph(doc: Document, subject?: PersonInput): PersonInput[] {
  if (!isOpenGraphProfile(doc)) return [];
  const fullName = () => [metaContent(doc, 'profile:first_name'), metaContent(doc, 'profile:last_name')].filter(Boolean).join(' ');
  const person = candidate('open-graph', {
    name: firstAnswer([
      ['profile:first_name', fullName],
      ['og:title', () => nameInTitle(metaContent(doc, 'og:title'), metaContent(doc, 'profile:username'))],
      [subject?.fieldSources?.name ?? '', () => subject?.name],
    ]),
    profileUrl: firstAnswer([['og:url', () => safeHttpUrl(metaContent(doc, 'og:url'), doc.baseURI)]]),
    photoUrl: firstAnswer([
      ['og:image:secure_url', () => safeHttpUrl(metaContent(doc, 'og:image:secure_url'), doc.baseURI)],
      ['og:image', () => safeHttpUrl(metaContent(doc, 'og:image'), doc.baseURI)],
    ]),
  });
  return person ? [person] : [];
}
