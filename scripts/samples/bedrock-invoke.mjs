// Generates samples/bedrock-invocation-metrics.yaml: a Bedrock invoke-with-response-stream call of
// Claude 3 Haiku with a tool, whose last chunk carries `amazon-bedrock-invocationMetrics` with an
// outputTokenCount lower than the message_delta usage (what Bedrock's Claude 3 tool-use streams
// report; the corpus has three such). Frames are encoded by @smithy/eventstream-codec, each chunk
// `{"bytes": <base64 of the Anthropic event>, "p": <padding>}` as Bedrock sends them. Fake ids.
// Run: node scripts/samples/bedrock-invoke.mjs

import { EventStreamCodec } from '@smithy/eventstream-codec';
import { join } from 'node:path';
import { writeGoVcr } from './go-vcr.mjs';

const SAMPLES = join(import.meta.dirname, '../../samples');
const codec = new EventStreamCodec((b) => new TextDecoder().decode(b), (t) => new TextEncoder().encode(t));
const PADDING = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123';
const string = (value) => ({ type: 'string', value });
let frames = 0;

function chunk(event) {
  const p = PADDING.slice(0, 4 + ((frames++ * 11) % 50));
  const headers = { ':event-type': string('chunk'), ':content-type': string('application/json'), ':message-type': string('event') };
  const body = JSON.stringify({ bytes: Buffer.from(JSON.stringify(event)).toString('base64'), p });
  return codec.encode({ headers, body: new TextEncoder().encode(body) });
}

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const events = [
  { type: 'message_start', message: { id: 'msg_bdrk_01Hk3Wq9Zt5Lm2Xc8Vr4Nb7J', type: 'message', role: 'assistant', model: 'claude-3-haiku-20240307', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 352, output_tokens: 1 } } },
  { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_bdrk_01Rx7Tn2Qm8Lk4Wz6Hc9Bv3', name: 'get_exchange_rate', input: {} } },
  { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"from": "NOK",' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: ' "to": "EUR"}' } },
  { type: 'content_block_stop', index: 0 },
  { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 53 } },
  { type: 'message_stop', 'amazon-bedrock-invocationMetrics': { inputTokenCount: 352, outputTokenCount: 35, invocationLatency: 918, firstByteLatency: 466 } },
];

writeGoVcr(join(SAMPLES, 'bedrock-invocation-metrics.yaml'), [
  {
    url: `https://bedrock-runtime.eu-north-1.amazonaws.com/model/${encodeURIComponent(MODEL)}/invoke-with-response-stream`,
    requestHeaders: { 'User-Agent': ['Boto3/1.40.55 md/Botocore#1.40.55 ua/2.1 os/linux lang/python#3.12.3 cfg/retry-mode#legacy Botocore/1.40.55'] },
    request: {
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 512,
      tools: [{ name: 'get_exchange_rate', description: 'Exchange rate between two currencies', input_schema: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } }, required: ['from', 'to'] } }],
      messages: [{ role: 'user', content: 'How many euros is 500 kroner?' }],
    },
    streamed: true,
    responseHeaders: { 'Content-Type': ['application/vnd.amazon.eventstream'], 'X-Amzn-Requestid': ['7c1f0a52-3b9e-4d27-9a61-5e2b8d4c0f13'], 'X-Amzn-Bedrock-Content-Type': ['application/json'] },
    response: new Uint8Array(Buffer.concat(events.map(chunk))),
    duration: '921ms',
  },
]);
