import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareCassettes } from '../../src/diff/compare.ts';
import { pairInteractions } from '../../src/diff/pair.ts';
import { analyzeCassette, type AnalyzedCassette } from '../../src/interpret/index.ts';
import type { Cassette, Interaction } from '../../src/model.ts';
import { analyzeFile } from '../helpers/analyze.ts';
import { sample } from '../helpers/paths.ts';

const ORIGINAL = sample('diff-forecast-stream.yaml');
const RERECORDED = sample('diff-forecast-stream-rerecorded.yaml');
const CHANGED = sample('diff-forecast-stream-changed.yaml');

function subset(analyzed: AnalyzedCassette, indexes: number[]): AnalyzedCassette {
  return { ...analyzed, interactions: indexes.map((i) => analyzed.interactions[i]!) };
}

function plainInteraction(index: number, url: string, requestBody: string, responseBody: string, headers: Record<string, string[]> = {}): Interaction {
  return {
    index,
    request: { method: 'POST', url, headers: { 'Content-Type': ['application/json'] }, body: requestBody },
    response: { status: 200, statusText: '200 OK', headers: { 'Content-Type': ['application/json'], ...headers }, body: responseBody },
  };
}

function cassetteOf(interactions: Interaction[]): AnalyzedCassette {
  const cassette: Cassette = { file: 'inline.yaml', format: 'go-vcr', formatVersion: 2, interactions };
  return analyzeCassette(cassette);
}

test('a cassette against itself is the same, with every interaction paired by index', async () => {
  const a = await analyzeFile(ORIGINAL);
  const diff = compareCassettes(a, a);
  assert.equal(diff.status, 'same');
  assert.deepEqual(diff.counts, { same: 2, changed: 0, added: 0, removed: 0 });
  assert.deepEqual(diff.tokens, { old: { input: 247, output: 57 }, new: { input: 247, output: 57 } });
});

test('a re-recording with new ids, timestamps, durations, headers and re-cut chunks means the same', async () => {
  const diff = compareCassettes(await analyzeFile(ORIGINAL), await analyzeFile(RERECORDED));
  assert.equal(diff.status, 'same');
  assert.deepEqual(diff.interactions.map((i) => i.changes), [[], []]);
});

test('--strict shows the noise: ids, call ids, durations, volatile headers, event counts', async () => {
  const diff = compareCassettes(await analyzeFile(ORIGINAL), await analyzeFile(RERECORDED), { strict: true });
  const paths = diff.interactions[0]!.changes.map((c) => c.path);
  assert.deepEqual(paths, [
    'response.durationMs',
    'response.headers.cf-ray',
    'response.headers.date',
    'response.headers.openai-processing-ms',
    'response.headers.x-ratelimit-remaining-tokens',
    'response.headers.x-request-id',
    'response.id',
    'response.toolCalls[0].id',
    'response.events',
  ]);
  assert.deepEqual(diff.interactions[1]!.changes.slice(0, 2).map((c) => c.path), ['request.messages[1].content[1].id', 'request.messages[2].content[0].toolCallId']);
});

test('a changed tool argument is reported at its path, with the tool name and both values', async () => {
  const diff = compareCassettes(await analyzeFile(ORIGINAL), await analyzeFile(CHANGED));
  assert.equal(diff.status, 'different');
  assert.deepEqual(diff.interactions[0]!.changes, [
    { path: 'response.toolCalls[0].arguments.unit', kind: 'changed', old: 'celsius', new: 'fahrenheit', tool: 'get_forecast' },
    { path: 'response.usage.outputTokens', kind: 'changed', old: 24, new: 25 },
    { path: 'response.usage.totalTokens', kind: 'changed', old: 120, new: 121 },
  ]);
  const second = diff.interactions[1]!.changes;
  assert.deepEqual(second.map((c) => c.path), [
    'request.messages[1].content[1].arguments.unit',
    'request.messages[2].content[0].content.high',
    'request.messages[2].content[0].content.low',
    'response.text',
    'response.usage.outputTokens',
    'response.usage.totalTokens',
  ]);
  // The tool result carries only a call id; it is named after its call.
  assert.equal(second[1]!.tool, 'get_forecast');
  assert.equal(second[3]!.new, 'Pack a warm coat and waterproof boots: Oslo expects light snow showers tomorrow, with a high of 39 °F and a low of 28 °F.');
});

test('--ignore, --only and -i narrow what is compared', async () => {
  const [a, b] = [await analyzeFile(ORIGINAL), await analyzeFile(CHANGED)];
  const noUsage = compareCassettes(a, b, { ignore: ['usage'] });
  assert.deepEqual(noUsage.interactions[0]!.changes.map((c) => c.path), ['response.toolCalls[0].arguments.unit']);
  const requests = compareCassettes(a, b, { only: 'request' });
  assert.deepEqual(requests.counts, { same: 1, changed: 1, added: 0, removed: 0 });
  assert.ok(requests.interactions[1]!.changes.every((c) => c.path.startsWith('request.')));
  const justFirst = compareCassettes(a, b, { interactions: new Set([0]), only: 'response', ignore: ['response.toolCalls'] });
  assert.equal(justFirst.interactions.length, 1);
  assert.deepEqual(justFirst.interactions[0]!.changes.map((c) => c.path), ['response.usage.outputTokens', 'response.usage.totalTokens']);
});

test('different counts: aligned by request, the missing interaction reported as removed or added', async () => {
  const full = await analyzeFile(ORIGINAL);
  const second = subset(full, [1]);
  const diff = compareCassettes(full, second);
  assert.deepEqual(diff.interactions.map((i) => [i.old, i.new, i.status]), [[0, null, 'removed'], [1, 0, 'same']]);
  assert.equal(diff.interactions[0]!.prompt, 'What should I pack for Oslo tomorrow?');
  const reversed = compareCassettes(second, full);
  assert.deepEqual(reversed.interactions.map((i) => [i.old, i.new, i.status]), [[null, 0, 'added'], [0, 1, 'same']]);
});

test('pairing falls back to method + URL within a gap, then leaves the rest unmatched', () => {
  const body = (text: string) => JSON.stringify({ model: 'm', messages: [{ role: 'user', content: text }] });
  const answer = JSON.stringify({ choices: [{ message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }] });
  const chat = 'https://api.openai.com/v1/chat/completions';
  const a = cassetteOf([plainInteraction(0, chat, body('one'), answer), plainInteraction(1, chat, body('two'), answer)]);
  const b = cassetteOf([
    plainInteraction(0, chat, body('one'), answer),
    plainInteraction(1, chat, body('two, reworded'), answer),
    plainInteraction(2, 'https://api.openai.com/v1/embeddings', '{"input":"x"}', '{"data":[]}'),
  ]);
  assert.deepEqual(pairInteractions(a.interactions, b.interactions), [
    { old: 0, new: 0 },
    { old: 1, new: 1 },
    { old: null, new: 2 },
  ]);
  const diff = compareCassettes(a, b);
  assert.deepEqual(diff.interactions[1]!.changes.map((c) => [c.path, c.new]), [['request.messages[0].content[0].text', 'two, reworded']]);
  assert.equal(diff.interactions[2]!.status, 'added');
});

test('interactions that are not LLM calls compare status and JSON bodies, without volatile keys', () => {
  const url = 'https://example.com/v1/embeddings?key=SECRET1';
  const a = cassetteOf([plainInteraction(0, url, '{"input":"hi","model":"e"}', '{"id":"emb_01HZX8K2M4N6P8Q0R2S4T6V8","object":"list","data":[{"index":0,"vector":[1,2]}]}', { Date: ['Mon'] })]);
  const same = cassetteOf([plainInteraction(0, url.replace('SECRET1', 'SECRET2'), '{"model":"e","input":"hi"}', '{"object":"list","data":[{"vector":[1,2],"index":0}],"id":"emb_99ABCDEFGH1234567890XYZW"}', { Date: ['Tue'] })]);
  assert.equal(a.interactions[0]!.llm, null);
  assert.equal(compareCassettes(a, same).status, 'same');
  const other = cassetteOf([plainInteraction(0, url, '{"input":"hi","model":"e"}', '{"object":"list","data":[{"index":0,"vector":[1,3]}]}')]);
  other.interactions[0]!.interaction.response.status = 429;
  assert.deepEqual(compareCassettes(a, other).interactions[0]!.changes.map((c) => [c.path, c.old, c.new]), [
    ['response.status', 200, 429],
    ['response.body.data[0].vector[1]', 2, 3],
  ]);
});
