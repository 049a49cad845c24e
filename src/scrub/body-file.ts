// A body kept in a file of its own beside the cassette (Playwright's HAR `_file`): the whole file is
// the body, scanned as a body site is (form-encoded by its media type, else text), and each secret
// is placed by line and column in that file. Pure: src/commands/attached-bodies.ts reads and writes.

import type { Finding } from './edit-cst.ts';
import { mask } from './rules.ts';
import { scanValue, type Compiled } from './scan.ts';
import { isFormEncoded } from './sites.ts';

// ignoreBOM keeps a byte-order mark in the text, so that writing it back keeps it too.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A body file's bytes as text, and back: UTF-8, or Latin-1 (one char per byte) for bytes that are not UTF-8. */
export function bodyFileText(bytes: Uint8Array): { text: string; encode(text: string): Buffer } {
  try {
    const text = utf8.decode(bytes);
    return { text, encode: (out) => Buffer.from(out, 'utf8') };
  } catch {
    return { text: Buffer.from(bytes).toString('latin1'), encode: (out) => Buffer.from(out, 'latin1') };
  }
}

/** `path`: the finding's path, naming the body's place in the cassette (e.g. `log.entries[1].response.content._file`). */
export function scrubBodyFile(text: string, mediaType: string, c: Compiled, path: string): { text: string; findings: Finding[] } {
  const scanned = scanValue(text, isFormEncoded([mediaType]) ? 'form-body' : 'text', c);
  if (scanned.hits.length === 0) return { text, findings: [] };
  const from = new Map<string, number>();
  const findings = scanned.hits.map((hit): Finding => {
    const start = hit.secret ? text.indexOf(hit.secret, from.get(hit.secret) ?? 0) : -1;
    if (start >= 0) from.set(hit.secret, start + hit.secret.length);
    // Not written out verbatim (an escape inside JSON): the file's start is the place.
    const offset = Math.max(start, 0);
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const line = text.slice(0, offset).split('\n').length;
    return { rule: hit.rule, line, col: offset - lineStart + 1, masked: mask(hit.secret), path, offset, length: start >= 0 ? hit.secret.length : 0 };
  });
  return { text: scanned.value, findings: findings.sort((a, b) => a.offset - b.offset) };
}
