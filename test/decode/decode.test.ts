import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBody } from '../../src/decode/index.ts';
import { parseSse } from '../../src/decode/sse.ts';

const sseHeaders = { 'Content-Type': ['text/event-stream; charset=utf-8'] };

test('SSE: events, names, multi-line data, comments, CRLF and a last event without blank line', () => {
  const events = parseSse(': keep-alive\r\nevent: message_start\r\ndata: {"a":1}\r\n\r\ndata: line one\ndata: line two\n\nid: 7\ndata: [DONE]');
  assert.deepEqual(events, [
    { event: 'message_start', data: '{"a":1}' },
    { data: 'line one\nline two' },
    { id: '7', data: '[DONE]' },
  ]);
});

test('bodies decode by content type, then by content', () => {
  assert.deepEqual(decodeBody({}, ''), { kind: 'empty' });
  assert.deepEqual(decodeBody({ 'content-type': ['application/json'] }, '{"x":[1]}'), { kind: 'json', value: { x: [1] }, text: '{"x":[1]}' });
  assert.equal(decodeBody(sseHeaders, 'data: {}\n\n').kind, 'sse');
  // No content type: sniffed.
  assert.equal(decodeBody({}, 'data: {"x":1}\n\ndata: [DONE]\n\n').kind, 'sse');
  assert.equal(decodeBody({}, '[1,2]').kind, 'json');
  assert.deepEqual(decodeBody({ 'Content-Type': ['application/json'] }, '{"broken'), { kind: 'text', text: '{"broken', contentType: 'application/json' });
  assert.deepEqual(decodeBody({ 'Content-Type': ['text/plain'] }, 'hello'), { kind: 'text', text: 'hello', contentType: 'text/plain' });
  const bytes = new Uint8Array([0xff, 0xfe, 0x00]);
  assert.deepEqual(decodeBody({ 'Content-Type': ['image/png'] }, bytes), { kind: 'binary', bytes, contentType: 'image/png' });
  // Valid UTF-8 stored as !!binary is still text.
  assert.equal(decodeBody({ 'Content-Type': ['application/json'] }, new TextEncoder().encode('{"ok":true}')).kind, 'json');
});
