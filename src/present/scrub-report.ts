// How scrub's --dry-run diff is shown: masked, coloured. (Finding lines and NDJSON records are the
// findings printers', src/present/findings/, shared with lint.) Pure; nothing here ever sees a
// secret except `maskText`, which exists to hide them.

import type { Theme } from './theme.ts';
import type { Finding } from '../scrub/edit-cst.ts';

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
