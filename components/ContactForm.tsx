// The contact form: what the popup shows for a person found on a page, for manual entry and
// for editing a saved contact. Controlled: the draft lives with the caller, so a failed save
// keeps everything typed. Enter saves from any field (Ctrl+Enter from Notes).
import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { type ContactDraft, fieldOfError } from '@/lib/contact-draft';
import type { ContactHit } from '@/lib/contact-search';
import { HELP_KINDS, ORG_ROLES, RELATIONSHIPS, RELATIONSHIP_LABELS, WARMTHS } from '@/lib/model';
import { ContactPicker } from './ContactPicker';
import { useFocusWhenLost, useReturnFocus } from './focus-when-lost';
import { CADENCE_CHOICES, HELP_LABELS, ORG_ROLE_LABELS, WARMTH_LABELS } from './labels';

export type FocusField = 'name' | 'relationship';

/** The `data-return-focus` key of the Name field (focus-when-lost.ts), for focus to land on when the control pressed is gone. */
export const CONTACT_NAME_KEY = 'contact-name';

type Props = {
  draft: ContactDraft;
  onChange: (draft: ContactDraft) => void;
  onSubmit: () => void;
  busy: boolean;
  error?: string;
  focus: FocusField;
  defaultCadenceDays: number;
  searchContacts: (query: string, limit: number) => Promise<ContactHit[]>;
  children?: ComponentChildren;
};


function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...new Set([...list, item])] : list.filter((x) => x !== item);
}

/**
 * Enter in a field submits. In a text box it is a line break unless Ctrl/Cmd is held, or, in
 * boxes marked `data-enter-submits` (short summaries), unless Shift is held.
 */
export function submitsForm(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter' || event.isComposing || event.defaultPrevented) return false;
  const target = event.target as HTMLElement;
  if (target.tagName === 'TEXTAREA') {
    return event.ctrlKey || event.metaKey || (target.hasAttribute('data-enter-submits') && !event.shiftKey);
  }
  return target.tagName === 'INPUT' || target.tagName === 'SELECT';
}

export function ContactForm({ draft, onChange, onSubmit, busy, error, focus, defaultCadenceDays, searchContacts, children }: Props) {
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const relationshipRef = useRef<HTMLSelectElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // Focused on commit, before the first paint (see InteractionForm).
  useLayoutEffect(() => {
    (focus === 'name' ? nameRef : relationshipRef).current?.focus();
  }, [focus]);

  // The referrer's controls take turns: the picker gives way to Remove once someone is picked,
  // Remove to the picker once pressed. Focus moves to the one drawn instead of being lost; not to
  // the Remove of the referrer the form opened with.
  const removeReferrer = useFocusWhenLost<HTMLButtonElement>(draft.referredBy?.id, { offeredOnOpen: false });
  const returnFocus = useReturnFocus();
  const referrerPickerKey = `${id}-referrer`;

  const set = <K extends keyof ContactDraft>(key: K, value: ContactDraft[K]) => onChange({ ...draft, [key]: value });
  // The field an error is about is marked, and described by it, for a screen reader in that field.
  const invalid = error ? fieldOfError(error) : undefined;
  const text = (key: 'name' | 'title' | 'company' | 'location' | 'emails' | 'tags' | 'notes' | 'followUp') => ({
    id: `${id}-${key}`,
    value: draft[key],
    onInput: (event: Event) => set(key, (event.currentTarget as HTMLInputElement).value),
    // What is typed while a save is under way would be lost when the saved card replaces the form.
    readOnly: busy,
    // Names and notes in Arabic or Hebrew run right to left, as they are written.
    dir: 'auto' as const,
    'aria-invalid': key === invalid || undefined,
    'aria-describedby': key === invalid ? `${id}-error` : undefined,
  });

  return (
    <form
      ref={formRef}
      class="contact-form"
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) onSubmit();
      }}
      onKeyDown={(event) => {
        if (!submitsForm(event)) return;
        event.preventDefault();
        formRef.current?.requestSubmit();
      }}
    >
      <label for={`${id}-name`}>Name</label>
      <input {...text('name')} ref={nameRef} required autocomplete="off" data-return-focus={CONTACT_NAME_KEY} />
      <div class="pair">
        <div>
          <label for={`${id}-title`}>Title</label>
          <input {...text('title')} autocomplete="off" />
        </div>
        <div>
          <label for={`${id}-company`}>Company</label>
          <input {...text('company')} autocomplete="off" />
        </div>
      </div>
      <div class="pair">
        <div>
          <label for={`${id}-location`}>Location</label>
          <input {...text('location')} autocomplete="off" />
        </div>
        <div>
          <label for={`${id}-emails`}>Email</label>
          {/* Checked by Kith, not the browser: its check refuses addresses Kith takes (zoë@…) and "a; b" lists. */}
          <input {...text('emails')} inputMode="email" spellcheck={false} autocomplete="off" />
        </div>
      </div>

      <div class="pair">
        <div>
          <label for={`${id}-relationship`}>Relationship</label>
          <select
            id={`${id}-relationship`}
            ref={relationshipRef}
            value={draft.relationship}
            onChange={(event) => set('relationship', event.currentTarget.value as ContactDraft['relationship'])}
          >
            {RELATIONSHIPS.map((value) => (
              <option key={value} value={value}>
                {RELATIONSHIP_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="inline">
          <legend>Warmth</legend>
          {WARMTHS.map((value) => (
            <label key={value} class="choice">
              <input
                type="radio"
                name={`${id}-warmth`}
                value={value}
                checked={draft.warmth === value}
                onChange={() => set('warmth', value)}
              />
              {WARMTH_LABELS[value]}
            </label>
          ))}
        </fieldset>
      </div>

      <fieldset class="inline">
        <legend>Can help with</legend>
        {HELP_KINDS.map((kind) => (
          <label key={kind} class="choice">
            <input
              type="checkbox"
              checked={draft.canHelpWith.includes(kind)}
              onChange={(event) => set('canHelpWith', toggle(draft.canHelpWith, kind, event.currentTarget.checked))}
            />
            {HELP_LABELS[kind]}
          </label>
        ))}
      </fieldset>

      <fieldset class="inline">
        <legend>In their organisation they are part of the</legend>
        {ORG_ROLES.map((role) => (
          <label key={role} class="choice">
            <input
              type="checkbox"
              checked={draft.orgRoles.includes(role)}
              onChange={(event) => set('orgRoles', toggle(draft.orgRoles, role, event.currentTarget.checked))}
            />
            {ORG_ROLE_LABELS[role]} network
          </label>
        ))}
      </fieldset>

      {draft.referredBy ? (
        <p class="referred">
          <span class="label-like">Referred by</span> {draft.referredBy.name}{' '}
          <button
            ref={removeReferrer}
            type="button"
            class="link"
            onClick={() => {
              set('referredBy', undefined);
              returnFocus(referrerPickerKey);
            }}
          >
            Remove referrer
          </button>
        </p>
      ) : (
        <ContactPicker
          label="Referred by"
          placeholder="Search your contacts"
          search={searchContacts}
          onPick={(hit) => set('referredBy', { id: hit.id, name: hit.name })}
          returnFocusKey={referrerPickerKey}
          unpicked="Pick who referred them from the list, or clear this field."
        />
      )}

      <label for={`${id}-tags`}>Tags</label>
      <input {...text('tags')} autocomplete="off" placeholder="Separate with commas" />

      <div class="pair">
        <div>
          <label for={`${id}-cadence`}>Keep in touch</label>
          <select
            id={`${id}-cadence`}
            value={draft.cadenceDays === undefined ? '' : String(draft.cadenceDays)}
            onChange={(event) => {
              const value = event.currentTarget.value;
              set('cadenceDays', value === '' ? undefined : Number(value));
            }}
          >
            <option value="">Default: {defaultCadenceDays} days</option>
            {CADENCE_CHOICES.map((choice) => (
              <option key={choice.days} value={String(choice.days)}>
                {choice.label}
              </option>
            ))}
            {draft.cadenceDays !== undefined && !CADENCE_CHOICES.some((c) => c.days === draft.cadenceDays) && (
              <option value={String(draft.cadenceDays)}>Every {draft.cadenceDays} days</option>
            )}
          </select>
        </div>
        <div>
          <label for={`${id}-followUp`}>Follow up</label>
          <input {...text('followUp')} type="date" />
        </div>
      </div>

      <label for={`${id}-notes`}>Notes</label>
      <textarea {...text('notes')} rows={3} placeholder="How you met, what you talked about, what you promised" />

      {error && (
        <p class="error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" aria-disabled={busy}>
          Save
        </button>
        {children}
      </div>
    </form>
  );
}
