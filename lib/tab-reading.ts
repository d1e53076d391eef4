// Reading the tab a context-menu click came from. The click grants activeTab, so these work on
// any page the user right-clicked, not only the sites Kith has host permission for. (Who the page
// shows is lib/capture.ts's captureTab.)

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

/** The frame's selected text, line breaks kept, capped. */
export async function selectionTextOf(tabId: number, frameId: number): Promise<string> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    func: () => (getSelection()?.toString() ?? '').slice(0, 20_000),
  });
  return typeof result?.result === 'string' ? result.result : '';
}
