// Reading the tab a context-menu click came from. The click grants activeTab, so these work on
// any page the user right-clicked, not only the sites Kith has host permission for. Both read at
// once, not when the page has loaded, which a slow script may hold up for as long as it likes.
// (Who the page shows is lib/capture.ts's captureTab.)

/**
 * The text of the links to `linkUrl` in a frame of the tab, a line per text node, in page order,
 * capped. Pages often link a person twice, picture first, the picture's link holding at most some
 * hidden words ("Status is reachable"): so every such link's lines, else a picture's alt.
 * Pages built of web components keep their links in shadow roots and their words in slots: those
 * are read as the page shows them.
 */
export async function linkTextOf(tabId: number, frameId: number, linkUrl: string): Promise<string> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    injectImmediately: true,
    args: [linkUrl],
    // Runs in the page: self-contained, and no layout APIs (textContent, not innerText).
    func: (href: string) => {
      const linksIn = (root: Document | ShadowRoot): HTMLAnchorElement[] =>
        Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href]')).filter((a) => a.href === href);
      // Shadow roots are only looked into when the page's own tree has no such link: finding them
      // means visiting every element.
      let links = linksIn(document);
      for (let roots = [document as Document | ShadowRoot]; links.length === 0 && roots.length > 0; ) {
        roots = roots.flatMap((root) => Array.from(root.querySelectorAll('*'), (element) => element.shadowRoot ?? []).flat());
        links = roots.flatMap(linksIn);
      }
      // One line per text node, in the order the page shows them: "Jane Doe" and a hidden
      // "View Jane Doe's profile" stay apart.
      const linesOf = (node: Node, lines: string[]): string[] => {
        if (lines.length >= 20) return lines;
        if (node.nodeType === Node.TEXT_NODE) {
          const text = (node.textContent ?? '').trim();
          if (text) lines.push(text.slice(0, 300));
          return lines;
        }
        const element = node as Element;
        const shown =
          element.shadowRoot?.childNodes ??
          (element instanceof HTMLSlotElement && element.assignedNodes().length > 0 ? element.assignedNodes() : node.childNodes);
        for (const child of Array.from(shown)) linesOf(child, lines);
        return lines;
      };
      const lines: string[] = [];
      for (const link of links.slice(0, 20)) linesOf(link, lines);
      if (lines.length) return lines.join('\n');
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
