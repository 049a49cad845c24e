import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { scrubText } from '../../src/scrub/index.ts';
import { corpusFiles, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';

const files = corpusFiles();

test('zero false positives: no finding in any clean corpus cassette', { skip: SKIP_WITHOUT_CORPUS }, () => {
  assert.ok(files.length >= 690, `${files.length} files`);
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const result = scrubText(text, { file });
    for (const f of result.findings) found.push(`${file}:${f.line}:${f.col} ${f.rule} ${f.masked}`);
    assert.equal(result.text, text, file);
  }
  assert.deepEqual(found, []);
});

test('edits are minimal on every corpus file: mapping its API host changes only the lines naming it', { skip: SKIP_WITHOUT_CORPUS }, () => {
  let edited = 0;
  // Every third file keeps the suite fast; all of them pass too.
  for (const file of files.filter((_, i) => i % 3 === 0)) {
    const text = readFileSync(file, 'utf8');
    const host = /\n\s+url: https?:\/\/([^/:\s]+)/.exec(text)?.[1];
    if (!host) continue;
    const result = scrubText(text, { file, hosts: [{ from: host, to: 'example.com' }] });
    const a = text.split('\n');
    const b = result.text.split('\n');
    assert.equal(a.length, b.length, file);
    a.forEach((line, i) => {
      if (line !== b[i]) assert.ok(line.toLowerCase().includes(host.toLowerCase()) || /content_length: /.test(line), `${file}:${i + 1}`);
    });
    assert.ok(!result.text.includes(`://${host}/`), file);
    edited++;
  }
  assert.ok(edited > 200, `${edited} files edited`);
});
