// Generates Chat Completions samples of servers that extend the OpenAI shape, as their API
// references document them (fake ids, keys and figures):
//   samples/openai-chat-servers.yaml — Mistral (content as typed chunks: `thinking` with inner text
//     chunks, `text`, `tool_reference` citations; JSON and SSE), DeepSeek (`reasoning_content`
//     deltas, cache-hit usage), OpenRouter (`usage.cost` in USD, url_citation annotations; JSON and
//     the usage chunk of a stream).
//   samples/openai-chat-diagnostics.yaml — what the reader reports: two calls on one index, a call
//     without id and with broken arguments, an unparsable event, no [DONE] and no finish reason;
//     a content chunk of an unknown type.
// Run: node scripts/samples/openai-chat-servers.mjs

import { join } from 'node:path';
import { writeGoVcr } from './go-vcr.mjs';

const SAMPLES = join(import.meta.dirname, '../../samples');
const SSE = { 'Content-Type': ['text/event-stream'] };
const JSON_HEADERS = { 'Content-Type': ['application/json'] };
const sse = (chunks, done = true) => chunks.map((c) => `data: ${typeof c === 'string' ? c : JSON.stringify(c)}\n\n`).join('') + (done ? 'data: [DONE]\n\n' : '');
const json = (value) => JSON.stringify(value);

// ---- Mistral ------------------------------------------------------------------------------------

const MISTRAL = 'https://api.mistral.ai/v1/chat/completions';
// Credentials are filtered, as a recorder's hook would (the -dirty samples are the ones that keep keys).
const MISTRAL_KEY = { 'User-Agent': ['mistral-client-python/1.9.10'] };
const mChunk = (delta, finish = null, usage) => ({
  id: '6b1a0c2e4d3f4a5b8c7d9e0f1a2b3c4d',
  object: 'chat.completion.chunk',
  created: 1764700000,
  model: 'magistral-medium-2509',
  choices: [{ index: 0, delta, finish_reason: finish }],
  ...(usage ? { usage } : {}),
});

// ---- OpenRouter ---------------------------------------------------------------------------------

const OPENROUTER = 'https://openrouter.ai/api/v1/chat/completions';
const OR_KEY = { 'HTTP-Referer': ['https://example.com'] };
const orChunk = (delta, finish = null, extra = {}) => ({
  id: 'gen-1764700200-AbCdEfGhIjKlMnOpQrSt',
  provider: 'Google',
  model: 'google/gemini-2.5-flash',
  object: 'chat.completion.chunk',
  created: 1764700200,
  choices: [{ index: 0, delta, finish_reason: finish, native_finish_reason: finish && 'STOP', logprobs: null }],
  ...extra,
});

// ---- DeepSeek -------------------------------------------------------------------------------------

const DEEPSEEK = 'https://api.deepseek.com/chat/completions';
const DS_KEY = { 'User-Agent': ['OpenAI/Python 1.99.9'] };
const dsChunk = (delta, finish = null, usage) => ({
  id: '0d6e5c4b-3a29-4817-9f0e-1d2c3b4a5968',
  object: 'chat.completion.chunk',
  created: 1764700100,
  model: 'deepseek-reasoner',
  system_fingerprint: 'fp_7e0991cad4_prod0820_fp8_kvcache',
  choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  ...(usage ? { usage } : {}),
});

writeGoVcr(join(SAMPLES, 'openai-chat-servers.yaml'), [
  {
    url: MISTRAL,
    requestHeaders: MISTRAL_KEY,
    request: { model: 'magistral-medium-latest', messages: [{ role: 'user', content: 'Is 221 prime?' }], prompt_mode: 'reasoning' },
    responseHeaders: JSON_HEADERS,
    response: json({
      id: '5a0b9c1d2e3f4a5b6c7d8e9f0a1b2c3d',
      object: 'chat.completion',
      created: 1764699990,
      model: 'magistral-medium-2509',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            tool_calls: null,
            content: [
              { type: 'thinking', thinking: [{ type: 'text', text: '221 = 13 × 17, so it is not prime.' }] },
              { type: 'text', text: 'No: 221 = 13 × 17.' },
              { type: 'tool_reference', tool: 'web_search', title: 'Prime numbers up to 1000', url: 'https://example.org/primes', source: 'brave' },
            ],
          },
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 12, completion_tokens: 41, total_tokens: 53 },
    }),
  },
  {
    url: MISTRAL,
    requestHeaders: MISTRAL_KEY,
    request: { model: 'magistral-medium-latest', stream: true, messages: [{ role: 'user', content: 'Is 221 prime?' }] },
    responseHeaders: SSE,
    response: sse([
      mChunk({ role: 'assistant', content: '' }),
      mChunk({ content: [{ type: 'thinking', thinking: [{ type: 'text', text: 'Try small primes: ' }] }] }),
      mChunk({ content: [{ type: 'thinking', thinking: [{ type: 'text', text: '221 = 13 × 17.' }] }] }),
      mChunk({ content: 'No: ' }),
      mChunk({ content: '221 = 13 × 17.' }),
      mChunk({ content: '' }, 'stop', { prompt_tokens: 12, completion_tokens: 38, total_tokens: 50 }),
    ]),
    streamed: true,
  },
  {
    url: DEEPSEEK,
    requestHeaders: DS_KEY,
    request: { model: 'deepseek-reasoner', stream: true, messages: [{ role: 'user', content: 'Which is larger, 9.11 or 9.9?' }] },
    responseHeaders: SSE,
    response: sse([
      dsChunk({ role: 'assistant', content: null, reasoning_content: '' }),
      dsChunk({ content: null, reasoning_content: 'Compare the tenths: ' }),
      dsChunk({ content: null, reasoning_content: '9.9 has 9, 9.11 has 1.' }),
      dsChunk({ content: '9.9', reasoning_content: null }),
      dsChunk({ content: ' is larger.', reasoning_content: null }),
      dsChunk({ content: '', reasoning_content: null }, 'stop', {
        prompt_tokens: 18,
        completion_tokens: 52,
        total_tokens: 70,
        prompt_tokens_details: { cached_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 44 },
        prompt_cache_hit_tokens: 0,
        prompt_cache_miss_tokens: 18,
      }),
    ]),
    streamed: true,
  },
  {
    url: OPENROUTER,
    requestHeaders: OR_KEY,
    request: { model: 'openai/gpt-4o-mini:online', messages: [{ role: 'user', content: 'Who maintains go-vcr?' }], usage: { include: true } },
    responseHeaders: JSON_HEADERS,
    response: json({
      id: 'gen-1764700150-ZyXwVuTsRqPoNmLkJiHg',
      provider: 'OpenAI',
      model: 'openai/gpt-4o-mini',
      object: 'chat.completion',
      created: 1764700150,
      choices: [
        {
          logprobs: null,
          finish_reason: 'stop',
          native_finish_reason: 'stop',
          index: 0,
          message: {
            role: 'assistant',
            content: 'go-vcr is maintained by Marin Atanasov Nikolov ([github.com](https://github.com/dnaeon/go-vcr)).',
            refusal: null,
            reasoning: null,
            annotations: [
              { type: 'url_citation', url_citation: { url: 'https://github.com/dnaeon/go-vcr', title: 'dnaeon/go-vcr: Record and replay your HTTP interactions', start_index: 55, end_index: 91, content: 'Record and replay your HTTP interactions for fast, deterministic and accurate tests' } },
            ],
          },
        },
      ],
      usage: {
        prompt_tokens: 3012,
        completion_tokens: 31,
        total_tokens: 3043,
        cost: 0.0204698,
        is_byok: false,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
        cost_details: { upstream_inference_cost: null, upstream_inference_prompt_cost: 0.0004518, upstream_inference_completions_cost: 0.0000186 },
        completion_tokens_details: { reasoning_tokens: 0, image_tokens: 0 },
      },
    }),
  },
  {
    url: OPENROUTER,
    requestHeaders: OR_KEY,
    request: { model: 'google/gemini-2.5-flash', stream: true, messages: [{ role: 'user', content: 'Say hi in Portuguese.' }] },
    responseHeaders: SSE,
    // OpenRouter keeps the connection alive with SSE comments while the model starts.
    response:
      ': OPENROUTER PROCESSING\n\n' +
      sse([
        orChunk({ role: 'assistant', content: 'Olá!' }),
        orChunk({ role: 'assistant', content: '' }, 'stop'),
        orChunk({ role: 'assistant', content: '' }, null, {
          choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null, native_finish_reason: null, logprobs: null }],
          usage: { prompt_tokens: 6, completion_tokens: 3, total_tokens: 9, cost: 0.0000093, is_byok: false, prompt_tokens_details: { cached_tokens: 0 }, cost_details: { upstream_inference_cost: null }, completion_tokens_details: { reasoning_tokens: 0 } },
        }),
      ]),
    streamed: true,
  },
]);

// ---- diagnostics ---------------------------------------------------------------------------------

const LOCAL = 'http://localhost:8080/v1/chat/completions';
const chunk = (delta, finish = null) => ({ id: 'chatcmpl-local-42', object: 'chat.completion.chunk', created: 1764700300, model: 'qwen3-coder', choices: [{ index: 0, delta, finish_reason: finish }] });

writeGoVcr(join(SAMPLES, 'openai-chat-diagnostics.yaml'), [
  {
    url: LOCAL,
    request: { model: 'qwen3-coder', stream: true, messages: [{ role: 'user', content: 'Weather and time in Porto?' }], tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } }, { type: 'function', function: { name: 'get_time', parameters: { type: 'object' } } }] },
    responseHeaders: SSE,
    // A server that puts every call on index 0 (the second has a new id), sends one call without
    // an id and with broken arguments, an event cut in half, and stops without a finish reason.
    response: sse(
      [
        chunk({ role: 'assistant', tool_calls: [{ index: 0, id: 'call_weather_1', type: 'function', function: { name: 'get_weather', arguments: '' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":"Porto"}' } }] }),
        chunk({ tool_calls: [{ index: 0, id: 'call_time_2', type: 'function', function: { name: 'get_time', arguments: '{"city":"Porto"}' } }] }),
        chunk({ tool_calls: [{ index: 2, type: 'function', function: { name: 'get_weather', arguments: '{"city": Lisbon}' } }] }),
        '{"id":"chatcmpl-local-42","object":"chat.completion.chunk","choi',
      ],
      false,
    ),
    streamed: true,
  },
  {
    url: LOCAL,
    request: { model: 'qwen3-coder', messages: [{ role: 'user', content: 'Describe the chart.' }] },
    responseHeaders: JSON_HEADERS,
    response: json({
      id: 'chatcmpl-local-43',
      object: 'chat.completion',
      created: 1764700400,
      model: 'qwen3-coder',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: [{ type: 'text', text: 'Sales rose in Q3.' }, { type: 'audio_transcript', transcript: 'Sales rose in Q3.' }] } }],
      usage: { prompt_tokens: 30, completion_tokens: 6, total_tokens: 36 },
    }),
  },
]);
