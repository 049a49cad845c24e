// A user error on stderr as one line, `cassette: file:line:col: message`; anything else is a bug and
// is rethrown for main to report. Its own small module: scrub must not load the interpret stage.

import { CassetteError } from '../errors.ts';
import type { Io } from '../io.ts';

export function reportError(io: Io, error: unknown): void {
  if (error instanceof CassetteError) io.stderr.write(`cassette: ${error.format()}\n`);
  else throw error;
}
