import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeFile, exchangesOf } from '../helpers/analyze.ts';
import { corpusFile, corpusFiles, sample, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';
import { anthropic, fromMessageJson, replayEvents } from '../../src/interpret/anthropic.ts';
import type { AnthropicEvent } from '../../src/interpret/anthropic-stream.ts';
import { eventJson } from '../../src/decode/sse.ts';
import { decodeBody } from '../../src/decode/index.ts';
import type { LlmResponse } from '../../src/interpret/types.ts';
import type { AnalyzedCassette } from '../../src/interpret/index.ts';
import { oracleMismatches, recutDeltas } from './anthropic-helpers.ts';

// ---- samples ---------------------------------------------------------------------------------

test('streamed text and two tool calls across deltas; results come back as a tool turn', async () => {
  const [first, second] = await exchangesOf(sample('anthropic-tools-stream.yaml'));
  assert.equal(first!.provider, 'anthropic');
  assert.equal(first!.host, 'api.anthropic.com');
  assert.equal(first!.model, 'claude-sonnet-4-5-20250929');
  assert.equal(first!.request.stream, true);
  assert.equal(first!.request.system, 'You are a concise weather assistant.');
  assert.deepEqual(first!.request.tools, [
    {
      name: 'get_weather',
      description: 'Get the current weather for a city',
      parameters: {
        type: 'object',
        properties: { location: { type: 'string', description: 'City name' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
        required: ['location'],
      },
    },
  ]);
  const response = first!.response;
  assert.equal(response.id, 'msg_01TqA8vJx3Wm5Rk2Np7Yb4Cd');
  assert.equal(response.text, "I'll check both cities.");
  assert.deepEqual(response.toolCalls, [
    { id: 'toolu_01Paris4xQ2bYt9Lm3Kd8Wq1', name: 'get_weather', arguments: { location: 'Paris', unit: 'celsius' } },
    { id: 'toolu_01Rome7nB5vHc2Pz6Rf0Ts9', name: 'get_weather', arguments: { location: 'Rome' } },
  ]);
  assert.equal(response.finishReason, 'tool_use');
  // message_start says output 2, message_delta 98: the later total wins.
  assert.deepEqual(response.usage, { inputTokens: 412, outputTokens: 98, cacheReadTokens: 0, cacheWriteTokens: 0 });
  assert.equal(response.events, 19);
  assert.equal(response.incomplete, undefined);

  assert.deepEqual(second!.request.messages.slice(1), [
    {
      role: 'assistant',
      content: [
        { type: 'text', text: "I'll check both cities." },
        { type: 'tool-call', id: 'toolu_01Paris4xQ2bYt9Lm3Kd8Wq1', name: 'get_weather', arguments: { location: 'Paris', unit: 'celsius' } },
        { type: 'tool-call', id: 'toolu_01Rome7nB5vHc2Pz6Rf0Ts9', name: 'get_weather', arguments: { location: 'Rome' } },
      ],
    },
    {
      role: 'tool',
      content: [
        { type: 'tool-result', toolCallId: 'toolu_01Paris4xQ2bYt9Lm3Kd8Wq1', name: 'get_weather', content: '18°C, sunny' },
        { type: 'tool-result', toolCallId: 'toolu_01Rome7nB5vHc2Pz6Rf0Ts9', name: 'get_weather', content: 'weather service timeout', isError: true },
      ],
    },
  ]);
  assert.equal(second!.response.text, "Paris: 18°C and sunny. I couldn't get Rome's weather (the service timed out).");
  // Cumulative counts repeated in message_delta: overwritten, not added (530, not 1060).
  assert.deepEqual(second!.response.usage, { inputTokens: 530, outputTokens: 25, cacheReadTokens: 406, cacheWriteTokens: 0 });
});

test('plain JSON: media summarized, cache writes, structured output', async () => {
  const [invoice, structured] = await exchangesOf(sample('anthropic-json.yaml'));
  assert.equal(invoice!.request.system, 'You read invoices and file them.');
  assert.equal(invoice!.request.stream, false);
  assert.deepEqual(invoice!.request.messages, [
    {
      role: 'user',
      content: [
        { type: 'image', mediaType: 'image/png', bytes: 70 },
        { type: 'file', mediaType: 'application/pdf', bytes: 77, name: 'invoice-0042.pdf' },
        { type: 'text', text: 'File this invoice.' },
      ],
    },
  ]);
  assert.deepEqual(invoice!.response, {
    id: 'msg_01Jr6Fb2Wn9Yq4Tc7Xk1Zs3E',
    model: 'claude-haiku-4-5-20251001',
    text: 'Filing invoice 0042.',
    reasoning: '',
    toolCalls: [{ id: 'toolu_01Inv5Gd8Ha2Kc6Mq9Bw3Ry', name: 'file_invoice', arguments: { number: '0042', total: 129.5 } }],
    finishReason: 'tool_use',
    usage: { inputTokens: 96, outputTokens: 61, cacheReadTokens: 0, cacheWriteTokens: 1210 },
    events: 0,
  });
  assert.deepEqual(structured!.request.responseFormat, {
    type: 'json_schema',
    schema: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } }, required: ['name', 'age'], additionalProperties: false },
  });
  assert.deepEqual(structured!.request.messages, [{ role: 'user', content: [{ type: 'text', text: 'Alice is 30. Extract the person.' }] }]);
  assert.equal(structured!.response.text, '{"name":"Alice","age":30}');
});

test('thinking: streamed reasoning, redacted block; sent back as reasoning parts with the signature', async () => {
  const [first, second] = await exchangesOf(sample('anthropic-thinking-stream.yaml'));
  assert.equal(first!.response.reasoning, '1001 = 7 × 143, and 143 = 11 × 13. So 1001 = 7 × 11 × 13.\n\n[redacted reasoning]');
  assert.equal(first!.response.text, 'No. 1001 = 7 × 11 × 13, so it is not prime.');
  assert.deepEqual(first!.response.usage, { inputTokens: 44, outputTokens: 187, cacheReadTokens: 0, cacheWriteTokens: 0 });
  const assistant = second!.request.messages[1]!;
  assert.equal(assistant.role, 'assistant');
  assert.deepEqual(assistant.content.map((p) => p.type), ['reasoning', 'reasoning', 'text']);
  const [thinking, redacted] = assistant.content;
  assert.equal(thinking!.type === 'reasoning' && thinking.text, '1001 = 7 × 143, and 143 = 11 × 13. So 1001 = 7 × 11 × 13.');
  assert.equal(thinking!.type === 'reasoning' && thinking.signature?.length, 65);
  assert.deepEqual(redacted, { type: 'reasoning', text: '', redacted: true });
  assert.equal(second!.response.reasoning, '√1009 < 32; no prime up to 31 divides it.');
});

test('HTTP error, error event inside a 200 stream, cut stream', async () => {
  const [http, midStream, cut] = await exchangesOf(sample('anthropic-errors.yaml'));
  assert.deepEqual(http!.response.error, { type: 'overloaded_error', message: 'Overloaded' });
  assert.equal(http!.response.usage, null);
  assert.deepEqual(midStream!.response.error, { type: 'overloaded_error', message: 'Overloaded' });
  assert.equal(midStream!.response.text, 'Hello! How can');
  assert.equal(midStream!.response.incomplete, undefined);
  assert.equal(cut!.response.text, 'Hello! How can I help');
  assert.equal(cut!.response.incomplete, true);
  assert.equal(cut!.response.error, undefined);
});

test('Vertex streamRawPredict: model from the URL; input tokens kept when message_delta omits them', async () => {
  const [vertex] = await exchangesOf(sample('anthropic-vertex-stream.yaml'));
  assert.equal(vertex!.provider, 'anthropic');
  assert.equal(vertex!.request.model, 'claude-sonnet-4@20250514');
  assert.equal(vertex!.request.stream, true);
  assert.equal(vertex!.model, 'claude-sonnet-4-20250514');
  assert.equal(vertex!.response.text, 'Ciao!');
  assert.deepEqual(vertex!.response.usage, { inputTokens: 13, outputTokens: 5, cacheReadTokens: 0, cacheWriteTokens: 0 });
});

test('the same message as JSON and as a stream gives the same response', async () => {
  const analyzed = await analyzeFile(sample('anthropic-tools-stream.yaml'));
  const streamed = analyzed.interactions[0]!.llm!.response;
  const json = fromMessageJson({
    id: 'msg_01TqA8vJx3Wm5Rk2Np7Yb4Cd',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-5-20250929',
    content: [
      { type: 'text', text: "I'll check both cities." },
      { type: 'tool_use', id: 'toolu_01Paris4xQ2bYt9Lm3Kd8Wq1', name: 'get_weather', input: { location: 'Paris', unit: 'celsius' } },
      { type: 'tool_use', id: 'toolu_01Rome7nB5vHc2Pz6Rf0Ts9', name: 'get_weather', input: { location: 'Rome' } },
    ],
    stop_reason: 'tool_use',
    usage: { input_tokens: 412, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 98 },
  });
  assert.deepEqual(json, { ...streamed, events: 0 });
});

test('matches /v1/messages and Vertex rawPredict only; odd input never throws', () => {
  const info = (url: string, body: unknown = {}) => ({
    method: 'POST',
    url: new URL(url),
    body: decodeBody({ 'Content-Type': ['application/json'] }, JSON.stringify(body)),
  });
  assert.equal(anthropic.matches(info('https://api.anthropic.com/v1/messages?beta=true')), true);
  assert.equal(anthropic.matches(info('https://gateway.example/anthropic/v1/messages')), true);
  assert.equal(anthropic.matches(info('https://x-aiplatform.googleapis.com/v1/projects/p/locations/l/publishers/anthropic/models/claude-3-7-sonnet@20250219:rawPredict')), true);
  assert.equal(anthropic.matches(info('https://api.anthropic.com/v1/messages/count_tokens')), false);
  assert.equal(anthropic.matches(info('https://api.openai.com/v1/chat/completions')), false);
  const odd = anthropic.readRequest(info('https://api.anthropic.com/v1/messages', { messages: [null, { role: 'user', content: [42, { type: 'image' }] }], system: 7, tools: 'no' }));
  assert.equal(odd.messages.length, 2);
  assert.equal(odd.system, null);
  const weird = replayEvents([{ type: 'content_block_delta', index: 3, delta: { type: 'input_json_delta', partial_json: '{"a":' } }, { type: 'message_stop' }]);
  assert.deepEqual(weird.toolCalls, [{ id: null, name: '', arguments: '{"a":', invalidArguments: true }]);
});

// ---- the corpus ------------------------------------------------------------------------------

test('hand-checked: TestAnthropicCommon/claude-sonnet-4/multi_tool_streaming', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const [first, second] = await exchangesOf(corpusFile('fantasy', 'TestAnthropicCommon', 'claude-sonnet-4', 'multi_tool_streaming.yaml'));
  assert.equal(first!.request.system, 'You are a helpful assistant. Always use both add and multiply at the same time.');
  assert.deepEqual(first!.request.tools.map((t) => t.name), ['add', 'multiply']);
  assert.deepEqual(first!.response, {
    id: 'msg_01PSvJdjd5keNSD63VHjYzex',
    model: 'claude-sonnet-4-20250514',
    text: "I'll add and multiply the numbers 2 and 3 for you.",
    reasoning: '',
    toolCalls: [
      { id: 'toolu_01UYxUYC2zRPY8wiutnF48eP', name: 'add', arguments: { a: 2, b: 3 } },
      { id: 'toolu_01VaRx1jpWCvPhi7L4kywAcd', name: 'multiply', arguments: { a: 2, b: 3 } },
    ],
    finishReason: 'tool_use',
    usage: { inputTokens: 502, outputTokens: 137, cacheReadTokens: 0, cacheWriteTokens: 0 },
    events: 22,
  });
  assert.deepEqual(second!.request.messages[2], {
    role: 'tool',
    content: [
      { type: 'tool-result', toolCallId: 'toolu_01UYxUYC2zRPY8wiutnF48eP', name: 'add', content: '5' },
      { type: 'tool-result', toolCallId: 'toolu_01VaRx1jpWCvPhi7L4kywAcd', name: 'multiply', content: '6' },
    ],
  });
  assert.equal(second!.response.text, 'The results are:\n- 2 + 3 = 5\n- 2 × 3 = 6');
  assert.deepEqual(second!.response.usage, { inputTokens: 700, outputTokens: 31, cacheReadTokens: 0, cacheWriteTokens: 0 });
});

test('hand-checked: TestAnthropicWebSearch/stream (server tools, citations)', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const [first] = await exchangesOf(corpusFile('fantasy', 'TestAnthropicWebSearch', 'stream.yaml'));
  assert.deepEqual(first!.request.tools, [{ name: 'web_search', kind: 'web_search_20250305' }]);
  const response = first!.response;
  assert.equal(response.toolCalls.length, 0);
  assert.equal(response.serverTools?.length, 2);
  assert.deepEqual(response.serverTools![0], { type: 'other', kind: 'web_search', summary: 'query "Tokyo population 2026 current"' });
  const results = response.serverTools![1]!;
  assert.ok(results.type === 'other' && results.summary.startsWith('10 results\nTokyo Population 2026 — https://worldpopulationreview.com/cities/japan/tokyo\n'));
  assert.deepEqual(response.citations?.[0], { url: 'https://worldpopulationreview.com/cities/japan/tokyo', title: 'Tokyo Population 2026' });
  assert.equal(response.citations?.length, 3);
  assert.ok(response.text.startsWith('Based on the search results, the current population of Tokyo'));
  // message_delta repeats input_tokens with the search results counted: 13520, not 2049.
  assert.deepEqual(response.usage, { inputTokens: 13520, outputTokens: 415, cacheReadTokens: 0, cacheWriteTokens: 0 });
});

const anthropicCorpus: AnalyzedCassette[] = [];

test('corpus sweep: every Messages call is interpreted, non-empty, and passes the oracle', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  for (const file of corpusFiles()) {
    if (!/Anthropic|vertex-claude|ImageUploadAgent/.test(file)) continue;
    anthropicCorpus.push(await analyzeFile(file));
  }
  const problems: string[] = [];
  let count = 0;
  for (const cassette of anthropicCorpus) {
    for (const item of cassette.interactions) {
      const url = item.interaction.request.url;
      if (!/\/v1\/messages|publishers\/anthropic/.test(url)) continue;
      count++;
      const llm = item.llm;
      if (llm?.provider !== 'anthropic') problems.push(`${cassette.cassette.file}#${item.interaction.index} not anthropic`);
      else if (item.interaction.response.status < 300) {
        const r = llm.response;
        if (!r.text && !r.reasoning && r.toolCalls.length === 0) problems.push(`${cassette.cassette.file}#${item.interaction.index} empty`);
        if (r.incomplete || r.error) problems.push(`${cassette.cassette.file}#${item.interaction.index} incomplete or error`);
      }
    }
    problems.push(...oracleMismatches(cassette, 'anthropic'));
  }
  assert.deepEqual(problems, []);
  assert.equal(count, 99);
});

// ---- property: re-cut deltas -----------------------------------------------------------------

function streamsOf(cassettes: AnalyzedCassette[]): AnthropicEvent[][] {
  return cassettes.flatMap((c) =>
    c.interactions.flatMap((item) =>
      item.responseBody.kind === 'sse' && item.llm?.provider === 'anthropic'
        ? [item.responseBody.events.map((e) => eventJson(e) as AnthropicEvent)]
        : [],
    ),
  );
}

const withoutEvents = (r: LlmResponse) => ({ ...r, events: 0 });

test('property: text, thinking and tool-input deltas cut differently give the same response', async () => {
  const own = await Promise.all(['anthropic-tools-stream.yaml', 'anthropic-thinking-stream.yaml', 'anthropic-vertex-stream.yaml'].map((f) => analyzeFile(sample(f))));
  const streams = streamsOf([...own, ...anthropicCorpus]);
  assert.ok(streams.length >= 4);
  fc.assert(
    fc.property(fc.nat(streams.length - 1), fc.array(fc.nat(), { minLength: 1, maxLength: 64 }), (which, cuts) => {
      const events = streams[which]!;
      const recut = recutDeltas(events, cuts);
      assert.deepEqual(withoutEvents(replayEvents(recut)), withoutEvents(replayEvents(events)));
    }),
    { numRuns: 60 },
  );
});


test('property: arbitrary JSON in events and request bodies never throws', () => {
  const type = fc.constantFrom('message_start', 'content_block_start', 'content_block_delta', 'message_delta', 'message_stop', 'error', 'ping', 'x');
  const event = fc.record({ type, index: fc.oneof(fc.nat(3), fc.jsonValue()), message: fc.jsonValue(), content_block: fc.jsonValue(), delta: fc.jsonValue(), usage: fc.jsonValue(), error: fc.jsonValue() }, { requiredKeys: ['type'] });
  const info = (body: unknown) => ({ method: 'POST', url: new URL('https://api.anthropic.com/v1/messages'), body: { kind: 'json' as const, value: body, text: '' } });
  fc.assert(
    fc.property(fc.array(event, { maxLength: 12 }), fc.jsonValue(), fc.array(fc.record({ role: fc.jsonValue(), content: fc.jsonValue() }), { maxLength: 4 }), (events, body, messages) => {
      replayEvents(events as AnthropicEvent[]);
      fromMessageJson(body);
      anthropic.readRequest(info(body));
      anthropic.readRequest(info({ messages, system: body, tools: [body], output_format: body }));
    }),
    { numRuns: 150 },
  );
});
