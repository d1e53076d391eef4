// @vitest-environment jsdom
// The log form's own controls, from the keyboard.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, expect, it } from 'vitest';
import { InteractionForm } from '@/components/InteractionForm';
import { type InteractionDraft, interactionDraft } from '@/lib/interaction-draft';

let host: HTMLElement | undefined;
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
});

function Harness({ first }: { first: InteractionDraft }) {
  const [draft, setDraft] = useState(first);
  return <InteractionForm draft={draft} onChange={setDraft} onSubmit={() => {}} busy={false} autoFocus={false} />;
}

it('Unlink, which goes with the line it is on, hands the keyboard to the summary', async () => {
  host = document.body.appendChild(document.createElement('div'));
  const draft = interactionDraft(Date.UTC(2026, 10, 26, 12), { subject: 'Coffee next week?', link: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWcdGhJkLmNpQrStVwXyZbCd' });
  render(<Harness first={draft} />, host);
  const unlink = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Unlink')!;
  unlink.focus();
  unlink.click();
  await new Promise((settled) => setTimeout(settled));
  expect(host.textContent).not.toContain('Linked to the email thread');
  expect(document.activeElement).toBe(host.querySelector('textarea'));
});
