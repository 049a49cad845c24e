// Generates samples/bedrock-converse-*.yaml: Bedrock Converse calls as the AWS reference documents
// them (fake ids and figures). Stream bodies are real AWS event-stream frames, encoded by
// @smithy/eventstream-codec (the codec the SDKs use), each payload with the `p` padding field.
// Run: node scripts/samples/bedrock-converse.mjs

import { EventStreamCodec } from '@smithy/eventstream-codec';
import { join } from 'node:path';
import { writeGoVcr } from './go-vcr.mjs';

const SAMPLES = join(import.meta.dirname, '../../samples');
const toUtf8 = (bytes) => new TextDecoder().decode(bytes);
const fromUtf8 = (text) => new TextEncoder().encode(text);
const codec = new EventStreamCodec(toUtf8, fromUtf8);
const PADDING = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
let frameCount = 0;

const string = (value) => ({ type: 'string', value });

/** One event frame; the padding's length varies frame to frame, as Bedrock's does. */
function event(type, payload) {
  const p = PADDING.slice(0, 8 + ((frameCount++ * 7) % 50));
  const headers = { ':event-type': string(type), ':content-type': string('application/json'), ':message-type': string('event') };
  return codec.encode({ headers, body: fromUtf8(JSON.stringify({ ...payload, p })) });
}

function exception(type, message) {
  const headers = { ':exception-type': string(type), ':content-type': string('application/json'), ':message-type': string('exception') };
  return codec.encode({ headers, body: fromUtf8(JSON.stringify({ message })) });
}

const stream = (frames) => new Uint8Array(Buffer.concat(frames));
const text = (contentBlockIndex, t) => event('contentBlockDelta', { contentBlockIndex, delta: { text: t } });
const stop = (contentBlockIndex) => event('contentBlockStop', { contentBlockIndex });

const HOST = 'https://bedrock-runtime.us-east-1.amazonaws.com';
const CLAUDE = 'us.anthropic.claude-sonnet-4-20250514-v1%3A0';
const NOVA = 'us.amazon.nova-pro-v1%3A0';
const SDK = { 'User-Agent': ['aws-sdk-go-v2/1.36.3 ua/2.1 os/linux lang/go#1.24.4 md/GOOS#linux md/GOARCH#amd64 api/bedrockruntime#1.33.0'] };
const STREAM_HEADERS = (id) => ({ 'Content-Type': ['application/vnd.amazon.eventstream'], 'X-Amzn-Requestid': [id], Date: ['Tue, 25 Nov 2025 10:12:04 GMT'] });
const JSON_HEADERS = (id) => ({ 'Content-Type': ['application/json'], 'X-Amzn-Requestid': [id], Date: ['Tue, 25 Nov 2025 10:14:40 GMT'] });

const WEATHER_TOOL = {
  toolSpec: {
    name: 'get_weather',
    description: 'Current weather for a city',
    inputSchema: { json: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } }, required: ['city'] } },
  },
};
const SYSTEM = [{ text: 'You are a concise weather assistant.' }];
const USER_WEATHER = { role: 'user', content: [{ text: 'What is the weather in Oslo right now?' }] };
const THINKING = { thinking: { type: 'enabled', budget_tokens: 1024 } };
const REASONING = 'The user wants the current weather in Oslo. I should call get_weather with city Oslo.';
const SIGNATURE = 'EqQBCkYIBhgCIkBf4aKq9sFakeSignatureForSamples0nlyR2xX8vT1mN3bY6cZ0dW5eQ7uJ9iH4gK==';
const TOOL_USE = { toolUseId: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', name: 'get_weather', input: { city: 'Oslo', unit: 'celsius' } };

// ---- a streamed tool call with reasoning, the answer after the tool result, a token count ----

const turn1 = stream([
  event('messageStart', { role: 'assistant' }),
  event('contentBlockDelta', { contentBlockIndex: 0, delta: { reasoningContent: { text: 'The user wants the current weather in Oslo.' } } }),
  event('contentBlockDelta', { contentBlockIndex: 0, delta: { reasoningContent: { text: ' I should call get_weather with city Oslo.' } } }),
  event('contentBlockDelta', { contentBlockIndex: 0, delta: { reasoningContent: { signature: SIGNATURE } } }),
  stop(0),
  text(1, "I'll check the current"),
  text(1, ' weather in Oslo.'),
  stop(1),
  event('contentBlockStart', { contentBlockIndex: 2, start: { toolUse: { toolUseId: TOOL_USE.toolUseId, name: TOOL_USE.name } } }),
  event('contentBlockDelta', { contentBlockIndex: 2, delta: { toolUse: { input: '' } } }),
  event('contentBlockDelta', { contentBlockIndex: 2, delta: { toolUse: { input: '{"city": "Os' } } }),
  event('contentBlockDelta', { contentBlockIndex: 2, delta: { toolUse: { input: 'lo", "unit": "celsius"}' } } }),
  stop(2),
  event('messageStop', { stopReason: 'tool_use' }),
  event('metadata', { usage: { inputTokens: 512, outputTokens: 96, totalTokens: 608 }, metrics: { latencyMs: 1834 } }),
]);

const turn2Request = {
  messages: [
    USER_WEATHER,
    {
      role: 'assistant',
      content: [
        { reasoningContent: { reasoningText: { text: REASONING, signature: SIGNATURE } } },
        { text: "I'll check the current weather in Oslo." },
        { toolUse: TOOL_USE },
      ],
    },
    { role: 'user', content: [{ toolResult: { toolUseId: TOOL_USE.toolUseId, content: [{ json: { temperature: 4, conditions: 'overcast' } }], status: 'success' } }] },
  ],
  system: [...SYSTEM, { cachePoint: { type: 'default' } }],
  inferenceConfig: { maxTokens: 2048 },
  toolConfig: { tools: [WEATHER_TOOL] },
  additionalModelRequestFields: THINKING,
};

const turn2 = stream([
  event('messageStart', { role: 'assistant' }),
  text(0, "It's 4 °C and"),
  text(0, ' overcast in Oslo right now.'),
  stop(0),
  event('messageStop', { stopReason: 'end_turn' }),
  event('metadata', { usage: { inputTokens: 87, outputTokens: 41, totalTokens: 576, cacheReadInputTokens: 448, cacheWriteInputTokens: 0 }, metrics: { latencyMs: 911 } }),
]);

writeGoVcr(join(SAMPLES, 'bedrock-converse-stream.yaml'), [
  {
    url: `${HOST}/model/${CLAUDE}/converse-stream`,
    requestHeaders: SDK,
    request: { messages: [USER_WEATHER], system: SYSTEM, inferenceConfig: { maxTokens: 2048 }, toolConfig: { tools: [WEATHER_TOOL] }, additionalModelRequestFields: THINKING },
    responseHeaders: STREAM_HEADERS('5d3c1f2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f'),
    response: turn1,
    streamed: true,
    duration: '2.104s',
  },
  { url: `${HOST}/model/${CLAUDE}/converse-stream`, requestHeaders: SDK, request: turn2Request, responseHeaders: STREAM_HEADERS('6e4d2a3f-9b5c-4d7e-8f1a-2b3c4d5e6f70'), response: turn2, streamed: true, duration: '1.187s' },
  {
    url: `${HOST}/model/${CLAUDE}/count-tokens`,
    requestHeaders: SDK,
    request: { input: { converse: { messages: [USER_WEATHER], system: SYSTEM } } },
    responseHeaders: JSON_HEADERS('7f5e3b4a-0c6d-4e8f-9a2b-3c4d5e6f7081'),
    response: JSON.stringify({ inputTokens: 23 }),
    duration: '188.2ms',
  },
]);

// ---- plain JSON: a tool call and its answer (Nova), then reasoning with a redacted block (Claude) ----

const CONVERT_TOOL = {
  toolSpec: {
    name: 'convert_units',
    description: 'Convert a value between units',
    inputSchema: { json: { type: 'object', properties: { value: { type: 'number' }, from: { type: 'string' }, to: { type: 'string' } }, required: ['value', 'from', 'to'] } },
  },
};
const CONVERT_USE = { toolUseId: 'tooluse_3Hq9Wb2ZTkOa1mVx7Lc0pA', name: 'convert_units', input: { value: 5, from: 'mi', to: 'km' } };
const USER_CONVERT = { role: 'user', content: [{ text: 'How many kilometers are 5 miles?' }] };

writeGoVcr(join(SAMPLES, 'bedrock-converse-json.yaml'), [
  {
    url: `${HOST}/model/${NOVA}/converse`,
    requestHeaders: SDK,
    request: { messages: [USER_CONVERT], inferenceConfig: { maxTokens: 512, temperature: 0 }, toolConfig: { tools: [CONVERT_TOOL], toolChoice: { auto: {} } } },
    responseHeaders: JSON_HEADERS('8a6f4c5b-1d7e-4f90-ab3c-4d5e6f708192'),
    response: JSON.stringify({
      output: { message: { role: 'assistant', content: [{ text: "I'll convert 5 miles to kilometers." }, { toolUse: CONVERT_USE }] } },
      stopReason: 'tool_use',
      usage: { inputTokens: 421, outputTokens: 58, totalTokens: 479 },
      metrics: { latencyMs: 702 },
    }),
  },
  {
    url: `${HOST}/model/${NOVA}/converse`,
    requestHeaders: SDK,
    request: {
      messages: [
        USER_CONVERT,
        { role: 'assistant', content: [{ text: "I'll convert 5 miles to kilometers." }, { toolUse: CONVERT_USE }] },
        { role: 'user', content: [{ toolResult: { toolUseId: CONVERT_USE.toolUseId, content: [{ json: { result: 8.04672 } }], status: 'success' } }] },
      ],
      inferenceConfig: { maxTokens: 512, temperature: 0 },
      toolConfig: { tools: [CONVERT_TOOL], toolChoice: { auto: {} } },
    },
    responseHeaders: JSON_HEADERS('9b7a5d6c-2e8f-4a01-bc4d-5e6f708192a3'),
    response: JSON.stringify({
      output: { message: { role: 'assistant', content: [{ text: '5 miles is about 8.05 kilometers.' }] } },
      stopReason: 'end_turn',
      usage: { inputTokens: 503, outputTokens: 14, totalTokens: 517 },
      metrics: { latencyMs: 388 },
    }),
  },
  {
    url: `${HOST}/model/${CLAUDE}/converse`,
    requestHeaders: SDK,
    request: { messages: [{ role: 'user', content: [{ text: 'Is 1009 prime?' }] }], inferenceConfig: { maxTokens: 2048 }, additionalModelRequestFields: THINKING },
    responseHeaders: JSON_HEADERS('ac8b6e7d-3f90-4b12-8d5e-6f708192a3b4'),
    response: JSON.stringify({
      output: {
        message: {
          role: 'assistant',
          content: [
            { reasoningContent: { reasoningText: { text: 'sqrt(1009) < 32. Try primes up to 31: none divide 1009.', signature: 'ErcBCkgIBhABGAIiQFakeSignatureTwoForSamples==' } } },
            { reasoningContent: { redactedContent: 'RmFrZSByZWRhY3RlZCByZWFzb25pbmcgYnl0ZXM=' } },
            { text: 'Yes, 1009 is prime.' },
          ],
        },
      },
      stopReason: 'end_turn',
      usage: { inputTokens: 44, outputTokens: 131, totalTokens: 175 },
      metrics: { latencyMs: 2410 },
    }),
  },
]);

// ---- what goes wrong: a stream cut short, an exception frame, a validation error ----

writeGoVcr(join(SAMPLES, 'bedrock-converse-errors.yaml'), [
  {
    url: `${HOST}/model/${CLAUDE}/converse-stream`,
    requestHeaders: SDK,
    request: { messages: [{ role: 'user', content: [{ text: 'Write a haiku about fjords.' }] }], inferenceConfig: { maxTokens: 256 } },
    responseHeaders: STREAM_HEADERS('bd9c7f8e-4a01-4c23-9e6f-708192a3b4c5'),
    // The recording ends after three frames: no messageStop, no metadata.
    response: stream([event('messageStart', { role: 'assistant' }), text(0, 'Steep walls of granite,'), text(0, '\nwater')]),
    streamed: true,
  },
  {
    url: `${HOST}/model/${CLAUDE}/converse-stream`,
    requestHeaders: SDK,
    request: { messages: [{ role: 'user', content: [{ text: 'Write a haiku about glaciers.' }] }], inferenceConfig: { maxTokens: 256 } },
    responseHeaders: STREAM_HEADERS('cea08a9f-5b12-4d34-8f70-8192a3b4c5d6'),
    response: stream([event('messageStart', { role: 'assistant' }), text(0, 'Slow'), exception('throttlingException', 'Too many tokens, please wait before trying again.')]),
    streamed: true,
  },
  {
    url: `${HOST}/model/${CLAUDE}/converse`,
    requestHeaders: SDK,
    request: { messages: [{ role: 'assistant', content: [{ text: 'Hello.' }] }], inferenceConfig: { maxTokens: 256 } },
    status: 400,
    statusText: 'Bad Request',
    responseHeaders: { ...JSON_HEADERS('dfb19ba0-6c23-4e45-9081-92a3b4c5d6e7'), 'X-Amzn-Errortype': ['ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/'] },
    response: JSON.stringify({ message: 'A conversation must start with a user message. Try again with a conversation that starts with a user message.' }),
  },
]);
