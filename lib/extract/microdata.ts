// schema.org in microdata (`itemscope itemtype="https://schema.org/Person"`, `itemprop="name"`):
// older CMS themes, university and team pages, and article bylines mark people up so instead of
// in JSON-LD. Each item is read into the shape a JSON-LD node has, as the microdata spec's own
// JSON conversion does, so one reader decides who a page is about for both (json-ld.ts).
import { imageUrl } from './dom';
import { type JsonObject, peopleOfNodes, personNodes, type SchemaOrgPeople, typesOf } from './json-ld';
import { mailtoAddresses } from './mailto';

/** A page marking up thousands of items is not a person card; reading a bounded part keeps a hostile page cheap. */
const MAX_ITEMS = 500;
const MAX_PROPERTIES = 5_000;
const MAX_TEXT = 2_000;

// Properties whose value is an address. The spec takes a link's address for any property, but
// themes write a name as a link to the person's page (`<a itemprop="name" href="/author/1/">王小明</a>`).
const LINK_PROPERTIES = new Set(['url', 'sameAs', 'image', 'email', 'mainEntityOfPage', 'contentUrl']);

/** A property's value as the microdata spec defines it for each element, but a link's text for a text property; a mailto link's is its addresses. */
function propertyValue(el: Element, name: string): string | string[] | undefined {
  switch (el.localName) {
    case 'meta':
      return el.getAttribute('content') ?? undefined;
    case 'img':
      return imageUrl(el);
    case 'audio':
    case 'embed':
    case 'iframe':
    case 'source':
    case 'track':
    case 'video':
      return el.getAttribute('src') ?? undefined;
    case 'a':
    case 'area':
    case 'link': {
      if (!LINK_PROPERTIES.has(name) && el.localName === 'a') return el.textContent?.slice(0, MAX_TEXT);
      const href = el.getAttribute('href') ?? undefined;
      return href && /^mailto:/i.test(href) ? mailtoAddresses(href) : href;
    }
    case 'object':
      return el.getAttribute('data') ?? undefined;
    case 'data':
    case 'meter':
      return el.getAttribute('value') ?? undefined;
    case 'time':
      return el.getAttribute('datetime') ?? el.textContent?.slice(0, MAX_TEXT);
    default:
      return el.textContent?.slice(0, MAX_TEXT);
  }
}

function addValue(item: JsonObject, name: string, value: unknown): void {
  const existing = item[name];
  item[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
}

/**
 * The page's top-level microdata items as JSON-LD nodes, or none when no item is a Person (most
 * pages: one query). Text is read only where the person reader may look, the properties of people
 * and of what they hold (an employer, an address) and every item's name (an organisation listing
 * its people), never an article's body.
 */
export function microdataItems(doc: Document): JsonObject[] {
  if (!doc.querySelector('[itemscope][itemtype*="Person"]')) return [];
  const items = new Map<Element, JsonObject>();
  const topLevel: JsonObject[] = [];
  const ofPeople = new Set<Element>();
  for (const scope of [...doc.querySelectorAll('[itemscope]')].slice(0, MAX_ITEMS)) {
    const types = (scope.getAttribute('itemtype') ?? '').split(/\s+/).filter(Boolean);
    const item: JsonObject = { '@type': types.length === 1 ? types[0] : types };
    const id = scope.getAttribute('itemid');
    if (id) item['@id'] = id;
    items.set(scope, item);
    // An item's owner comes before it in document order, so it is already known.
    const owner = scope.parentElement?.closest('[itemscope]');
    if (!scope.hasAttribute('itemprop') || !owner || !items.has(owner)) topLevel.push(item);
    if (typesOf(item).includes('Person') || (owner && ofPeople.has(owner))) ofPeople.add(scope);
  }
  for (const el of [...doc.querySelectorAll('[itemprop]')].slice(0, MAX_PROPERTIES)) {
    const owner = el.parentElement?.closest('[itemscope]');
    const item = owner && items.get(owner);
    if (!item) continue;
    const nested = el.hasAttribute('itemscope') ? items.get(el) : undefined;
    if (el.hasAttribute('itemscope') && !nested) continue;
    for (const name of (el.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean)) {
      if (nested) addValue(item, name, nested);
      else if (name === 'name' || ofPeople.has(owner)) {
        const value = propertyValue(el, name);
        if (value) addValue(item, name, value);
      }
    }
  }
  return topLevel;
}

export function extractMicrodata(doc: Document): SchemaOrgPeople {
  return peopleOfNodes(personNodes(microdataItems(doc), doc), doc, 'microdata');
}
