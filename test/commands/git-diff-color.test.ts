import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { ROOT, sample } from '../helpers/paths.ts';

const OLD = sample('diff-forecast-stream.yaml');
const NEW = sample('diff-forecast-stream-changed.yaml');
/** How git calls an external diff: path old-file old-hex old-mode new-file new-hex new-mode. */
const GIT_ARGS = ['testdata/forecast.yaml', OLD, '1111111', '100644', NEW, '2222222', '100644'];
const ESC = /\u001b\[/;
const hasGit = spawnSync('git', ['--version']).status === 0;
const skip = hasGit ? false : 'git is not installed';

/** A scratch repository, isolated from the user's git config; `config` lines go into its .git/config. */
function scratch(t: { after: (fn: () => void) => void }) {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-gitcolor-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const repo = join(dir, 'repo');
  mkdirSync(repo);
  writeFileSync(join(dir, 'gitconfig'), '');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(dir, 'gitconfig'), TERM: 'xterm' };
  spawnSync('git', ['init', '-q'], { cwd: repo, env });
  const config = (key: string, value: string) => assert.equal(spawnSync('git', ['config', key, value], { cwd: repo, env }).status, 0);
  return { dir, repo, env, config };
}

test('external diff: colors when git runs its pager (GIT_PAGER_IN_USE), as git colors its own diff', { skip }, async (t) => {
  const { repo, env, config } = scratch(t);
  const run = (extra: NodeJS.ProcessEnv, tty = false) => runCli(['diff', ...GIT_ARGS], { env: { ...env, ...extra }, cwd: repo, tty });
  const pager = { GIT_PAGER_IN_USE: 'true' };

  const colored = await run(pager);
  assert.equal(colored.code, 0);
  assert.match(colored.stdout, ESC, 'into git pager: colors');
  const plain = await run({});
  assert.doesNotMatch(plain.stdout, ESC, 'no pager, not a terminal (git diff | less): no colors');
  const change = '  response.toolCalls[0].arguments.unit (get_forecast): "celsius" → "fahrenheit"\n';
  assert.ok(plain.stdout.includes(change));
  assert.ok(colored.stdout.replace(/\u001b\[[0-9;]*m/g, '').includes(change), 'the same report, colored');
  assert.match((await run({}, true)).stdout, ESC, 'git --no-pager diff on a terminal: colors');

  assert.doesNotMatch((await run({ ...pager, NO_COLOR: '1' })).stdout, ESC, 'NO_COLOR');
  assert.doesNotMatch((await run({ ...pager, TERM: 'dumb' })).stdout, ESC, 'TERM=dumb, as git');
  assert.doesNotMatch((await runCli(['diff', '--no-color', ...GIT_ARGS], { env: { ...env, ...pager }, cwd: repo })).stdout, ESC, '--no-color');

  config('color.ui', 'never');
  assert.doesNotMatch((await run(pager)).stdout, ESC, 'color.ui=never');
  assert.doesNotMatch((await run({}, true)).stdout, ESC, 'color.ui=never on a terminal');
  config('color.diff', 'auto');
  assert.match((await run(pager)).stdout, ESC, 'color.diff=auto wins over color.ui');
  config('color.diff', 'false');
  assert.doesNotMatch((await run(pager)).stdout, ESC, 'color.diff=false');
  assert.doesNotMatch((await run({}, true)).stdout, ESC, 'color.diff=false on a terminal');
  config('color.diff', 'always');
  assert.match((await run({})).stdout, ESC, 'color.diff=always, even into a pipe');
  config('color.diff', 'auto');
  config('color.pager', 'false');
  assert.doesNotMatch((await run(pager)).stdout, ESC, 'color.pager=false');
});

test('external diff under a real git diff: colored with GIT_PAGER_IN_USE, plain into a pipe', { skip }, (t) => {
  const { dir, repo, env, config } = scratch(t);
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'cassette'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'bin/cassette.js')}" "$@"\n`);
  chmodSync(join(bin, 'cassette'), 0o755);
  const gitEnv = { ...env, PATH: `${bin}${delimiter}${env.PATH ?? ''}`, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  const git = (extra: NodeJS.ProcessEnv, ...args: string[]) => spawnSync('git', args, { cwd: repo, env: { ...gitEnv, ...extra }, encoding: 'utf8' });
  mkdirSync(join(repo, 'testdata'));
  writeFileSync(join(repo, '.gitattributes'), 'testdata/*.yaml diff=cassette\n');
  config('diff.cassette.command', 'cassette diff');
  copyFileSync(OLD, join(repo, 'testdata/forecast.yaml'));
  git({}, 'add', '.');
  assert.equal(git({}, 'commit', '-q', '-m', 'one').status, 0);
  copyFileSync(NEW, join(repo, 'testdata/forecast.yaml'));

  const piped = git({}, 'diff');
  assert.equal(piped.status, 0, piped.stderr);
  assert.ok(piped.stdout.startsWith('testdata/forecast.yaml'), piped.stdout.slice(0, 200));
  assert.doesNotMatch(piped.stdout, ESC);
  // What a child of git sees while git's pager runs (git sets it in its own environment).
  const paged = git({ GIT_PAGER_IN_USE: 'true' }, 'diff');
  assert.equal(paged.status, 0, paged.stderr);
  assert.match(paged.stdout, ESC);
  const change = '  response.toolCalls[0].arguments.unit (get_forecast): "celsius" → "fahrenheit"\n';
  assert.ok(piped.stdout.includes(change));
  assert.ok(paged.stdout.replace(/\u001b\[[0-9;]*m/g, '').includes(change));
  // The built CLI asks git too (not only a fallback): git -c color.diff=false reaches it.
  const off = git({ GIT_PAGER_IN_USE: 'true' }, '-c', 'color.diff=false', 'diff');
  assert.equal(off.status, 0, off.stderr);
  assert.doesNotMatch(off.stdout, ESC);
  assert.ok(off.stdout.includes(change));

  // git's real pager on a real terminal (script(1) gives git a pty): git sets GIT_PAGER_IN_USE itself.
  if (spawnSync('script', ['--version']).status !== 0) return t.skip('script(1) is not installed: no pty for the pager test');
  const onTerminal = (...args: string[]) =>
    spawnSync('script', ['-qec', ['git', ...args].join(' '), '/dev/null'], { cwd: repo, env: { ...gitEnv, GIT_PAGER: 'sed -n p' }, encoding: 'utf8' });
  const pty = onTerminal('diff');
  assert.equal(pty.status, 0, pty.stderr);
  assert.ok(pty.stdout.includes('\u001b[1mtestdata/forecast.yaml\u001b[22m'), JSON.stringify(pty.stdout.slice(0, 200)));
  const ptyOff = onTerminal('-c', 'color.diff=false', 'diff');
  assert.equal(ptyOff.status, 0, ptyOff.stderr);
  assert.doesNotMatch(ptyOff.stdout, ESC);
  assert.ok(ptyOff.stdout.includes('testdata/forecast.yaml'));
});

test('external diff: a non-cassette file gets a colored unified patch, like git', { skip }, async (t) => {
  const { dir, repo, env } = scratch(t);
  const [a, b] = [join(dir, 'a'), join(dir, 'b')];
  writeFileSync(a, 'name: app\nversion: 1\n');
  writeFileSync(b, 'name: app\nversion: 2\n');
  const args = ['config/app.yaml', a, '1111111', '100644', b, '2222222', '100644'];
  const colored = await runCli(['diff', ...args], { env: { ...env, GIT_PAGER_IN_USE: 'true' }, cwd: repo });
  assert.equal(colored.code, 0);
  assert.ok(colored.stdout.includes('\u001b[31m-version: 1\u001b[39m'), JSON.stringify(colored.stdout));
  assert.ok(colored.stdout.includes('\u001b[32m+version: 2\u001b[39m'));
  const plain = await runCli(['diff', ...args], { env, cwd: repo });
  assert.ok(plain.stdout.includes('\n-version: 1\n+version: 2\n'));
});
