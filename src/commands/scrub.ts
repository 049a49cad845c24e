// `cassette scrub`: find the config, expand the paths, scrub each file's text, then report
// (--check, --dry-run, --json) or write it back atomically. Loads no interpret stage, and the `yaml`
// package only for a file that is not surely clean (the CST editor) or a `.cassette.yaml`.

import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CassetteError } from '../errors.ts';
import type { Io } from '../io.ts';
import { plural } from '../present/format.ts';
import type { Theme } from '../present/theme.ts';
import { expandPath } from '../read/expand-paths.ts';
import { readCassetteSource } from '../read/read-cassette.ts';
import { ScrubConfigError, parseScrubConfig, scrubOptions, type ScrubConfigFile, type ScrubOptions } from '../scrub/config.ts';
import type { Finding } from '../scrub/edit-cst.ts';
import { isSurelyClean } from '../scrub/fast-check.ts';
import { colorDiff, fileRecord, findingLine, maskText } from '../present/scrub-report.ts';
import { compileScrubOptions, type Compiled } from '../scrub/scan.ts';
import { reportError } from './report-error.ts';
import { writeFileAtomic } from './write-atomic.ts';

export interface ScrubCommandOptions {
  check?: boolean;
  dryRun?: boolean;
  json?: boolean;
  color?: boolean;
  host?: string[];
  header?: string[];
  replace?: string[];
  drop?: boolean;
}

export const CONFIG_FILES = ['.cassette.yaml', 'cassette.config.json'];

/** The nearest config file at or above `cwd`, parsed; undefined when there is none. */
async function loadConfig(cwd: string): Promise<{ file: string; config: ScrubConfigFile } | undefined> {
  for (let dir = cwd; ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) {
      const file = join(dir, name);
      // Usually there is none: asking first is cheaper than the error a failed read builds.
      if (!statSync(file, { throwIfNoEntry: false })) continue;
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      try {
        const raw: unknown = name.endsWith('.json') ? JSON.parse(text) : (await import('yaml')).parse(text);
        return { file, config: parseScrubConfig(raw) };
      } catch (error) {
        throw new CassetteError('usage', (error as Error).message.split('\n')[0]!, file);
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** Most files are clean: only the others load `yaml` and get the CST editor (positions, edits). */
async function scrubFile(text: string, c: Compiled, file: string): Promise<{ text: string; findings: Finding[] }> {
  if (isSurelyClean(text, c)) return { text, findings: [] };
  // Through index.ts, the one lazy entry into the scrub stage, so that the bundle keeps the rules
  // and the fast check in one chunk (each extra chunk costs start-up time).
  const { editCassetteText } = await import('../scrub/index.ts');
  return editCassetteText(text, c, file);
}

export async function scrub(paths: string[], flags: ScrubCommandOptions, io: Io): Promise<number> {
  let options: ScrubOptions;
  let compiled: Compiled;
  try {
    options = scrubOptions((await loadConfig(io.cwd))?.config, flags);
    compiled = compileScrubOptions(options);
  } catch (error) {
    if (error instanceof ScrubConfigError) throw new CassetteError('usage', error.message);
    throw error;
  }
  // Colors (chalk) are loaded only when there is something to print, on a terminal.
  let theme: Theme | undefined;
  const getTheme = async (): Promise<Theme> => (theme ??= await (await import('../present/theme.ts')).themeFor(io.stdout, flags.color, io.env));
  const write = !flags.check && !flags.dryRun;
  let failures = 0;
  let total = 0;
  let changedFiles = 0;
  let compressed = 0;
  for (const arg of paths) {
    const expanded = await expandPath(arg);
    if (expanded.error?.code === 'no-cassettes') {
      // A hook over an empty testdata folder must not fail: nothing to scrub is not an error.
      io.stderr.write(`cassette: ${arg}: no cassettes to scrub\n`);
      continue;
    }
    if (expanded.error) {
      reportError(io, expanded.error);
      failures++;
      continue;
    }
    for (const file of expanded.files) {
      let findings: Finding[];
      try {
        const { text, gzip } = await readCassetteSource(file);
        const result = await scrubFile(text, compiled, file);
        findings = result.findings;
        if (findings.length > 0 && write) await writeFileAtomic(file, gzip ? (await import('node:zlib')).gzipSync(result.text) : result.text);
        if (findings.length > 0 && flags.dryRun && !flags.json) {
          const { createTwoFilesPatch } = await import('diff');
          io.stdout.write(colorDiff(createTwoFilesPatch(file, file, maskText(text, findings), result.text, '', '', { context: 1 }), await getTheme()));
        }
      } catch (error) {
        if (flags.json && error instanceof CassetteError) io.stdout.write(`${JSON.stringify({ ...fileRecord(file, [], 'error'), error: error.format() })}\n`);
        reportError(io, error);
        failures++;
        continue;
      }
      total += findings.length;
      if (write) compressed += findings.filter((f) => f.compressed).length;
      if (findings.length > 0) changedFiles++;
      if (flags.json) {
        io.stdout.write(`${JSON.stringify(fileRecord(file, findings, findings.length === 0 ? 'clean' : write ? 'fixed' : 'would-change'))}\n`);
      } else if (!flags.dryRun) {
        for (const f of findings) io.stdout.write(findingLine(file, f, await getTheme()));
      }
    }
  }
  if (!flags.json && total > 0) {
    const what = `${plural(total, 'finding')} in ${plural(changedFiles, 'file')}`;
    io.stderr.write(write ? `cassette: scrubbed ${what}\n` : `cassette: ${what}; run \`cassette scrub\` to fix\n`);
  }
  if (compressed > 0) {
    io.stderr.write(`cassette: ${plural(compressed, 'secret')} inside compressed bodies left as recorded (recompressing would change the bytes); re-record with the recorder's filters, or decode the body first\n`);
  }
  if (failures > 0) return 2;
  return (!write && total > 0) || compressed > 0 ? 1 : 0;
}
