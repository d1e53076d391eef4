// Microformats: h-card (microformats2) and the older hCard (`vcard`). Blogs, personal sites and
// team pages mark people up this way; a card's properties belong to the nearest card around them.
import type { PersonInput } from '../capture-model';
import { normalizeEmail, safeHttpUrl } from '../text';
import { attrOf, imageUrl, textOf } from './dom';
import { mailtoAddresses } from './mailto';
import { candidate, firstAnswer, type Signal, withoutSharedKeys } from './person';

const MAX_CARDS = 200;

type Vocabulary = {
  root: string;
  /** Class names of each property, most specific first. */
  name: string[];
  title: string[];
  company: string[];
  location: string[];
  label: string[];
  email: string[];
  phone: string[];
  url: string[];
  photo: string[];
  /** A card that is itself someone else's organisation or place, not a person. */
  notAPerson: string[];
  /** A name given in parts only, joined in this order: "Jane Doe". */
  nameParts: string[];
  /** A post and its author's card. */
  entry: string;
  author: string;
};

const MF2: Vocabulary = {
  root: 'h-card',
  name: ['p-name'],
  nameParts: ['p-given-name', 'p-family-name'],
  title: ['p-job-title', 'p-role'],
  company: ['p-org'],
  /** Joined in this order: "Lisbon, Portugal". */
  location: ['p-locality', 'p-region', 'p-country-name'],
  /** The whole address as one line, where it is not given in parts (GitHub's "San Francisco"). */
  label: ['p-label'],
  email: ['u-email'],
  phone: ['p-tel'],
  url: ['u-url', 'u-uid'],
  photo: ['u-photo'],
  notAPerson: ['p-org', 'p-location'],
  entry: 'h-entry',
  author: 'p-author',
};

const HCARD: Vocabulary = {
  root: 'vcard',
  name: ['fn'],
  nameParts: ['given-name', 'family-name'],
  title: ['title', 'role'],
  company: ['organization-name', 'org'],
  location: ['locality', 'region', 'country-name'],
  // Not `label`: pages name their own labels so ("Phone:").
  label: [],
  email: ['email'],
  phone: ['tel'],
  url: ['url'],
  photo: ['photo'],
  notAPerson: ['org', 'agent'],
  entry: 'hentry',
  author: 'author',
};

/** Elements of `card` with the class, skipping those that belong to a card nested inside it. */
function properties(card: Element, className: string, root: string): Element[] {
  return [...card.querySelectorAll(`.${className}`)].filter((el) => el.parentElement?.closest(`.${root}`) === card);
}

function textValue(el: Element): string {
  const tag = el.localName;
  if (tag === 'img' || tag === 'area') return attrOf(el, 'alt');
  if (tag === 'abbr') return attrOf(el, 'title') || textOf(el);
  if (tag === 'data' || tag === 'input') return attrOf(el, 'value');
  // Old hCard marks the value part of a property (`<span class="email"><span class="type">work</span>
  // <span class="value">…`) with `value`.
  const valuePart = el.querySelector(':scope > .value');
  return textOf(valuePart ?? el);
}

function urlValue(el: Element): string | undefined {
  if (el.localName === 'img') return imageUrl(el);
  const link = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('data');
  // A personal site's own card links home as `href="/"`; text is read as a URL only if whole.
  return safeHttpUrl(link, el.baseURI) ?? safeHttpUrl(textValue(el));
}

function emailValue(el: Element): string | undefined {
  return mailtoAddresses(el.getAttribute('href') ?? '')[0] ?? normalizeEmail(textValue(el));
}

/** A company given as a profile's handle ("@github") is the name after the "@". */
function handleless(company: string | undefined): string | undefined {
  return company?.startsWith('@') && company.length > 1 && company[1] !== ' ' ? company.slice(1) : company;
}

/**
 * Whether the card's own text is its name, as microformats2 parsers decide: only when nothing
 * inside it is a text property (`p-*`, `e-*`) or another microformat (`h-*`). A photo or a link
 * (`u-*`) does not count: a personal site's card is often just `<a class="h-card" href="/"><img
 * class="u-photo" …>Jane Doe</a>`.
 */
function namesItselfByText(card: Element): boolean {
  for (const el of card.querySelectorAll('[class]')) {
    for (const cls of el.classList) if (/^(p|e|h)-/.test(cls)) return false;
  }
  return true;
}

function readCard(card: Element, vocabulary: Vocabulary): PersonInput | undefined {
  const { root } = vocabulary;
  const prefix = root === 'h-card' ? 'h-card' : 'hcard';
  const all = (classes: string[]) => classes.flatMap((cls) => properties(card, cls, root));
  const single = (classes: string[], read: (el: Element) => string | undefined): Signal[] =>
    classes.map((cls) => [`${prefix}:${cls}`, () => properties(card, cls, root).map(read).find(Boolean)] as const);
  const list = (classes: string[], read: (el: Element) => string | undefined) => {
    const values = all(classes).map(read).filter((v): v is string => Boolean(v));
    return values.length ? { value: values, from: `${prefix}:${classes[0]}` } : undefined;
  };
  // A property that is itself a card (`p-org h-card`) has that card's name as its value.
  const text = (el: Element) => {
    const nestedName = el !== card && el.classList.contains(root) ? vocabulary.name.flatMap((cls) => properties(el, cls, root))[0] : undefined;
    return textValue(nestedName ?? el) || undefined;
  };
  // A card with no text property inside is named by its own text (`<a class="h-card" href="…">Jane Doe</a>`),
  // or by its only picture's alt text (`<a class="h-card" href="…"><img alt="Jane Doe" …></a>`).
  const impliedName: Signal = [
    `${prefix}:implied`,
    () => {
      if (!namesItselfByText(card)) return undefined;
      const picture = card.querySelector(':scope > img[alt]:only-child, :scope > :only-child > img[alt]:only-child');
      return textValue(card) || (picture ? textValue(picture) : undefined);
    },
  ];
  const nameInParts: Signal = [
    `${prefix}:${vocabulary.nameParts[0]}`,
    () => vocabulary.nameParts.map((cls) => properties(card, cls, root).map(textValue).find(Boolean)).filter(Boolean).join(' '),
  ];
  // …and a linked card by its link.
  const impliedUrl: Signal = [`${prefix}:implied`, () => (card.localName === 'a' ? safeHttpUrl(card.getAttribute('href'), card.baseURI) : undefined)];
  const place = () => {
    const parts = vocabulary.location.map((cls) => properties(card, cls, root).map(textValue).find(Boolean));
    return parts.filter(Boolean).join(', ');
  };
  return candidate('h-card', {
    name: firstAnswer([...single(vocabulary.name, text), nameInParts, ...(root === 'h-card' ? [impliedName] : [])]),
    title: firstAnswer(single(vocabulary.title, text)),
    company: firstAnswer(single(vocabulary.company, (el) => handleless(text(el)))),
    location: firstAnswer([[`${prefix}:${vocabulary.location[0]}`, place], ...single(vocabulary.label, text)]),
    emails: list(vocabulary.email, emailValue),
    phones: list(vocabulary.phone, text),
    profileUrl: firstAnswer([...single(vocabulary.url, urlValue), ...(root === 'h-card' ? [impliedUrl] : [])]),
    photoUrl: firstAnswer(single(vocabulary.photo, urlValue)),
  });
}

// Where blogs list their comments (WordPress's `#comments` and `li.comment`, microformats'
// `p-comment`): a commenter's card is never whom the page is about.
const COMMENTS = '#comments, .comments, .comment, .comment-list, .commentlist, .p-comment';

function cardsOf(doc: Document, vocabulary: Vocabulary): PersonInput[] {
  const people: PersonInput[] = [];
  // On a post's page (one post, whatever its comments are marked up as), its author is whom the
  // page is about: a guest's post on a blog whose owner's card heads every page. Its own author:
  // not that of a post it replies to or reposts (a citation) or of a post nested in it.
  const inside = `.${vocabulary.entry}, .h-cite`;
  const entries = [...doc.querySelectorAll(`.${vocabulary.entry}`)].filter((entry) => !entry.parentElement?.closest(inside) && !entry.closest(COMMENTS));
  const author =
    entries.length === 1
      ? [...entries[0].querySelectorAll(`.${vocabulary.author}.${vocabulary.root}`)].find((card) => card.parentElement?.closest(inside) === entries[0])
      : undefined;
  const cards = [...doc.querySelectorAll(`.${vocabulary.root}`)].slice(0, MAX_CARDS);
  if (author && cards.includes(author)) cards.sort((a, b) => Number(b === author) - Number(a === author));
  for (const card of cards) {
    if (vocabulary.notAPerson.some((cls) => card.classList.contains(cls))) continue;
    // An organisation's card names itself as one: `fn org` (old hCard), `p-name p-org` (h-card),
    // on the card or an element of its own, not of a card nested in it (a person's employer).
    const [name, org] = vocabulary === HCARD ? ['fn', 'org'] : ['p-name', 'p-org'];
    const ownName = [card, ...card.querySelectorAll(`.${name}.${org}`)].some(
      (el) => el.classList.contains(name) && el.classList.contains(org) && (el === card || el.parentElement?.closest(`.${vocabulary.root}`) === card),
    );
    if (ownName) continue;
    if (card.closest(COMMENTS)) continue;
    const person = readCard(card, vocabulary);
    if (person) people.push(person);
  }
  return people;
}

/** People marked up with h-card, then those with old hCard, each in document order. */
export function extractHCards(doc: Document): PersonInput[] {
  return withoutSharedKeys([...cardsOf(doc, MF2), ...cardsOf(doc, HCARD)]);
}
