// scrub and lint over the bodies a cassette keeps in files beside it (Playwright's HAR `_file`):
// each file is read once per cassette (entries with the same content share one), scanned as a body,
// and handed back with its scrubbed bytes for the command to report and write like a cassette file.

import { detectFormat } from '../formats/index.ts';
import type { ParsedDocument } from '../formats/types.ts';
import { attachedBodyPath, type AttachedBodyReader } from '../read/attached-bodies.ts';
import { scrubBodyBytes, type ScrubbedBody } from '../scrub/body-file.ts';
import type { AttachedSizes } from '../scrub/edit-cst.ts';
import type { Compiled } from '../scrub/scan.ts';

export interface AttachedBodyFile extends ScrubbedBody {
  path: string;
}

export interface AttachedBodies {
  files: AttachedBodyFile[];
  /** The byte lengths of each changed body, by interaction and side, for the lengths the cassette records. */
  sizes: AttachedSizes;
}

/** `read`: the file's reader of its attached bodies (cassette-loop's, shared with the model). */
export function scrubAttachedBodies(file: string, doc: ParsedDocument, c: Compiled, read: AttachedBodyReader): AttachedBodies {
  const attached = detectFormat(doc.value, doc.syntax)?.attachedBodies?.(doc.value) ?? [];
  const byName = new Map<string, { file: AttachedBodyFile; before: number }>();
  const sizes = new Map<string, { before: number; after: number }>();
  for (const body of attached) {
    let scanned = byName.get(body.name);
    if (!scanned) {
      // Entries with the same content share one file: it is read and scanned once.
      const bytes = read(body.name, doc.interactionLines[body.interaction]);
      scanned = { file: { path: attachedBodyPath(file, body.name), ...scrubBodyBytes(bytes, body.mediaType, c, body.path) }, before: bytes.length };
      byName.set(body.name, scanned);
    }
    const after = scanned.file.bytes.length;
    if (scanned.before !== after) sizes.set(`${body.interaction}:${body.side}`, { before: scanned.before, after });
  }
  return { files: [...byName.values()].map((s) => s.file), sizes };
}
