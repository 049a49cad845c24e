// The scrub stage's one entry point: cassette text in, scrubbed text and findings out. Pure (no fs);
// `cassette export --scrub` calls `scrubCompiled` (and `scrubMessageBody` for a HAR's body files);
// `cassette scrub` checks each file with the yaml-free fast check first and imports this module
// (and so `yaml`) only for a file that is not surely clean.

import type { ScrubOptions } from './config.ts';
import { editCassetteText, type Finding } from './edit-cst.ts';
import { isSurelyClean } from './fast-check.ts';
import { compileScrubOptions, type Compiled } from './scan.ts';
import { scrubBodyBytes } from './body-file.ts';
import type { Headers } from '../model.ts';
import { headerValue } from '../http/headers.ts';

export { editCassetteText, type Finding } from './edit-cst.ts';
export { compileScrubOptions } from './scan.ts';

export interface ScrubTextOptions extends Partial<ScrubOptions> {
  /** Named in parse errors (`file:line:col: message`). */
  file?: string;
}

/**
 * Removes the secrets from a cassette's YAML text. Returns the input string itself when nothing was
 * found; otherwise only the scalars holding secrets (and content_length) differ. Throws a
 * CassetteError ('invalid-yaml', with line and column) when the text does not parse.
 */
export function scrubText(text: string, options: ScrubTextOptions = {}): { text: string; findings: Finding[] } {
  const { file, ...rest } = options;
  return scrubCompiled(text, compileScrubOptions(rest), file);
}

/** A body kept in its own file (a HAR's `_file`), scrubbed in memory: its media type from the message's Content-Type. */
export function scrubMessageBody(bytes: Uint8Array, headers: Headers, c: Compiled): Uint8Array {
  return scrubBodyBytes(bytes, headerValue(headers, 'content-type') ?? '', c, '').bytes;
}

/** scrubText with compiled options: a clean file is recognised without building its CST. */
export function scrubCompiled(text: string, c: Compiled, file?: string): { text: string; findings: Finding[] } {
  if (isSurelyClean(text, c)) return { text, findings: [] };
  return editCassetteText(text, c, file);
}
