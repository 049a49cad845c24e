import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { scrubText } from '../../src/scrub/index.ts';
import { corpusFiles, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';

const files = corpusFiles();

// The only credentials left in the corpus: session cookies the recorders did not filter (Ollama's
// `aid`, Huawei WAF's HWWAFSESID on DeepSeek). Ruby VCR's `<OPENAI_ACCESS_TOKEN>`, pydantic-ai's
// `scrubbed` and Cloudflare's `__cf_bm` / `_cfuvid` are not findings.
const REAL_FINDINGS = [
  'pydantic-ai/models/cassettes/test_ollama/test_ollama_cloud_tool_output.yaml:88:9 cookie-header',
  'ruby-openai/cassettes/deepseek_deepseek-chat_streamed_chat.yml:34:9 cookie-header',
  'ruby-openai/cassettes/deepseek_deepseek-chat_streamed_chat.yml:35:9 cookie-header',
];

test('zero false positives: no finding in any clean corpus cassette, every format', { skip: SKIP_WITHOUT_CORPUS }, () => {
  assert.ok(files.length >= 1300, `${files.length} files`);
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const result = scrubText(text, { file });
    for (const f of result.findings) found.push(`${file.slice(file.indexOf('/corpus/') + 8)}:${f.line}:${f.col} ${f.rule}`);
    if (result.findings.length === 0) assert.equal(result.text, text, file);
  }
  assert.deepEqual(found, REAL_FINDINGS);
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
