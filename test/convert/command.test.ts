// `cassette convert`: file to file, directory to directory, and its safety: never over an input,
// never over an existing output without --force, a bad file reported (file:line:col, exit 2) while
// the others are converted, credentials carried unless --scrub.

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { TARGETS } from '../../src/convert/index.ts';
import { runCli } from '../helpers/cli.ts';
import { sample } from '../helpers/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'cassette-convert-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('one file to -o FILE: the vcrpy cassette as vcrpy writes it, exit 0, a note that credentials were copied', async () => {
  const out = join(dir, 'one', 'chat.yaml');
  const result = await runCli(['convert', '--to', 'vcrpy', sample('vcrpy-gzip-json.yaml'), '-o', out]);
  assert.equal(result.code, 0, result.stderr);
  // This recording's strings need no folding: the conversion is byte for byte what vcrpy wrote.
  assert.equal(readFileSync(out, 'utf8'), readFileSync(sample('vcrpy-gzip-json.yaml'), 'utf8'));
  assert.match(result.stderr, /credentials were copied as recorded \(check with 'cassette scrub --check', or convert with --scrub\)/);
});

test('an existing output is refused without --force (exit 2, file untouched) and replaced with it', async () => {
  const out = join(dir, 'exists.yaml');
  writeFileSync(out, 'keep me\n');
  const refused = await runCli(['convert', '--to', 'go-vcr', sample('openai-chat-json.yaml'), '-o', out], { cwd: dir });
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /not converted: exists\.yaml exists \(--force writes over it\)/);
  assert.equal(readFileSync(out, 'utf8'), 'keep me\n');
  const forced = await runCli(['convert', '--to', 'go-vcr', '--force', sample('openai-chat-json.yaml'), '-o', out]);
  assert.equal(forced.code, 0, forced.stderr);
  assert.match(readFileSync(out, 'utf8'), /^---\nversion: 2\ninteractions:\n- id: 0\n {2}request:\n {4}proto: HTTP\/1\.1\n/);
});

test('convert never writes over one of its inputs, even with --force', async () => {
  const input = join(dir, 'input.yaml');
  cpSync(sample('openai-chat-json.yaml'), input);
  const before = readFileSync(input, 'utf8');
  const result = await runCli(['convert', '--to', 'vcrpy', '--force', input, '-o', input]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /is an input \(convert never writes over its inputs\)/);
  assert.equal(readFileSync(input, 'utf8'), before);
});

test('a directory converts to a directory with the same relative paths; a bad file is reported and the others converted', async () => {
  const src = join(dir, 'tree');
  mkdirSync(join(src, 'a', 'b'), { recursive: true });
  cpSync(sample('openai-chat-json.yaml'), join(src, 'a', 'chat.yaml'));
  cpSync(sample('anthropic-json.yaml'), join(src, 'a', 'b', 'claude.yaml'));
  cpSync(sample('invalid-yaml.yaml'), join(src, 'broken.yaml'));
  const out = join(dir, 'tree-out');
  const result = await runCli(['convert', '--to', 'ruby-vcr', src, '-o', out]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /broken\.yaml:\d+:\d+: /);
  assert.ok(existsSync(join(out, 'a', 'chat.yml')));
  assert.ok(existsSync(join(out, 'a', 'b', 'claude.yml')));
  assert.ok(!existsSync(join(out, 'broken.yml')));
  assert.match(readFileSync(join(out, 'a', 'chat.yml'), 'utf8'), /^---\nhttp_interactions:\n- request:\n {4}method: post\n/);
});

test('--scrub: the converted copy has the credentials replaced, the input keeps them', async () => {
  const out = join(dir, 'scrubbed.json');
  const input = sample('vcrpy-openai-chat-tools-stream-dirty.yaml');
  const result = await runCli(['convert', '--to', 'vcrpy-json', '--scrub', input, '-o', out]);
  assert.equal(result.code, 0, result.stderr);
  assert.doesNotMatch(readFileSync(out, 'utf8'), /sk-test-/);
  assert.match(readFileSync(input, 'utf8'), /sk-test-/);
  assert.doesNotMatch(result.stderr, /credentials were copied/);
});

test('vcrpy-json cannot hold a binary body: that cassette is refused with the reason, exit 2', async () => {
  const result = await runCli(['convert', '--to', 'vcrpy-json', sample('vcrpy-gzip-json.yaml'), '-o', join(dir, 'gzip.json')]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /vcrpy-gzip-json\.yaml: not converted: interaction 0: the response body is binary; vcrpy's JSON serializer cannot hold bytes \(use --to vcrpy\)/);
  assert.ok(!existsSync(join(dir, 'gzip.json')));
});

test('polly: -o is the recordingsDir; the recording goes to <name>_<fnv1a hash>/recording.har', async () => {
  const out = join(dir, 'recordings');
  const result = await runCli(['convert', '--to', 'polly', sample('vcrpy-openai-chat.json'), '-o', out, '--recording-name', 'polly-openai-chat']);
  assert.equal(result.code, 0, result.stderr);
  // The folder name the real Polly gave the same recording name (samples/polly-openai-chat_2524915385).
  const har = JSON.parse(readFileSync(join(out, 'polly-openai-chat_2524915385', 'recording.har'), 'utf8'));
  assert.equal(har.log.creator.name, 'Polly.JS');
  assert.equal(har.log._recordingName, 'polly-openai-chat');
  assert.deepEqual(har.log.entries.map((e: { _order: number }) => e._order), [0, 0]);
});

test('one file without -o goes to stdout; several need -o; an unknown target is a usage error', async () => {
  const stdout = await runCli(['convert', '--to', 'go-vcr-v1', sample('openai-chat-json.yaml')]);
  assert.equal(stdout.code, 0, stdout.stderr);
  assert.match(stdout.stdout, /^---\nversion: 1\ninteractions:\n- request:\n {4}body: /);
  const several = await runCli(['convert', '--to', 'vcrpy', sample('openai-chat-json.yaml'), sample('anthropic-json.yaml')]);
  assert.equal(several.code, 2);
  assert.match(several.stderr, /several cassettes need -o DIR/);
  const unknown = await runCli(['convert', '--to', 'betamax', sample('openai-chat-json.yaml')]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Allowed choices are go-vcr, go-vcr-v1, vcrpy, vcrpy-json, ruby-vcr, har, polly/);
  // main.ts lists the choices without loading the writers: they must be the registry's names.
  assert.ok(unknown.stderr.includes(`Allowed choices are ${TARGETS.map((t) => t.name).join(', ')}.`), unknown.stderr);
});
