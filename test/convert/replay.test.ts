// Each target replayed by the real library: the converted cassette gives back the recorded response
// bodies byte for byte, and a request the cassette does not hold is refused by the library itself.
// A replayer that is not installed skips, saying which (.ci/run installs them).

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readCassette } from '../../src/read/read-cassette.ts';
import { recordingId } from '../../src/convert/polly.ts';
import { goVcrV2 } from '../../src/convert/go-vcr.ts';
import { analyzeCassette } from '../../src/interpret/index.ts';
import { runCli } from '../helpers/cli.ts';
import { ROOT, sample } from '../helpers/paths.ts';

const REPLAYERS = join(ROOT, 'test/convert/replayers');
const dir = mkdtempSync(join(tmpdir(), 'cassette-convert-replay-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The cassettes replayed: vcrpy's two-turn OpenAI Chat SSE recording (the same URL twice), and a
 * go-vcr Gemini SSE recording whose URL has a query (`?alt=sse`: Polly sorts and re-encodes queries).
 */
interface Source {
  name: string;
  file: string;
  url: string;
  requestBodies: string[];
  recordedBodies: string[];
}

async function source(name: string, file: string): Promise<Source> {
  const cassette = await readCassette(file);
  return {
    name,
    file,
    url: cassette.interactions[0]!.request.url,
    requestBodies: cassette.interactions.map((i) => String(i.request.body)),
    recordedBodies: cassette.interactions.map((i) => Buffer.from(i.response.body).toString('base64')),
  };
}

const SOURCES = [await source('openai', sample('vcrpy-openai-chat-tools-stream.yaml')), await source('gemini', sample('gemini-tools-stream.yaml'))];

function works(command: string, args: string[], env?: NodeJS.ProcessEnv): boolean {
  return spawnSync(command, args, { stdio: 'ignore', env: env ?? process.env }).status === 0;
}

async function convertTo(src: Source, to: string, out: string, extra: string[] = []): Promise<string> {
  const result = await runCli(['convert', '--to', to, src.file, '-o', out, ...extra]);
  assert.equal(result.code, 0, result.stderr);
  return out;
}

interface Replayed {
  bodies: string[];
  refused: boolean;
}

function run(src: Source, command: string, args: string[], env?: NodeJS.ProcessEnv): Replayed {
  const out = execFileSync(command, args, { input: JSON.stringify(src.requestBodies), env: env ?? process.env, encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Replayed;
}

function assertReplayed(src: Source, replayed: Replayed): void {
  assert.equal(replayed.bodies.length, 2);
  // Byte for byte: the SSE streams as recorded, every event and blank line.
  assert.deepEqual(replayed.bodies, src.recordedBodies);
  assert.ok(Buffer.from(replayed.bodies[0]!, 'base64').toString('utf8').startsWith('data: {'));
  assert.equal(replayed.refused, true, 'the library refuses a request the cassette does not hold');
}

const PYTHON = '/usr/bin/python3';
const hasVcrpy = existsSync(PYTHON) && works(PYTHON, ['-c', 'import vcr, requests']);
const hasRubyVcr = works('ruby', ['-e', 'require "vcr"; require "webmock"']);
const GO_ENV = { ...process.env, GOPATH: '/usr/share/gocode', GO111MODULE: 'off', GOFLAGS: '', GOCACHE: join(dir, 'gocache'), GOTOOLCHAIN: 'local' };
const hasGoVcr = existsSync('/usr/share/gocode/src/github.com/dnaeon/go-vcr/recorder') && works('go', ['version'], GO_ENV);
const hasPolly = ['@pollyjs/core', '@pollyjs/adapter-node-http', '@pollyjs/persister-fs'].every((p) => existsSync(join(ROOT, 'node_modules', p)));
const hasPlaywright = existsSync('/usr/bin/chromium') && existsSync(join(ROOT, 'node_modules/playwright-core'));

for (const src of SOURCES) {
  for (const [to, serializer, ext] of [['vcrpy', 'yaml', 'yaml'], ['vcrpy-json', 'json', 'json']] as const) {
    test(`${to} (${src.name}): Debian's vcrpy + requests replay the converted cassette (record_mode='none')`, { skip: hasVcrpy ? false : `needs ${PYTHON} with vcr and requests (apt-get install python3-vcr python3-requests)` }, async () => {
      const file = await convertTo(src, to, join(dir, `${src.name}-vcrpy-${serializer}.${ext}`));
      assertReplayed(src, run(src, PYTHON, [join(REPLAYERS, 'vcrpy_replay.py'), file, serializer, src.url]));
    });
  }

  test(`ruby-vcr (${src.name}): Debian's Ruby VCR + WebMock replay the converted cassette with Net::HTTP`, { skip: hasRubyVcr ? false : 'needs ruby with vcr and webmock (apt-get install ruby-vcr ruby-webmock)' }, async () => {
    const file = await convertTo(src, 'ruby-vcr', join(dir, `ruby-${src.name}`, 'chat.yml'));
    assertReplayed(src, run(src, 'ruby', [join(REPLAYERS, 'ruby_vcr_replay.rb'), file, src.url]));
  });

  test(`go-vcr-v1 (${src.name}): Debian's go-vcr 1.x replays the converted cassette (GOPATH mode, offline)`, { skip: hasGoVcr ? false : 'needs go and /usr/share/gocode/src/github.com/dnaeon/go-vcr (apt-get install golang-go golang-github-dnaeon-go-vcr-dev)' }, async () => {
    const file = await convertTo(src, 'go-vcr-v1', join(dir, `go-${src.name}`, 'chat.yaml'));
    assertReplayed(src, run(src, 'go', ['run', join(REPLAYERS, 'go-vcr-v1.go'), file, src.url], GO_ENV));
  });

  test(`polly (${src.name}): @pollyjs/core + adapter-node-http + persister-fs replay the converted recording`, { skip: hasPolly ? false : 'needs the @pollyjs devDependencies (npm install)' }, async () => {
    const recordings = join(dir, `recordings-${src.name}`);
    await convertTo(src, 'polly', recordings, ['--recording-name', 'openai/chat stream']);
    // Where Polly's fs persister looks for new Polly('openai/chat stream').
    const file = join(recordings, recordingId('openai/chat stream'), 'recording.har');
    assert.ok(existsSync(file), file);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).log.creator.name, 'Polly.JS');
    assertReplayed(src, run(src, process.execPath, [join(REPLAYERS, 'polly-replay.mjs'), recordings, 'openai/chat stream', src.url]));
  });

  test(`har (${src.name}): Playwright's routeFromHAR in chromium answers a page's fetch with the recorded SSE body`, { skip: hasPlaywright ? false : 'needs /usr/bin/chromium (apt-get install chromium) and the playwright-core devDependency' }, async () => {
    const file = await convertTo(src, 'har', join(dir, `${src.name}.har`));
    assertReplayed(src, run(src, process.execPath, [join(REPLAYERS, 'playwright-replay.mjs'), file, src.url]));
  });
}

test('polly --polly-match-headers: _id with the request headers replays under Polly\'s default matchRequestsBy', { skip: hasPolly ? false : 'needs the @pollyjs devDependencies (npm install)' }, async () => {
  const src = SOURCES[0]!;
  // A cassette whose requests carry exactly what node's https.request sends here (Host added by node).
  const cassette = await readCassette(src.file);
  for (const { request } of cassette.interactions) {
    const body = String(request.body);
    request.headers = { 'Content-Type': ['application/json'], 'Content-Length': [String(Buffer.byteLength(body))], Host: [new URL(request.url).host] };
  }
  const file = join(dir, 'node-headers.yaml');
  writeFileSync(file, goVcrV2.write(analyzeCassette(cassette), { version: '0' }));
  const recordings = join(dir, 'recordings-headers');
  const converted = await runCli(['convert', '--to', 'polly', '--polly-match-headers', file, '-o', recordings, '--recording-name', 'headers']);
  assert.equal(converted.code, 0, converted.stderr);
  assertReplayed(src, run(src, process.execPath, [join(REPLAYERS, 'polly-replay.mjs'), recordings, 'headers', src.url, 'match-headers']));
  // Without --polly-match-headers the ids leave the headers out, and Polly (matching them) finds nothing.
  const plain = join(dir, 'recordings-no-headers');
  assert.equal((await runCli(['convert', '--to', 'polly', file, '-o', plain, '--recording-name', 'headers'])).code, 0);
  assert.throws(() => run(src, process.execPath, [join(REPLAYERS, 'polly-replay.mjs'), plain, 'headers', src.url, 'match-headers']));
});
