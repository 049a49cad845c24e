// Export conformance over the shared corpus (skipped without it): every cassette exports to a HAR
// that is valid against the HAR 1.2 schema and carries the recording unchanged.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entry, Har } from 'har-format';
import validate from 'har-validator';
import { analyzeCassette, type AnalyzedCassette } from '../../src/interpret/index.ts';
import type { Body } from '../../src/model.ts';
import { renderExport } from '../../src/commands/export.ts';
import { cassetteJson } from '../../src/present/json.ts';
import { readCassette } from '../../src/read/read-cassette.ts';
import { corpusFiles, CORPUS, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';

/** The recorded body as the HAR carries it: base64 text is decoded back to bytes. */
function harBody(text: string | undefined, encoding: string | undefined): Body {
  return encoding === 'base64' ? Buffer.from(text ?? '', 'base64') : (text ?? '');
}

/** Bytes compared as Buffers: yaml may give a Buffer or a plain Uint8Array for `!!binary`. */
const comparable = (body: Body) => (typeof body === 'string' ? body : Buffer.from(body));

function checkEntries(analyzed: AnalyzedCassette, entries: Entry[], where: string): void {
  assert.equal(entries.length, analyzed.interactions.length, `${where}: entry count`);
  const llms = JSON.parse(JSON.stringify(cassetteJson(analyzed).interactions.map((i) => i.llm)));
  analyzed.interactions.forEach(({ interaction: { request, response } }, i) => {
    const entry = entries[i]!;
    const at = `${where}#${i}`;
    assert.equal(entry.request.method, request.method, at);
    assert.equal(entry.request.url, request.url, at);
    const post = entry.request.postData as { text?: string; _encoding?: string } | undefined;
    assert.deepEqual(comparable(harBody(post?.text, post?._encoding)), comparable(request.body), `${at}: request body`);
    assert.equal(entry.response.status, response.status, at);
    assert.deepEqual(comparable(harBody(entry.response.content.text, entry.response.content.encoding)), comparable(response.body), `${at}: response body`);
    assert.deepEqual(entry._llm, llms[i], `${at}: _llm`);
  });
}

test('every corpus cassette exports to a valid HAR 1.2 that carries the recording', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const files = corpusFiles();
  assert.ok(files.length >= 690, `expected the ~694 corpus files, found ${files.length}`);
  const invalid: string[] = [];
  let binary = 0;
  for (const file of files) {
    const analyzed = analyzeCassette(await readCassette(file));
    const text = renderExport('har', [analyzed], '1.2.3', false);
    const har = JSON.parse(text) as Har;
    try {
      await validate.har(har);
    } catch (error) {
      invalid.push(`${file}: ${JSON.stringify((error as { errors?: unknown }).errors ?? String(error))}`);
    }
    const where = file.slice(CORPUS.length + 1);
    checkEntries(analyzed, har.log.entries, where);
    binary += har.log.entries.filter((e) => e.response.content.encoding === 'base64').length;
  }
  assert.deepEqual(invalid, []);
  // The Bedrock event-stream recordings are the binary bodies.
  assert.ok(binary >= 14, `expected base64 bodies from the Bedrock streams, found ${binary}`);
});
