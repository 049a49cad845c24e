import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchangesOf } from '../helpers/analyze.ts';
import { sample, corpusFile, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';
import { analyzeInteraction } from '../../src/interpret/index.ts';
import type { Interaction } from '../../src/model.ts';

test('streamed tool calls across several chunks are merged by index', async () => {
  const [first, second] = await exchangesOf(sample('openai-chat-tools-stream.yaml'));
  assert.equal(first!.provider, 'openai-chat');
  assert.equal(first!.host, 'api.openai.com');
  assert.equal(first!.model, 'gpt-4o-mini-2024-07-18');
  assert.equal(first!.request.system, 'You are a concise travel assistant.');
  assert.deepEqual(first!.request.tools.map((t) => t.name), ['get_weather', 'get_time']);
  assert.equal(first!.request.stream, true);
  assert.deepEqual(first!.response.toolCalls, [
    { id: 'call_W3aTh3r', name: 'get_weather', arguments: { city: 'Lisbon', unit: 'celsius' } },
    { id: 'call_T1m3', name: 'get_time', arguments: { city: 'Lisbon' } },
  ]);
  assert.equal(first!.response.text, '');
  assert.equal(first!.response.finishReason, 'tool_calls');
  assert.equal(first!.response.events, 11);
  assert.deepEqual(first!.response.usage, { inputTokens: 142, outputTokens: 51, totalTokens: 193 });
  assert.equal(first!.response.incomplete, undefined);

  // The second request carries the tool results.
  const toolMessages = second!.request.messages.filter((m) => m.role === 'tool');
  assert.deepEqual(toolMessages.map((m) => m.content), [
    [{ type: 'tool-result', toolCallId: 'call_W3aTh3r', content: '{"temperature": 21, "conditions": "sunny"}' }],
    [{ type: 'tool-result', toolCallId: 'call_T1m3', content: '14:05' }],
  ]);
  assert.equal(second!.response.text, 'It is sunny and 21 °C in Lisbon, and the local time is 14:05.');
  assert.deepEqual(second!.response.usage, { inputTokens: 221, outputTokens: 17, totalTokens: 238, cacheReadTokens: 128 });
});

test('plain JSON response, image summarized, structured output', async () => {
  const [exchange] = await exchangesOf(sample('openai-chat-json.yaml'));
  assert.deepEqual(exchange!.request.messages[0]!.content, [
    { type: 'text', text: 'Describe this picture as JSON.' },
    { type: 'image', mediaType: 'image/png', bytes: 70 },
  ]);
  assert.equal(exchange!.request.responseFormat?.type, 'json_schema');
  assert.equal(exchange!.request.responseFormat?.name, 'picture');
  assert.equal(exchange!.request.stream, false);
  const response = exchange!.response;
  assert.equal(response.text, '{"subject":"a single pixel","colors":["white"]}');
  assert.equal(response.finishReason, 'stop');
  assert.equal(response.events, 0);
  assert.equal(response.id, 'chatcmpl-J5o6N7');
  assert.deepEqual(response.usage, { inputTokens: 283, outputTokens: 12, totalTokens: 295 });
});

test('reasoning_content deltas and usage on a final empty-choices chunk', async () => {
  const [exchange] = await exchangesOf(sample('openai-chat-reasoning-stream.yaml'));
  assert.equal(exchange!.host, 'api.z.ai');
  assert.equal(exchange!.response.reasoning, '221 = 13 × 17, so it is not prime.');
  assert.equal(exchange!.response.text, 'No. 221 = 13 × 17.');
  assert.deepEqual(exchange!.response.usage, { inputTokens: 9, outputTokens: 40, totalTokens: 49, cacheReadTokens: 2, reasoningTokens: 31 });
});

test('a truncated stream is incomplete, not an error; a 429 is an error', async () => {
  const [truncated, limited] = await exchangesOf(sample('openai-chat-incomplete-and-error.yaml'));
  assert.equal(truncated!.response.text, 'One, two,');
  assert.equal(truncated!.response.incomplete, true);
  assert.equal(truncated!.response.finishReason, null);
  assert.equal(truncated!.response.error, undefined);
  assert.deepEqual(limited!.response.error, {
    type: 'tokens',
    message: 'Rate limit reached for gpt-4o-mini on tokens per min (TPM): Limit 200000, Used 199990, Requested 44.',
  });
});

function chatInteraction(responseBody: string): Interaction {
  return {
    index: 0,
    request: { method: 'POST', url: 'http://localhost:8080/v1/chat/completions', headers: {}, body: '{"model":"m","messages":[]}' },
    response: { status: 200, statusText: '200 OK', headers: { 'Content-Type': ['text/event-stream'] }, body: responseBody },
  };
}

test('Groq x_groq.usage, reasoning field, invalid tool arguments kept raw and flagged', () => {
  const body = [
    '{"choices":[{"index":0,"delta":{"reasoning":"think"}}]}',
    '{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c1","function":{"name":"f","arguments":"{\\"a\\":"}}]}}]}',
    '{"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"x_groq":{"id":"req_1","usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}}',
  ]
    .map((d) => `data: ${d}\n\n`)
    .join('');
  const llm = analyzeInteraction(chatInteraction(body)).llm!;
  assert.equal(llm.response.reasoning, 'think');
  assert.deepEqual(llm.response.toolCalls, [{ id: 'c1', name: 'f', arguments: '{"a":', invalidArguments: true }]);
  assert.deepEqual(llm.response.usage, { inputTokens: 5, outputTokens: 3, totalTokens: 8 });
  assert.equal(llm.response.incomplete, undefined);
});

test('OpenRouter reasoning_details are read only when no reasoning string came', () => {
  const both = 'data: {"choices":[{"index":0,"delta":{"reasoning":"A","reasoning_details":[{"type":"reasoning.text","text":"A"}]}}]}\n\n';
  const detailsOnly = 'data: {"choices":[{"index":0,"delta":{"reasoning_details":[{"type":"reasoning.summary","summary":"S"},{"type":"reasoning.encrypted","data":"xyz"}]}}]}\n\n';
  assert.equal(analyzeInteraction(chatInteraction(both)).llm!.response.reasoning, 'A');
  assert.equal(analyzeInteraction(chatInteraction(detailsOnly)).llm!.response.reasoning, 'S');
});

test('the seed cassette: both tool calls, then the final answer', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const [first, second] = await exchangesOf(corpusFile('seed', 'groq-kimi-k2-multi_tool_streaming.yaml'));
  assert.deepEqual(first!.response.toolCalls, [
    { id: 'functions.add:0', name: 'add', arguments: { a: 2, b: 3 } },
    { id: 'functions.multiply:1', name: 'multiply', arguments: { a: 2, b: 3 } },
  ]);
  assert.equal(first!.response.usage?.inputTokens, 207);
  assert.equal(first!.response.usage?.outputTokens, 55);
  assert.match(second!.response.text, /Addition: 2 \+ 3 = 5/);
  assert.equal(second!.response.finishReason, 'stop');
  assert.equal(second!.response.usage?.inputTokens, 289);
  assert.equal(second!.response.usage?.outputTokens, 29);
});
