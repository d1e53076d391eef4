import { useEffect, useRef } from 'preact/hooks';

/**
 * A ref for a button offered after an action whose own button is gone with it (Done leaves with
 * its row): while `offer` is set, and each time it changes, the button takes focus if the focus
 * was lost, so the keyboard is one key from it. Focus the user has put elsewhere stays there.
 */
export function useFocusWhenLost<T extends HTMLElement>(offer: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (offer && lost) ref.current?.focus();
  }, [offer]);
  return ref;
}
