// The one per-file loop of every command that reads cassettes: expand the arguments, hand each file
// to the command, report a bad file on stderr as `file:line:col: message` and go on with the others.
// The command asks for what it needs: the text (scrub: CST edits keep the bytes), the parsed
// cassette, or (through cassettes.ts) its interpretation; each is read once. Loads no interpret
// stage, so scrub's bundle stays small.

import { CassetteError } from '../errors.ts';
import type { Io } from '../io.ts';
import type { Cassette } from '../model.ts';
import { parseText, parseTextFast, readDocument } from '../formats/parse.ts';
import type { ParsedDocument } from '../formats/types.ts';
import { expandPath, isAttachedBodyFile } from '../read/expand-paths.ts';
import { readCassetteSource } from '../read/read-cassette.ts';
import { attachedBodyReader, withAttachedBodies, type AttachedBodyReader } from '../read/attached-bodies.ts';
import { harsForAttachedBodies } from '../read/attached-body-args.ts';
import { BATCH_FILES, tuneForBatch } from './batch-gc.ts';
import { createProgress } from './progress.ts';
import { reportError } from './report-error.ts';

export interface CassetteSource {
  text: string;
  /** The file was gzip-compressed (scrub writes it back so). */
  gzip: boolean;
}

/** One file of the run; its parts are read on first use and kept. */
export interface CassetteFile {
  file: string;
  source(): Promise<CassetteSource>;
  /** The parsed document: JSON.parse or the fast reader, else the `yaml` package. */
  document(): Promise<ParsedDocument>;
  /**
   * The document when JSON.parse or the fast reader reads it, else undefined (also for invalid JSON):
   * scrub's quick verdict needs no more, and the CST editor reads the rest (and reports errors).
   */
  fastDocument(): Promise<ParsedDocument | undefined>;
  cassette(): Promise<Cassette>;
  /** The bodies it keeps in files beside it (a Playwright HAR's `_file`), each read once. */
  attachedBody: AttachedBodyReader;
}

export interface ReadOutcome {
  /** Arguments and files that could not be read: the run exits 2 when this is not zero. */
  failures: number;
  files: number;
}

export interface LoopOptions {
  /** Replaces text → cassette (export --scrub scrubs the text in memory first). */
  read?: (file: string) => Promise<Cassette>;
  /**
   * A folder without cassettes: an error (the default), or — for hooks over an empty testdata
   * folder — a note on stderr with this verb (`no cassettes to scrub`).
   */
  emptyFolderNote?: string;
  /**
   * A JSON file met in a directory that no format accepts is skipped (package.json beside the
   * cassettes) unless this is set: scrub fails closed on every file it is given.
   */
  everyFile?: boolean;
  /** Told of each bad file after stderr was (scrub --json and lint print a record for it). */
  onError?: (error: CassetteError, file: string | undefined) => void;
}

/** Named like a body file Playwright keeps beside a HAR, but no HAR there names it (see attached-body-args.ts). */
function attachedBodyGiven(file: string): CassetteError {
  return new CassetteError('not-a-cassette', 'not a cassette: named like a body Playwright keeps beside a HAR (_file), but no HAR beside it names it', file);
}

function fileHandle(file: string, read?: (file: string) => Promise<Cassette>): CassetteFile {
  let source: Promise<CassetteSource> | undefined;
  let cassette: Promise<Cassette> | undefined;
  let document: Promise<ParsedDocument> | undefined;
  let fast: Promise<ParsedDocument | undefined> | undefined;
  const handle: CassetteFile = {
    file,
    source: () => (source ??= readCassetteSource(file)),
    document: () => (document ??= fast ? fast.then(async (doc) => doc ?? parseText(file, (await handle.source()).text)) : handle.source().then(({ text }) => parseText(file, text))),
    fastDocument: () =>
      (fast ??= document
        ? document.then((doc) => (doc.fastRead ? doc : undefined), () => undefined)
        : handle.source().then(({ text }) => {
            try {
              return parseTextFast(file, text);
            } catch {
              return undefined;
            }
          })),
    cassette: () => (cassette ??= read ? read(file) : handle.document().then((doc) => withAttachedBodies(readDocument(doc), handle.attachedBody))),
    attachedBody: attachedBodyReader(file),
  };
  return handle;
}

export async function forEachCassetteFile(args: string[], io: Io, each: (file: CassetteFile) => void | Promise<void>, options: LoopOptions = {}): Promise<ReadOutcome> {
  const outcome: ReadOutcome = { failures: 0, files: 0 };
  // Expand every argument first, so the progress line knows the total; errors keep their order.
  const expanded = harsForAttachedBodies(await Promise.all(args.map(expandPath)));
  const total = expanded.reduce((n, e) => n + e.files.length, 0);
  if (total >= BATCH_FILES) await tuneForBatch();
  const progress = createProgress(io.stderr, total, io.env);
  const fail = (given: unknown, file: string | undefined) => {
    progress.clear();
    const error = file !== undefined && given instanceof CassetteError && given.code === 'not-a-cassette' && isAttachedBodyFile(file) ? attachedBodyGiven(file) : given;
    reportError(io, error);
    outcome.failures++;
    options.onError?.(error as CassetteError, file);
  };
  for (const { arg, error, files, optional } of expanded) {
    if (error?.code === 'no-cassettes' && options.emptyFolderNote) {
      progress.clear();
      io.stderr.write(`cassette: ${arg}: no cassettes to ${options.emptyFolderNote}\n`);
      continue;
    }
    if (error) {
      fail(error, undefined);
      continue;
    }
    for (const file of files) {
      progress.tick(file);
      try {
        await each(fileHandle(file, options.read));
        outcome.files++;
      } catch (error) {
        // A JSON file met in a directory that no format accepts is not a cassette: skipped, not an error.
        if (!options.everyFile && optional?.has(file) && error instanceof CassetteError && error.code === 'not-a-cassette' && !error.pos) {
          progress.clear();
          continue;
        }
        outcome.files++;
        fail(error, file);
      }
    }
  }
  progress.clear();
  return outcome;
}
