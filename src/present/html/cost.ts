// Cost in the report: what the caller can tell per interaction. By default the provider's own
// figure (OpenRouter `usage.cost`); the export command passes estimates from the price table
// (src/cost) when it has one. An estimate is shown with `≈`, its table in the tooltip.

import type { Cost } from '../../cost/types.ts';
import type { AnalyzedInteraction } from '../../interpret/index.ts';

export interface CostFigure {
  usd: number;
  estimated: boolean;
  /** For estimates: the price table and its version. */
  table?: string;
}

export type CostOf = (item: AnalyzedInteraction) => CostFigure | undefined;

export const providerCostOf: CostOf = (item) => {
  const usd = item.llm?.response.providerCost;
  return typeof usd === 'number' && Number.isFinite(usd) ? { usd, estimated: false } : undefined;
};

export function formatCost(cost: CostFigure): string {
  const digits = cost.usd >= 1 ? 2 : cost.usd >= 0.01 ? 4 : 6;
  return `${cost.estimated ? '≈ ' : ''}$${cost.usd.toFixed(digits)}`;
}

/** Tooltip: where the figure comes from. */
export function costSource(cost: CostFigure): string {
  return cost.estimated ? `estimated from token usage${cost.table ? ` with ${cost.table}` : ''}` : 'reported by the provider';
}

/** Sum of known costs; estimated when any part is. */
export function sumCosts(costs: (CostFigure | undefined)[]): CostFigure | undefined {
  const known = costs.filter((c): c is CostFigure => c !== undefined);
  if (known.length === 0) return undefined;
  const table = known.find((c) => c.table)?.table;
  return { usd: known.reduce((s, c) => s + c.usd, 0), estimated: known.some((c) => c.estimated), ...(table ? { table } : {}) };
}

/** A cost from src/cost as the report shows it. */
export function costFigure(cost: Cost | null): CostFigure | undefined {
  if (!cost) return undefined;
  return { usd: cost.usd, estimated: cost.source === 'estimate', ...(cost.table ? { table: cost.table } : {}) };
}
