// Gmail, an open thread. Gmail keeps each participant's name and address in `email`/`name`
// attributes for its own hover cards (stable since 2014); its short class names have lasted
// years too. The sender of the latest expanded message comes first, with the author of a message
// it forwards, then the other senders, then recipients; the user's own addresses (the account's,
// and any Gmail calls "me") never.
import type { MessageRef, PersonInput } from '../capture-model';
import { parseUrl, safeHttpUrl } from '../text';
import { addressIn, candidate, mailParticipant, nameFromAddress, nameFromDisplayName } from './person';
import { attrOf, textOf } from './dom';

const GMAIL_ORIGIN = 'https://mail.google.com/';

export function isGmailUrl(url: string): boolean {
  return url.slice(0, GMAIL_ORIGIN.length).toLowerCase() === GMAIL_ORIGIN;
}

// `#inbox/FMfcgz…`, `#label/Work/FMfcgz…`, `#search/jane/FMfcgz…`: a view then a thread id.
const THREAD_HASH = /^#[^/]+(?:\/[^/]+)*\/([A-Za-z0-9_-]{16,})$/;

function threadIdInUrl(url: string): string | undefined {
  const hash = parseUrl(url)?.hash;
  return hash ? THREAD_HASH.exec(hash)?.[1] : undefined;
}

/**
 * Whether `el` is in a view on screen. Gmail keeps a view it has left (the last thread, the inbox)
 * in the page, hidden by its style, to come back to it fast. Read from the attributes, as no
 * reader asks the page for its layout (DESIGN.md).
 */
const shown = (el: Element) => el.closest('[hidden], [style*="display: none"], [style*="display:none"]') === null;

const firstShown = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].find(shown);

/** An open thread, by URL or by a message on screen: a page that should hold a person. */
export function isGmailThreadOpen(doc: Document, url: string): boolean {
  return isGmailUrl(url) && (threadIdInUrl(url) !== undefined || firstShown(doc, '[data-message-id]') !== undefined);
}

/** The signed-in account: from the title ("Inbox - me@x.com - Gmail") and the account button's label. */
export function gmailOwnAddresses(doc: Document): Set<string> {
  const own = new Set<string>();
  // The account is the last address in the title: a subject before it can hold addresses too,
  // and can be long, so the title is read from its end.
  const fromTitle = doc.title.slice(-600).split(' - ').reverse().map(addressIn).find(Boolean);
  if (fromTitle) own.add(fromTitle);
  // The account button ("Google Account: Ava Reyes (ava@…)") lives in the header and links to the
  // account page; a labelled link inside a message names someone else.
  for (const el of doc.querySelectorAll('[role="banner"] [aria-label*="@"], a[href^="https://accounts.google.com/"][aria-label*="@"]')) {
    const address = addressIn(attrOf(el, 'aria-label', 600));
    if (address) own.add(address);
  }
  return own;
}

/** A link that reopens the thread: the page URL when it names one, else the legacy id Gmail keeps on the subject. */
function threadLink(subject: Element | undefined, url: string): string | undefined {
  if (threadIdInUrl(url)) return safeHttpUrl(url);
  const legacyId = subject?.getAttribute('data-legacy-thread-id') ?? '';
  if (!/^[0-9a-f]{8,32}$/i.test(legacyId)) return undefined;
  const account = /\/mail\/u\/(\d{1,2})\//.exec(url)?.[1] ?? '0';
  return `https://mail.google.com/mail/u/${account}/#all/${legacyId}`;
}

/** Gmail's title attribute holds the full date ("Tue, Mar 4, 2025, 9:14 AM"); only plausible parses count. */
function parseDate(text: string): number | undefined {
  const parsed = Date.parse(text.replace(/\s+at\s+/, ' '));
  const at = Number.isFinite(parsed) ? parsed : localisedDate(text);
  return at !== undefined && at > Date.UTC(1995, 0) && at < Date.UTC(2100, 0) ? at : undefined;
}

// A month by the start of its name in the languages Gmail writes dates in most, four letters
// where three are not enough (French juin, juil.).
const MONTHS: Record<string, number> = {
  jan: 1, jän: 1, ene: 1, gen: 1, feb: 2, fév: 2, fev: 2, mar: 3, mär: 3, mrt: 3, maa: 3,
  apr: 4, avr: 4, abr: 4, may: 5, mai: 5, mag: 5, mei: 5, jun: 6, juin: 6, giu: 6,
  jul: 7, juil: 7, lug: 7, aug: 8, aoû: 8, ago: 8, sep: 9, set: 9, oct: 10, okt: 10, ott: 10, out: 10,
  nov: 11, dec: 12, dez: 12, déc: 12, dic: 12,
};

/**
 * A date as Gmail writes it in other languages, day before month: "Di., 4. März 2025, 09:14",
 * "mar. 4 mars 2025, 09:14", "ter., 4 de mar. de 2025, 09:14". Tried only where Date.parse,
 * which reads the English one, cannot.
 */
function localisedDate(text: string): number | undefined {
  const m = /(\d{1,2})\.?\s+(?:de\s+)?([^\d\s.,]{3,12})\.?\s+(?:de\s+)?(\d{4})(?:\D{1,6}(\d{1,2})[:.](\d{2}))?/.exec(text.slice(0, 100));
  if (!m) return undefined;
  const [, day, monthName, year, hours = '0', minutes = '0'] = m;
  const word = monthName.toLowerCase();
  const month = MONTHS[word.slice(0, 4)] ?? MONTHS[word.slice(0, 3)];
  return month ? new Date(+year, month - 1, +day, +hours, +minutes).getTime() : undefined;
}

/** Runs the date parsing once, so it is compiled before the first capture. */
export function warmUpGmail(): void {
  parseDate('Tue, Mar 4, 2025, 9:14 AM');
}

type Participant = {
  /** Undefined for a post through a list or service (`via`) that did not write the poster's address for their name. */
  email?: string;
  name: string;
  nameFrom: string;
  role: 'sender' | 'recipient';
  at?: number;
  /** The address of the list or service a post came through. */
  via?: string;
  /** The author of a message forwarded in another's body, read from its header rather than Gmail's attributes. */
  forwarded?: boolean;
};

/**
 * Elements Gmail marks with a participant's address; never those inside a message body, nor the
 * senders of the message list (`tr.zA`), which the reading pane shows beside an open thread.
 */
function participantElements(root: Element, selector: string): Element[] {
  return [...root.querySelectorAll(selector)].filter((el) => !el.closest('.a3s, .ii.gt, tr.zA'));
}

function participant(addressText: string, shown: string, role: Participant['role'], at: number | undefined): Participant | undefined {
  const address = addressIn(addressText);
  const read = address && mailParticipant(shown, address);
  if (!read) return undefined;
  const named = read.name !== '' && (read.email === undefined || addressIn(read.name) !== read.email);
  return {
    email: read.email,
    name: named ? nameFromDisplayName(read.name) : nameFromAddress(read.email!),
    nameFrom: named ? 'gmail:[name]' : 'gmail:[email]',
    role,
    at,
    via: read.via,
  };
}

/** A participant Gmail marks with their address and name, for its hover cards. */
const attributed = (el: Element, role: Participant['role'], at: number | undefined) => participant(attrOf(el, 'email', 320), attrOf(el, 'name', 200), role, at);

/** People of the open thread, best first. */
export function extractGmail(doc: Document, url: string): PersonInput[] {
  const subjectEl = firstShown(doc, 'h2.hP');
  // The inbox and other lists show many senders, none of them whom the page is about.
  if (!isGmailUrl(url) || (!subjectEl && !isGmailThreadOpen(doc, url))) return [];
  const thread = subjectEl?.closest('[role="main"]') ?? firstShown(doc, '[role="main"]') ?? doc.body;
  if (!thread) return [];
  const own = gmailOwnAddresses(doc);
  // Gmail marks messages with data-message-id; an expanded one has a body (`.a3s`), a collapsed
  // one shows only its sender. Older builds leave collapsed ones unmarked, and some mark
  // messages only with their legacy id, or not at all but by the expanded message's class.
  const outermost = (selector: string) => [...thread.querySelectorAll(selector)].filter((el) => !el.parentElement?.closest(selector));
  let messages = outermost('[data-message-id]');
  if (messages.length === 0) messages = outermost('[data-legacy-message-id], .adn');
  const expanded = messages.filter((el) => el.matches('.adn') || el.querySelector('.a3s, .ii.gt') !== null);
  const dateOf = (scope: Element) => {
    const dated = scope.querySelector('span.g3[title]');
    return dated ? parseDate(attrOf(dated, 'title', 100)) : undefined;
  };

  // Gmail shows a thread oldest first, so the last expanded message is the latest one.
  const latestFirst = [...expanded].reverse();
  const senders: Participant[] = [];
  const recipients: Participant[] = [];
  for (const message of latestFirst) {
    const at = dateOf(message);
    const sender = participantElements(message, 'h3 [email], span.gD[email]')[0];
    const senderParticipant = sender && attributed(sender, 'sender', at);
    if (senderParticipant) senders.push(senderParticipant);
    // Gmail marks the author's name in the header of a message forwarded in the body ("From:
    // <strong class=gmail_sendername>Jane Okoro</strong> <jane@…>"). It is looked for in the
    // recipients' pass, so a message without one costs no other.
    for (const el of message.querySelectorAll('span.g2[email], .hb [email], .gmail_sendername')) {
      if (el.classList.contains('gmail_sendername')) {
        const shown = textOf(el, 200);
        const author = participant(textOf(el.nextElementSibling, 320) || shown, shown, 'sender', at);
        if (author) senders.push({ ...author, forwarded: true });
      } else if (el !== sender && !el.closest('.a3s, .ii.gt')) {
        const p = attributed(el, 'recipient', at);
        if (p) recipients.push(p);
      }
    }
  }
  // Not the recipients of a reply being written in the thread: those are the user's to choose.
  const collapsedSenders = participantElements(thread, '[email]').filter((el) => !expanded.some((m) => m.contains(el)) && !el.closest('form'));
  for (const el of collapsedSenders.reverse()) {
    const p = attributed(el, 'sender', undefined);
    if (p) senders.push(p);
  }

  const subject = textOf(subjectEl, 300);
  const link = threadLink(subjectEl, url);
  const latestAt = latestFirst.map(dateOf).find((at) => at !== undefined);
  const participants = [...senders, ...recipients];
  const keyOf = (p: Participant) => p.email ?? `name:${p.name.toLowerCase()}`;
  // Gmail calls the user "me" at each address of theirs it knows, a send-as alias as well as the
  // account's. The word is English's, or the name it gives the account's address in this thread.
  const namesOfMe = new Set(['me', ...participants.filter((p) => p.email !== undefined && own.has(p.email)).map((p) => p.name)]);
  const seen = new Set<string>(own);
  for (const p of participants) {
    if (namesOfMe.has(p.name)) seen.add(keyOf(p));
    // A list that posts came through is no person either, where it is also a recipient.
    if (p.via !== undefined) seen.add(p.via);
  }
  const people: PersonInput[] = [];
  for (const p of participants) {
    const key = keyOf(p);
    if (seen.has(key)) continue;
    seen.add(key);
    const message: MessageRef = { subject, at: p.at ?? latestAt, link };
    const person = candidate(
      'gmail',
      {
        name: { value: p.name, from: p.forwarded ? 'gmail:forwarded' : p.nameFrom },
        emails: p.email === undefined ? undefined : { value: [p.email], from: p.forwarded ? 'gmail:forwarded' : 'gmail:[email]' },
      },
      { role: p.role, message },
    );
    if (person) people.push(person);
  }
  return people;
}
