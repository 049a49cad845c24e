// Allowing what is intended, for `lint` and `scrub --check` alike: a `cassette:allow` marker on the
// finding's line (as `gitleaks:allow`), an ignore file of fingerprints (`.cassetteignore`), and a
// baseline of the findings that were there when it was written (`--baseline`). Pure: the command
// reads the files.

import type { Finding } from './finding.ts';

export const ALLOW_MARKER = 'cassette:allow';

/** True when the finding's line carries the marker (in a YAML comment, say `# cassette:allow`). */
export function allowedInline(lineText: string): boolean {
  return lineText.includes(ALLOW_MARKER);
}

const FINGERPRINT = /^[0-9a-f]{32}$/;

export class SuppressionFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SuppressionFileError';
  }
}

/** `.cassetteignore`: one fingerprint a line, `#` starts a comment; anything else is an error (a typo must not allow everything). */
export function parseIgnoreFile(text: string): Set<string> {
  const out = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    if (!FINGERPRINT.test(line)) throw new SuppressionFileError(`line ${i + 1}: expected a finding fingerprint (32 hex digits, from --format json or the baseline), got "${line.slice(0, 40)}"`);
    out.add(line);
  });
  return out;
}

export interface Baseline {
  version: 1;
  generator: 'cassette';
  findings: Array<{ fingerprint: string; rule: string; file: string; message: string }>;
}

export function baselineOf(findings: readonly Finding[]): Baseline {
  return {
    version: 1,
    generator: 'cassette',
    findings: findings.map((f) => ({ fingerprint: f.fingerprint!, rule: f.rule, file: f.file, message: f.message })),
  };
}

export function parseBaseline(text: string): Set<string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new SuppressionFileError(`not a baseline (invalid JSON: ${(error as Error).message})`);
  }
  const findings = (raw as Baseline | null)?.findings;
  if ((raw as Baseline | null)?.generator !== 'cassette' || !Array.isArray(findings)) {
    throw new SuppressionFileError('not a baseline written by `cassette lint --write-baseline` (no "generator": "cassette" and "findings")');
  }
  return new Set(findings.map((f) => f?.fingerprint).filter((f): f is string => typeof f === 'string'));
}

export interface Suppressions {
  ignored: Set<string>;
  baseline?: Set<string>;
}

export interface Suppressed {
  kept: Finding[];
  /** How many were allowed by each mechanism, for the summary. */
  inline: number;
  ignored: number;
  baselined: number;
}

export function suppress(findings: readonly Finding[], lineText: (line: number) => string, s: Suppressions): Suppressed {
  const out: Suppressed = { kept: [], inline: 0, ignored: 0, baselined: 0 };
  for (const f of findings) {
    if (allowedInline(lineText(f.line))) out.inline++;
    else if (f.fingerprint && s.ignored.has(f.fingerprint)) out.ignored++;
    else if (f.fingerprint && s.baseline?.has(f.fingerprint)) out.baselined++;
    else out.kept.push(f);
  }
  return out;
}
