// Bodies kept in files beside the cassette (Playwright's HAR `_file`, see BodyFile in model.ts): the
// read stage's second file-system step. The HAR's reader names the files; here they are read, so
// every command sees the bodies as if they were in the HAR, as Playwright's routeFromHAR serves them.

import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CassetteError } from '../errors.ts';
import { utf8Text } from '../http/body-text.ts';
import type { Body, Cassette, HttpRequest, HttpResponse } from '../model.ts';

/**
 * The path of an attached body's file: beside the cassette. Playwright writes a content hash with an
 * extension; a name that is not a plain file name (`../x`, `/etc/x`) is refused, since scrub writes
 * these files.
 */
export function attachedBodyPath(cassetteFile: string, name: string, line?: number): string {
  if (name !== basename(name) || name === '.' || name === '..' || name.includes('\\')) {
    throw new CassetteError('not-a-cassette', `attached body "${name}" (_file) is not a file name beside the HAR`, cassetteFile, line ? { line, col: 1 } : undefined);
  }
  return join(dirname(cassetteFile), name);
}

/** An attached body's bytes; a missing file is an error naming both files. */
export function readAttachedBody(cassetteFile: string, name: string, line?: number): Buffer {
  const path = attachedBodyPath(cassetteFile, name, line);
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'not found' : `cannot be read: ${(error as Error).message}`;
    throw new CassetteError('unreadable', `attached body ${path} (_file) ${why}; keep the files Playwright wrote beside the HAR`, cassetteFile, line ? { line, col: 1 } : undefined);
  }
}

/** Text when the bytes are UTF-8, as a body written in the cassette would be; else the bytes. */
const asBody = (bytes: Uint8Array): Body => utf8Text(bytes) ?? bytes;

/** Reads a cassette's attached bodies by name, each file once (the model and scrub's scan share them). */
export type AttachedBodyReader = (name: string, line?: number) => Buffer;

export function attachedBodyReader(cassetteFile: string): AttachedBodyReader {
  const read = new Map<string, Buffer>();
  return (name, line) => {
    let bytes = read.get(name);
    if (!bytes) read.set(name, (bytes = readAttachedBody(cassetteFile, name, line)));
    return bytes;
  };
}

/**
 * The cassette with each attached body read into its message (the same object when it has none);
 * `transform` changes the bytes on the way (export --scrub scrubs them in memory).
 */
export function withAttachedBodies(
  cassette: Cassette,
  read: AttachedBodyReader = attachedBodyReader(cassette.file),
  transform = (bytes: Uint8Array, _message: HttpRequest | HttpResponse): Uint8Array => bytes,
): Cassette {
  if (!cassette.interactions.some((i) => i.request.bodyFile !== undefined || i.response.bodyFile !== undefined)) return cassette;
  const load = <M extends HttpRequest | HttpResponse>(message: M, line: number | undefined): M =>
    message.bodyFile === undefined ? message : { ...message, body: asBody(transform(new Uint8Array(read(message.bodyFile, line)), message)) };
  return {
    ...cassette,
    interactions: cassette.interactions.map((i) => ({ ...i, request: load(i.request, i.line), response: load(i.response, i.line) })),
  };
}
