import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { FileDiffJson } from '../../src/diff/types.ts';
import { runCli } from '../helpers/cli.ts';
import { sample } from '../helpers/paths.ts';

const ORIGINAL = sample('diff-forecast-stream.yaml');
const RERECORDED = sample('diff-forecast-stream-rerecorded.yaml');
const CHANGED = sample('diff-forecast-stream-changed.yaml');

const scratch = mkdtempSync(join(tmpdir(), 'cassette-diff-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('a cassette against itself: exit 0 and one "identical in meaning" line', async () => {
  const result = await runCli(['diff', ORIGINAL, ORIGINAL]);
  assert.equal(result.code, 0);
  assert.equal(result.stdout, `${ORIGINAL} → ${ORIGINAL}: identical in meaning (2 interactions)\n`);
  assert.equal(result.stderr, '');
});

test('a re-recording with new ids, timestamps, durations and re-cut chunks: exit 0, one line', async () => {
  // The samples really differ in those ways (so this test can fail).
  const [a, b] = [readFileSync(ORIGINAL, 'utf8'), readFileSync(RERECORDED, 'utf8')];
  assert.notEqual(a.match(/^ {6}data: /gm)!.length, b.match(/^ {6}data: /gm)!.length);
  assert.ok(a.includes('chatcmpl-B7kQ2mZ9') && b.includes('chatcmpl-C9mS4oB1') && b.includes('duration: 433.987654ms'));
  const result = await runCli(['diff', ORIGINAL, RERECORDED]);
  assert.equal(result.code, 0);
  assert.equal(result.stdout, `${ORIGINAL} → ${RERECORDED}: identical in meaning (2 interactions)\n`);
});

test('a changed tool argument: exit 1, names the tool, the argument path and the new value', async () => {
  const result = await runCli(['diff', ORIGINAL, CHANGED]);
  assert.equal(result.code, 1);
  const lines = result.stdout.split('\n');
  assert.equal(lines[0], `${ORIGINAL} → ${CHANGED}`);
  assert.equal(lines[1], '#0 POST /v1/chat/completions · changed');
  assert.equal(lines[2], '  response.toolCalls[0].arguments.unit (get_forecast): "celsius" → "fahrenheit"');
  assert.ok(lines.includes('  request.messages[2].content[0].content.high (get_forecast): 4 → 39'));
  assert.equal(lines.at(-2), '2 interactions: 2 changed');
});

test('a changed answer: a word-level diff with [-old-]{+new+} markers without color', async () => {
  const result = await runCli(['diff', ORIGINAL, CHANGED]);
  const text = result.stdout.split('\n');
  const at = text.indexOf('  response.text:');
  assert.equal(
    text[at + 1],
    '    Pack a warm coat[-, gloves -]{+ +}and waterproof boots: Oslo expects {+light +}snow showers tomorrow, with a high of [-4-]{+39+} °[-C-]{+F+} and a low of [--2-]{+28+} °[-C-]{+F+}.',
  );
});

test('on a terminal the word diff is red and green instead of markers; --no-color turns it off', async () => {
  const colored = await runCli(['diff', ORIGINAL, CHANGED], { tty: true });
  assert.match(colored.stdout, /\x1b\[31m4\x1b\[39m\x1b\[32m39\x1b\[39m/);
  assert.ok(!colored.stdout.includes('{+'));
  const plain = await runCli(['diff', '--no-color', ORIGINAL, CHANGED], { tty: true });
  assert.ok(!plain.stdout.includes('\x1b['));
  assert.ok(plain.stdout.includes('[-4-]{+39+}'));
});

test('a missing file: exit 2 with a one-line message', async () => {
  const result = await runCli(['diff', join(scratch, 'nope.yaml'), ORIGINAL]);
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr, `cassette: ${join(scratch, 'nope.yaml')}: no such file or directory\n`);
});

test('a file that is not valid YAML or not a cassette: exit 2, one line naming file and line', async () => {
  const invalid = await runCli(['diff', sample('invalid-yaml.yaml'), ORIGINAL]);
  assert.equal(invalid.code, 2);
  assert.equal(invalid.stderr, `cassette: ${sample('invalid-yaml.yaml')}:7:1: Missing closing "quote\n`);
  const other = await runCli(['diff', ORIGINAL, sample('not-a-cassette.yaml')]);
  assert.equal(other.code, 2);
  assert.equal(other.stderr.split('\n').length, 2);
});

test('usage errors exit 2: one argument, a file against a directory, a bad --only', async () => {
  const one = await runCli(['diff', ORIGINAL]);
  assert.equal(one.code, 2);
  assert.equal(one.stderr, 'cassette: diff takes two cassettes or two directories (got 1 arguments)\n');
  const mixed = await runCli(['diff', ORIGINAL, scratch]);
  assert.equal(mixed.code, 2);
  assert.match(mixed.stderr, /cannot compare a file with a directory/);
  const only = await runCli(['diff', '--only', 'headers', ORIGINAL, CHANGED]);
  assert.equal(only.code, 2);
  assert.equal(only.stderr, 'cassette: --only takes "request" or "response", not "headers"\n');
});

test('--json: one object per file with counts, tokens and changes (the documented contract)', async () => {
  const result = await runCli(['diff', '--json', '--ignore', 'usage', ORIGINAL, CHANGED]);
  assert.equal(result.code, 1);
  const lines = result.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const file = JSON.parse(lines[0]!) as FileDiffJson;
  assert.ok(file.status === 'different');
  assert.deepEqual(Object.keys(file), ['name', 'old', 'new', 'status', 'counts', 'tokens', 'interactions']);
  assert.deepEqual(file.counts, { same: 0, changed: 2, added: 0, removed: 0 });
  assert.deepEqual(file.tokens, { old: { input: 247, output: 57 }, new: { input: 247, output: 60 } });
  assert.deepEqual(file.interactions[0], {
    old: 0,
    new: 0,
    status: 'changed',
    method: 'POST',
    url: '/v1/chat/completions',
    prompt: 'What should I pack for Oslo tomorrow?',
    changes: [{ path: 'response.toolCalls[0].arguments.unit', kind: 'changed', old: 'celsius', new: 'fahrenheit', tool: 'get_forecast' }],
  });
});

test('--stat: a table row per file with interaction counts and tokens before → after', async () => {
  const result = await runCli(['diff', '--stat', ORIGINAL, CHANGED]);
  assert.equal(result.code, 1);
  const rows = result.stdout.split('\n').filter((l) => l.startsWith('│'));
  assert.deepEqual(rows[0]!.split('│').map((c) => c.trim()).filter(Boolean), ['file', 'same', 'changed', 'added', 'removed', 'tokens in', 'tokens out']);
  assert.deepEqual(rows[1]!.split('│').map((c) => c.trim()).filter(Boolean), [CHANGED, '0', '2', '0', '0', '247', '57 → 60']);
});

test('directories: files paired by relative path, files on one side listed, identical pairs quiet', async () => {
  const [a, b] = [join(scratch, 'old'), join(scratch, 'new')];
  mkdirSync(join(a, 'sub'), { recursive: true });
  mkdirSync(join(b, 'sub'), { recursive: true });
  copyFileSync(ORIGINAL, join(a, 'same.yaml'));
  copyFileSync(RERECORDED, join(b, 'same.yaml'));
  copyFileSync(ORIGINAL, join(a, 'sub', 'changed.yaml'));
  copyFileSync(CHANGED, join(b, 'sub', 'changed.yaml'));
  copyFileSync(ORIGINAL, join(a, 'gone.yaml'));
  copyFileSync(CHANGED, join(b, 'new.yaml'));
  writeFileSync(join(b, 'notes.txt'), 'not a cassette');
  const result = await runCli(['diff', a, b]);
  assert.equal(result.code, 1);
  const lines = result.stdout.split('\n');
  assert.equal(lines[0], `only in ${a}: gone.yaml (2 interactions)`);
  assert.equal(lines[1], `only in ${b}: new.yaml (2 interactions)`);
  assert.equal(lines[2], join('sub', 'changed.yaml'));
  assert.ok(!result.stdout.includes('same.yaml'));
  assert.equal(lines.at(-2), `${a} → ${b}: 2 pairs: 1 identical in meaning, 1 different · 1 only in ${a} · 1 only in ${b}`);
  const json = (await runCli(['diff', '--json', a, b])).stdout.trim().split('\n').map((l) => JSON.parse(l) as FileDiffJson);
  assert.deepEqual(json.map((f) => [f.name, f.status]), [['gone.yaml', 'only-old'], ['new.yaml', 'only-new'], ['same.yaml', 'same'], [join('sub', 'changed.yaml'), 'different']]);
  const identical = await runCli(['diff', join(a, 'sub'), join(a, 'sub')]);
  assert.equal(identical.stdout, `${join(a, 'sub')} → ${join(a, 'sub')}: identical in meaning (1 file)\n`);
});

test("git's 7-argument external-diff call: the repository path as header, /dev/null for a new file", async () => {
  const hex = 'a'.repeat(40);
  const changed = await runCli(['diff', 'fixtures/chat.yaml', ORIGINAL, hex, '100644', CHANGED, 'b'.repeat(40), '100644']);
  // Git stops `git diff` on any exit code but 0 unless it is told to trust it.
  assert.equal(changed.code, 0);
  assert.equal(changed.stdout.split('\n')[0], 'fixtures/chat.yaml');
  assert.ok(changed.stdout.includes('(get_forecast): "celsius" → "fahrenheit"'));
  const trusted = await runCli(['diff', 'fixtures/chat.yaml', ORIGINAL, hex, '100644', CHANGED, hex, '100644'], { env: { GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE: 'true' } });
  assert.equal(trusted.code, 1);
  const added = await runCli(['diff', 'fixtures/chat.yaml', '/dev/null', '.', '.', CHANGED, hex, '100644']);
  assert.equal(added.code, 0);
  assert.equal(added.stdout, 'fixtures/chat.yaml: new cassette (2 interactions)\n');
  const deleted = await runCli(['diff', 'fixtures/chat.yaml', ORIGINAL, hex, '100644', '/dev/null', '.', '.']);
  assert.equal(deleted.stdout, 'fixtures/chat.yaml: deleted cassette (2 interactions)\n');
});

test('as GIT_EXTERNAL_DIFF, a file that is not a cassette gets a plain unified diff', async () => {
  const [before, now] = [join(scratch, 'README.before'), join(scratch, 'README.now')];
  writeFileSync(before, 'hello\n');
  writeFileSync(now, 'hello\nworld\n');
  const result = await runCli(['diff', 'README.md', before, 'a'.repeat(40), '100644', now, 'b'.repeat(40), '100644']);
  assert.equal(result.code, 0);
  assert.equal(result.stdout, 'diff --git a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n@@ -1,1 +1,2 @@\n hello\n+world\n');
});

test('large cassettes (read one side at a time, with collections between) give the same answer', async () => {
  // A 17 MB download after the two chat calls: more than the 16 MB from which diff collects garbage.
  const download = (byte: string) => `- id: 2
  request:
    proto: HTTP/1.1
    proto_major: 1
    proto_minor: 1
    content_length: 0
    host: ""
    body: ""
    headers: {}
    url: https://files.example.com/v1/blobs/2
    method: GET
  response:
    proto: HTTP/2.0
    proto_major: 2
    proto_minor: 0
    content_length: -1
    body: '${byte.repeat(17 * 1024 * 1024)}'
    headers:
      Content-Type:
      - text/plain
    status: 200 OK
    code: 200
    duration: 12ms
`;
  const large = (file: string, byte: string) => {
    const copy = join(scratch, `large-${byte}-${file.split('/').pop()}`);
    writeFileSync(copy, `${readFileSync(file, 'utf8').trimEnd()}\n${download(byte)}`);
    return copy;
  };
  const [a, b] = [large(ORIGINAL, 'a'), large(CHANGED, 'b')];
  const small = JSON.parse((await runCli(['diff', '--json', ORIGINAL, CHANGED])).stdout) as FileDiffJson;
  const result = await runCli(['diff', '--json', a, b]);
  assert.equal(result.code, 1);
  const file = JSON.parse(result.stdout) as FileDiffJson;
  assert.ok(file.status === 'different' && small.status === 'different');
  assert.deepEqual(file.counts, { same: 0, changed: 3, added: 0, removed: 0 });
  assert.deepEqual(file.interactions.slice(0, 2), small.interactions);
  assert.deepEqual(file.interactions[2]!.changes.map((c) => [c.path, c.kind, (c.old as string).length, (c.new as string).slice(0, 3)]), [
    ['response.body', 'changed', 17 * 1024 * 1024, 'bbb'],
  ]);
});
