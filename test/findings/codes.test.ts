import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DIAGNOSTIC_CODES } from '../../src/findings/codes.ts';
import { DiagnosticList } from '../../src/findings/diagnostic.ts';

test('the README lists every diagnostic code, with the meaning the code table gives', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const table = readme.split('<!-- diagnostic-codes -->')[1]?.split('<!-- /diagnostic-codes -->')[0] ?? '';
  const listed = [...table.matchAll(/^\| `([a-z-]+)` \| (.*) \|$/gm)].map((m) => [m[1], m[2]]);
  assert.deepEqual(listed, Object.entries(DIAGNOSTIC_CODES));
});

test('a counted diagnostic is listed once, its message giving the count', () => {
  const list = new DiagnosticList();
  list.addCounted('unknown-event', 'x', 'unknown event type "x"', 3);
  list.add('unparsed-event', 'event 4: data is not JSON', 4);
  list.addCounted('unknown-event', 'x', 'unknown event type "x"', 7);
  list.addCounted('unknown-event', 'x', 'unknown event type "x"', 9);
  assert.deepEqual(list.items, [
    { code: 'unknown-event', message: 'unknown event type "x" (3 times)', event: 3 },
    { code: 'unparsed-event', message: 'event 4: data is not JSON', event: 4 },
  ]);
});
