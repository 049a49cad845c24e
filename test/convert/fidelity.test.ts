// A converted file looks like one the library recorded: the samples the real recorders wrote
// (scripts/samples/) and the corpus files re-written by their own target give the same bytes.
// Polly's ids and folders are computed exactly as @pollyjs/core computes them.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { findTarget } from '../../src/convert/index.ts';
import { formatGoDuration } from '../../src/convert/go-duration.ts';
import { goSortKeys } from '../../src/convert/go-yaml.ts';
import { pollyRequestId, recordingId, stableStringify } from '../../src/convert/polly.ts';
import { analyzeCassette } from '../../src/interpret/index.ts';
import { parseGoDuration } from '../../src/read/go-duration.ts';
import { readCassette } from '../../src/read/read-cassette.ts';
import { CORPUS, GO_VCR_FOLDERS, ROOT, SKIP_WITHOUT_CORPUS, corpusFiles, sample } from '../helpers/paths.ts';

async function rewrite(file: string, to: string): Promise<string> {
  return findTarget(to)!.write(analyzeCassette(await readCassette(file)), { version: '0' });
}


for (const [file, to] of [
  ['vcrpy-openai-chat-tools-stream.yaml', 'vcrpy'],
  ['vcrpy-openai-chat-tools-stream-dirty.yaml', 'vcrpy'],
  ['vcrpy-anthropic-stream-dirty.yaml', 'vcrpy'],
  ['vcrpy-gzip-json.yaml', 'vcrpy'],
  ['vcrpy-openai-chat.json', 'vcrpy-json'],
  ['vcrpy-openai-chat-dirty.json', 'vcrpy-json'],
  ['ruby-vcr-openai-chat.yml', 'ruby-vcr'],
  ['ruby-vcr-openai-chat-dirty.yml', 'ruby-vcr'],
  ['ruby-vcr-binary.yml', 'ruby-vcr'],
] as const) {
  test(`${file} re-written --to ${to} is byte for byte what the recorder wrote`, async () => {
    // Folded long lines, quoting, escapes, !!binary / !binary, literal blocks, key order. Only the
    // recorder's version differs (Debian's VCR 5.0.0 recorded the Ruby samples).
    const original = readFileSync(sample(file), 'utf8').replace(/^recorded_with: VCR .*$/m, 'recorded_with: VCR 6.0.0');
    assert.equal(await rewrite(sample(file), to), original);
  });
}

test('the vcrpy folders of the corpus re-written --to vcrpy: the same bytes for 46 of 52 files', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  // The others: request bodies recorded as '' (httpx) where the model keeps no body (written null),
  // and one line vcrpy did not fold where libyaml's rule would (edited after recording?).
  let same = 0;
  const files = ['simonw-llm', 'simonw-llm-anthropic', 'simonw-llm-gemini'].flatMap((folder) => corpusFiles(folder));
  for (const file of files) if ((await rewrite(file, 'vcrpy')) === readFileSync(file, 'utf8')) same++;
  assert.equal(files.length, 52);
  assert.equal(same, 46);
});

test("--to go-vcr over go-vcr v4's own files in the corpus: byte for byte, less the fields the model does not keep", { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const files = GO_VCR_FOLDERS.flatMap((folder) => corpusFiles(folder));
  const differ: string[] = [];
  for (const file of files) {
    // `uncompressed` and `transfer_encoding` are not in the model (they do not change a replay).
    const original = readFileSync(file, 'utf8').replace(/^ {4}uncompressed: true\n/gm, '').replace(/^ {4}transfer_encoding:\n( {4}- .*\n)+/gm, '');
    if ((await rewrite(file, 'go-vcr')) !== original) differ.push(file.slice(CORPUS.length + 1));
  }
  assert.ok(files.length > 690, `${files.length} files`);
  // The one other: recorded by a go-vcr whose yaml.v3 encoder kept its default 4-space indent.
  assert.deepEqual(differ, ['fantasy/TestAnthropicWebSearch/stream.yaml']);
});

test("Polly's _id: md5 of the stable JSON of {body, method, url}, as the real Polly recorded the sample", async () => {
  const file = join(ROOT, 'samples/polly-openai-chat_2524915385/recording.har');
  const har = JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: { _id: string }[] } };
  const cassette = await readCassette(file);
  // scripts/samples/polly.mjs records with matchRequestsBy { headers: false } against the fake server
  // on 127.0.0.1:8765, and rewrites the URL only in beforePersist, after Polly computed the ids.
  const asRequested = (url: string) => url.replace('https://api.openai.com', 'http://127.0.0.1:8765');
  assert.deepEqual(
    cassette.interactions.map((i) => pollyRequestId({ ...i.request, url: asRequested(i.request.url) }, false)),
    har.log.entries.map((e) => e._id),
  );
  assert.deepEqual(har.log.entries.map((e) => e._id), ['d2d5d22396e6b33eac20aee97baa5461', '9b8a05fe008b4a3ae1570c1c5e08a3e5']);
});

test('Polly recording folders and stable JSON match @pollyjs/core and fast-json-stable-stringify', () => {
  assert.equal(recordingId('polly-openai-chat'), 'polly-openai-chat_2524915385');
  assert.equal(recordingId('polly-openai-chat-dirty'), 'polly-openai-chat-dirty_1812486100');
  const require = createRequire(join(ROOT, 'package.json'));
  const real = require('fast-json-stable-stringify') as (v: unknown) => string;
  const value = { url: 'https://x/?b=1&a=2', method: 'POST', body: '{"z":1,"a":"é\\n"}', headers: { 'x-b': ['1', '2'], accept: '*/*' }, n: null };
  assert.equal(stableStringify(value), real(value));
});

test("Go durations as time.Duration.String() writes them, and read back", () => {
  const cases: [number, string][] = [
    [4997.731709, '4.997731709s'],
    [312.0085, '312.0085ms'],
    [0.85, '850µs'],
    [0, '0s'],
    [90_000, '1m30s'],
    [3_600_000, '1h0m0s'],
    [0.000123, '123ns'],
  ];
  for (const [ms, text] of cases) {
    assert.equal(formatGoDuration(ms), text);
    assert.ok(Math.abs(parseGoDuration(text)! - ms) < 1e-9, text);
  }
});

test("go-yaml's map key order: non-letters first, digit runs as numbers", () => {
  assert.deepEqual(goSortKeys(['X-Request-Id', 'Content-Type', 'Accept', 'a10', 'a9', 'Content-Length', 'date']), [
    'Accept',
    'Content-Length',
    'Content-Type',
    'X-Request-Id',
    'a9',
    'a10',
    'date',
  ]);
});
