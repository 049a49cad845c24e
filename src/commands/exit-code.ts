// The exit status of every command, decided here: 0 ok, 1 findings or differences, 2 bad input
// (a file or argument that could not be used; the other files were still processed). main.ts maps
// a usage error or a thrown CassetteError to 2 the same way.

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;

export interface RunResult {
  /** Files or arguments that could not be used (a count, or whether there were any). */
  badInput: number | boolean;
  /** Findings at or above the fail level, differences (diff), secrets left (scrub). */
  findings: boolean;
}

/** Bad input wins: a run that could not read everything never says "clean" or "only findings". */
export function exitCode(result: RunResult): number {
  if (result.badInput === true || (typeof result.badInput === 'number' && result.badInput > 0)) return EXIT_BAD_INPUT;
  return result.findings ? EXIT_FINDINGS : EXIT_OK;
}
