// `cassette convert --to TARGET PATHS -o OUT`: read → write the cassette as another recorder's own
// file (src/convert). One file to a file (or stdout), a directory to a directory with the same
// relative paths; Polly's `-o` is its recordingsDir. Never writes over an input, nor over an
// existing output without --force; each write is atomic; a bad file is reported and the others go on.

import { realpathSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { TARGETS, findTarget, type ConvertOptions, type ConvertTarget } from '../convert/index.ts';
import { recordingId } from '../convert/polly.ts';
import { CassetteError } from '../errors.ts';
import type { Io } from '../io.ts';
import type { Cassette } from '../model.ts';
import { readCassette } from '../read/read-cassette.ts';
import { expandPath } from '../read/expand-paths.ts';
import { forEachCassette } from './cassettes.ts';
import { scrubbingReader } from './export.ts';
import { writeFileAtomic } from './write-atomic.ts';
import { writeChunks } from './write-chunks.ts';

export interface ConvertCommandOptions {
  to: string;
  output?: string;
  force?: boolean;
  scrub?: boolean;
  recordingName?: string;
  pollyMatchHeaders?: boolean;
  version: string;
}

export const TARGET_NAMES = TARGETS.map((t) => t.name);

const CASSETTE_EXTENSION = /\.(ya?ml|json|har)(\.gz)?$/i;

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** A cassette's name without its extension; a Polly `<name>_<hash>/recording.har` is `<name>`. */
function stem(rel: string): string {
  const parts = rel.split(sep);
  const last = parts.pop()!;
  if (last === 'recording.har' && parts.length > 0) return [...parts.slice(0, -1), parts.at(-1)!.replace(/_\d+$/, '')].join('/');
  return [...parts, last.replace(CASSETTE_EXTENSION, '')].join('/');
}

interface Plan {
  /** Where the converted cassette goes; undefined: stdout. */
  target?: string;
  recordingName?: string;
}

function plan(target: ConvertTarget, options: ConvertCommandOptions, outDir: string | undefined, arg: string, argIsDir: boolean, file: string, cwd: string): Plan {
  const rel = argIsDir ? relative(arg, file) : basename(file);
  const name = stem(rel);
  if (target.name === 'polly') {
    const recordingName = options.recordingName ?? name;
    return { target: join(outDir!, recordingId(recordingName), 'recording.har'), recordingName };
  }
  if (!options.output) return {};
  if (!outDir) return { target: resolve(cwd, options.output) };
  return { target: join(outDir, `${name}${target.extension}`) };
}

export async function convert(paths: string[], options: ConvertCommandOptions, io: Io): Promise<number> {
  const target = findTarget(options.to);
  if (!target) throw new CassetteError('usage', `unknown target '${options.to}' (one of ${TARGET_NAMES.join(', ')})`);
  const args = paths.map((p) => resolve(io.cwd, p));
  const expanded = await Promise.all(args.map(expandPath));
  const total = expanded.reduce((n, e) => n + e.files.length, 0);
  const anyDir = args.some(isDirectory);
  const output = options.output === undefined ? undefined : resolve(io.cwd, options.output);
  if (target.name === 'polly' && !output) throw new CassetteError('usage', "--to polly needs -o RECORDINGS_DIR (Polly's persisterOptions.fs.recordingsDir)");
  if (options.recordingName !== undefined && target.name !== 'polly') throw new CassetteError('usage', '--recording-name is for --to polly');
  if (options.recordingName !== undefined && total > 1) throw new CassetteError('usage', '--recording-name names one recording: give one cassette');
  if (!output && (anyDir || total > 1)) throw new CassetteError('usage', 'several cassettes need -o DIR (the converted files keep their relative paths)');
  // -o is a directory for Polly, for a directory argument, for several files, or when it already is one.
  const outDir = output && (target.name === 'polly' || anyDir || total > 1 || /[\\/]$/.test(options.output!) || isDirectory(output)) ? output : undefined;
  if (outDir && exists(outDir) && !isDirectory(outDir)) throw new CassetteError('usage', `${options.output}: not a directory`);

  const inputs = new Set(expanded.flatMap((e) => e.files.map(realOrResolved)));
  const written = new Map<string, string>();
  let failures = 0;
  let converted = 0;
  const fail = (message: string) => {
    io.stderr.write(`cassette: ${message}\n`);
    failures++;
  };
  const read: (file: string) => Promise<Cassette> = options.scrub ? await scrubbingReader() : readCassette;

  for (const arg of args) {
    const argIsDir = isDirectory(arg);
    const outcome = await forEachCassette(
      [arg],
      io,
      async (analyzed) => {
        const file = analyzed.cassette.file;
        const shown = relative(io.cwd, file) || file;
        const where = plan(target, options, outDir, arg, argIsDir, file, io.cwd);
        const convertOptions: ConvertOptions = { version: options.version, pollyMatchHeaders: options.pollyMatchHeaders ?? false };
        if (where.recordingName !== undefined) convertOptions.recordingName = where.recordingName;
        let text: string;
        try {
          text = target.write(analyzed, convertOptions);
        } catch (error) {
          if (error instanceof CassetteError) return fail(`${shown}: not converted: ${error.message}`);
          throw error;
        }
        if (!where.target) {
          writeChunks(io.stdout, [text]);
          converted++;
          return;
        }
        const out = realOrResolved(where.target);
        const shownOut = relative(io.cwd, where.target) || where.target;
        if (inputs.has(out)) return fail(`${shown}: not converted: ${shownOut} is an input (convert never writes over its inputs)`);
        const earlier = written.get(out);
        if (earlier !== undefined) return fail(`${shown}: not converted: ${shownOut} was already written for ${earlier}`);
        if (!options.force && exists(out)) return fail(`${shown}: not converted: ${shownOut} exists (--force writes over it)`);
        written.set(out, shown);
        try {
          await mkdir(dirname(where.target), { recursive: true });
          await writeFileAtomic(where.target, text);
          converted++;
        } catch (error) {
          fail(error instanceof CassetteError ? error.format() : `${shownOut}: cannot write: ${(error as Error).message}`);
        }
      },
      read,
    );
    failures += outcome.failures;
  }
  if (converted > 0 && !options.scrub) {
    io.stderr.write(
      `cassette: converted ${converted} cassette${converted === 1 ? '' : 's'} to ${target.title}; credentials were copied as recorded (check with 'cassette scrub --check', or convert with --scrub)\n`,
    );
  }
  return failures > 0 ? 2 : 0;
}
