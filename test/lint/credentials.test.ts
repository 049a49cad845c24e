// lint subsumes scrub --check: its credential findings are exactly scrub's, on every sample and
// every corpus file (lint's quick "no credential here" verdict must never hide one).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RULES } from '../../src/lint/rules.ts';
import { scrubText } from '../../src/scrub/index.ts';
import { runCli } from '../helpers/cli.ts';
import { CORPUS, SAMPLES, SKIP_WITHOUT_CORPUS, corpusFiles } from '../helpers/paths.ts';

const CREDENTIAL = new Set([...RULES.values()].filter((r) => r.kind === 'credential').map((r) => r.id));

async function lintCredentials(paths: string[], extra: string[] = []): Promise<string[]> {
  const r = await runCli(['lint', '--format', 'json', ...extra, ...paths]);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { file: string; findings: Array<{ rule: string; line: number; col: number }> })
    .flatMap((rec) => rec.findings.filter((f) => CREDENTIAL.has(f.rule)).map((f) => `${rec.file}:${f.line}:${f.col} ${f.rule}`));
}

async function scrubCredentials(paths: string[], extra: string[] = []): Promise<string[]> {
  const r = await runCli(['scrub', '--check', '--json', ...extra, ...paths]);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { file: string; findings: Array<{ rule: string; line: number; col: number }> })
    .flatMap((rec) => rec.findings.map((f) => `${rec.file}:${f.line}:${f.col} ${f.rule}`));
}

test('every sample: lint reports the credentials scrub --check reports, at the same places', async () => {
  const scrub = await scrubCredentials([SAMPLES]);
  assert.ok(scrub.length >= 30, `${scrub.length} findings`);
  assert.deepEqual((await lintCredentials([SAMPLES])).sort(), scrub.sort());
  // With a host map and a custom pattern too.
  const extra = ['--host', 'api.openai.com=llm.example.test', '--header', 'X-Stainless-Os'];
  assert.deepEqual((await lintCredentials([SAMPLES], extra)).sort(), (await scrubCredentials([SAMPLES], extra)).sort());
});

test('every corpus file: lint reports exactly scrub\'s findings', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const expected: string[] = [];
  for (const file of corpusFiles()) {
    for (const f of scrubText(readFileSync(file, 'utf8'), { file }).findings) expected.push(`${file}:${f.line}:${f.col} ${f.rule}`);
  }
  assert.equal(expected.length, 3);
  assert.deepEqual((await lintCredentials([CORPUS])).sort(), expected.sort());
});
