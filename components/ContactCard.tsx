// A saved contact at a glance: who they are to you, your notes and tags, captured changes to
// accept, and the last interactions. Everything is rendered as text.
import type { ComponentChildren } from 'preact';
import { type Contact, type Interaction, RELATIONSHIP_LABELS } from '@/lib/model';
import { type HeldByOther, leftOffNotice } from '@/lib/db';
import type { Proposed } from '@/lib/popup';
import { localIsoDate } from '@/lib/reminders';
import { CHANNEL_LABELS, HELP_LABELS, WARMTH_LABELS } from './labels';

export function initials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => [...word][0]?.toUpperCase() ?? '').join('');
}

const FIELD_LABELS = { name: 'Name', title: 'Title', company: 'Company', location: 'Location' } as const;
const LIST_LABELS = { emails: ['Email', 'Emails'], phones: ['Phone', 'Phones'] } as const;

export function Avatar({ name }: { name: string }) {
  return (
    <span class="avatar" aria-hidden="true">
      {initials(name)}
    </span>
  );
}

export function ProposedUpdate({
  contact,
  proposed,
  heldByOthers,
  busy,
  onAccept,
}: {
  contact: Contact;
  proposed: Proposed;
  /** What the page shows that another contact has: said, not offered. */
  heldByOthers: readonly HeldByOther[];
  busy: boolean;
  onAccept: (accepted: Proposed) => void;
}) {
  const fields = (Object.keys(FIELD_LABELS) as (keyof typeof FIELD_LABELS)[]).filter((field) => proposed[field] !== undefined);
  const lists = (Object.keys(LIST_LABELS) as (keyof typeof LIST_LABELS)[]).filter((list) => proposed[list]?.length);
  const rows = fields.length + lists.length + (proposed.profileUrl ? 1 : 0);
  if (rows === 0 && heldByOthers.length === 0) return null;
  return (
    <section class="proposed" aria-labelledby="proposed-heading">
      <h2 id="proposed-heading">This page shows something new</h2>
      {rows > 0 && (
        <ul>
          {fields.map((field) => (
            <li key={field}>
              <span>
                <strong>{FIELD_LABELS[field]}:</strong> {proposed[field]}{' '}
                <span class="muted">(saved: {contact[field] || 'blank'})</span>
              </span>
              <button type="button" aria-disabled={busy} onClick={() => !busy && onAccept({ [field]: proposed[field] })}>
                Use new {FIELD_LABELS[field].toLowerCase()}
              </button>
            </li>
          ))}
          {lists.map((list) => {
            const values = proposed[list] ?? [];
            const label = LIST_LABELS[list][values.length === 1 ? 0 : 1];
            return (
              <li key={list}>
                <span>
                  <strong>{label}:</strong> {values.join(', ')} <span class="muted">(not on the card)</span>
                </span>
                <button type="button" aria-disabled={busy} onClick={() => !busy && onAccept({ [list]: values })}>
                  Add {label.toLowerCase()}
                </button>
              </li>
            );
          })}
          {proposed.profileUrl && (
            <li>
              <span>
                <strong>Profile link:</strong> {proposed.profileUrl} <span class="muted">(not on the card)</span>
              </span>
              <button type="button" aria-disabled={busy} onClick={() => !busy && onAccept({ profileUrl: proposed.profileUrl })}>
                Add link
              </button>
            </li>
          )}
        </ul>
      )}
      {heldByOthers.length > 0 && <p class="muted">{leftOffNotice(heldByOthers)}</p>}
      {rows > 1 && (
        <button type="button" aria-disabled={busy} onClick={() => !busy && onAccept(proposed)}>
          Accept all updates
        </button>
      )}
    </section>
  );
}

export function InteractionList({ interactions }: { interactions: Interaction[] }) {
  if (interactions.length === 0) return <p class="muted">No interactions logged yet.</p>;
  return (
    <ul class="interactions">
      {interactions.map((interaction) => {
        const exchanged = [
          ...interaction.received.map((kind) => `received ${HELP_LABELS[kind].toLowerCase()}`),
          ...interaction.gave.map((kind) => `gave ${HELP_LABELS[kind].toLowerCase()}`),
        ];
        return (
          <li key={interaction.id}>
            <span class="muted">
              {localIsoDate(interaction.at)} · {CHANNEL_LABELS[interaction.channel]}
            </span>{' '}
            {interaction.link ? (
              <a href={interaction.link} target="_blank" rel="noopener noreferrer">
                {interaction.summary || 'Open the thread'}
              </a>
            ) : (
              <span>{interaction.summary}</span>
            )}
            {exchanged.length > 0 && <span class="muted"> ({exchanged.join(', ')})</span>}
          </li>
        );
      })}
    </ul>
  );
}

export function ContactSummary({
  contact,
  referredByName,
  children,
}: {
  contact: Contact;
  referredByName?: string;
  children?: ComponentChildren;
}) {
  const headline = [contact.title, contact.company].filter(Boolean).join(' at ');
  return (
    <section class="card" aria-labelledby="card-name">
      <header class="card-header">
        <Avatar name={contact.name} />
        <div>
          {/* Focusable, so focus has somewhere to land when the buttons it was on go away. */}
          <h2 id="card-name" tabIndex={-1} dir="auto">
            {contact.name}
          </h2>
          {headline && (
            <p class="headline" dir="auto">
              {headline}
            </p>
          )}
          {contact.location && <p class="muted">{contact.location}</p>}
        </div>
      </header>
      <p class="chips">
        <span class="chip">{RELATIONSHIP_LABELS[contact.relationship]}</span>
        <span class="chip">{WARMTH_LABELS[contact.warmth]}</span>
        {contact.tags.map((tag) => (
          <span key={tag} class="chip tag">
            #{tag}
          </span>
        ))}
      </p>
      {contact.canHelpWith.length > 0 && (
        <p>
          <span class="label-like">Can help with</span> {contact.canHelpWith.map((kind) => HELP_LABELS[kind]).join(', ')}
        </p>
      )}
      {referredByName && (
        <p>
          <span class="label-like">Referred by</span> {referredByName}
        </p>
      )}
      {contact.emails.length > 0 && <p class="muted">{contact.emails.join(', ')}</p>}
      <h3>Notes</h3>
      {contact.notes ? (
        <p class="notes" dir="auto">
          {contact.notes}
        </p>
      ) : (
        <p class="muted">No notes yet.</p>
      )}
      {children}
    </section>
  );
}
