// Which findings fail the run: --rule / --disable, the `lint:` section of .cassette.yaml with
// per-path overrides, --fail-on, --max-warnings; exit 0 / 1 / 2, and bad input.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { sample } from '../helpers/paths.ts';

/** A project: `.cassette.yaml` and copies of samples under testdata/. */
function project(config: string | undefined, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-lint-config-'));
  if (config !== undefined) writeFileSync(join(dir, '.cassette.yaml'), config);
  for (const [to, from] of Object.entries(files)) {
    mkdirSync(join(dir, to, '..'), { recursive: true });
    copyFileSync(sample(from), join(dir, to));
  }
  return dir;
}

const rulesOf = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => l.split(' ')[1]);

test('exit codes: 0 clean, 0 for warnings below the fail level, 1 for an error, 2 for a file that cannot be read', async () => {
  assert.equal((await runCli(['lint', sample('lint/clean.yaml')])).code, 0);
  assert.equal((await runCli(['lint', sample('lint/turn-mismatch.yaml')])).code, 0);
  assert.equal((await runCli(['lint', sample('lint/stream-unterminated.yaml')])).code, 1);
  const bad = await runCli(['lint', sample('invalid-yaml.yaml'), '/nonexistent/x.yaml', sample('lint/stream-unterminated.yaml')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^cassette: .*invalid-yaml\.yaml:7:1: Missing closing "quote$/m);
  assert.match(bad.stderr, /^cassette: \/nonexistent\/x\.yaml: no such file or directory$/m);
  assert.match(bad.stdout, /stream-unterminated\.yaml:29:13 stream-unterminated /, 'the other file was linted');
});

test('--fail-on warning and --max-warnings', async () => {
  assert.equal((await runCli(['lint', '--fail-on', 'warning', sample('lint/turn-mismatch.yaml')])).code, 1);
  assert.equal((await runCli(['lint', '--fail-on', 'note', sample('lint/volatile-header.yaml')])).code, 1);
  assert.equal((await runCli(['lint', '--max-warnings', '1', sample('lint/turn-mismatch.yaml')])).code, 0);
  const over = await runCli(['lint', '--max-warnings', '0', sample('lint/turn-mismatch.yaml')]);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /1 warning, more than --max-warnings 0/);
  const bad = await runCli(['lint', '--fail-on', 'fatal', sample('lint/clean.yaml')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--fail-on fatal: expected error, warning or note/);
});

test('--rule ID=SEVERITY and --disable ID', async () => {
  const raised = await runCli(['lint', '--rule', 'turn-mismatch=error', sample('lint/turn-mismatch.yaml')]);
  assert.equal(raised.code, 1);
  const off = await runCli(['lint', '--disable', 'stream-unterminated', sample('lint/stream-unterminated.yaml')]);
  assert.equal(off.stdout, '');
  assert.equal(off.code, 0);
  const json = await runCli(['lint', '--format', 'json', '--rule', 'stream-unterminated=note', sample('lint/stream-unterminated.yaml')]);
  assert.equal(JSON.parse(json.stdout).findings[0].severity, 'note');
  const unknown = await runCli(['lint', '--rule', 'no-such-rule=error', sample('lint/clean.yaml')]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown rule id "no-such-rule"/);
  // A credential rule switched off in lint is scrub's rule id too.
  assert.equal((await runCli(['lint', '--disable', 'authorization-header', sample('lint/authorization-header.yaml')])).code, 0);
});

test('.cassette.yaml lint: rules, failOn, and overrides per path (relative to the config file)', async () => {
  const dir = project(
    [
      'lint:',
      '  failOn: warning',
      '  rules:',
      '    volatile-header: off',
      '  overrides:',
      '    - files: testdata/errors/**',
      '      rules: { error-status: off }',
      '    - files: [testdata/big.yaml]',
      '      maxBodyBytes: 1024',
      '',
    ].join('\n'),
    {
      'testdata/errors/rate-limit.yaml': 'lint/error-status.yaml',
      'testdata/rate-limit.yaml': 'lint/error-status.yaml',
      'testdata/headers.yaml': 'lint/volatile-header.yaml',
      'testdata/big.yaml': 'lint/oversized-body.yaml',
      'testdata/small.yaml': 'lint/oversized-body.yaml',
    },
  );
  // File arguments are relative to the process's directory (as in every command); the config is found from io.cwd.
  const r = await runCli(['lint', join(dir, 'testdata')], { cwd: dir });
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => l.slice(dir.length + 1).split(' ').slice(0, 2).join(' ')), ['testdata/big.yaml:11:5 oversized-body', 'testdata/rate-limit.yaml:28:13 error-status']);
  assert.equal(r.code, 1, 'failOn: warning');
  // From a subdirectory the config is found upwards and the globs still count from its directory.
  const sub = await runCli(['lint', join(dir, 'testdata/errors')], { cwd: join(dir, 'testdata') });
  assert.equal(sub.stdout, '');
});

test('a bad lint section is a usage error naming the config file', async () => {
  for (const [config, message] of [
    ['lint:\n  rules: { nope: error }\n', /unknown rule id "nope"/],
    ['lint:\n  rules: { error-status: fatal }\n', /lint\.rules\.error-status must be error, warning, note or off/],
    ['lint:\n  colour: true\n', /unknown key lint\.colour/],
    ['lint:\n  overrides: [{ rules: {} }]\n', /lint\.overrides\[0\]\.files must be a glob/],
  ] as const) {
    const dir = project(config, { 'x.yaml': 'lint/clean.yaml' });
    const r = await runCli(['lint', 'x.yaml'], { cwd: dir });
    assert.equal(r.code, 2, config);
    assert.match(r.stderr, /\.cassette\.yaml: /);
    assert.match(r.stderr, message);
  }
});

test('an empty folder: a note and exit 0, as for scrub (a hook over an empty testdata folder)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-lint-empty-'));
  const r = await runCli(['lint', dir]);
  assert.equal(r.code, 0);
  assert.match(r.stderr, /no cassettes to lint/);
  const none = await runCli(['lint']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /lint needs at least one cassette/);
});

test('--list-rules: every rule with its default severity and fix', async () => {
  const r = await runCli(['lint', '--list-rules']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^turn-mismatch +warning +The next request disagrees/m);
  assert.match(r.stdout, /^authorization-header +error /m);
  assert.equal(rulesOf(r.stdout).length > 0, true);
});
