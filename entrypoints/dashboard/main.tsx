import { render } from 'preact';
import '@/components/dashboard/dashboard.css';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { type DashboardDeps, downloadText } from '@/components/dashboard/notebook';
import { openDashboardDrafts } from '@/lib/dashboard-drafts';
import { openKithDb } from '@/lib/db';
import { onDataChangedElsewhere, tellDataChanged } from '@/lib/messages';
import { loadSettings, saveSettings } from '@/lib/settings';
import { popupShortcut } from '@/lib/shortcut';
import { notebookTimeZone, zoneMovedSinceKept } from '@/lib/time-zone-move';

const deps: DashboardDeps = {
  db: () => openKithDb(),
  settings: loadSettings,
  saveSettings,
  now: () => Date.now(),
  dataChanged: tellDataChanged,
  onChangedElsewhere: onDataChangedElsewhere,
  download: downloadText,
  drafts: () => openDashboardDrafts(Date.now),
  popupShortcut,
  timeZone: notebookTimeZone,
};

render(<Dashboard deps={deps} />, document.getElementById('app')!);

// Dates kept in another zone than the browser is in now (a flight with the dashboard open, or
// the worker asleep since): the worker moves them, and the dashboard hears of it.
const followZone = () =>
  void zoneMovedSinceKept()
    .then(async (moved) => {
      if (moved) await tellDataChanged();
    })
    .catch(() => undefined);
followZone();
addEventListener('timezonechange', followZone);
