import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

const focusLost = () => !document.activeElement || document.activeElement === document.body;

/**
 * A ref for a button offered after an action whose own button is gone with it (Done leaves with
 * its row): while `offer` is set, and each time it changes, the button takes focus if the focus
 * was lost, so the keyboard is one key from it. Focus the user has put elsewhere stays there.
 */
export function useFocusWhenLost<T extends HTMLElement>(offer: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (offer && focusLost()) ref.current?.focus();
  }, [offer]);
  return ref;
}

/**
 * For Undo, which brings back the row whose button was pressed and leaves with its own: call the
 * returned function with that button's `data-return-focus` key, and once drawn the button takes
 * the focus again if it was lost, so the keyboard is where it was before the mistake.
 */
export function useReturnFocus(): (key: string | undefined) => void {
  // An object, so the same key twice (Undo, Done, Undo on one row) is a change each time.
  const [target, setTarget] = useState<{ key: string }>();
  useEffect(() => {
    if (!target || !focusLost()) return;
    document.querySelector<HTMLElement>(`[data-return-focus="${CSS.escape(target.key)}"]`)?.focus();
  }, [target]);
  return useCallback((key) => setTarget(key === undefined ? undefined : { key }), []);
}
