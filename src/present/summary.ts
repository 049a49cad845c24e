// `show --summary`: one table row per file, then interactions counted per API dialect.

import Table from 'cli-table3';
import type { AnalyzedCassette } from '../interpret/index.ts';
import type { Theme } from './theme.ts';

export interface SummaryRow {
  file: string;
  interactions: number;
  providers: string[];
  models: string[];
  inputTokens: number;
  outputTokens: number;
  statuses: number[];
}

export function summaryRow(analyzed: AnalyzedCassette): SummaryRow {
  const row: SummaryRow = {
    file: analyzed.cassette.file,
    interactions: analyzed.interactions.length,
    providers: [],
    models: [],
    inputTokens: 0,
    outputTokens: 0,
    statuses: [],
  };
  const add = <T>(list: T[], value: T) => {
    if (!list.includes(value)) list.push(value);
  };
  for (const item of analyzed.interactions) {
    add(row.statuses, item.interaction.response.status);
    const llm = item.llm;
    add(row.providers, llm ? llm.provider : 'unknown');
    if (llm?.model) add(row.models, llm.model);
    row.inputTokens += llm?.response.usage?.inputTokens ?? 0;
    row.outputTokens += llm?.response.usage?.outputTokens ?? 0;
  }
  return row;
}

/** Adds a cassette's interactions to the counts per dialect ("unknown" for llm: null). */
export function countProviders(analyzed: AnalyzedCassette, counts: Map<string, number>): void {
  for (const item of analyzed.interactions) {
    const provider = item.llm?.provider ?? 'unknown';
    counts.set(provider, (counts.get(provider) ?? 0) + 1);
  }
}

/** The counts, most frequent dialect first. */
export function byFrequency(counts: Map<string, number>): Map<string, number> {
  return new Map([...counts].sort((a, b) => b[1] - a[1]));
}

export function renderSummary(rows: SummaryRow[], byProvider: Map<string, number>, theme: Theme): string {
  const style = theme.enabled ? {} : { head: [], border: [] };
  const table = new Table({
    head: ['file', 'interactions', 'provider', 'model', 'tokens in', 'tokens out', 'status'],
    style,
  });
  for (const row of rows) {
    table.push([
      row.file,
      row.interactions,
      row.providers.join(', '),
      row.models.join(', '),
      row.inputTokens,
      row.outputTokens,
      row.statuses.join(', '),
    ]);
  }
  const total = (key: 'interactions' | 'inputTokens' | 'outputTokens') => rows.reduce((sum, r) => sum + r[key], 0);
  if (rows.length > 1) {
    table.push([theme.heading(`${rows.length} files`), total('interactions'), '', '', total('inputTokens'), total('outputTokens'), '']);
  }
  const dialects = [...byProvider].map(([provider, count]) => `${provider} ${count}`).join(' · ');
  return `${table.toString()}\n${theme.dim(`interactions by dialect: ${dialects}`)}\n`;
}
