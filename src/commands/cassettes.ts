// Shared by the commands that read cassettes: expand the arguments, read and analyze each file,
// report a bad file on stderr as `file:line:col: message`, and go on with the others.

import { analyzeCassette, type AnalyzedCassette } from '../interpret/index.ts';
import type { Io } from '../io.ts';
import { expandPath } from '../read/expand-paths.ts';
import { readCassette } from '../read/read-cassette.ts';
import { BATCH_FILES, tuneGcForBatch } from './batch-gc.ts';
import { createProgress } from './progress.ts';
import { reportError } from './report-error.ts';
import type { Cassette } from '../model.ts';
import { CassetteError } from '../errors.ts';

export interface ReadOutcome {
  /** Files that could not be read; the caller exits 2 when this is not zero. */
  failures: number;
  files: number;
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
  // Expand every argument first, so the progress line knows the total; errors keep their order.
  const expanded = await Promise.all(args.map(expandPath));
  const total = expanded.reduce((n, e) => n + e.files.length, 0);
  if (total >= BATCH_FILES) await tuneGcForBatch();
  const progress = createProgress(io.stderr, total, io.env);
  for (const { error, files, optional } of expanded) {
    if (error) {
      progress.clear();
      reportError(io, error);
      outcome.failures++;
      continue;
    }
    for (const file of files) {
      progress.tick(file);
      let analyzed: AnalyzedCassette;
      try {
        analyzed = analyzeCassette(await read(file));
        outcome.files++;
      } catch (error) {
        progress.clear();
        // A JSON file met in a directory that no format accepts is not a cassette: skipped, not an error.
        if (optional?.has(file) && error instanceof CassetteError && error.code === 'not-a-cassette' && !error.pos) continue;
        outcome.files++;
        reportError(io, error);
        outcome.failures++;
        continue;
      }
      progress.clear();
      await each(analyzed);
    }
  }
  progress.clear();
  return outcome;
}
