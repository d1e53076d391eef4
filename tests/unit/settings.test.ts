import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loadSettings, saveSettings } from '@/lib/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('has sensible defaults before anything is saved', async () => {
    expect(await loadSettings()).toEqual({ defaultCadenceDays: 90, notifications: true, weeklyGoal: 3, targets: [] });
  });

  it('saves a change and keeps the rest', async () => {
    await saveSettings({ weeklyGoal: 5 });
    await saveSettings({ notifications: false });
    expect(await loadSettings()).toMatchObject({ weeklyGoal: 5, notifications: false, defaultCadenceDays: 90 });
  });

  it('rejects a bad value without storing it', async () => {
    await expect(saveSettings({ defaultCadenceDays: -3 })).rejects.toThrow();
    expect((await loadSettings()).defaultCadenceDays).toBe(90);
  });

  it('falls back to defaults when storage holds garbage', async () => {
    await fakeBrowser.storage.local.set({ settings: { weeklyGoal: 'lots' } });
    expect((await loadSettings()).weeklyGoal).toBe(3);
  });
});
