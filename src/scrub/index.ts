// The scrub stage's one entry point: cassette text in, scrubbed text and findings out. Pure (no fs);
// `cassette scrub` and `cassette export --scrub` both call `scrubText`.

import { DEFAULT_SCRUB_OPTIONS, type ScrubOptions } from './config.ts';
import { editCassetteText, type Finding } from './edit-cst.ts';
import { compileHosts } from './hosts.ts';
import { compileOptions } from './scan.ts';

export type { Finding } from './edit-cst.ts';
export type { ScrubOptions, ScrubConfigFile, ScrubFlags, HostMapping, Replacement } from './config.ts';
export { DEFAULT_SCRUB_OPTIONS, ScrubConfigError, parseScrubConfig, scrubOptions } from './config.ts';
export { mask, RULE_DESCRIPTIONS, type RuleId } from './rules.ts';

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
  const merged: ScrubOptions = { ...DEFAULT_SCRUB_OPTIONS, ...rest };
  return editCassetteText(text, compileOptions(merged, compileHosts(merged.hosts)), file);
}
