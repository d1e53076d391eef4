// A labelled search box that finds saved contacts as you type (a combobox): used to pick who
// referred someone, and in the popup to open a contact.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ContactHit } from '@/lib/contact-search';
import { failureMessage } from '@/lib/db';
import { jobLine } from './labels';

type Props = {
  label: string;
  /** Up to `limit` contacts matching `query`, best first. */
  search: (query: string, limit: number) => Promise<ContactHit[]>;
  onPick: (hit: ContactHit) => void;
  placeholder?: string;
  autoFocus?: boolean;
  /** The input's `data-return-focus` key (focus-when-lost.ts), for focus to come back to it. */
  returnFocusKey?: string;
  /**
   * Inside a form whose save would drop text typed here and not picked: the form is not
   * submitted while there is some, and the browser says this.
   */
  unpicked?: string;
};

/** A search that has not answered by then is said to be running (the popup's first one reads the whole notebook). */
const SLOW_SEARCH_MS = 250;
/** Suggestions shown at once; when more match, the list says so, so no one is taken for missing. */
const SHOWN = 8;

export function ContactPicker({ label, search, onPick, placeholder, autoFocus, returnFocusKey, unpicked }: Props) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ContactHit[]>([]);
  const [more, setMore] = useState(false);
  const [active, setActive] = useState(0);
  /** The query the shown answer is for. */
  const [searched, setSearched] = useState<string>();
  const [slow, setSlow] = useState(false);
  const [failure, setFailure] = useState<string>();
  /** The list closed with Escape, its suggestions kept for ArrowDown to open it again. */
  const [dismissed, setDismissed] = useState(false);
  const latest = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);
  /**
   * The query Enter was pressed on before its answer came: the suggestions shown were an earlier
   * query's ("Ada" while "Ada Q" is typed), whose first is not the one meant. Its own first is
   * picked when it answers, unless typing goes on.
   */
  const enterPending = useRef<string | undefined>(undefined);

  useLayoutEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  // Debounced, and only the newest query's answer is shown: typing never waits on a scan.
  useEffect(() => {
    const ticket = ++latest.current;
    if (enterPending.current !== query.trim()) enterPending.current = undefined;
    setSlow(false);
    if (!query.trim()) {
      setHits([]);
      setMore(false);
      setSearched(undefined);
      setFailure(undefined);
      return;
    }
    let slowTimer: ReturnType<typeof setTimeout> | undefined;
    const timer = setTimeout(() => {
      slowTimer = setTimeout(() => setSlow(true), SLOW_SEARCH_MS);
      // Only the newest query's, and only while the box is there: once it has gone (the screen
      // moved on), an Enter that waited for this answer picks nothing.
      const answered = () => {
        clearTimeout(slowTimer);
        return ticket === latest.current && inputRef.current?.isConnected === true;
      };
      search(query, SHOWN + 1).then(
        (found) => {
          if (!answered()) return;
          if (enterPending.current === query.trim()) {
            enterPending.current = undefined;
            if (found.length > 0) return pick(found[0]);
          }
          setHits(found.slice(0, SHOWN));
          setMore(found.length > SHOWN);
          setActive(0);
          setSearched(query.trim());
          setSlow(false);
          setFailure(undefined);
        },
        (cause: unknown) => {
          if (!answered()) return;
          enterPending.current = undefined;
          setHits([]);
          setMore(false);
          setSearched(undefined);
          setSlow(false);
          setFailure(failureMessage(cause));
        },
      );
    }, 80);
    return () => {
      clearTimeout(timer);
      clearTimeout(slowTimer);
    };
  }, [query, search]);

  useEffect(() => {
    if (unpicked) inputRef.current?.setCustomValidity(query.trim() ? unpicked : '');
  }, [query, unpicked]);

  const open = hits.length > 0 && !dismissed;
  const pick = (hit: ContactHit) => {
    onPick(hit);
    setQuery('');
    setHits([]);
    setMore(false);
    setSearched(undefined);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') enterPending.current = undefined;
    // What the box holds now: a key typed just before may not be drawn yet.
    const typed = (event.currentTarget as HTMLInputElement).value.trim();
    if (event.key === 'Enter' && typed && searched !== typed) {
      event.preventDefault();
      event.stopPropagation();
      if (!event.isComposing) enterPending.current = typed;
      return;
    }
    if (!open) {
      if (event.key === 'ArrowDown' && hits.length > 0) {
        event.preventDefault();
        setDismissed(false);
        return;
      }
      // Typed but not chosen (no suggestion yet, none matches, or the list closed): Enter must
      // not submit the surrounding form and drop what was typed.
      if (event.key === 'Enter' && query.trim()) {
        event.preventDefault();
        event.stopPropagation();
      }
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      // The list's choice, not the surrounding form's submit.
      event.preventDefault();
      event.stopPropagation();
      pick(hits[active]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissed(true);
    }
  };

  return (
    <div class="picker">
      <label for={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open ? `${id}-option-${active}` : undefined}
        placeholder={placeholder}
        data-return-focus={returnFocusKey}
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setDismissed(false);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Suggestions" class="picker-list" hidden={!open}>
        {hits.map((hit, index) => (
          <li
            key={hit.id}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            class={index === active ? 'active' : undefined}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(hit);
            }}
          >
            <span class="picker-name">{hit.name}</span>
            {jobLine(hit) && <span class="muted"> {jobLine(hit)}</span>}
          </li>
        ))}
      </ul>
      {failure ? (
        <p class="error small" role="alert">
          Kith could not search your notebook: {failure}
        </p>
      ) : slow ? (
        <p class="muted small" role="status">
          Searching your notebook…
        </p>
      ) : open && more ? (
        <p class="muted small" role="status">
          More contacts match “{searched}”: type more to narrow it down.
        </p>
      ) : (
        searched !== undefined &&
        hits.length === 0 && (
          <p class="muted small" role="status">
            No saved contact matches “{searched}”.
          </p>
        )
      )}
    </div>
  );
}
