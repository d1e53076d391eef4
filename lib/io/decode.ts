// The text of an imported file. Files say nothing about their encoding: a byte-order mark is
// trusted, then UTF-8 if the bytes are valid UTF-8, else Windows-1252, which is what Excel's
// "CSV (Comma delimited)" and older address books write (José, Müller, Société).

export function decodeFileText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return decoderOfUnlabelled(bytes).decode(bytes);
}

/** How to read bytes that do not say their encoding: UTF-8 if they are valid UTF-8, else Windows-1252. */
export function decoderOfUnlabelled(bytes: Uint8Array): TextDecoder {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return new TextDecoder('utf-8');
  } catch {
    return new TextDecoder('windows-1252');
  }
}
