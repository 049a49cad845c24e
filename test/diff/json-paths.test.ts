import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffJson, formatPath } from '../../src/diff/json-paths.ts';
import { canonicalJson } from '../../src/json-text.ts';

const paths = (a: unknown, b: unknown) => diffJson(a, b, ['request']).map((c) => `${c.kind} ${formatPath(c.segments)}`);

test('paths name object keys with dots, array items with brackets, odd keys quoted', () => {
  assert.equal(formatPath(['request', 'messages', 2, 'content', 0, 'text']), 'request.messages[2].content[0].text');
  assert.equal(formatPath(['request', 'headers', 'x-api-version']), 'request.headers.x-api-version');
  assert.equal(formatPath(['response', 'body', 'a b']), 'response.body["a b"]');
});

test('key order and equal values are not differences', () => {
  assert.deepEqual(diffJson({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }), []);
  assert.equal(canonicalJson({ b: 1, a: { d: 2, c: 3 } }), '{"a":{"c":3,"d":2},"b":1}');
});

test('changed, added and removed keys, with their values', () => {
  const changes = diffJson({ tools: [{ parameters: { properties: { b: { type: 'integer' } } } }], seed: 1 }, { tools: [{ parameters: { properties: { b: { type: 'number' } } } }], temperature: 0 }, ['request']);
  assert.deepEqual(changes, [
    { segments: ['request', 'tools', 0, 'parameters', 'properties', 'b', 'type'], kind: 'changed', old: 'integer', new: 'number' },
    { segments: ['request', 'seed'], kind: 'removed', old: 1 },
    { segments: ['request', 'temperature'], kind: 'added', new: 0 },
  ]);
});

test('an inserted array element is reported once, not as a shift of every later one', () => {
  const before = [{ role: 'user', text: 'a' }, { role: 'assistant', text: 'b' }, { role: 'user', text: 'c' }];
  const after = [{ role: 'user', text: 'a' }, { role: 'system', text: 'new' }, { role: 'assistant', text: 'b' }, { role: 'user', text: 'c' }];
  assert.deepEqual(paths(before, after), ['added request[1]']);
  assert.deepEqual(paths(after, before), ['removed request[1]']);
});

test('a replaced run of elements is compared element by element', () => {
  assert.deepEqual(paths([{ t: 'a' }, { t: 'b' }], [{ t: 'a' }, { t: 'x' }, { t: 'y' }]), ['changed request[1].t', 'added request[2]']);
});

test('JSON documents in strings are compared as JSON, also against parsed values', () => {
  assert.deepEqual(paths('{"high": 4, "low": -2}', '{"low":-2,"high":4}'), []);
  assert.deepEqual(paths('{"high": 4}', '{"high": 39}'), ['changed request.high']);
  assert.deepEqual(paths('{"location":"Oslo"}', { location: 'Oslo' }), []);
  assert.deepEqual(paths('5', '6'), ['changed request']);
});

test('a changed vector of numbers is one change', () => {
  const a = Array.from({ length: 1536 }, (_, i) => i / 1536);
  const b = a.map((v) => v + 0.001);
  assert.deepEqual(paths({ embedding: a }, { embedding: b }), ['changed request.embedding']);
  assert.deepEqual(paths({ embedding: a }, { embedding: [...a] }), []);
});
