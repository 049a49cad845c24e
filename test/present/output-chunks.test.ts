// The streamed outputs (show --json, export --format har) must be byte for byte what one
// JSON.stringify of the whole object gives.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeCassette } from '../../src/interpret/index.ts';
import { readCassette } from '../../src/read/read-cassette.ts';
import { harJsonChunks, harLog } from '../../src/present/har.ts';
import { cassetteJson, cassetteJsonChunks } from '../../src/present/json.ts';

const SAMPLES = join(import.meta.dirname, '../../samples');
const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.yaml') && !f.startsWith('invalid') && !f.startsWith('not-a'));

async function analyzed(file: string) {
  return analyzeCassette(await readCassette(join(SAMPLES, file)));
}

test('show --json chunks join to JSON.stringify(cassetteJson), with and without -i', async () => {
  assert.ok(files.length > 10);
  for (const file of files) {
    const a = await analyzed(file);
    assert.equal([...cassetteJsonChunks(a)].join(''), `${JSON.stringify(cassetteJson(a))}\n`, file);
    const only = new Set([1, 5]);
    const json = cassetteJson(a);
    json.interactions = json.interactions.filter((i) => only.has(i.index));
    assert.equal([...cassetteJsonChunks(a, only)].join(''), `${JSON.stringify(json)}\n`, file);
  }
});

test('HAR chunks join to JSON.stringify(harLog, null, 2), for one, several and empty cassettes', async () => {
  const all = await Promise.all(files.map(analyzed));
  const empty = { ...all[0]!, interactions: [] };
  for (const cassettes of [[all[0]!], all, [empty], [empty, all[1]!]]) {
    assert.equal([...harJsonChunks(cassettes, '1.2.3')].join(''), `${JSON.stringify(harLog(cassettes, '1.2.3'), null, 2)}\n`);
  }
});
