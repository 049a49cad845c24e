// `cassette textconv FILE`, for git's `diff.<driver>.textconv`: a cassette becomes its stable
// transcript (what `show --stable --no-color` prints); any other file is printed unchanged, so a
// YAML file under the attribute that is not a cassette never aborts `git diff` / `git log -p`;
// so is a HAR whose bodies are files beside it.

import { readFileSync } from 'node:fs';
import { CassetteError } from '../errors.ts';
import { analyzeCassette } from '../interpret/index.ts';
import type { Io } from '../io.ts';
import { PLAIN_THEME } from '../present/theme.ts';
import { renderTranscript } from '../present/transcript.ts';
import { parseCassetteText } from '../formats/parse.ts';
import { readCassetteText } from '../read/read-cassette.ts';
import { utf8Text } from '../http/body-text.ts';

/** The file's bytes as they are: as text when they are UTF-8 (which re-encodes to the same bytes). */
function writeUnchanged(io: Io, bytes: Buffer): void {
  if (bytes.length === 0) return;
  const text = utf8Text(bytes);
  if (text !== undefined) io.stdout.write(text);
  // Not UTF-8 (a binary file): the bytes themselves; process.stdout takes a Buffer.
  else (io.stdout.write as unknown as (chunk: Uint8Array) => unknown).call(io.stdout, bytes);
}

/** The file's bytes, or the error git would never see (it always passes a readable file). */
function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot read: ${(error as Error).message}`;
    throw new CassetteError(code === 'ENOENT' ? 'not-found' : 'unreadable', message, file);
  }
}

/**
 * A HAR whose bodies are files beside it (Playwright's `_file`): git hands textconv a copy of the
 * HAR alone, so its text is shown as it is, on both sides alike; a body's file name changes with
 * its content, so the diff still shows which bodies changed.
 */
class BodiesBesideTheFile extends Error {}

export async function textconv(file: string, io: Io): Promise<number> {
  let transcript: string;
  try {
    const cassette = await parseCassetteText(file, await readCassetteText(file));
    if (cassette.interactions.some((i) => i.request.bodyFile !== undefined || i.response.bodyFile !== undefined)) throw new BodiesBesideTheFile();
    const analyzed = analyzeCassette(cassette);
    transcript = renderTranscript(analyzed, { theme: PLAIN_THEME, history: false, verbose: false, raw: false, stable: true });
  } catch (error) {
    // Not a cassette (or one this version cannot read): the diff shows the file's own text. The
    // bytes are read only now, so a large cassette is never held twice.
    const bytes = readBytes(file);
    if (!(error instanceof CassetteError) && !(error instanceof BodiesBesideTheFile)) {
      io.stderr.write(`cassette textconv: ${file}: internal error, showing the file unchanged — please report it: ${(error as Error)?.message ?? String(error)}\n`);
    }
    writeUnchanged(io, bytes);
    return 0;
  }
  io.stdout.write(transcript);
  return 0;
}
