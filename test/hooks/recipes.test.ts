// The husky + lint-staged and lefthook recipes, extracted from README.md (each fenced block after a
// `<!-- recipe: FILE -->` line) and run with the real tools from the npm registry in a scratch
// repository. cassette-cli comes from a release of a snapshot of this working tree
// (scripts/release.mjs), installed as a devDependency from git, as a user would.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, sample } from '../helpers/paths.ts';
import { FAKE_KEY, cassette, commitCount, lastCommitFiles, must, projectSnapshot, run, userRepo, writeFiles, type Run } from './scratch.ts';

/** The README's recipes: file name → the block's text. */
function recipes(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const found = new Map<string, string>();
  for (const m of readme.matchAll(/^<!-- recipe: (\S+) -->\n```[\w-]*\n([\s\S]*?)^```$/gm)) found.set(m[1]!, m[2]!);
  return found;
}

const TOOLS = ['husky@9', 'lint-staged@17', 'lefthook@2'];
let cassetteSpec = '';
let skip: string | false = false;

before(() => {
  const snapshot = projectSnapshot();
  const release = run(process.execPath, ['scripts/release.mjs'], snapshot.dir);
  assert.equal(release.status, 0, release.output);
  cassetteSpec = `git+file://${snapshot.dir}#${release.stdout.trim().split(' ')[0]}`;
  if (run('npm', ['view', 'lefthook@2', 'version'], snapshot.dir).status !== 0) skip = 'the npm registry is not reachable: husky, lint-staged and lefthook cannot be installed';
});

/** A user's project with cassette-cli and the tools as devDependencies. */
function project(name: string): string | undefined {
  const dir = userRepo(name, { 'package.json': '{ "name": "user-project", "private": true }\n', '.gitignore': 'node_modules/\n' });
  const install = run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', cassetteSpec, ...TOOLS], dir);
  if (install.status !== 0) {
    skip = `npm install of ${TOOLS.join(', ')} failed (registry not reachable?):\n${install.output}`;
    return undefined;
  }
  return dir;
}

function commitAll(dir: string): Run {
  must('git', ['add', '--all'], dir);
  return run('git', ['commit', '-m', 'change'], dir);
}

/** Keys in both files: blocked, findings shown, secret not shown; clean files: committed. */
function blocksBoth(dir: string, before: number) {
  writeFiles(dir, { 'testdata/x.yaml': cassette(true), 'testdata/sub/y.yaml': cassette(true) });
  const blocked = commitAll(dir);
  assert.notEqual(blocked.status, 0, blocked.output);
  assert.equal(commitCount(dir), before, 'a commit with a key was made');
  assert.match(blocked.output, /testdata\/x\.yaml:14:9 authorization-header Bearer sk-p… interactions\[0\]\.request\.headers\.Authorization/);
  assert.match(blocked.output, /testdata\/sub\/y\.yaml:14:9 authorization-header Bearer sk-p…/);
  assert.match(blocked.output, /run `cassette scrub` to fix/);
  assert.ok(!blocked.output.includes(FAKE_KEY.slice(4)), 'the secret was printed');

  writeFiles(dir, { 'testdata/x.yaml': cassette(false), 'testdata/sub/y.yaml': cassette(false) });
  const clean = commitAll(dir);
  assert.equal(clean.status, 0, clean.output);
  assert.deepEqual(lastCommitFiles(dir), ['testdata/sub/y.yaml', 'testdata/x.yaml']);

  // No key, but a cut-off stream: cassette lint blocks it; the clean sample then commits.
  writeFiles(dir, { 'testdata/cut.yaml': readFileSync(sample('lint/stream-unterminated.yaml'), 'utf8') });
  const cut = commitAll(dir);
  assert.notEqual(cut.status, 0, cut.output);
  assert.equal(commitCount(dir), before + 1, 'a commit with a cut-off stream was made');
  assert.match(cut.output, /testdata\/cut\.yaml:29:13 stream-unterminated the stream ended after 3 events without \[DONE\] or a finish reason/);
  writeFiles(dir, { 'testdata/cut.yaml': readFileSync(sample('lint/clean.yaml'), 'utf8') });
  const fixed = commitAll(dir);
  assert.equal(fixed.status, 0, fixed.output);
  assert.deepEqual(lastCommitFiles(dir), ['testdata/cut.yaml']);
}

test('README recipes are there and lint-staged snippet is valid JSON', () => {
  const found = recipes();
  assert.deepEqual([...found.keys()].sort(), ['.husky/pre-commit', 'lefthook.yml', 'package.json']);
  assert.deepEqual(Object.keys(JSON.parse(found.get('package.json')!)), ['lint-staged']);
  assert.deepEqual(Object.values(JSON.parse(found.get('package.json')!)['lint-staged']), [['cassette scrub --check', 'cassette lint']]);
  assert.match(found.get('lefthook.yml')!, /run: npx cassette-cli lint \{staged_files\}/);
});

test('husky + lint-staged recipe blocks keys in testdata/x.yaml and testdata/sub/y.yaml', (t) => {
  const dir = skip ? undefined : project('husky');
  if (!dir) return t.skip(skip || 'no project');
  const found = recipes();
  must('npx', ['husky', 'init'], dir);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  writeFiles(dir, {
    'package.json': `${JSON.stringify({ ...pkg, ...JSON.parse(found.get('package.json')!) }, null, 2)}\n`,
    '.husky/pre-commit': found.get('.husky/pre-commit')!,
  });
  const first = commitAll(dir);
  assert.equal(first.status, 0, first.output);
  blocksBoth(dir, 1);
});

test('lefthook recipe blocks keys in testdata/x.yaml and testdata/sub/y.yaml', (t) => {
  const dir = skip ? undefined : project('lefthook');
  if (!dir) return t.skip(skip || 'no project');
  writeFiles(dir, { 'lefthook.yml': recipes().get('lefthook.yml')! });
  must('npx', ['lefthook', 'install'], dir);
  const first = commitAll(dir);
  assert.equal(first.status, 0, first.output);
  blocksBoth(dir, 1);
});
