// What an interaction or a file cost, and where the figure comes from.

/** `provider`: the response carried the figure (OpenRouter `usage.cost`); `estimate`: tokens × a price table. */
export type CostSource = 'provider' | 'estimate';

export interface Cost {
  /** US dollars. */
  usd: number;
  source: CostSource;
  /** For estimates: the price table and its version, e.g. `genai-prices 0.1.8`. */
  table?: string;
}

/** A file's cost: the sum over the interactions that have one. */
export interface FileCost extends Cost {
  /** Interactions with a cost, and those with token usage that could not be priced (unknown model). */
  priced: number;
  unpriced: number;
}

/** Token counts as a price table wants them: input includes the cached tokens (read and written). */
export interface PricedUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  /** Of the input, audio and image tokens (priced at their own rates when the table has them). */
  inputAudioTokens?: number;
  inputImageTokens?: number;
}

/** What a price table answers for one call; undefined when it does not know the model. */
export interface PriceTable {
  /** `genai-prices 0.1.8`. */
  name: string;
  price(request: { model: string; usage: PricedUsage; providerId?: string; apiUrl?: string; at?: Date }): number | undefined;
}
