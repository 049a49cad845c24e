import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isVolatileHeader, isVolatileKey, isVolatileQueryKey, looksGenerated, withoutNoise } from '../../src/diff/noise.ts';
import { globToRegExp, pathMatcher } from '../../src/diff/path-glob.ts';

test('volatile headers: ids, dates, rate limits, tracing, durations, credentials, client version', () => {
  for (const name of ['Date', 'X-Request-Id', 'request-id', 'CF-RAY', 'x-ratelimit-remaining-tokens', 'anthropic-ratelimit-requests-reset', 'Openai-Processing-Ms', 'x-envoy-upstream-service-time', 'X-Amzn-Requestid', 'x-vercel-id', 'Set-Cookie', 'Authorization', 'User-Agent', 'X-Stainless-Retry-Count']) {
    assert.equal(isVolatileHeader(name), true, name);
  }
  for (const name of ['Content-Type', 'Accept', 'anthropic-version', 'openai-beta', 'anthropic-beta']) assert.equal(isVolatileHeader(name), false, name);
});

test('volatile query keys carry credentials; the others are part of the request', () => {
  assert.equal(isVolatileQueryKey('key'), true);
  assert.equal(isVolatileQueryKey('X-Amz-Signature'), true);
  assert.equal(isVolatileQueryKey('alt'), false);
  assert.equal(isVolatileQueryKey('api-version'), false);
});

test('generated ids are told from model names and plain words', () => {
  for (const id of ['chatcmpl-eaa5320c-c0d2-4f0b-b2c1-378d7e65e871', 'msg_01XFDUDYJgAACzvnptvVoYEL', 'req_01k62v6abtexz9x4ehz7ept3nt', 'call_Ff3FJ8bz0P1XqtPcqyRPMC2B']) {
    assert.equal(looksGenerated(id), true, id);
  }
  for (const name of ['gpt-4o-2024-08-06', 'claude-3-5-sonnet-20241022', 'moonshotai/kimi-k2-instruct-0905', 'functions.add:0', 'embedding']) {
    assert.equal(looksGenerated(name), false, name);
  }
});

test('raw JSON loses its volatile keys at any depth, and keeps the rest', () => {
  const body = {
    id: 'chatcmpl-B7kQ2mZ9xYq4Lw1Rt8Uv3Np6Sd0F',
    object: 'list',
    created: 1764000000,
    system_fingerprint: 'fp_0a1b2c3d4e',
    data: [{ id: 'gpt-4o', created_at: '2025-11-24T16:00:00Z', embedding: [0.1] }],
    usage: { prompt_tokens: 5, total_duration: 123456, queue_time: 0.03 },
    schema: { id: { type: 'string' } },
  };
  assert.deepEqual(withoutNoise(body), { object: 'list', data: [{ id: 'gpt-4o', embedding: [0.1] }], usage: { prompt_tokens: 5 }, schema: { id: { type: 'string' } } });
  assert.equal(isVolatileKey('signature', 'EqQBCkYIBxgC'), true);
  assert.equal(isVolatileKey('created', { type: 'string' }), false);
});

test('--ignore globs match a path or anything below it; * stays within a segment', () => {
  const ignored = pathMatcher(['usage', 'request.headers.*', 'request.messages[*].content[*].text']);
  assert.equal(ignored('response.usage.outputTokens'), true);
  assert.equal(ignored('response.usage'), true);
  assert.equal(ignored('request.params.stream_options.include_usage'), false);
  assert.equal(ignored('request.headers.accept'), true);
  assert.equal(ignored('request.messages[2].content[0].text'), true);
  assert.equal(ignored('request.messages[2].content[0].arguments.a'), false);
  assert.equal(globToRegExp('response.**.city').test('response.toolCalls[0].arguments.city'), true);
  assert.equal(pathMatcher(undefined)('response.text'), false);
});
