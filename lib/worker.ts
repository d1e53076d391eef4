// Everything the background service worker listens to. Listeners are registered synchronously
// when the worker starts (MV3 only delivers events to listeners added in the first turn), and
// each one reads what it needs from IndexedDB and storage: the worker keeps nothing in memory.
import { type KithDB, bringContactsIntoForm } from './db';
import { openContact } from './dashboard-link';
import { SAVE_MENU_ID, type SaveClick, type SaveDeps, type SaveTab, createSaveMenu, saveFromContextMenu } from './context-menu';
import { handleMessages, isExtensionPage, tellPagesDataChanged } from './messages';
import type { Settings } from './model';
import { onNotificationButtonClicked, onNotificationClicked } from './notifications';
import { syncAllKeepInTouch } from './reminder-store';
import { SCHEDULER_ALARM, refreshReminders } from './scheduler';
import { settingsFrom } from './settings';
import { followTimeZone } from './time-zone-move';

export type WorkerDeps = Pick<SaveDeps, 'captureTab' | 'linkTextOf' | 'selectionTextOf'> & {
  openDb: () => Promise<KithDB>;
  now: () => number;
  loadSettings: () => Promise<Settings>;
  /** The IANA time zone the browser is in now. */
  timeZone: () => string;
};

/** The handlers a browser event would call, for tests that drive the worker directly. */
export type WorkerHandlers = {
  contextMenuClick: (click: SaveClick, tab: SaveTab) => ReturnType<typeof saveFromContextMenu>;
  notificationClick: (notificationId: string) => Promise<void>;
  notificationButtonClick: (notificationId: string, buttonIndex: number) => Promise<void>;
  refresh: (contacts?: readonly string[]) => Promise<{ due: number }>;
};

/** Set in `storage.session`, which the browser clears when it or the extension restarts. */
const IN_FORM_THIS_SESSION = 'recordsInForm';

/**
 * Once a browser session, rewrite contacts another program (or an older Kith) left out of form. Reminders need no pass of their own: `refreshReminders` looks for them.
 */
async function bringContactsIntoFormOnce(openDb: () => Promise<KithDB>): Promise<void> {
  const session = browser.storage.session;
  if (session && (await session.get(IN_FORM_THIS_SESSION))[IN_FORM_THIS_SESSION]) return;
  await bringContactsIntoForm(await openDb());
  await session?.set({ [IN_FORM_THIS_SESSION]: true });
}

function logFailure(what: string) {
  return (error: unknown) => console.error(`Kith: ${what} failed`, error);
}

export function startWorker(deps: WorkerDeps): WorkerHandlers {
  /** Date-only times keep their dates in a new zone (resolves whether any moved). */
  const keepDatesInZone = () => followTimeZone(deps.openDb, deps.timeZone());
  // Every start of the worker (a restart of the browser, an update, a wake after idling) looks
  // for a new zone before anything reads the reminders: read before their dates moved, those
  // announced in the old zone would be remembered at their old times and announced again.
  // The database is opened (made, on a first start) at once, as before the zone was looked for.
  deps.openDb().catch(logFailure('opening the database'));
  const datesInZone = keepDatesInZone().catch((error) => {
    logFailure('moving dates to the new time zone')(error);
    return false;
  });
  /** `contacts`: those a write of Kith's own named, see `refreshReminders`. */
  const refreshNow = (contacts?: readonly string[]) => refreshReminders(deps, { ownWrite: contacts !== undefined });
  // A zone the browser moved to while the worker ran (a flight with the laptop open) is followed
  // before anything is counted: an alarm, a page's write or a page that found the zone changed
  // (`tellDataChanged`) brings it here. Looking costs one read of storage.
  const followZone = () =>
    keepDatesInZone().then(
      (moved) => {
        if (moved) tellPagesDataChanged();
      },
      logFailure('moving dates to the new time zone'),
    );
  const refresh = (contacts?: readonly string[]) =>
    datesInZone
      .then(followZone)
      .then(() => refreshNow(contacts));
  /** After the worker's own writes: the open pages are told, as the worker is told of theirs. */
  const changedHere = (contacts?: readonly string[]) => {
    tellPagesDataChanged(contacts);
    return refresh(contacts);
  };
  const resyncAll = async () => {
    await syncAllKeepInTouch(await deps.openDb(), await deps.loadSettings(), deps.now());
    return changedHere();
  };
  const notificationDeps = { ...deps, refresh: changedHere };
  const handlers: WorkerHandlers = {
    contextMenuClick: (click, tab) => saveFromContextMenu(click, tab, { ...deps, afterSave: changedHere }),
    notificationClick: (id) => onNotificationClicked(id, notificationDeps),
    notificationButtonClick: (id, index) => onNotificationButtonClicked(id, index, notificationDeps),
    refresh,
  };

  browser.runtime.onInstalled.addListener(() => {
    createSaveMenu().catch(logFailure('creating the menu'));
    // An update may bring contacts from an older version without keep-in-touch reminders.
    resyncAll().catch(logFailure('syncing reminders'));
  });
  // The browser starts the worker at its launch to deliver this, and every start refreshes (the
  // end of this function): refreshing again would count every reminder twice, holding the
  // database ~0.7 s each time at 100,000. Listened to so that the launch starts the worker.
  browser.runtime.onStartup.addListener(() => {});
  // A reminder came due: open pages are told too, so This week and the lists agree with the badge.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== SCHEDULER_ALARM) return;
    // An alarm armed in the old zone may be the first the worker wakes for after a flight:
    // refreshing follows the zone first.
    changedHere().catch(logFailure('refresh on alarm'));
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !('settings' in changes)) return;
    // A new default cadence moves every keep-in-touch reminder: reading them all holds the
    // database for seconds at 100,000, for nothing when only the goal or the targets changed.
    // Notifications may be off now, and other pages show the settings: both hear of it anyway.
    const { oldValue, newValue } = changes.settings;
    const cadenceMoved = settingsFrom(oldValue).defaultCadenceDays !== settingsFrom(newValue).defaultCadenceDays;
    if (cadenceMoved) resyncAll().catch(logFailure('syncing reminders'));
    else changedHere().catch(logFailure('refresh after settings'));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_MENU_ID) handlers.contextMenuClick(info, tab).catch(logFailure('saving'));
  });
  browser.notifications.onClicked.addListener((id) => void handlers.notificationClick(id).catch(logFailure('opening')));
  browser.notifications.onButtonClicked.addListener(
    (id, index) => void handlers.notificationButtonClick(id, index).catch(logFailure('the notification button')),
  );
  handleMessages(
    {
      'data:changed': ({ contacts }) => refresh(contacts),
      'contact:open': async ({ contactId }) => {
        await openContact(contactId);
        return {};
      },
    },
    isExtensionPage,
  );

  // Every start recomputes from the data (the badge is not kept across browser restarts), queued
  // as soon as the zone is known, ahead of any refresh asked for meanwhile; open pages hear of
  // dates moved.
  datesInZone
    .then((moved) => {
      if (moved) tellPagesDataChanged();
      return refreshNow();
    })
    .catch(logFailure('refresh on start'));
  bringContactsIntoFormOnce(deps.openDb).catch(logFailure('bringing contacts into form'));
  return handlers;
}
