// An argument naming a body file Playwright keeps beside a HAR (`_file`; a hook passes the staged
// files, bodies among them) stands for the HAR that names it: that HAR is read, checked and scrubbed
// with all its bodies, so the lengths it records stay true. Once per run: a HAR named too, or met in
// a directory, is not read twice.

import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { har } from '../formats/har.ts';
import { isAttachedBodyFile, type ExpandedPath } from './expand-paths.ts';

/** The first HAR beside `file` (by name) that names it as a body; undefined for none (an orphan). */
function harNaming(file: string): string | undefined {
  const dir = dirname(file);
  const name = basename(file);
  for (const entry of readdirSync(dir).filter((n) => /\.har$/i.test(n)).sort()) {
    const path = join(dir, entry);
    try {
      if (har.attachedBodies!(JSON.parse(readFileSync(path, 'utf8'))).some((body) => body.name === name)) return path;
    } catch {
      // Not readable JSON: the HAR itself is reported when it is named.
    }
  }
  return undefined;
}

/** An argument naming one file (not a directory) that is a HAR's body file. */
const namesBodyFile = (e: ExpandedPath) => !e.error && e.files.length === 1 && e.files[0] === e.arg && isAttachedBodyFile(e.arg);

export function harsForAttachedBodies(expanded: ExpandedPath[]): ExpandedPath[] {
  const bodies = expanded.map(namesBodyFile);
  if (!bodies.includes(true)) return expanded;
  const named = new Set(expanded.flatMap((e) => e.files.map((f) => resolve(f))));
  return expanded.map((e, i) => {
    if (!bodies[i]) return e;
    const path = harNaming(e.arg);
    // An orphan stays, and is reported as no cassette.
    if (path === undefined) return e;
    if (named.has(resolve(path))) return { arg: e.arg, files: [] };
    named.add(resolve(path));
    return { arg: e.arg, files: [path] };
  });
}
