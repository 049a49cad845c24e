// Generates samples/lint/*.yaml: for each `cassette lint` rule a small go-vcr cassette built to
// break it (named after the rule), and clean.yaml, which must give no finding at all. API shapes as
// the providers document them; fake keys and ids only. Bedrock frames are real AWS event-stream
// frames from @smithy/eventstream-codec. Run: node scripts/samples/lint.mjs

import { EventStreamCodec } from '@smithy/eventstream-codec';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeGoVcr } from './go-vcr.mjs';

const DIR = join(import.meta.dirname, '../../samples/lint');
mkdirSync(DIR, { recursive: true });
const write = (name, interactions) => writeGoVcr(join(DIR, `${name}.yaml`), interactions);

const CHAT = 'https://api.openai.com/v1/chat/completions';
const MESSAGES = 'https://api.anthropic.com/v1/messages';
const JSON_HEADERS = { 'Content-Type': ['application/json'] };
const SSE_HEADERS = { 'Content-Type': ['text/event-stream'] };
const TOOLS = [{ type: 'function', function: { name: 'get_weather', description: 'Current weather', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }];
const USER = { role: 'user', content: 'What is the weather in Oslo?' };
const USAGE = { prompt_tokens: 52, completion_tokens: 17, total_tokens: 69 };

const chatRequest = (messages, extra = {}) => ({ model: 'gpt-4o-mini', messages, tools: TOOLS, ...extra });
const completion = (message, finish, extra = {}) =>
  JSON.stringify({ id: 'chatcmpl-LINT01', object: 'chat.completion', created: 1764000000, model: 'gpt-4o-mini-2024-07-18', choices: [{ index: 0, message, finish_reason: finish }], usage: USAGE, ...extra });
const toolCallMessage = (args, id = 'call_lint_1') => ({ role: 'assistant', content: null, tool_calls: [{ id, type: 'function', function: { name: 'get_weather', arguments: args } }] });
const sse = (chunks, done = true) => chunks.map((c) => `data: ${typeof c === 'string' ? c : JSON.stringify(c)}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : '');
const chunk = (delta, finish = null, extra = {}) => ({ id: 'chatcmpl-LINT02', object: 'chat.completion.chunk', created: 1764000000, model: 'gpt-4o-mini-2024-07-18', choices: [{ index: 0, delta, finish_reason: finish }], ...extra });

/** Two turns: a tool call, then the answer; `resent` is the assistant turn request 2 sends back. */
function twoTurns(resent, answerArgs = '{"city":"Oslo"}') {
  const call = toolCallMessage(answerArgs);
  return [
    { url: CHAT, request: chatRequest([USER]), responseHeaders: JSON_HEADERS, response: completion(call, 'tool_calls') },
    {
      url: CHAT,
      request: chatRequest([USER, resent, { role: 'tool', tool_call_id: 'call_lint_1', content: '{"temperature":4,"unit":"celsius"}' }]),
      responseHeaders: JSON_HEADERS,
      response: completion({ role: 'assistant', content: 'It is 4 °C in Oslo.' }, 'stop'),
    },
  ];
}

// ---- clean: every rule passes --------------------------------------------------------------
write('clean', twoTurns(toolCallMessage('{"city":"Oslo"}')));

// ---- the cassette-level rules --------------------------------------------------------------
write('turn-mismatch', twoTurns(toolCallMessage('{"city":"Bergen"}')));
write('double-encoded-arguments', twoTurns(toolCallMessage(JSON.stringify('{"city":"Oslo"}'))));
write('error-status', [
  { url: CHAT, request: chatRequest([USER]), status: 429, statusText: 'Too Many Requests', responseHeaders: JSON_HEADERS, response: JSON.stringify({ error: { message: 'Rate limit reached for gpt-4o-mini', type: 'requests', param: null, code: 'rate_limit_exceeded' } }) },
]);
write('error-in-stream', [
  {
    url: MESSAGES,
    request: { model: 'claude-sonnet-4-5', max_tokens: 256, stream: true, messages: [USER] },
    streamed: true,
    responseHeaders: SSE_HEADERS,
    response:
      'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_lint01","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"usage":{"input_tokens":12,"output_tokens":1}}}\n\n' +
      'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n',
  },
]);
write('usage-missing', [{ url: CHAT, request: chatRequest([USER]), responseHeaders: JSON_HEADERS, response: completion({ role: 'assistant', content: 'It is cold.' }, 'stop', { usage: undefined }) }]);
write('duplicate-interaction', [0, 1].map(() => ({ url: CHAT, request: chatRequest([USER]), responseHeaders: JSON_HEADERS, response: completion({ role: 'assistant', content: 'It is cold.' }, 'stop') })));
write('volatile-header', [
  { url: CHAT, request: chatRequest([USER]), responseHeaders: { ...JSON_HEADERS, Date: ['Tue, 25 Nov 2025 10:12:04 GMT'], 'X-Request-Id': ['req_lint0123456789'], 'X-Ratelimit-Remaining-Tokens': ['149990'] }, response: completion({ role: 'assistant', content: 'It is cold.' }, 'stop') },
]);
// A 2 KB inline image: oversized with --max-body-size 1024 (the default limit is 1 MiB).
const PIXELS = Buffer.alloc(1500, 7).toString('base64');
write('oversized-body', [
  { url: CHAT, request: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: [{ type: 'text', text: 'Describe it.' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${PIXELS}` } }] }] }, responseHeaders: JSON_HEADERS, response: completion({ role: 'assistant', content: 'A grey square.' }, 'stop') },
]);
write('host-map', [{ url: 'https://llm-gateway.corp.internal/v1/chat/completions', request: chatRequest([USER]), responseHeaders: JSON_HEADERS, response: completion({ role: 'assistant', content: 'It is cold.' }, 'stop') }]);
write('authorization-header', [
  { url: CHAT, request: chatRequest([USER]), requestHeaders: { Authorization: ['Bearer sk-proj-LintSampleFAKE0123456789abcdefghijklmnopqrstuvwxyzABCD'] }, responseHeaders: JSON_HEADERS, response: completion({ role: 'assistant', content: 'It is cold.' }, 'stop') },
]);

// ---- the diagnostic codes ------------------------------------------------------------------
const chatStream = (chunks, done) => [{ url: CHAT, request: chatRequest([USER], { stream: true, stream_options: { include_usage: true } }), streamed: true, responseHeaders: SSE_HEADERS, response: sse(chunks, done) }];
write('stream-unterminated', chatStream([chunk({ role: 'assistant', content: '' }), chunk({ content: 'It is' }), chunk({ content: ' cold' })], false));
write('unparsed-event', chatStream([chunk({ role: 'assistant', content: '' }), '{"id":"chatcmpl-LINT02","choices":[{"delta":{"content":"It is', chunk({ content: 'cold.' }, 'stop'), { ...chunk({}), choices: [], usage: USAGE }]));
write('unknown-event', chatStream([chunk({ role: 'assistant', content: '' }), { id: 'x', object: 'chat.completion.heartbeat' }, chunk({ content: 'It is cold.' }, 'stop'), { ...chunk({}), choices: [], usage: USAGE }]));
const callDelta = (index, id, name, args) => ({ tool_calls: [{ index, ...(id ? { id, type: 'function' } : {}), function: { ...(name ? { name } : {}), arguments: args } }] });
write('tool-call-index-collision', chatStream([chunk({ role: 'assistant', content: null }), chunk(callDelta(0, 'call_lint_a', 'get_weather', '{"city":"Oslo"}')), chunk(callDelta(0, 'call_lint_b', 'get_weather', '{"city":"Bergen"}')), chunk({}, 'tool_calls'), { ...chunk({}), choices: [], usage: USAGE }]));
write('delta-before-start', chatStream([chunk({ role: 'assistant', content: null }), chunk(callDelta(1, null, null, '{"city":')), chunk(callDelta(0, 'call_lint_a', 'get_weather', '{"city":"Oslo"}')), chunk({}, 'tool_calls'), { ...chunk({}), choices: [], usage: USAGE }]));
write('tool-call-without-id', chatStream([chunk({ role: 'assistant', content: null }), chunk(callDelta(0, null, 'get_weather', '{"city":"Oslo"}')), chunk({}, 'tool_calls'), { ...chunk({}), choices: [], usage: USAGE }]));
write('invalid-tool-arguments', [{ url: CHAT, request: chatRequest([USER]), responseHeaders: JSON_HEADERS, response: completion(toolCallMessage('{"city": "Oslo"'), 'tool_calls') }]);
write('unexpected-body', [{ url: CHAT, request: chatRequest([USER]), responseHeaders: { 'Content-Type': ['text/html'] }, response: '<html><body><h1>502 Bad Gateway</h1></body></html>' }]);
write('body-undecodable', [{ url: CHAT, request: chatRequest([USER]), responseHeaders: { ...JSON_HEADERS, 'Content-Encoding': ['gzip'] }, response: new Uint8Array(gzipSync(completion({ role: 'assistant', content: 'It is cold.' }, 'stop')).subarray(0, 40)) }]);

// Bedrock InvokeModelWithResponseStream: Anthropic events in `chunk` frames; the last one carries
// Bedrock's own count, which disagrees with the message usage (usage-mismatch). A frame with a
// flipped payload byte fails its CRC (event-stream-crc).
const toUtf8 = (bytes) => new TextDecoder().decode(bytes);
const fromUtf8 = (text) => new TextEncoder().encode(text);
const codec = new EventStreamCodec(toUtf8, fromUtf8);
const string = (value) => ({ type: 'string', value });
const frame = (event) =>
  codec.encode({ headers: { ':event-type': string('chunk'), ':content-type': string('application/json'), ':message-type': string('event') }, body: fromUtf8(JSON.stringify({ bytes: Buffer.from(JSON.stringify(event)).toString('base64') })) });
const bedrockEvents = (outputMetric) => [
  { type: 'message_start', message: { id: 'msg_bdrk_lint', type: 'message', role: 'assistant', model: 'claude-3-haiku-20240307', content: [], stop_reason: null, usage: { input_tokens: 14, output_tokens: 1 } } },
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'It is cold.' } },
  { type: 'content_block_stop', index: 0 },
  { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 9 } },
  { type: 'message_stop', 'amazon-bedrock-invocationMetrics': { inputTokenCount: 14, outputTokenCount: outputMetric, invocationLatency: 512, firstByteLatency: 301 } },
];
const BEDROCK = 'https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke-with-response-stream';
const bedrockRequest = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 256, messages: [USER] };
const bedrock = (frames) => [{ url: BEDROCK, request: bedrockRequest, streamed: true, responseHeaders: { 'Content-Type': ['application/vnd.amazon.eventstream'] }, response: new Uint8Array(Buffer.concat(frames)) }];
write('usage-mismatch', bedrock(bedrockEvents(5).map(frame)));
const frames = bedrockEvents(9).map(frame);
const broken = Buffer.from(frames[2]);
broken[broken.length - 10] ^= 0xff;
write('event-stream-crc', bedrock([...frames.slice(0, 2), broken, ...frames.slice(3)]));

// content_length that is not the body's length: a body edited by hand.
const lengthFile = join(DIR, 'content-length-mismatch.yaml');
write('content-length-mismatch', [{ url: CHAT, request: chatRequest([USER]), responseHeaders: JSON_HEADERS, response: completion({ role: 'assistant', content: 'It is cold.' }, 'stop') }]);
const text = readFileSync(lengthFile, 'utf8');
writeFileSync(lengthFile, text.replace(/(response:\n(?:.*\n)*?\s+content_length: )(\d+)/, (_, head, n) => `${head}${Number(n) + 25}`));
