// scrub and lint over the bodies a cassette keeps in files beside it (Playwright's HAR `_file`):
// each file is read once per cassette (entries with the same content share one), scanned as a body,
// and handed back with its scrubbed text for the command to report and write like a cassette file.

import { detectFormat } from '../formats/index.ts';
import type { ParsedDocument } from '../formats/types.ts';
import { attachedBodyPath, type AttachedBodyReader } from '../read/attached-bodies.ts';
import { bodyFileText, scrubBodyFile } from '../scrub/body-file.ts';
import type { AttachedSizes, Finding } from '../scrub/edit-cst.ts';
import type { Compiled } from '../scrub/scan.ts';

export interface AttachedBodyFile {
  path: string;
  text: string;
  result: { text: string; findings: Finding[] };
  /** The text back to bytes as the file had them (see bodyFileText). */
  encode(text: string): Buffer;
}

export interface AttachedBodies {
  files: AttachedBodyFile[];
  /** The byte lengths of each changed body, by interaction and side, for the lengths the cassette records. */
  sizes: AttachedSizes;
}

/** `read`: the file's reader of its attached bodies (cassette-loop's, shared with the model). */
export function scrubAttachedBodies(file: string, doc: ParsedDocument, c: Compiled, read: AttachedBodyReader): AttachedBodies {
  const attached = detectFormat(doc.value, doc.syntax)?.attachedBodies?.(doc.value) ?? [];
  const byName = new Map<string, { file: AttachedBodyFile; before: number; after: number }>();
  const sizes = new Map<string, { before: number; after: number }>();
  for (const body of attached) {
    let scanned = byName.get(body.name);
    if (!scanned) {
      // Entries with the same content share one file: it is read and scanned once.
      const bytes = read(body.name, doc.interactionLines[body.interaction]);
      const { text, encode } = bodyFileText(bytes);
      const result = scrubBodyFile(text, body.mediaType, c, body.path);
      const after = result.findings.length > 0 ? encode(result.text).length : bytes.length;
      scanned = { file: { path: attachedBodyPath(file, body.name), text, result, encode }, before: bytes.length, after };
      byName.set(body.name, scanned);
    }
    if (scanned.before !== scanned.after) sizes.set(`${body.interaction}:${body.side}`, { before: scanned.before, after: scanned.after });
  }
  return { files: [...byName.values()].map((s) => s.file), sizes };
}
