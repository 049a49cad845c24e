// pydantic-ai's parsed_body against the real thing: for every request and response of
// ../shared/corpus/pydantic-ai that has one, the body cassette reads is byte for byte what
// pydantic-ai's deserializer replays, Python's json.dumps of PyYAML's safe_load of the same file
// (test/formats/parsed-body-oracle.py, one /usr/bin/python3 for the whole folder), through the fast
// YAML reader and through the `yaml` package fallback.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import type { Cassette } from '../../src/model.ts';
import { parseCassette, parseCassetteWithYaml } from '../../src/read/parse-cassette.ts';
import { HAS_CORPUS, corpusFiles } from '../helpers/paths.ts';

const ORACLE = fileURLToPath(new URL('parsed-body-oracle.py', import.meta.url));
// Debian's python3-yaml is installed for /usr/bin/python3; another python3 may come first on PATH.
const PYTHON = '/usr/bin/python3';
const HAS_PYYAML = spawnSync(PYTHON, ['-c', 'import json, yaml'], { stdio: 'ignore' }).status === 0;
const SKIP: string | false = !HAS_CORPUS
  ? 'no corpus at ../shared/corpus'
  : !HAS_PYYAML
    ? `no ${PYTHON} with PyYAML (apt-get install -y python3-yaml): pydantic-ai's parsed_body is not checked against json.dumps`
    : false;

type Replayed = string | null | { $error: string };

function oracle(files: string[]): Record<string, [Replayed, Replayed][]> {
  const out = execFileSync(PYTHON, [ORACLE], { input: files.join('\n'), maxBuffer: 1 << 30 });
  return JSON.parse(out.toString()) as Record<string, [Replayed, Replayed][]>;
}

/** Every difference between what cassette read and what Python replays, and how many bodies agreed. */
function compare(read: (file: string, text: string) => Cassette, files: string[], expected: Record<string, [Replayed, Replayed][]>): { same: number; problems: string[] } {
  let same = 0;
  const problems: string[] = [];
  for (const file of files) {
    const cassette = read(file, readFileSync(file, 'utf8'));
    const sides = expected[file]!;
    assert.equal(cassette.interactions.length, sides.length, file);
    cassette.interactions.forEach((interaction, i) => {
      (['request', 'response'] as const).forEach((side, s) => {
        const python = sides[i]![s]!;
        const message = interaction[side];
        if (python === null) {
          if (message.bodyReserialized !== undefined) problems.push(`${file}#${i} ${side}: marked re-serialized without a parsed_body`);
        } else if (typeof python !== 'string') {
          problems.push(`${file}#${i} ${side}: json.dumps refused it: ${python.$error}`);
        } else if (message.body !== python || message.bodyReserialized !== 'python-json-dumps') {
          const body = typeof message.body === 'string' ? message.body : '(bytes)';
          const at = [...python].findIndex((ch, k) => ch !== body[k]);
          problems.push(`${file}#${i} ${side}: at ${at}: python ${JSON.stringify(python.slice(at, at + 60))}, cassette ${JSON.stringify(body.slice(at, at + 60))}`);
        } else same++;
      });
    });
  }
  return { same, problems };
}

const files = corpusFiles('pydantic-ai');
const expected = SKIP ? {} : oracle(files);

test("pydantic-ai corpus: every parsed_body reads as json.dumps(yaml.safe_load(...)) replays it (fast reader)", { skip: SKIP }, () => {
  const { same, problems } = compare(parseCassette, files, expected);
  assert.deepEqual(problems, []);
  assert.equal(files.length, 485);
  assert.equal(same, 1238);
});

test('pydantic-ai corpus: the same through the `yaml` package fallback', { skip: SKIP }, () => {
  const { same, problems } = compare(parseCassetteWithYaml, files, expected);
  assert.deepEqual(problems, []);
  assert.equal(same, 1238);
});
