// `cassette show`: read → interpret → transcript, NDJSON or summary table.

import type { AnalyzedCassette } from '../interpret/index.ts';
import type { Io } from '../io.ts';
import { cassetteJson } from '../present/json.ts';
import { countByProvider, renderSummary, summaryRow } from '../present/summary.ts';
import { colorLevel, makeTheme } from '../present/theme.ts';
import { renderTranscript } from '../present/transcript.ts';
import { forEachCassette } from './cassettes.ts';
import { parseInteractionSelector } from './select.ts';

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
  const theme = makeTheme(colorLevel(io.stdout, options.color, io.env));
  const summarized: AnalyzedCassette[] = [];
  const outcome = await forEachCassette(paths, io, (analyzed) => {
    if (options.summary) summarized.push(analyzed);
    else if (options.json) {
      const json = cassetteJson(analyzed);
      if (only) json.interactions = json.interactions.filter((i) => only.has(i.index));
      io.stdout.write(`${JSON.stringify(json)}\n`);
    } else {
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
    const rows = summarized.map(summaryRow);
    if (options.json) io.stdout.write(`${JSON.stringify({ files: rows, byProvider: Object.fromEntries(countByProvider(summarized)) })}\n`);
    else io.stdout.write(renderSummary(rows, countByProvider(summarized), theme));
  }
  return outcome.failures > 0 ? 2 : 0;
}
