// The HTML report and diff page as text: what the page holds, what it allows (CSP), that hostile
// recorded content stays text, and that every corpus folder and sample exports. The browser tests
// (browser.test.ts) check the same pages rendered.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.ts';
import { corpusFile, corpusFiles, sample, SAMPLES, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';

const SEED = corpusFile('seed/groq-kimi-k2-multi_tool_streaming.yaml');
const FANTASY_TOOL = (folder: string) => corpusFile(folder, 'TestAnthropicCommon/claude-sonnet-4/tool.yaml');

async function exportHtml(...paths: string[]): Promise<string> {
  const result = await runCli(['export', '--format', 'html', ...paths]);
  assert.equal(result.stderr, '');
  assert.equal(result.code, 0);
  return result.stdout;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/** Our own markup: every start tag of the page (recorded text is escaped, so it has none). */
const startTags = (page: string) => [...page.matchAll(/<([a-zA-Z][\w-]*)(\s[^>]*)?>/g)].map((m) => ({ name: m[1]!.toLowerCase(), attributes: m[2] ?? '' }));

function checkSafe(page: string): void {
  const tags = startTags(page);
  assert.equal(tags.filter((t) => t.name === 'script').length, 1, 'one script: ours');
  assert.equal(tags.filter((t) => t.name === 'style').length, 1, 'one style: ours');
  for (const forbidden of ['img', 'iframe', 'object', 'embed', 'link', 'form', 'base', 'image', 'video', 'audio', 'source', 'use']) {
    assert.equal(tags.filter((t) => t.name === forbidden).length, 0, `no <${forbidden}>`);
  }
  for (const { name, attributes } of tags) {
    assert.doesNotMatch(attributes, /\son\w+\s*=/i, `<${name}${attributes}> has an event handler`);
    assert.doesNotMatch(attributes, /\s(src|srcset|action|formaction|xlink:href)\s*=/i, `<${name}${attributes}> loads something`);
    const href = /\shref="([^"]*)"/.exec(attributes)?.[1];
    if (href !== undefined) assert.match(href, /^#[\w-]+$/, `only links inside the page: ${href}`);
  }
  assert.doesNotMatch(page, /\[object Object\]/);
}

test('seed: the conversation, tool calls and usage are in the page; CSP allows only our style and script, by hash', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const page = await exportHtml(SEED);
  checkSafe(page);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1]?.replaceAll('&#39;', "'");
  assert.ok(csp, 'a CSP meta tag');
  const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
  const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
  assert.equal(
    csp,
    `default-src 'none'; style-src 'sha256-${sha256(style)}'; script-src 'sha256-${sha256(script)}'; img-src 'none'; font-src 'none'; connect-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'`,
  );
  assert.doesNotMatch(csp, /unsafe/);
  assert.match(page, /<div class="msg system"><div class="role">system<\/div><div class="text">You are a helpful assistant\. Always use both add and multiply at the same time\.<\/div><\/div>/);
  assert.match(page, /tool call <strong>add<\/strong> <span class="dim">id functions\.add:0<\/span><\/summary><div class="json"><span class="mono">\{"a":2,"b":3\}<\/span>/);
  assert.match(page, /tool call <strong>multiply<\/strong>/);
  assert.match(page, /<span title="tokens">207 in \/ 55 out<\/span>/);
  assert.match(page, /<span title="tokens">289 in \/ 29 out<\/span>/);
  assert.match(page, /<summary>stream events <span class="dim">\(SSE, 20 events, /);
  // One cassette: no overview table, the interactions open.
  assert.doesNotMatch(page, /id="overview"/);
  assert.equal((page.match(/<details class="interaction" id="c1-i\d" data-flags="[^"]*" open>/g) ?? []).length, 2);
  assert.equal(await exportHtml(SEED), page, 'deterministic');
});

test('hostile sample: <script>, onerror=, javascript: URLs and closing tags are text, never markup', async () => {
  const page = await exportHtml(sample('hostile-html.yaml'));
  checkSafe(page);
  assert.match(page, /&lt;script&gt;window\.__pwned = 'script'&lt;\/script&gt;&lt;img src=x onerror="window\.__pwned='img';alert\('img'\)"&gt;/);
  assert.match(page, /\[image: image\/\*, javascript:window\.__pwned="image-url"\]/);
  // The tool call id lands in text, the JSON key in the tree.
  assert.match(page, /id call_&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(page, /<span class="k">"&lt;img src=x onerror=\\"window\.__pwned='key'\\"&gt;"<\/span>/);
  // The long answer is cut, its end one click away in the same flow.
  assert.match(page, /<details class="more"><summary>… 2,[0-9]{3} more characters<\/summary><div class="text">[^<]*END-OF-LONG-ANSWER<\/div><\/details>/);
  // The 502's HTML body is shown as an error text.
  assert.match(page, /&lt;html&gt;&lt;head&gt;&lt;script&gt;window\.__pwned='error-page'/);
});

test('several cassettes: an overview row per file linking to its section, totals, closed interactions when many', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const page = await exportHtml(SEED, sample('har-openai-chat-stream.har'), sample('hostile-html.yaml'));
  checkSafe(page);
  const rows = [...page.matchAll(/<tr data-target="(c\d+)"><td class="file"><a href="#(c\d+)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2], m[3]]);
  assert.deepEqual(rows, [
    ['c1', 'c1', SEED],
    ['c2', 'c2', sample('har-openai-chat-stream.har')],
    ['c3', 'c3', sample('hostile-html.yaml')],
  ]);
  assert.match(page, /<tr data-target="c2">.*?<td>har<\/td><td>openai-chat<\/td><td>gpt-4o-mini-2024-07-18<\/td><td class="num">2<\/td><td class="num">153<\/td><td class="num">24<\/td>/);
  assert.match(page, /<tfoot><tr><th>3 files<\/th><th><\/th><th><\/th><th><\/th><th class="num">7<\/th><th class="num">982<\/th><th class="num">782<\/th>/);
  for (const id of ['c1', 'c2', 'c3']) assert.match(page, new RegExp(`<section class="cassette" id="${id}" data-name="[^"]+">`));
  // 7 interactions: still opened (a small report).
  assert.equal((page.match(/<details class="interaction" [^>]* open>/g) ?? []).length, 7);
});

test('export --format html -o DIR/ writes one .html page per cassette', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-html-'));
  try {
    const result = await runCli(['export', '--format', 'html', sample('hostile-html.yaml'), sample('openai-chat-json.yaml'), '-o', `${dir}/`]);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(readdirSync(dir).sort(), ['hostile-html.html', 'openai-chat-json.html']);
    assert.match(readFileSync(join(dir, 'openai-chat-json.html'), 'utf8'), /^<!DOCTYPE html>\n/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every sample exports to HTML (exit 0, no [object Object]); a file that is not a cassette is exit 2', async () => {
  const broken = new Set(['invalid-yaml.yaml', 'not-a-cassette.yaml']);
  const files = readdirSync(SAMPLES).filter((name) => /\.(ya?ml|json|har)$/.test(name) || name.startsWith('polly-'));
  assert.ok(files.length > 40);
  for (const name of files) {
    const result = await runCli(['export', '--format', 'html', join(SAMPLES, name)]);
    if (broken.has(name)) {
      assert.equal(result.code, 2, name);
      assert.equal(result.stdout, '', `${name}: nothing written`);
      continue;
    }
    assert.equal(result.code, 0, `${name}: ${result.stderr}`);
    assert.doesNotMatch(result.stdout, /\[object Object\]/, name);
    assert.match(result.stdout, /<\/html>\n$/, name);
  }
});

for (const folder of ['fantasy', 'fantasy-2025-11', 'seed', 'pydantic-ai', 'simonw-llm', 'simonw-llm-anthropic', 'simonw-llm-gemini', 'ruby-openai']) {
  test(`corpus ${folder}: export --format html exits 0, a section per cassette, no [object Object]`, { skip: SKIP_WITHOUT_CORPUS }, async () => {
    const result = await runCli(['export', '--format', 'html', corpusFile(folder)]);
    assert.equal(result.code, 0, result.stderr);
    // Not assert.doesNotMatch: it would print the whole page.
    assert.equal(/\[object Object\]/.exec(result.stdout)?.[0], undefined);
    assert.equal(/>NaN<|>undefined<|\(undefined\)|NaN m?s\b|\$NaN|="(undefined|NaN)"/.exec(result.stdout)?.[0], undefined);
    const sections = (result.stdout.match(/<section class="cassette" /g) ?? []).length;
    assert.equal(sections, corpusFiles(folder).length);
    assert.equal((result.stdout.match(/<tr data-target="c\d+">/g) ?? []).length, folder === 'seed' ? 0 : sections);
  });
}

test('diff --format html: the changed tool argument side by side, the removed space marked', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const result = await runCli(['diff', '--format', 'html', FANTASY_TOOL('fantasy-2025-11'), FANTASY_TOOL('fantasy')]);
  assert.equal(result.code, 1, result.stderr);
  const page = result.stdout;
  checkSafe(page);
  assert.match(
    page,
    /<div class="path">response\.toolCalls\[0\]\.arguments\.location <span class="badge">weather<\/span> <span class="dim">changed<\/span><\/div><div class="side-old"><span class="text">Florence,<del> <\/del>Italy<\/span><\/div><div class="side-new"><span class="text">Florence,Italy<\/span><\/div>/,
  );
  assert.match(page, /<div class="path">response\.usage\.outputTokens <span class="dim">changed<\/span><\/div><div class="side-old"><del class="text">34<\/del><\/div><div class="side-new"><ins class="text">50<\/ins><\/div>/);
});

test('diff --format html of two directories: a file table first, identical pairs only listed', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const result = await runCli(['diff', '--format', 'html', corpusFile('fantasy-2025-11'), corpusFile('fantasy')]);
  assert.equal(result.code, 1, result.stderr);
  const page = result.stdout;
  checkSafe(page);
  assert.match(page, /<span>226 pairs: \d+ identical in meaning, \d+ different<\/span><span>117 only in the old<\/span><span>124 only in the new<\/span>/);
  const rows = (page.match(/<tr data-target=/g) ?? []).length;
  assert.equal(rows, 226 + 117 + 124);
  const identical = /226 pairs: (\d+) identical/.exec(page)![1]!;
  assert.equal((page.match(/<section class="cassette" /g) ?? []).length, rows - Number(identical));
});

test('diff --format html: -o writes the file; --json, --stat and -o without html are usage errors (exit 2)', async () => {
  const [a, b] = [sample('diff-forecast-stream.yaml'), sample('diff-forecast-stream-changed.yaml')];
  const dir = mkdtempSync(join(tmpdir(), 'cassette-html-'));
  try {
    const written = await runCli(['diff', '--format', 'html', a, b, '-o', join(dir, 'diff.html')]);
    assert.equal(written.code, 1, written.stderr);
    assert.equal(written.stdout, '');
    assert.match(readFileSync(join(dir, 'diff.html'), 'utf8'), /^<!DOCTYPE html>[\s\S]*<\/html>\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const json = await runCli(['diff', '--format', 'html', '--json', a, b]);
  assert.deepEqual([json.code, json.stderr], [2, 'cassette: --format html cannot be combined with --json\n']);
  const stat = await runCli(['diff', '--format', 'html', '--stat', a, b]);
  assert.deepEqual([stat.code, stat.stderr], [2, 'cassette: --format html cannot be combined with --stat\n']);
  const output = await runCli(['diff', '-o', 'x.html', a, b]);
  assert.deepEqual([output.code, output.stderr], [2, 'cassette: -o/--output needs --format html\n']);
  const format = await runCli(['diff', '--format', 'pdf', a, b]);
  assert.deepEqual([format.code, format.stderr], [2, 'cassette: --format takes "text" or "html", not "pdf"\n']);
});
