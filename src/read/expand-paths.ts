// Command-line arguments (files or directories) → the cassette files they name, in a stable order.

// Synchronous: a few calls per argument, and node:fs/promises costs ~1.5 ms of start-up to load.
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CassetteError } from '../errors.ts';

const CASSETTE_FILE = /\.(ya?ml|json|har)(\.gz)?$/i;

export function isCassetteFileName(name: string): boolean {
  return CASSETTE_FILE.test(name);
}

/**
 * A JSON file found in a directory may be any JSON (package.json, fixtures): it counts as a cassette
 * only when a format accepts it. YAML files in a directory are always cassettes (an error when not).
 */
export function isOptionalInDirectory(name: string): boolean {
  return /\.json(\.gz)?$/i.test(name);
}

/** Playwright names a body it keeps beside a HAR (`_file`) by its content's SHA-1 and an extension. */
const ATTACHED_BODY_NAME = /^[0-9a-f]{40}\.[A-Za-z0-9]+$/;
const HAR_NAME = /\.har(\.gz)?$/i;

/**
 * A file Playwright wrote beside a HAR for one of its bodies: not a cassette of its own, but read
 * (and scrubbed) through the HAR that names it.
 */
export function isAttachedBodyName(name: string, siblings: readonly string[]): boolean {
  return ATTACHED_BODY_NAME.test(name) && siblings.some((s) => HAR_NAME.test(s));
}

/** isAttachedBodyName for a path, looking at its directory. */
export function isAttachedBodyFile(path: string): boolean {
  if (!ATTACHED_BODY_NAME.test(basename(path))) return false;
  try {
    return isAttachedBodyName(basename(path), readdirSync(dirname(path)));
  } catch {
    return false;
  }
}

function walk(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = entries.map((e) => e.name);
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    else if (entry.isFile() && isCassetteFileName(entry.name) && !isAttachedBodyName(entry.name, names)) files.push(path);
  }
  return files;
}

export interface ExpandedPath {
  /** The argument as given. */
  arg: string;
  /** Cassette files it names (one for a file, the sorted *.yaml / *.yml (+ .gz) below a directory). */
  files: string[];
  /** Files found in a directory that are skipped, not errors, when no format accepts them (JSON). */
  optional?: Set<string>;
  /** Set when the argument cannot be used; the other arguments still are. */
  error?: CassetteError;
}

export async function expandPath(arg: string): Promise<ExpandedPath> {
  try {
    const info = statSync(arg);
    if (!info.isDirectory()) return { arg, files: [arg] };
    const files = walk(arg);
    if (files.length === 0) {
      return { arg, files, error: new CassetteError('no-cassettes', 'no cassettes (*.yaml, *.yml, *.json, *.har) in this directory', arg) };
    }
    const optional = new Set(files.filter(isOptionalInDirectory));
    return optional.size ? { arg, files, optional } : { arg, files };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${(error as Error).message}`;
    return { arg, files: [], error: new CassetteError(code === 'ENOENT' ? 'not-found' : 'unreadable', message, arg) };
  }
}
