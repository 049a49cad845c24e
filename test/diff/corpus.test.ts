// Real re-recordings from the shared corpus: the directories against each other, and the seed
// cassette against its re-recording.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { FileDiffJson } from '../../src/diff/types.ts';
import { runCli } from '../helpers/cli.ts';
import { SKIP_WITHOUT_CORPUS, corpusFile } from '../helpers/paths.ts';

test('fantasy-2025-11 against fantasy: every pair compared in seconds, one-sided files listed', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const [older, newer] = [corpusFile('fantasy-2025-11'), corpusFile('fantasy')];
  const started = performance.now();
  const result = await runCli(['diff', '--json', older, newer]);
  const seconds = (performance.now() - started) / 1000;
  assert.equal(result.stderr, '');
  assert.equal(result.code, 1);
  assert.ok(seconds < 10, `took ${seconds.toFixed(1)} s`);
  const files = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as FileDiffJson);
  const count = (status: string) => files.filter((f) => f.status === status).length;
  assert.equal(count('error'), 0);
  assert.equal(count('same') + count('different'), 226);
  assert.equal(count('only-old'), 117);
  assert.equal(count('only-new'), 124);
  assert.ok(files.some((f) => f.status === 'only-new' && f.name === 'TestAnthropicComputerUse/claude-sonnet-4/computer_use.yaml'));
  // Byte-identical pairs are identical in meaning; others (new ids only, say) are too.
  let byteIdentical = 0;
  for (const file of files) {
    if ((file.status !== 'same' && file.status !== 'different') || !file.old || !file.new) continue;
    if (readFileSync(file.old).equals(readFileSync(file.new))) {
      byteIdentical++;
      assert.equal(file.status, 'same', file.name ?? '');
    }
  }
  assert.equal(byteIdentical, 6);
  assert.ok(count('same') > byteIdentical, `${count('same')} identical in meaning`);

  const text = await runCli(['diff', older, newer]);
  assert.equal(text.code, 1);
  assert.match(text.stdout, /: 226 pairs: \d+ identical in meaning, \d+ different · 117 only in .*fantasy-2025-11 · 124 only in .*fantasy\n$/);
});

test('the seed against its re-recording: the changed wording of the first answer, no chunk ids', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const seed = corpusFile('seed', 'groq-kimi-k2-multi_tool_streaming.yaml');
  const rerecorded = corpusFile('fantasy', 'TestOpenAICompatibleCommon', 'groq-kimi-k2', 'multi_tool_streaming.yaml');
  const result = await runCli(['diff', seed, rerecorded]);
  assert.equal(result.code, 1);
  const lines = result.stdout.split('\n');
  assert.deepEqual(lines.slice(1, 5), [
    '#0 POST /openai/v1/chat/completions · changed',
    '  response.text:',
    "    [-I'll help you add and multiply the numbers 2 and 3.-]",
    "    {+I'll perform both addition and multiplication on the numbers 2 and 3 for you.+}",
  ]);
  assert.ok(!/chatcmpl|req_01|fp_|created/.test(result.stdout), 'no ids or timestamps');
  assert.ok(!result.stdout.includes('toolCalls'), 'the tool calls are the same');
});
