// `cassette diff A B`: two cassettes, two directories (files paired by relative path), or git's
// external-diff call. Reads both sides, compares them in src/diff, prints text, a table or NDJSON.

import { readFile, stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { compareComparable } from '../diff/compare.ts';
import { comparableInteraction, sumTokens, type ComparableCassette, type ComparableInteraction } from '../diff/comparable.ts';
import type { CompareOptions, FileDiffJson } from '../diff/types.ts';
import { CassetteError } from '../errors.ts';
import { analyzeInteraction } from '../interpret/index.ts';
import type { Io } from '../io.ts';
import type { Interaction } from '../model.ts';
import { renderCassetteDiff, identicalLine } from '../present/diff.ts';
import { renderDiffStat } from '../present/diff-stat.ts';
import { plural } from '../present/format.ts';
import { themeFor, type Theme } from '../present/theme.ts';
import { expandPath, isCassetteFileName } from '../read/expand-paths.ts';
import { readCassette } from '../read/read-cassette.ts';
import { reportError } from './report-error.ts';
import { gitTrustsExitCode, parseDiffTarget } from './diff-args.ts';
import { parseInteractionSelector } from './select.ts';
import { exitCode } from './exit-code.ts';

export interface DiffOptions {
  strict?: boolean;
  ignore?: string[];
  only?: string;
  interaction?: string[];
  stat?: boolean;
  json?: boolean;
  color?: boolean;
  /** `text` (default) or `html`: one self-contained page, to stdout or `output`. */
  format?: string;
  output?: string;
}

interface Run {
  io: Io;
  theme: Theme;
  options: DiffOptions;
  compare: CompareOptions;
  files: FileDiffJson[];
  /** The CLI version, named in the HTML page. */
  version: string;
}

/** A large side gets a full garbage collection per this many bytes of bodies (see `load`). */
const COLLECT_EVERY = 16 * 1024 * 1024;

let gc: (() => void) | undefined;

/** A full garbage collection now, with V8's own `gc` exposed at run time (as `--expose-gc` would). */
async function collectGarbage(): Promise<void> {
  if (!gc) {
    const [{ setFlagsFromString }, { runInNewContext }] = await Promise.all([import('node:v8'), import('node:vm')]);
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

const bodyBytes = ({ request, response }: Interaction) => request.body.length + response.body.length;

/**
 * One side's comparable views, analyzed one interaction at a time: an interaction's bodies, raw
 * (popped) and decoded, are garbage once its view is built, and only the views are kept. V8 would
 * still let that garbage and the file text pile up and read the other side on top of it (two
 * 100 MB cassettes peaked at ~570 MB), so a large side is collected after reading and per 16 MB of
 * bodies: a full collection costs what is alive, which is little here (~300 MB peak, same time).
 */
async function load(file: string, strict: boolean): Promise<ComparableCassette> {
  const pending = (await readCassette(file)).interactions.reverse();
  const large = pending.reduce((sum, interaction) => sum + bodyBytes(interaction), 0) >= COLLECT_EVERY;
  if (large) await collectGarbage(); // the file text
  const interactions: ComparableInteraction[] = [];
  let analyzed = 0;
  for (let interaction = pending.pop(); interaction; interaction = pending.pop()) {
    interactions.push(comparableInteraction(analyzeInteraction(interaction), strict));
    analyzed += bodyBytes(interaction);
    if (large && (analyzed >= COLLECT_EVERY || pending.length === 0)) {
      analyzed = 0;
      await collectGarbage();
    }
  }
  return { interactions };
}

function emit(run: Run, file: FileDiffJson, text: string): void {
  run.files.push(file);
  if (run.options.json) run.io.stdout.write(`${JSON.stringify(file)}\n`);
  else if (!run.options.stat && run.options.format !== 'html' && text) run.io.stdout.write(text);
}

function failed(run: Run, name: string | null, old: string | null, now: string | null, error: unknown): void {
  reportError(run.io, error);
  emit(run, { name, old, new: now, status: 'error', error: (error as CassetteError).format() }, '');
}

async function comparePair(run: Run, name: string | null, oldFile: string, newFile: string, title: string, quiet: boolean) {
  let a: ComparableCassette;
  let b: ComparableCassette;
  try {
    const strict = !!run.compare.strict;
    a = await load(oldFile, strict);
    b = await load(newFile, strict);
  } catch (error) {
    return failed(run, name, oldFile, newFile, error);
  }
  reportPair(run, name, oldFile, newFile, a, b, title, quiet);
}

function reportPair(run: Run, name: string | null, oldFile: string, newFile: string, a: ComparableCassette, b: ComparableCassette, title: string, quiet: boolean) {
  const diff = compareComparable(a, b, run.compare);
  // In a directory, identical pairs are only counted and the reports are set apart by a blank line.
  const text = !quiet ? renderCassetteDiff(title, diff, run.theme) : diff.status === 'same' ? '' : `${renderCassetteDiff(title, diff, run.theme)}\n`;
  emit(run, { name, old: oldFile, new: newFile, ...diff }, text);
}

async function oneSide(run: Run, name: string, file: string, side: 'old' | 'new', line: (count: number) => string) {
  try {
    reportOneSide(run, name, file, side, await load(file, !!run.compare.strict), line);
  } catch (error) {
    failed(run, name, side === 'old' ? file : null, side === 'new' ? file : null, error);
  }
}

function reportOneSide(run: Run, name: string, file: string, side: 'old' | 'new', loaded: ComparableCassette, line: (count: number) => string) {
  const count = loaded.interactions.length;
  const entry: FileDiffJson = {
    name,
    old: side === 'old' ? file : null,
    new: side === 'new' ? file : null,
    status: side === 'old' ? 'only-old' : 'only-new',
    interactions: count,
    tokens: sumTokens(loaded.interactions),
  };
  emit(run, entry, `${line(count)}\n`);
}


async function cassettesBelow(dir: string): Promise<Map<string, string>> {
  const expanded = await expandPath(dir);
  if (expanded.error && expanded.error.code !== 'no-cassettes') throw expanded.error;
  return new Map(expanded.files.map((file) => [relative(dir, file), file]));
}

async function compareDirectories(run: Run, oldDir: string, newDir: string): Promise<void> {
  const [before, after] = [await cassettesBelow(oldDir), await cassettesBelow(newDir)];
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  const { theme } = run;
  for (const name of names) {
    const oldFile = before.get(name);
    const newFile = after.get(name);
    if (oldFile && newFile) await comparePair(run, name, oldFile, newFile, name, true);
    else if (oldFile) await oneSide(run, name, oldFile, 'old', (n) => `${theme.removed(`only in ${oldDir}`)}: ${name} (${plural(n, 'interaction')})`);
    else await oneSide(run, name, newFile!, 'new', (n) => `${theme.added(`only in ${newDir}`)}: ${name} (${plural(n, 'interaction')})`);
  }
  const count = (status: FileDiffJson['status']) => run.files.filter((f) => f.status === status).length;
  const title = `${oldDir} → ${newDir}`;
  if (run.options.json || run.options.stat || run.options.format === 'html') return;
  if (count('same') === run.files.length) run.io.stdout.write(identicalLine(title, plural(names.length, 'file'), theme));
  else {
    const summary = [
      `${plural(count('same') + count('different'), 'pair')}: ${count('same')} identical in meaning, ${count('different')} different`,
      count('only-old') ? `${count('only-old')} only in ${oldDir}` : '',
      count('only-new') ? `${count('only-new')} only in ${newDir}` : '',
      count('error') ? `${plural(count('error'), 'error')}` : '',
    ].filter(Boolean);
    run.io.stdout.write(theme.heading(`${title}: ${summary.join(' · ')}\n`));
  }
}

/** git's colors for a patch: bold header, hunk lines as roles, removed red, added green. */
function colorPatch(patch: string, theme: Theme): string {
  if (!theme.enabled) return patch;
  let header = true;
  return patch
    .split('\n')
    .map((line) => {
      if (line.startsWith('@@')) header = false;
      if (header) return line && theme.heading(line);
      if (line.startsWith('@@')) return theme.role(line);
      if (line.startsWith('-')) return theme.removed(line);
      if (line.startsWith('+')) return theme.added(line);
      return line;
    })
    .join('\n');
}

/** git diff on a file that is not a cassette (GIT_EXTERNAL_DIFF sees every file): a plain patch. */
async function textPatch(run: Run, name: string, oldFile: string | null, newFile: string | null): Promise<void> {
  const read = async (file: string | null) => (file ? (await readFile(file)).toString('utf8') : '');
  const [before, after] = [await read(oldFile), await read(newFile)];
  if (before.includes('\0') || after.includes('\0')) run.io.stdout.write(`Binary files a/${name} and b/${name} differ\n`);
  else {
    // Shaped like git's own output: its header line, then the hunks without the "===" separator.
    const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after).replace(/^=+\n/, '');
    run.io.stdout.write(colorPatch(`diff --git a/${name} b/${name}\n${patch}`, run.theme));
  }
}

const NOT_A_CASSETTE = new Set(['invalid-yaml', 'not-a-cassette']);

async function gitDiff(run: Run, name: string, oldFile: string | null, newFile: string | null): Promise<void> {
  if (!isCassetteFileName(name)) return textPatch(run, name, oldFile, newFile);
  let a: ComparableCassette | undefined;
  let b: ComparableCassette | undefined;
  try {
    const strict = !!run.compare.strict;
    a = oldFile ? await load(oldFile, strict) : undefined;
    b = newFile ? await load(newFile, strict) : undefined;
  } catch (error) {
    // GIT_EXTERNAL_DIFF sees every file: a YAML file that is not a cassette gets a plain patch.
    if (error instanceof CassetteError && NOT_A_CASSETTE.has(error.code)) return textPatch(run, name, oldFile, newFile);
    return failed(run, name, oldFile, newFile, error);
  }
  const { theme } = run;
  if (a && b) return reportPair(run, name, oldFile!, newFile!, a, b, name, false);
  if (b) return reportOneSide(run, name, newFile!, 'new', b, (n) => `${theme.heading(name)}: ${theme.added('new cassette')} (${plural(n, 'interaction')})`);
  if (a) return reportOneSide(run, name, oldFile!, 'old', a, (n) => `${theme.heading(name)}: ${theme.removed('deleted cassette')} (${plural(n, 'interaction')})`);
}

async function kindOf(path: string): Promise<'file' | 'directory'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'file';
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CassetteError(missing ? 'not-found' : 'unreadable', missing ? 'no such file or directory' : `cannot read: ${(error as Error).message}`, path);
  }
}

function compareOptions(options: DiffOptions): CompareOptions {
  const only = options.only;
  if (only !== undefined && only !== 'request' && only !== 'response') {
    throw new CassetteError('usage', `--only takes "request" or "response", not "${only}"`);
  }
  const compare: CompareOptions = { strict: !!options.strict, ignore: options.ignore ?? [] };
  if (only) compare.only = only;
  const selected = parseInteractionSelector(options.interaction);
  if (selected) compare.interactions = selected;
  return compare;
}

/** --format html: checked before anything is read. */
function checkFormat(options: DiffOptions, git: boolean): void {
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'html') throw new CassetteError('usage', `--format takes "text" or "html", not "${format}"`);
  if (format === 'text' && options.output !== undefined) throw new CassetteError('usage', '-o/--output needs --format html');
  if (format !== 'html') return;
  if (options.json || options.stat) throw new CassetteError('usage', `--format html cannot be combined with ${options.json ? '--json' : '--stat'}`);
  if (git) throw new CassetteError('usage', '--format html compares two files or two directories, not a git external-diff call');
}

/** The HTML page of everything compared, to stdout or written whole to `-o` (temp file + rename). */
async function writeHtml(run: Run, title: string): Promise<void> {
  const [{ renderDiffPage }, { writeFileAtomic }] = await Promise.all([import('../present/html/diff-page.ts'), import('./write-atomic.ts')]);
  const text = renderDiffPage(run.files, { title, generator: `cassette ${run.version}` });
  if (run.options.output === undefined) run.io.stdout.write(text);
  else {
    const target = resolve(run.io.cwd, run.options.output);
    try {
      await writeFileAtomic(target, text);
    } catch (error) {
      throw new CassetteError('unreadable', `${run.options.output}: cannot write: ${(error as Error).message}`);
    }
  }
}

export async function diff(args: string[], options: DiffOptions, io: Io, version = '0.0.0'): Promise<number> {
  const target = parseDiffTarget(args);
  checkFormat(options, target.kind === 'git');
  // Under git, colors follow git's own rules (its pager, color.diff); see git-color.ts.
  const theme = target.kind === 'git' ? await (await import('./git-color.ts')).gitDiffTheme(io, options.color) : await themeFor(io.stdout, options.color, io.env);
  const run: Run = { io, theme, options, compare: compareOptions(options), files: [], version };
  if (target.kind === 'git') await gitDiff(run, target.name, target.old, target.new);
  else {
    const kinds = [await kindOf(target.old), await kindOf(target.new)];
    if (kinds[0] !== kinds[1]) throw new CassetteError('usage', `cannot compare a ${kinds[0]} with a ${kinds[1]}: give two files or two directories`);
    if (kinds[0] === 'directory') await compareDirectories(run, target.old, target.new);
    else await comparePair(run, null, target.old, target.new, `${target.old} → ${target.new}`, false);
  }
  if (options.stat && !options.json && run.files.length > 0) io.stdout.write(renderDiffStat(run.files, theme));
  if (options.format === 'html' && target.kind !== 'git') await writeHtml(run, `${target.old} → ${target.new}`);
  const errors = run.files.some((f) => f.status === 'error');
  const different = run.files.some((f) => f.status !== 'same' && f.status !== 'error');
  // Under git's external diff a 1 would abort `git diff` unless git is told to trust it.
  return exitCode({ badInput: errors, findings: different && (target.kind !== 'git' || gitTrustsExitCode(io.env)) });
}
