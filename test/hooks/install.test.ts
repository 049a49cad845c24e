// Installing as a user would, each into its own scratch prefix: `npm pack` (stdout is the tarball
// name alone: pre-commit reads it), the tarball and a release tag installed globally with
// production dependencies only, and the `cassette` they put on PATH run on a cassette with a key.

import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths.ts';
import { FAKE_KEY, cassette, must, projectSnapshot, run, scratchDir, writeFiles } from './scratch.ts';

const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
let snapshot: { dir: string; commit: string };
let skip: string | false = false;

before(() => {
  snapshot = projectSnapshot();
  const ci = run('npm', ['ci', '--no-audit', '--no-fund'], snapshot.dir);
  if (ci.status !== 0) skip = `npm ci failed (registry not reachable?):\n${ci.output}`;
});

/** `cassette` of a global install in `prefix`, on a directory with a dirty and a clean cassette. */
function worksFrom(prefix: string) {
  const bin = join(prefix, 'bin', 'cassette');
  assert.equal(must(bin, ['--version'], prefix).trim(), version);
  const data = scratchDir('install-data');
  writeFiles(data, { 'testdata/x.yaml': cassette(true), 'testdata/clean.yaml': cassette(false) });
  const check = run(bin, ['scrub', '--check', 'testdata'], data);
  assert.equal(check.status, 1, check.output);
  assert.equal(check.stdout, 'testdata/x.yaml:14:9 authorization-header Bearer sk-p… interactions[0].request.headers.Authorization\n');
  assert.ok(!check.output.includes(FAKE_KEY.slice(4)));
}

test('the package is cassette-cli and its binary is cassette', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'cassette-cli');
  assert.deepEqual(Object.keys(pkg.bin), ['cassette']);
});

test('npm pack prints only the tarball name on stdout; the tarball installs with --omit=dev', (t) => {
  if (skip) return t.skip(skip);
  const pack = run('npm', ['pack'], snapshot.dir);
  assert.equal(pack.status, 0, pack.output);
  assert.equal(pack.stdout, `${name}-${version}.tgz\n`);
  const files = must('tar', ['tzf', join(snapshot.dir, pack.stdout.trim())], snapshot.dir).split('\n');
  assert.ok(files.includes('package/dist/main.cjs') && files.includes('package/bin/cassette.js'), files.join('\n'));
  assert.deepEqual(files.filter((f) => f.startsWith('package/src/') || f.startsWith('package/test/')), []);
  const prefix = scratchDir('prefix-tarball');
  must('npm', ['install', '-g', '--omit=dev', '--no-audit', '--no-fund', '--prefix', prefix, join(snapshot.dir, pack.stdout.trim())], snapshot.dir);
  worksFrom(prefix);
});

test('npm install -g --omit=dev git+file://…#<release tag> gives a working cassette', (t) => {
  if (skip) return t.skip(skip);
  const release = run(process.execPath, ['scripts/release.mjs'], snapshot.dir);
  assert.equal(release.status, 0, release.output);
  const tag = release.stdout.trim().split(' ')[0];
  const prefix = scratchDir('prefix-git');
  must('npm', ['install', '-g', '--omit=dev', '--no-audit', '--no-fund', '--prefix', prefix, `git+file://${snapshot.dir}#${tag}`], snapshot.dir);
  worksFrom(prefix);
});

test('a cassette without dist/ (a clone not built) says so, exit 2, no stack trace', () => {
  const dir = scratchDir('not-built');
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  const result = run(process.execPath, [join(dir, 'bin', 'cassette.js'), '--version'], dir);
  assert.equal(result.status, 2);
  assert.equal(result.stdout, '');
  assert.match(result.output, /^cassette: not built: .*dist\/main\.cjs is missing; run `npm install` \(or `npm run build`\) in /);
  assert.doesNotMatch(result.output, /\n\s+at /);
});
