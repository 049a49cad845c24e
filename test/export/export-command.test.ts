// `cassette export` end to end (in-process): formats, determinism, -o FILE / -o DIR/, bad input.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { corpusFile, sample, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';

const TOOLS = sample('openai-chat-tools-stream.yaml');
const JSON_SAMPLE = sample('openai-chat-json.yaml');
const SEED = corpusFile('seed', 'groq-kimi-k2-multi_tool_streaming.yaml');

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-export-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Every file below `dir`, relative, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}

test('--format json is the show --json object, pretty-printed; several files give an array', async () => {
  const shown = await runCli(['show', '--json', TOOLS, JSON_SAMPLE]);
  const [tools, json] = shown.stdout.trim().split('\n').map((line) => JSON.parse(line));
  const one = await runCli(['export', '--format', 'json', TOOLS]);
  assert.equal(one.code, 0);
  assert.deepEqual(JSON.parse(one.stdout), tools);
  assert.ok(one.stdout.startsWith('{\n  "file": '), 'pretty-printed');
  const both = await runCli(['export', '-f', 'json', TOOLS, JSON_SAMPLE]);
  assert.deepEqual(JSON.parse(both.stdout), [tools, json]);
});

test('--format json equals show --json for the seed cassette', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const shown = await runCli(['show', '--json', SEED]);
  const exported = await runCli(['export', '--format', 'json', SEED]);
  assert.deepEqual(JSON.parse(exported.stdout), JSON.parse(shown.stdout));
});

test('exporting twice gives identical bytes, in every format', async () => {
  for (const format of ['har', 'json', 'md']) {
    const first = await runCli(['export', '--format', format, TOOLS, sample('other-api-har-details.yaml')]);
    const second = await runCli(['export', '--format', format, TOOLS, sample('other-api-har-details.yaml')]);
    assert.equal(first.code, 0);
    assert.ok(first.stdout.length > 500);
    assert.equal(first.stdout, second.stdout, format);
  }
});

test('Markdown of the seed has both tool calls and both answers', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const { code, stdout } = await runCli(['export', '--format', 'md', SEED]);
  assert.equal(code, 0);
  const args = '```json\n{\n  "a": 2,\n  "b": 3\n}\n```';
  assert.ok(stdout.includes(`**Tool call** \`add\` · id \`functions.add:0\`\n\n${args}`));
  assert.ok(stdout.includes(`**Tool call** \`multiply\` · id \`functions.multiply:1\`\n\n${args}`));
  assert.ok(stdout.includes('> I\'ll help you add and multiply the numbers 2 and 3.'));
  assert.ok(stdout.includes('> The results are:\n> - Addition: 2 + 3 = 5\n> - Multiplication: 2 × 3 = 6'));
  assert.ok(stdout.includes('## #1 · POST https://api.groq.com/openai/v1/chat/completions · 200 OK'));
  assert.ok(stdout.includes('| 0 | 200 | moonshotai/kimi-k2-instruct-0905 | 207 | 55 | tool_calls | 114 ms |'));
  assert.ok(stdout.includes('| **Total** | | | 496 | 84 | | 359 ms |'));
});

test('-o FILE writes what stdout would get, atomically (no temp file left)', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'chat.har');
  const stdout = (await runCli(['export', TOOLS])).stdout;
  const { code, stdout: printed } = await runCli(['export', TOOLS, '-o', out]);
  assert.equal(code, 0);
  assert.equal(printed, '');
  assert.equal(readFileSync(out, 'utf8'), stdout);
  assert.deepEqual(readdirSync(dir), ['chat.har']);
});

test('-o DIR/ mirrors the relative paths; a bad file is reported and the others are exported', async (t) => {
  const root = tempDir(t);
  const input = join(root, 'in');
  mkdirSync(join(input, 'chat'), { recursive: true });
  copyFileSync(TOOLS, join(input, 'chat', 'tools.yaml'));
  copyFileSync(JSON_SAMPLE, join(input, 'plain.yml'));
  writeFileSync(join(input, 'broken.yaml'), 'version: 2\ninteractions:\n  - request: "unclosed\n');
  const { code, stderr } = await runCli(['export', '--format', 'md', input, sample('other-api-har-details.yaml'), '-o', join(root, 'out') + '/']);
  assert.equal(code, 2);
  assert.match(stderr, new RegExp(`^cassette: ${input}/broken\\.yaml:\\d+:\\d+: .+\\n$`));
  assert.deepEqual(listFiles(join(root, 'out')), ['chat/tools.md', 'other-api-har-details.md', 'plain.md']);
  const exported = readFileSync(join(root, 'out', 'chat', 'tools.md'), 'utf8');
  assert.ok(exported.startsWith(`# \`${join(input, 'chat', 'tools.yaml')}\`\n`));
});

test('-o names an existing directory without a trailing slash; collisions are reported', async (t) => {
  const root = tempDir(t);
  const { code, stderr } = await runCli(['export', '-f', 'json', TOOLS, TOOLS, '-o', root]);
  assert.equal(code, 2);
  assert.equal(stderr, `cassette: ${TOOLS}: not exported: ${join(root, 'openai-chat-tools-stream.json')} was already written for ${TOOLS}\n`);
  assert.deepEqual(readdirSync(root), ['openai-chat-tools-stream.json']);
});

test('unknown format is a usage error', async () => {
  const { code, stderr } = await runCli(['export', '--format', 'xml', TOOLS]);
  assert.equal(code, 2);
  assert.match(stderr, /Allowed choices are har, json, md/);
});

test('--scrub exports a scrubbed copy and leaves the cassette untouched', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'secret.yaml');
  const key = 'sk-proj-Abcdefghijklmnopqrstuvwxyz0123456789ABCD';
  const original = readFileSync(JSON_SAMPLE, 'utf8').replace('      Content-Type:\n', `      Authorization:\n      - Bearer ${key}\n      Content-Type:\n`);
  writeFileSync(file, original);
  const plain = await runCli(['export', file]);
  assert.ok(plain.stdout.includes(`"value": "Bearer ${key}"`), 'the sample really carries the key');
  for (const format of ['har', 'json', 'md']) {
    const scrubbed = await runCli(['export', '--scrub', '--format', format, file]);
    assert.equal(scrubbed.code, 0, scrubbed.stderr);
    assert.ok(!scrubbed.stdout.includes(key), `${format}: key removed`);
  }
  const har = JSON.parse((await runCli(['export', '--scrub', file])).stdout);
  const auth = har.log.entries[0].request.headers.find((h: { name: string }) => h.name === 'Authorization');
  assert.match(auth.value, /REDACTED/);
  assert.equal(har.log.entries[0]._llm.response.text, '{"subject":"a single pixel","colors":["white"]}');
  assert.equal(readFileSync(file, 'utf8'), original);
});
