import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyzeCassette } from '../../src/interpret/index.ts';
import { cassetteJson } from '../../src/present/json.ts';
import { readCassette } from '../../src/read/read-cassette.ts';
import { runCli } from '../helpers/cli.ts';
import { corpusFile, sample, SKIP_WITHOUT_CORPUS, ROOT } from '../helpers/paths.ts';

// Fake secrets planted into a copy of a real corpus cassette.
const GOOG_HEADER = 'AIzaSyPLANTED0123456789abcdefghijklmno';
const GOOG_URL = 'AIzaSyURLKEY9876543210zyxwvutsrqponmlk';
const ANT_PROMPT = 'sk-ant-api03-PlantedKey0123456789abcdefABCDEFghijklmnopQRSTUVwxyz0123456789-_abcdefghijklmnopqrstuvAA';
const COOKIE = '__Secure-session=PlantedCookieValue0123456789abcdefGHIJKL; Path=/; HttpOnly';
// The secrets our own dirty samples carry (its Cloudflare `__cf_bm` / `_cfuvid` cookies are no
// credential: Cloudflare documents them as bot-management cookies without identity; they stay).
const SAMPLE_SECRETS = [
  'sk-proj-Fk9xQ2LmN4pR7sT1vW3yZ5aB8cD0eF6gH2iJ4kL6mN8oP0qR2sT4uV6wX8yZ0aB1cD3eF5',
  'sk-proj-Pz7aQ1wS2eD3rF4tG5yH6uJ7iK8oL9pA0sD1fG2hJ3kL4zX5cV6bN7mQ8wE9rT0yU1iO2p',
  'AIzaSyFAKE0123456789abcdefghijklmnopqrs',
  'sk-ant-api03-FakeKey0123456789abcdefABCDEFghijklmnopQRSTUVwxyz0123456789-_abcdefghijklmnopqrstuvwxAA',
];
const SECRETS = [GOOG_HEADER, GOOG_URL, ANT_PROMPT, 'PlantedCookieValue0123456789abcdefGHIJKL', ...SAMPLE_SECRETS];
const GEMINI = 'fantasy/TestImageUploadAgent/gemini-2.5-pro.yaml';

/** A real Gemini cassette with a header key, a ?key= URL, a key pasted into the prompt and a cookie. */
function plantSecrets(text: string): string {
  const prompt = 'Describe the image briefly in English.';
  const added = ` My key: ${ANT_PROMPT}`;
  const planted = text
    .replace('    headers:\n', `    headers:\n      X-Goog-Api-Key:\n      - ${GOOG_HEADER}\n`)
    .replace(':generateContent\n', `:generateContent?key=${GOOG_URL}\n`)
    .replace(prompt, prompt + added)
    .replace(/content_length: (\d+)/, (_, n: string) => `content_length: ${Number(n) + added.length}`)
    .replace('  response:\n', '  response:\n')
    .replace(/(  response:\n(?:    .*\n)*?    headers:\n)/, `$1      Set-Cookie:\n      - ${COOKIE}\n`);
  assert.notEqual(planted, text);
  return planted;
}

function dirtyDir(): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-scrub-'));
  const files = ['openai-chat-credentials-dirty.yaml', 'gemini-api-key-dirty.yaml'].map((name) => {
    copyFileSync(sample(name), join(dir, name));
    return join(dir, name);
  });
  if (!SKIP_WITHOUT_CORPUS) {
    const planted = join(dir, 'gemini-planted.yaml');
    writeFileSync(planted, plantSecrets(readFileSync(corpusFile(GEMINI), 'utf8')));
    files.push(planted);
  }
  return { dir, files };
}

const snapshot = (files: string[]) => files.map((f) => readFileSync(f));
const noSecretIn = (output: string) => {
  for (const s of SECRETS) assert.ok(!output.includes(s), `a full secret was printed: ${s.slice(0, 8)}`);
};

/** The responses as `show --json` gives them, without headers: what a replay returns. */
async function responses(file: string) {
  const json = cassetteJson(analyzeCassette(await readCassette(file)));
  return json.interactions.map((i) => ({ response: { ...i.response, headers: null }, answer: i.llm?.response ?? null }));
}

test('--check reports every planted secret, exits 1 and changes no byte', async () => {
  const { dir, files } = dirtyDir();
  const before = snapshot(files);
  const run = await runCli(['scrub', '--check', dir]);
  assert.equal(run.code, 1, run.stderr);
  assert.deepEqual(snapshot(files), before);
  noSecretIn(run.stdout + run.stderr);
  const lines = run.stdout.trim().split('\n');
  assert.ok(lines.every((l) => /^\S+\.yaml:\d+:\d+ [a-z0-9-]+ /.test(l)), run.stdout);
  const rules = (name: string) => lines.filter((l) => l.includes(name)).map((l) => l.split(' ')[1]);
  assert.deepEqual(rules('openai-chat-credentials-dirty'), ['openai-key', 'authorization-header']);
  assert.deepEqual(rules('gemini-api-key-dirty'), ['credential-query', 'api-key-header', 'credential-query', 'api-key-header']);
  assert.match(run.stdout, /openai-chat-credentials-dirty\.yaml:16:9 authorization-header Bearer sk-p… /);
  if (!SKIP_WITHOUT_CORPUS) {
    assert.deepEqual(rules('gemini-planted'), ['anthropic-key', 'api-key-header', 'credential-query', 'cookie-header']);
  }
});

test('scrub removes every planted secret, touches only credential and content_length lines, then --check is clean', async () => {
  const { dir, files } = dirtyDir();
  const before = files.map((f) => readFileSync(f, 'utf8'));
  const meaning = await Promise.all(files.map(responses));
  chmodSync(files[0]!, 0o640);
  const run = await runCli(['scrub', dir]);
  assert.equal(run.code, 0, run.stderr);
  noSecretIn(run.stdout + run.stderr);
  assert.equal(statSync(files[0]!).mode & 0o777, 0o640, 'file mode kept');
  for (const [i, file] of files.entries()) {
    const after = readFileSync(file, 'utf8');
    for (const s of SECRETS) assert.ok(!after.includes(s), `${file} still has ${s.slice(0, 8)}`);
    const a = before[i]!.split('\n');
    const b = after.split('\n');
    assert.equal(a.length, b.length);
    const changed = a.flatMap((line, n) => (line === b[n] ? [] : [line]));
    assert.ok(changed.length > 0);
    for (const line of changed) {
      assert.ok(/content_length: /.test(line) || SECRETS.some((s) => line.includes(s)), `unexpected change: ${line.slice(0, 80)}`);
    }
    const request = parse(after).interactions[0].request;
    const wasTrue = parse(before[i]!).interactions[0].request;
    if (wasTrue.content_length === Buffer.byteLength(wasTrue.body)) assert.equal(request.content_length, Buffer.byteLength(request.body));
    assert.deepEqual(await responses(file), meaning[i], 'responses unchanged in meaning');
    if (existsSync(join(ROOT, 'src/commands/diff.ts'))) {
      const copy = join(dir, `before-${i}.yaml.orig`);
      writeFileSync(copy, before[i]!);
      const diff = await runCli(['diff', '--only', 'response', copy, file]);
      assert.equal(diff.code, 0, diff.stdout + diff.stderr);
    }
  }
  assert.equal((await runCli(['scrub', '--check', dir])).code, 0);
  const again = snapshot(files);
  assert.equal((await runCli(['scrub', dir])).code, 0);
  assert.deepEqual(snapshot(files), again, 'a second scrub changes nothing');
});

test('scrubbing clean corpus files (4-space layout, !!binary Bedrock stream) is a byte-identical no-op', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-scrub-clean-'));
  const sources = ['fantasy/TestAnthropicWebSearch/stream.yaml', 'fantasy/TestBedrockCommon/bedrock-anthropic-claude-haiku-4-5/simple_streaming.yaml'];
  const files = sources.map((s, i) => {
    const to = join(dir, `${i}.yaml`);
    copyFileSync(corpusFile(s), to);
    return to;
  });
  assert.match(readFileSync(files[0]!, 'utf8'), /\n    - id: 0\n        request:|\n    - id: 0\n      request:\n        proto:/);
  assert.match(readFileSync(files[1]!, 'utf8'), /body: !!binary \|/);
  const mtimes = files.map((f) => statSync(f).mtimeMs);
  const run = await runCli(['scrub', ...files]);
  assert.deepEqual([run.code, run.stdout, run.stderr], [0, '', '']);
  files.forEach((f, i) => {
    assert.ok(readFileSync(f).equals(readFileSync(corpusFile(sources[i]!))));
    assert.equal(statSync(f).mtimeMs, mtimes[i], 'not rewritten');
  });
});

test('--host rewrites every occurrence of the host: URL, host field, Host header', async () => {
  const { dir, files } = dirtyDir();
  const file = files[1]!;
  const count = (text: string, s: string) => text.split(s).length - 1;
  const before = readFileSync(file, 'utf8');
  assert.equal(count(before, 'gateway.internal.example'), 4);
  const run = await runCli(['scrub', '--host', 'gateway.internal.example=example.com', file], { cwd: dir });
  assert.equal(run.code, 0, run.stderr);
  const after = readFileSync(file, 'utf8');
  assert.equal(count(after, 'gateway.internal.example'), 0);
  assert.equal(count(after, 'example.com'), count(before, 'example.com') + 4);
  assert.equal(parse(after).interactions[0].request.host, 'example.com');
});

test('a file that does not parse is reported and left alone; the others are still scrubbed', async () => {
  const { dir, files } = dirtyDir();
  const bad = join(dir, 'broken.yaml');
  copyFileSync(sample('invalid-yaml.yaml'), bad);
  const badBefore = readFileSync(bad);
  const run = await runCli(['scrub', dir]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /broken\.yaml:\d+:\d+: /);
  assert.ok(readFileSync(bad).equals(badBefore));
  assert.equal((await runCli(['scrub', '--check', ...files])).code, 0);
});

test('--dry-run prints a masked diff and changes nothing; --json carries masked findings only', async () => {
  const { files } = dirtyDir();
  const before = snapshot(files);
  const dry = await runCli(['scrub', '--dry-run', files[0]!]);
  assert.equal(dry.code, 1);
  assert.match(dry.stdout, /^-\s+- Bearer sk-p…$/m);
  assert.match(dry.stdout, /^\+\s+- Bearer REDACTED$/m);
  noSecretIn(dry.stdout + dry.stderr);
  const json = await runCli(['scrub', '--check', '--json', ...files]);
  noSecretIn(json.stdout);
  const records = json.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(records[0].findings[1], { rule: 'authorization-header', line: 16, col: 9, masked: 'Bearer sk-p…', path: 'interactions[0].request.headers.Authorization' });
  assert.deepEqual(records.map((r) => r.status), files.map(() => 'would-change'));
  assert.deepEqual(snapshot(files), before);
});

test('rules from .cassette.yaml (found above the current directory) and --header / --replace', async () => {
  const { dir, files } = dirtyDir();
  const file = files[1]!;
  writeFileSync(join(dir, '.cassette.yaml'), 'scrub:\n  headers: [Anthropic-Version]\n  disable: [credential-query]\n');
  const sub = join(dir, 'sub');
  (await import('node:fs')).mkdirSync(sub);
  const run = await runCli(['scrub', '--check', '--replace', 'Portuguese=LANG', file], { cwd: sub });
  const rules = run.stdout.trim().split('\n').map((l) => l.split(' ')[1]);
  // With credential-query off, the ?key= values are still caught by the Google key pattern.
  assert.deepEqual(rules, ['custom-pattern', 'google-api-key', 'api-key-header', 'google-api-key', 'custom-header', 'api-key-header']);
  const other = mkdtempSync(join(tmpdir(), 'cassette-scrub-config-'));
  writeFileSync(join(other, 'cassette.config.json'), '{"scrub": {"drop": "yes"}}');
  const bad = await runCli(['scrub', '--check', file], { cwd: other });
  assert.deepEqual([bad.code, bad.stdout], [2, '']);
  assert.match(bad.stderr, /cassette\.config\.json: scrub\.drop must be true or false/);
});

test('gzip cassettes are checked and rewritten compressed', async () => {
  const { gzipSync, gunzipSync } = await import('node:zlib');
  const dir = mkdtempSync(join(tmpdir(), 'cassette-scrub-gz-'));
  const file = join(dir, 'chat.yaml.gz');
  writeFileSync(file, gzipSync(readFileSync(sample('openai-chat-credentials-dirty.yaml'))));
  assert.equal((await runCli(['scrub', '--check', file])).code, 1);
  assert.equal((await runCli(['scrub', file])).code, 0);
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  assert.match(text, /- Bearer REDACTED\n/);
  assert.equal((await runCli(['scrub', '--check', file])).code, 0);
});
