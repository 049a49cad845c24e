// Generates samples/openai-completions.yaml: OpenAI's legacy /v1/completions as its API reference
// documents it (fake ids and figures): plain JSON, an SSE stream with usage, an error, a cut stream.
// Run: node scripts/samples/openai-completions.mjs

import { join } from 'node:path';
import { writeGoVcr } from './go-vcr.mjs';

const SAMPLES = join(import.meta.dirname, '../../samples');
const URL = 'https://api.openai.com/v1/completions';
const SDK = { 'User-Agent': ['OpenAI/Python 1.99.9'] };
const JSON_HEADERS = { 'Content-Type': ['application/json'], 'Openai-Model': ['gpt-3.5-turbo-instruct'], 'X-Request-Id': ['req_5f1e2d3c4b5a69788796a5b4c3d2e1f0'] };
const SSE = { 'Content-Type': ['text/event-stream; charset=utf-8'], 'X-Request-Id': ['req_6a2f3e4d5c6b7a8998a7b6c5d4e3f2a1'] };
const MODEL = 'gpt-3.5-turbo-instruct';

const piece = (id, text, finish = null) => ({ id, object: 'text_completion', created: 1764000300, choices: [{ text, index: 0, logprobs: null, finish_reason: finish }], model: MODEL });
const sse = (chunks, doneLine = true) => chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('') + (doneLine ? 'data: [DONE]\n\n' : '');

writeGoVcr(join(SAMPLES, 'openai-completions.yaml'), [
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: MODEL, prompt: 'Once upon a time', max_tokens: 16, temperature: 0 },
    responseHeaders: JSON_HEADERS,
    response: JSON.stringify({
      id: 'cmpl-CXa1b2c3d4e5f6g7h8i9j0k1l2',
      object: 'text_completion',
      created: 1764000200,
      model: MODEL,
      choices: [{ text: ', in a small village nestled in the mountains, there lived a young girl', index: 0, logprobs: null, finish_reason: 'length' }],
      usage: { prompt_tokens: 4, completion_tokens: 16, total_tokens: 20 },
    }),
  },
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: MODEL, prompt: 'Q: What is 2+2?\nA:', max_tokens: 8, stop: ['\n'], stream: true, stream_options: { include_usage: true } },
    responseHeaders: SSE,
    response: sse([
      piece('cmpl-CXb2c3d4e5f6g7h8i9j0k1l2m3', ' 2'),
      piece('cmpl-CXb2c3d4e5f6g7h8i9j0k1l2m3', '+2'),
      piece('cmpl-CXb2c3d4e5f6g7h8i9j0k1l2m3', ' equals'),
      piece('cmpl-CXb2c3d4e5f6g7h8i9j0k1l2m3', ' 4.'),
      piece('cmpl-CXb2c3d4e5f6g7h8i9j0k1l2m3', '', 'stop'),
      { id: 'cmpl-CXb2c3d4e5f6g7h8i9j0k1l2m3', object: 'text_completion', created: 1764000300, choices: [], model: MODEL, usage: { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 } },
    ]),
    streamed: true,
  },
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: 'gpt-4o-mini', prompt: 'Hello' },
    status: 404,
    statusText: 'Not Found',
    responseHeaders: JSON_HEADERS,
    response: JSON.stringify({ error: { message: 'This is a chat model and not supported in the v1/completions endpoint. Did you mean to use v1/chat/completions?', type: 'invalid_request_error', param: 'model', code: null } }, null, 4),
  },
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: MODEL, prompt: 'List three colors:', max_tokens: 20, stream: true },
    responseHeaders: SSE,
    // The recording ends after two chunks: no finish reason, no [DONE].
    response: sse([piece('cmpl-CXc3d4e5f6g7h8i9j0k1l2m3n4', '\n\n1. Red'), piece('cmpl-CXc3d4e5f6g7h8i9j0k1l2m3n4', '\n2.')], false),
    streamed: true,
  },
]);
