import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

/** How long a button that an action takes away, or Undo brings back, may take to be drawn so. */
const RETURN_WITHIN_MS = 2000;

/** Whether nothing has the keyboard's focus (what had it was removed, or nothing took it). */
export const focusLost = () => !document.activeElement || document.activeElement === document.body;

/**
 * A ref for a button offered after an action whose own button is gone with it (Done leaves with
 * its row): while `offer` is set, and each time it changes, the button takes focus if the focus
 * was lost, so the keyboard is one key from it. The button pressed may leave a render later (a
 * page reading its records again after the write), so for a while the focus is taken when it is
 * lost with what held it. Focus the user has put elsewhere stays there.
 */
export function useFocusWhenLost<T extends HTMLElement>(offer: unknown, { offeredOnOpen = true } = {}) {
  const ref = useRef<T>(null);
  // `offeredOnOpen: false`: an offer the component is drawn with is no action's outcome, and
  // taking the focus lost for a while after could take it from another offer (Undo) that is.
  const opened = useRef(false);
  useEffect(() => {
    const onOpen = !opened.current;
    opened.current = true;
    if (!offer || (onOpen && !offeredOnOpen)) return;
    const holder = document.activeElement;
    return untilSettled(() => {
      if (!focusLost()) return !holder?.isConnected;
      ref.current?.focus();
      return true;
    });
  }, [offer]);
  return ref;
}

/**
 * Calls `settled` now, then after each change to the page, until it answers that there is
 * nothing more to do or the wait runs out (then `givenUp`): what is drawn a render later is
 * waited for. Returns what stops the waiting.
 */
function untilSettled(settled: () => boolean, givenUp?: () => void): (() => void) | undefined {
  if (settled()) return undefined;
  const drawn = new MutationObserver(() => {
    if (settled()) {
      drawn.disconnect();
      clearTimeout(giveUp);
    }
  });
  drawn.observe(document.body, { childList: true, subtree: true });
  const giveUp = setTimeout(() => {
    drawn.disconnect();
    givenUp?.();
  }, RETURN_WITHIN_MS);
  return () => {
    drawn.disconnect();
    clearTimeout(giveUp);
  };
}

/**
 * Where the keyboard goes when what held it is gone with no button to take its place (a link to
 * another page, a message dismissed): the page's heading, which a screen reader then reads.
 */
export function focusPageHeading(): void {
  if (!focusLost()) return;
  const heading = document.querySelector<HTMLElement>('main h1');
  if (!heading) return;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  heading.focus();
}

/**
 * For Undo, which brings back the row whose button was pressed and leaves with its own: call the
 * returned function with that button's `data-return-focus` key, and once drawn the button takes
 * the focus again if it was lost, so the keyboard is where it was before the mistake. The row may
 * be drawn a render later than Undo finishes (a page reading its records after the notebook
 * reloads), so the button is waited for, until the focus is put somewhere or the wait runs out;
 * then, with the button on no page shown (Undo pressed after going to another), the page's heading.
 */
export function useReturnFocus(): (key: string | undefined) => void {
  // An object, so the same key twice (Undo, Done, Undo on one row) is a change each time.
  const [target, setTarget] = useState<{ key: string }>();
  useEffect(() => {
    if (!target) return;
    /** Whether there is nothing more to do: the focus is somewhere, or now on the button. */
    const settled = () => {
      if (!focusLost()) return true;
      // A key is any text: compared as it is rather than escaped into a selector.
      const button = [...document.querySelectorAll<HTMLElement>('[data-return-focus]')].find((element) => element.dataset.returnFocus === target.key);
      button?.focus();
      return button !== undefined;
    };
    return untilSettled(settled, focusPageHeading);
  }, [target]);
  return useCallback((key) => setTarget(key === undefined ? undefined : { key }), []);
}
