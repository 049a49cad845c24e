// Conformance over the vcrpy and Ruby VCR corpus folders: every file reads through the format seam,
// and its interaction count and request lines (method + URL) equal what PyYAML's C loader reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expandPath } from '../../src/read/expand-paths.ts';
import { readCassette } from '../../src/read/read-cassette.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
const ORACLE = fileURLToPath(new URL('./pyyaml-oracle.py', import.meta.url));
const FOLDERS: Record<string, string> = {
  'pydantic-ai': 'vcrpy',
  'simonw-llm': 'vcrpy',
  'simonw-llm-anthropic': 'vcrpy',
  'simonw-llm-gemini': 'vcrpy',
  'ruby-openai': 'ruby-vcr',
};

function python(): string | undefined {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(candidate, ['-c', 'import yaml; yaml.CSafeLoader'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return undefined;
}

for (const [folder, format] of Object.entries(FOLDERS)) {
  test(`corpus ${folder}: every file reads as ${format}, request lines as PyYAML reads them`, async (t) => {
    const dir = `${CORPUS}/${folder}`;
    if (!existsSync(dir)) return t.skip(`${dir} is absent`);
    const py = python();
    if (!py) return t.skip('no Python with PyYAML (apt-get install -y python3-yaml)');
    const { files } = await expandPath(dir);
    const cassettes = files.filter((f) => /\.(ya?ml)$/.test(f));
    assert.ok(cassettes.length > 0);
    const expected = JSON.parse(execFileSync(py, [ORACLE], { input: cassettes.join('\n'), maxBuffer: 1 << 28 }).toString()) as Record<string, [string, string][]>;
    let interactions = 0;
    for (const file of cassettes) {
      const cassette = await readCassette(file);
      assert.equal(cassette.format, format, file);
      const lines = cassette.interactions.map((i) => [i.request.method, i.request.url]);
      assert.deepEqual(lines, expected[file], file);
      interactions += lines.length;
      for (const i of cassette.interactions) {
        assert.ok(i.response.status >= 100, `${file} #${i.index} status ${i.response.status}`);
        assert.ok(!i.response.statusText.includes('[object Object]'), file);
      }
    }
    t.diagnostic(`${cassettes.length} files, ${interactions} interactions`);
  });
}
