// Reading the tab a context-menu click came from. The click grants activeTab, so these work on
// any page the user right-clicked, not only the sites Kith has host permission for. Both read at
// once, not when the page has loaded, which a slow script may hold up for as long as it likes.
// (Who the page shows is lib/capture.ts's captureTab.)

/**
 * The text of a link to `linkUrl` in a frame of the tab, a line per text node, capped. Pages often
 * link a person twice, picture first: the first such link with text answers, else a picture's alt.
 */
export async function linkTextOf(tabId: number, frameId: number, linkUrl: string): Promise<string> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    injectImmediately: true,
    args: [linkUrl],
    // Runs in the page: self-contained, and no layout APIs (textContent, not innerText).
    func: (href: string) => {
      const links = Array.from(document.querySelectorAll('a[href]')).filter((a) => (a as HTMLAnchorElement).href === href);
      for (const link of links.slice(0, 20)) {
        // One line per text node: "Jane Doe" and a hidden "View Jane Doe's profile" stay apart.
        const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
        const lines: string[] = [];
        for (let node = walker.nextNode(); node && lines.length < 20; node = walker.nextNode()) {
          const text = (node.textContent ?? '').trim();
          if (text) lines.push(text.slice(0, 300));
        }
        if (lines.length) return lines.join('\n');
      }
      const alt = links.map((link) => link.querySelector('img[alt]')?.getAttribute('alt')?.trim()).find(Boolean);
      return (alt ?? '').slice(0, 300);
    },
  });
  return typeof result?.result === 'string' ? result.result : '';
}

/** The frame's selected text, line breaks kept, capped. */
export async function selectionTextOf(tabId: number, frameId: number): Promise<string> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    injectImmediately: true,
    func: () => (getSelection()?.toString() ?? '').slice(0, 20_000),
  });
  return typeof result?.result === 'string' ? result.result : '';
}
