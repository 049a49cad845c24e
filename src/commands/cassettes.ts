// Shared by the commands that read cassettes: expand the arguments, read and analyze each file,
// report a bad file on stderr as `file:line:col: message`, and go on with the others.

import { CassetteError } from '../errors.ts';
import { analyzeCassette, type AnalyzedCassette } from '../interpret/index.ts';
import type { Io } from '../io.ts';
import { expandPath } from '../read/expand-paths.ts';
import { readCassette } from '../read/read-cassette.ts';
import type { Cassette } from '../model.ts';

export interface ReadOutcome {
  /** Files that could not be read; the caller exits 2 when this is not zero. */
  failures: number;
  files: number;
}

export function reportError(io: Io, error: unknown): void {
  if (error instanceof CassetteError) io.stderr.write(`cassette: ${error.format()}\n`);
  else throw error;
}

/**
 * Calls `each` with every readable cassette named by `args`, in order. `read` replaces the file
 * reader (export --scrub reads the text, scrubs it in memory, then parses).
 */
export async function forEachCassette(
  args: string[],
  io: Io,
  each: (analyzed: AnalyzedCassette) => void | Promise<void>,
  read: (file: string) => Promise<Cassette> = readCassette,
): Promise<ReadOutcome> {
  const outcome: ReadOutcome = { failures: 0, files: 0 };
  for (const arg of args) {
    const expanded = await expandPath(arg);
    if (expanded.error) {
      reportError(io, expanded.error);
      outcome.failures++;
      continue;
    }
    for (const file of expanded.files) {
      outcome.files++;
      let analyzed: AnalyzedCassette;
      try {
        analyzed = analyzeCassette(await read(file));
      } catch (error) {
        reportError(io, error);
        outcome.failures++;
        continue;
      }
      await each(analyzed);
    }
  }
  return outcome;
}
