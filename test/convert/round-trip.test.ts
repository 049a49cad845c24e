// A → B → A over every cassette of the samples and of ../shared/corpus: converting to each target
// and back gives the same `show --json` (less what B cannot hold, as its registry entry says) and
// the same bytes of every body. Each converted file reads back as the format its target names.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TARGETS, findTarget, type ConvertTarget } from '../../src/convert/index.ts';
import { parseCassetteText } from '../../src/formats/parse.ts';
import { analyzeCassette, type AnalyzedCassette } from '../../src/interpret/index.ts';
import type { Body, Cassette } from '../../src/model.ts';
import { cassetteJson } from '../../src/present/json.ts';
import { readCassette } from '../../src/read/read-cassette.ts';
import { SAMPLES, SKIP_WITHOUT_CORPUS, corpusFiles } from '../helpers/paths.ts';

/** The target that writes a cassette's own format (Ruby VCR JSON has none: compared after A → B only). */
function targetOf(cassette: Cassette): ConvertTarget | undefined {
  switch (cassette.format) {
    case 'go-vcr':
      return findTarget(cassette.formatVersion >= 2 ? 'go-vcr' : 'go-vcr-v1');
    case 'vcrpy':
      return findTarget('vcrpy');
    case 'vcrpy-json':
      return findTarget('vcrpy-json');
    case 'ruby-vcr':
      return findTarget('ruby-vcr');
    case 'har':
      return findTarget('har');
    default:
      return undefined;
  }
}

const OPTIONS = { version: '0.0.0-test', recordingName: 'round-trip' };

async function through(analyzed: AnalyzedCassette, target: ConvertTarget): Promise<AnalyzedCassette> {
  const text = target.write(analyzed, OPTIONS);
  const back = await parseCassetteText(`${analyzed.cassette.file}${target.extension}`, text);
  assert.equal(back.format, target.readsAs, `${target.name} reads back as ${target.readsAs}`);
  return analyzeCassette(back);
}

const bytes = (body: Body) => Buffer.from(typeof body === 'string' ? Buffer.from(body, 'utf8') : body).toString('base64');

/** show --json without the file's identity and without what `lost` says the middle target cannot hold. */
function comparable(analyzed: AnalyzedCassette, lost: readonly string[], lowerHeaders: boolean): unknown {
  const json = cassetteJson(analyzed) as unknown as { interactions: Record<string, unknown>[] };
  const lower = (headers: Record<string, string[]>) =>
    lowerHeaders ? Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) : headers;
  return json.interactions.map((item) => {
    const request = item.request as { headers: Record<string, string[]> };
    const response = item.response as { headers: Record<string, string[]>; durationMs: number | null };
    return {
      ...item,
      id: lost.includes('ids') ? null : item.id,
      request: { ...request, headers: lower(request.headers) },
      response: { ...response, headers: lower(response.headers), durationMs: lost.includes('durations') ? null : response.durationMs },
    };
  });
}

/** Which interactions' bodies differ, as `index request|response`. */
function bodyDifferences(a: Cassette, b: Cassette): string[] {
  const out: string[] = [];
  if (a.interactions.length !== b.interactions.length) return [`${a.interactions.length} vs ${b.interactions.length} interactions`];
  a.interactions.forEach((item, i) => {
    const other = b.interactions[i]!;
    if (bytes(item.request.body) !== bytes(other.request.body)) out.push(`${i} request`);
    if (bytes(item.response.body) !== bytes(other.response.body)) out.push(`${i} response`);
  });
  return out;
}

async function checkFile(file: string, failures: string[]): Promise<void> {
  const original = analyzeCassette(await readCassette(file));
  const home = targetOf(original.cassette);
  for (const target of TARGETS) {
    let middle: AnalyzedCassette;
    try {
      middle = await through(original, target);
    } catch (error) {
      // vcrpy's JSON serializer cannot hold bytes (vcrpy refuses them too): the writer says so.
      if (target.name === 'vcrpy-json' && /binary/.test(String((error as Error).message))) continue;
      failures.push(`${file} → ${target.name}: ${(error as Error).message}`);
      continue;
    }
    const diffs = bodyDifferences(original.cassette, middle.cassette);
    if (diffs.length) failures.push(`${file} → ${target.name}: bodies differ (${diffs.join(', ')})`);
    if (!home) continue;
    const back = await through(middle, home);
    const backDiffs = bodyDifferences(original.cassette, back.cassette);
    if (backDiffs.length) failures.push(`${file} → ${target.name} → ${home.name}: bodies differ (${backDiffs.join(', ')})`);
    const lost = [...new Set([...target.cannotHold, ...home.cannotHold])];
    const lowerHeaders = lost.includes('header-case');
    try {
      assert.deepStrictEqual(comparable(back, lost, lowerHeaders), comparable(original, lost, lowerHeaders));
    } catch (error) {
      failures.push(`${file} → ${target.name} → ${home.name}: show --json differs\n${String((error as Error).message).slice(0, 1500)}`);
    }
  }
}

function sampleFiles(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : /\.(ya?ml|json|har)$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  return walk(SAMPLES)
    .filter((f) => !/invalid-yaml|not-a-cassette|hostile/.test(f))
    .sort();
}

test('A → B → A over the samples: same show --json (less what B cannot hold), same body bytes', async () => {
  const failures: string[] = [];
  const files = sampleFiles();
  assert.ok(files.length >= 50, `${files.length} samples`);
  for (const file of files) await checkFile(file, failures);
  assert.deepEqual(failures, []);
});

test('A → B → A over every cassette of ../shared/corpus', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const failures: string[] = [];
  const files = corpusFiles();
  assert.ok(files.length > 1000, `${files.length} corpus files`);
  for (const file of files) await checkFile(file, failures);
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} failures`);
});
