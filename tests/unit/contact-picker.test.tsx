// @vitest-environment jsdom
// The picker's answers to a slow or failing search (the popup's first query reads the whole
// notebook, which takes seconds at 100,000 contacts, and a read can fail), and its keys.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactPicker } from '@/components/ContactPicker';
import type { ContactHit } from '@/lib/contact-search';

const ada: ContactHit = { id: 'c1', name: 'Ada Quinlan', title: 'CTO', company: 'Northwind' };

let host: HTMLElement | undefined;
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
});

function pickerWith(search: (query: string, limit: number) => Promise<ContactHit[]>, onPick: (hit: ContactHit) => void = () => {}) {
  host = document.body.appendChild(document.createElement('div'));
  render(<ContactPicker label="Search your contacts" search={search} onPick={onPick} />, host);
  const input = host.querySelector('input')!;
  const type = (text: string) => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const text = () => host!.textContent ?? '';
  const options = () => [...host!.querySelectorAll('[role="option"]')].map((option) => option.textContent);
  /** Presses `key` in the box; whether the picker kept it from the page (the popup closes on an Escape left to it). */
  const press = (key: string, init: KeyboardEventInit = {}) => {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
    input.dispatchEvent(event);
    return event.defaultPrevented;
  };
  const listShown = () => !host!.querySelector<HTMLElement>('[role="listbox"]')!.hidden && input.getAttribute('aria-expanded') === 'true';
  return { type, text, options, press, listShown };
}

/** A search that answers when told to. */
function heldSearch() {
  let answer: (hits: ContactHit[]) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const search = vi.fn(
    () =>
      new Promise<ContactHit[]>((resolve, reject) => {
        answer = resolve;
        fail = reject;
      }),
  );
  return { search, answer: (hits: ContactHit[]) => answer(hits), fail: (error: Error) => fail(error) };
}

describe('ContactPicker', () => {
  it('Enter pressed before the suggestions for what is typed have come picks the first of those, not of an earlier query’s', async () => {
    const lovelace: ContactHit = { id: 'c2', name: 'Ada Lovelace', title: '', company: '' };
    const held = heldSearch();
    const picked = vi.fn();
    const picker = pickerWith(held.search, picked);
    picker.type('ada');
    await vi.waitFor(() => expect(held.search).toHaveBeenCalledTimes(1));
    held.answer([lovelace, ada]);
    await vi.waitFor(() => expect(picker.options()).toEqual(['Ada Lovelace', 'Ada Quinlan CTO · Northwind']));
    // Typed on and Enter at once: the list still shows "ada"'s answer.
    picker.type('ada q');
    expect(picker.press('Enter')).toBe(true);
    expect(picked).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(held.search).toHaveBeenCalledTimes(2));
    held.answer([ada]);
    await vi.waitFor(() => expect(picked).toHaveBeenCalledExactlyOnceWith(ada));
    // Typing on after Enter takes it back.
    picker.type('ada');
    picker.press('Enter');
    picker.type('ada l');
    await vi.waitFor(() => expect(held.search).toHaveBeenLastCalledWith('ada l', expect.any(Number)));
    held.answer([lovelace]);
    await vi.waitFor(() => expect(picker.options()).toEqual(['Ada Lovelace']));
    expect(picked).toHaveBeenCalledTimes(1);
  });

  it('an Enter waiting for its answer picks nothing once the box has gone, or when the search failed', async () => {
    const held = heldSearch();
    const picked = vi.fn();
    const picker = pickerWith(held.search, picked);
    picker.type('ada q');
    await vi.waitFor(() => expect(held.search).toHaveBeenCalledTimes(1));
    picker.press('Enter');
    held.fail(new Error('read failed'));
    await vi.waitFor(() => expect(picker.text()).toContain('could not search'));
    // Searched again for the same words (the notebook read again): no Enter waits.
    render(<ContactPicker label="Search your contacts" search={async () => [ada]} onPick={picked} />, host!);
    await new Promise((done) => setTimeout(done, 150));
    expect(picked).not.toHaveBeenCalled();

    const again = heldSearch();
    render(<ContactPicker label="Search your contacts" search={again.search} onPick={picked} />, host!);
    picker.type('ada l');
    await vi.waitFor(() => expect(again.search).toHaveBeenCalledTimes(1));
    picker.press('Enter');
    render(null, host!);
    again.answer([ada]);
    await new Promise((done) => setTimeout(done, 50));
    expect(picked).not.toHaveBeenCalled();
  });

  it('shows eight suggestions and says when more contacts match, until the query narrows them', async () => {
    const many = Array.from({ length: 20 }, (_, i): ContactHit => ({ id: `c${i}`, name: `Ada ${String.fromCharCode(65 + i)}`, title: '', company: '' }));
    const search = vi.fn(async (query: string, limit: number) => many.filter((hit) => hit.name.toLowerCase().startsWith(query)).slice(0, limit));
    const picker = pickerWith(search);
    picker.type('ada');
    await vi.waitFor(() => expect(picker.options()).toHaveLength(8));
    expect(picker.text()).toContain('More contacts match “ada”: type more to narrow it down.');
    picker.type('ada b');
    await vi.waitFor(() => expect(picker.options()).toEqual(['Ada B']));
    expect(picker.text()).not.toContain('More contacts match');
  });
  it('says it is searching when the answer is slow, then shows it', async () => {
    const held = heldSearch();
    const picker = pickerWith(held.search);
    picker.type('ada');
    await vi.waitFor(() => expect(picker.text()).toContain('Searching your notebook…'));
    expect(held.search).toHaveBeenCalledWith('ada', 9);
    held.answer([ada]);
    await vi.waitFor(() => expect(picker.options()).toEqual(['Ada Quinlan CTO · Northwind']));
    expect(picker.text()).not.toContain('Searching');
  });

  it('says nothing about searching when the answer is quick', async () => {
    const search = vi.fn(async () => [ada]);
    const picker = pickerWith(search);
    picker.type('ada');
    await vi.waitFor(() => expect(picker.options()).toHaveLength(1));
    await new Promise((wait) => setTimeout(wait, 400));
    expect(picker.text()).not.toContain('Searching');
  });

  it('says why a search failed, instead of looking as if nobody matched', async () => {
    const held = heldSearch();
    const picker = pickerWith(held.search);
    picker.type('ada');
    await vi.waitFor(() => expect(held.search).toHaveBeenCalled());
    held.fail(new Error('the disk went away'));
    await vi.waitFor(() => expect(picker.text()).toContain('Kith could not search your notebook: the disk went away'));
    expect(picker.text()).not.toContain('No saved contact matches');
    expect(picker.text()).not.toContain('Searching');
  });

  it('names the query it answered when nothing matched, not what has been typed since', async () => {
    const held = heldSearch();
    const picker = pickerWith(held.search);
    picker.type('zed');
    await vi.waitFor(() => expect(held.search).toHaveBeenCalledTimes(1));
    held.answer([]);
    await vi.waitFor(() => expect(picker.text()).toContain('No saved contact matches “zed”.'));
    picker.type('zeta');
    await vi.waitFor(() => expect(held.search).toHaveBeenCalledTimes(2));
    expect(picker.text()).toContain('No saved contact matches “zed”.');
    held.answer([]);
    await vi.waitFor(() => expect(picker.text()).toContain('No saved contact matches “zeta”.'));
  });

  it('closes the list on Escape, keeping it from the popup, and opens it again with the same suggestions on ArrowDown', async () => {
    const jose: ContactHit = { id: 'c2', name: 'José Álvarez', title: 'Recruiter', company: 'Globex' };
    const picked = vi.fn();
    const search = vi.fn(async () => [ada, jose]);
    const picker = pickerWith(search, picked);
    picker.type('jose');
    await vi.waitFor(() => expect(picker.options()).toHaveLength(2));
    expect(picker.press('Escape')).toBe(true);
    await vi.waitFor(() => expect(picker.listShown()).toBe(false));
    expect(picker.text()).not.toContain('No saved contact matches');
    // With no list open, Escape is the popup's: it closes.
    expect(picker.press('Escape')).toBe(false);
    // Enter with the list closed picks nothing and submits nothing.
    expect(picker.press('Enter')).toBe(true);
    expect(picked).not.toHaveBeenCalled();
    expect(picker.press('ArrowDown')).toBe(true);
    await vi.waitFor(() => expect(picker.listShown()).toBe(true));
    expect(picker.options()).toEqual(['Ada Quinlan CTO · Northwind', 'José Álvarez Recruiter · Globex']);
    expect(search).toHaveBeenCalledTimes(1);
    picker.press('ArrowDown');
    await vi.waitFor(() => expect(host!.querySelector('[aria-selected="true"]')?.textContent).toContain('José'));
    picker.press('Enter');
    await vi.waitFor(() => expect(picked).toHaveBeenCalledWith(jose));
  });

  it('opens the list again on Alt+ArrowDown, and on typing', async () => {
    const picker = pickerWith(vi.fn(async () => [ada]));
    picker.type('ada');
    await vi.waitFor(() => expect(picker.listShown()).toBe(true));
    picker.press('Escape');
    await vi.waitFor(() => expect(picker.listShown()).toBe(false));
    picker.press('ArrowDown', { altKey: true });
    await vi.waitFor(() => expect(picker.listShown()).toBe(true));
    picker.press('Escape');
    await vi.waitFor(() => expect(picker.listShown()).toBe(false));
    picker.type('ada q');
    await vi.waitFor(() => expect(picker.listShown()).toBe(true));
  });
});
