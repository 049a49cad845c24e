// Cost: the provider's figure when the response carries one, else tokens × the genai-prices table
// (an estimate, marked with the table's version), else nothing. Prices asserted here are the
// table's published ones (gpt-4o-mini $0.15 / $0.075 cached / $0.60 per million; Claude Haiku 4.5
// $1 / $1.25 cache write / $5; text-embedding-3-small $0.02).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { describeCost, fileCost, formatUsd, interactionCost, loadPriceTable, needsPriceTable, pricedUsage } from '../../src/cost/index.ts';
import { GENAI_PRICES_VERSION } from '../../src/cost/genai-prices.ts';
import { analyzeFile } from '../helpers/analyze.ts';
import { ROOT, sample } from '../helpers/paths.ts';

const close = (actual: number | undefined, expected: number) => assert.ok(actual !== undefined && Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

test('the table version named in estimates is the installed one', () => {
  const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules/@pydantic/genai-prices/package.json'), 'utf8')).version;
  assert.equal(GENAI_PRICES_VERSION, installed);
});

test('usage in the table terms: Anthropic-style input gets the cache counts added, Gemini thoughts are output', () => {
  const usage = { inputTokens: 96, outputTokens: 61, cacheReadTokens: 10, cacheWriteTokens: 1210, reasoningTokens: 7 };
  assert.deepEqual(pricedUsage('anthropic', usage), { inputTokens: 1316, outputTokens: 61, cacheReadTokens: 10, cacheWriteTokens: 1210 });
  assert.deepEqual(pricedUsage('openai-chat', usage), { inputTokens: 96, outputTokens: 61, cacheReadTokens: 10, cacheWriteTokens: 1210 });
  assert.deepEqual(pricedUsage('gemini', usage), { inputTokens: 96, outputTokens: 68, cacheReadTokens: 10, cacheWriteTokens: 1210 });
});

test('estimates from token usage: OpenAI with cached input, Anthropic with a cache write', async () => {
  const table = await loadPriceTable();
  assert.equal(table.name, `genai-prices ${GENAI_PRICES_VERSION}`);
  const openai = await analyzeFile(sample('openai-chat-tools-stream.yaml'));
  const [first, second] = openai.interactions.map((item) => interactionCost(item, table));
  close(first?.usd, 142 * 0.15e-6 + 51 * 0.6e-6);
  close(second?.usd, 93 * 0.15e-6 + 128 * 0.075e-6 + 17 * 0.6e-6);
  assert.equal(first?.source, 'estimate');
  assert.equal(first?.table, table.name);
  const total = fileCost(openai, table)!;
  close(total.usd, 85.65e-6);
  assert.deepEqual({ ...total, usd: 0 }, { usd: 0, source: 'estimate', table: table.name, priced: 2, unpriced: 0 });
  assert.equal(describeCost(total), `$0.0000856 (estimated, ${table.name})`);

  const anthropic = await analyzeFile(sample('anthropic-json.yaml'));
  const costs = anthropic.interactions.map((item) => interactionCost(item, table)?.usd);
  close(costs[0], 96 * 1e-6 + 1210 * 1.25e-6 + 61 * 5e-6);
  close(costs[1], 188 * 1e-6 + 12 * 5e-6);
});

test("the provider's own figure wins (OpenRouter usage.cost) and needs no table", async () => {
  const servers = await analyzeFile(sample('openai-chat-servers.yaml'));
  assert.deepEqual(interactionCost(servers.interactions[3]!), { usd: 0.0204698, source: 'provider' });
  assert.deepEqual(interactionCost(servers.interactions[4]!), { usd: 0.0000093, source: 'provider' });
  assert.equal(interactionCost(servers.interactions[0]!), null); // no table given: no estimate
  const provided = fileCost(servers)!;
  close(provided.usd, 0.0204791);
  assert.deepEqual({ ...provided, usd: 0 }, { usd: 0, source: 'provider', priced: 2, unpriced: 3 });
});

test('non-chat endpoints with usage are priced; unknown models and calls without usage are not', async () => {
  const table = await loadPriceTable();
  const endpoints = await analyzeFile(sample('openai-endpoints.yaml'));
  close(interactionCost(endpoints.interactions[0]!, table)?.usd, 31 * 0.02e-6);
  // gpt-4o-transcribe: 98 audio tokens in at $6, 9 text tokens out at $10 per million.
  close(interactionCost(endpoints.interactions[11]!, table)?.usd, 98 * 6e-6 + 9 * 10e-6);
  // gpt-image-1: 11 text tokens in at $5, 272 image tokens out at $40 per million.
  close(interactionCost(endpoints.interactions[2]!, table)?.usd, 11 * 5e-6 + 272 * 40e-6);
  assert.equal(interactionCost(endpoints.interactions[5]!, table), null); // a file list
  assert.equal(interactionCost(endpoints.interactions[17]!, table), null); // an error
  const ollama = await analyzeFile(sample('ollama-chat-stream.yaml'));
  assert.equal(needsPriceTable(ollama), true);
  assert.deepEqual(ollama.interactions.map((item) => interactionCost(item, table)), ollama.interactions.map(() => null)); // local models have no price
  const files = await analyzeFile(sample('anthropic-endpoints.yaml'));
  assert.equal(needsPriceTable(files), false); // counts and lists: nothing to price, the table is not loaded
});

test('dollar amounts keep three significant digits', () => {
  assert.deepEqual([0, 0.0000093, 0.00021, 0.0045, 0.0204698, 0.5, 1.234, 12].map(formatUsd), ['$0', '$0.00000930', '$0.000210', '$0.00450', '$0.0205', '$0.500', '$1.23', '$12.00']);
});
