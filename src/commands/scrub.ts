// `cassette scrub`: find the config, then through the one per-file loop scrub each file's text and
// report (--check, --dry-run, --json, --format) or write it back atomically. Each file's document
// (JSON.parse or the fast YAML reader) gets the quick verdict of src/scrub/fast-check.ts first, for
// every format; loads no interpret stage, and the `yaml` package only for a file that is not surely
// clean (the CST editor) or a `.cassette.yaml`.

import { CassetteError } from '../errors.ts';
import { compareFindings, type Finding } from '../findings/finding.ts';
import { assignFingerprints } from '../findings/fingerprint.ts';
import { fromScrubFinding } from '../findings/from-scrub.ts';
import { suppress, type Suppressions } from '../findings/suppress.ts';
import type { Io } from '../io.ts';
import { RULES } from '../lint/rules.ts';
import { plural } from '../present/format.ts';
import { themeFor } from '../present/theme.ts';
import { ScrubConfigError, parseScrubConfig, scrubOptions, type ScrubOptions } from '../scrub/config.ts';
import type { ParsedDocument } from '../formats/types.ts';
import type { AttachedSizes, Finding as ScrubFinding } from '../scrub/edit-cst.ts';
import { isSurelyClean } from '../scrub/fast-check.ts';
import { colorDiff, maskText } from '../present/scrub-report.ts';
import { compileScrubOptions, type Compiled } from '../scrub/scan.ts';
import { scrubAttachedBodies } from './attached-bodies.ts';
import { forEachCassetteFile } from './cassette-loop.ts';
import { loadConfigFile } from './config-file.ts';
import { exitCode } from './exit-code.ts';
import { FindingsOutput, parseFindingFormat } from './findings-output.ts';
import { loadSuppressions } from './suppressions.ts';
import { writeFileAtomic } from './write-atomic.ts';

export { CONFIG_FILES } from './config-file.ts';

export interface ScrubCommandOptions {
  check?: boolean;
  dryRun?: boolean;
  json?: boolean;
  format?: string;
  output?: string;
  baseline?: string;
  color?: boolean;
  host?: string[];
  header?: string[];
  replace?: string[];
  drop?: boolean;
}

/**
 * Most files are clean: only the others load `yaml` and get the CST editor (positions, edits), and
 * so does one whose attached bodies changed size (the lengths it records for them).
 */
async function scrubFile(text: string, doc: ParsedDocument | undefined, c: Compiled, file: string, attachedSizes: AttachedSizes): Promise<{ text: string; findings: ScrubFinding[] }> {
  if (doc && attachedSizes.size === 0 && isSurelyClean(text, c, doc)) return { text, findings: [] };
  // Through index.ts, the one lazy entry into the scrub stage, so that the bundle keeps the rules
  // and the fast check in one chunk (each extra chunk costs start-up time).
  const { editCassetteText } = await import('../scrub/index.ts');
  return editCassetteText(text, c, file, attachedSizes);
}

/** A file's findings in the one model; for --check, what the allow marker, ignore file and baseline let through. */
async function reportable(file: string, text: string, findings: ScrubFinding[], cwd: string, suppressions?: Suppressions): Promise<Finding[]> {
  const model = findings.map((f) => fromScrubFinding(file, f, 'scrub')).sort(compareFindings);
  if (!suppressions) return model;
  await assignFingerprints(model, cwd);
  let lines: string[] | undefined;
  return suppress(model, (line) => (lines ??= text.split('\n'))[line - 1] ?? '', suppressions).kept;
}

export async function scrub(paths: string[], flags: ScrubCommandOptions, io: Io): Promise<number> {
  let options: ScrubOptions;
  let compiled: Compiled;
  const configFile = await loadConfigFile(io.cwd);
  try {
    options = scrubOptions(parseScrubConfig(configFile?.raw), flags);
    compiled = compileScrubOptions(options);
  } catch (error) {
    if (error instanceof ScrubConfigError) throw new CassetteError('usage', error.message, configFile?.file);
    throw error;
  }
  const write = !flags.check && !flags.dryRun;
  const format = parseFindingFormat(flags.format, flags.json);
  if ((format === 'sarif' || format === 'github' || flags.output || flags.baseline) && !flags.check) {
    throw new CassetteError('usage', '--format sarif/github, --output and --baseline go with --check');
  }
  // The allow marker, .cassetteignore and --baseline apply to what --check reports; scrub itself fixes everything.
  const suppressions = flags.check ? loadSuppressions(io.cwd, flags.baseline) : undefined;
  // chalk is loaded only on a terminal (themeFor), and only text has colours.
  const theme = await themeFor(io.stdout, format === 'text' && !flags.output ? flags.color : false, io.env);
  const rules = [...RULES.values()].filter((r) => r.kind === 'credential');
  const output = await new FindingsOutput(io, { format, output: flags.output, shape: 'scrub', rules, version: '', theme }).start();
  let total = 0;
  let changedFiles = 0;
  let compressed = 0;
  /** One file's result: written back (`encode` gives its bytes), shown as a diff, reported. */
  const settle = async (file: string, text: string, result: { text: string; findings: ScrubFinding[] }, encode: (text: string) => Promise<string | Uint8Array>) => {
    const raw = result.findings;
    // Also without a finding of its own: a HAR whose attached bodies changed size gets their new lengths.
    if (result.text !== text && write) await writeFileAtomic(file, await encode(result.text));
    if (raw.length > 0 && flags.dryRun && format !== 'json') {
      const { createTwoFilesPatch } = await import('diff');
      io.stdout.write(colorDiff(createTwoFilesPatch(file, file, maskText(text, raw), result.text, '', '', { context: 1 }), theme));
    }
    const findings = raw.length > 0 ? await reportable(file, text, raw, io.cwd, suppressions) : [];
    total += findings.length;
    if (write) compressed += raw.filter((f) => f.compressed).length;
    if (findings.length > 0) changedFiles++;
    if (format === 'json') output.file(file, findings, findings.length === 0 ? 'clean' : write ? 'fixed' : 'would-change');
    else if (!flags.dryRun && (findings.length > 0 || format === 'sarif')) output.file(file, findings, '');
  };
  const outcome = await forEachCassetteFile(
    paths,
    io,
    async (handle) => {
      const { text, gzip } = await handle.source();
      const doc = await handle.fastDocument();
      // Bodies kept beside a HAR first: read (and found missing) before anything is written, and
      // their new sizes are recorded in the HAR.
      const attached = doc ? scrubAttachedBodies(handle.file, doc, compiled, handle.attachedBody) : { files: [], sizes: new Map() };
      const result = await scrubFile(text, doc, compiled, handle.file, attached.sizes);
      await settle(handle.file, text, result, async (out) => (gzip ? (await import('node:zlib')).gzipSync(out) : out));
      for (const body of attached.files) await settle(body.path, body.text, body.result, async () => body.bytes);
    },
    { emptyFolderNote: 'scrub', everyFile: true, onError: (error, file) => output.error(error, file) },
  );
  await output.end();
  if (format !== 'json' && total > 0) {
    const what = `${plural(total, 'finding')} in ${plural(changedFiles, 'file')}`;
    io.stderr.write(write ? `cassette: scrubbed ${what}\n` : `cassette: ${what}; run \`cassette scrub\` to fix\n`);
  }
  if (compressed > 0) {
    io.stderr.write(`cassette: ${plural(compressed, 'secret')} inside compressed bodies left as recorded (recompressing would change the bytes); re-record with the recorder's filters, or decode the body first\n`);
  }
  return exitCode({ badInput: outcome.failures, findings: (!write && total > 0) || compressed > 0 });
}
