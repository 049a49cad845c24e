// `cassette lint`: every file through the one loop → its text, cassette and interpretation → the
// lint rules and scrub's credential scan → configured severities → allowed findings left out →
// the findings printers. Exit 0 clean, 1 findings at or above the fail level (or more warnings
// than --max-warnings), 2 bad input.

import { dirname, relative, resolve } from 'node:path';
import { CassetteError } from '../errors.ts';
import { atLeast, compareFindings, countFindings, SEVERITIES, type Finding, type Severity } from '../findings/finding.ts';
import { assignFingerprints } from '../findings/fingerprint.ts';
import { baselineOf, suppress } from '../findings/suppress.ts';
import type { Io } from '../io.ts';
import { lintCassette, type LintCheckOptions } from '../lint/check.ts';
import { LintConfigError, parseLintConfig, parseRuleFlags, rulesForFile, type FileRules, type LintConfigFile, type RuleSetting } from '../lint/config.ts';
import type { ParsedDocument } from '../formats/types.ts';
import { isSurelyClean } from '../scrub/fast-check.ts';
import { RULES } from '../lint/rules.ts';
import { plural } from '../present/format.ts';
import { themeFor } from '../present/theme.ts';
import { ScrubConfigError, parseScrubConfig, scrubOptions } from '../scrub/config.ts';
import type { Finding as ScrubFinding } from '../scrub/edit-cst.ts';
import { compileScrubOptions, type Compiled } from '../scrub/scan.ts';
import { fromScrubFinding } from '../findings/from-scrub.ts';
import { scrubAttachedBodies } from './attached-bodies.ts';
import { forEachAnalyzedFile } from './cassettes.ts';
import { loadConfigFile } from './config-file.ts';
import { exitCode } from './exit-code.ts';
import { FindingsOutput, parseFindingFormat } from './findings-output.ts';
import { loadSuppressions } from './suppressions.ts';
import { writeFileAtomic } from './write-atomic.ts';

export interface LintOptions {
  format?: string;
  output?: string;
  rule?: string[];
  disable?: string[];
  failOn?: string;
  maxWarnings?: string;
  maxBodySize?: string;
  baseline?: string;
  writeBaseline?: string;
  listRules?: boolean;
  host?: string[];
  header?: string[];
  color?: boolean;
}

function whole(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CassetteError('usage', `${flag} expects a whole number, got "${value}"`);
  return Number(value);
}

function failLevel(flag: string | undefined, config: LintConfigFile): Severity {
  if (flag === undefined) return config.failOn ?? 'error';
  if (!SEVERITIES.includes(flag as Severity)) throw new CassetteError('usage', `--fail-on ${flag}: expected error, warning or note`);
  return flag as Severity;
}

/**
 * Messages quote recorded text (a re-sent turn, an error message): anything there with a key's
 * prefix is cut to it (`sk-…`), whole or clipped, so no format ever shows a key, not even in part.
 */
export function maskKeys(message: string, c: Compiled): string {
  if (!c.anyKey.test(message)) return message;
  const literals = [...new Set(c.keys.flatMap((k) => k.literals))].sort((a, b) => b.length - a.length).map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return message.replace(new RegExp(`(${literals.join('|')})[A-Za-z0-9_\\-.]{4,}`, 'g'), '$1…');
}

export function listRules(): string {
  const rows = [...RULES.values()].map((r) => `${r.id.padEnd(26)} ${r.severity.padEnd(8)} ${r.summary}\n${' '.repeat(36)}fix: ${r.fix}\n`);
  return `${'rule'.padEnd(26)} ${'default'.padEnd(8)} meaning\n${rows.join('')}`;
}

/** scrub --check's scan of the text: its quick verdict on the document lint has read already, the CST editor only for a file that may hold something. */
async function credentialScan(text: string, doc: ParsedDocument, c: Compiled, file: string): Promise<ScrubFinding[]> {
  if (isSurelyClean(text, c, doc)) return [];
  const { editCassetteText } = await import('../scrub/index.ts');
  return editCassetteText(text, c, file).findings;
}

export async function lint(paths: string[], options: LintOptions, io: Io, version: string): Promise<number> {
  if (options.listRules) {
    io.stdout.write(listRules());
    return 0;
  }
  if (paths.length === 0) throw new CassetteError('usage', 'lint needs at least one cassette file or directory (or --list-rules)');
  const format = parseFindingFormat(options.format);
  const configFile = await loadConfigFile(io.cwd);
  let compiled: Compiled;
  let config: LintConfigFile;
  let flags: Record<string, RuleSetting>;
  try {
    compiled = compileScrubOptions(scrubOptions(parseScrubConfig(configFile?.raw), { host: options.host, header: options.header }));
    config = parseLintConfig(configFile?.raw);
    flags = parseRuleFlags(options.rule, options.disable);
  } catch (error) {
    if (error instanceof ScrubConfigError || error instanceof LintConfigError) throw new CassetteError('usage', error.message, configFile?.file);
    throw error;
  }
  const failOn = failLevel(options.failOn, config);
  const maxWarnings = whole(options.maxWarnings, '--max-warnings') ?? config.maxWarnings;
  const maxBody = whole(options.maxBodySize, '--max-body-size');
  const suppressions = loadSuppressions(io.cwd, options.baseline);
  const theme = await themeFor(io.stdout, format === 'text' && !options.output ? options.color : false, io.env);
  const output = await new FindingsOutput(io, { format, output: options.output, shape: 'lint', rules: [...RULES.values()], version, theme }).start();
  const configDir = configFile && dirname(configFile.file);

  const reported: Finding[] = [];
  let allowed = 0;
  let filesWithFindings = 0;
  const rulesFor = (file: string) => rulesForFile(config, flags, configDir === undefined ? undefined : relative(configDir, resolve(io.cwd, file)).split('\\').join('/'), maxBody);
  /** One file's findings: configured severities, keys masked, allowed ones left out, printed. */
  const settle = async (file: string, rules: FileRules, all: Finding[], lineText: (line: number) => string) => {
    const findings: Finding[] = [];
    for (const f of all) {
      const setting = rules.setting(f.rule);
      if (setting === 'off') continue;
      f.severity = setting;
      if (f.masked === undefined) f.message = maskKeys(f.message, compiled);
      findings.push(f);
    }
    findings.sort(compareFindings);
    await assignFingerprints(findings, io.cwd);
    const result = suppress(findings, lineText, suppressions);
    allowed += result.inline + result.ignored + result.baselined;
    if (result.kept.length > 0) filesWithFindings++;
    reported.push(...result.kept);
    output.file(file, result.kept, result.kept.length > 0 ? 'findings' : 'clean');
  };
  const outcome = await forEachAnalyzedFile(
    paths,
    io,
    async (handle) => {
      const { text } = await handle.source();
      const analyzed = await handle.analyzed();
      const doc = await handle.document();
      const rules = rulesFor(handle.file);
      const check: LintCheckOptions = { maxBodyBytes: rules.maxBodyBytes };
      const locator = await handle.locator();
      const scrubFindings = await credentialScan(text, doc, compiled, handle.file);
      await settle(handle.file, rules, lintCassette(analyzed, locator, scrubFindings, check), (line) => locator.lineText(line));
      // Bodies kept beside a HAR: their credentials, as files of their own.
      for (const body of scrubAttachedBodies(handle.file, doc, compiled, handle.attachedBody).files) {
        const lines = body.text.split('\n');
        await settle(body.path, rulesFor(body.path), body.result.findings.map((f) => fromScrubFinding(body.path, f, 'lint')), (line) => lines[line - 1] ?? '');
      }
    },
    { emptyFolderNote: 'lint', onError: (error, file) => output.error(error, file) },
  );
  await output.end();

  const counts = countFindings(reported);
  if (options.writeBaseline) {
    await writeFileAtomic(options.writeBaseline, `${JSON.stringify(baselineOf(reported), null, 2)}\n`);
    io.stderr.write(`cassette: wrote ${plural(reported.length, 'finding')} to the baseline ${options.writeBaseline}\n`);
    return exitCode({ badInput: outcome.failures, findings: false });
  }
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => plural(counts[s], s));
  if (parts.length > 0 || allowed > 0) {
    const where = parts.length > 0 ? `${parts.join(', ')} in ${plural(filesWithFindings, 'file')}` : 'no findings';
    io.stderr.write(`cassette: ${where}${allowed > 0 ? ` (${allowed} allowed)` : ''}\n`);
  }
  const failing = reported.some((f) => atLeast(f.severity, failOn));
  const tooManyWarnings = maxWarnings !== undefined && counts.warning > maxWarnings;
  if (tooManyWarnings) io.stderr.write(`cassette: ${plural(counts.warning, 'warning')}, more than --max-warnings ${maxWarnings}\n`);
  return exitCode({ badInput: outcome.failures, findings: failing || tooManyWarnings });
}
