// vCard 2.1 is still what many phones and older Outlook versions export. It differs from 3.0 in
// ways ical.js refuses or misreads: parameters without a name (`TEL;CELL;VOICE:`), values in
// quoted-printable with a declared charset, whose soft line breaks (`=` at the end of a line)
// continue on an unindented line, and base64 blobs (photos) that run until a blank line.
// Each property is rewritten as a vCard 3.0 line, so one parser reads every version.
import { decoderOfUnlabelled } from './decode';

/** The index of the colon that ends a property's name and parameters (quoted values skipped). */
function valueStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return -1;
}

/** A property's name and its parameters, split at each `;` outside a quoted value. */
function nameAndParams(head: string): string[] {
  const parts = [''];
  let quoted = false;
  for (const c of head) {
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) parts.push('');
    else parts[parts.length - 1] += c;
  }
  return parts;
}

const BARE_ENCODINGS = ['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT'];

/** A property line's parts, with 2.1's encoding and charset taken out of its parameters. */
function propertyOf(line: string) {
  const end = valueStart(line);
  const [name, ...params] = nameAndParams(end < 0 ? line : line.slice(0, end));
  let encoding: string | undefined;
  let charset: string | undefined;
  let rewritten = false;
  const kept: string[] = [];
  for (const param of params) {
    const eq = param.indexOf('=');
    const key = eq < 0 ? '' : param.slice(0, eq).toUpperCase();
    const value = eq < 0 ? param : param.slice(eq + 1);
    if (key === 'ENCODING' || (key === '' && BARE_ENCODINGS.includes(value.toUpperCase()))) {
      encoding = value.toUpperCase() === 'B' ? 'BASE64' : value.toUpperCase(); // 3.0 spells base64 `b`
    } else if (key === 'CHARSET') charset = value;
    else kept.push(key === '' ? `TYPE=${value}` : param);
    rewritten ||= key === '' || key === 'ENCODING' || key === 'CHARSET';
  }
  return { name, params: kept, value: end < 0 ? undefined : line.slice(end + 1), encoding, charset, rewritten };
}

/** A 2.1 base64 property: its value continues on the lines that follow, up to a blank one. */
export const isBase64Property = (line: string) => propertyOf(line).encoding === 'BASE64';

/** A quoted-printable property whose value goes on to the next line. */
export const continuesQuotedPrintable = (line: string) =>
  line.endsWith('=') && propertyOf(line).encoding === 'QUOTED-PRINTABLE';

function decoderFor(charset: string): TextDecoder {
  try {
    return new TextDecoder(charset);
  } catch {
    return new TextDecoder('utf-8'); // an unknown label: UTF-8 is what nearly every writer means
  }
}

const ENCODED_RUN = /(?:=[0-9A-Fa-f]{2})+/g;
const bytesOf = (runs: readonly string[]) => Uint8Array.from(runs.join('').slice(1).split('='), (hex) => parseInt(hex, 16));

/**
 * Runs of `=XX` are bytes in `charset`; every other character stands for itself. Without a
 * charset (Outlook writes none) the bytes are UTF-8 if they read as UTF-8, else Windows-1252.
 */
function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const runs = value.match(ENCODED_RUN) ?? [];
  if (runs.length === 0) return value;
  const decoder = charset ? decoderFor(charset) : decoderOfUnlabelled(bytesOf(runs));
  return value.replace(ENCODED_RUN, (run) => decoder.decode(bytesOf([run])));
}

/**
 * One unfolded property as vCard 3.0: bare parameters become `TYPE=`, a quoted-printable value
 * is decoded and its line breaks escaped, `VERSION:2.1` becomes 3.0. Returns undefined for a
 * base64 property, whose binary Kith does not keep. Lines with nothing of 2.1 pass unchanged.
 */
export function toVcard3Line(line: string): string | undefined {
  if (/^VERSION:2\.1$/i.test(line)) return 'VERSION:3.0';
  const property = propertyOf(line);
  if (property.value === undefined || !property.rewritten) return line;
  if (property.encoding === 'BASE64') return undefined;
  const value =
    property.encoding === 'QUOTED-PRINTABLE'
      ? decodeQuotedPrintable(property.value, property.charset).replace(/\r\n|\r|\n/g, '\\n')
      : property.value;
  return `${[property.name, ...property.params].join(';')}:${value}`;
}
