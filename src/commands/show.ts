// `cassette show`: read → interpret → transcript, NDJSON or summary table.

import type { Io } from '../io.ts';
import type { AnalyzedCassette } from '../interpret/index.ts';
import { cassetteJsonChunks } from '../present/json.ts';
import type { SummaryRow } from '../present/summary.ts';
import { themeFor } from '../present/theme.ts';
import { renderTranscript } from '../present/transcript.ts';
import { forEachCassette } from './cassettes.ts';
import { describeMissing, parseInteractionSelector } from './select.ts';
import { writeChunks } from './write-chunks.ts';
import { exitCode } from './exit-code.ts';
import { loadPriceTable, needsPriceTable, type PriceTable } from '../cost/index.ts';

export interface ShowOptions {
  interaction?: string[];
  history?: boolean;
  verbose?: boolean;
  raw?: boolean;
  json?: boolean;
  summary?: boolean;
  color?: boolean;
  stable?: boolean;
  /**
   * Estimate costs with the price table (loaded on the first file that needs it; never with
   * --stable). Unset: only for --summary, a report where the table's load time does not show.
   */
  cost?: boolean;
}

/** The summary's width: the terminal's, or 100 columns for a pipe, a file or a CI log. */
const PIPE_COLUMNS = 100;

/**
 * `-i` naming interactions the file does not have: said on stderr. False when none of the
 * selected ones is there (nothing can be shown for the file: exit 2, as for other bad input).
 */
function checkSelection(analyzed: AnalyzedCassette, only: Set<number>, io: Io): boolean {
  const count = analyzed.interactions.length;
  const missing = [...only].filter((i) => i >= count);
  if (missing.length === 0) return true;
  io.stderr.write(`cassette: ${analyzed.cassette.file}: ${describeMissing(missing, count)}\n`);
  return missing.length < only.size;
}

export async function show(paths: string[], options: ShowOptions, io: Io): Promise<number> {
  const only = parseInteractionSelector(options.interaction);
  const theme = await themeFor(io.stdout, options.color, io.env);
  // Imported only for --summary. Rows are kept (not files) for the table; NDJSON is streamed.
  const summary = options.summary ? await import('../present/summary.ts') : undefined;
  const rows: SummaryRow[] = [];
  const counts = new Map<string, number>();
  let unselectable = 0;
  let prices: PriceTable | undefined;
  const estimate = (options.cost ?? !!options.summary) && !options.stable;
  const outcome = await forEachCassette(paths, io, async (analyzed) => {
    // An estimate changes when the table does: never under --stable (git textconv).
    if (estimate && !prices && needsPriceTable(analyzed)) prices = await loadPriceTable();
    if (only && !summary && !checkSelection(analyzed, only, io)) {
      unselectable++;
      return;
    }
    if (summary) {
      const row = summary.summaryRow(analyzed, prices);
      summary.countProviders(analyzed, counts);
      if (options.json) io.stdout.write(`${JSON.stringify(row)}\n`);
      rows.push(row);
    } else if (options.json) writeChunks(io.stdout, cassetteJsonChunks(analyzed, only, prices));
    else {
      const transcriptOptions = {
        theme,
        history: !!options.history,
        verbose: !!options.verbose,
        raw: !!options.raw,
        stable: !!options.stable,
        ...(prices ? { prices } : {}),
      };
      io.stdout.write(renderTranscript(analyzed, only ? { ...transcriptOptions, only } : transcriptOptions));
    }
  });
  if (summary && rows.length > 0) {
    const byProvider = summary.byFrequency(counts);
    if (options.json) io.stdout.write(`${JSON.stringify(summary.summaryTotals(rows, byProvider))}\n`);
    else {
      const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : PIPE_COLUMNS;
      io.stdout.write(summary.renderSummary(rows, byProvider, theme, width));
    }
  }
  return exitCode({ badInput: outcome.failures + unselectable, findings: false });
}
