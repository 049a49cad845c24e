// Generates samples/cohere-*.yaml: Cohere v2 /v2/chat calls as Cohere's API reference documents
// them (fake ids and figures): SSE streams with their named events, plain JSON, errors.
// Run: node scripts/samples/cohere.mjs

import { join } from 'node:path';
import { writeGoVcr } from './go-vcr.mjs';

const SAMPLES = join(import.meta.dirname, '../../samples');
const URL = 'https://api.cohere.com/v2/chat';
const SDK = { 'User-Agent': ['cohere-python/5.18.0'], 'X-Fern-Sdk-Name': ['cohere'] };
const SSE = { 'Content-Type': ['text/event-stream'], 'X-Debug-Trace-Id': ['5c1a1e0e0f3e4b5d9a7c8b6d4e2f1a0b'], Via: ['1.1 google'] };
const JSON_HEADERS = { 'Content-Type': ['application/json'], 'Num_tokens': ['81'], Via: ['1.1 google'] };

/** An SSE body: each event named by its type, as Cohere sends it. */
const sse = (events) => events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join('');

const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
  },
};
const SYSTEM = { role: 'system', content: 'You are a concise weather assistant.' };
const USER = { role: 'user', content: "What's the weather in Toronto?" };
const CALL_ID = 'get_weather_1byjy32y4hvq';
const PLAN = 'I will look up the weather in Toronto.';

const messageStart = (id) => ({ id, type: 'message-start', delta: { message: { role: 'assistant', content: [], tool_plan: '', tool_calls: [], citations: [] } } });

const toolTurn = sse([
  messageStart('29f14a5a-11de-4cae-9800-25e4747408ea'),
  { type: 'tool-plan-delta', delta: { message: { tool_plan: 'I will look up' } } },
  { type: 'tool-plan-delta', delta: { message: { tool_plan: ' the weather in Toronto.' } } },
  { type: 'tool-call-start', index: 0, delta: { message: { tool_calls: { id: CALL_ID, type: 'function', function: { name: 'get_weather', arguments: '' } } } } },
  { type: 'tool-call-delta', index: 0, delta: { message: { tool_calls: { function: { arguments: '{"' } } } } },
  { type: 'tool-call-delta', index: 0, delta: { message: { tool_calls: { function: { arguments: 'location": "' } } } } },
  { type: 'tool-call-delta', index: 0, delta: { message: { tool_calls: { function: { arguments: 'Toronto"}' } } } } },
  { type: 'tool-call-end', index: 0 },
  { type: 'message-end', delta: { finish_reason: 'TOOL_CALL', usage: { billed_units: { input_tokens: 37, output_tokens: 21 }, tokens: { input_tokens: 1028, output_tokens: 44 }, cached_tokens: 0 } } },
]);

const answerTurn = sse([
  messageStart('8c7e2b51-3f0a-4d6e-b1c9-7a5d3e2f1b0c'),
  { type: 'content-start', index: 0, delta: { message: { content: { type: 'text', text: '' } } } },
  { type: 'content-delta', index: 0, delta: { message: { content: { text: 'It is' } } }, logprobs: null },
  { type: 'content-delta', index: 0, delta: { message: { content: { text: ' 24°C and sunny' } } }, logprobs: null },
  { type: 'content-delta', index: 0, delta: { message: { content: { text: ' in Toronto.' } } }, logprobs: null },
  {
    type: 'citation-start',
    index: 0,
    delta: { message: { citations: { start: 6, end: 21, text: '24°C and sunny', sources: [{ type: 'tool', id: `${CALL_ID}:0`, tool_output: { temperature: '24C', conditions: 'sunny' } }], type: 'TEXT_CONTENT' } } },
  },
  { type: 'citation-end', index: 0 },
  { type: 'content-end', index: 0 },
  { type: 'message-end', delta: { finish_reason: 'COMPLETE', usage: { billed_units: { input_tokens: 88, output_tokens: 9 }, tokens: { input_tokens: 1127, output_tokens: 31 }, cached_tokens: 896 } } },
]);

const followUp = (stream) => ({
  model: 'command-a-03-2025',
  messages: [
    SYSTEM,
    USER,
    { role: 'assistant', tool_plan: PLAN, tool_calls: [{ id: CALL_ID, type: 'function', function: { name: 'get_weather', arguments: '{"location": "Toronto"}' } }] },
    { role: 'tool', tool_call_id: CALL_ID, content: [{ type: 'document', document: { data: '{"temperature": "24C", "conditions": "sunny"}' } }] },
  ],
  tools: [WEATHER_TOOL],
  stream,
});

writeGoVcr(join(SAMPLES, 'cohere-tools-stream.yaml'), [
  { url: URL, requestHeaders: SDK, request: { model: 'command-a-03-2025', messages: [SYSTEM, USER], tools: [WEATHER_TOOL], stream: true }, responseHeaders: SSE, response: toolTurn, streamed: true, duration: '1.342s' },
  { url: URL, requestHeaders: SDK, request: followUp(true), responseHeaders: SSE, response: answerTurn, streamed: true, duration: '987.1ms' },
]);

// ---- plain JSON: a tool call, its answer, and a reasoning model's thinking ----

writeGoVcr(join(SAMPLES, 'cohere-json.yaml'), [
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: 'command-a-03-2025', messages: [SYSTEM, USER], tools: [WEATHER_TOOL], stream: false },
    responseHeaders: JSON_HEADERS,
    response: JSON.stringify({
      id: '0d2b6a1e-5c4f-4e3a-9b8d-7c6e5f4a3b2c',
      message: { role: 'assistant', tool_plan: PLAN, tool_calls: [{ id: CALL_ID, type: 'function', function: { name: 'get_weather', arguments: '{"location":"Toronto"}' } }] },
      finish_reason: 'TOOL_CALL',
      usage: { billed_units: { input_tokens: 37, output_tokens: 21 }, tokens: { input_tokens: 1028, output_tokens: 44 }, cached_tokens: 0 },
    }),
  },
  {
    url: URL,
    requestHeaders: SDK,
    request: { ...followUp(false), messages: followUp(false).messages.map((m) => (m.role === 'assistant' ? { ...m, tool_calls: [{ ...m.tool_calls[0], function: { name: 'get_weather', arguments: '{"location":"Toronto"}' } }] } : m)) },
    responseHeaders: JSON_HEADERS,
    response: JSON.stringify({
      id: '1e3c7b2f-6d5a-4f4b-8c9e-8d7f6a5b4c3d',
      message: {
        role: 'assistant',
        content: [{ type: 'text', text: 'It is 24°C and sunny in Toronto.' }],
        citations: [{ start: 6, end: 21, text: '24°C and sunny', sources: [{ type: 'tool', id: `${CALL_ID}:0`, tool_output: { temperature: '24C', conditions: 'sunny' } }], type: 'TEXT_CONTENT' }],
      },
      finish_reason: 'COMPLETE',
      usage: { billed_units: { input_tokens: 88, output_tokens: 9 }, tokens: { input_tokens: 1127, output_tokens: 31 }, cached_tokens: 896 },
    }),
  },
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: 'command-a-reasoning-08-2025', messages: [{ role: 'user', content: 'Is 221 prime?' }], thinking: { type: 'enabled', token_budget: 2000 } },
    responseHeaders: JSON_HEADERS,
    response: JSON.stringify({
      id: '2f4d8c3a-7e6b-4a5c-9d0f-9e8a7b6c5d4e',
      message: {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: '221 = 13 × 17, so it is not prime.' },
          { type: 'text', text: 'No: 221 = 13 × 17.' },
        ],
      },
      finish_reason: 'COMPLETE',
      usage: { billed_units: { input_tokens: 6, output_tokens: 52 }, tokens: { input_tokens: 496, output_tokens: 52 }, cached_tokens: 0 },
    }),
  },
]);

// ---- what goes wrong: a stream cut short, a bad request, a rate limit ----

writeGoVcr(join(SAMPLES, 'cohere-errors.yaml'), [
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: 'command-r7b-12-2024', messages: [{ role: 'user', content: 'Name three lakes in Ontario.' }], stream: true },
    responseHeaders: SSE,
    // The recording ends before content-end and message-end.
    response: sse([
      messageStart('3a5e9d4b-8f7c-4b6d-a01e-0f9b8c7d6e5f'),
      { type: 'content-start', index: 0, delta: { message: { content: { type: 'text', text: '' } } } },
      { type: 'content-delta', index: 0, delta: { message: { content: { text: 'Lake Superior, Lake' } } }, logprobs: null },
    ]),
    streamed: true,
  },
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: 'command-a-03-2025', messages: [{ role: 'user', content: 'Hi' }], temperature: 7 },
    status: 400,
    statusText: 'Bad Request',
    responseHeaders: JSON_HEADERS,
    response: JSON.stringify({ id: '4b6f0e5c-9a8d-4c7e-b12f-1a0c9d8e7f6a', message: 'invalid request: temperature must be between 0 and 1' }),
  },
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: 'command-a-03-2025', messages: [{ role: 'user', content: 'Hi' }] },
    status: 429,
    statusText: 'Too Many Requests',
    responseHeaders: JSON_HEADERS,
    response: JSON.stringify({ id: '5c7a1f6d-0b9e-4d8f-a23a-2b1d0e9f8a7b', message: "You are using a Trial key, which is limited to 10 API calls / minute. You can continue to use the Trial key for free or upgrade to a Production key with higher rate limits at 'https://dashboard.cohere.com/api-keys'." }),
  },
]);
