// The user's settings, in extension storage (small, read by every surface). Parsed on read, so
// a missing or older value still yields a complete Settings with defaults.
import { Settings } from './model';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return settingsFrom(stored[KEY]);
}

/** A stored settings value as Settings: a missing or unreadable one gives the defaults. */
export function settingsFrom(stored: unknown): Settings {
  const parsed = Settings.safeParse(stored ?? {});
  return parsed.success ? parsed.data : Settings.parse({});
}

export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = Settings.parse({ ...(await loadSettings()), ...change });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
