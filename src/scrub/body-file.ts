// A body kept in a file of its own beside the cassette (Playwright's HAR `_file`): the whole file is
// the body, scanned as a body site is (form-encoded by its media type, else text), and each secret
// is placed by line and column in that file. Pure: src/commands/attached-bodies.ts reads and writes.

import { utf8Text } from '../http/body-text.ts';
import type { Finding } from './edit-cst.ts';
import { mask } from './rules.ts';
import { scanValue, type Compiled } from './scan.ts';
import { isFormEncoded } from './sites.ts';

export interface ScrubbedBody {
  /** The bytes as text: UTF-8, or Latin-1 (one char per byte) for bytes that are not UTF-8. */
  text: string;
  /** The scrubbed text and what was found in it. */
  result: { text: string; findings: Finding[] };
  /** The scrubbed text as bytes, encoded as the text was read (the same array when nothing was found). */
  bytes: Uint8Array;
}

/**
 * A body file's bytes, scrubbed: every byte but the secrets' is kept (a byte-order mark too). `path`
 * names the body's place in the cassette for the findings (`log.entries[1].response.content._file`).
 */
export function scrubBodyBytes(bytes: Uint8Array, mediaType: string, c: Compiled, path: string): ScrubbedBody {
  const utf8 = utf8Text(bytes);
  const text = utf8 ?? Buffer.from(bytes).toString('latin1');
  const result = scrubBodyText(text, mediaType, c, path);
  if (result.findings.length === 0) return { text, result, bytes };
  return { text, result, bytes: new Uint8Array(Buffer.from(result.text, utf8 === undefined ? 'latin1' : 'utf8')) };
}

function scrubBodyText(text: string, mediaType: string, c: Compiled, path: string): { text: string; findings: Finding[] } {
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
