// @vitest-environment jsdom
// The dashboard shell over a real (fake-indexeddb) notebook: when it reads the notebook again.
import { IDBFactory } from 'fake-indexeddb';
import { render } from 'preact';
import { afterEach, expect, it, vi } from 'vitest';
import { Dashboard } from '@/components/dashboard/Dashboard';
import type { DashboardDeps } from '@/components/dashboard/notebook';
import { openKithDb } from '@/lib/db';
import { Settings } from '@/lib/model';

let host: HTMLElement | undefined;
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  setVisibility('visible');
});

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

it('reads the notebook again for a change made elsewhere at once when in view, and only once back in view when not', async () => {
  globalThis.indexedDB = new IDBFactory();
  const db = await openKithDb(`kith-dashboard-${Math.random()}`);
  let changedElsewhere = () => {};
  // Each read of the notebook asks for the settings once.
  const settings = vi.fn(async () => Settings.parse({}));
  const deps: DashboardDeps = {
    db: async () => db,
    settings,
    saveSettings: async () => Settings.parse({}),
    now: () => Date.now(),
    dataChanged: async () => undefined,
    onChangedElsewhere: (changed) => {
      changedElsewhere = changed;
      return () => {};
    },
    download: () => {},
    popupShortcut: async () => undefined,
  };
  host = document.body.appendChild(document.createElement('div'));
  render(<Dashboard deps={deps} />, host);
  await vi.waitFor(() => expect(host?.textContent).toContain('No contacts yet'));
  expect(settings).toHaveBeenCalledTimes(1);

  changedElsewhere();
  await vi.waitFor(() => expect(settings).toHaveBeenCalledTimes(2));

  setVisibility('hidden');
  changedElsewhere();
  changedElsewhere();
  await new Promise((done) => setTimeout(done, 50));
  expect(settings).toHaveBeenCalledTimes(2);
  setVisibility('visible');
  await vi.waitFor(() => expect(settings).toHaveBeenCalledTimes(3));
  setVisibility('hidden');
  setVisibility('visible');
  await new Promise((done) => setTimeout(done, 50));
  expect(settings).toHaveBeenCalledTimes(3);
});
