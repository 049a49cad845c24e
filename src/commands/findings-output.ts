// Where `lint` and `scrub --check` send their findings: the chosen format (text, json, sarif,
// github) to stdout or, with --output, to a file written atomically at the end. Findings of each
// file go out as soon as the file is done, except SARIF, which is one document.

import { CassetteError } from '../errors.ts';
import type { Finding } from '../findings/finding.ts';
import { fingerprintPath } from '../findings/fingerprint.ts';
import type { Io } from '../io.ts';
import type { RuleInfo } from '../lint/rules.ts';
import { fileRecordLine } from '../present/findings/json.ts';
import { findingText } from '../present/findings/text.ts';
import type { Theme } from '../present/theme.ts';
import { writeFileAtomic } from './write-atomic.ts';

export const FINDING_FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type FindingFormat = (typeof FINDING_FORMATS)[number];

export function parseFindingFormat(value: string | undefined, json?: boolean): FindingFormat {
  if (value === undefined) return json ? 'json' : 'text';
  if (!(FINDING_FORMATS as readonly string[]).includes(value)) throw new CassetteError('usage', `--format ${value}: expected one of ${FINDING_FORMATS.join(', ')}`);
  return value as FindingFormat;
}

export interface FindingsOutputOptions {
  format: FindingFormat;
  output?: string;
  /** The record shape of `json`: scrub's (kept as it always was) or lint's. */
  shape: 'scrub' | 'lint';
  rules: readonly RuleInfo[];
  version: string;
  theme: Theme;
}

type GithubPrinter = typeof import('../present/findings/github.ts');

export class FindingsOutput {
  private readonly chunks: string[] = [];
  /** Loaded only for --format github / sarif (start-up time: a hook's run is mostly start-up). */
  private github?: GithubPrinter;
  private readonly all: Finding[] = [];
  private readonly errors: Array<{ file?: string; line?: number; col?: number; message: string }> = [];

  constructor(
    private readonly io: Io,
    private readonly options: FindingsOutputOptions,
  ) {}

  private write(text: string): void {
    if (this.options.output) this.chunks.push(text);
    else this.io.stdout.write(text);
  }

  private relative(file: string): string {
    return fingerprintPath(file, this.io.cwd);
  }

  /** Call once before the first file. */
  async start(): Promise<this> {
    if (this.options.format === 'github') this.github = await import('../present/findings/github.ts');
    return this;
  }

  /** One file's findings (already suppressed and sorted); `status` is the json record's. */
  file(file: string, findings: readonly Finding[], status: string): void {
    const { format } = this.options;
    if (format === 'text') for (const f of findings) this.write(findingText(f, this.options.theme));
    else if (format === 'json') this.write(fileRecordLine(file, status, findings, this.options.shape));
    else if (format === 'github') for (const f of findings) this.write(this.github!.findingWorkflowCommand(f, this.relative(f.file)));
    else this.all.push(...findings);
  }

  /** A file (or argument) that could not be read; stderr has already said so. */
  error(error: CassetteError, file: string | undefined): void {
    const { format } = this.options;
    const where = error.file ?? file;
    if (format === 'json' && file !== undefined) this.write(fileRecordLine(file, 'error', [], this.options.shape, error.format()));
    else if (format === 'github') this.write(this.github!.errorWorkflowCommand(where && this.relative(where), error.pos?.line ?? 1, error.pos?.col ?? 1, error.format()));
    else if (format === 'sarif') this.errors.push({ ...(where ? { file: where } : {}), line: error.pos?.line, col: error.pos?.col, message: error.format() });
  }

  async end(): Promise<void> {
    if (this.options.format === 'sarif') {
      const { sarifLog } = await import('../present/findings/sarif.ts');
      this.write(sarifLog({ version: this.options.version, rules: this.options.rules, findings: this.all, errors: this.errors, root: this.io.cwd, relativePath: (f) => this.relative(f) }));
    }
    if (this.options.output) await writeFileAtomic(this.options.output, this.chunks.join(''));
  }
}
