import { render } from 'preact';
import '@/components/popup.css';
import { Popup, type PopupDeps } from '@/components/Popup';
import { openKithDb } from '@/lib/db';
import { captureTab } from '@/lib/capture';
import { onDataChangedElsewhere, tellDataChanged } from '@/lib/messages';
import { tabIdFromSearch } from '@/lib/popup';
import { loadSettings } from '@/lib/settings';
import { forgetTyped, keepTyped, loadTyped } from '@/lib/typed-drafts';

const tabId = tabIdFromSearch(location.search);

async function popupTabId(): Promise<number | undefined> {
  if (tabId !== undefined) return tabId;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

function openDashboardAt(hash: string) {
  const url = browser.runtime.getURL(`/dashboard.html${hash}` as '/dashboard.html');
  void browser.tabs.create({ url }).then(() => window.close());
}

const deps: PopupDeps = {
  db: () => openKithDb(),
  capture: async () => {
    const id = await popupTabId();
    return id === undefined ? undefined : captureTab(id);
  },
  settings: loadSettings,
  loadTyped: () => loadTyped(Date.now()),
  keepTyped: (key, typed) => keepTyped(key, typed, Date.now()),
  forgetTyped,
  now: () => Date.now(),
  dataChanged: tellDataChanged,
  onChangedElsewhere: onDataChangedElsewhere,
  openContact: (contactId) => openDashboardAt(`#/contact/${encodeURIComponent(contactId)}`),
  openDashboard: () => openDashboardAt('#/contacts'),
  close: () => window.close(),
};

render(<Popup deps={deps} />, document.getElementById('app')!);
