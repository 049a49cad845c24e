import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchangesOf } from '../helpers/analyze.ts';
import { sample } from '../helpers/paths.ts';
import { decodeBody } from '../../src/decode/index.ts';
import { openaiCompletions } from '../../src/interpret/openai-completions.ts';
import { findDialect } from '../../src/interpret/index.ts';

test('JSON and SSE completions: choices[].text, finish reason, usage; an error; a cut stream', async () => {
  const [plain, streamed, error, cut] = await exchangesOf(sample('openai-completions.yaml'));
  assert.equal(plain!.provider, 'openai-completions');
  assert.deepEqual(plain!.request.messages, [{ role: 'user', content: [{ type: 'text', text: 'Once upon a time' }] }]);
  assert.equal(plain!.request.stream, false);
  assert.deepEqual(plain!.response, {
    id: 'cmpl-CXa1b2c3d4e5f6g7h8i9j0k1l2',
    model: 'gpt-3.5-turbo-instruct',
    text: ', in a small village nestled in the mountains, there lived a young girl',
    reasoning: '',
    toolCalls: [],
    finishReason: 'length',
    usage: { inputTokens: 4, outputTokens: 16, totalTokens: 20 },
    events: 0,
  });
  assert.equal(streamed!.request.stream, true);
  assert.deepEqual(streamed!.response, {
    id: 'cmpl-CXb2c3d4e5f6g7h8i9j0k1l2m3',
    model: 'gpt-3.5-turbo-instruct',
    text: ' 2+2 equals 4.',
    reasoning: '',
    toolCalls: [],
    finishReason: 'stop',
    usage: { inputTokens: 12, outputTokens: 4, totalTokens: 16 },
    events: 7,
  });
  assert.deepEqual(error!.response.error, {
    type: 'invalid_request_error',
    message: 'This is a chat model and not supported in the v1/completions endpoint. Did you mean to use v1/chat/completions?',
  });
  assert.equal(cut!.response.text, '\n\n1. Red\n2.');
  assert.equal(cut!.response.incomplete, true);
});

test('a completions path with a prompt; chat completions stay with the chat dialect', () => {
  const info = (url: string, body: unknown) => ({ method: 'POST', url: new URL(url), body: decodeBody({ 'Content-Type': ['application/json'] }, JSON.stringify(body)) });
  assert.equal(openaiCompletions.matches(info('http://localhost:8000/v1/completions', { model: 'm', prompt: ['a', 'b'] })), true);
  assert.equal(openaiCompletions.matches(info('https://api.openai.com/v1/completions', { model: 'm', messages: [] })), false);
  assert.equal(findDialect(info('https://api.openai.com/v1/chat/completions', { model: 'm', prompt: 'x', messages: [] }))?.provider, 'openai-chat');
  const request = openaiCompletions.readRequest(info('http://localhost:8000/v1/completions', { model: 'm', prompt: ['a', 'b'] }));
  assert.deepEqual(request.messages, [{ role: 'user', content: [{ type: 'text', text: 'a\n\nb' }] }]);
});
