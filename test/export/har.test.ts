// HAR mapping on our own samples: exact fields, the clock, pages, schema validity.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import validate from 'har-validator';
import { BASE_TIME_MS, harLog } from '../../src/present/har.ts';
import { analyzeFile } from '../helpers/analyze.ts';
import { sample } from '../helpers/paths.ts';

const DETAILS = sample('other-api-har-details.yaml');
const TOOLS = sample('openai-chat-tools-stream.yaml');

test('request: query string, cookies, headers one per value, sizes', async () => {
  const har = harLog([await analyzeFile(DETAILS)], '9.9.9');
  await validate.har(har);
  assert.deepEqual(har.log.creator, { name: 'cassette', version: '9.9.9' });
  assert.equal(har.log.version, '1.2');
  const [first] = har.log.entries;
  assert.deepEqual(first!.request, {
    method: 'GET',
    url: 'https://example.com/v1/items?page=2&tag=a&tag=b%20c',
    httpVersion: 'HTTP/1.1',
    cookies: [
      { name: 'session', value: 'abc123' },
      { name: 'theme', value: 'dark' },
    ],
    headers: [
      { name: 'Accept', value: 'application/json' },
      { name: 'Cookie', value: 'session=abc123; theme=dark' },
    ],
    queryString: [
      { name: 'page', value: '2' },
      { name: 'tag', value: 'a' },
      { name: 'tag', value: 'b c' },
    ],
    headersSize: -1,
    bodySize: 0,
  });
});

test('response: reason phrase, Set-Cookie, redirect, binary body as base64', async () => {
  const har = harLog([await analyzeFile(DETAILS)], '0');
  const [redirect, binary] = har.log.entries;
  assert.equal(redirect!.response.status, 302);
  assert.equal(redirect!.response.statusText, 'Found');
  assert.equal(redirect!.response.redirectURL, 'https://example.com/v1/items?page=3');
  assert.deepEqual(redirect!.response.cookies, [
    { name: 'session', value: 'def456', path: '/', domain: 'example.com', expires: '2025-10-08T12:30:05.000Z', httpOnly: true, secure: true },
    { name: 'theme', value: 'light' },
  ]);
  assert.deepEqual(redirect!.response.content, { size: 0, mimeType: 'x-unknown', text: '' });
  assert.equal(binary!.response.httpVersion, 'HTTP/2.0');
  assert.deepEqual(binary!.response.content, { size: 6, mimeType: 'application/octet-stream', text: 'AAECA/7/', encoding: 'base64' });
  assert.equal(binary!.response.bodySize, 6);
  assert.equal(binary!._llm, null);
});

test('clock: the Date header when recorded, then cumulative durations', async () => {
  const har = harLog([await analyzeFile(DETAILS)], '0');
  const [first, second] = har.log.entries;
  assert.equal(first!.startedDateTime, '2025-10-07T12:30:05.000Z');
  assert.equal(first!.time, 250);
  assert.deepEqual(first!.timings, { send: 0, wait: 250, receive: 0 });
  assert.equal(second!.startedDateTime, '2025-10-07T12:30:05.250Z');
  assert.equal(second!.time, 1500);
});

test('clock: without a Date header, the fixed base time plus durations', async () => {
  const har = harLog([await analyzeFile(TOOLS)], '0');
  assert.equal(new Date(BASE_TIME_MS).toISOString(), '2000-01-01T00:00:00.000Z');
  assert.deepEqual(
    har.log.entries.map((e) => [e.startedDateTime, e.time]),
    [
      ['2000-01-01T00:00:00.000Z', 612.345],
      ['2000-01-01T00:00:00.612Z', 488.1],
    ],
  );
});

test('LLM entries: postData, streamed text as is, _llm is the reassembled exchange', async () => {
  const analyzed = await analyzeFile(TOOLS);
  const har = harLog([analyzed], '0');
  const [entry] = har.log.entries;
  assert.equal(entry!.request.postData?.mimeType, 'application/json');
  assert.equal(entry!.request.postData?.text, analyzed.cassette.interactions[0]!.request.body);
  assert.equal(entry!.request.bodySize, Buffer.byteLength(entry!.request.postData!.text!));
  assert.equal(entry!.response.content.mimeType, 'text/event-stream');
  assert.ok(entry!.response.content.text!.startsWith('data: {'));
  assert.equal(entry!._llm, analyzed.interactions[0]!.llm);
  assert.deepEqual((entry!._llm as { response: { toolCalls: unknown } }).response.toolCalls, [
    { id: 'call_W3aTh3r', name: 'get_weather', arguments: { city: 'Lisbon', unit: 'celsius' } },
    { id: 'call_T1m3', name: 'get_time', arguments: { city: 'Lisbon' } },
  ]);
});

test('several cassettes: one page per cassette, entries point at their page', async () => {
  const har = harLog([await analyzeFile(TOOLS), await analyzeFile(DETAILS)], '0');
  await validate.har(har);
  assert.deepEqual(
    har.log.pages!.map((p) => [p.id, p.title, p.startedDateTime]),
    [
      ['page_1', TOOLS, '2000-01-01T00:00:00.000Z'],
      ['page_2', DETAILS, '2025-10-07T12:30:05.000Z'],
    ],
  );
  assert.deepEqual(har.log.entries.map((e) => e.pageref), ['page_1', 'page_1', 'page_2', 'page_2']);
});
