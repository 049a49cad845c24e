// The project's config file (`.cassette.yaml` or `cassette.config.json`, the nearest at or above the
// working directory) and the ignore file (`.cassetteignore`, found the same way). Read once per run;
// each command checks its own section (`scrub:`, `lint:`).

import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CassetteError } from '../errors.ts';

export const CONFIG_FILES = ['.cassette.yaml', 'cassette.config.json'];
export const IGNORE_FILE = '.cassetteignore';

export interface ConfigFile {
  file: string;
  /** The parsed document, unchecked. */
  raw: unknown;
}

/** The nearest of `names` at or above `cwd`, with its text; undefined when there is none. */
export function findUp(cwd: string, names: readonly string[]): { file: string; text: string } | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    for (const name of names) {
      const file = join(dir, name);
      // Usually there is none: asking first is cheaper than the error a failed read builds.
      if (!statSync(file, { throwIfNoEntry: false })) continue;
      try {
        return { file, text: readFileSync(file, 'utf8') };
      } catch {
        continue;
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** The nearest config file at or above `cwd`, parsed; undefined when there is none. */
export async function loadConfigFile(cwd: string): Promise<ConfigFile | undefined> {
  const found = findUp(cwd, CONFIG_FILES);
  if (!found) return undefined;
  try {
    const raw: unknown = found.file.endsWith('.json') ? JSON.parse(found.text) : (await import('yaml')).parse(found.text);
    return { file: found.file, raw };
  } catch (error) {
    throw new CassetteError('usage', (error as Error).message.split('\n')[0]!, found.file);
  }
}
