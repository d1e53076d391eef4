// Reading the tab a context-menu click came from. The click grants activeTab, so these work on
// any page the user right-clicked, not only the sites Kith has host permission for.
import { sendToTab } from './messages';
import type { PersonInput } from './model';

/** The people Kith's content script found on the tab, best first. */
export async function capturePage(tabId: number): Promise<PersonInput[]> {
  return (await sendToTab(tabId, 'capture:get', {})).people;
}

/** The text of the first link to `linkUrl` in a frame of the tab, a line per text node, capped. */
export async function linkTextOf(tabId: number, frameId: number, linkUrl: string): Promise<string> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    args: [linkUrl],
    // Runs in the page: self-contained, and no layout APIs (textContent, not innerText).
    func: (href: string) => {
      const link = Array.from(document.querySelectorAll('a[href]')).find((a) => (a as HTMLAnchorElement).href === href);
      if (!link) return '';
      // One line per text node: "Jane Doe" and a hidden "View Jane Doe's profile" stay apart.
      const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
      const lines: string[] = [];
      for (let node = walker.nextNode(); node && lines.length < 20; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        if (text) lines.push(text.slice(0, 300));
      }
      return lines.join('\n');
    },
  });
  return typeof result?.result === 'string' ? result.result : '';
}
