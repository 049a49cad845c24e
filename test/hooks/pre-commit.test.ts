// pre-commit (https://pre-commit.com) installs this repository's .pre-commit-hooks.yaml from git
// into a fresh PRE_COMMIT_HOME, in a scratch repository, and runs it on `git commit`: once from a
// plain commit (rev: a commit; the hook environment is built by `prepare`) and once from the tag
// scripts/release.mjs makes (the built dist/ committed, no build at install).

import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sample } from '../helpers/paths.ts';
import { FAKE_KEY, cassette, commitCount, lastCommitFiles, must, projectSnapshot, run, scratchDir, userRepo, writeFiles } from './scratch.ts';

const version = run('pre-commit', ['--version'], process.cwd());
const SKIP = version.status === 0 ? false : 'pre-commit is not installed (.ci/run installs it with `apt-get install -y pre-commit`)';
// pre-commit 4.x installs a node hook with `npm install -g git+file://<its clone>`, so it needs a
// release tag (see scripts/release.mjs). .ci/run puts one in a venv and names it here.
const PRE_COMMIT4 = process.env.CASSETTE_PRE_COMMIT4 ?? '';
const version4 = PRE_COMMIT4 ? run(PRE_COMMIT4, ['--version'], process.cwd()) : undefined;
const SKIP4 = !PRE_COMMIT4
  ? 'pre-commit 4.x not found: set CASSETTE_PRE_COMMIT4 to its executable (.ci/run installs it in a venv with pip)'
  : version4?.status === 0 && /^pre-commit 4\./.test(version4.output)
    ? false
    : `CASSETTE_PRE_COMMIT4=${PRE_COMMIT4} is not pre-commit 4.x: ${version4?.output.trim()}`;

function config(repo: string, rev: string, id: string): string {
  return `repos:\n  - repo: ${repo}\n    rev: ${rev}\n    hooks:\n      - id: ${id}\n        files: ^testdata/\n`;
}

function commit(dir: string, env: NodeJS.ProcessEnv, ...paths: string[]) {
  must('git', ['add', ...paths], dir);
  return run('git', ['commit', '-m', `add ${paths.join(' ')}`], dir, env);
}

/** A repository with the hook installed and its config committed; returns it and the env for pre-commit. */
function installed(t: TestContext, rev: string, snapshot: string, id = 'cassette-scrub-check', preCommit = 'pre-commit') {
  const dir = userRepo('pre-commit-user', { '.pre-commit-config.yaml': config(`file://${snapshot}`, rev, id) });
  const env = { PRE_COMMIT_HOME: join(scratchDir('pre-commit-home'), 'cache') };
  must(preCommit, ['install'], dir, env);
  const first = commit(dir, env, '.pre-commit-config.yaml');
  assert.equal(first.status, 0, first.output);
  t.diagnostic(must(preCommit, ['--version'], dir).trim());
  return { dir, env };
}

function release(snapshot: string): { tag: string; commit: string } {
  const result = run(process.execPath, ['scripts/release.mjs'], snapshot);
  assert.equal(result.status, 0, result.output);
  const [tag, commit] = result.stdout.trim().split(' ');
  return { tag: tag!, commit: commit! };
}

function blocksAndPasses(dir: string, env: NodeJS.ProcessEnv) {
  writeFiles(dir, { 'testdata/x.yaml': cassette(true), 'testdata/sub/y.yaml': cassette(true) });
  const blocked = commit(dir, env, 'testdata');
  assert.notEqual(blocked.status, 0, blocked.output);
  assert.equal(commitCount(dir), 1, 'the commit with a key was made');
  assert.match(blocked.output, /Failed/);
  assert.match(blocked.output, /^testdata\/x\.yaml:14:9 authorization-header Bearer sk-p… interactions\[0\]\.request\.headers\.Authorization$/m);
  assert.match(blocked.output, /^testdata\/sub\/y\.yaml:14:9 authorization-header /m);
  assert.ok(!blocked.output.includes(FAKE_KEY.slice(4)), 'the secret was printed');

  writeFiles(dir, { 'testdata/x.yaml': cassette(false), 'testdata/sub/y.yaml': cassette(false) });
  const clean = commit(dir, env, 'testdata');
  assert.equal(clean.status, 0, clean.output);
  assert.match(clean.output, /cassette scrub --check \(fail on secrets in cassettes\)\.+Passed/);
  assert.deepEqual(lastCommitFiles(dir), ['testdata/sub/y.yaml', 'testdata/x.yaml']);
}

test('pre-commit: cassette-scrub-check from a commit blocks a key and passes a clean cassette', { skip: SKIP }, (t) => {
  const snapshot = projectSnapshot();
  const { dir, env } = installed(t, snapshot.commit, snapshot.dir);
  blocksAndPasses(dir, env);
});

test('pre-commit: cassette-scrub-check from a release tag (scripts/release.mjs)', { skip: SKIP }, (t) => {
  const snapshot = projectSnapshot();
  const { tag, commit: releaseCommit } = release(snapshot.dir);
  assert.match(tag!, /^v\d+\.\d+\.\d+/);
  // The release commit carries dist/ and no script that would make npm build it again.
  const pkg = JSON.parse(must('git', ['show', `${releaseCommit}:package.json`], snapshot.dir));
  assert.deepEqual(['prepare', 'build', 'prepack', 'install', 'postinstall'].filter((s) => s in pkg.scripts), []);
  assert.match(must('git', ['ls-tree', '--name-only', `${releaseCommit}`, 'dist/'], snapshot.dir), /^dist\/main\.cjs$/m);
  const { dir, env } = installed(t, tag!, snapshot.dir);
  blocksAndPasses(dir, env);
});

test('pre-commit: cassette-scrub fixes the staged cassette and fails the commit for a review', { skip: SKIP }, (t) => {
  const snapshot = projectSnapshot();
  const { dir, env } = installed(t, snapshot.commit, snapshot.dir, 'cassette-scrub');
  writeFiles(dir, { 'testdata/x.yaml': cassette(true) });
  const fixed = commit(dir, env, 'testdata/x.yaml');
  assert.notEqual(fixed.status, 0, fixed.output);
  assert.match(fixed.output, /files were modified by this hook/);
  assert.ok(!fixed.output.includes(FAKE_KEY.slice(4)), 'the secret was printed');
  assert.equal(commitCount(dir), 1);
  // The working tree has the scrubbed file; re-added, it commits.
  const again = commit(dir, env, 'testdata/x.yaml');
  assert.equal(again.status, 0, again.output);
  assert.ok(!must('git', ['show', 'HEAD:testdata/x.yaml'], dir).includes(FAKE_KEY));
});

test('pre-commit: cassette-lint from a commit blocks a cut-off stream and a key, passes a clean cassette', { skip: SKIP }, (t) => {
  const snapshot = projectSnapshot();
  const { dir, env } = installed(t, snapshot.commit, snapshot.dir, 'cassette-lint');
  writeFiles(dir, { 'testdata/x.yaml': cassette(true), 'testdata/cut.yaml': readFileSync(sample('lint/stream-unterminated.yaml'), 'utf8') });
  const blocked = commit(dir, env, 'testdata');
  assert.notEqual(blocked.status, 0, blocked.output);
  assert.equal(commitCount(dir), 1, 'the commit was made');
  assert.match(blocked.output, /^testdata\/x\.yaml:14:9 authorization-header credential left: Bearer sk-p… interactions\[0\]\.request\.headers\.Authorization$/m);
  assert.match(blocked.output, /^testdata\/cut\.yaml:29:13 stream-unterminated the stream ended after 3 events without \[DONE\] or a finish reason #0$/m);
  assert.ok(!blocked.output.includes(FAKE_KEY.slice(4)), 'the secret was printed');

  writeFiles(dir, { 'testdata/x.yaml': cassette(false), 'testdata/cut.yaml': readFileSync(sample('lint/clean.yaml'), 'utf8') });
  const clean = commit(dir, env, 'testdata');
  assert.equal(clean.status, 0, clean.output);
  assert.match(clean.output, /cassette lint \(fail on broken recordings and secrets in cassettes\)\.+Passed/);
  assert.deepEqual(lastCommitFiles(dir), ['testdata/cut.yaml', 'testdata/x.yaml']);
});

test('pre-commit 4.x: cassette-scrub-check from a release tag', { skip: SKIP4 }, (t) => {
  const snapshot = projectSnapshot();
  const { tag } = release(snapshot.dir);
  const { dir, env } = installed(t, tag, snapshot.dir, 'cassette-scrub-check', PRE_COMMIT4);
  blocksAndPasses(dir, env);
});
