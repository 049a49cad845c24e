// Conformance of the OpenAI dialects over every folder of the shared corpus: every event of every
// openai-* interaction is accounted for (no unknown-event diagnostic), and the diagnostics they do
// report are exactly these, each checked by hand against its recording.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFile } from '../helpers/analyze.ts';
import { CORPUS, corpusFiles, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';
import type { AnalyzedInteraction } from '../../src/interpret/index.ts';

const OPENAI = new Set(['openai-chat', 'openai-responses', 'openai-completions', 'openai-assistants']);

interface Found {
  where: string;
  item: AnalyzedInteraction;
}

async function openaiInteractions(): Promise<Found[]> {
  const found: Found[] = [];
  for (const file of corpusFiles()) {
    for (const item of (await analyzeFile(file)).interactions) {
      if (item.llm && OPENAI.has(item.llm.provider)) found.push({ where: `${file.slice(CORPUS.length + 1)}#${item.interaction.index}`, item });
    }
  }
  return found;
}
const corpus = SKIP_WITHOUT_CORPUS ? [] : await openaiInteractions();

test('corpus: no event, chunk, item or part of an OpenAI dialect goes unaccounted', { skip: SKIP_WITHOUT_CORPUS }, () => {
  const unknown = corpus.flatMap(({ where, item }) => item.diagnostics.filter((d) => d.code === 'unknown-event').map((d) => `${where}: ${d.message}`));
  assert.deepEqual(unknown, []);
});

test('corpus: the diagnostics the OpenAI dialects report, exactly', { skip: SKIP_WITHOUT_CORPUS }, () => {
  const reported = corpus.flatMap(({ where, item }) => item.diagnostics.map((d) => `${where}: ${d.code} ${d.message}`));
  assert.deepEqual(reported, [
    // An OpenAI-compatible server that sends tool calls without ids (pydantic-ai's test of exactly that).
    'pydantic-ai/models/cassettes/test_openai/test_compatible_api_with_tool_calls_without_id.yaml#0: tool-call-without-id tool call get_current_time has no id',
    // pydantic-ai's tests of a server answering /chat/completions with something else.
    'pydantic-ai/models/cassettes/test_openai/test_invalid_response.yaml#0: unexpected-body expected a chat completion (`choices`), got JSON without it',
    'pydantic-ai/models/cassettes/test_openai/test_text_response.yaml#0: unexpected-body expected a chat completion (`choices`), got a text body',
  ]);
});

test('corpus: how many interactions each OpenAI dialect reads (the sweeps above are not vacuous)', { skip: SKIP_WITHOUT_CORPUS }, () => {
  const counts: Record<string, number> = {};
  for (const { item } of corpus) counts[item.llm!.provider] = (counts[item.llm!.provider] ?? 0) + 1;
  const streamed: Record<string, number> = {};
  for (const { item } of corpus) if (item.responseBody.kind === 'sse') streamed[item.llm!.provider] = (streamed[item.llm!.provider] ?? 0) + 1;
  assert.deepEqual(
    { counts, streamed },
    {
      counts: { 'openai-chat': 840, 'openai-responses': 296, 'openai-completions': 1, 'openai-assistants': 4 },
      streamed: { 'openai-chat': 339, 'openai-responses': 98, 'openai-assistants': 2 },
    },
  );
});
