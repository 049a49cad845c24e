// Conformance over the shared corpus of real recordings (skipped, with a message, without it):
// every file loads, every 2xx LLM interaction is interpreted with a non-empty final message, and
// the multi-turn oracle holds: what we reassembled from response N is what the recording SDK sent
// back as the assistant turn in request N+1.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCassette, type AnalyzedCassette } from '../src/interpret/index.ts';
import { readCassette } from '../src/read/read-cassette.ts';
import { corpusFiles, CORPUS, SKIP_WITHOUT_CORPUS } from './helpers/paths.ts';
import { checkOracle, type OracleResult } from './helpers/oracle.ts';

const files = corpusFiles();
const loaded: AnalyzedCassette[] = [];
const loadErrors: string[] = [];

test('every corpus cassette loads', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  for (const file of files) {
    try {
      loaded.push(analyzeCassette(await readCassette(file)));
    } catch (error) {
      loadErrors.push(`${file}: ${(error as Error).message}`);
    }
  }
  assert.deepEqual(loadErrors, []);
  assert.ok(files.length >= 690, `expected the ~694 corpus files, found ${files.length}`);
});

const is2xx = (status: number) => status >= 200 && status < 300;
const where = (cassette: AnalyzedCassette, index: number) => `${cassette.cassette.file.slice(CORPUS.length + 1)}#${index}`;

test('every 2xx interaction is interpreted, with a non-empty final message', { skip: SKIP_WITHOUT_CORPUS }, (t) => {
  const uninterpreted: string[] = [];
  const empty: string[] = [];
  const perProvider = new Map<string, number>();
  // The go-vcr folders are fully interpreted; the vcrpy/Ruby VCR folders hold APIs not interpreted yet.
  for (const cassette of loaded.filter((c) => c.cassette.format === 'go-vcr')) {
    for (const item of cassette.interactions) {
      if (!is2xx(item.interaction.response.status)) continue;
      const llm = item.llm;
      if (!llm) {
        uninterpreted.push(`${where(cassette, item.interaction.index)} ${item.interaction.request.url}`);
        continue;
      }
      perProvider.set(llm.provider, (perProvider.get(llm.provider) ?? 0) + 1);
      const r = llm.response;
      if (!r.text && !r.reasoning && r.toolCalls.length === 0) empty.push(where(cassette, item.interaction.index));
    }
  }
  t.diagnostic(`2xx interactions per dialect: ${JSON.stringify(Object.fromEntries(perProvider))}`);
  assert.deepEqual(uninterpreted, []);
  assert.deepEqual(empty, []);
  for (const provider of ['openai-chat', 'openai-responses', 'anthropic', 'gemini', 'bedrock']) {
    assert.ok((perProvider.get(provider) ?? 0) > 0, `no ${provider} interactions found`);
  }
});

for (const [label, goVcr] of [['go-vcr folders', true], ['vcrpy and Ruby VCR folders', false]] as const) {
  // The new folders' mismatches are open work (pydantic-ai rewrites some turns before re-sending
  // them; some are interpretation gaps): reported as a todo with every mismatch, never passed silently.
  const todo = goVcr ? undefined : 'issue 12: oracle mismatches on the vcrpy folders are not all resolved yet';
  test(`multi-turn oracle (${label}): response N equals the assistant turn re-sent in request N+1`, { skip: SKIP_WITHOUT_CORPUS, todo }, (t) => {
    const result: OracleResult = { checked: new Map(), mismatches: [] };
    for (const cassette of loaded.filter((c) => (c.cassette.format === 'go-vcr') === goVcr)) checkOracle(cassette, undefined, result);
    t.diagnostic(`oracle pairs checked per dialect: ${JSON.stringify(Object.fromEntries(result.checked))}, ${result.mismatches.length} mismatches`);
    assert.deepEqual(result.mismatches, []);
    const providers = goVcr ? (['openai-chat', 'openai-responses', 'anthropic', 'gemini', 'bedrock'] as const) : (['openai-chat', 'anthropic', 'gemini'] as const);
    for (const provider of providers) {
      assert.ok((result.checked.get(provider) ?? 0) > 0, `the oracle checked no ${provider} pair`);
    }
  });
}
