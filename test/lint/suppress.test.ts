// Allowing what is intended, in lint and scrub --check alike: `cassette:allow` on the line,
// fingerprints in .cassetteignore, a baseline; fingerprints stable across re-runs and unrelated edits.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { sample } from '../helpers/paths.ts';

const read = (name: string) => readFileSync(sample(`lint/${name}.yaml`), 'utf8');

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cassette-lint-allow-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function findings(dir: string, args: string[], command = ['lint']) {
  const r = await runCli([...command, '--format', 'json', ...args], { cwd: dir });
  return { ...r, findings: r.stdout.trim().split('\n').filter(Boolean).flatMap((l) => JSON.parse(l).findings as Array<{ rule: string; line: number; fingerprint?: string }>) };
}

test('cassette:allow on the line of a finding: not reported by lint nor by scrub --check', async () => {
  const text = read('authorization-header').replace(/(- Bearer sk-proj-\S+)/, '$1 # cassette:allow (a revoked test key)');
  const dir = project({ 'x.yaml': text, 'y.yaml': read('authorization-header') });
  const lint = await runCli(['lint', join(dir, 'x.yaml'), join(dir, 'y.yaml')], { cwd: dir });
  assert.deepEqual(lint.stdout.trim().split('\n').map((l) => l.slice(dir.length + 1).split(' ').slice(0, 2).join(' ')), ['y.yaml:18:9 authorization-header']);
  assert.match(lint.stderr, /1 error in 1 file \(1 allowed\)/);
  const check = await runCli(['scrub', '--check', join(dir, 'x.yaml')], { cwd: dir });
  assert.equal(check.stdout, '');
  assert.equal(check.code, 0);
});

test('fingerprints: the same on a re-run and after unrelated edits (a comment above, an interaction inserted before)', async () => {
  const original = read('turn-mismatch');
  const dir = project({ 'x.yaml': original });
  const first = await findings(dir, [join(dir, 'x.yaml')]);
  const again = await findings(dir, [join(dir, 'x.yaml')]);
  assert.deepEqual(again.findings, first.findings);
  const inserted = read('error-status').split('interactions:\n')[1]!;
  const edited = original.replace('---\n', '---\n# re-recorded on 2025-12-01\n').replace('interactions:\n', `interactions:\n${inserted}`);
  writeFileSync(join(dir, 'x.yaml'), edited);
  const after = await findings(dir, [join(dir, 'x.yaml')]);
  const mismatch = (list: typeof first.findings) => list.find((f) => f.rule === 'turn-mismatch')!;
  assert.notEqual(mismatch(after.findings).line, mismatch(first.findings).line, 'the finding moved');
  assert.equal(mismatch(after.findings).fingerprint, mismatch(first.findings).fingerprint);
  // The same finding in another file is another finding.
  writeFileSync(join(dir, 'y.yaml'), original);
  const other = await findings(dir, [join(dir, 'y.yaml')]);
  assert.notEqual(mismatch(other.findings).fingerprint, mismatch(first.findings).fingerprint);
});

test('lint and scrub --check give a credential the same fingerprint', async () => {
  const dir = project({ 'x.yaml': read('authorization-header') });
  const lint = await findings(dir, [join(dir, 'x.yaml')]);
  const dirSarif = await runCli(['scrub', '--check', '--format', 'sarif', join(dir, 'x.yaml')], { cwd: dir });
  const fromScrub = JSON.parse(dirSarif.stdout).runs[0].results[0].partialFingerprints['cassetteFinding/v1'];
  assert.equal(fromScrub, lint.findings[0]!.fingerprint);
});

test('.cassetteignore: fingerprints (with comments) are not reported; a line that is none is a usage error', async () => {
  const dir = project({ 'x.yaml': read('turn-mismatch'), 'y.yaml': read('authorization-header') });
  const before = await findings(dir, [join(dir, 'x.yaml'), join(dir, 'y.yaml')]);
  assert.equal(before.findings.length, 2);
  writeFileSync(join(dir, '.cassetteignore'), `# intended: the SDK under test changes the arguments\n${before.findings[0]!.fingerprint}  # turn-mismatch in x.yaml\n${before.findings[1]!.fingerprint}\n`);
  const after = await findings(dir, [join(dir, 'x.yaml'), join(dir, 'y.yaml')]);
  assert.deepEqual(after.findings, []);
  assert.equal(after.code, 0);
  const check = await runCli(['scrub', '--check', join(dir, 'y.yaml')], { cwd: dir });
  assert.equal(check.code, 0, 'scrub --check reads it too');
  writeFileSync(join(dir, '.cassetteignore'), 'turn-mismatch\n');
  const bad = await runCli(['lint', join(dir, 'x.yaml')], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /\.cassetteignore: line 1: expected a finding fingerprint/);
});

test('--write-baseline then --baseline: only new findings are reported', async () => {
  const dir = project({ 'x.yaml': read('turn-mismatch'), 'y.yaml': read('stream-unterminated') });
  const baseline = join(dir, 'baseline.json');
  const written = await runCli(['lint', '--write-baseline', baseline, join(dir, 'x.yaml'), join(dir, 'y.yaml')], { cwd: dir });
  assert.equal(written.code, 0, 'writing a baseline accepts the findings');
  assert.match(written.stderr, /wrote 2 findings to the baseline/);
  const saved = JSON.parse(readFileSync(baseline, 'utf8'));
  assert.equal(saved.generator, 'cassette');
  assert.deepEqual(saved.findings.map((f: { rule: string }) => f.rule), ['turn-mismatch', 'stream-unterminated']);
  const clean = await runCli(['lint', '--baseline', baseline, join(dir, 'x.yaml'), join(dir, 'y.yaml')], { cwd: dir });
  assert.equal(clean.stdout, '');
  assert.equal(clean.code, 0);
  assert.match(clean.stderr, /no findings \(2 allowed\)/);
  writeFileSync(join(dir, 'z.yaml'), read('authorization-header'));
  const fresh = await findings(dir, ['--baseline', baseline, join(dir, 'x.yaml'), join(dir, 'y.yaml'), join(dir, 'z.yaml')]);
  assert.deepEqual(fresh.findings.map((f) => f.rule), ['authorization-header']);
  assert.equal(fresh.code, 1);
  const check = await runCli(['scrub', '--check', '--baseline', baseline, join(dir, 'z.yaml')], { cwd: dir });
  assert.equal(check.code, 1);
  const missing = await runCli(['lint', '--baseline', join(dir, 'nope.json'), join(dir, 'x.yaml')], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.json: cannot read the baseline: no such file/);
});
