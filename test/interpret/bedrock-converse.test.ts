import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFile, exchangesOf } from '../helpers/analyze.ts';
import { checkOracle } from '../helpers/oracle.ts';
import { sample } from '../helpers/paths.ts';
import { decodeBody } from '../../src/decode/index.ts';
import { decodeEventStream, eventStreamCodec } from '../../src/decode/event-stream.ts';
import { bedrockConverse } from '../../src/interpret/bedrock-converse.ts';
import { bedrock } from '../../src/interpret/bedrock.ts';
import type { HttpResponse } from '../../src/model.ts';

const CLAUDE = 'us.anthropic.claude-sonnet-4-20250514-v1:0';
const SIGNATURE = 'EqQBCkYIBhgCIkBf4aKq9sFakeSignatureForSamples0nlyR2xX8vT1mN3bY6cZ0dW5eQ7uJ9iH4gK==';

test('converse-stream: reasoning with its signature, text, a tool call streamed in pieces; then the answer; count-tokens', async () => {
  const analyzed = await analyzeFile(sample('bedrock-converse-stream.yaml'));
  const body = analyzed.interactions[0]!.responseBody;
  assert.equal(body.kind === 'event-stream' && body.frames.length, 15);
  assert.equal(body.kind === 'event-stream' && body.frames[0]!.headers[':event-type'], 'messageStart');
  const [first, second, count] = analyzed.interactions.map((i) => i.llm);
  assert.equal(first!.provider, 'bedrock-converse');
  assert.equal(first!.model, CLAUDE);
  assert.equal(first!.request.stream, true);
  assert.equal(first!.request.system, 'You are a concise weather assistant.');
  assert.deepEqual(first!.request.tools.map((t) => t.name), ['get_weather']);
  assert.deepEqual(first!.response, {
    text: "I'll check the current weather in Oslo.",
    reasoning: 'The user wants the current weather in Oslo. I should call get_weather with city Oslo.',
    toolCalls: [{ id: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', name: 'get_weather', arguments: { city: 'Oslo', unit: 'celsius' } }],
    finishReason: 'tool_use',
    usage: { inputTokens: 512, outputTokens: 96, totalTokens: 608 },
    events: 15,
  });
  // Request 2 carries the turn back: reasoningContent (with signature), text, toolUse; then a toolResult.
  const [, assistant, tool] = second!.request.messages;
  assert.deepEqual(assistant, {
    role: 'assistant',
    content: [
      { type: 'reasoning', text: 'The user wants the current weather in Oslo. I should call get_weather with city Oslo.', signature: SIGNATURE },
      { type: 'text', text: "I'll check the current weather in Oslo." },
      { type: 'tool-call', id: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', name: 'get_weather', arguments: { city: 'Oslo', unit: 'celsius' } },
    ],
  });
  assert.deepEqual(tool, {
    role: 'tool',
    content: [{ type: 'tool-result', toolCallId: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', name: 'get_weather', content: '{"temperature":4,"conditions":"overcast"}' }],
  });
  // The system's cachePoint is not text.
  assert.equal(second!.request.system, 'You are a concise weather assistant.');
  assert.deepEqual(second!.response, {
    text: "It's 4 °C and overcast in Oslo right now.",
    reasoning: '',
    toolCalls: [],
    finishReason: 'end_turn',
    usage: { inputTokens: 87, outputTokens: 41, totalTokens: 576, cacheReadTokens: 448, cacheWriteTokens: 0 },
    events: 6,
  });
  // count-tokens is not a turn: named by endpoints/bedrock.ts (test/interpret/endpoints.test.ts).
  assert.equal(count, null);
  assert.deepEqual(analyzed.interactions[2]!.endpoint, {
    provider: 'bedrock',
    kind: 'count-tokens',
    action: 'count',
    model: CLAUDE,
    summary: `${CLAUDE} · 23 input tokens · of a Converse request`,
    count: 23,
  });
});

test('converse JSON: a tool call and its answer (Nova), reasoning with a redacted block (Claude)', async () => {
  const [call, answer, reasoning] = await exchangesOf(sample('bedrock-converse-json.yaml'));
  assert.equal(call!.model, 'us.amazon.nova-pro-v1:0');
  assert.equal(call!.request.stream, false);
  assert.deepEqual(call!.response, {
    text: "I'll convert 5 miles to kilometers.",
    reasoning: '',
    toolCalls: [{ id: 'tooluse_3Hq9Wb2ZTkOa1mVx7Lc0pA', name: 'convert_units', arguments: { value: 5, from: 'mi', to: 'km' } }],
    finishReason: 'tool_use',
    usage: { inputTokens: 421, outputTokens: 58, totalTokens: 479 },
    events: 0,
  });
  assert.equal(answer!.response.text, '5 miles is about 8.05 kilometers.');
  assert.deepEqual(answer!.response.usage, { inputTokens: 503, outputTokens: 14, totalTokens: 517 });
  assert.equal(reasoning!.response.reasoning, 'sqrt(1009) < 32. Try primes up to 31: none divide 1009.\n\n[redacted reasoning]');
  assert.equal(reasoning!.response.text, 'Yes, 1009 is prime.');
  assert.equal(reasoning!.response.finishReason, 'end_turn');
});

test('multi-turn oracle: what each response reassembled is the toolUse turn sent back', async () => {
  for (const [file, pairs] of [['bedrock-converse-stream.yaml', 1], ['bedrock-converse-json.yaml', 1]] as const) {
    const result = checkOracle(await analyzeFile(sample(file)), 'bedrock-converse');
    assert.deepEqual(result.mismatches, []);
    assert.equal(result.checked.get('bedrock-converse'), pairs, file);
  }
});

test('a stream cut short is incomplete; an exception frame and x-amzn-ErrorType are errors', async () => {
  const [cut, throttled, invalid] = await exchangesOf(sample('bedrock-converse-errors.yaml'));
  assert.deepEqual(cut!.response, { text: 'Steep walls of granite,\nwater', reasoning: '', toolCalls: [], finishReason: null, usage: null, events: 3, incomplete: true });
  assert.deepEqual(throttled!.response.error, { type: 'throttlingException', message: 'Too many tokens, please wait before trying again.' });
  assert.equal(throttled!.response.text, 'Slow');
  assert.equal(throttled!.response.incomplete, undefined);
  assert.deepEqual(invalid!.response.error, {
    type: 'ValidationException',
    message: 'A conversation must start with a user message. Try again with a conversation that starts with a user message.',
  });
});

test('a corrupted frame ends the stream with an event_stream_error, earlier frames kept', async () => {
  const analyzed = await analyzeFile(sample('bedrock-converse-stream.yaml'));
  const item = analyzed.interactions[1]!;
  const body = item.interaction.response.body;
  const bytes = new Uint8Array(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  const firstLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
  const broken = bytes.slice();
  broken[firstLength + 20]! ^= 0x41; // inside the second frame's headers
  const response = bedrockConverse.readResponse(decodeEventStream(broken), item.interaction.response, item.llm!.request);
  assert.equal(response.error?.type, 'event_stream_error');
  assert.equal(response.events, 2); // messageStart, then the error
  // Re-encoding a frame's own headers and payload gives back the recorded bytes.
  const decoded = eventStreamCodec.decode(bytes.subarray(0, firstLength));
  assert.deepEqual(eventStreamCodec.encode(decoded), bytes.subarray(0, firstLength));
});

test('matches /converse and /converse-stream by path, never by host (count-tokens is an endpoint); invoke stays with bedrock', () => {
  const info = (url: string, body: unknown = {}) => ({
    method: 'POST',
    url: new URL(url),
    body: decodeBody({ 'Content-Type': ['application/json'] }, JSON.stringify(body)),
  });
  assert.equal(bedrockConverse.matches(info('https://gateway.example.com/bedrock/model/amazon.nova-lite-v1%3A0/converse')), true);
  assert.equal(bedrockConverse.matches(info('http://localhost:4566/model/meta.llama3-8b-instruct-v1%3A0/converse-stream')), true);
  assert.equal(bedrockConverse.matches(info('https://bedrock-runtime.eu-west-1.amazonaws.com/model/x/count-tokens')), false);
  assert.equal(bedrockConverse.matches(info('https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke')), false);
  assert.equal(bedrockConverse.matches(info('https://bedrock-runtime.us-east-1.amazonaws.com/v1/converse')), false);
  assert.equal(bedrock.matches(info('https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse')), false);
});

test('a 5xx without a typed body still becomes an error', () => {
  const response: HttpResponse = { status: 503, statusText: '503 Service Unavailable', headers: { 'Content-Type': ['text/plain'] }, body: 'upstream unavailable' };
  const request = { model: 'm', system: null, messages: [], tools: [], stream: false };
  const result = bedrockConverse.readResponse(decodeBody(response.headers, response.body), response, request);
  assert.deepEqual(result.error, { type: 'http_503', message: 'upstream unavailable' });
});
