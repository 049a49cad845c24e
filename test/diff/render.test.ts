import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatValue, renderChange, wordDiff } from '../../src/present/diff.ts';
import { PLAIN_THEME as plainTheme } from '../../src/present/theme.ts';
import { makeTheme } from '../../src/present/chalk-theme.ts';

test('word diff: changed words in markers, a rewritten phrase as one change', () => {
  assert.equal(wordDiff('a high of 4 °C today', 'a high of 39 °F today', plainTheme), 'a high of [-4-]{+39+} °[-C-]{+F+} today');
  assert.equal(
    wordDiff("That's quite hot! It's a very warm day in Florence.", "That's quite hot! It would be a good idea to stay inside.", plainTheme),
    "That's quite hot! It[-'s -]{+ would be +}a [-very warm day in Florence-]{+good idea to stay inside+}.",
  );
});

test('word diff: a text rewritten from scratch is shown as the old and the new text', () => {
  assert.equal(
    wordDiff("I'll help you add and multiply the numbers 2 and 3.", "I'll perform both addition and multiplication on the numbers 2 and 3 for you.", plainTheme),
    "[-I'll help you add and multiply the numbers 2 and 3.-]\n{+I'll perform both addition and multiplication on the numbers 2 and 3 for you.+}",
  );
});

test('word diff in color: red for removed, green for added, no markers', () => {
  assert.equal(wordDiff('of 4 °C', 'of 39 °C', makeTheme(1)), 'of \x1b[31m4\x1b[39m\x1b[32m39\x1b[39m °C');
});

test('changes: scalars inline, added and removed with their value, long texts as a block', () => {
  assert.equal(renderChange({ path: 'response.finishReason', kind: 'changed', old: 'stop', new: 'length' }, plainTheme), '  response.finishReason: "stop" → "length"');
  assert.equal(renderChange({ path: 'request.params.seed', kind: 'removed', old: 42 }, plainTheme), '  - request.params.seed: 42');
  assert.equal(renderChange({ path: 'request.tools[1]', kind: 'added', new: { name: 'get_time' }, tool: 'get_time' }, plainTheme), '  + request.tools[1] (get_time): {"name":"get_time"}');
  assert.equal(
    renderChange({ path: 'response.text', kind: 'changed', old: 'line one\nline two', new: 'line one\nline 2' }, plainTheme),
    '  response.text:\n    line one\n    line [-two-]{+2+}',
  );
  assert.equal(formatValue(Array.from({ length: 1536 }, () => 0.5)), '[1536 numbers]');
  assert.equal(formatValue('x'.repeat(200)).length, 160);
});
