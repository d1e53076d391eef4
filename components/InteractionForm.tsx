// "Log interaction": channel, date, summary, and what was received or given. Prefilled from an
// open email by the caller (lib/interaction-draft.ts), or from a logged interaction being corrected.
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { fieldOfError } from '@/lib/contact-draft';
import { INTERACTION_FIELD_LABELS, type InteractionDraft } from '@/lib/interaction-draft';
import { CHANNELS, HELP_KINDS, type HelpKind } from '@/lib/model';
import { submitsForm } from './ContactForm';
import { CHANNEL_LABELS, HELP_LABELS } from './labels';

type Props = {
  draft: InteractionDraft;
  onChange: (draft: InteractionDraft) => void;
  onSubmit: () => void;
  busy: boolean;
  error?: string;
  autoFocus: boolean;
  /** Set while the form corrects a logged interaction: its heading, and how to stop without saving. */
  correcting?: { heading: string; onCancel: () => void };
};

function HelpChoices({ legend, value, onChange }: { legend: string; value: HelpKind[]; onChange: (v: HelpKind[]) => void }) {
  return (
    <fieldset class="inline">
      <legend>{legend}</legend>
      {HELP_KINDS.map((kind) => (
        <label key={kind} class="choice">
          <input
            type="checkbox"
            checked={value.includes(kind)}
            onChange={(event) =>
              onChange(event.currentTarget.checked ? [...value, kind] : value.filter((k) => k !== kind))
            }
          />
          {HELP_LABELS[kind]}
        </label>
      ))}
    </fieldset>
  );
}

export function InteractionForm({ draft, onChange, onSubmit, busy, error, autoFocus, correcting }: Props) {
  const id = useId();
  const summaryRef = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Focused as the form is committed, not after it is painted: the first frame already shows the
  // caret, and focusing then costs no extra style and layout pass. Only as it first shows: the
  // keyboard is never taken from where the user has put it since.
  useLayoutEffect(() => {
    if (autoFocus) summaryRef.current?.focus();
  }, []);
  const set = <K extends keyof InteractionDraft>(key: K, value: InteractionDraft[K]) => onChange({ ...draft, [key]: value });
  // The field an error is about is marked, and described by it, for a screen reader in that field (as in ContactForm).
  const invalid = error ? fieldOfError(error, INTERACTION_FIELD_LABELS) : undefined;
  const errorId = `${id}-error`;

  return (
    <form
      ref={formRef}
      class="interaction-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) onSubmit();
      }}
      onKeyDown={(event) => {
        if (correcting && event.key === 'Escape') {
          event.preventDefault();
          correcting.onCancel();
          return;
        }
        if (!submitsForm(event)) return;
        event.preventDefault();
        formRef.current?.requestSubmit();
      }}
    >
      <h3 id={`${id}-heading`}>{correcting?.heading ?? 'Log interaction'}</h3>
      <div class="pair">
        <div>
          <label for={`${id}-channel`}>Channel</label>
          <select
            id={`${id}-channel`}
            value={draft.channel}
            onChange={(event) => set('channel', event.currentTarget.value as InteractionDraft['channel'])}
          >
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {CHANNEL_LABELS[channel]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for={`${id}-date`}>Date</label>
          <input
            id={`${id}-date`}
            type="date"
            required
            aria-invalid={invalid === 'date' || undefined}
            aria-describedby={invalid === 'date' ? errorId : undefined}
            value={draft.date}
            readOnly={busy}
            onInput={(event) => set('date', event.currentTarget.value)}
          />
        </div>
      </div>
      <label for={`${id}-summary`}>Summary</label>
      <textarea
        dir="auto"
        id={`${id}-summary`}
        ref={summaryRef}
        rows={2}
        data-enter-submits
        aria-invalid={invalid === 'summary' || undefined}
        aria-describedby={invalid === 'summary' ? `${errorId} ${id}-summary-hint` : `${id}-summary-hint`}
        value={draft.summary}
        // What is typed while the log is saved would be lost when the form empties for the next one.
        readOnly={busy}
        placeholder="What was said, what was promised"
        onInput={(event) => set('summary', event.currentTarget.value)}
      />
      <p id={`${id}-summary-hint`} class="muted small">
        {correcting ? 'Enter saves it; Shift+Enter starts a new line; Escape leaves it as it was.' : 'Enter logs it; Shift+Enter starts a new line.'}
      </p>
      {draft.link && (
        <p class="muted small">
          Linked to the email thread.{' '}
          <button
            type="button"
            class="link"
            onClick={() => {
              // This line goes with the link: the keyboard goes on to the summary beside it.
              summaryRef.current?.focus();
              set('link', undefined);
            }}
          >
            Unlink
          </button>
        </p>
      )}
      <HelpChoices legend="You received" value={draft.received} onChange={(v) => set('received', v)} />
      <HelpChoices legend="You gave" value={draft.gave} onChange={(v) => set('gave', v)} />
      {error && (
        <p class="error" role="alert" id={errorId}>
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" aria-disabled={busy}>
          {correcting ? 'Save interaction' : 'Log interaction'}
        </button>
        {correcting && (
          <button type="button" onClick={correcting.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
