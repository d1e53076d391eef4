// The keyboard shortcut that opens the popup (wxt.config.ts suggests Alt+Shift+K), as the browser
// gives it: the user may have changed or cleared it, or another extension may hold the key.

/** The command that opens the action's popup: MV3's name, and Firefox MV2's for the browser action. */
const OPEN_POPUP = new Set(['_execute_action', '_execute_browser_action']);

/** The shortcut that opens the popup, or undefined when none is set. */
export async function popupShortcut(): Promise<string | undefined> {
  const commands = await browser.commands.getAll();
  return commands.find((command) => command.name !== undefined && OPEN_POPUP.has(command.name))?.shortcut || undefined;
}
