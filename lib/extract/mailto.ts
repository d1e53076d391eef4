// `mailto:` links (RFC 6068): `mailto:addr1,addr2?to=addr3&cc=addr4&subject=…`. Whom the link
// writes to is in the path and the query's `to` fields; copies (cc, bcc), the subject and the body
// are for a new message, not who it is about, and are dropped. The link text may name the person.
import type { PersonInput } from '../capture-model';
import { cleanLine, normalizeEmail } from '../text';
import { textOf } from './dom';
import { candidate, firstNameFirst, isDesk, isProseWord, looksLikePersonName, nameFromAddress, personName, withoutAccents } from './person';

const MAX_LINKS = 500;
const MAX_HREF = 2048;

/** A `mailto:` link, in any case. */
export const isMailtoLink = (href: string) => /^mailto:/i.test(href);

const decoded = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
};

type Recipient = { email: string; name?: string };

/**
 * One recipient as a link writes it: an address, or `Name <address>`, which RFC 6068 leaves out
 * but mail apps accept and pages write ("mailto:Bo Lindqvist <bo@…>", `"Roe, Rita" <rita@…>`).
 */
function recipient(part: string): Recipient | undefined {
  const open = part.lastIndexOf('<');
  if (open < 0 || !part.endsWith('>')) {
    const email = normalizeEmail(part);
    return email ? { email } : undefined;
  }
  const email = normalizeEmail(part.slice(open + 1, -1));
  const written = part.slice(0, open).trim();
  // A page that form-encodes its links writes a name's spaces as '+' ("Bo+Lindqvist+<bo@…>").
  const spaced = written.includes(' ') ? written : written.replaceAll('+', ' ');
  // Quoted names are often surname first, as address books sort them ("Roe, Rita").
  const name = firstNameFirst(cleanLine(spaced.replace(/^\s*"|"\s*$/g, ''), 200));
  return email ? { email, name: name || undefined } : undefined;
}

/** Whom a mailto URL writes to, path first, then its `to` fields, percent-decoded; [] when it is not one. */
function mailtoRecipients(href: string): Recipient[] {
  const trimmed = href.trim().slice(0, MAX_HREF);
  if (!isMailtoLink(trimmed)) return [];
  const [path, query = ''] = trimmed.slice('mailto:'.length).split('#')[0].split(/\?(.*)/s);
  const fields = query
    .split('&')
    .map((field) => field.split('='))
    .filter(([name]) => /^to$/i.test(name))
    .map(([, value = '']) => value);
  const found = new Map<string, Recipient>();
  for (const list of [path, ...fields]) {
    const text = decoded(list);
    // Commas part the recipients (semicolons, as Outlook writes them), but not inside a quoted
    // name. A list with a broken escape is parted first, so only its broken recipient is lost.
    const parts =
      text === undefined
        ? list.split(/[,;]/).map((part) => decoded(part) ?? '')
        : text.includes('"')
          ? (text.match(/(?:"[^"]*"|[^,;])+/g) ?? [])
          : text.split(/[,;]/);
    for (const part of parts) {
      const one = recipient(part);
      if (one && !found.has(one.email)) found.set(one.email, one);
    }
  }
  return [...found.values()];
}

/** The addresses a mailto URL writes to, path first, then its `to` fields; [] when it is not one. */
export const mailtoAddresses = (href: string): string[] => mailtoRecipients(href).map(({ email }) => email);

/**
 * People of one mailto link. Each is named as the link names their address, else by the link
 * text (for the first, when it reads as a name), else by the card the link is on (`onCard`, for
 * the first, where the address is no name itself: looking costs a fresh page's first read
 * ~0.3 ms), else from the address.
 */
export function parseMailtoLink(href: string, linkText = '', onCard?: (email: string) => string | undefined): PersonInput[] {
  const text = cleanLine(linkText, 200);
  // A name, not a call to action ("Apply now", "Report a bug", "the organisers"): as people write
  // their own, lower case too ("danah boyd").
  const textIsName = looksLikePersonName(text) && !text.split(' ').some(isProseWord);
  return mailtoRecipients(href)
    .map(({ email, name }, i) => {
      const fromAddress = nameFromAddress(email);
      const cardName = i === 0 && !name && !textIsName && fromAddress === email ? onCard?.(email) : undefined;
      return candidate('mailto', {
        name: name
          ? { value: name, from: 'mailto:href' }
          : i === 0 && textIsName
            ? { value: text, from: 'mailto:link-text' }
            : cardName
              ? { value: cardName, from: 'mailto:card heading' }
              : { value: fromAddress, from: 'mailto:address' },
        emails: { value: [email], from: 'mailto:href' },
      });
    })
    .filter((p): p is PersonInput => p !== undefined);
}

const folded = (text: string) => withoutAccents(text).toLowerCase();

/**
 * Whether the address is written as people write theirs from this name: "anna.schmidt",
 * "a.schmidt", "aschmidt", "anna", "schmidt.anna"; not "annabelle.klein" or "lisa.schmidt".
 */
function addressOf(name: string, email: string): boolean {
  const words = folded(name).split(' ');
  const [first, last] = [words[0], words[words.length - 1]];
  const local = folded(email.slice(0, email.indexOf('@')));
  const parts = local.split(/[._+-]/).filter(Boolean);
  const firstOrInitial = (part: string) => part === first || part === first[0];
  if (parts.length >= 2) return (firstOrInitial(parts[0]) && parts.includes(last)) || (parts[0] === last && firstOrInitial(parts[1]));
  return [first, first + last, first[0] + last, last + first[0]].includes(local);
}

/**
 * The name a person's card gives above a mailto button that says only "Email" (a team page's
 * `<h3>Anna Schmidt</h3><p>CEO</p><a href="mailto:a.schmidt@…">Email</a>`): the one heading of
 * the nearest block around the link that has one, when that block holds no other mailto link
 * and the address, not a desk's, is written from that name (`addressOf`).
 */
function nameOnCard(link: Element, email: string): string | undefined {
  if (isDesk(email)) return undefined;
  let block = link.parentElement;
  for (let depth = 0; block && depth < 4; depth++, block = block.parentElement) {
    const headings = block.querySelectorAll('h2, h3, h4, h5, h6');
    if (headings.length === 0) continue;
    if (headings.length > 1 || block.querySelectorAll('a[href^="mailto:" i]').length > 1) return undefined;
    const name = personName(textOf(headings[0], 200));
    return looksLikePersonName(name) && addressOf(name, email) ? name : undefined;
  }
  return undefined;
}

// The site's header, navigation and footer: where the signed-in user's own address ("Signed in
// as …") and the site's desks are, rather than whom the page is about. Sites built of <div>s
// name their bars and footers by id (a `#header` often holds the page's owner: not that).
const SITE_CHROME = 'header, footer, nav, [role="banner"], [role="navigation"], [role="contentinfo"], #footer, #top-bar';

/** Two words or more, each capitalised: "Anna Schmidt", not "Department office" or "Webmaster". */
function namesSomeone(text: string): boolean {
  const words = text.split(' ');
  return words.length >= 2 && words.every((word) => word[0] !== word[0].toLowerCase());
}

/** Whether the link is in the site's chrome; an article's own header or footer (a byline) is content, as ARIA reads it. */
function inSiteChrome(link: Element): boolean {
  const chrome = link.closest(SITE_CHROME);
  if (!chrome) return false;
  return chrome.localName === 'nav' || chrome.hasAttribute('role') || !chrome.parentElement?.closest('article, aside, main, nav, section');
}

/**
 * People of every mailto link on the page, one per address: the page's content first, then the
 * site's chrome, each in order, its desks after its people.
 */
export function extractMailtoLinks(doc: Document): PersonInput[] {
  const seen = new Set<string>();
  const people: PersonInput[] = [];
  const content: Element[] = [];
  const chrome: Element[] = [];
  const links = [...doc.querySelectorAll('a[href^="mailto:" i]')].slice(0, MAX_LINKS);
  // A lone link has nothing to come before: where it sits is not looked up.
  for (const link of links) (links.length > 1 && inSiteChrome(link) ? chrome : content).push(link);
  for (const links of [content, chrome]) {
    const inPart: PersonInput[] = [];
    for (const link of links) {
      const text = textOf(link, 200) || link.getAttribute('title') || link.getAttribute('aria-label') || '';
      for (const person of parseMailtoLink(link.getAttribute('href') ?? '', text, (email) => nameOnCard(link, email))) {
        const email = person.emails?.[0];
        if (!email || seen.has(email)) continue;
        seen.add(email);
        inPart.push(person);
      }
    }
    // In each part, a desk after the people, unless the link names a person ("Dr. Anna Schmidt").
    const desk = inPart.map((person) => !(person.fieldSources?.name === 'mailto:link-text' && namesSomeone(person.name)) && isDesk(person.emails![0]));
    people.push(...inPart.filter((_, i) => !desk[i]), ...inPart.filter((_, i) => desk[i]));
  }
  return people;
}
