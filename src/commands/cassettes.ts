// Shared by the commands that interpret cassettes (show, diff, export, lint): the per-file loop of
// cassette-loop.ts with each file's interpretation. Kept apart from the loop itself so that scrub,
// which only needs the text, loads no interpret stage.

import { hasDiagnostics, locateDiagnostics } from '../findings/diagnostic-lines.ts';
import { Locator } from '../findings/locate.ts';
import { analyzeCassette, type AnalyzedCassette } from '../interpret/index.ts';
import type { Io } from '../io.ts';
import { readCassette } from '../read/read-cassette.ts';
import type { Cassette } from '../model.ts';
import { forEachCassetteFile, type CassetteFile, type LoopOptions, type ReadOutcome } from './cassette-loop.ts';

export type { ReadOutcome } from './cassette-loop.ts';

/** A file of the loop with its interpretation too. */
export interface AnalyzedCassetteFile extends CassetteFile {
  analyzed(): Promise<AnalyzedCassette>;
  /**
   * Places in the file's text (lines of diagnostics, lint's findings), made once per file. With
   * --scrub the lines are the file's: scrubbing rewrites values in place.
   */
  locator(): Promise<Locator>;
}

export function withAnalysis(file: CassetteFile): AnalyzedCassetteFile {
  let analyzed: Promise<AnalyzedCassette> | undefined;
  let locator: Promise<Locator> | undefined;
  const handle: AnalyzedCassetteFile = {
    ...file,
    locator: () => (locator ??= Promise.all([file.source(), file.cassette()]).then(([{ text }, cassette]) => new Locator(text, cassette.interactions))),
    // Diagnostics placed on their cassette lines: the text is asked for only when there is one.
    analyzed: () =>
      (analyzed ??= file.cassette().then(async (cassette) => {
        const result = analyzeCassette(cassette);
        return hasDiagnostics(result) ? locateDiagnostics(result, await handle.locator()) : result;
      })),
  };
  return handle;
}

/** The loop, each file interpreted on request. */
export function forEachAnalyzedFile(args: string[], io: Io, each: (file: AnalyzedCassetteFile) => void | Promise<void>, options: LoopOptions = {}): Promise<ReadOutcome> {
  return forEachCassetteFile(args, io, (file) => each(withAnalysis(file)), options);
}

/**
 * Calls `each` with every readable cassette named by `args`, in order. `read` replaces the file
 * reader (export --scrub reads the text, scrubs it in memory, then parses).
 */
export function forEachCassette(
  args: string[],
  io: Io,
  each: (analyzed: AnalyzedCassette) => void | Promise<void>,
  read: (file: string) => Promise<Cassette> = readCassette,
): Promise<ReadOutcome> {
  return forEachAnalyzedFile(args, io, async (file) => each(await file.analyzed()), read === readCassette ? {} : { read });
}
