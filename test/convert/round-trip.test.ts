// A → B → A over every cassette of the samples and of ../shared/corpus: converting to each target
// and back gives the same `show --json` (less what B cannot hold, as its registry entry says; a
// re-serialized body's Content-Length as convert makes it true) and the same bytes of every body.
// Each converted file reads back as the format its target names.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TARGETS, findTarget, type ConvertTarget } from '../../src/convert/index.ts';
import { withTrueContentLengths } from '../../src/convert/content-length.ts';
import { parseCassetteText } from '../../src/formats/parse.ts';
import { analyzeCassette, type AnalyzedCassette } from '../../src/interpret/index.ts';
import type { Body, Cassette } from '../../src/model.ts';
import { cassetteJson } from '../../src/present/json.ts';
import { readCassette } from '../../src/read/read-cassette.ts';
import { SKIP_WITHOUT_CORPUS, corpusFiles, sampleCassettes } from '../helpers/paths.ts';

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

const FOLDER = process.env.CASSETTE_CORPUS_FOLDER ?? '';
const OPTIONS = { version: '0.0.0-test', recordingName: 'round-trip' };

async function through(analyzed: AnalyzedCassette, target: ConvertTarget): Promise<Cassette> {
  const text = target.write(analyzed, OPTIONS);
  const back = await parseCassetteText(`${analyzed.cassette.file}${target.extension}`, text);
  assert.equal(back.format, target.readsAs, `${target.name} reads back as ${target.readsAs}`);
  return back;
}

/** Writers take the analyzed cassette (HAR's `_llm`); the others only read its `cassette`. */
const unanalyzed = (cassette: Cassette): AnalyzedCassette => ({ cassette, interactions: [] });

const bytes = (body: Body) => Buffer.from(typeof body === 'string' ? Buffer.from(body, 'utf8') : body).toString('base64');

/** show --json without the file's identity and without what `lost` says the middle target cannot hold. */
function comparable(analyzed: AnalyzedCassette, lost: readonly string[], lowerHeaders: boolean, binaryRequests: Set<number>): unknown {
  const json = cassetteJson(analyzed) as unknown as { interactions: Record<string, unknown>[] };
  const lower = (headers: Record<string, string[]>) =>
    lowerHeaders ? Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) : headers;
  const firstValues = (headers: Record<string, string[]>) =>
    lost.includes('repeated-request-headers') ? Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.slice(0, 1)])) : headers;
  return json.interactions.map((item) => {
    const request = item.request as { headers: Record<string, string[]> };
    const response = item.response as { headers: Record<string, string[]>; durationMs: number | null };
    // A request body the middle target cannot hold is gone, and what was read from it.
    const bodyLost = binaryRequests.has(item.index as number);
    // Without its body, only the request's head and the response are compared (what is read from a body is gone).
    const kept = bodyLost ? { index: item.index, response: item.response } : item;
    return {
      ...kept,
      id: lost.includes('ids') ? null : item.id,
      request: { ...request, headers: firstValues(lower(request.headers)), ...(bodyLost ? { body: undefined } : {}) },
      response: { ...response, headers: lower(response.headers), durationMs: lost.includes('durations') ? null : response.durationMs },
    };
  });
}

/** Bytes that do not survive a UTF-8 round trip (Polly keeps no text for such a request body). */
function isBinary(body: Body): boolean {
  if (typeof body === 'string') return false;
  const buffer = Buffer.from(body);
  return !Buffer.from(buffer.toString('utf8'), 'utf8').equals(buffer);
}

/** Which interactions' bodies differ, as `index request|response`. */
function bodyDifferences(a: Cassette, b: Cassette, lost: readonly string[] = []): string[] {
  const out: string[] = [];
  if (a.interactions.length !== b.interactions.length) return [`${a.interactions.length} vs ${b.interactions.length} interactions`];
  a.interactions.forEach((item, i) => {
    const other = b.interactions[i]!;
    const keptRequest = !lost.includes('binary-request-bodies') || !isBinary(item.request.body);
    if (keptRequest && bytes(item.request.body) !== bytes(other.request.body)) out.push(`${i} request`);
    if (bytes(item.response.body) !== bytes(other.response.body)) out.push(`${i} response`);
  });
  return out;
}

async function checkFile(file: string, failures: string[]): Promise<void> {
  const original = analyzeCassette(await readCassette(file));
  const home = targetOf(original.cassette);
  for (const target of TARGETS) {
    let middle: Cassette;
    try {
      middle = await through(original, target);
    } catch (error) {
      // vcrpy's JSON serializer cannot hold bytes (vcrpy refuses them too): the writer says so.
      if (target.name === 'vcrpy-json' && /binary/.test(String((error as Error).message))) continue;
      failures.push(`${file} → ${target.name}: ${(error as Error).message}`);
      continue;
    }
    const diffs = bodyDifferences(original.cassette, middle, target.cannotHold);
    if (diffs.length) failures.push(`${file} → ${target.name}: bodies differ (${diffs.join(', ')})`);
    if (!home) continue;
    // The HAR and Polly writers walk the analyzed interactions; the others read only `cassette`.
    const back = analyzeCassette(await through(home.name === 'har' || home.name === 'polly' ? analyzeCassette(middle) : unanalyzed(middle), home));
    const backDiffs = bodyDifferences(original.cassette, back.cassette, target.cannotHold);
    if (backDiffs.length) failures.push(`${file} → ${target.name} → ${home.name}: bodies differ (${backDiffs.join(', ')})`);
    const lost = [...new Set([...target.cannotHold, ...home.cannotHold])];
    const lowerHeaders = lost.includes('header-case');
    try {
      const binaryRequests = new Set(
        lost.includes('binary-request-bodies') ? original.cassette.interactions.filter((i) => isBinary(i.request.body)).map((i) => i.index) : [],
      );
      // A re-serialized body (pydantic-ai's parsed_body) is written with a true Content-Length: compared so.
      assert.deepStrictEqual(comparable(back, lost, lowerHeaders, binaryRequests), comparable(withTrueContentLengths(original), lost, lowerHeaders, binaryRequests));
    } catch (error) {
      failures.push(`${file} → ${target.name} → ${home.name}: show --json differs\n${String((error as Error).message).slice(0, 1500)}`);
    }
  }
}

test('A → B → A over the samples: same show --json (less what B cannot hold), same body bytes', async () => {
  const failures: string[] = [];
  const files = await sampleCassettes();
  assert.ok(files.length >= 50, `${files.length} samples`);
  for (const file of files) await checkFile(file, failures);
  assert.deepEqual(failures, []);
});

test('A → B → A over every cassette of ../shared/corpus', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const failures: string[] = [];
  const files = corpusFiles(FOLDER);
  assert.ok(FOLDER || files.length > 1000, `${files.length} corpus files`);
  for (const file of files) await checkFile(file, failures);
  // Every failure's first line, then the first one in full.
  assert.deepEqual(failures.map((f) => f.split('\n')[0]), [], failures[0]);
});
