// What the user typed stays when the record under the form changes (lib/form-edits.ts), but not
// silently over what was saved meanwhile in another tab, the popup or the dashboard: the form
// says which fields saving would replace, with the saved text to copy from.
import { Fragment } from 'preact';
import { editedOnBothSides } from '@/lib/form-edits';
import { CHOICES } from './labels';
import './saved-elsewhere.css';

/** A field typed into (or chosen) here and saved elsewhere since: what is saved now, as the form shows it. */
export type Overwrite = { label: string; saved: string };

/** A contact form's choice as the form shows it; undefined for a field that is no choice. */
const choiceText = (key: string, value: unknown): string | undefined => CHOICES[key]?.text(value);

/**
 * The text fields, named by `labels`, and the contact form's choices, typed into from `base` and
 * saved since as `next` to another value.
 */
export function overwritesIn<T extends object>(edited: T, base: T, next: T, labels: Readonly<Record<string, string>>): Record<string, Overwrite> {
  const found: Record<string, Overwrite> = {};
  for (const key of editedOnBothSides(edited, base, next)) {
    const saved = next[key];
    const label = labels[key as string];
    if (label && typeof saved === 'string') found[key as string] = { label, saved };
    const choice = CHOICES[key as string];
    if (choice) found[key as string] = { label: choice.label, saved: choice.text(saved) };
  }
  return found;
}

/** The warning above a form, for the `overwrites` found and the form's fields as typed now. */
export function SavedElsewhere({ overwrites, typed }: { overwrites: Readonly<Record<string, Overwrite>>; typed: Readonly<Record<string, unknown>> }) {
  // Typed so as to hold what is saved (copied in, or typed back to it), a save loses none of it;
  // cleared there, anything typed here brings back what was cleared.
  const replaced = Object.entries(overwrites).filter(([key, { saved }]) => {
    const chosen = choiceText(key, typed[key]);
    if (chosen !== undefined) return chosen !== saved;
    const now = String(typed[key]);
    return saved === '' ? now !== '' : !now.includes(saved);
  });
  if (replaced.length === 0) return null;
  return (
    <div class="overwrites" role="status">
      <p>Saved elsewhere since you began typing here. What you typed is kept below; saving replaces what is saved now:</p>
      <dl>
        {replaced.map(([key, { label, saved }]) => (
          <Fragment key={key}>
            <dt>{label}</dt>
            <dd>{saved || '(blank)'}</dd>
          </Fragment>
        ))}
      </dl>
    </div>
  );
}
