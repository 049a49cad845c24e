import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Locator } from '../../src/findings/locate.ts';
import type { Interaction } from '../../src/model.ts';

const at = (line: number) => ({ index: 0, line }) as Interaction;

test('a stream event is placed where its data is written: the n-th of alike events, in a block scalar', () => {
  const text = ['interactions:', '- response:', '    body: |', '      data: {"a":1}', '', '      data: {"a":1}', '', '      data: {"b"', ''].join('\n');
  const events = [{ data: '{"a":1}' }, { data: '{"a":1}' }, { data: '{"b"' }];
  const locator = new Locator(text, [at(2)]);
  assert.deepEqual(locator.event(0, events, 0), { line: 4, col: 13 });
  assert.deepEqual(locator.event(0, events, 1), { line: 6, col: 13 });
  assert.deepEqual(locator.event(0, events, 2), { line: 8, col: 13 });
  assert.equal(locator.event(0, events, 3), undefined);
});

test('…and JSON-escaped, several on one line (a HAR or vcrpy JSON string)', () => {
  const text = '{"log":{"entries":[{"text":"data: {\\"a\\":1}\\n\\ndata: {\\"a\\":1}\\n\\ndata: {\\"b\\"\\n\\n"}]}}';
  const events = [{ data: '{"a":1}' }, { data: '{"a":1}' }, { data: '{"b"' }];
  const locator = new Locator(text, [at(1)]);
  assert.deepEqual(locator.event(0, events, 1), { line: 1, col: text.indexOf('{\\"a', 40) + 1 });
  assert.deepEqual(locator.event(0, events, 2), { line: 1, col: text.indexOf('{\\"b') + 1 });
});

test('an event not written in the file (decoded from gzip, say) is not placed', () => {
  const locator = new Locator('interactions:\n- response:\n    body: !!binary H4sI\n', [at(2)]);
  assert.equal(locator.event(0, [{ data: '{"a":1}' }], 0), undefined);
});
