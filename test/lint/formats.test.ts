// The findings printers, for lint and scrub --check alike: text, NDJSON, SARIF 2.1.0 (validated
// against the SARIF 2.1.0 JSON schema that @microsoft/jest-sarif ships, with ajv), GitHub workflow
// commands, --output; and the secret never printed in any of them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findingWorkflowCommand } from '../../src/present/findings/github.ts';
import type { Finding } from '../../src/findings/finding.ts';
import { runCli } from '../helpers/cli.ts';
import { ROOT, sample } from '../helpers/paths.ts';

const require = createRequire(import.meta.url);
// CommonJS packages: through require, which gives their classes as TypeScript declares them.
const AjvDraft04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
// The schema's language pattern is not valid in unicode mode; its formats are checked by ajv-formats.
const ajv = new AjvDraft04({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

const FAKE = 'sk-proj-LintSampleFAKE0123456789abcdefghijklmnopqrstuvwxyzABCD';
const DIRTY = sample('lint/authorization-header.yaml');
const tmp = mkdtempSync(join(tmpdir(), 'cassette-lint-formats-'));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a SARIF log read back as plain JSON
function assertValidSarif(text: string): any {
  const log: unknown = JSON.parse(text);
  const ok = validateSarif(log);
  assert.ok(ok, JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2));
  return log;
}

test('lint --format sarif: one run, valid against the SARIF 2.1.0 schema, rules with help, physicalLocation', async () => {
  const r = await runCli(['lint', '--format', 'sarif', '--max-body-size', '1024', sample('lint'), sample('not-a-cassette.yaml')], { cwd: ROOT });
  assert.equal(r.code, 2, r.stderr);
  const log = assertValidSarif(r.stdout);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'cassette');
  const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'turn-mismatch');
  assert.match(rule.help.text, /^The next request disagrees with the answer.*\nFix: /s);
  assert.equal(rule.defaultConfiguration.level, 'warning');
  const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'turn-mismatch');
  assert.deepEqual(result.locations[0].physicalLocation, { artifactLocation: { uri: 'samples/lint/turn-mismatch.yaml', uriBaseId: 'SRCROOT' }, region: { startLine: 38, startColumn: 113 } });
  assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'turn-mismatch');
  assert.match(result.partialFingerprints['cassetteFinding/v1'], /^[0-9a-f]{32}$/);
  // The file that is no cassette: a notification, the run not successful.
  assert.equal(run.invocations[0].executionSuccessful, false);
  assert.match(run.invocations[0].toolExecutionNotifications[0].message.text, /not-a-cassette\.yaml: not a cassette/);
  assert.ok(!r.stdout.includes(FAKE.slice(4)), 'the secret was printed');
});

test('scrub --check --format sarif: valid SARIF with the credential rules', async () => {
  const r = await runCli(['scrub', '--check', '--format', 'sarif', DIRTY, sample('openai-chat-credentials-dirty.yaml')], { cwd: ROOT });
  assert.equal(r.code, 1);
  const log = assertValidSarif(r.stdout);
  const results = log.runs[0].results;
  assert.ok(results.length >= 2);
  assert.ok(results.every((x: { level: string }) => x.level === 'error'));
  assert.ok(log.runs[0].tool.driver.rules.every((x: { properties: { tags: string[] } }) => x.properties.tags[0] === 'credential'));
  assert.ok(!r.stdout.includes(FAKE.slice(4)));
});

test('text: file:line:col rule message path (scrub --check as it always was, lint with the same printer)', async () => {
  const scrub = await runCli(['scrub', '--check', DIRTY]);
  assert.equal(scrub.stdout, `${DIRTY}:18:9 authorization-header Bearer sk-p… interactions[0].request.headers.Authorization\n`);
  const lint = await runCli(['lint', DIRTY]);
  assert.equal(lint.stdout, `${DIRTY}:18:9 authorization-header credential left: Bearer sk-p… interactions[0].request.headers.Authorization\n`);
  assert.equal(lint.stderr, 'cassette: 1 error in 1 file\n');
  assert.equal(lint.code, 1);
  const mismatch = await runCli(['lint', sample('lint/turn-mismatch.yaml')]);
  assert.match(mismatch.stdout, /^.*turn-mismatch\.yaml:38:113 turn-mismatch tool call 0 \(get_weather\) arguments: answered .* #1\n$/);
  assert.equal(mismatch.code, 0, 'a warning does not fail by default');
});

test('json: one object per file; scrub --json keeps its record, lint adds severity, message, fix, fingerprint', async () => {
  const scrub = await runCli(['scrub', '--check', '--json', DIRTY]);
  assert.deepEqual(JSON.parse(scrub.stdout), { file: DIRTY, status: 'would-change', findings: [{ rule: 'authorization-header', line: 18, col: 9, masked: 'Bearer sk-p…', path: 'interactions[0].request.headers.Authorization' }] });
  const same = await runCli(['scrub', '--check', '--format', 'json', DIRTY]);
  assert.equal(same.stdout, scrub.stdout);
  const lint = await runCli(['lint', '--format', 'json', DIRTY]);
  const record = JSON.parse(lint.stdout);
  assert.equal(record.status, 'findings');
  const { fingerprint, ...rest } = record.findings[0];
  assert.match(fingerprint, /^[0-9a-f]{32}$/);
  assert.deepEqual(rest, {
    rule: 'authorization-header',
    severity: 'error',
    line: 18,
    col: 9,
    interaction: { index: 0, method: 'POST', url: 'https://api.openai.com/v1/chat/completions' },
    message: 'credential left: Bearer sk-p…',
    fix: 'Run `cassette scrub` to redact it, and rotate the credential if it was real.',
    masked: 'Bearer sk-p…',
    path: 'interactions[0].request.headers.Authorization',
  });
  const bad = await runCli(['lint', '--format', 'json', sample('invalid-yaml.yaml'), DIRTY]);
  const lines = bad.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.status), ['error', 'findings']);
  assert.match(lines[0].error, /invalid-yaml\.yaml:7:1: /);
});

test('github: workflow commands with file, line, col, title; notes are notices', async () => {
  const r = await runCli(['lint', '--format', 'github', DIRTY, sample('lint/volatile-header.yaml')], { cwd: ROOT });
  assert.equal(
    r.stdout,
    '::error file=samples/lint/authorization-header.yaml,line=18,col=9,title=cassette authorization-header::credential left: Bearer sk-p… (interactions[0].request.headers.Authorization) Fix: Run `cassette scrub` to redact it, and rotate the credential if it was real.\n' +
      '::notice file=samples/lint/volatile-header.yaml,line=28,col=7,title=cassette volatile-header::3 header(s) that change on every recording: date, x-ratelimit-remaining-tokens, x-request-id Fix: Filter them in the recorder (vcrpy filter_headers, go-vcr hooks), or rely on `cassette diff`, which ignores them.\n',
  );
  const scrub = await runCli(['scrub', '--check', '--format', 'github', DIRTY], { cwd: ROOT });
  assert.match(scrub.stdout, /^::error file=samples\/lint\/authorization-header\.yaml,line=18,col=9,title=cassette authorization-header::Bearer sk-p… /);
});

test('github escaping: % CR LF in the message; also : and , in properties', () => {
  const f: Finding = { rule: 'error-status', severity: 'warning', file: 'a,b:c.yaml', line: 3, col: 1, message: '100% bad\r\nline two', key: '' };
  assert.equal(findingWorkflowCommand(f, 'dir/a,b:c.yaml'), '::warning file=dir/a%2Cb%3Ac.yaml,line=3,col=1,title=cassette error-status::100%25 bad%0D%0Aline two\n');
});

test('--output FILE: the same bytes, written atomically; nothing on stdout', async () => {
  const out = join(tmp, 'lint.sarif');
  const r = await runCli(['lint', '--format', 'sarif', '--output', out, DIRTY], { cwd: ROOT });
  assert.equal(r.stdout, '');
  assert.equal(r.code, 1);
  const direct = await runCli(['lint', '--format', 'sarif', DIRTY], { cwd: ROOT });
  assert.equal(readFileSync(out, 'utf8'), direct.stdout);
  const text = join(tmp, 'scrub.txt');
  await runCli(['scrub', '--check', '--output', text, DIRTY]);
  assert.equal(readFileSync(text, 'utf8'), `${DIRTY}:18:9 authorization-header Bearer sk-p… interactions[0].request.headers.Authorization\n`);
});

test('the secret is never printed: every format of lint and scrub --check, stdout, stderr and --output', async () => {
  const printed: string[] = [];
  for (const format of ['text', 'json', 'sarif', 'github']) {
    for (const command of [['lint'], ['scrub', '--check']]) {
      const out = join(tmp, `out-${format}-${command[0]}`);
      const r = await runCli([...command, '--format', format, DIRTY, sample('openai-chat-credentials-dirty.yaml'), sample('gemini-api-key-dirty.yaml')]);
      const file = await runCli([...command, '--format', format, '--output', out, DIRTY]);
      printed.push(r.stdout, r.stderr, file.stdout, file.stderr, existsSync(out) ? readFileSync(out, 'utf8') : '');
    }
  }
  const all = printed.join('\n');
  assert.ok(all.includes('Bearer sk-p…'), 'the masked value is there');
  assert.ok(!all.includes(FAKE.slice(4)), 'the secret was printed');
  // The other samples' fake keys: none in full either.
  for (const secret of [...readFileSync(sample('openai-chat-credentials-dirty.yaml'), 'utf8').matchAll(/\b(sk-[A-Za-z0-9_-]{20,}|AIza[A-Za-z0-9_-]{35})/g)].map((m) => m[1]!)) {
    assert.ok(!all.includes(secret.slice(4)), `${secret.slice(0, 6)}… was printed`);
  }
  writeFileSync(join(tmp, 'done'), '');
});

test('--format of an unknown name, and sarif for scrub without --check: usage errors, exit 2', async () => {
  const r = await runCli(['lint', '--format', 'xml', DIRTY]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--format xml: expected one of text, json, sarif, github/);
  const s = await runCli(['scrub', '--format', 'sarif', DIRTY]);
  assert.equal(s.code, 2);
  assert.match(s.stderr, /go with --check/);
  assert.ok(readFileSync(DIRTY, 'utf8').includes(FAKE), 'the sample was not scrubbed');
});

test('a message quoting recorded text (a re-sent turn) shows no key, not even a clipped one', async () => {
  const text = readFileSync(sample('lint/turn-mismatch.yaml'), 'utf8').replace('Bergen', 'sk-proj-QuotedFAKE0123456789abcdefghijklmnopqrstuvwxyz');
  const file = join(tmp, 'quoted-key.yaml');
  writeFileSync(file, text);
  for (const format of ['text', 'json', 'sarif', 'github']) {
    const r = await runCli(['lint', '--format', format, file]);
    assert.ok(!/QuotedFAKE/.test(r.stdout + r.stderr), `${format}: a key was printed`);
    if (format === 'text') assert.match(r.stdout, /turn-mismatch tool call 0 \(get_weather\) arguments: answered .*, sent back "\{\\"city\\":\\"sk-…/);
  }
});
