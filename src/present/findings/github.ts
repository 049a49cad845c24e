// Findings as GitHub Actions workflow commands, `::error file=…,line=…,col=…,title=…::message`,
// which the runner turns into annotations on the pull request. Escaped as the runner's toolkit
// does (@actions/core): `%`, CR and LF in the message; also `:` and `,` in property values.

import type { Finding } from '../../findings/finding.ts';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND = { error: 'error', warning: 'warning', note: 'notice' } as const;

export function findingWorkflowCommand(f: Finding, file: string): string {
  const props = [`file=${escapeProperty(file)}`, `line=${f.line}`, `col=${f.col}`, `title=${escapeProperty(`cassette ${f.rule}`)}`].join(',');
  const where = f.path ?? (f.interaction ? `interaction #${f.interaction.index} ${f.interaction.method} ${f.interaction.url}` : '');
  const text = [f.message, where && `(${where})`, f.fix && `Fix: ${f.fix}`].filter(Boolean).join(' ');
  return `::${COMMAND[f.severity]} ${props}::${escapeData(text)}\n`;
}

/** A file that could not be read, as an error annotation. */
export function errorWorkflowCommand(file: string | undefined, line: number | undefined, col: number | undefined, message: string): string {
  const props = [file && `file=${escapeProperty(file)}`, line && `line=${line}`, col && `col=${col}`, 'title=cassette bad input'].filter(Boolean).join(',');
  return `::error ${props}::${escapeData(message)}\n`;
}
