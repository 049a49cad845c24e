// `cassette show`: read → interpret → transcript, NDJSON or summary table.

import type { AnalyzedCassette } from '../interpret/index.ts';
import type { Io } from '../io.ts';
import { cassetteJsonChunks } from '../present/json.ts';
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
  const summarized: AnalyzedCassette[] = [];
  const outcome = await forEachCassette(paths, io, (analyzed) => {
    if (options.summary) summarized.push(analyzed);
    else if (options.json) writeChunks(io.stdout, cassetteJsonChunks(analyzed, only));
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
  if (options.summary && summarized.length > 0) {
    // Imported here: cli-table3 is a third of the show chunk and only the summary needs it.
    const { countByProvider, renderSummary, summaryRow } = await import('../present/summary.ts');
    const rows = summarized.map(summaryRow);
    if (options.json) io.stdout.write(`${JSON.stringify({ files: rows, byProvider: Object.fromEntries(countByProvider(summarized)) })}\n`);
    else io.stdout.write(renderSummary(rows, countByProvider(summarized), theme));
  }
  return outcome.failures > 0 ? 2 : 0;
}
