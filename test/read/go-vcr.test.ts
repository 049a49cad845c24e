import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseCassette } from '../../src/read/parse-cassette.ts';
import { readCassette } from '../../src/read/read-cassette.ts';
import { expandPath } from '../../src/read/expand-paths.ts';
import { parseGoDuration } from '../../src/read/go-duration.ts';
import { CassetteError } from '../../src/errors.ts';
import { sample } from '../helpers/paths.ts';

const FOUR_SPACE_V1 = `---
version: 1
interactions:
    - request:
        body: '{"q":"it''s"}'
        form: {}
        headers:
            Content-Type:
                - application/json
        url: http://localhost:8080/v1/chat/completions
        method: post
      response:
        body: "ok\\n"
        headers: {}
        status: 201 Created
        code: 201
        duration: 1m2.5s
`;

test('reads a version 1 cassette with 4-space indentation', () => {
  const cassette = parseCassette('v1.yaml', FOUR_SPACE_V1);
  assert.equal(cassette.formatVersion, 1);
  assert.equal(cassette.interactions.length, 1);
  const [interaction] = cassette.interactions;
  assert.equal(interaction!.line, 4);
  assert.equal(interaction!.id, undefined);
  assert.deepEqual(interaction!.request, {
    method: 'POST',
    url: 'http://localhost:8080/v1/chat/completions',
    headers: { 'Content-Type': ['application/json'] },
    body: '{"q":"it\'s"}',
  });
  assert.equal(interaction!.response.status, 201);
  assert.equal(interaction!.response.statusText, '201 Created');
  assert.equal(interaction!.response.body, 'ok\n');
  assert.equal(interaction!.response.durationMs, 62_500);
});

test('reads a version 2 sample with ids, lengths and lines', async () => {
  const cassette = await readCassette(sample('openai-chat-tools-stream.yaml'));
  assert.equal(cassette.format, 'go-vcr');
  assert.equal(cassette.formatVersion, 2);
  assert.deepEqual(cassette.interactions.map((i) => [i.index, i.id, i.line]), [[0, 0, 4], [1, 1, 55]]);
  const { request, response } = cassette.interactions[0]!;
  assert.equal(request.contentLength, 668);
  assert.equal(request.proto, 'HTTP/1.1');
  assert.equal(response.contentLength, -1);
  assert.equal(response.durationMs, 612.345);
  assert.ok(typeof response.body === 'string' && response.body.startsWith('data: {"id":"chatcmpl-A1b2C3"'));
});

test('!!binary bodies become bytes', () => {
  const text = `version: 2
interactions:
  - id: 0
    request: {method: POST, url: 'https://bedrock-runtime.us-east-1.amazonaws.com/model/x/invoke-with-response-stream', body: ''}
    response:
      body: !!binary AAECA/8=
      code: 200
      status: 200 OK
`;
  const body = parseCassette('b.yaml', text).interactions[0]!.response.body;
  assert.ok(body instanceof Uint8Array);
  assert.deepEqual([...body], [0, 1, 2, 3, 255]);
});

test('gzip-compressed cassettes are read transparently, whatever their name', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-gz-'));
  const file = join(dir, 'chat.yaml.gz');
  writeFileSync(file, gzipSync(FOUR_SPACE_V1));
  const cassette = await readCassette(file);
  assert.equal(cassette.interactions[0]!.response.status, 201);
});

test('invalid YAML is a CassetteError with file, line and column', () => {
  assert.throws(
    () => parseCassette('bad.yaml', 'version: 2\ninteractions:\n  - request: {url: [}\n'),
    (error: unknown) => error instanceof CassetteError && error.code === 'invalid-yaml' && /^bad\.yaml:3:\d+: /.test(error.format()),
  );
});

test('a YAML file that is not a cassette says so', () => {
  assert.throws(
    () => parseCassette('config.yaml', 'name: app\nversion: 1\n'),
    (error: unknown) => error instanceof CassetteError && error.format() === 'config.yaml: not a cassette: found a YAML mapping with keys name, version',
  );
});

test('an interaction without a response names its line', () => {
  assert.throws(
    () => parseCassette('x.yaml', 'version: 2\ninteractions:\n- id: 0\n  request: {url: "http://a"}\n'),
    (error: unknown) => error instanceof CassetteError && error.format() === 'x.yaml:3:1: interaction 0 has no request or response',
  );
});

test('directories expand to sorted cassette files, recursively', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-dir-'));
  mkdirSync(join(dir, 'b'));
  for (const name of ['z.yaml', 'a.yml', 'notes.txt', 'b/c.yaml.gz', 'b/a.YAML']) writeFileSync(join(dir, name), '');
  const expanded = await expandPath(dir);
  assert.deepEqual(expanded.files.map((f) => f.slice(dir.length + 1)), ['a.yml', 'b/a.YAML', 'b/c.yaml.gz', 'z.yaml']);
  const empty = mkdtempSync(join(tmpdir(), 'cassette-empty-'));
  assert.equal((await expandPath(empty)).error?.code, 'no-cassettes');
  assert.equal((await expandPath(join(empty, 'missing.yaml'))).error?.code, 'not-found');
});

test('Go durations', () => {
  assert.equal(parseGoDuration('113.669917ms'), 113.669917);
  assert.equal(parseGoDuration('1h2m3s'), 3_723_000);
  assert.equal(parseGoDuration('850µs'), 0.85);
  assert.equal(parseGoDuration('-1.5s'), -1500);
  assert.equal(parseGoDuration('0'), 0);
  assert.equal(parseGoDuration(2_000_000), 2);
  assert.equal(parseGoDuration('soon'), undefined);
});
