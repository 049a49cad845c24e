// Generates samples/ollama-*.yaml: Ollama's native /api/chat and /api/generate as its api.md
// documents them (fake figures): NDJSON streams (the default), `stream: false` JSON, errors.
// Run: node scripts/samples/ollama.mjs

import { join } from 'node:path';
import { writeGoVcr } from './go-vcr.mjs';

const SAMPLES = join(import.meta.dirname, '../../samples');
const HOST = 'http://localhost:11434';
const CLIENT = { 'User-Agent': ['ollama-python/0.6.0 (x86_64 linux) Python/3.12.3'] };
const NDJSON = { 'Content-Type': ['application/x-ndjson'], Date: ['Tue, 25 Nov 2025 09:30:12 GMT'] };
const JSON_HEADERS = { 'Content-Type': ['application/json; charset=utf-8'], Date: ['Tue, 25 Nov 2025 09:31:40 GMT'] };

const ndjson = (lines) => lines.map((line) => `${JSON.stringify(line)}\n`).join('');
let second = 0;
const at = () => `2025-11-25T09:30:${String(12 + Math.floor(second / 10)).padStart(2, '0')}.${String(100000000 + second++ * 37512345).slice(0, 9)}Z`;
const chunk = (model, message) => ({ model, created_at: at(), message: { role: 'assistant', content: '', ...message }, done: false });
const done = (model, reason, figures) => ({ model, created_at: at(), message: { role: 'assistant', content: '' }, done: true, done_reason: reason, ...figures });

const MODEL = 'qwen3:8b';
const WEATHER_TOOL = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const USER = { role: 'user', content: 'What is the weather in Tokyo?' };
const THINKING = 'The user asks about Tokyo. I will call get_weather.';
const CALL = { function: { name: 'get_weather', arguments: { city: 'Tokyo' } } };

writeGoVcr(join(SAMPLES, 'ollama-chat-stream.yaml'), [
  {
    url: `${HOST}/api/chat`,
    requestHeaders: CLIENT,
    request: { model: MODEL, messages: [USER], tools: [WEATHER_TOOL], think: true },
    responseHeaders: NDJSON,
    response: ndjson([
      chunk(MODEL, { thinking: 'The user asks about Tokyo.' }),
      chunk(MODEL, { thinking: ' I will call get_weather.' }),
      chunk(MODEL, { tool_calls: [CALL] }),
      done(MODEL, 'stop', { total_duration: 2417308125, load_duration: 61528917, prompt_eval_count: 163, prompt_eval_duration: 129481000, eval_count: 48, eval_duration: 2224870000 }),
    ]),
    streamed: true,
    duration: '2.418s',
  },
  {
    url: `${HOST}/api/chat`,
    requestHeaders: CLIENT,
    request: {
      model: MODEL,
      messages: [USER, { role: 'assistant', content: '', thinking: THINKING, tool_calls: [CALL] }, { role: 'tool', content: '22°C, clear skies', tool_name: 'get_weather' }],
      tools: [WEATHER_TOOL],
      think: true,
    },
    responseHeaders: NDJSON,
    response: ndjson([
      chunk(MODEL, { thinking: 'The tool says 22°C and clear.' }),
      chunk(MODEL, { content: 'It is 22°C' }),
      chunk(MODEL, { content: ' with clear skies in Tokyo.' }),
      done(MODEL, 'stop', { total_duration: 1203992417, load_duration: 40183208, prompt_eval_count: 224, prompt_eval_duration: 98110000, eval_count: 29, eval_duration: 1061740000 }),
    ]),
    streamed: true,
    duration: '1.204s',
  },
]);

// ---- plain JSON chat (stream: false, a schema format), and /api/generate both ways ----

const LLAMA = 'llama3.2:3b';
writeGoVcr(join(SAMPLES, 'ollama-json.yaml'), [
  {
    url: `${HOST}/api/chat`,
    requestHeaders: CLIENT,
    request: {
      model: LLAMA,
      messages: [{ role: 'system', content: 'Answer in JSON.' }, { role: 'user', content: 'Capital of Japan?' }],
      stream: false,
      format: { type: 'object', properties: { capital: { type: 'string' } }, required: ['capital'] },
      options: { temperature: 0 },
    },
    responseHeaders: JSON_HEADERS,
    response: JSON.stringify({
      model: LLAMA,
      created_at: '2025-11-25T09:31:40.581236Z',
      message: { role: 'assistant', content: '{"capital": "Tokyo"}' },
      done_reason: 'stop',
      done: true,
      total_duration: 412593750,
      load_duration: 30291459,
      prompt_eval_count: 34,
      prompt_eval_duration: 61372000,
      eval_count: 9,
      eval_duration: 319104000,
    }),
  },
  {
    url: `${HOST}/api/generate`,
    requestHeaders: CLIENT,
    request: { model: LLAMA, prompt: 'Why is the sky blue? One sentence.', system: 'Be brief.', stream: false, options: { num_predict: 24 } },
    responseHeaders: JSON_HEADERS,
    response: JSON.stringify({
      model: LLAMA,
      created_at: '2025-11-25T09:31:42.010245Z',
      response: 'Sunlight scatters off air molecules, and blue light scatters the most',
      done: true,
      done_reason: 'length',
      context: [128006, 9125, 128007, 271, 38766, 1303, 33025, 2696],
      total_duration: 655201417,
      load_duration: 28710125,
      prompt_eval_count: 31,
      prompt_eval_duration: 40817000,
      eval_count: 24,
      eval_duration: 582104000,
    }),
  },
  {
    url: `${HOST}/api/generate`,
    requestHeaders: CLIENT,
    request: { model: LLAMA, prompt: 'Say hello in French.' },
    responseHeaders: NDJSON,
    response: ndjson([
      { model: LLAMA, created_at: at(), response: 'Bon', done: false },
      { model: LLAMA, created_at: at(), response: 'jour', done: false },
      { model: LLAMA, created_at: at(), response: ' !', done: false },
      { model: LLAMA, created_at: at(), response: '', done: true, done_reason: 'stop', context: [128006, 882, 128007], total_duration: 240193584, load_duration: 21094334, prompt_eval_count: 30, prompt_eval_duration: 33504000, eval_count: 4, eval_duration: 181022000 },
    ]),
    streamed: true,
  },
]);

// ---- what goes wrong: a stream cut mid-line, an unknown model, an error line in the stream ----

const cut = ndjson([chunk(LLAMA, { content: 'Mount' }), chunk(LLAMA, { content: ' Fuji is' })]);
writeGoVcr(join(SAMPLES, 'ollama-errors.yaml'), [
  {
    url: `${HOST}/api/chat`,
    requestHeaders: CLIENT,
    request: { model: LLAMA, messages: [{ role: 'user', content: 'How tall is Mount Fuji?' }] },
    responseHeaders: NDJSON,
    // The recording ends in the middle of the third line.
    response: `${cut}{"model":"llama3.2:3b","created_at":"2025-11-25T09:32`,
    streamed: true,
  },
  {
    url: `${HOST}/api/chat`,
    requestHeaders: CLIENT,
    request: { model: 'llama9:70b', messages: [{ role: 'user', content: 'Hi' }] },
    status: 404,
    statusText: 'Not Found',
    responseHeaders: JSON_HEADERS,
    response: JSON.stringify({ error: "model 'llama9:70b' not found" }),
  },
  {
    url: `${HOST}/api/chat`,
    requestHeaders: CLIENT,
    request: { model: LLAMA, messages: [{ role: 'user', content: 'Tell me a long story.' }] },
    responseHeaders: NDJSON,
    response: ndjson([chunk(LLAMA, { content: 'Once' }), { error: 'an error was encountered while running the model: unexpected EOF' }]),
    streamed: true,
  },
]);
