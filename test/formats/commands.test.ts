// show, diff and export (har, json, md) over every new corpus folder: exit 0, no `[object Object]`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { CORPUS } from '../helpers/paths.ts';

const FOLDERS = ['pydantic-ai', 'simonw-llm', 'simonw-llm-anthropic', 'simonw-llm-gemini', 'ruby-openai'];
const COMMANDS = [['show'], ['show', '--json'], ['export', '--format', 'har'], ['export', '--format', 'json'], ['export', '--format', 'md']];

for (const folder of FOLDERS) {
  test(`show/diff/export over corpus ${folder}: exit 0, no [object Object]`, async (t) => {
    const dir = join(CORPUS, folder);
    if (!existsSync(dir)) return t.skip(`${dir} is absent`);
    for (const argv of [...COMMANDS.map((c) => [...c, dir]), ['diff', dir, dir]]) {
      const r = await runCli(argv);
      assert.equal(r.code, 0, `${argv.join(' ')}: ${r.stderr.slice(0, 300)}`);
      assert.ok(r.stdout.length > 0, argv.join(' '));
      assert.ok(!r.stdout.includes('[object Object]'), `${argv.join(' ')} printed [object Object]`);
    }
  });
}

test('a directory: a JSON file no format accepts is skipped; named explicitly it is exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-formats-'));
  try {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'package.json'), '{"name": "x"}\n');
    writeFileSync(join(dir, 'sub', 'rec.har'), JSON.stringify({ log: { version: '1.2', entries: [{ request: { method: 'GET', url: 'https://x.test/', headers: [] }, response: { status: 204, statusText: 'No Content', headers: [], content: {} } }] } }));
    const inDir = await runCli(['show', '--json', dir]);
    assert.equal(inDir.code, 0, inDir.stderr);
    assert.equal(inDir.stdout.trim().split('\n').length, 1);
    assert.equal(JSON.parse(inDir.stdout).format, 'har');
    const named = await runCli(['show', join(dir, 'package.json')]);
    assert.equal(named.code, 2);
    assert.match(named.stderr, /package\.json: not a cassette: found a JSON mapping with keys name/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
