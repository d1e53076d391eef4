// The text of an imported file. Files say nothing about their encoding: a byte-order mark is
// trusted, then UTF-8 if the bytes are valid UTF-8, else Windows-1252, which is what Excel's
// "CSV (Comma delimited)" and older address books write (José, Müller, Société).

export function decodeFileText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (isUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
  // vCard writers fold lines at 75 bytes, some through the middle of a character ("Ren\xC3" on one
  // line, " \xA9e" on the next): such a card is UTF-8 once its folds are undone.
  if (startsVcard(bytes)) {
    const unfolded = withoutFolds(bytes);
    if (isUtf8(unfolded)) return new TextDecoder('utf-8').decode(unfolded);
  }
  return new TextDecoder('windows-1252').decode(bytes);
}

/** How to read bytes that do not say their encoding: UTF-8 if they are valid UTF-8, else Windows-1252. */
export function decoderOfUnlabelled(bytes: Uint8Array): TextDecoder {
  return new TextDecoder(isUtf8(bytes) ? 'utf-8' : 'windows-1252');
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const startsVcard = (bytes: Uint8Array) => /^(?:\xEF\xBB\xBF)?\s*BEGIN:VCARD/i.test(String.fromCharCode(...bytes.subarray(0, 64)));

/** The bytes without each line break that a space or tab follows (RFC 6350's folding). */
function withoutFolds(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const breakLength = bytes[i] === 0x0d && bytes[i + 1] === 0x0a ? 2 : bytes[i] === 0x0a ? 1 : 0;
    const next = bytes[i + breakLength];
    if (breakLength && (next === 0x20 || next === 0x09)) {
      i += breakLength;
      continue;
    }
    out[length++] = bytes[i];
  }
  return out.subarray(0, length);
}
