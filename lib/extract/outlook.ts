// Outlook on the web, an open message. Its class names are CSS-in-JS hashes that change per
// build, so this reads `data-app-section`/`data-testid` attributes, the UniqueMessageBody id,
// localised `aria-label`s ("From: …", "Von: …", "De : …") and the address pattern.
import type { MessageRef, PersonInput } from '../capture-model';
import { cleanLine, parseHttpUrl } from '../text';
import { attrOf, textOf } from './dom';
import { addressIn, candidate, isDesk, mailParticipant, nameFromAddress, nameFromDisplayName, withoutQuotes, type Answer } from './person';

// outlook.cloud.microsoft is where Microsoft now serves work accounts; outlook.office.com redirects there.
const OUTLOOK_ORIGINS = ['https://outlook.cloud.microsoft/', 'https://outlook.office.com/', 'https://outlook.office365.com/', 'https://outlook.live.com/'];

export function isOutlookUrl(url: string): boolean {
  return OUTLOOK_ORIGINS.some((origin) => url.slice(0, origin.length).toLowerCase() === origin);
}

const READING_PANE = '[data-app-section="ConversationContainer"], [data-app-section="MailReadCompose"]';
const MESSAGE_BODY = '[id^="UniqueMessageBody_"]';
const RECIPIENTS = '[data-testid="RecipientWell"]';
const CHIP = 'button, [role="button"], [role="listitem"]';
const SENT_TIME = '[data-testid="SentReceivedSavedTime"]';
// "From" in Outlook's UI languages; the label is "<word>: <sender>" (French puts a space before the colon).
const FROM_LABEL =
  /^\s*(from|von|de|de la|da|van|från|fra|od|от|від|kimden|feladó|lähettäjä|afsender|apo|από|dari|daripada|từ|מאת|من|จาก|差出人|发件人|寄件者|보낸 사람)\s*[:：]\s*/i;

export function isOutlookMessageOpen(doc: Document, url: string): boolean {
  return isOutlookUrl(url) && doc.querySelector(`${MESSAGE_BODY}, ${READING_PANE}`) !== null;
}

/** The signed-in account's addresses and display name, from the account manager and the title. */
function ownAccount(doc: Document): { addresses: Set<string>; names: Set<string> } {
  const addresses = new Set<string>();
  const names = new Set<string>();
  const me = doc.querySelector('#O365_MainLink_Me, [data-testid="account-manager-button"]');
  for (const text of [
    textOf(doc.querySelector('#mectrl_currentAccount_secondary'), 320),
    attrOf(me, 'aria-label', 400),
    attrOf(me, 'title', 400),
  ]) {
    const address = addressIn(text);
    if (address) addresses.add(address);
  }
  // Kept as people's names are read ("Reyes, Ava" as "Ava Reyes"), so either way of writing it matches.
  const primary = textOf(doc.querySelector('#mectrl_currentAccount_primary'), 200);
  if (primary) names.add(nameFromDisplayName(primary).toLowerCase());
  // "Mail - Ava Reyes - Outlook"
  const parts = cleanLine(doc.title, 400).split(' - ');
  if (parts.length >= 3 && /^outlook$/i.test(parts[parts.length - 1])) {
    const who = parts.slice(1, -1).join(' - ');
    const address = addressIn(who);
    if (address) addresses.add(address);
    else names.add(nameFromDisplayName(who).toLowerCase());
  }
  return { addresses, names };
}

/** "Priya Natarajan <priya@x>", "Priya Natarajan", "priya@x" → name and address. */
function nameAndAddress(text: string): { name: string; email?: string } {
  const email = addressIn(text);
  // A chip's text can end in the separator between recipients: "Max Müller;".
  const name = withoutQuotes(cleanLine(text.replace(/<[^<>]*>/g, ' ').replace(/[^\s<>()"';,]+@\S+/g, ' '), 200).replace(/\s*[;,]+$/, ''));
  return { name, email };
}

/**
 * Outlook shows dates as the locale writes them: 3/4/2025 in en-US, 04.03.2025 in German,
 * 04/03/2025 in French and British English; the page's language settles the order.
 */
export function parseOutlookDate(text: string, lang: string): number | undefined {
  // Cases spelled out rather than a case-insensitive flag, here and below: the first read of an
  // open message compiled these three patterns for ~0.2 ms more with it.
  const m = /(\d{1,4})([./-])(\d{1,2})\2(\d{2,4})(?:\D{1,12}(\d{1,2})[:.](\d{2})(?:\s*([aApP])\.?\s?[mM]\.?)?)?/.exec(text.slice(0, 200));
  if (!m) return undefined;
  const [, a, separator, b, c, hours = '0', minutes = '0', meridiem] = m;
  const monthFirst = separator === '/' && ['en', 'en-us'].includes((lang || 'en-US').toLowerCase());
  let [year, month, day] =
    a.length === 4 ? [+a, +b, +c] : monthFirst ? [+c, +a, +b] : [+c, +b, +a];
  if (year < 100) year += 2000;
  let hour = +hours % 24;
  if (meridiem) hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return new Date(year, month - 1, day, hour, +minutes).getTime();
}

/** Runs the From label and date patterns once, so they are compiled before the first capture. */
export function warmUpOutlook(): void {
  FROM_LABEL.test('Von: Kith');
  parseOutlookDate('04.03.2025 09:30', 'de');
}

/** The header of one message: climb from its body until the From line is inside. */
function messageScope(body: Element, pane: Element): Element {
  let scope: Element = body;
  while (scope.parentElement && scope !== pane && !fromElement(scope)) scope = scope.parentElement;
  if (scope !== pane || fromElement(pane)) return scope;
  // No From label: the header is the first around the body that holds the recipients.
  let header = body;
  while (header !== pane && !header.querySelector(RECIPIENTS)) header = header.parentElement!;
  return header;
}

/** The From line of the header; a message's own text can carry a "From: …" label too, so bodies are passed over. */
function fromElement(scope: Element): Element | undefined {
  return [...scope.querySelectorAll('[aria-label]')].find(
    (el) => FROM_LABEL.test(attrOf(el, 'aria-label', 400)) && !el.closest(MESSAGE_BODY),
  );
}

type Found = { name: Answer; email?: string; role: 'sender' | 'recipient' };

// "Talent Team <talent@…> on behalf of Grace Mbeki <grace@…>": a delegate or a shared mailbox
// sent it for someone, whose message it is. Looked for without a pattern: most senders have none.
const ON_BEHALF_OF = [' on behalf of ', ' im auftrag von ', ' de la part de ', ' en nombre de ', ' per conto di ', ' namens '];

/**
 * Whose message it is, where the From line names one sender on behalf of another: the one sent
 * for, unless that is a shared mailbox ("Grace Mbeki on behalf of Fabrikam Careers"), whose
 * messages are the person's who sent them. Only between two addresses: a name may hold the words.
 */
function principalOf(text: string): string {
  const lower = text.toLowerCase();
  for (const words of ON_BEHALF_OF) {
    const at = lower.lastIndexOf(words);
    if (at < 0 || !text.slice(0, at).includes('@')) continue;
    const [sender, sentFor] = [text.slice(0, at), text.slice(at + words.length)];
    const forAddress = addressIn(sentFor);
    return forAddress && isDesk(forAddress) ? sender : sentFor;
  }
  return text;
}

function senderOf(scope: Element): Found | undefined {
  // Without the label, the sender is the line before the recipients, which may say "From:" itself.
  const labelled = fromElement(scope);
  const line = scope.querySelector(RECIPIENTS)?.previousElementSibling;
  const from = labelled ?? (line?.closest(MESSAGE_BODY) ? undefined : line);
  if (!from) return undefined;
  const label = nameAndAddress(principalOf(attrOf(from, 'aria-label', 400).replace(FROM_LABEL, '')));
  const shown = nameAndAddress(principalOf(textOf(from, 400).replace(FROM_LABEL, '')));
  const address = label.email ?? shown.email ?? addressIn(attrOf(from, 'title', 320)) ?? addressIn(attrOf(from.querySelector('[title*="@"]'), 'title', 320));
  const read = mailParticipant(label.name || shown.name, address);
  if (!read) return undefined;
  const { email } = read;
  const name = nameFromDisplayName(read.name);
  if (!name && !email) return undefined;
  return {
    name: name ? { value: name, from: labelled ? 'outlook:aria-label=From' : 'outlook:before RecipientWell' } : { value: nameFromAddress(email!), from: 'outlook:address' },
    email,
    role: 'sender',
  };
}

/** Each recipient in the To/Cc wells: a chip's text, with the address from its text, title or label. */
function recipientsOf(scope: Element): Found[] {
  const found: Found[] = [];
  for (const well of scope.querySelectorAll(RECIPIENTS)) {
    // A recipient is a chip (button or list item) when Outlook draws them so, else a text leaf.
    const chips = [...well.querySelectorAll(CHIP)].filter((chip) => {
      const outer = chip.parentElement?.closest(CHIP);
      return !outer || !well.contains(outer);
    });
    const leaves = [...well.querySelectorAll('*')].filter((el) => el.firstElementChild === null);
    for (const chip of chips.length ? chips : leaves) {
      const shown = nameAndAddress(textOf(chip, 400));
      // Leaves like "To:", "Cc:" and ";" are labels and separators, not people.
      if (!shown.email && (!/\p{L}/u.test(shown.name) || /[:：]$/.test(shown.name))) continue;
      const email = shown.email ?? addressIn(attrOf(chip, 'title', 320)) ?? addressIn(attrOf(chip, 'aria-label', 400));
      const name = nameFromDisplayName(shown.name);
      found.push({
        name: name ? { value: name, from: 'outlook:RecipientWell' } : { value: nameFromAddress(email!), from: 'outlook:address' },
        email,
        role: 'recipient',
      });
    }
  }
  return found;
}

/** People of the open message (or conversation), the latest message's sender first. */
export function extractOutlook(doc: Document, url: string): PersonInput[] {
  if (!isOutlookUrl(url)) return [];
  const pane = doc.querySelector(READING_PANE) ?? doc.body;
  if (!pane) return [];
  const lang = doc.documentElement.getAttribute('lang') ?? '';
  const messages = [...pane.querySelectorAll(MESSAGE_BODY)].map((body) => {
    const scope = messageScope(body, pane);
    return { scope, at: parseOutlookDate(textOf(scope.querySelector(SENT_TIME), 100), lang) };
  });
  if (messages.length === 0) return [];
  // Outlook lists a conversation newest first by default; dates, when they parse, decide.
  const latestFirst = [...messages].sort((a, b) => (b.at ?? -Infinity) - (a.at ?? -Infinity));
  const heading = pane.querySelector('[role="heading"], h1, h2');
  const subject = textOf(heading?.querySelector('[title]') ?? heading, 300);
  const own = ownAccount(doc);
  // An open message's URL names it (`/mail/inbox/id/AAQk…`), so it reopens the message.
  const address = parseHttpUrl(url);
  const link = address && /\/mail\/(?:[^?#]*\/)?id\//.test(address.pathname) ? address.href : undefined;

  const found = latestFirst.flatMap(({ scope, at }) =>
    [senderOf(scope), ...recipientsOf(scope)].filter((f): f is Found => f !== undefined).map((f) => ({ ...f, at })),
  );
  const ordered = [...found.filter((f) => f.role === 'sender'), ...found.filter((f) => f.role === 'recipient')];
  const seen = new Set<string>();
  const people: PersonInput[] = [];
  for (const f of ordered) {
    const key = f.email ?? `name:${f.name.value.toLowerCase()}`;
    if (seen.has(key) || (f.email && own.addresses.has(f.email)) || own.names.has(f.name.value.toLowerCase())) continue;
    seen.add(key);
    const message: MessageRef = { subject, at: f.at ?? latestFirst[0].at, link };
    const person = candidate(
      'outlook',
      { name: f.name, emails: f.email ? { value: [f.email], from: 'outlook:address' } : undefined },
      { role: f.role, message },
    );
    if (person) people.push(person);
  }
  return people;
}
