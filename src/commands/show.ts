// `cassette show`: read → interpret → transcript, NDJSON or summary table.

import type { Io } from '../io.ts';
import { cassetteJsonChunks } from '../present/json.ts';
import type { SummaryRow } from '../present/summary.ts';
import { themeFor } from '../present/theme.ts';
import { renderTranscript } from '../present/transcript.ts';
import { forEachCassette } from './cassettes.ts';
import { parseInteractionSelector } from './select.ts';
import { writeChunks } from './write-chunks.ts';

export interface ShowOptions {
  interaction?: string[];
  history?: boolean;
  verbose?: boolean;
  raw?: boolean;
  json?: boolean;
  summary?: boolean;
  color?: boolean;
  stable?: boolean;
}

export async function show(paths: string[], options: ShowOptions, io: Io): Promise<number> {
  const only = parseInteractionSelector(options.interaction);
  const theme = await themeFor(io.stdout, options.color, io.env);
  // Imported only for --summary: cli-table3 is a third of the show bundle. Rows are kept, not files.
  const summary = options.summary ? await import('../present/summary.ts') : undefined;
  const rows: SummaryRow[] = [];
  const counts = new Map<string, number>();
  const outcome = await forEachCassette(paths, io, (analyzed) => {
    if (summary) {
      rows.push(summary.summaryRow(analyzed));
      summary.countProviders(analyzed, counts);
    } else if (options.json) writeChunks(io.stdout, cassetteJsonChunks(analyzed, only));
    else {
      const transcriptOptions = {
        theme,
        history: !!options.history,
        verbose: !!options.verbose,
        raw: !!options.raw,
        stable: !!options.stable,
      };
      io.stdout.write(renderTranscript(analyzed, only ? { ...transcriptOptions, only } : transcriptOptions));
    }
  });
  if (summary && rows.length > 0) {
    const byProvider = summary.byFrequency(counts);
    if (options.json) io.stdout.write(`${JSON.stringify({ files: rows, byProvider: Object.fromEntries(byProvider) })}\n`);
    else io.stdout.write(summary.renderSummary(rows, byProvider, theme));
  }
  return outcome.failures > 0 ? 2 : 0;
}
