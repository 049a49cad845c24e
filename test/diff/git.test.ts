// Git integration in a real temporary repository: `cassette diff` as diff.<driver>.command and
// GIT_EXTERNAL_DIFF, `cassette show --stable --no-color` as a textconv driver.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import { ROOT, sample } from '../helpers/paths.ts';

const SKIP_WITHOUT_GIT: string | false = spawnSync('git', ['--version']).status === 0 ? false : 'git is not installed';
const repo = mkdtempSync(join(tmpdir(), 'cassette-git-'));
const bin = join(repo, '.bin', 'cassette');
after(() => rmSync(repo, { recursive: true, force: true }));

function git(args: string[], env: NodeJS.ProcessEnv = {}): { code: number; stdout: string; stderr: string } {
  const result = spawnSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, HOME: repo, GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1', GIT_PAGER: 'cat', ...env },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

before(async () => {
  if (SKIP_WITHOUT_GIT) return;
  // A `cassette` executable bundled from the sources, so the test needs no prior build.
  mkdirSync(join(repo, '.bin'));
  await build({
    stdin: {
      contents: "import { main } from './src/main.ts';\nprocess.exitCode = await main(process.argv.slice(2));\n",
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile: join(repo, '.bin', 'main.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${join(repo, '.bin', 'main.mjs')}" "$@"\n`, { mode: 0o755 });
  mkdirSync(join(repo, 'testdata'));
  copyFileSync(sample('diff-forecast-stream.yaml'), join(repo, 'testdata', 'chat.yaml'));
  copyFileSync(sample('diff-forecast-stream.yaml'), join(repo, 'testdata', 'same.yaml'));
  writeFileSync(join(repo, 'README.md'), 'hello\n');
  writeFileSync(join(repo, '.gitattributes'), 'testdata/*.yaml diff=cassette\n');
  writeFileSync(join(repo, '.gitignore'), '.bin/\n');
  for (const args of [['init', '-q'], ['add', '.'], ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'record']]) {
    assert.equal(git(args).code, 0);
  }
  // Re-record: one cassette changes in meaning, one only in ids and chunking; one is new.
  copyFileSync(sample('diff-forecast-stream-changed.yaml'), join(repo, 'testdata', 'chat.yaml'));
  copyFileSync(sample('diff-forecast-stream-rerecorded.yaml'), join(repo, 'testdata', 'same.yaml'));
  copyFileSync(sample('diff-forecast-stream.yaml'), join(repo, 'testdata', 'new.yaml'));
  writeFileSync(join(repo, 'README.md'), 'hello\nworld\n');
  assert.equal(git(['add', '-N', 'testdata/new.yaml']).code, 0);
});

test('diff.cassette.command: git diff shows meaning for cassettes, a plain diff for other files', { skip: SKIP_WITHOUT_GIT }, () => {
  const result = git(['-c', `diff.cassette.command=${bin} diff`, 'diff']);
  assert.equal(result.stderr, '');
  assert.equal(result.code, 0);
  assert.ok(result.stdout.includes('+world'), 'README.md through git itself');
  assert.ok(result.stdout.includes('testdata/chat.yaml\n#0 POST /v1/chat/completions · changed\n  response.toolCalls[0].arguments.unit (get_forecast): "celsius" → "fahrenheit"'));
  assert.ok(result.stdout.includes('testdata/new.yaml: new cassette (2 interactions)'));
  assert.ok(result.stdout.includes('testdata/same.yaml: identical in meaning (2 interactions)'));
  assert.ok(!result.stdout.includes('data: {'), 'no SSE lines');
});

test('GIT_EXTERNAL_DIFF: every file comes through cassette diff; non-cassettes as a unified diff', { skip: SKIP_WITHOUT_GIT }, () => {
  const result = git(['diff'], { GIT_EXTERNAL_DIFF: `${bin} diff` });
  assert.equal(result.stderr, '');
  assert.equal(result.code, 0);
  assert.ok(result.stdout.includes('diff --git a/README.md b/README.md\n--- a/README.md\n+++ b/README.md\n@@ -1,1 +1,2 @@\n hello\n+world\n'));
  assert.ok(result.stdout.includes('    Pack a warm coat[-, gloves -]{+ +}and waterproof boots'));
});

test('textconv: cassette show --stable --no-color turns both sides into transcripts for git to diff', { skip: SKIP_WITHOUT_GIT }, () => {
  const result = git(['-c', `diff.cassette.textconv=${bin} show --stable --no-color`, 'diff', '--', 'testdata/chat.yaml']);
  assert.equal(result.code, 0);
  // --stable sorts argument keys and drops ids, durations, event counts and the temp file's name:
  // what is left changed in meaning.
  assert.match(result.stdout, /^-  tool call {2}get_forecast\(\{"city":"Oslo","days":1,"unit":"celsius"\}\)$/m);
  assert.match(result.stdout, /^\+  tool call {2}get_forecast\(\{"city":"Oslo","days":1,"unit":"fahrenheit"\}\)$/m);
  assert.ok(!result.stdout.includes('data: {'), 'no SSE lines');
  assert.doesNotMatch(result.stdout, /^[-+].*(━━| ms · |\d+ events)/m, 'no volatile lines');
});
