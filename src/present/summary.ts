// `show --summary`: one compact table row per file, then interactions counted per API dialect.

import type { AnalyzedCassette } from '../interpret/index.ts';
import type { Theme } from './theme.ts';
import { fileCost, formatUsd, type Cost, type PriceTable } from '../cost/index.ts';

export interface SummaryRow {
  file: string;
  interactions: number;
  providers: string[];
  models: string[];
  inputTokens: number;
  outputTokens: number;
  statuses: number[];
  /** The file's cost (provider figures, or estimates with `--cost`); null when no interaction has one. */
  cost: Cost | null;
}

/** The dialect of a chat turn; `<family>:<kind>` for a non-chat endpoint (`openai:embeddings`); else `unknown`. */
function apiOf(item: AnalyzedCassette['interactions'][number]): string {
  if (item.llm) return item.llm.provider;
  if (item.endpoint) return `${item.endpoint.provider}:${item.endpoint.kind}`;
  return 'unknown';
}

export function summaryRow(analyzed: AnalyzedCassette, prices?: PriceTable): SummaryRow {
  const row: SummaryRow = {
    file: analyzed.cassette.file,
    interactions: analyzed.interactions.length,
    providers: [],
    models: [],
    inputTokens: 0,
    outputTokens: 0,
    statuses: [],
    cost: null,
  };
  const cost = fileCost(analyzed, prices);
  if (cost) row.cost = cost.table ? { usd: cost.usd, source: cost.source, table: cost.table } : { usd: cost.usd, source: cost.source };
  const add = <T>(list: T[], value: T) => {
    if (!list.includes(value)) list.push(value);
  };
  for (const item of analyzed.interactions) {
    add(row.statuses, item.interaction.response.status);
    const llm = item.llm;
    add(row.providers, apiOf(item));
    const model = llm?.model ?? item.endpoint?.model;
    if (model) add(row.models, model);
    row.inputTokens += llm?.response.usage?.inputTokens ?? 0;
    row.outputTokens += llm?.response.usage?.outputTokens ?? 0;
  }
  return row;
}

/** Adds a cassette's interactions to the counts per dialect ("unknown" for llm: null). */
export function countProviders(analyzed: AnalyzedCassette, counts: Map<string, number>): void {
  for (const item of analyzed.interactions) {
    const provider = apiOf(item);
    counts.set(provider, (counts.get(provider) ?? 0) + 1);
  }
}

/** The counts, most frequent dialect first. */
export function byFrequency(counts: Map<string, number>): Map<string, number> {
  return new Map([...counts].sort((a, b) => b[1] - a[1]));
}

/** The `--summary --json` line after the file lines: totals over the files read. */
export interface SummaryTotals {
  totals: { files: number; interactions: number; inputTokens: number; outputTokens: number; cost: Cost | null; byProvider: Record<string, number> };
}

/** The sum of the files' costs: `estimate` when any is estimated. */
function totalCost(rows: SummaryRow[]): Cost | null {
  const costs = rows.flatMap((r) => (r.cost ? [r.cost] : []));
  if (costs.length === 0) return null;
  const usd = costs.reduce((sum, c) => sum + c.usd, 0);
  const estimated = costs.find((c) => c.source === 'estimate');
  return estimated ? { usd, source: 'estimate', table: estimated.table! } : { usd, source: 'provider' };
}

/** `$0.0123`, `~$0.0123` for an estimate, empty when unknown. */
function costCell(cost: Cost | null): string {
  return cost ? `${cost.source === 'estimate' ? '~' : ''}${formatUsd(cost.usd)}` : '';
}

export function summaryTotals(rows: SummaryRow[], byProvider: Map<string, number>): SummaryTotals {
  const total = (key: 'interactions' | 'inputTokens' | 'outputTokens') => rows.reduce((sum, r) => sum + r[key], 0);
  return {
    totals: {
      files: rows.length,
      interactions: total('interactions'),
      inputTokens: total('inputTokens'),
      outputTokens: total('outputTokens'),
      cost: totalCost(rows),
      byProvider: Object.fromEntries(byProvider),
    },
  };
}

interface Column {
  head: string;
  /** Numbers are right-aligned and never shortened. */
  numeric: boolean;
  /** Shortened first when the table is too wide (a file path loses its start, a list its end). */
  shrink?: 'left' | 'right';
  min: number;
  /** How much a column resists shrinking: the path, which names the row, more than the lists. */
  weight?: number;
}

const COLUMNS: Column[] = [
  { head: 'file', numeric: false, shrink: 'left', min: 12, weight: 1.5 },
  { head: 'calls', numeric: true, min: 0 },
  { head: 'provider', numeric: false, shrink: 'right', min: 8 },
  { head: 'model', numeric: false, shrink: 'right', min: 10 },
  { head: 'tok in', numeric: true, min: 0 },
  { head: 'tok out', numeric: true, min: 0 },
  { head: 'status', numeric: false, shrink: 'right', min: 6 },
  { head: 'cost', numeric: true, min: 0 },
];
const GAP = '  ';

function shorten(text: string, width: number, from: 'left' | 'right'): string {
  if (text.length <= width) return text;
  return from === 'left' ? `…${text.slice(text.length - width + 1)}` : `${text.slice(0, width - 1)}…`;
}

/** Column widths that fit `width`: the widest shrinkable column (by weight) gives up one at a time. */
function fitWidths(COLUMNS: Column[], cells: string[][], width: number): number[] {
  const widths = COLUMNS.map((c, i) => Math.max(c.head.length, ...cells.map((row) => row[i]!.length)));
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
  while (total() > width) {
    let widest = -1;
    const size = (i: number) => widths[i]! / (COLUMNS[i]!.weight ?? 1);
    COLUMNS.forEach((c, i) => {
      const floor = Math.max(c.min, c.head.length);
      if (c.shrink && widths[i]! > floor && (widest < 0 || size(i) > size(widest))) widest = i;
    });
    if (widest < 0) break; // as narrow as it gets
    widths[widest]!--;
  }
  return widths;
}

/**
 * The compact table: a header, a line per file, a totals line for several files, the counts per
 * dialect. No borders or row separators; numbers right-aligned; fits `width` columns.
 */
export function renderSummary(rows: SummaryRow[], byProvider: Map<string, number>, theme: Theme, width: number): string {
  const cells = rows.map((row) => [
    row.file,
    `${row.interactions}`,
    row.providers.join(', '),
    row.models.join(', '),
    `${row.inputTokens}`,
    `${row.outputTokens}`,
    row.statuses.join(', '),
    costCell(row.cost),
  ]);
  const totals = summaryTotals(rows, byProvider).totals;
  const footer = rows.length > 1 ? [`${rows.length} files`, `${totals.interactions}`, '', '', `${totals.inputTokens}`, `${totals.outputTokens}`, '', costCell(totals.cost)] : undefined;
  // The cost column only when some file has a cost (provider figures, or estimates with --cost).
  const columns = rows.some((r) => r.cost) ? COLUMNS : COLUMNS.slice(0, -1);
  const shown = (values: string[]) => values.slice(0, columns.length);
  const widths = fitWidths(columns, (footer ? [...cells, footer] : cells).map(shown), width);
  const line = (values: string[]) =>
    values
      .map((value, i) => {
        const column = columns[i]!;
        const text = column.shrink ? shorten(value, widths[i]!, column.shrink) : value;
        return column.numeric ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
      })
      .join(GAP)
      .trimEnd();
  const out = [theme.heading(line(columns.map((c) => c.head))), ...cells.map((c) => line(shown(c)))];
  if (footer) out.push(theme.heading(line(shown(footer))));
  const dialects = [...byProvider].map(([provider, count]) => `${provider} ${count}`).join(' · ');
  out.push(theme.dim(`interactions by dialect: ${dialects}`));
  if (totals.cost?.source === 'estimate') out.push(theme.dim(`~ cost estimated from token usage with ${totals.cost.table}`));
  return `${out.join('\n')}\n`;
}
