// `show --summary`: one compact table row per file, then interactions counted per API dialect.

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

/** The `--summary --json` line after the file lines: totals over the files read. */
export interface SummaryTotals {
  totals: { files: number; interactions: number; inputTokens: number; outputTokens: number; byProvider: Record<string, number> };
}

export function summaryTotals(rows: SummaryRow[], byProvider: Map<string, number>): SummaryTotals {
  const total = (key: 'interactions' | 'inputTokens' | 'outputTokens') => rows.reduce((sum, r) => sum + r[key], 0);
  return {
    totals: {
      files: rows.length,
      interactions: total('interactions'),
      inputTokens: total('inputTokens'),
      outputTokens: total('outputTokens'),
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
  { head: 'file', numeric: false, shrink: 'left', min: 16, weight: 1.5 },
  { head: 'calls', numeric: true, min: 0 },
  { head: 'provider', numeric: false, shrink: 'right', min: 8 },
  { head: 'model', numeric: false, shrink: 'right', min: 10 },
  { head: 'tok in', numeric: true, min: 0 },
  { head: 'tok out', numeric: true, min: 0 },
  { head: 'status', numeric: false, shrink: 'right', min: 6 },
];
const GAP = '  ';

function shorten(text: string, width: number, from: 'left' | 'right'): string {
  if (text.length <= width) return text;
  return from === 'left' ? `…${text.slice(text.length - width + 1)}` : `${text.slice(0, width - 1)}…`;
}

/** Column widths that fit `width`: the widest shrinkable column (by weight) gives up one at a time. */
function fitWidths(cells: string[][], width: number): number[] {
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
  ]);
  const totals = summaryTotals(rows, byProvider).totals;
  const footer = rows.length > 1 ? [`${rows.length} files`, `${totals.interactions}`, '', '', `${totals.inputTokens}`, `${totals.outputTokens}`, ''] : undefined;
  const widths = fitWidths(footer ? [...cells, footer] : cells, width);
  const line = (values: string[]) =>
    values
      .map((value, i) => {
        const column = COLUMNS[i]!;
        const text = column.shrink ? shorten(value, widths[i]!, column.shrink) : value;
        return column.numeric ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
      })
      .join(GAP)
      .trimEnd();
  const out = [theme.heading(line(COLUMNS.map((c) => c.head))), ...cells.map(line)];
  if (footer) out.push(theme.heading(line(footer)));
  const dialects = [...byProvider].map(([provider, count]) => `${provider} ${count}`).join(' · ');
  out.push(theme.dim(`interactions by dialect: ${dialects}`));
  return `${out.join('\n')}\n`;
}
