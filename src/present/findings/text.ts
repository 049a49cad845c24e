// Findings as text lines, `file:line:col rule message path`: the line `scrub --check` has always
// printed, and the one `lint` prints (the rule coloured by its severity, the interaction dimmed).

import type { Finding } from '../../findings/finding.ts';
import type { Theme } from '../theme.ts';

export function findingText(f: Finding, theme: Theme): string {
  const paint = f.severity === 'error' ? theme.error : f.severity === 'warning' ? theme.warn : theme.dim;
  const detail = f.path ?? (f.interaction ? `#${f.interaction.index}` : undefined);
  return `${f.file}:${f.line}:${f.col} ${paint(f.rule)} ${f.message}${detail === undefined ? '' : ` ${theme.dim(detail)}`}\n`;
}
