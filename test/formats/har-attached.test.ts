// Playwright's HAR with bodies kept beside it (`_file`): samples/har-attach-dirty/ was recorded by
// routeFromHAR in update mode (updateContent 'attach', its default) in real Chromium
// (scripts/samples/har-playwright-attach.mjs): a client-credentials token request (form body with a
// fake client_secret, a fake JWT in the answer), then an OpenAI Chat request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scrubBodyBytes } from '../../src/scrub/body-file.ts';
import { compileScrubOptions } from '../../src/scrub/scan.ts';
import { runCli } from '../helpers/cli.ts';
import { ROOT, sample } from '../helpers/paths.ts';

const DIR = sample('har-attach-dirty');
const HAR = join(DIR, 'chat.har');
const FORM = '8bed867ca137a37200d9e6ef9918727f9a9d1852.dat';
const TOKEN = 'be6a501f6d84acddbf4b6b1622d2a6e759de6599.json';
const CLIENT_SECRET = 'FAKE~clientSecret0123456789abcdefgh';
const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2NvZ25pdGl2ZXNlcnZpY2VzLmF6dXJlLmNvbSIsImlzcyI6ImZha2UifQ.RkFLRXNpZ25hdHVyZTAxMjM0NTY3ODlhYmNkZWY';

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-har-attach-'));
  cpSync(DIR, dir, { recursive: true });
  return dir;
}

test('every command reads the bodies beside the HAR: the chat turn and the token answer as recorded', async () => {
  const r = await runCli(['show', '--json', HAR]);
  assert.equal(r.code, 0, r.stderr);
  const [token, chat] = JSON.parse(r.stdout).interactions;
  assert.equal(token.request.body, `grant_type=client_credentials&client_id=00000000-0000-0000-0000-000000000000&client_secret=${CLIENT_SECRET}&scope=https%3A%2F%2Fcognitiveservices.azure.com%2F.default`);
  assert.deepEqual(token.response.body, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: JWT });
  assert.equal(chat.llm.provider, 'openai-chat');
  assert.deepEqual(chat.llm.request.messages, [{ role: 'user', content: [{ type: 'text', text: 'Say hello.' }] }]);
  assert.equal(chat.llm.response.text, 'Hello! How can I help you today?');
  assert.deepEqual(chat.llm.response.usage, { inputTokens: 20, outputTokens: 9, totalTokens: 29 });
  assert.deepEqual(chat.diagnostics, []);
  // The same through the other readers: the HAR export embeds the bodies.
  const har = JSON.parse((await runCli(['export', '--format', 'har', HAR])).stdout);
  assert.equal(JSON.parse(har.log.entries[1].response.content.text).choices[0].message.content, 'Hello! How can I help you today?');
  const diff = await runCli(['diff', HAR, HAR]);
  assert.equal(diff.code, 0, diff.stderr);
});

test('a body file stands for the HAR that names it: in a directory, and named (a hook passes staged files), once per run', async () => {
  const summary = await runCli(['show', '--summary', '--json', DIR]);
  assert.equal(summary.code, 0, summary.stderr);
  assert.deepEqual(summary.stdout.trim().split('\n').slice(0, -1).map((l) => JSON.parse(l).file), [HAR]);
  const expected = (await runCli(['scrub', '--check', HAR])).stdout;
  assert.equal(expected.trim().split('\n').length, 4);
  for (const argv of [[join(DIR, TOKEN)], [join(DIR, TOKEN), join(DIR, FORM), HAR], [join(DIR, FORM), DIR]]) {
    const r = await runCli(['scrub', '--check', ...argv]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, expected, argv.join(' '));
  }
  // One no HAR beside it names: no cassette, exit 2.
  const dir = copy();
  try {
    const orphan = join(dir, '0000000000000000000000000000000000000000.json');
    writeFileSync(orphan, '{"id": "chatcmpl-1", "object": "chat.completion", "choices": []}\n');
    const r = await runCli(['lint', orphan]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `cassette: ${orphan}: not a cassette: named like a body Playwright keeps beside a HAR (_file), but no HAR beside it names it\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('scrub --check and lint find the secrets inside the body files, at their line and column there', async () => {
  const check = await runCli(['scrub', '--check', DIR]);
  assert.equal(check.code, 1);
  assert.deepEqual(check.stdout.trim().split('\n'), [
    `${HAR}:1:1520 credential-query FAKE… log.entries[0].request.postData.params[2].client_secret`,
    `${HAR}:1:3217 authorization-header Bearer eyJ0… log.entries[1].request.headers[12].authorization`,
    `${join(DIR, FORM)}:1:92 credential-query FAKE… log.entries[0].request.postData._file`,
    `${join(DIR, TOKEN)}:1:87 jwt eyJ0… log.entries[0].response.content._file`,
  ]);
  assert.ok(!check.stdout.includes(CLIENT_SECRET) && !check.stdout.includes(JWT));
  const lint = await runCli(['lint', '--format', 'json', HAR]);
  const files = lint.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const credentials = files.flatMap((f) => (f.findings ?? []).filter((x: { rule: string }) => x.rule === 'jwt' || x.rule === 'credential-query').map((x: { rule: string; line: number; col: number }) => `${f.file}:${x.line}:${x.col} ${x.rule}`));
  assert.deepEqual(credentials, [`${HAR}:1:1520 credential-query`, `${join(DIR, FORM)}:1:92 credential-query`, `${join(DIR, TOKEN)}:1:87 jwt`]);
});

test('scrub rewrites the body files in place (only the secrets) and the Content-Length the HAR records for them; a second run changes nothing', async () => {
  const dir = copy();
  try {
    const before = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
    const fix = await runCli(['scrub', dir]);
    assert.equal(fix.code, 0, fix.stderr);
    const after = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
    assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort(), 'no file added or removed');
    const changed = Object.keys(before).filter((f) => !before[f]!.equals(after[f]!)).sort();
    assert.deepEqual(changed, [FORM, TOKEN, 'chat.har'].sort());
    assert.equal(after[FORM]!.toString(), before[FORM]!.toString().replace(CLIENT_SECRET, 'REDACTED'));
    assert.equal(after[TOKEN]!.toString(), before[TOKEN]!.toString().replace(JWT, 'REDACTED'));
    // The HAR: the two credentials, and the Content-Length headers of the two changed bodies (185 → 158, 243 → 96).
    const harBefore = before['chat.har']!.toString();
    const expected = harBefore
      .replace(`"value":"${CLIENT_SECRET}"`, '"value":"REDACTED"')
      .replace(`"value":"Bearer ${JWT}"`, '"value":"Bearer REDACTED"')
      .replace('{"name":"Content-Length","value":"185"}', '{"name":"Content-Length","value":"158"}')
      .replace('{"name":"Content-Length","value":"243"}', '{"name":"Content-Length","value":"96"}');
    assert.notEqual(expected, harBefore);
    assert.equal(after['chat.har']!.toString(), expected);
    const lint = await runCli(['lint', dir]);
    assert.ok(!lint.stdout.includes('content-length-mismatch'), lint.stdout);
    const again = await runCli(['scrub', '--check', dir]);
    assert.equal(again.code, 0, again.stdout);
    const second = await runCli(['scrub', dir]);
    assert.equal(second.code, 0);
    for (const f of Object.keys(after)) assert.ok(readFileSync(join(dir, f)).equals(after[f]!), `${f} unchanged by a second run`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('export --scrub scrubs the attached bodies in memory; the files are not touched', async () => {
  const r = await runCli(['export', '--scrub', '--format', 'json', HAR]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(!r.stdout.includes(JWT) && !r.stdout.includes(CLIENT_SECRET));
  assert.match(r.stdout, /client_secret=REDACTED/);
  assert.match(readFileSync(join(DIR, TOKEN), 'utf8'), /eyJ0eXAi/);
});

test('a missing body file or a _file that is not a plain name is exit 2 naming both; the other files are still read', async () => {
  const dir = copy();
  try {
    rmSync(join(dir, TOKEN));
    writeFileSync(join(dir, 'other.har'), readFileSync(join(dir, 'chat.har'), 'utf8').replace(`"_file":"${FORM}"`, '"_file":"../passwd"'));
    writeFileSync(join(dir, 'ok.har'), JSON.stringify({ log: { version: '1.2', entries: [{ request: { method: 'GET', url: 'https://x.test/', headers: [] }, response: { status: 204, statusText: 'No Content', headers: [], content: {} } }] } }));
    for (const argv of [['show'], ['scrub', '--check'], ['lint']]) {
      const r = await runCli([...argv, dir]);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, new RegExp(`chat\\.har(:1:1)?: attached body ${join(dir, TOKEN).replace(/[.]/g, '\\.')} \\(_file\\) not found`), argv.join(' '));
      assert.match(r.stderr, /other\.har(:1:1)?: attached body "\.\.\/passwd" \(_file\) is not a file name beside the HAR/, argv.join(' '));
      if (argv[0] === 'show') assert.match(r.stdout, /ok\.har/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a body file that is not UTF-8, or starts with a byte-order mark, keeps every byte but the secret', () => {
  const c = compileScrubOptions();
  const key = 'sk-test-FAKE0123456789abcdefABCDEF';
  const bom = Buffer.from(`\ufeff{"key": "${key}"}`, 'utf8');
  assert.ok(Buffer.from(scrubBodyBytes(bom, 'application/json', c, '').bytes).equals(Buffer.from('\ufeff{"key": "REDACTED"}', 'utf8')));
  const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]), Buffer.from(` key ${key} `)]);
  const out = Buffer.from(scrubBodyBytes(bytes, 'image/png', c, '').bytes);
  assert.ok(out.subarray(0, 6).equals(bytes.subarray(0, 6)));
  assert.equal(out.subarray(6).toString(), ' key REDACTED ');
  // Nothing found: the same bytes, not a copy.
  const clean = Buffer.from('{"ok": true}');
  assert.equal(scrubBodyBytes(clean, 'application/json', c, '').bytes, clean);
});

const hasPlaywright = existsSync('/usr/bin/chromium') && existsSync(join(ROOT, 'node_modules/playwright-core'));

test("after scrub, Playwright's routeFromHAR still serves the fixture: the token answer arrives whole, scrubbed", { skip: hasPlaywright ? false : 'needs /usr/bin/chromium (apt-get install chromium) and the playwright-core devDependency' }, async () => {
  const dir = copy();
  try {
    assert.equal((await runCli(['scrub', dir])).code, 0);
    const run = spawnSync(process.execPath, [join(ROOT, 'test/formats/har-attached-replay.mjs'), join(dir, 'chat.har')], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.deepEqual(result.token, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'REDACTED' });
    assert.equal(JSON.parse(result.chat).choices[0].message.content, 'Hello! How can I help you today?');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a zipped HAR (Playwright writes one for a .zip path) is exit 2 saying so, not "a YAML string"', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-har-zip-'));
  try {
    const zip = join(dir, 'chat.zip');
    writeFileSync(zip, Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000', 'latin1'), Buffer.alloc(40, 0x9c)]));
    for (const argv of [['show'], ['scrub', '--check']]) {
      const r = await runCli([...argv, zip]);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, `cassette: ${zip}: not a cassette: a ZIP archive (a zipped HAR? unzip it and name the .har)\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
