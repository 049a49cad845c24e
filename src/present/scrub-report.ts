// How scrub results are shown: finding lines, NDJSON records and the masked --dry-run diff. Pure;
// nothing here ever sees a secret except `maskText`, which exists to hide them.

import type { Theme } from './theme.ts';
import type { Finding } from '../scrub/edit-cst.ts';

export function findingLine(file: string, f: Finding, theme: Theme): string {
  return `${file}:${f.line}:${f.col} ${theme.warn(f.rule)} ${f.masked} ${theme.dim(f.path)}\n`;
}

export interface FileRecord {
  file: string;
  /** fixed: written; would-change: --check / --dry-run found something; clean: nothing to do. */
  status: 'fixed' | 'would-change' | 'clean' | 'error';
  findings: Array<Pick<Finding, 'rule' | 'line' | 'col' | 'masked' | 'path'>>;
  error?: string;
}

export function fileRecord(file: string, findings: Finding[], status: FileRecord['status']): FileRecord {
  return { file, status, findings: findings.map(({ rule, line, col, masked, path }) => ({ rule, line, col, masked, path })) };
}

/** The input text with every finding's source range replaced by its masked form, for diffs. */
export function maskText(text: string, findings: Finding[]): string {
  let out = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.offset - b.offset)) {
    if (f.offset < at) continue;
    out += text.slice(at, f.offset) + f.masked;
    at = f.offset + f.length;
  }
  return out + text.slice(at);
}

/** Colors a unified diff line by line. */
export function colorDiff(patch: string, theme: Theme): string {
  if (!theme.enabled) return patch;
  return patch
    .split('\n')
    .map((l) => (l.startsWith('+') && !l.startsWith('+++') ? theme.added(l) : l.startsWith('-') && !l.startsWith('---') ? theme.removed(l) : l.startsWith('@@') ? theme.dim(l) : l))
    .join('\n');
}
