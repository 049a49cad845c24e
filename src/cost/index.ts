// Cost: the provider's own figure when the response carries one, else tokens × a maintained price
// table (estimated, marked with the table's version), else nothing. The table is loaded only
// when estimates are shown (reports by default, the transcript and --json with `--cost`): see
// genai-prices.ts for why.

import { headerValue } from '../http/headers.ts';
import type { AnalyzedCassette, AnalyzedInteraction } from '../interpret/index.ts';
import type { Usage } from '../interpret/types.ts';
import type { Cost, FileCost, PriceTable, PricedUsage } from './types.ts';

export type { Cost, FileCost, PriceTable } from './types.ts';

export async function loadPriceTable(): Promise<PriceTable> {
  return (await import('./genai-prices.ts')).genaiPrices;
}

/** The price table's provider for each API family (the host is tried first). */
const PROVIDER_IDS: Record<string, string> = {
  'openai-chat': 'openai',
  'openai-responses': 'openai',
  'openai-completions': 'openai',
  'openai-assistants': 'openai',
  openai: 'openai',
  anthropic: 'anthropic',
  gemini: 'google',
  bedrock: 'aws',
  'bedrock-converse': 'aws',
  cohere: 'cohere',
};

/** Families whose `inputTokens` leave the cache reads and writes out (see the README's usage tables). */
const INPUT_EXCLUDES_CACHE = new Set(['anthropic', 'bedrock', 'bedrock-converse']);

/** Usage in the table's terms: input with the cache counts in it; Gemini's thoughts are billed as output. */
export function pricedUsage(family: string, usage: Usage): PricedUsage {
  const cacheRead = usage.cacheReadTokens ?? 0;
  const cacheWrite = usage.cacheWriteTokens ?? 0;
  const input = INPUT_EXCLUDES_CACHE.has(family) ? usage.inputTokens + cacheRead + cacheWrite : usage.inputTokens;
  const output = family === 'gemini' ? usage.outputTokens + (usage.reasoningTokens ?? 0) : usage.outputTokens;
  const priced: PricedUsage = { inputTokens: input, outputTokens: output };
  if (cacheRead) priced.cacheReadTokens = cacheRead;
  if (cacheWrite) priced.cacheWriteTokens = cacheWrite;
  if (usage.inputAudioTokens) priced.inputAudioTokens = usage.inputAudioTokens;
  if (usage.inputImageTokens) priced.inputImageTokens = usage.inputImageTokens;
  return priced;
}

/** What was billed: the family, model, usage and host of a chat turn or a non-chat endpoint. */
function billed(item: AnalyzedInteraction): { family: string; model: string | null; usage: Usage | null; host?: string } | undefined {
  if (item.llm) return { family: item.llm.provider, model: item.llm.model, usage: item.llm.response.usage, host: item.llm.host };
  if (item.endpoint) return { family: item.endpoint.provider, model: item.endpoint.model, usage: item.endpoint.usage ?? null };
  return undefined;
}

/** The response's own figure in USD (OpenRouter `usage.cost`), read by the chat dialect. */
function providerCost(item: AnalyzedInteraction): number | undefined {
  const cost = (item.llm?.response as { providerCost?: unknown } | undefined)?.providerCost;
  return typeof cost === 'number' && Number.isFinite(cost) ? cost : undefined;
}

/** When the call was made, from the response's Date header: prices change over time. */
function recordedAt(item: AnalyzedInteraction): Date | undefined {
  const date = headerValue(item.interaction.response.headers, 'date');
  const at = date ? new Date(date) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
}

/**
 * The cost of one interaction: the provider's figure, else an estimate from `table` (when given),
 * else null — also when the model or the token counts are unknown.
 */
export function interactionCost(item: AnalyzedInteraction, table?: PriceTable): Cost | null {
  const provided = providerCost(item);
  if (provided !== undefined) return { usd: provided, source: 'provider' };
  if (!table) return null;
  const known = estimates.get(item);
  if (known?.table === table) return known.cost;
  const cost = estimate(item, table);
  estimates.set(item, { table, cost });
  return cost;
}

/** Each call is priced once per table, however many presenters ask (its line, the file's sum, an overview). */
const estimates = new WeakMap<AnalyzedInteraction, { table: PriceTable; cost: Cost | null }>();

function estimate(item: AnalyzedInteraction, table: PriceTable): Cost | null {
  const what = billed(item);
  if (!what?.model || !what.usage || item.interaction.response.status >= 400) return null;
  if (what.usage.inputTokens === 0 && what.usage.outputTokens === 0) return null;
  const usd = table.price({
    model: what.model,
    usage: pricedUsage(what.family, what.usage),
    providerId: PROVIDER_IDS[what.family],
    apiUrl: what.host ? `https://${what.host}/` : undefined,
    at: recordedAt(item),
  });
  return usd === undefined ? null : { usd, source: 'estimate', table: table.name };
}

/** Does any interaction need the table (usage and a model, no provider figure)? Then load it. */
export function needsPriceTable(analyzed: AnalyzedCassette): boolean {
  return analyzed.interactions.some((item) => {
    const what = billed(item);
    return providerCost(item) === undefined && !!what?.model && !!what.usage;
  });
}

/** The sum over a file's interactions; `estimate` when any part is estimated; null when none has a cost. */
export function fileCost(analyzed: AnalyzedCassette, table?: PriceTable): FileCost | null {
  let usd = 0;
  let priced = 0;
  let unpriced = 0;
  let estimated: string | undefined;
  for (const item of analyzed.interactions) {
    const cost = interactionCost(item, table);
    if (cost) {
      usd += cost.usd;
      priced++;
      if (cost.source === 'estimate') estimated = cost.table;
    } else if (billed(item)?.usage && item.interaction.response.status < 400) unpriced++;
  }
  if (priced === 0) return null;
  return estimated ? { usd, source: 'estimate', table: estimated, priced, unpriced } : { usd, source: 'provider', priced, unpriced };
}

/** `$0.000210`, `$1.23`: at least three significant digits, so cheap calls are not `$0.00`. */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  const digits = Math.min(8, Math.max(2, 2 - Math.floor(Math.log10(usd))));
  return `$${usd.toFixed(digits)}`;
}

/** `$0.000210 (estimated, genai-prices 0.1.8)` or `$0.0031 (provider)`. */
export function describeCost(cost: Cost): string {
  return `${formatUsd(cost.usd)} ${cost.source === 'estimate' ? `(estimated, ${cost.table})` : '(provider)'}`;
}
