// `cassette lint`'s rules for the report: each cassette's findings beside their interaction. The
// decoder's and reducers' diagnostics are already shown as such, so their codes are left out here;
// credentials are not scanned (that is `scrub --check` / `lint`), the report shows what was recorded.

import { DIAGNOSTIC_CODES } from '../../findings/codes.ts';
import type { AnalyzedCassette } from '../../interpret/index.ts';
import { DEFAULT_MAX_BODY_BYTES, lintCassette } from '../../lint/check.ts';
import type { Locator } from '../../findings/locate.ts';
import type { ReportFinding } from './conversation.ts';

/** `locator`: over the cassette file's text, for the findings' lines. */
export function lintFindings(analyzed: AnalyzedCassette, locator: Locator): ReportFinding[] {
  return lintCassette(analyzed, locator, [], { maxBodyBytes: DEFAULT_MAX_BODY_BYTES })
    .filter((finding) => !Object.hasOwn(DIAGNOSTIC_CODES, finding.rule))
    .map((finding) => ({
      ...(finding.interaction ? { interaction: finding.interaction.index } : {}),
      severity: finding.severity,
      rule: finding.rule,
      message: finding.fix ? `${finding.message} — ${finding.fix}` : finding.message,
      line: finding.line,
    }));
}
