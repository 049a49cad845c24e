// `cassette scrub`: find the config, expand the paths, scrub each file's text, then report
// (--check, --dry-run, --json) or write it back atomically. Loads no interpret stage.

import { randomBytes } from 'node:crypto';
import { readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { CassetteError } from '../errors.ts';
import type { Io } from '../io.ts';
import { colorLevel, makeTheme } from '../present/theme.ts';
import { expandPath } from '../read/expand-paths.ts';
import { ScrubConfigError, parseScrubConfig, scrubOptions, scrubText, type Finding, type ScrubConfigFile, type ScrubOptions } from '../scrub/index.ts';
import { colorDiff, fileRecord, findingLine, maskText } from '../scrub/report.ts';

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

// Not the one in cassettes.ts: importing that module would load the interpret stage.
function reportError(io: Io, error: unknown): void {
  if (error instanceof CassetteError) io.stderr.write(`cassette: ${error.format()}\n`);
  else throw error;
}

export const CONFIG_FILES = ['.cassette.yaml', 'cassette.config.json'];

/** The nearest config file at or above `cwd`, parsed; undefined when there is none. */
async function loadConfig(cwd: string): Promise<{ file: string; config: ScrubConfigFile } | undefined> {
  for (let dir = cwd; ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) {
      const file = join(dir, name);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        continue;
      }
      try {
        const raw: unknown = name.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
        return { file, config: parseScrubConfig(raw) };
      } catch (error) {
        throw new CassetteError('usage', (error as Error).message.split('\n')[0]!, file);
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  const target = await realpath(file);
  const { mode } = await stat(target);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { mode: mode & 0o7777, flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw new CassetteError('unreadable', `cannot write: ${(error as Error).message}`, file);
  }
}

async function readText(file: string): Promise<{ text: string; gzip: boolean }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new CassetteError('unreadable', `cannot read: ${(error as Error).message}`, file);
  }
  const gzip = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  try {
    return { text: (gzip ? gunzipSync(bytes) : bytes).toString('utf8'), gzip };
  } catch (error) {
    throw new CassetteError('unreadable', `corrupt gzip data: ${(error as Error).message}`, file);
  }
}

export async function scrub(paths: string[], flags: ScrubCommandOptions, io: Io): Promise<number> {
  let options: ScrubOptions;
  try {
    options = scrubOptions((await loadConfig(io.cwd))?.config, flags);
  } catch (error) {
    if (error instanceof ScrubConfigError) throw new CassetteError('usage', error.message);
    throw error;
  }
  const theme = makeTheme(colorLevel(io.stdout, flags.color, io.env));
  const write = !flags.check && !flags.dryRun;
  let failures = 0;
  let total = 0;
  let changedFiles = 0;
  for (const arg of paths) {
    const expanded = await expandPath(arg);
    if (expanded.error) {
      reportError(io, expanded.error);
      failures++;
      continue;
    }
    for (const file of expanded.files) {
      let findings: Finding[];
      try {
        const { text, gzip } = await readText(file);
        const result = scrubText(text, { ...options, file });
        findings = result.findings;
        if (findings.length > 0 && write) await writeAtomically(file, gzip ? gzipSync(result.text) : result.text);
        if (findings.length > 0 && flags.dryRun && !flags.json) {
          const { createTwoFilesPatch } = await import('diff');
          io.stdout.write(colorDiff(createTwoFilesPatch(file, file, maskText(text, findings), result.text, '', '', { context: 1 }), theme));
        }
      } catch (error) {
        if (flags.json && error instanceof CassetteError) io.stdout.write(`${JSON.stringify({ ...fileRecord(file, [], 'error'), error: error.format() })}\n`);
        reportError(io, error);
        failures++;
        continue;
      }
      total += findings.length;
      if (findings.length > 0) changedFiles++;
      if (flags.json) {
        io.stdout.write(`${JSON.stringify(fileRecord(file, findings, findings.length === 0 ? 'clean' : write ? 'fixed' : 'would-change'))}\n`);
      } else if (!flags.dryRun) {
        for (const f of findings) io.stdout.write(findingLine(file, f, theme));
      }
    }
  }
  if (!flags.json && total > 0) {
    const what = `${total} finding${total === 1 ? '' : 's'} in ${changedFiles} file${changedFiles === 1 ? '' : 's'}`;
    io.stderr.write(write ? `cassette: scrubbed ${what}\n` : `cassette: ${what}; run \`cassette scrub\` to fix\n`);
  }
  if (failures > 0) return 2;
  return !write && total > 0 ? 1 : 0;
}
