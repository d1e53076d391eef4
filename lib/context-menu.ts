// Right-click "Save to Kith" on a page, a link or selected text. One menu item for all three
// contexts, so a selected link shows one entry, not a submenu; the click data says which it was.
// The handler is a plain function of the click, with the browser-facing parts passed in, so unit
// tests and the e2e worker drive exactly what a click does.
import type { Browser } from 'wxt/browser';
import { UNREADABLE } from './capture';
import { savedUnderSameName } from './contact-search';
import { type HeldByOther, type KithDB, failureMessage, leftOffNotice, saveCapturedPerson } from './db';
import { isMailtoLink, mailtoAddresses, parseMailtoLink } from './extract/mailto';
import { parseSignature } from './extract/signature';
import { withoutNameBadges } from './extract/linkedin';
import { ACRONYM, firstNameFirst, looksLikePersonName, personName, writtenAsName } from './extract/person';
import { type Contact, type PageCapture, Person, type PersonInput, type Settings } from './model';
import { notifyNothingSaved, notifySaveFailed, notifySaved } from './notifications';
import { linkedinProfileSlug } from './profile-url';
import { remindersAlongside } from './reminder-store';
import { cleanLine, parseHttpUrl } from './text';

export const SAVE_MENU_ID = 'kith-save';

/** Created once, in onInstalled; Chrome keeps menu items across restarts of the worker. */
export async function createSaveMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: SAVE_MENU_ID, title: 'Save to Kith', contexts: ['page', 'link', 'selection'] });
}

/** What a context-menu click carries that Kith reads (Firefox adds the link's text). */
export type SaveClick = Pick<Browser.contextMenus.OnClickData, 'menuItemId' | 'linkUrl' | 'selectionText' | 'frameId'> & {
  linkText?: string;
};
export type SaveTab = { id?: number } | undefined;

export type SaveDeps = {
  openDb: () => Promise<KithDB>;
  now: () => number;
  loadSettings: () => Promise<Settings>;
  /** What the tab's page shows, people best first (lib/capture.ts). */
  captureTab: (tabId: number) => Promise<PageCapture | typeof UNREADABLE | undefined>;
  /** The text of the link to `linkUrl` in that frame (Chrome's click data lacks it). */
  linkTextOf: (tabId: number, frameId: number, linkUrl: string) => Promise<string>;
  /** The frame's selection with its line breaks (Chrome's click data turns them into spaces). */
  selectionTextOf: (tabId: number, frameId: number) => Promise<string>;
  /** Recompute badge and alarm after a save, and tell open pages whom it saved. */
  afterSave: (contacts: readonly string[]) => Promise<unknown>;
};

/**
 * `leftOut`: people of a long selection past the ones saved in one go; `othersOnPage`: the other
 * people a page shows, of whom a right-click on it saves the first; `leftOff`: leftOffNotice,
 * when a save left something off.
 */
export type SaveOutcome = { saved: Contact[]; created: number; leftOut?: number; othersOnPage?: number; leftOff?: string } | { nothing: string };

/** More than this many addresses in one selection is a page of text, not a list to save. */
const MAX_PEOPLE_PER_SAVE = 20;

const NOTHING = {
  selection: 'The selected text holds no name or email address Kith can read.',
  link: 'Kith saves LinkedIn profile links and email (mailto:) links; this link is neither.',
  mailto: 'This email link names no address Kith can save.',
  linkName: 'The profile link has no name in its text. Open the profile and save it from there.',
  page: 'Kith found no person on this page.',
  unreadable: 'Kith cannot read this page: the browser keeps it from extensions.',
};

/** A name that carries markup is page code, not a person: never saved. */
function usable(input: PersonInput): Person | undefined {
  const parsed = Person.safeParse(input);
  if (!parsed.success || /[<>]/.test(parsed.data.name)) return undefined;
  return parsed.data;
}

const AVATAR_INITIALS = /^\p{Lu}{1,3}$/u;
const PRESENCE = /^status(?: is|:) /i;

/**
 * "Sam Lee, CTO at Acme" as "Sam Lee": a job after a full name's comma, as a directory's link may
 * give it (words in lower case, an acronym, or three words or more); otherwise a name written
 * surname first ("Doe, Jane"; "van der Berg, Jan" and "Sam Lee, Jr." as they are).
 */
function nameBeforeJob(name: string): string {
  const comma = name.indexOf(', ');
  if (comma < 0) return firstNameFirst(name);
  const [before, after] = [name.slice(0, comma), name.slice(comma + 2)];
  const job = after.split(' ').length >= 3 || !writtenAsName(after) || ACRONYM.test(after);
  return job && before.includes(' ') ? before : firstNameFirst(name);
}

async function linkPeople(click: SaveClick, tab: SaveTab, deps: SaveDeps): Promise<PersonInput[] | string> {
  const href = click.linkUrl ?? '';
  const textOfLink = async () =>
    click.linkText ?? (tab?.id === undefined ? '' : await deps.linkTextOf(tab.id, click.frameId ?? 0, href).catch(() => ''));
  if (isMailtoLink(href)) return parseMailtoLink(href, await textOfLink());
  const url = parseHttpUrl(href);
  if (!url || !linkedinProfileSlug(url)) return NOTHING.link;
  // LinkedIn links often hold the name then "View Jane's profile" or a degree badge; a search
  // engine's result, the page's title: "Jane Doe - Head of Research - Acme | LinkedIn". Before
  // the name, a directory's link may show a status dot or the initials its avatar is drawn with,
  // and LinkedIn's picture link its hidden "Status is reachable".
  const line = (await textOfLink())
    .split('\n')
    .map((line) => withoutNameBadges(cleanLine(line, 200)).split(/\s+[-–—|]\s+/)[0])
    .find((line) => /\p{L}/u.test(line) && !AVATAR_INITIALS.test(line) && !PRESENCE.test(line));
  const name = line && nameBeforeJob(personName(line));
  if (!name || !looksLikePersonName(name)) return NOTHING.linkName;
  return [{ name, emails: [], profileUrl: href, source: 'link', fieldSources: { name: 'link:text', profileUrl: 'link:href' } }];
}

/**
 * The link right-clicked inside a selection names who the selection is about: its address or
 * profile joins the one person the selection names.
 */
function withLink(person: PersonInput, linkUrl: string): PersonInput {
  if (isMailtoLink(linkUrl)) {
    const missing = mailtoAddresses(linkUrl).filter((email) => !person.emails?.includes(email));
    if (!missing.length) return person;
    return { ...person, emails: [...(person.emails ?? []), ...missing], fieldSources: { emails: 'mailto:href', ...person.fieldSources } };
  }
  const url = parseHttpUrl(linkUrl);
  if (person.profileUrl || !url || !linkedinProfileSlug(url)) return person;
  return { ...person, profileUrl: linkUrl, fieldSources: { ...person.fieldSources, profileUrl: 'link:href' } };
}

async function peopleOf(click: SaveClick, tab: SaveTab, deps: SaveDeps): Promise<{ people: Person[]; leftOut: number; othersOnPage: number } | string> {
  let found: PersonInput[] | string;
  let kind: keyof typeof NOTHING;
  let othersOnPage = 0;
  if (click.selectionText?.trim()) {
    kind = 'selection';
    // A signature is read line by line, so prefer the page's own selection when it can be read.
    const fromPage =
      tab?.id === undefined ? '' : await deps.selectionTextOf(tab.id, click.frameId ?? 0).catch(() => '');
    // A lone word with no way to reach them ("Hello", "Tom") is not worth a contact.
    found = parseSignature(fromPage.trim() ? fromPage : click.selectionText).filter(
      (person) => person.emails?.length || person.phones?.length || person.profileUrl || /\S\s+\S/.test(person.name ?? ''),
    );
    if (click.linkUrl && found.length === 1) found = [withLink(found[0], click.linkUrl)];
    else if (click.linkUrl && found.length === 0) {
      kind = 'link';
      found = await linkPeople(click, tab, deps);
    }
  } else if (click.linkUrl) {
    kind = 'link';
    found = await linkPeople(click, tab, deps);
  } else {
    kind = 'page';
    const capture = tab?.id === undefined || tab.id < 0 ? undefined : await deps.captureTab(tab.id).catch(() => undefined);
    if (capture === UNREADABLE) return NOTHING.unreadable;
    // The page's best person only: the rest of a page's people are offered in the popup.
    found = (capture?.people ?? []).slice(0, 1);
    othersOnPage = Math.max(0, (capture?.people.length ?? 0) - 1);
  }
  if (typeof found === 'string') return found;
  if (kind === 'link' && isMailtoLink(click.linkUrl ?? '')) kind = 'mailto';
  const people = found.slice(0, MAX_PEOPLE_PER_SAVE).flatMap((input) => usable(input) ?? []);
  return people.length ? { people, leftOut: Math.max(0, found.length - MAX_PEOPLE_PER_SAVE), othersOnPage } : NOTHING[kind];
}

/**
 * Save what was right-clicked: the best person on the page, the person a profile or mailto link
 * names, or the people in selected text. Saved through the db's dedupe (a known person is
 * updated, not duplicated), then confirmed with a notification that opens the contact; when
 * nothing usable is there, a notification says so and nothing is written; when the write fails
 * (the browser's storage full), a notification says that.
 */
/** Two texts that do not tell people apart: the same, or one of them blank. */
const agree = (a: string, b: string | undefined) => !a || !b || a.toLowerCase() === b.toLowerCase();

/**
 * A person read with no email or profile link (a name and job selected) is found by no key: the
 * one contact saved under their name with no other job is them, rather than a second copy at
 * every right-click. Another title or company is another person of that name; and where several
 * could be them, which one is meant cannot be told: then a new contact is made.
 */
async function namesakeOf(db: KithDB, person: Person): Promise<string | undefined> {
  if (person.emails.length > 0 || person.profileUrl) return undefined;
  const namesakes = await savedUnderSameName(db, person, { limit: 50 });
  const same = namesakes.filter((saved) => agree(saved.title, person.title) && agree(saved.company, person.company));
  return same.length === 1 ? same[0].id : undefined;
}

export async function saveFromContextMenu(click: SaveClick, tab: SaveTab, deps: SaveDeps): Promise<SaveOutcome> {
  if (click.menuItemId !== SAVE_MENU_ID) return { nothing: 'Not Kith’s menu item' };
  const found = await peopleOf(click, tab, deps);
  if (typeof found === 'string') {
    await notifyNothingSaved(found);
    return { nothing: found };
  }
  const { people, leftOut, othersOnPage } = found;
  const saved: Contact[] = [];
  const differing = new Map<string, string>();
  const heldByOthers: HeldByOther[] = [];
  let created = 0;
  try {
    const [db, settings] = await Promise.all([deps.openDb(), deps.loadSettings()]);
    const now = deps.now();
    for (const person of people) {
      const result = await saveCapturedPerson(db, person, now, {}, remindersAlongside(settings, now), await namesakeOf(db, person));
      if (!saved.some((c) => c.id === result.contact.id)) saved.push(result.contact);
      if (result.created) created += 1;
      for (const [field, value] of Object.entries(result.proposed)) if (value && !differing.has(field)) differing.set(field, value);
      heldByOthers.push(...result.heldByOthers);
    }
  } catch (error) {
    // A right-click has no page of Kith's open to show an error on: without the notification
    // a full disk would look like a save that worked. Rethrown so the worker still logs it.
    await notifySaveFailed(failureMessage(error));
    throw error;
  }
  await deps.afterSave(saved.map((contact) => contact.id));
  const leftOff = leftOffNotice(heldByOthers);
  await notifySaved(saved, created, { leftOut, othersOnPage, differing: [...differing].map(([field, value]) => ({ field, value })), leftOff });
  return { saved, created, ...(leftOut && { leftOut }), ...(othersOnPage && { othersOnPage }), ...(leftOff && { leftOff }) };
}
