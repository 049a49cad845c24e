// Bytes as text when they are UTF-8, with a byte-order mark kept, so that the text encodes back to
// the very same bytes (vcrpy's convert_to_unicode, a body file scrub rewrites, textconv's output).

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text, or undefined when the bytes are not UTF-8. */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}
