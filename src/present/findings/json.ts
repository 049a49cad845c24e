// Findings as NDJSON: one object per file, `{file, status, findings: [...]}`. `scrub --json` keeps
// its record (findings of rule, line, col, masked, path); `lint` adds severity, the interaction,
// the message, the fix and the fingerprint.

import type { Finding } from '../../findings/finding.ts';

export type ScrubStatus = 'fixed' | 'would-change' | 'clean' | 'error';
export type LintStatus = 'findings' | 'clean' | 'error';

export function scrubFindingJson(f: Finding) {
  return { rule: f.rule, line: f.line, col: f.col, masked: f.masked, path: f.path };
}

export function lintFindingJson(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    line: f.line,
    col: f.col,
    ...(f.interaction ? { interaction: f.interaction } : {}),
    message: f.message,
    ...(f.fix ? { fix: f.fix } : {}),
    ...(f.masked !== undefined ? { masked: f.masked, path: f.path } : {}),
    fingerprint: f.fingerprint,
  };
}

export function fileRecordLine(file: string, status: string, findings: readonly Finding[], shape: 'scrub' | 'lint', error?: string): string {
  const record = { file, status, findings: findings.map((f): object => (shape === 'scrub' ? scrubFindingJson(f) : lintFindingJson(f))), ...(error === undefined ? {} : { error }) };
  return `${JSON.stringify(record)}\n`;
}
