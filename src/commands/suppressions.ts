// The files that allow findings: `.cassetteignore` (the nearest at or above the working directory)
// and `--baseline FILE`. A file that is there but does not read as one is a usage error (exit 2):
// a broken ignore file must not let everything through, nor silently allow nothing.

import { readFileSync } from 'node:fs';
import { CassetteError } from '../errors.ts';
import { parseBaseline, parseIgnoreFile, SuppressionFileError, type Suppressions } from '../findings/suppress.ts';
import { IGNORE_FILE, findUp } from './config-file.ts';

export function loadSuppressions(cwd: string, baseline?: string): Suppressions {
  const found = findUp(cwd, [IGNORE_FILE]);
  const out: Suppressions = { ignored: new Set() };
  try {
    if (found) out.ignored = parseIgnoreFile(found.text);
  } catch (error) {
    if (error instanceof SuppressionFileError) throw new CassetteError('usage', error.message, found!.file);
    throw error;
  }
  if (baseline !== undefined) {
    let text: string;
    try {
      text = readFileSync(baseline, 'utf8');
    } catch (error) {
      throw new CassetteError('usage', `cannot read the baseline: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, baseline);
    }
    try {
      out.baseline = parseBaseline(text);
    } catch (error) {
      if (error instanceof SuppressionFileError) throw new CassetteError('usage', error.message, baseline);
      throw error;
    }
  }
  return out;
}
