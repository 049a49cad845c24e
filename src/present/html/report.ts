// `cassette export --format html`: analyzed cassettes → one self-contained page. Many files get
// the overview table first; a small report opens its interactions, a large one lists them closed.

import type { AnalyzedCassette } from '../../interpret/index.ts';
import { formatDuration, plural } from '../format.ts';
import { cassetteFacts, cassetteSection, timelineBars, type ReportFinding } from './conversation.ts';
import { formatCost, sumCosts, type CostOf } from './cost.ts';
import { LARGE_REPORT_BODIES, SMALL_REPORT_BODIES } from './blocks.ts';
import { html } from './escape.ts';
import { page } from './layout.ts';
import { overviewTable, type OverviewRow } from './overview.ts';

export type { ReportFinding } from './conversation.ts';

export interface HtmlReportOptions {
  /** "cassette 0.1.0". */
  generator: string;
  /** Findings (e.g. of `cassette lint`) per cassette, shown with their interaction. */
  findings?: (analyzed: AnalyzedCassette) => ReportFinding[];
  /** An interaction's cost (default: the provider's own figure, when the response has one). */
  costOf?: CostOf;
}

/** Up to this many interactions in all, they are shown opened. */
const OPEN_LIMIT = 30;
/** Above this many cassettes a report keeps less of each body (see BodyLimits). */
const LARGE_REPORT = 20;

export function renderHtmlReport(cassettes: AnalyzedCassette[], options: HtmlReportOptions): string {
  const total = cassettes.reduce((n, c) => n + c.interactions.length, 0);
  const open = cassettes.length === 1 || total <= OPEN_LIMIT;
  const bodies = cassettes.length > LARGE_REPORT ? LARGE_REPORT_BODIES : SMALL_REPORT_BODIES;
  const rows: OverviewRow[] = [];
  const sections = cassettes.map((analyzed, i) => {
    const id = `c${i + 1}`;
    const findings = options.findings?.(analyzed) ?? [];
    rows.push({ id, facts: cassetteFacts(analyzed, findings, options.costOf), bars: timelineBars(analyzed, id) });
    return cassetteSection(analyzed, { id, open, findings, bodies, costOf: options.costOf });
  });
  const tokensIn = rows.reduce((n, r) => n + r.facts.inputTokens, 0);
  const tokensOut = rows.reduce((n, r) => n + r.facts.outputTokens, 0);
  const cost = sumCosts(rows.map((r) => r.facts.cost));
  const duration = rows.reduce((n, r) => n + r.facts.durationMs, 0);
  const title = cassettes.length === 1 ? cassettes[0]!.cassette.file : `${plural(cassettes.length, 'cassette')}`;
  const summary = [plural(cassettes.length, 'cassette'), plural(total, 'interaction'), `${tokensIn} in / ${tokensOut} out tokens`, cost ? formatCost(cost) : '', duration ? formatDuration(duration) : ''].filter(Boolean);
  const header = html`<h1>${title}</h1><div class="facts">${summary.map((s) => html`<span>${s}</span>`)}<span>${options.generator}</span></div>`;
  const body = html`${cassettes.length > 1 ? overviewTable(rows) : ''}${sections}`;
  return page({ title: `${title} · cassette report`, generator: options.generator, toolbar: total > 0 }, header, body);
}
