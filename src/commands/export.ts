// `cassette export`: read → interpret → HAR, JSON, Markdown or an HTML report, to stdout, one file or a directory.

import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { AnalyzedCassette } from '../interpret/index.ts';
import { interactionCost, loadPriceTable, type PriceTable } from '../cost/index.ts';
import type { Io } from '../io.ts';
import type { Cassette } from '../model.ts';
import { harJsonChunks } from '../present/har.ts';
import { cassetteJson } from '../present/json.ts';
import { renderMarkdown } from '../present/markdown.ts';
import { renderHtmlReport, type ReportFinding } from '../present/html/report.ts';
import { costFigure } from '../present/html/cost.ts';
import { lintFindings } from '../present/html/lint-findings.ts';
import { parseCassette } from '../read/parse-cassette.ts';
import { readCassetteText } from '../read/read-cassette.ts';
import { withAttachedBodies } from '../read/attached-bodies.ts';
import { forEachAnalyzedFile, type ReadOutcome } from './cassettes.ts';
import { writeChunks } from './write-chunks.ts';
import { writeFileAtomic } from './write-atomic.ts';
import { CassetteError } from '../errors.ts';
import { exitCode } from './exit-code.ts';

export const EXPORT_FORMATS = ['har', 'json', 'md', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `--format markdown` is `md` (the extension of the files it writes). */
export const EXPORT_FORMAT_ALIASES: Readonly<Record<'markdown', ExportFormat>> = { markdown: 'md' };

export interface ExportOptions {
  format: ExportFormat | keyof typeof EXPORT_FORMAT_ALIASES;
  output?: string;
  scrub?: boolean;
  /** The CLI version, written into the HAR creator. */
  version: string;
  /** Estimate costs with the price table; unset: for md and html only. Provider-reported costs show anyway. */
  cost?: boolean;
}

/** The HTML report shows each cassette's lint findings: found while reading, as they need the file's text. */
const reportFindings = new WeakMap<AnalyzedCassette, ReportFinding[]>();

/** The exported text. `list`: several cassettes were named, so JSON is an array. */
export function renderExport(format: ExportFormat, cassettes: AnalyzedCassette[], version: string, list: boolean, prices?: PriceTable): string {
  switch (format) {
    case 'har':
      return [...harJsonChunks(cassettes, version)].join('');
    case 'json': {
      const json = cassettes.map((analyzed) => cassetteJson(analyzed, prices));
      return `${JSON.stringify(list ? json : json[0], null, 2)}\n`;
    }
    case 'md':
      return cassettes.map((analyzed) => renderMarkdown(analyzed, prices)).join('\n');
    case 'html':
      return renderHtmlReport(cassettes, {
        generator: `cassette ${version}`,
        costOf: (item) => costFigure(interactionCost(item, prices)),
        findings: (analyzed) => reportFindings.get(analyzed) ?? [],
      });
  }
}

/** Output path for one cassette under `-o DIR/`: its path below the argument, new extension. */
function outputPath(dir: string, arg: string, file: string, format: ExportFormat, argIsDir: boolean): string {
  const rel = argIsDir ? relative(arg, file) : basename(file);
  return join(dir, `${rel.replace(/\.ya?ml(\.gz)?$/i, '')}.${format}`);
}

/** `file: cannot write: reason`, whether the directory or the file could not be written. */
function writeError(file: string, error: unknown): string {
  return error instanceof CassetteError ? error.format() : `${file}: cannot write: ${(error as Error).message}`;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isDirectory(), () => false);
}

/** --scrub: the text is scrubbed in memory before it is parsed; the file on disk is not touched (export, convert). */
export async function scrubbingReader(): Promise<(file: string) => Promise<Cassette>> {
  const { compileScrubOptions, scrubCompiled, scrubMessageBody } = await import('../scrub/index.ts');
  const c = compileScrubOptions({});
  return async (file) =>
    withAttachedBodies(parseCassette(file, scrubCompiled(await readCassetteText(file), c, file).text), undefined, (bytes, message) => scrubMessageBody(bytes, message.headers, c));
}

export async function exportCassettes(paths: string[], given: ExportOptions, io: Io): Promise<number> {
  const format = given.format === 'markdown' ? EXPORT_FORMAT_ALIASES.markdown : given.format;
  const options = { ...given, format };
  // --scrub replaces the loop's reading: the text is scrubbed in memory, then parsed.
  const loopOptions = options.scrub ? { read: await scrubbingReader() } : {};
  // Reports (md, html) estimate unless --no-cost; json equals show --json, which estimates on --cost.
  const estimate = options.cost ?? (options.format === 'md' || options.format === 'html');
  const prices = estimate ? await loadPriceTable() : undefined;
  const output = options.output === undefined ? undefined : resolve(io.cwd, options.output);
  // `-o DIR/` (or an existing directory): one file per cassette; otherwise everything in one text.
  const outDir = output && (/[\\/]$/.test(options.output!) || (await isDirectory(output))) ? output : undefined;
  const collected: AnalyzedCassette[] = [];
  const written = new Map<string, string>();
  let failures = 0;
  let files = 0;
  const fail = (message: string) => {
    io.stderr.write(`cassette: ${message}\n`);
    failures++;
  };

  for (const arg of paths) {
    const argIsDir = await isDirectory(arg);
    const outcome: ReadOutcome = await forEachAnalyzedFile(
      [arg],
      io,
      async (handle) => {
        const analyzed = await handle.analyzed();
        if (options.format === 'html') reportFindings.set(analyzed, lintFindings(analyzed, await handle.locator()));
        if (!outDir) {
          collected.push(analyzed);
          return;
        }
        const file = analyzed.cassette.file;
        const target = outputPath(outDir, arg, file, options.format, argIsDir);
        const earlier = written.get(target);
        if (earlier !== undefined) return fail(`${file}: not exported: ${target} was already written for ${earlier}`);
        written.set(target, file);
        try {
          await mkdir(dirname(target), { recursive: true });
          await writeFileAtomic(target, renderExport(options.format, [analyzed], options.version, false, prices));
        } catch (error) {
          fail(writeError(target, error));
        }
      },
      loopOptions,
    );
    failures += outcome.failures;
    files += outcome.files;
  }

  if (!outDir && collected.length > 0) {
    // To stdout a HAR is written entry by entry (a 100 MB cassette is never one string).
    const chunks = options.format === 'har' ? harJsonChunks(collected, options.version) : [renderExport(options.format, collected, options.version, files > 1, prices)];
    if (!output) writeChunks(io.stdout, chunks);
    else {
      try {
        await writeFileAtomic(output, [...chunks].join(''));
      } catch (error) {
        fail(writeError(options.output!, error));
      }
    }
  }
  return exitCode({ badInput: failures, findings: false });
}
