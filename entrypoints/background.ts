import { captureTab } from '@/lib/capture';
import { openKithDb } from '@/lib/db';
import { loadSettings } from '@/lib/settings';
import { linkTextOf, selectionTextOf } from '@/lib/tab-reading';
import { currentTimeZone } from '@/lib/time-zone-move';
import { startWorker } from '@/lib/worker';

export default defineBackground(() => {
  const handlers = startWorker({
    openDb: () => openKithDb(),
    now: Date.now,
    loadSettings,
    timeZone: currentTimeZone,
    captureTab,
    linkTextOf,
    selectionTextOf,
  });
  // Test seam: e2e tests drive the context menu and notification buttons in the real worker, as a
  // click would. Only extension code and DevTools reach the worker's global scope.
  Object.assign(globalThis, {
    kithContextMenuClick: handlers.contextMenuClick,
    kithNotificationClick: handlers.notificationClick,
    kithNotificationButtonClick: handlers.notificationButtonClick,
  });
});
