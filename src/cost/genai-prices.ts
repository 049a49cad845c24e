// The price table: @pydantic/genai-prices (maintained by Pydantic, MIT; prices by provider, model
// and date, with cache and tiered prices). Loaded only through loadPriceTable(): its data is a
// ~480 kB module that takes ~20 ms to load from its code cache, a third of `show`'s start-up.

import { calcPrice, findProvider } from '@pydantic/genai-prices';
import type { PriceTable } from './types.ts';

/** The installed version; test/cost/prices.test.ts checks it against node_modules. */
export const GENAI_PRICES_VERSION = '0.1.8';

export const genaiPrices: PriceTable = {
  name: `genai-prices ${GENAI_PRICES_VERSION}`,
  price({ model, usage, providerId, apiUrl, at }) {
    const tokens: Record<string, number> = { input_tokens: usage.inputTokens, output_tokens: usage.outputTokens };
    if (usage.cacheReadTokens) tokens.cache_read_tokens = usage.cacheReadTokens;
    if (usage.cacheWriteTokens) tokens.cache_write_tokens = usage.cacheWriteTokens;
    if (usage.inputAudioTokens) tokens.input_audio_tokens = usage.inputAudioTokens;
    if (usage.inputImageTokens) tokens.input_image_tokens = usage.inputImageTokens;
    const timestamp = at ?? new Date();
    // The API host names who billed the call (Groq, OpenRouter, Bedrock); then the dialect's
    // provider; then the model name alone.
    const attempts = [apiUrl ? providerOf(`url ${apiUrl}`, { providerApiUrl: apiUrl }) : undefined, providerId, providerOf(`model ${model}`, { modelId: model.toLowerCase().trim() })];
    for (const attempt of attempts) {
      if (!attempt) continue;
      try {
        const result = calcPrice(tokens, model, { providerId: attempt, timestamp });
        if (result) return result.total_price;
      } catch {
        // Counts the table rejects (cache counts above the input) price as unknown.
        return undefined;
      }
    }
    return undefined;
  },
};

/**
 * The id of the provider an API host or a model name resolves to, looked up once: the package
 * compiles a RegExp per provider on every lookup by URL (~50 µs a call). calcPrice by the found
 * provider's id prices exactly as calcPrice by that URL or model name does.
 */
const providerIds = new Map<string, string | null>();
function providerOf(key: string, lookup: { providerApiUrl?: string; modelId?: string }): string | undefined {
  let id = providerIds.get(key);
  if (id === undefined) {
    id = findProvider(lookup)?.id ?? null;
    providerIds.set(key, id);
  }
  return id ?? undefined;
}
