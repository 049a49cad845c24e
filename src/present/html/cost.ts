// Cost of an interaction, when the interpret stage provides one (issue 13 adds it). Read
// structurally so the report shows what exists: a number of US dollars, or an object with one.

import type { AnalyzedInteraction } from '../../interpret/index.ts';

export interface CostFigure {
  usd: number;
  estimated: boolean;
}

function figure(value: unknown): CostFigure | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return { usd: value, estimated: false };
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const amount = [record.usd, record.totalUsd, record.total, record.amount].find((v) => typeof v === 'number' && Number.isFinite(v));
  if (typeof amount !== 'number') return undefined;
  return { usd: amount, estimated: record.estimated === true || record.source === 'estimated' || record.source === 'table' };
}

export function costOf(item: AnalyzedInteraction): CostFigure | undefined {
  const holders: unknown[] = [item, item.llm?.response];
  for (const holder of holders) {
    if (typeof holder === 'object' && holder !== null && 'cost' in holder) {
      const found = figure((holder as { cost: unknown }).cost);
      if (found) return found;
    }
  }
  return undefined;
}

export function formatCost(cost: CostFigure): string {
  const digits = cost.usd >= 1 ? 2 : cost.usd >= 0.01 ? 4 : 6;
  return `${cost.estimated ? '≈ ' : ''}$${cost.usd.toFixed(digits)}`;
}

/** Sum of known costs; estimated when any part is. */
export function sumCosts(costs: (CostFigure | undefined)[]): CostFigure | undefined {
  const known = costs.filter((c): c is CostFigure => c !== undefined);
  if (known.length === 0) return undefined;
  return { usd: known.reduce((s, c) => s + c.usd, 0), estimated: known.some((c) => c.estimated) };
}
