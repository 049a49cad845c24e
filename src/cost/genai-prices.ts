// The price table: @pydantic/genai-prices (maintained by Pydantic, MIT; prices by provider, model
// and date, with cache and tiered prices). Loaded only through loadPriceTable(): its data is a
// ~480 kB module that takes ~20 ms to load from its code cache, a third of `show`'s start-up.

import { calcPrice } from '@pydantic/genai-prices';
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
    const attempts = [apiUrl ? { providerApiUrl: apiUrl } : undefined, providerId ? { providerId } : undefined, {}];
    for (const attempt of attempts) {
      if (!attempt) continue;
      try {
        const result = calcPrice(tokens, model, { ...attempt, timestamp });
        if (result) return result.total_price;
      } catch {
        // Counts the table rejects (cache counts above the input) price as unknown.
        return undefined;
      }
    }
    return undefined;
  },
};
