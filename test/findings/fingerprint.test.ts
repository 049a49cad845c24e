// Fingerprints and the files that allow findings, as pure functions.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../src/findings/finding.ts';
import { assignFingerprints, fingerprintPath, pathWithoutIndex } from '../../src/findings/fingerprint.ts';
import { parseBaseline, parseIgnoreFile, suppress } from '../../src/findings/suppress.ts';
import { globToRegExp } from '../../src/lint/path-glob.ts';

const finding = (over: Partial<Finding>): Finding => ({ rule: 'error-status', severity: 'warning', file: 'testdata/a.yaml', line: 10, col: 1, message: 'm', key: 'status:429', interaction: { index: 0, method: 'POST', url: 'https://api.openai.com/v1/chat/completions' }, ...over });

test('the file in a fingerprint: relative to the project, / separated, the same however it was named', () => {
  assert.equal(fingerprintPath('testdata/a.yaml', '/p'), 'testdata/a.yaml');
  assert.equal(fingerprintPath('./testdata/../testdata/a.yaml', '/p'), 'testdata/a.yaml');
  assert.equal(fingerprintPath('/p/testdata/a.yaml', '/p'), 'testdata/a.yaml');
  assert.equal(fingerprintPath('/elsewhere/a.yaml', '/p'), '/elsewhere/a.yaml');
  assert.equal(pathWithoutIndex('interactions[3].request.headers.Authorization'), 'interactions[*].request.headers.Authorization');
});

test('fingerprints: not the line, not the interaction index; alike findings told apart by their order', async () => {
  const a = [finding({ line: 10 }), finding({ line: 40, interaction: { index: 3, method: 'POST', url: 'https://api.openai.com/v1/chat/completions' } })];
  const b = [finding({ line: 12, interaction: { index: 1, method: 'POST', url: 'https://api.openai.com/v1/chat/completions' } }), finding({ line: 90 })];
  await assignFingerprints(a, '/p');
  await assignFingerprints(b, '/p');
  assert.deepEqual(a.map((f) => f.fingerprint), b.map((f) => f.fingerprint));
  assert.notEqual(a[0]!.fingerprint, a[1]!.fingerprint);
  const other = [finding({ key: 'status:500' })];
  await assignFingerprints(other, '/p');
  assert.notEqual(other[0]!.fingerprint, a[0]!.fingerprint);
  assert.match(a[0]!.fingerprint!, /^[0-9a-f]{32}$/);
  // Pinned: a fingerprint written into a baseline must not change with a refactoring.
  assert.equal(a[0]!.fingerprint, FIRST);
});
const FIRST = 'b7cbd6e2c0e9e8dc5ed61e63c38a389b';

test('.cassetteignore and baselines: fingerprints only; anything else is an error', () => {
  const fp = 'a'.repeat(32);
  assert.deepEqual([...parseIgnoreFile(`# comment\n\n${fp}  # why\n`)], [fp]);
  assert.throws(() => parseIgnoreFile('error-status\n'), /line 1: expected a finding fingerprint/);
  assert.deepEqual([...parseBaseline(JSON.stringify({ version: 1, generator: 'cassette', findings: [{ fingerprint: fp }] }))], [fp]);
  assert.throws(() => parseBaseline('{"findings": []}'), /not a baseline written by/);
  assert.throws(() => parseBaseline('nope'), /invalid JSON/);
});

test('suppress: the marker on the line, then the ignore file, then the baseline', () => {
  const fs = [finding({ line: 1, fingerprint: '1'.repeat(32) }), finding({ line: 2, fingerprint: '2'.repeat(32) }), finding({ line: 3, fingerprint: '3'.repeat(32) }), finding({ line: 4, fingerprint: '4'.repeat(32) })];
  const lines = ['', 'x: 1 # cassette:allow', '', '', ''];
  const r = suppress(fs, (n) => lines[n - 1]!, { ignored: new Set(['2'.repeat(32), '3'.repeat(32)]), baseline: new Set(['4'.repeat(32)]) });
  assert.deepEqual(r.kept.map((f) => f.line), [1]);
  assert.deepEqual([r.inline, r.ignored, r.baselined], [1, 1, 1]);
});

test('override globs: * within a segment, ** across, a directory covers what is below', () => {
  assert.ok(globToRegExp('testdata/errors/**').test('testdata/errors/a/b.yaml'));
  assert.ok(globToRegExp('testdata/errors').test('testdata/errors/x.yaml'));
  assert.ok(globToRegExp('**/*.har').test('a/b/c.har'));
  assert.ok(globToRegExp('**/*.har').test('c.har'));
  assert.ok(!globToRegExp('testdata/*.yaml').test('testdata/sub/x.yaml'));
  assert.ok(globToRegExp('./testdata/x?.yaml').test('testdata/x1.yaml'));
});
