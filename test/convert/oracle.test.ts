// The recorders as oracles: each converted cassette is loaded by the real library and written
// again by that library's own serializer — what it writes for a cassette it recorded — and must
// come out byte for byte as convert wrote it. Over the samples and every cassette of the corpus.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { findTarget } from '../../src/convert/index.ts';
import { analyzeCassette } from '../../src/interpret/index.ts';
import { readCassette } from '../../src/read/read-cassette.ts';
import { CORPUS, HAS_CORPUS, ROOT, corpusFiles, sampleCassettes } from '../helpers/paths.ts';

const REPLAYERS = join(ROOT, 'test/convert/replayers');
const dir = mkdtempSync(join(tmpdir(), 'cassette-convert-oracle-'));
after(() => process.env.CASSETTE_KEEP_ORACLE || rmSync(dir, { recursive: true, force: true }));

async function inputs(): Promise<string[]> {
  return [...(await sampleCassettes()), ...corpusFiles()];
}

/** Each input converted --to `to` into the scratch folder: [written path, input] (cassettes the target refuses are left out). */
async function convertAll(to: string, ext: string, keep: (interactions: number) => boolean = () => true): Promise<Map<string, string>> {
  const target = findTarget(to)!;
  const out = join(dir, to);
  mkdirSync(out, { recursive: true });
  const written = new Map<string, string>();
  let n = 0;
  for (const file of await inputs()) {
    const analyzed = analyzeCassette(await readCassette(file));
    if (!keep(analyzed.cassette.interactions.length)) continue;
    let text: string;
    try {
      text = target.write(analyzed, { version: '0' });
    } catch {
      continue; // vcrpy-json refuses binary bodies (tested in command.test.ts)
    }
    const path = join(out, `${n++}${ext}`);
    writeFileSync(path, text);
    written.set(path, text);
  }
  return written;
}

function compare(written: Map<string, string>, reserialized: Record<string, string>, inputsCount: number): void {
  const differ = [...written].filter(([path, text]) => reserialized[path] !== text).map(([path]) => path);
  assert.equal(Object.keys(reserialized).length, written.size);
  assert.ok(written.size >= inputsCount, `${written.size} cassettes checked`);
  if (process.env.CASSETTE_KEEP_ORACLE) for (const path of differ) writeFileSync(`${path}.oracle`, reserialized[path] ?? '');
  assert.deepEqual(differ, [], `${differ.length} of ${written.size} differ; first: ${differ[0]}`);
}

const EXPECTED = HAS_CORPUS ? 1000 : 50;
const PYTHON = '/usr/bin/python3';
const hasVcrpy = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import vcr, yaml'], { stdio: 'ignore' }).status === 0;

for (const [to, serializer, ext] of [['vcrpy', 'yaml', '.yaml'], ['vcrpy-json', 'json', '.json']] as const) {
  test(`--to ${to}: vcrpy re-serializes every converted cassette to the same bytes`, { skip: hasVcrpy ? false : `needs ${PYTHON} with vcr and yaml (apt-get install python3-vcr)` }, async () => {
    const written = await convertAll(to, ext);
    const out = execFileSync(PYTHON, [join(REPLAYERS, 'vcrpy_reserialize.py'), serializer, ...written.keys()], { encoding: 'utf8', maxBuffer: 1 << 30 });
    compare(written, JSON.parse(out) as Record<string, string>, to === 'vcrpy' ? EXPECTED : EXPECTED / 2);
  });
}

const hasRubyVcr = spawnSync('ruby', ['-e', 'require "vcr"'], { stdio: 'ignore' }).status === 0;
test('--to ruby-vcr: Ruby VCR re-serializes every converted cassette to the same bytes', { skip: hasRubyVcr ? false : 'needs ruby with vcr (apt-get install ruby-vcr)' }, async () => {
  const written = await convertAll('ruby-vcr', '.yml');
  const out = execFileSync('ruby', [join(REPLAYERS, 'ruby_vcr_reserialize.rb'), ...written.keys()], { encoding: 'utf8', maxBuffer: 1 << 30 });
  compare(written, JSON.parse(out) as Record<string, string>, EXPECTED);
});

const GO_ENV = { ...process.env, GOPATH: '/usr/share/gocode', GO111MODULE: 'off', GOFLAGS: '', GOCACHE: join(dir, 'gocache'), GOTOOLCHAIN: 'local' };
const hasGoVcr = existsSync('/usr/share/gocode/src/github.com/dnaeon/go-vcr/cassette') && spawnSync('go', ['version'], { stdio: 'ignore', env: GO_ENV }).status === 0;
test('--to go-vcr-v1: go-vcr 1.x re-saves every converted cassette to the same bytes', { skip: hasGoVcr ? false : 'needs go and golang-github-dnaeon-go-vcr-dev' }, async () => {
  // go-vcr saves nothing for a cassette without interactions.
  const written = await convertAll('go-vcr-v1', '.yaml', (n) => n > 0);
  const out = execFileSync('go', ['run', join(REPLAYERS, 'go-vcr-v1-reserialize.go'), ...written.keys()], { encoding: 'utf8', env: GO_ENV, maxBuffer: 1 << 30 });
  compare(written, JSON.parse(out) as Record<string, string>, EXPECTED);
});

void CORPUS;
