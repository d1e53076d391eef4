// The toolbar badge: how many reminders are due now.

/**
 * A red that reads on both toolbars: white text on it has 4.8:1 contrast, and it stands apart
 * from a light toolbar (#f1f3f4, 4.3:1) and a dark one (#202124, 3.4:1).
 */
export const BADGE_BACKGROUND = '#d93025';
export const BADGE_TEXT = '#ffffff';

/**
 * The badge text for a count: the number itself, empty when none. Not capped ("99+"): the design
 * promises the number, and a backlog of hundreds is exactly what the user needs to see.
 */
export function badgeText(count: number): string {
  return count > 0 ? String(count) : '';
}

export async function showDueCount(count: number): Promise<void> {
  // The Firefox build is Manifest V2, where the toolbar button is `browserAction`.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeBackgroundColor({ color: BADGE_BACKGROUND });
  await action.setBadgeTextColor?.({ color: BADGE_TEXT });
  await action.setBadgeText({ text: badgeText(count) });
  await action.setTitle({ title: count > 0 ? `Kith — ${count} due` : 'Kith' });
}
