// A finding's fingerprint: the same finding gets the same one on every run and after unrelated
// edits, so baselines and ignore files keep working. Built from what the finding is about, never
// from line numbers or interaction indexes (an interaction inserted above would shift them): the
// rule, the file (relative to the project, `/`-separated), the request's method and URL, the
// finding's key (a header name, a document path with the interaction index left out, a masked
// value) and, for findings alike in all of these, their order in the file.

import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding } from './finding.ts';

/** The file as fingerprints name it: relative to `root` (the project), with `/`. */
export function fingerprintPath(file: string, root: string): string {
  const absolute = isAbsolute(file) ? file : resolve(root, file);
  const rel = relative(root, absolute);
  return (rel.startsWith('..') ? absolute : rel).split(sep).join('/');
}

/** `interactions[3].request.headers.X` → `interactions[*].request.headers.X`: the index is not the identity. */
export function pathWithoutIndex(path: string): string {
  return path.replace(/\[\d+\]/, '[*]');
}

type Crypto = typeof import('node:crypto');

/** Node ≥ 20.12's one-shot hash where there is one (a tenth of createHash's cost); the same digest. */
function sha256(crypto: Crypto, text: string): string {
  const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
  return oneShot ? oneShot('sha256', text) : crypto.createHash('sha256').update(text).digest('hex');
}

/**
 * node:crypto, loaded on the first file with findings (most hook runs have none) and kept: the
 * bundle turns each `import()` into a fresh copy of the module's ~100 exports, ~30 µs a file.
 */
let loaded: Promise<Crypto> | undefined;

/** Sets `fingerprint` on each finding of one file (all of them at once: the order counts alike ones). */
export async function assignFingerprints(findings: Finding[], root: string): Promise<void> {
  if (findings.length === 0) return;
  const crypto = await (loaded ??= import('node:crypto'));
  const seen = new Map<string, number>();
  const paths = new Map<string, string>();
  for (const f of findings) {
    let path = paths.get(f.file);
    if (path === undefined) paths.set(f.file, (path = fingerprintPath(f.file, root)));
    // Scrub findings are told apart by their document path (scrub --check does not read requests), so
    // lint and scrub --check give a credential the same fingerprint and share a baseline.
    const where = f.interaction && f.path === undefined ? `${f.interaction.method} ${f.interaction.url}` : '';
    const identity = [f.rule, path, where, f.key].join('\u0000');
    const n = seen.get(identity) ?? 0;
    seen.set(identity, n + 1);
    f.fingerprint = sha256(crypto, `${identity}\u0000${n}`).slice(0, 32);
  }
}
