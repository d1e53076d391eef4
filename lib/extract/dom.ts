// Reading a page without layout: textContent and attributes only, so extraction never forces a
// reflow on the user's page and runs the same in test DOMs.
import { cleanLine, safeHttpUrl } from '../text';

/** Long enough for any field Kith keeps; cleanLine cuts before its regexes run. */
const READ_MAX = 1000;

/** A node's text as one clean line. */
export function textOf(node: Node | null | undefined, max = READ_MAX): string {
  return node ? cleanLine(node.textContent ?? '', max) : '';
}

/**
 * A node's text as a screen reader reads it, where a page writes text twice: once to be seen,
 * hidden from screen readers (`aria-hidden`), and once to be read out, hidden from sight
 * (LinkedIn's names and companies). The whole text where nothing else is left.
 */
export function spokenTextOf(el: Element | null | undefined, max = READ_MAX): string {
  if (!el?.querySelector('[aria-hidden="true"]')) return textOf(el, max);
  const spoken = el.cloneNode(true) as Element;
  for (const hidden of spoken.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return textOf(spoken, max) || textOf(el, max);
}

/** An attribute as one clean line ('' when absent). */
export function attrOf(el: Element | null | undefined, name: string, max = READ_MAX): string {
  const value = el?.getAttribute(name);
  return value ? cleanLine(value, max) : '';
}

/** `<meta property=key>` or `<meta name=key>`: sites use both spellings for Open Graph. */
export function metaContent(doc: Document, key: string): string {
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const names = [meta.getAttribute('property'), meta.getAttribute('name')];
    if (names.some((n) => n?.toLowerCase() === key)) {
      const content = attrOf(meta, 'content');
      if (content) return content;
    }
  }
  return '';
}

/** Sidebars, navigation, dialogs and overlays: where other people than the page's subject live. */
const PAGE_CHROME = 'aside, nav, [role="complementary"], [role="navigation"], [role="dialog"], [role="banner"]';

export function inPageChrome(el: Element): boolean {
  return el.closest(PAGE_CHROME) !== null;
}

/** The first element matching `selector` under `root` that is not in page chrome. */
export function firstInContent(root: ParentNode, selector: string): Element | undefined {
  for (const el of root.querySelectorAll(selector)) if (!inPageChrome(el)) return el;
  return undefined;
}

/** An image's http(s) URL; lazy images keep the real one in a data attribute behind a placeholder. */
export function imageUrl(img: Element | null | undefined): string | undefined {
  if (!img) return undefined;
  for (const name of ['src', 'data-delayed-url', 'data-src']) {
    const url = safeHttpUrl(img.getAttribute(name), img.baseURI);
    if (url) return url;
  }
  return undefined;
}
