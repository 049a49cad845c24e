// The file-system edge of the read stage: bytes from disk (gunzipped when needed) → Cassette.

import { readFileSync } from 'node:fs';
import type { Cassette } from '../model.ts';
import { CassetteError } from '../errors.ts';
import { parseCassetteText } from '../formats/parse.ts';
import { withAttachedBodies } from './attached-bodies.ts';

/** go-vcr v4 can write gzip-compressed cassettes; the magic bytes tell, not the name. */
function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function readOrFail(file: string): Buffer;
function readOrFail(file: string, encoding: 'utf8'): string;
function readOrFail(file: string, encoding?: 'utf8'): Buffer | string {
  try {
    // Sync on purpose: fs/promises readFile costs ~0.3 ms a file in event-loop hops (Node 20), and
    // the files are read one after the other anyway.
    return encoding ? readFileSync(file, encoding) : readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CassetteError('not-found', 'no such file', file);
    if (code === 'EISDIR') throw new CassetteError('unreadable', 'is a directory', file);
    throw new CassetteError('unreadable', `cannot read: ${(error as Error).message}`, file);
  }
}

/** A cassette file's text, and whether the file was gzip-compressed (scrub writes it back so). */
export async function readCassetteSource(file: string): Promise<{ text: string; gzip: boolean }> {
  // Read as text at once: bytes and text of a 100 MB file would both be alive otherwise. Gzip's
  // magic bytes 1f 8b decode as "\x1f\ufffd"; only then are the bytes read (and checked) again.
  const text = readOrFail(file, 'utf8');
  // Playwright's recordHar and routeFromHAR write a `.zip` path as a ZIP of the HAR and its bodies.
  if (text.startsWith('PK\u0003\u0004')) throw new CassetteError('not-a-cassette', 'not a cassette: a ZIP archive (a zipped HAR? unzip it and name the .har)', file);
  if (text.charCodeAt(0) !== 0x1f || text.charCodeAt(1) !== 0xfffd) return { text, gzip: false };
  let bytes = readOrFail(file);
  if (!isGzip(bytes)) return { text, gzip: false };
  try {
    // Imported here: zlib costs ~2 ms of start-up and few cassettes are compressed.
    const { gunzipSync } = await import('node:zlib');
    bytes = gunzipSync(bytes);
  } catch (error) {
    throw new CassetteError('unreadable', `corrupt gzip data: ${(error as Error).message}`, file);
  }
  return { text: bytes.toString('utf8'), gzip: true };
}

export async function readCassetteText(file: string): Promise<string> {
  return (await readCassetteSource(file)).text;
}

export async function readCassette(file: string): Promise<Cassette> {
  const text = await readCassetteText(file);
  // Through the format seam; the `yaml` package is loaded only when the fast reader gives up.
  return withAttachedBodies(await parseCassetteText(file, text));
}
