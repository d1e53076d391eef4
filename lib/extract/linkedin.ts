// LinkedIn profiles (`/in/<slug>/`, any country subdomain). Three generations of the page are
// served at once: the logged-out public page (JSON-LD, Open Graph, readable classes), the
// signed-in page of 2021–2025 (readable classes, English-or-localised aria-labels) and the 2026
// page (hashed classes: only structure and document.title). Each field tries metadata first, then
// attributes LinkedIn keeps for itself and accessibility labels, then known class names (they name
// the exact element), then a guess from the top card's structure. Everything but the contact-info
// overlay is read inside `<main>` and outside sidebars, so "People also viewed", the messaging
// overlay and the signed-in user's own nav avatar never answer.
import type { PersonInput } from '../capture-model';
import { canonicalProfileUrl, linkedinProfileSlug } from '../profile-url';
import { cleanLine, normalizeEmail, parseUrl, safeHttpUrl, writtenOut } from '../text';
import { attrOf, firstInContent, imageUrl, inPageChrome, metaContent, spokenTextOf, textOf } from './dom';
import { jsonLdAnswers, jsonLdPersonNodes } from './json-ld';
import { candidate, firstAnswer, isPronouns, once, personName, withoutAccents, withoutPronouns, type Answers } from './person';

export function isLinkedInProfileUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && linkedinProfileSlug(parsed) !== undefined;
}

// "Current company: Harbor Labs. Click to skip to experience card", in LinkedIn's UI languages;
// Japanese ends the company's name with a full-width full stop.
const CURRENT_COMPANY_LABEL =
  /^(current company|aktuelles unternehmen|entreprise actuelle|empresa actual|empresa atual|azienda attuale|huidig bedrijf|nuvarande företag|nåværende selskap|obecna firma|現在の会社)\s*:\s*/i;

// Badges LinkedIn puts beside the name: connection degree ("· 2nd", "2.", "3e+", Russian "2-й",
// Japanese "2次", Korean "2촌", Chinese "2度", or the hidden "2nd degree connection") and pronouns (person.ts). A
// headline can look like either ("2nd Line Support", "Founder/CEO"), so a degree is the whole
// text or followed by the word for degree.
const DEGREE_BADGE = /^[·•]?\s*[123](?:st|nd|rd|th|e|er|º|°|\.|-й|次|촌|度)?\+?(?:\s+(?:degree|grades?|niveau|grado|grau)\b.*)?$/i;
// Some languages put the word for a connection first ("Relation de 2e niveau", "Kontakt 2. Grades";
// "Technicien support 2e niveau" is a headline). Its pattern is tried only on a text with the
// word for degree in it, so a profile in English does not compile it on its first read, which
// every profile visited pays (BENCHMARKS.md).
const DEGREE_WORDS = ['degree', 'grade', 'grado', 'grau', 'graads', 'niveau', 'stopnia', 'уровня'];
const WORDS_THEN_DEGREE =
  /^(?:relation|kontakt|contacto|conexão|collegamento|connectie|contact|контакт)(?:\s+\S+)?\s+[123](?:st|nd|rd|th|er|e|\.?º|°|\.|-го)\+?\s+(?:degree|grades?|grado|grau|graads|niveau|stopnia|уровня)(?![\wа-я])/i;

function isDegree(text: string): boolean {
  if (text.length > 40) return false;
  if (DEGREE_BADGE.test(text)) return true;
  const lower = text.toLowerCase();
  return DEGREE_WORDS.some((word) => lower.includes(word)) && WORDS_THEN_DEGREE.test(text);
}

function isBadge(text: string): boolean {
  return isDegree(text) || isPronouns(text) || /^[·•]$/.test(text);
}

/** The name without badges that a heading's text can carry along. */
export function withoutNameBadges(text: string): string {
  return cleanLine(withoutPronouns(text.replace(/\s*\([^()]{0,30}\/[^()]{0,30}\)/gu, ' ').replace(/\s+[·•]\s*\S{1,6}\s*$/u, '')), 200);
}

/** Runs the badge patterns once, so they are compiled before the first capture. */
export function warmUpLinkedIn(): void {
  isBadge('they/them');
  isBadge('2nd degree connection');
  withoutNameBadges('Kith (they/them) · 2nd');
}

// LinkedIn's own pages, which its titles name as they name a person ("(2) Feed | LinkedIn"), in
// the languages LinkedIn is used in most.
const LINKEDIN_PAGES = [
  'feed', 'messaging', 'notifications', 'jobs', 'my network', 'search', 'home', 'groups', 'events', 'learning', 'sign in', 'sign up', 'log in',
  'benachrichtigungen', 'nachrichten', 'mein netzwerk', 'suche', 'startseite',
  'fil d’actualité', "fil d'actualité", 'messagerie', 'emplois', 'mon réseau', 'recherche', 'accueil',
  'notificaciones', 'mensajes', 'empleos', 'mi red', 'búsqueda', 'inicio',
  'notificações', 'mensagens', 'vagas', 'minha rede', 'pesquisa', 'início',
  'notifiche', 'messaggistica', 'offerte di lavoro', 'la mia rete', 'ricerca',
  'meldingen', 'berichten', 'vacatures', 'mijn netwerk', 'zoeken',
];

/**
 * "(3) Ada Quinlan - Staff Engineer | LinkedIn" → name and headline; a notification count may
 * lead, and on a profile's own pages ("…/details/experience/") the section: "Experience | Ada
 * Quinlan | LinkedIn". `page` when it names one of LinkedIn's own pages instead.
 */
function titleParts(doc: Document, onSubpage: boolean): { name?: string; headline?: string; page?: true } {
  const title = cleanLine(doc.title, 800).replace(/^\(\d+\+?\)\s*/, '');
  const match = /^(.+?)\s*\|\s*LinkedIn$/i.exec(title);
  if (!match) return {};
  if (LINKEDIN_PAGES.includes(match[1].toLowerCase())) return { page: true };
  const section = onSubpage ? match[1].indexOf(' | ') : -1;
  const person = section >= 0 ? match[1].slice(section + 3) : match[1];
  const [name, ...headline] = person.split(/\s+[-–]\s+/);
  return { name: withoutNameBadges(name), headline: headline.join(' - ') || undefined };
}

/**
 * The JSON-LD Person of this profile: the one whose URL has the page's slug. A Person without a
 * URL (the public page's `reviewedBy`) is taken only when no Person names a profile at all:
 * JSON-LD naming only other profiles is another page's, left in the head when LinkedIn's app
 * moved to this profile without a load.
 */
function profileJsonLd(doc: Document, slug: string): Answers {
  const answersOf = jsonLdPersonNodes(doc).map(({ node }) => jsonLdAnswers(node, doc));
  const slugOf = (a: Answers) => {
    const url = a.profileUrl?.value;
    return url ? linkedinProfileSlug(new URL(url)) : undefined;
  };
  const named = answersOf.filter((a) => slugOf(a) !== undefined);
  return named.length ? (named.find((a) => slugOf(a) === slug) ?? {}) : (answersOf[0] ?? {});
}

/**
 * The heading that names the person: the first h1 of main's, unless another agrees with the name
 * in document.title where it does not (a visually hidden "Profile" heading before the top card).
 * Some top cards name the person in an h2, among the cards' own ("About"): without an h1, only
 * the one that agrees with the title is theirs.
 */
function nameHeading(main: Element, titleName: () => string | undefined): Element | undefined {
  const h1s = [...main.querySelectorAll('h1')].filter((h) => !inPageChrome(h));
  if (h1s.length === 1) return h1s[0];
  const headings = h1s.length ? h1s : [...main.querySelectorAll('h2')].filter((h) => !inPageChrome(h));
  const name = titleName()?.toLowerCase();
  return (name && headings.find((h) => withoutNameBadges(spokenTextOf(h)).toLowerCase() === name)) || h1s[0];
}

// What the top card shows that is no line about the person: counts ("500+ connections"), the
// badge of a verified profile ("Verified", "Verifiziert", "Vérifié", "Verificado", "Geverifieerd",
// "Подтверждено", "認証済み", "已验证", "인증됨") and the member badges' text read out to screen
// readers ("Premium", "… has a Premium account", "Hiring", "Top Voice"). One pattern, so a first
// read compiles one.
const COUNT_OR_BADGE =
  /^(?:[\d.,]+\+?\s+\S+|[Vv][eé]rifi\S*|Geverifieerd|Zweryfikowan\S*|Doğrulan\S*|Подтвержд\S*|Верифиц\S*|認証済み|已验证|已驗證|인증됨|Premium|.{1,80} has a Premium account|Hiring|Top Voice)$/;

type Line = { text: string; el: Element };

/** Text blocks after the name heading in the top card, in order: headline, then location, … */
function linesAfterHeading(card: Element, heading: Element): Line[] {
  const lines: Line[] = [];
  let passedHeading = false;
  // Document order, the heading included: whatever comes after it in the list follows it on the page.
  for (const el of card.querySelectorAll(`${heading.localName}, p, span, div`)) {
    if (lines.length >= 8) break;
    if (el === heading) passedHeading = true;
    if (!passedHeading || heading.contains(el)) continue;
    if (el.closest('a, button, h1, h2, h3, [aria-hidden="true"]') || inPageChrome(el)) continue;
    // Leaves only, so a wrapper does not repeat its children's text as one run; and none holding
    // actions or links to other pages ("Message", "Connect", "Contact info", "612 followers").
    if ((el.localName !== 'p' && el.querySelector('p, span, div')) || el.querySelector('a, button')) continue;
    const text = textOf(el, 400);
    if (!text || isBadge(text) || COUNT_OR_BADGE.test(text) || lines.some((line) => line.text === text)) continue;
    lines.push({ text, el });
  }
  return lines;
}

// What LinkedIn shows for a name out of network: "LinkedIn Member", "Membre de LinkedIn",
// "LinkedIn Mitglied", "Miembro de LinkedIn", "Membro do LinkedIn", "Utente LinkedIn",
// "LinkedIn-lid", "Medlem av LinkedIn", "Członek LinkedIn", "LinkedInメンバー", "LinkedIn 회원",
// "Участник LinkedIn", Chinese "领英会员". A name that only mentions LinkedIn ("Kenji Morales |
// LinkedIn Top Voice") is someone's.
const MEMBER_PLACEHOLDER =
  /^(?:linkedin[ -]?(?:member|mitglied|lid|medlem|üyesi|メンバー|회원)|(?:membre|miembro|membro|utente|medlem|członek|member|участник)(?: (?:de|do|da|di|av|of))? linkedin|领英会员)$/i;

/** The top card's "Contact info" link, in every generation of the card. */
const CONTACT_INFO = 'a[href*="/overlay/contact-info"]';

/**
 * The top card: the nearest section around the heading that holds the card's "Contact info" link,
 * as a redesign may wrap the name's row in a section of its own; else the nearest section.
 */
function topCardOf(heading: Element): Element | null {
  const nearest = heading.closest('section');
  for (let section = nearest; section; section = section.parentElement?.closest('section') ?? null) {
    if (!section.querySelector(CONTACT_INFO)) continue;
    // One holding other cards beside the heading's (About, Experience) is the page's, not the top card.
    const holdsOtherCards = section !== nearest && [...section.querySelectorAll('section')].some((inner) => !inner.contains(heading));
    return holdsOtherCards ? nearest : section;
  }
  return nearest;
}

/**
 * The location among the lines: the one beside LinkedIn's "Contact info" link, which follows the
 * location in every generation of the top card, or none when that link sits with the headline
 * (no location given). Without the link, the first short line after the headline that is neither
 * a count ("500+ connections") nor a creator's topics ("Talks about #design").
 */
function locationLine(card: Element, heading: Element, lines: Line[]): Line | undefined {
  const contactInfo = card.querySelector(CONTACT_INFO);
  if (!contactInfo) return lines.slice(1).find(({ text }) => text.length <= 120 && !/[\d#]/.test(text));
  for (let block = contactInfo.parentElement; block && !block.contains(heading); block = block.parentElement) {
    const around = block;
    const line = lines.find(({ el }) => around.contains(el));
    if (line) return line;
  }
  return undefined;
}

/**
 * "Staff Engineer at Harbor Labs" → "Staff Engineer" when the company is known to be Harbor Labs,
 * also where more about the person follows after a bar ("… at Harbor Labs | ex-Google"); not
 * where more follows the name otherwise ("… at Harbor Labs and Pixel Co"), which may be part of it.
 */
function titleWithoutCompany(headline: string, company: string | undefined): string {
  if (!company) return headline;
  const lower = headline.toLowerCase();
  const name = company.toLowerCase();
  for (const sep of [' at ', ' @ ', ' | ', ' · ', ' bei ', ' chez ', ' en ', ' presso ']) {
    const at = lower.endsWith(sep + name) ? lower.length - sep.length - name.length : lower.indexOf(`${sep}${name} | `);
    if (at > 0) return headline.slice(0, at).trim();
  }
  return headline;
}

/**
 * The addresses in the contact-info overlay, which LinkedIn opens at an address of its own: in the
 * dialog that links to this profile, so a mailto link in a conversation of the messaging overlay,
 * also a dialog, is not taken for theirs.
 */
function contactInfoEmails(doc: Document, slug: string): string[] {
  // Its link to the profile may write the address's letters as they are or percent-encoded.
  const here = decodedSlug(slug);
  const dialog = [...doc.querySelectorAll('[role="dialog"]')].find((el) => [...el.querySelectorAll('a[href*="/in/"]')].some((link) => slugLinkedBy(attrOf(link, 'href')) === here));
  return dialog ? [...dialog.querySelectorAll('a[href^="mailto:" i]')].flatMap((a) => normalizeEmail(attrOf(a, 'href')) ?? []) : [];
}

/** The profile picture in the top card: none inside a link to another page (a mutual connection's). */
function ownPicture(card: Element, slug: string): Element | undefined {
  for (const img of card.querySelectorAll('img[src*="profile-displayphoto"]')) {
    const href = attrOf(img.closest('a'), 'href').toLowerCase();
    // A link to the photo itself opens it on this profile, however the profile is named there.
    if (inPageChrome(img) || (href && !href.includes(`/in/${slug}`) && !href.includes('/overlay/photo'))) continue;
    return img;
  }
  return undefined;
}

/**
 * Text as two spellings of it compare, spaced apart any way. Cleaned text holds plain spaces
 * only: parted without a pattern, which a first read would compile.
 */
const spacedAlike = (text: string) => text.toLowerCase().replaceAll(' ', '');

/**
 * Whether two names are one person's, as a heading and a title write it: spaced apart differently
 * (a title shows a control character as a space), with or without an honorific, credentials, a
 * middle name or initial, a nickname ("Dr. Kenji A. Morales, PhD" and "Kenji Morales").
 */
function sameName(a: string, b: string): boolean {
  if (spacedAlike(a) === spacedAlike(b)) return true;
  const [x, y] = [personName(a).toLowerCase(), personName(b).toLowerCase()];
  if (x === '' || y === '') return false;
  if (spacedAlike(x).includes(spacedAlike(y)) || spacedAlike(y).includes(spacedAlike(x))) return true;
  const [first, last] = [(name: string) => name.split(' ')[0], (name: string) => name.slice(name.lastIndexOf(' ') + 1)];
  return first(x) === first(y) && last(x) === last(y);
}

/**
 * Whether `main` still shows the page LinkedIn's app is moving away from. It changes the address
 * first, then the title, and draws the profile last: until then the heading is the last page's
 * (a feed's, a company's, a job's, the last profile's or one of its own pages), which must not be
 * saved under this profile's link. Told by the title naming one of LinkedIn's own pages or another
 * person than the heading does, or by the top card's own links (contact info, photo:
 * `/in/<slug>/overlay/…`) naming another profile. A page with no link to this profile's own
 * pages at all is another's when its title is of parts ("Experience | Kenji Morales", "Senior
 * Designer | Lumen Works") or its heading shares no word with an address made of name words
 * ("Lumen Works" at /in/nadia-haddad-91/). On a profile's own pages (`onSubpage`) the title names
 * the page too, and only the links tell.
 */
function showsAnotherPage(main: Element, card: Element, heading: Element | undefined, title: { name?: string; page?: true }, slug: string, onSubpage: boolean): boolean {
  if (title.page) return true;
  const named = heading && withoutNameBadges(spokenTextOf(heading));
  // A bar in a title is no person's but for a name with one in it, which the page's links tell.
  if (!onSubpage && named && title.name && !title.name.includes(' | ') && !sameName(named, title.name)) return true;
  // A member id (`/in/ACoAA…`) names a profile another way than its name does: it is compared with neither.
  const here = decodedSlug(slug);
  if (here.startsWith('acoaa')) return false;
  const own = [...card.querySelectorAll('a[href*="/overlay/"]')].map((link) => slugLinkedBy(attrOf(link, 'href'))).filter((linked) => linked && !linked.startsWith('acoaa'));
  if (own.length > 0) return !own.includes(here);
  if (onSubpage || [...main.querySelectorAll('a[href*="/in/"]')].some((link) => slugLinkedBy(attrOf(link, 'href')) === here)) return false;
  if (title.name?.includes(' | ') && !(named && spacedAlike(named) === spacedAlike(title.name))) return true;
  return named !== undefined && addressNamesAnother(here, named);
}

/** The profile a link leads to (`/in/<slug>/…`), as decodedSlug writes it; '' for none. */
function slugLinkedBy(href: string): string {
  const start = href.indexOf('/in/');
  return start < 0 ? '' : decodedSlug(href.slice(start + 4).split(/[/?#]/)[0]);
}

/**
 * Whether a profile address made of name words ("nadia-haddad-91") is another's than the heading
 * names: no word of the name, without its marks or with its letters written out, is in it. An
 * address of one word ("jdoe") or a name in a script of its own ("森田 健二" at /in/kenji-morita/)
 * says nothing.
 */
function addressNamesAnother(slug: string, name: string): boolean {
  const slugWords = slug.split('-').filter((word) => word.length >= 2 && /^[a-z]+$/.test(word));
  const lower = name.toLowerCase();
  const plain = withoutAccents(lower);
  if (slugWords.length < 2 || !/^[a-z .,'’()-]+$/.test(plain)) return false;
  const joined = slugWords.join('');
  const words = [plain, withoutAccents(writtenOut(lower))].flatMap((form) => form.split(/[^a-z]+/)).filter((word) => word.length >= 2);
  return !words.some((word) => joined.includes(word));
}

/** A profile's slug as its links may write it, percent-encoded or not, in any case. */
function decodedSlug(slug: string): string {
  if (!slug.includes('%')) return slug.toLowerCase();
  try {
    return decodeURIComponent(slug).toLowerCase();
  } catch {
    return slug.toLowerCase();
  }
}

/** The person of a LinkedIn profile page; [] on any other LinkedIn page or when nothing answers. */
export function extractLinkedIn(doc: Document, url: string): PersonInput[] {
  if (!isLinkedInProfileUrl(url)) return [];
  const profileUrl = canonicalProfileUrl(url)!;
  const slug = linkedinProfileSlug(new URL(profileUrl))!;
  const ld = profileJsonLd(doc, slug);
  const main = doc.querySelector('main') ?? doc.body ?? doc.documentElement;
  // A profile's own pages (its experience, its activity) show no top card, and lists of jobs.
  const onSubpage = url.includes('/details/') || url.includes('/recent-activity/');
  const title = once(() => titleParts(doc, onSubpage));
  const heading = nameHeading(main, () => title().name);
  const card = (heading && topCardOf(heading)) ?? main;
  // JSON-LD naming this profile is only in a page LinkedIn served whole (a public profile): no app moved it.
  if (!ld.name && showsAnotherPage(main, card, heading, title(), slug, onSubpage)) return [];
  // Walking the top card is the costliest read and only pages without readable classes need it.
  const after = once(() => (heading ? linesAfterHeading(card, heading) : []));
  const place = once(() => (heading ? locationLine(card, heading, after()) : undefined));
  const inCard = (selector: string) => firstInContent(card, selector);
  const classText = (selector: string) => spokenTextOf(firstInContent(main, selector), 400);
  // The head is the page as first served. LinkedIn's app moves from one profile to another
  // without loading a page, so its metadata may describe the last profile: it answers only when
  // its own address is this profile's.
  const headIsThisProfile = once(() => {
    const ogUrl = parseUrl(metaContent(doc, 'og:url'));
    return ogUrl !== null && linkedinProfileSlug(ogUrl) === slug;
  });
  const headMeta = (key: string) => (headIsThisProfile() ? metaContent(doc, key) : '');

  const name = firstAnswer([
    ['json-ld', () => ld.name?.value],
    ['profile:first_name', () => [headMeta('profile:first_name'), headMeta('profile:last_name')].filter(Boolean).join(' ')],
    ['h1.text-heading-xlarge', () => withoutNameBadges(classText('h1.text-heading-xlarge'))],
    ['h1.top-card-layout__title', () => withoutNameBadges(classText('h1.top-card-layout__title'))],
    ['main h1', () => withoutNameBadges(spokenTextOf(heading))],
    ['document.title', () => title().name],
  ]);

  const company = firstAnswer([
    ['json-ld', () => ld.company?.value],
    ['data-tracking-control-name=topcard-current-company', () => spokenTextOf(firstInContent(main, '[data-tracking-control-name$="topcard-current-company"]'), 300)],
    [
      'aria-label=Current company',
      () => {
        const button = [...main.querySelectorAll('[aria-label]')].find((el) => CURRENT_COMPANY_LABEL.test(attrOf(el, 'aria-label', 300)));
        if (!button || inPageChrome(button)) return undefined;
        return spokenTextOf(button, 300) || attrOf(button, 'aria-label', 300).replace(CURRENT_COMPANY_LABEL, '').split(/\.\s|。/)[0];
      },
    ],
    // Without a top card, main's links to companies are the jobs listed on a profile's subpage.
    ['top card a[href*=/company/]', () => (onSubpage && !heading ? undefined : spokenTextOf(inCard('a[href*="/company/"]'), 300))],
  ]);

  const headline = firstAnswer([
    ['json-ld', () => ld.title?.value],
    // A public page's title may name the company where the headline would be ("Ada Quinlan - Harbor Labs").
    ['document.title', () => (company && spacedAlike(title().headline ?? '') === spacedAlike(company.value) ? undefined : title().headline)],
    ['h2.top-card-layout__headline', () => classText('h2.top-card-layout__headline')],
    ['div.text-body-medium.break-words', () => classText('div.text-body-medium.break-words')],
    // The first line, unless it is the location: a profile without a headline.
    ['top card text after h1', () => (after()[0] === place() ? undefined : after()[0]?.text)],
  ]);

  const location = firstAnswer([
    ['json-ld', () => ld.location?.value],
    ['.top-card__subline-item', () => classText('.top-card__subline-item')],
    ['span.text-body-small.inline.t-black--light.break-words', () => classText('span.text-body-small.inline.t-black--light.break-words')],
    ['top card text after headline', () => place()?.text],
  ]);

  const photo = firstAnswer([
    ['json-ld', () => ld.photoUrl?.value],
    ['og:image', () => safeHttpUrl(headMeta('og:image'))],
    ['img.pv-top-card-profile-picture__image--show', () => imageUrl(firstInContent(main, 'img.pv-top-card-profile-picture__image--show'))],
    ['img.top-card-layout__entity-image', () => imageUrl(firstInContent(main, 'img.top-card-layout__entity-image'))],
    // Not a picture in a link to elsewhere: "Ada Quinlan is a mutual connection" beside a profile with no photo.
    ['top card img[src*=profile-displayphoto]', () => imageUrl(ownPicture(card, slug))],
  ]);

  // Out of network, LinkedIn names the person only as a member, in the page's language.
  if ((name?.value.toLowerCase().includes('linkedin') || name?.value.includes('领英')) && MEMBER_PLACEHOLDER.test(personName(name!.value))) return [];
  const person = candidate('linkedin', {
    name,
    title: headline && { ...headline, value: titleWithoutCompany(headline.value, company?.value) },
    company,
    location,
    emails: url.includes('/overlay/contact-info') ? { value: contactInfoEmails(doc, slug), from: 'contact info mailto' } : undefined,
    profileUrl: { value: profileUrl, from: 'location.href' },
    photoUrl: photo,
  });
  return person ? [person] : [];
}
