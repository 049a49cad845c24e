import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFile, exchangesOf } from '../helpers/analyze.ts';
import { checkOracle } from '../helpers/oracle.ts';
import { sample } from '../helpers/paths.ts';
import { decodeBody } from '../../src/decode/index.ts';
import { ollama } from '../../src/interpret/ollama.ts';
import { analyzeInteraction } from '../../src/interpret/index.ts';
import { interactionJson, isStreamed } from '../../src/present/json.ts';
import { renderTranscript } from '../../src/present/transcript.ts';
import { PLAIN_THEME } from '../../src/present/theme.ts';
import type { Interaction } from '../../src/model.ts';

test('NDJSON decodes to the list of lines; a cut last line stays as its text', () => {
  const headers = { 'Content-Type': ['application/x-ndjson'] };
  assert.deepEqual(decodeBody(headers, '{"a":1}\n\n{"b":2}\n'), { kind: 'json', value: [{ a: 1 }, { b: 2 }], text: '{"a":1}\n\n{"b":2}\n' });
  assert.deepEqual(decodeBody(headers, '{"a":1}\n{"b":'), { kind: 'json', value: [{ a: 1 }, '{"b":'], text: '{"a":1}\n{"b":' });
});

test('/api/chat NDJSON: thinking, a tool call with object arguments, done_reason and eval counts', async () => {
  const analyzed = await analyzeFile(sample('ollama-chat-stream.yaml'));
  const [first, second] = analyzed.interactions.map((i) => i.llm!);
  assert.equal(first!.provider, 'ollama');
  assert.equal(first!.host, 'localhost:11434');
  // No `stream` field: Ollama streams by default.
  assert.equal(first!.request.stream, true);
  assert.deepEqual(first!.response, {
    model: 'qwen3:8b',
    text: '',
    reasoning: 'The user asks about Tokyo. I will call get_weather.',
    toolCalls: [{ id: null, name: 'get_weather', arguments: { city: 'Tokyo' } }],
    finishReason: 'stop',
    usage: { inputTokens: 163, outputTokens: 48 },
    events: 4,
  });
  assert.deepEqual(second!.request.messages.slice(1), [
    {
      role: 'assistant',
      content: [
        { type: 'reasoning', text: 'The user asks about Tokyo. I will call get_weather.' },
        { type: 'tool-call', id: null, name: 'get_weather', arguments: { city: 'Tokyo' } },
      ],
    },
    { role: 'tool', content: [{ type: 'tool-result', toolCallId: null, name: 'get_weather', content: '22°C, clear skies' }] },
  ]);
  assert.deepEqual(second!.response, {
    model: 'qwen3:8b',
    text: 'It is 22°C with clear skies in Tokyo.',
    reasoning: 'The tool says 22°C and clear.',
    toolCalls: [],
    finishReason: 'stop',
    usage: { inputTokens: 224, outputTokens: 29 },
    events: 4,
  });
  const result = checkOracle(analyzed, 'ollama');
  assert.deepEqual(result.mismatches, []);
  assert.equal(result.checked.get('ollama'), 1);
});

test('stream: false JSON chat with a schema format; /api/generate as JSON and as NDJSON', async () => {
  const [chat, generate, streamed] = await exchangesOf(sample('ollama-json.yaml'));
  assert.equal(chat!.request.stream, false);
  assert.equal(chat!.request.system, 'Answer in JSON.');
  assert.deepEqual(chat!.request.responseFormat, { type: 'json_schema', schema: { type: 'object', properties: { capital: { type: 'string' } }, required: ['capital'] } });
  assert.deepEqual(chat!.response, { model: 'llama3.2:3b', text: '{"capital": "Tokyo"}', reasoning: '', toolCalls: [], finishReason: 'stop', usage: { inputTokens: 34, outputTokens: 9 }, events: 0 });
  assert.equal(generate!.request.system, 'Be brief.');
  assert.deepEqual(generate!.request.messages, [{ role: 'user', content: [{ type: 'text', text: 'Why is the sky blue? One sentence.' }] }]);
  assert.equal(generate!.response.text, 'Sunlight scatters off air molecules, and blue light scatters the most');
  assert.equal(generate!.response.finishReason, 'length');
  assert.deepEqual(generate!.response.usage, { inputTokens: 31, outputTokens: 24 });
  assert.deepEqual(streamed!.response, { model: 'llama3.2:3b', text: 'Bonjour !', reasoning: '', toolCalls: [], finishReason: 'stop', usage: { inputTokens: 30, outputTokens: 4 }, events: 4 });
});

test('a stream cut mid-line is incomplete; {error} bodies and error lines are errors', async () => {
  const [cut, missing, failed] = await exchangesOf(sample('ollama-errors.yaml'));
  assert.deepEqual(cut!.response, { model: 'llama3.2:3b', text: 'Mount Fuji is', reasoning: '', toolCalls: [], finishReason: null, usage: null, events: 3, incomplete: true });
  assert.deepEqual(missing!.response.error, { type: 'error', message: "model 'llama9:70b' not found" });
  assert.deepEqual(failed!.response.error, { type: 'error', message: 'an error was encountered while running the model: unexpected EOF' });
  assert.equal(failed!.response.text, 'Once');
  assert.equal(failed!.response.incomplete, undefined);
});

test('matches /api/chat and /api/generate with a model, on any host; not OpenAI-compatible /v1 paths', () => {
  const info = (url: string, body: unknown) => ({ method: 'POST', url: new URL(url), body: decodeBody({ 'Content-Type': ['application/json'] }, JSON.stringify(body)) });
  assert.equal(ollama.matches(info('http://gpu-box.lan:11434/api/chat', { model: 'llama3.2', messages: [] })), true);
  assert.equal(ollama.matches(info('https://ollama.example.com/api/generate', { model: 'llama3.2', prompt: 'hi' })), true);
  assert.equal(ollama.matches(info('http://localhost:11434/api/chat', { messages: [] })), false);
  assert.equal(ollama.matches(info('http://localhost:11434/api/embed', { model: 'm', input: 'x' })), false);
  assert.equal(ollama.matches(info('http://localhost:11434/v1/chat/completions', { model: 'm', messages: [] })), false);
});

// ---- diagnostics and presentation ------------------------------------------------------------------

function ollamaInteraction(responseBody: string, contentType: string, stream = true): Interaction {
  const request = { model: 'qwen3:8b', messages: [{ role: 'user', content: 'hi' }], ...(stream ? {} : { stream: false }) };
  return {
    index: 0,
    request: { method: 'POST', url: 'http://localhost:11434/api/chat', headers: { 'Content-Type': ['application/json'] }, body: JSON.stringify(request) },
    response: { status: 200, statusText: '200 OK', headers: { 'Content-Type': [contentType] }, body: responseBody },
  };
}

test('diagnostics: a line that is not JSON, no done line, arguments that are not JSON; none for whole samples', async () => {
  const [cut] = (await analyzeFile(sample('ollama-errors.yaml'))).interactions;
  assert.deepEqual(cut!.diagnostics, [
    { code: 'unparsed-event', message: 'Ollama stream line 3 (53 characters) is not a JSON object', event: 2 },
    { code: 'stream-unterminated', message: 'Ollama stream ended without a `done: true` line' },
  ]);
  for (const file of ['ollama-chat-stream.yaml', 'ollama-json.yaml']) {
    for (const item of (await analyzeFile(sample(file))).interactions) assert.deepEqual(item.diagnostics, [], `${file}#${item.interaction.index}`);
  }
  const line = (message: unknown, done = false) => JSON.stringify({ model: 'qwen3:8b', message, done, ...(done ? { done_reason: 'stop' } : {}) });
  const bad = { role: 'assistant', content: '', tool_calls: [{ function: { name: 'get_weather', arguments: '{"city": ' } }] };
  const streamed = analyzeInteraction(ollamaInteraction(`${line(bad)}\n${line({ role: 'assistant', content: '' }, true)}\n`, 'application/x-ndjson'));
  assert.deepEqual(streamed.llm!.response.toolCalls, [{ id: null, name: 'get_weather', arguments: '{"city": ', invalidArguments: true }]);
  assert.deepEqual(streamed.diagnostics, [{ code: 'invalid-tool-arguments', message: 'Ollama tool call get_weather: arguments are not valid JSON', event: 0 }]);
  // `stream: false`: one object, no line numbers, and no terminator to miss.
  const single = analyzeInteraction(ollamaInteraction(JSON.stringify({ model: 'qwen3:8b', message: bad, done: false }), 'application/json', false));
  assert.deepEqual(single.diagnostics, [{ code: 'invalid-tool-arguments', message: 'Ollama tool call get_weather: arguments are not valid JSON' }]);
});

test('an NDJSON stream counts as streamed in show and --json; a Gemini JSON-array stream stays as it was', async () => {
  const analyzed = await analyzeFile(sample('ollama-chat-stream.yaml'));
  assert.deepEqual(analyzed.interactions.map((i) => interactionJson(i).response.streamed), [true, true]);
  const transcript = renderTranscript(analyzed, { theme: PLAIN_THEME });
  assert.equal(transcript.match(/· 4 events/g)?.length, 2);
  assert.ok(!renderTranscript(analyzed, { theme: PLAIN_THEME, stable: true }).includes('events'));
  const json = await analyzeFile(sample('ollama-json.yaml'));
  assert.deepEqual(json.interactions.map((i) => isStreamed(i.responseBody)), [false, false, true]);
  const gemini = await analyzeFile(sample('gemini-json.yaml'));
  assert.deepEqual(gemini.interactions.map((i) => isStreamed(i.responseBody)), [false, false]);
});
