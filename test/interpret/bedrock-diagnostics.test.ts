import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFile } from '../helpers/analyze.ts';
import { corpusFile, sample, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';
import { decodeEventStream, eventStreamCodec } from '../../src/decode/event-stream.ts';
import type { DecodedBody } from '../../src/decode/types.ts';
import { bedrock, bedrockChunkEvents } from '../../src/interpret/bedrock.ts';
import { bedrockConverse } from '../../src/interpret/bedrock-converse.ts';
import type { LlmRequest } from '../../src/interpret/types.ts';
import type { HttpResponse } from '../../src/model.ts';
import { rawBodyLines } from '../../src/present/raw-body.ts';

const STREAM_RESPONSE: HttpResponse = { status: 200, statusText: '200 OK', headers: { 'Content-Type': ['application/vnd.amazon.eventstream'] }, body: '' };
const STREAMED: LlmRequest = { model: 'm', system: null, messages: [], tools: [], stream: true };
const string = (value: string) => ({ type: 'string' as const, value });

function frame(eventType: string, payload: string): Uint8Array {
  const headers = { ':event-type': string(eventType), ':content-type': string('application/json'), ':message-type': string('event') };
  return eventStreamCodec.encode({ headers, body: new TextEncoder().encode(payload) });
}
const chunk = (inner: string) => frame('chunk', JSON.stringify({ bytes: Buffer.from(inner).toString('base64'), p: 'abc' }));
const stream = (frames: Uint8Array[]): DecodedBody => decodeEventStream(new Uint8Array(Buffer.concat(frames)));
const converse = (type: string, payload: unknown) => frame(type, JSON.stringify({ ...(payload as object), p: 'abcdef' }));

// ---- Bedrock invoke (Anthropic events in chunks) ---------------------------------------------

test('bedrock-invocation-metrics.yaml: the message usage is kept, the disagreeing invocation metrics are a diagnostic', async () => {
  const [item] = (await analyzeFile(sample('bedrock-invocation-metrics.yaml'))).interactions;
  assert.equal(item!.llm!.provider, 'bedrock');
  assert.deepEqual(item!.llm!.response.usage, { inputTokens: 352, outputTokens: 53 });
  assert.deepEqual(item!.llm!.response.toolCalls, [{ id: 'toolu_bdrk_01Rx7Tn2Qm8Lk4Wz6Hc9Bv3', name: 'get_exchange_rate', arguments: { from: 'NOK', to: 'EUR' } }]);
  assert.deepEqual(item!.diagnostics, [
    { code: 'usage-mismatch', message: 'Bedrock output tokens: the message usage says 53, amazon-bedrock-invocationMetrics.outputTokenCount 35', event: 7 },
  ]);
});

test('hand-checked: the corpus Claude 3 Haiku tool stream whose metrics count 35 output tokens, message_delta 53', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const [first, second] = (await analyzeFile(corpusFile('fantasy-2025-11', 'TestBedrockCommon', 'bedrock-anthropic-claude-3-haiku', 'tool_streaming.yaml'))).interactions;
  assert.deepEqual(first!.diagnostics, [
    { code: 'usage-mismatch', message: 'Bedrock output tokens: the message usage says 53, amazon-bedrock-invocationMetrics.outputTokenCount 35', event: 9 },
  ]);
  assert.deepEqual(second!.diagnostics, []);
});

test('Bedrock frames: an unknown frame type, a chunk that is not JSON, a chunk without bytes, no message_stop', () => {
  const body = stream([
    chunk('{"type":"message_start","message":{"id":"msg_bdrk_1","model":"claude-x","usage":{"input_tokens":3,"output_tokens":1}}}'),
    frame('telemetry', '{"ms":4}'),
    chunk('{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hel'),
    frame('chunk', '{"p":"abc"}'),
    chunk('{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}'),
    chunk('{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}'),
  ]);
  const response = bedrock.readResponse(body, STREAM_RESPONSE, STREAMED);
  assert.equal(response.text, 'Hello');
  assert.equal(response.events, 6);
  assert.equal(response.incomplete, true);
  assert.deepEqual(response.diagnostics, [
    { code: 'unknown-event', message: 'Bedrock event-stream frame type "telemetry" not interpreted', event: 1 },
    { code: 'unparsed-event', message: 'Anthropic event 2 (chunk): data (80 characters) is not JSON: "{\\"type\\":\\"content_block_delta\\",\\"index\\":0,…"', event: 2 },
    { code: 'unparsed-event', message: 'Anthropic event 3 (chunk without base64 bytes): data (11 characters) is not JSON: "{\\"p\\":\\"abc\\"}"', event: 3 },
    { code: 'stream-unterminated', message: 'Anthropic stream ended without message_stop', event: 5 },
  ]);
});

test('present reads Bedrock chunks through interpret: bedrockChunkEvents is what raw-body prints', () => {
  const body = stream([chunk('{"type":"message_stop"}'), frame('telemetry', '{"ms":4}')]);
  assert.equal(body.kind, 'event-stream');
  if (body.kind !== 'event-stream') return;
  assert.deepEqual(bedrockChunkEvents(body.frames), ['{"type":"message_stop"}', undefined]);
  assert.deepEqual(rawBodyLines(body), [
    '2 event-stream frames',
    'chunk: {"type":"message_stop"}',
    '{":event-type":"telemetry",":content-type":"application/json",":message-type":"event"} {"ms":4}',
  ]);
});

// ---- Bedrock Converse ------------------------------------------------------------------------

test('Converse diagnostics: unknown event, start and delta kinds counted; a payload that is not JSON; a tool delta before its start', () => {
  const body = stream([
    converse('messageStart', { role: 'assistant' }),
    converse('contentBlockStart', { contentBlockIndex: 0, start: { hologram: {} } }),
    converse('contentBlockDelta', { contentBlockIndex: 1, delta: { toolUse: { input: '{"a":1}' } } }),
    converse('contentBlockDelta', { contentBlockIndex: 2, delta: { sparkle: 'x' } }),
    converse('contentBlockDelta', { contentBlockIndex: 2, delta: { sparkle: 'y' } }),
    frame('contentBlockDelta', '{"contentBlockIndex":3,"delta":{"text":"oops"'),
    converse('vibeCheck', {}),
    converse('messageStop', { stopReason: 'tool_use' }),
    converse('metadata', { usage: { inputTokens: 10, outputTokens: 5, totalTokens: 16, cacheReadInputTokens: 0, cacheReadInputTokenCount: 2 } }),
  ]);
  const response = bedrockConverse.readResponse(body, STREAM_RESPONSE, STREAMED);
  assert.deepEqual(response.toolCalls, [{ id: null, name: '', arguments: { a: 1 } }]);
  assert.deepEqual(response.diagnostics, [
    { code: 'unknown-event', message: 'Converse contentBlockStart of "hologram" not interpreted', event: 1 },
    { code: 'delta-before-start', message: 'Converse toolUse delta for block 1, which had no contentBlockStart', event: 2 },
    { code: 'unknown-event', message: 'Converse contentBlockDelta of "sparkle" not interpreted (2 times)', event: 3 },
    { code: 'unparsed-event', message: 'Converse contentBlockDelta event 5: payload (45 characters) is not JSON', event: 5 },
    { code: 'unknown-event', message: 'Converse event type "vibeCheck" not interpreted', event: 6 },
    { code: 'usage-mismatch', message: 'Converse usage.totalTokens is 16, but input, output and cache tokens add up to 15', event: 8 },
    { code: 'usage-mismatch', message: 'Converse usage.cacheReadInputTokens is 0, usage.cacheReadInputTokenCount 2', event: 8 },
    { code: 'tool-call-without-id', message: 'Converse toolUse (unnamed) has no toolUseId', event: 2 },
  ]);
});

test('Converse: a stream cut before messageStop is incomplete and said; broken tool input is said', async () => {
  const [cut] = (await analyzeFile(sample('bedrock-converse-errors.yaml'))).interactions;
  assert.deepEqual(cut!.diagnostics, [{ code: 'stream-unterminated', message: 'Converse stream ended without messageStop', event: 2 }]);
  const body = stream([
    converse('contentBlockStart', { contentBlockIndex: 0, start: { toolUse: { toolUseId: 'tooluse_1', name: 'get_weather' } } }),
    converse('contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input: '{"city": "Os' } } }),
    converse('messageStop', { stopReason: 'tool_use' }),
  ]);
  const response = bedrockConverse.readResponse(body, STREAM_RESPONSE, STREAMED);
  assert.deepEqual(response.diagnostics, [{ code: 'invalid-tool-arguments', message: 'Converse toolUse get_weather: input is not valid JSON: "{\\"city\\": \\"Os"', event: 0 }]);
});

test('Converse server tools (Nova code interpreter) and web citations, streamed and as JSON', () => {
  const SERVER_USE = { toolUseId: 'tooluse_srv1', name: 'nova_code_interpreter', type: 'server_tool_use' };
  const RESULT = { toolUseId: 'tooluse_srv1', type: 'nova_code_interpreter_result', status: 'success' };
  const CITATION = { title: 'Population of Oslo', location: { web: { url: 'https://www.ssb.no/en/befolkning', domain: 'ssb.no' } }, sourceContent: [{ text: '717 710 inhabitants' }] };
  const streamed = bedrockConverse.readResponse(
    stream([
      converse('messageStart', { role: 'assistant' }),
      converse('contentBlockStart', { contentBlockIndex: 0, start: { toolUse: SERVER_USE } }),
      converse('contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input: '{"snippet":"717710 // 1000"}' } } }),
      converse('contentBlockStart', { contentBlockIndex: 1, start: { toolResult: RESULT } }),
      converse('contentBlockDelta', { contentBlockIndex: 1, delta: { toolResult: [{ json: { stdOut: '717', exitCode: 0 } }] } }),
      converse('contentBlockDelta', { contentBlockIndex: 2, delta: { text: 'Oslo has about 717 thousand inhabitants.' } }),
      converse('contentBlockDelta', { contentBlockIndex: 2, delta: { citation: CITATION } }),
      converse('messageStop', { stopReason: 'end_turn' }),
      converse('metadata', { usage: { inputTokens: 900, outputTokens: 40, totalTokens: 940 } }),
    ]),
    STREAM_RESPONSE,
    STREAMED,
  );
  const expected = {
    text: 'Oslo has about 717 thousand inhabitants.',
    reasoning: '',
    toolCalls: [],
    finishReason: 'end_turn',
    usage: { inputTokens: 900, outputTokens: 40, totalTokens: 940 },
    events: 9,
    citations: [{ url: 'https://www.ssb.no/en/befolkning', title: 'Population of Oslo' }],
    serverTools: [
      { type: 'other', kind: 'nova_code_interpreter', summary: '{"snippet":"717710 // 1000"}' },
      { type: 'other', kind: 'nova_code_interpreter_result', summary: '{"stdOut":"717","exitCode":0}' },
    ],
  };
  assert.deepEqual(streamed, expected);
  const json = bedrockConverse.readResponse(
    {
      kind: 'json',
      text: '',
      value: {
        output: {
          message: {
            role: 'assistant',
            content: [
              { toolUse: { ...SERVER_USE, input: { snippet: '717710 // 1000' } } },
              { toolResult: { ...RESULT, content: [{ json: { stdOut: '717', exitCode: 0 } }] } },
              { citationsContent: { content: [{ text: 'Oslo has about 717 thousand inhabitants.' }], citations: [CITATION] } },
            ],
          },
        },
        stopReason: 'end_turn',
        usage: { inputTokens: 900, outputTokens: 40, totalTokens: 940 },
      },
    },
    { ...STREAM_RESPONSE, headers: { 'Content-Type': ['application/json'] } },
    { ...STREAMED, stream: false },
  );
  assert.deepEqual(json, { ...expected, events: 0 });
});

test('corpus: Nova code interpreter calls are server tools on both sides, and the oracle still holds', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const analyzed = await analyzeFile(corpusFile('pydantic-ai', 'models', 'cassettes', 'test_bedrock', 'test_bedrock_model_with_code_execution_tool.yaml'));
  const [first, second] = analyzed.interactions.map((i) => i.llm!);
  assert.deepEqual(first!.response.toolCalls, [{ id: 'tooluse_DaRsVjwcShCI_3pOsIsWqg', name: 'final_result', arguments: { result: 7006652 } }]);
  assert.deepEqual(first!.response.serverTools, [
    { type: 'other', kind: 'nova_code_interpreter', summary: '{"snippet":"1234 * 5678"}' },
    { type: 'other', kind: 'nova_code_interpreter_result', summary: '{"exitCode":0,"isError":false,"stdErr":"","stdOut":"7006652"}' },
  ]);
  assert.deepEqual(second!.request.messages[1]!.content.slice(0, 2), [
    { type: 'other', kind: 'nova_code_interpreter', summary: '{"snippet":"1234 * 5678"}' },
    { type: 'other', kind: 'nova_code_interpreter_result', summary: '{"stdOut":"7006652","stdErr":"","exitCode":0,"isError":false}' },
  ]);
  assert.deepEqual(analyzed.interactions.flatMap((i) => i.diagnostics), []);
});
