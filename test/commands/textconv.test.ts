import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { ROOT, sample } from '../helpers/paths.ts';

const TOOLS = sample('openai-chat-tools-stream.yaml');

function scratch(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-textconv-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('textconv: a cassette is its stable transcript, as show --stable --no-color prints it', async () => {
  const result = await runCli(['textconv', TOOLS]);
  assert.equal(result.code, 0);
  assert.equal(result.stderr, '');
  assert.equal(result.stdout, (await runCli(['show', '--stable', '--no-color', TOOLS])).stdout);
  assert.deepEqual(result.stdout.split('\n').slice(0, 4), [
    '',
    '#0  POST https://api.openai.com/v1/chat/completions  200 OK  text/event-stream',
    '  openai-chat · gpt-4o-mini-2024-07-18 · api.openai.com · stream',
    '  system     You are a concise travel assistant.',
  ]);
  assert.ok(result.stdout.endsWith('\n2 interactions · tokens 363 in / 68 out\n'));
  assert.doesNotMatch(result.stdout, /\u001b\[/, 'never colors, even on a terminal');
  assert.doesNotMatch((await runCli(['textconv', TOOLS], { tty: true })).stdout, /\u001b\[/);
});

test("textconv: a HAR whose bodies are files beside it is printed unchanged, beside them or alone (git's copy)", async (t) => {
  const har = sample('har-attach-dirty/chat.har');
  const alone = join(scratch(t), 'chat.har');
  copyFileSync(har, alone);
  for (const file of [har, alone]) assert.deepEqual(await runCli(['textconv', file]), { code: 0, stdout: readFileSync(har, 'utf8'), stderr: '' }, file);
});

test('textconv: other files are printed unchanged with exit 0 (not a cassette, invalid YAML, empty)', async (t) => {
  const empty = join(scratch(t), 'empty.yaml');
  writeFileSync(empty, '');
  for (const file of [sample('not-a-cassette.yaml'), sample('invalid-yaml.yaml'), empty, join(ROOT, 'package.json')]) {
    const result = await runCli(['textconv', file]);
    assert.deepEqual(result, { code: 0, stdout: readFileSync(file, 'utf8'), stderr: '' }, file);
  }
});

test('textconv: a binary file comes out byte for byte (the built CLI)', (t) => {
  const file = join(scratch(t), 'blob.yaml');
  const bytes = Buffer.from([...Array(256).keys()].map((i) => (i * 7) % 256));
  writeFileSync(file, bytes);
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/cassette.js'), 'textconv', file]);
  assert.equal(result.status, 0, result.stderr.toString());
  assert.equal(result.stderr.toString(), '');
  assert.ok(Buffer.compare(result.stdout, bytes) === 0, 'same 256 bytes');
});

test('textconv: a file that cannot be read is an error, exit 2', async () => {
  assert.deepEqual(await runCli(['textconv', 'no-such.yaml']), { code: 2, stdout: '', stderr: 'cassette: no-such.yaml: no such file\n' });
});

function git(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]) {
  return spawnSync('git', args, { cwd, env, encoding: 'utf8' });
}

/** A scratch repository whose PATH has `cassette` (the built CLI), isolated from the user's git config. */
function scratchRepo(t: { after: (fn: () => void) => void }) {
  const dir = scratch(t);
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'cassette'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin/cassette.js')}" "$@"\n`);
  chmodSync(join(bin, 'cassette'), 0o755);
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, 'testdata'), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: join(dir, 'gitconfig'),
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
    GIT_PAGER: 'cat',
    TERM: 'xterm',
  };
  writeFileSync(env.GIT_CONFIG_GLOBAL!, '');
  return { repo, env };
}

/** The parts of a `git diff` / `git log -p` output about one path. */
function sections(out: string, path: string): string {
  return out
    .split(/^(?=diff --git )/m)
    .filter((part) => part.startsWith(`diff --git a/${path} `))
    .join('');
}

const hasGit = spawnSync('git', ['--version']).status === 0;

test('textconv under git: git diff and git log -p show transcripts for cassettes, the raw text otherwise', { skip: hasGit ? false : 'git is not installed' }, (t) => {
  const { repo, env } = scratchRepo(t);
  const run = (...args: string[]) => git(repo, env, ...args);
  run('init', '-q');
  writeFileSync(join(repo, '.gitattributes'), 'testdata/**/*.yaml diff=cassette\n');
  run('config', 'diff.cassette.textconv', 'cassette textconv');
  run('config', 'diff.cassette.cachetextconv', 'true');
  copyFileSync(sample('diff-forecast-stream.yaml'), join(repo, 'testdata/forecast.yaml'));
  copyFileSync(sample('not-a-cassette.yaml'), join(repo, 'testdata/app.yaml'));
  copyFileSync(sample('invalid-yaml.yaml'), join(repo, 'testdata/broken.yaml'));
  writeFileSync(join(repo, 'testdata/blob.yaml'), Buffer.from([0, 1, 2, 0xff, 0xfe, 10]));
  assert.equal(run('add', '.').status, 0);
  assert.equal(run('commit', '-q', '-m', 'one').status, 0);

  copyFileSync(sample('diff-forecast-stream-changed.yaml'), join(repo, 'testdata/forecast.yaml'));
  writeFileSync(join(repo, 'testdata/app.yaml'), readFileSync(sample('not-a-cassette.yaml'), 'utf8').replace('version: 1.2.3', 'version: 1.2.4'));
  writeFileSync(join(repo, 'testdata/broken.yaml'), `${readFileSync(sample('invalid-yaml.yaml'), 'utf8')}more: "still broken\n`);
  writeFileSync(join(repo, 'testdata/blob.yaml'), Buffer.from([0, 1, 2, 0xff, 0xfd, 10]));

  const diff = run('diff', '--no-color');
  assert.equal(diff.status, 0, diff.stderr);
  assert.equal(diff.stderr, '');
  const lines = diff.stdout.split('\n');
  for (const line of [
    '-  tool call  get_forecast({"city":"Oslo","days":1,"unit":"celsius"})',
    '+  tool call  get_forecast({"city":"Oslo","days":1,"unit":"fahrenheit"})',
    '-2 interactions · tokens 247 in / 57 out',
    '+2 interactions · tokens 247 in / 60 out',
    '-version: 1.2.3',
    '+version: 1.2.4',
    '+more: "still broken',
  ]) {
    assert.ok(lines.includes(line), `git diff shows ${line}`);
  }
  assert.ok(!diff.stdout.includes('fatal'));
  assert.deepEqual(
    lines.filter((l) => l.startsWith('diff --git ')),
    ['app', 'blob', 'broken', 'forecast'].map((f) => `diff --git a/testdata/${f}.yaml b/testdata/${f}.yaml`),
    'a section for each changed file, the binary one too',
  );
  assert.ok(sections(diff.stdout, 'testdata/blob.yaml').length > 0);
  assert.doesNotMatch(sections(diff.stdout, 'testdata/forecast.yaml'), /^[-+]interactions:/m, 'the cassette is never shown as YAML');

  assert.equal(run('commit', '-q', '-am', 'two').status, 0);
  const log = run('log', '-p', '--no-color');
  assert.equal(log.status, 0, log.stderr);
  assert.equal(log.stderr, '');
  const logLines = log.stdout.split('\n');
  // The first commit adds each file: the transcript of the cassette, the text of the others.
  for (const line of ['+#0  POST https://api.openai.com/v1/chat/completions  200 OK  text/event-stream', '+name: my-app', '+  tool call  get_forecast({"city":"Oslo","days":1,"unit":"fahrenheit"})']) {
    assert.ok(logLines.includes(line), `git log -p shows ${line}`);
  }
  assert.doesNotMatch(sections(log.stdout, 'testdata/forecast.yaml'), /^[-+]interactions:/m, 'the cassette is never shown as YAML');
  assert.match(sections(log.stdout, 'testdata/broken.yaml'), /^\+interactions:/m, 'a broken cassette is shown as its YAML');
  // cachetextconv: git kept the transcripts under refs/notes/textconv/cassette.
  assert.equal(run('rev-parse', '--verify', '-q', 'refs/notes/textconv/cassette').status, 0);
});
