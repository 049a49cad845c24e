// One finding model for everything that reports a problem in a cassette: `cassette lint`'s rules
// (the diagnostic codes included) and `scrub --check`'s credentials. The printers in
// src/present/findings/ take these and nothing else, so every format serves both commands.

export type Severity = 'error' | 'warning' | 'note';

/** Most severe first: a fail level passes everything below it. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

export function atLeast(severity: Severity, level: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(level);
}

/** The interaction a finding is about, as it may be shown: the URL without its query (credentials live there). */
export interface FindingInteraction {
  index: number;
  method: string;
  url: string;
}

export interface Finding {
  /** A stable rule id: a diagnostic code, a lint rule or a scrub rule. */
  rule: string;
  severity: Severity;
  /** The file as the user named it. */
  file: string;
  /** 1-based; 1:1 when the finding is about the file as a whole. */
  line: number;
  col: number;
  interaction?: FindingInteraction;
  /** One line for a person. Never holds a secret: credentials appear only `mask()`ed. */
  message: string;
  /** What to do about it. */
  fix?: string;
  /** Scrub findings: the masked value and the document path (`interactions[0].request.headers.Authorization`). */
  masked?: string;
  path?: string;
  /** What tells this finding from others of its rule in the same interaction (a header name, a body side). */
  key: string;
  /** Filled in by `assignFingerprints` once a file's findings are all known. */
  fingerprint?: string;
}

/** Sorted as people read them: file order, then line and column, then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.col - b.col || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

export interface FindingCounts {
  error: number;
  warning: number;
  note: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
