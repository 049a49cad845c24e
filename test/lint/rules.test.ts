// Every lint rule on a sample built to break it (samples/lint/<rule>.yaml, from
// scripts/samples/lint.mjs), and samples/lint/clean.yaml, which no rule may fire on.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { RULES } from '../../src/lint/rules.ts';
import { DIAGNOSTIC_CODES } from '../../src/findings/codes.ts';
import { runCli } from '../helpers/cli.ts';
import { sample } from '../helpers/paths.ts';

// The limits the samples are built against: a 1 KiB body limit and the gateway host map.
const ARGS = ['--max-body-size', '1024', '--host', 'llm-gateway.corp.internal=api.openai.com'];

interface JsonFinding {
  rule: string;
  severity: string;
  line: number;
  col: number;
  message: string;
  fingerprint: string;
  interaction?: { index: number; method: string; url: string };
}

async function lintSample(name: string, extra: string[] = []) {
  const r = await runCli(['lint', '--format', 'json', ...ARGS, ...extra, sample(`lint/${name}.yaml`)]);
  const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; status: string; findings: JsonFinding[] });
  assert.equal(records.length, 1, r.stdout);
  return { ...r, findings: records[0]!.findings, status: records[0]!.status };
}

/** Each broken sample: its rule's findings as `line:col rule`, exactly (stream diagnostics at their event's data). */
const EXPECTED: Record<string, string[]> = {
  'stream-unterminated': ['29:13 stream-unterminated'],
  'unparsed-event': ['27:13 unparsed-event'],
  'unknown-event': ['27:13 unknown-event'],
  'delta-before-start': ['27:13 delta-before-start'],
  'tool-call-without-id': ['27:13 tool-call-without-id'],
  'tool-call-index-collision': ['29:13 tool-call-index-collision'],
  'invalid-tool-arguments': ['4:1 invalid-tool-arguments'],
  'event-stream-crc': ['4:1 event-stream-crc'],
  'usage-mismatch': ['4:1 usage-mismatch'],
  'body-undecodable': ['4:1 body-undecodable'],
  'unexpected-body': ['4:1 unexpected-body'],
  'error-in-stream': ['4:1 error-in-stream'],
  'error-status': ['28:13 error-status'],
  'turn-mismatch': ['38:113 turn-mismatch'],
  'double-encoded-arguments': ['38:113 double-encoded-arguments'],
  'content-length-mismatch': ['23:5 content-length-mismatch'],
  'volatile-header': ['28:7 volatile-header'],
  'oversized-body': ['11:5 oversized-body'],
  'duplicate-interaction': ['31:1 duplicate-interaction'],
  'usage-missing': ['4:1 usage-missing'],
  'authorization-header': ['18:9 authorization-header'],
  'host-map': ['17:18 host-map'],
};

test('the clean sample gives no finding at all, with every rule on', async () => {
  const r = await lintSample('clean');
  assert.deepEqual(r.findings, []);
  assert.equal(r.status, 'clean');
  assert.equal(r.code, 0);
  assert.equal(r.stderr, '');
});

for (const [rule, expected] of Object.entries(EXPECTED)) {
  test(`${rule}: samples/lint/${rule}.yaml breaks it`, async () => {
    const r = await lintSample(rule);
    assert.deepEqual(r.findings.filter((f) => f.rule === rule).map((f) => `${f.line}:${f.col} ${f.rule}`), expected);
    const info = RULES.get(rule)!;
    for (const f of r.findings.filter((x) => x.rule === rule)) {
      assert.equal(f.severity, info.severity);
      assert.match(f.fingerprint, /^[0-9a-f]{32}$/);
      assert.ok(!f.message.includes('\n'), 'one line');
    }
    assert.equal(r.code, r.findings.some((f) => f.severity === 'error') ? 1 : 0, r.stderr);
  });
}

test('every sample in samples/lint is a rule (or clean), and every cassette or diagnostic rule has one', () => {
  const samples = readdirSync(sample('lint')).map((f) => f.replace(/\.yaml$/, '')).sort();
  assert.deepEqual(samples, [...Object.keys(EXPECTED), 'clean'].sort());
  const rules = [...RULES.values()].filter((r) => r.kind !== 'credential').map((r) => r.id);
  // unknown-endpoint: no dialect emits it yet (the code is reserved); the credential rules are scrub's, tested in test/scrub/.
  assert.deepEqual(rules.filter((id) => !(id in EXPECTED)), ['unknown-endpoint']);
});

test('every diagnostic code is a rule of the same name', () => {
  for (const code of Object.keys(DIAGNOSTIC_CODES)) assert.equal(RULES.get(code)?.kind, 'diagnostic', code);
});

test('the interaction of a finding: index, method and the URL without its query', async () => {
  const r = await lintSample('turn-mismatch');
  assert.deepEqual(r.findings[0]!.interaction, { index: 1, method: 'POST', url: 'https://api.openai.com/v1/chat/completions' });
  assert.equal(r.findings[0]!.message, 'tool call 0 (get_weather) arguments: answered "{\\"city\\":\\"Oslo\\"}", sent back "{\\"city\\":\\"Bergen\\"}"');
});

test('oversized-body and host-map only with their limits: the default 1 MiB and no host map', async () => {
  const big = await runCli(['lint', '--format', 'json', sample('lint/oversized-body.yaml')]);
  assert.deepEqual(JSON.parse(big.stdout).findings, []);
  const host = await runCli(['lint', '--format', 'json', sample('lint/host-map.yaml')]);
  assert.deepEqual(JSON.parse(host.stdout).findings, []);
});
