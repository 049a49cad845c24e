import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFile, exchangesOf } from '../helpers/analyze.ts';
import { checkOracle } from '../helpers/oracle.ts';
import { sample } from '../helpers/paths.ts';
import { decodeBody } from '../../src/decode/index.ts';
import { cohere } from '../../src/interpret/cohere.ts';
import type { LlmResponse } from '../../src/interpret/types.ts';
import { analyzeInteraction } from '../../src/interpret/index.ts';
import type { Interaction } from '../../src/model.ts';

const CALL = { id: 'get_weather_1byjy32y4hvq', name: 'get_weather', arguments: { location: 'Toronto' } };
const TOOL_TURN: LlmResponse = {
  id: '29f14a5a-11de-4cae-9800-25e4747408ea',
  text: '',
  reasoning: 'I will look up the weather in Toronto.',
  toolCalls: [CALL],
  finishReason: 'TOOL_CALL',
  // `tokens` (what the model saw), not `billed_units` (37 in / 21 out).
  usage: { inputTokens: 1028, outputTokens: 44 },
  events: 9,
};

test('SSE: tool-plan-delta and tool-call-* build the call; content-* the answer; message-end the usage', async () => {
  const [first, second] = await exchangesOf(sample('cohere-tools-stream.yaml'));
  assert.equal(first!.provider, 'cohere');
  assert.equal(first!.model, 'command-a-03-2025');
  assert.equal(first!.request.system, 'You are a concise weather assistant.');
  assert.equal(first!.request.stream, true);
  assert.deepEqual(first!.request.tools.map((t) => t.name), ['get_weather']);
  assert.deepEqual(first!.response, TOOL_TURN);
  assert.deepEqual(second!.request.messages.slice(1), [
    { role: 'assistant', content: [{ type: 'reasoning', text: 'I will look up the weather in Toronto.' }, { type: 'tool-call', ...CALL }] },
    { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'get_weather_1byjy32y4hvq', content: '{"temperature": "24C", "conditions": "sunny"}' }] },
  ]);
  assert.deepEqual(second!.response, {
    id: '8c7e2b51-3f0a-4d6e-b1c9-7a5d3e2f1b0c',
    text: 'It is 24°C and sunny in Toronto.',
    reasoning: '',
    toolCalls: [],
    finishReason: 'COMPLETE',
    usage: { inputTokens: 1127, outputTokens: 31, cacheReadTokens: 896 },
    events: 9,
  });
});

test('JSON: the same turns as the stream, and a reasoning model\'s thinking', async () => {
  const [call, answer, thinking] = await exchangesOf(sample('cohere-json.yaml'));
  assert.deepEqual(call!.response, { ...TOOL_TURN, id: '0d2b6a1e-5c4f-4e3a-9b8d-7c6e5f4a3b2c', events: 0 });
  assert.equal(answer!.response.text, 'It is 24°C and sunny in Toronto.');
  assert.deepEqual(answer!.response.usage, { inputTokens: 1127, outputTokens: 31, cacheReadTokens: 896 });
  assert.deepEqual(thinking!.response, {
    id: '2f4d8c3a-7e6b-4a5c-9d0f-9e8a7b6c5d4e',
    text: 'No: 221 = 13 × 17.',
    reasoning: '221 = 13 × 17, so it is not prime.',
    toolCalls: [],
    finishReason: 'COMPLETE',
    usage: { inputTokens: 496, outputTokens: 52 },
    events: 0,
  });
});

test('multi-turn oracle: the tool_calls sent back are the ones reassembled (stream and JSON)', async () => {
  for (const file of ['cohere-tools-stream.yaml', 'cohere-json.yaml']) {
    const result = checkOracle(await analyzeFile(sample(file)), 'cohere');
    assert.deepEqual(result.mismatches, []);
    assert.equal(result.checked.get('cohere'), 1, file);
  }
});

test('a stream without message-end is incomplete; error bodies {id, message} are errors', async () => {
  const [cut, invalid, limited] = await exchangesOf(sample('cohere-errors.yaml'));
  assert.deepEqual(cut!.response, {
    id: '3a5e9d4b-8f7c-4b6d-a01e-0f9b8c7d6e5f',
    text: 'Lake Superior, Lake',
    reasoning: '',
    toolCalls: [],
    finishReason: null,
    usage: null,
    events: 3,
    incomplete: true,
  });
  assert.deepEqual(invalid!.response.error, { type: 'http_400', message: 'invalid request: temperature must be between 0 and 1' });
  assert.equal(limited!.response.error?.type, 'http_429');
  assert.match(limited!.response.error!.message, /^You are using a Trial key/);
});

test('matches /v2/chat by path on any host; not v1 chat or other paths', () => {
  const info = (url: string) => ({ method: 'POST', url: new URL(url), body: decodeBody({ 'Content-Type': ['application/json'] }, '{"model":"command-a-03-2025","messages":[]}') });
  assert.equal(cohere.matches(info('https://api.cohere.com/v2/chat')), true);
  assert.equal(cohere.matches(info('https://proxy.internal:8443/cohere/v2/chat')), true);
  assert.equal(cohere.matches(info('https://api.cohere.com/v1/chat')), false);
  assert.equal(cohere.matches(info('https://api.cohere.com/v2/embed')), false);
});

// ---- diagnostics -------------------------------------------------------------------------------

function cohereInteraction(responseBody: string, contentType = 'text/event-stream'): Interaction {
  return {
    index: 0,
    request: { method: 'POST', url: 'https://api.cohere.com/v2/chat', headers: { 'Content-Type': ['application/json'] }, body: '{"model":"command-a-03-2025","stream":true,"messages":[{"role":"user","content":"hi"}]}' },
    response: { status: 200, statusText: '200 OK', headers: { 'Content-Type': [contentType] }, body: responseBody },
  };
}
const sseOf = (events: (Record<string, unknown> | string)[]) =>
  events.map((e) => (typeof e === 'string' ? `event: content-delta\ndata: ${e}\n\n` : `event: ${String(e.type)}\ndata: ${JSON.stringify(e)}\n\n`)).join('');

test('diagnostics: unknown events counted, unparsed data, deltas before their start, index collisions, calls without id or with bad arguments', () => {
  const call = (id: string | undefined, args: string) => ({ tool_calls: { ...(id ? { id } : {}), type: 'function', function: { name: 'lookup', arguments: args } } });
  const analyzed = analyzeInteraction(
    cohereInteraction(
      sseOf([
        { type: 'message-start', id: 'm1', delta: { message: { role: 'assistant' } } },
        { type: 'content-delta', index: 0, delta: { message: { content: { text: 'Early' } } } },
        { type: 'content-end', index: 0 },
        { type: 'mystery-delta', delta: {} },
        '{"type": "content-delta", "delta": {',
        { type: 'mystery-delta', delta: {} },
        { type: 'content-start', index: 1, delta: { message: { content: { type: 'image', image: {} } } } },
        { type: 'tool-call-delta', index: 0, delta: { message: call(undefined, '{"q":') } },
        { type: 'tool-call-start', index: 1, delta: { message: call('call_a', '{"q": 1}') } },
        { type: 'tool-call-start', index: 1, delta: { message: call('call_b', '') } },
        { type: 'citation-start', index: 0, delta: { message: { citations: { start: 0, end: 5, text: 'Early', sources: [{ type: 'document', id: 'doc_0', document: { id: 'doc_0', title: 'Docs', url: 'https://docs.example.com/a' } }, { type: 'tool', id: 'call_a', tool_output: {} }] } } } },
        { type: 'citation-end', index: 0 },
        { type: 'debug', prompt: '…' },
        { type: 'message-end', delta: { finish_reason: 'COMPLETE' } },
      ]),
    ),
  );
  const response = analyzed.llm!.response;
  assert.equal(response.text, 'Early');
  assert.deepEqual(response.citations, [{ url: 'https://docs.example.com/a', title: 'Docs' }]);
  assert.deepEqual(response.toolCalls, [
    { id: null, name: 'lookup', arguments: '{"q":', invalidArguments: true },
    { id: 'call_b', name: 'lookup', arguments: { q: 1 } },
  ]);
  assert.deepEqual(analyzed.diagnostics, [
    { code: 'delta-before-start', message: 'Cohere content-delta for content 0, which had no content-start', event: 1 },
    { code: 'unknown-event', message: 'Cohere event type "mystery-delta" not interpreted (2 times)', event: 3 },
    { code: 'unparsed-event', message: 'Cohere event 4 (content-delta): data (36 characters) is not JSON', event: 4 },
    { code: 'unknown-event', message: 'Cohere content type "image" not interpreted', event: 6 },
    { code: 'delta-before-start', message: 'Cohere tool-call-delta for tool call 0, which had no tool-call-start', event: 7 },
    { code: 'tool-call-index-collision', message: 'Cohere tool calls call_a and call_b both started on index 1', event: 9 },
    { code: 'tool-call-without-id', message: 'Cohere tool call lookup has no id' },
    { code: 'invalid-tool-arguments', message: 'Cohere tool call lookup: arguments are not valid JSON' },
  ]);
});

test('diagnostics: a stream without message-end; none for the samples that are whole; JSON without event indexes', async () => {
  const [cut] = (await analyzeFile(sample('cohere-errors.yaml'))).interactions;
  assert.deepEqual(cut!.diagnostics, [{ code: 'stream-unterminated', message: 'Cohere stream ended without message-end' }]);
  for (const file of ['cohere-tools-stream.yaml', 'cohere-json.yaml']) {
    assert.deepEqual((await analyzeFile(sample(file))).interactions.map((i) => i.diagnostics), [[], [], ...(file === 'cohere-json.yaml' ? [[]] : [])], file);
  }
  const json = analyzeInteraction(
    cohereInteraction(JSON.stringify({ id: 'j1', finish_reason: 'COMPLETE', message: { role: 'assistant', content: [{ type: 'text', text: 'Hi' }, { type: 'audio' }], citations: [{ sources: [{ type: 'document', document: { url: 'https://example.com/x' } }] }] } }), 'application/json'),
  );
  assert.equal(json.llm!.response.text, 'Hi');
  assert.deepEqual(json.llm!.response.citations, [{ url: 'https://example.com/x' }]);
  assert.deepEqual(json.diagnostics, [{ code: 'unknown-event', message: 'Cohere content type "audio" not interpreted' }]);
});
