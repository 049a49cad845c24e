import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileHosts } from '../../src/scrub/hosts.ts';
import { DEFAULT_SCRUB_OPTIONS } from '../../src/scrub/config.ts';
import { KEY_PATTERNS, keyRegExp, mask } from '../../src/scrub/rules.ts';
import { compileOptions, isDone, scanValue } from '../../src/scrub/scan.ts';

const c = compileOptions(DEFAULT_SCRUB_OPTIONS, []);
const rulesIn = (text: string) => scanValue(text, 'text', c).hits.map((h) => h.rule);

// Fake keys shaped like the real ones (prefix, length, alphabet).
const KEYS: Array<[string, string]> = [
  ['openai-key', 'sk-proj-Fk9xQ2LmN4pR7sT1vW3yZ5aB8cD0eF6gH2iJ4kL6mN8oP0qR2sT4uV6wX8yZ0aB1cD3eF5'],
  ['openai-key', 'sk-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6l'],
  ['anthropic-key', 'sk-ant-api03-FakeKey0123456789abcdefABCDEFghijklmnopQRSTUVwxyz0123456789-_abcdefghijklmnopqrstuvwxAA'],
  ['google-api-key', 'AIzaSyFAKE0123456789abcdefghijklmnopqrs'],
  ['groq-key', 'gsk_Fake0123456789abcdefGHIJKLmnopqrSTUVwxyz0123456789ab'],
  ['xai-key', 'xai-Fake0123456789abcdefGHIJKLmnopqrSTUVwxyz0123456789abcdefGHIJKLmnopqrSTUV'],
  ['huggingface-token', 'hf_FakeAbCdEfGhIjKlMnOpQrStUvWxYz012345'],
  ['aws-access-key-id', 'AKIAIOSFODNN7EXAMPLE'],
  ['aws-access-key-id', 'ASIAQWERTYUIOP123456'],
  ['github-token', 'ghp_Fake0123456789abcdefGHIJKLmnopqrSTUVwx'],
  ['github-token', 'github_pat_11FAKE0123456789abcdef_GHIJKLmnopqrSTUVwxyz0123456789abcdefGHIJ'],
  ['jwt', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkZha2UifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'],
];

for (const [rule, key] of KEYS) {
  test(`${rule}: found alone, in prose, in JSON and after a \\n escape; not inside base64`, () => {
    assert.deepEqual(rulesIn(key), [rule]);
    assert.deepEqual(rulesIn(`my key is ${key}, thanks`), [rule]);
    assert.deepEqual(rulesIn(`{"content":"use ${key}"}`), [rule]);
    assert.deepEqual(rulesIn(`{"content":"key:\\n${key}"}`), [rule]);
    assert.equal(scanValue(`x ${key} y`, 'text', c).value, 'x REDACTED y');
    assert.deepEqual(rulesIn(`iVBORw0KGgo${key}AAAABJRU5ErkJggg==`), []);
    assert.deepEqual(rulesIn(`AAAA/${key}+BBBB`), []);
  });
}

test('words and identifiers that share a prefix are not keys', () => {
  for (const text of [
    'sk-learn-compatible-estimator-interface',
    'task-management-system-architecture-overview',
    'gsk_lowercaseonlyidentifiernamewithoutdigitsatall',
    'hf_transformers_pipeline_text_generation_helper',
    'AKIAexample',
    'the AIza prefix marks Google keys',
    'eyJhbGciOiJIUzI1NiJ9 alone is only a header',
    '"signature":"EqQBCkYIBxgCKkBvQ2sk-proj-1234"',
  ]) {
    assert.deepEqual(rulesIn(text), [], text);
  }
});

test('credential query parameters in URLs, any case, values replaced', () => {
  const url = 'https://x.example/v1/models?alt=sse&key=AIzaFAKE&X-Amz-Signature=abc123&X-Amz-Credential=AKIA%2F2025&page=2';
  const scanned = scanValue(url, 'url', c);
  assert.equal(scanned.value, 'https://x.example/v1/models?alt=sse&key=REDACTED&X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED&page=2');
  assert.deepEqual(scanned.hits.map((h) => h.rule), ['credential-query', 'credential-query', 'credential-query']);
  assert.deepEqual(scanValue(scanned.value, 'url', c).hits, [], 'idempotent');
  assert.deepEqual(scanValue('https://x.example/path/key=1', 'url', c).hits, [], 'not a query');
});

test('header values: each absolute URL in them gets the credential parameter rule, and only URLs', () => {
  const link = '<https://api.example/v1/items?page=2&access_token=tok1>; rel="next", <https://api.example/v1/items?page=9&key=k9>; rel="last"';
  const scanned = scanValue(link, 'header', c);
  assert.equal(scanned.value, '<https://api.example/v1/items?page=2&access_token=REDACTED>; rel="next", <https://api.example/v1/items?page=9&key=REDACTED>; rel="last"');
  assert.deepEqual(scanned.hits.map((h) => h.secret), ['tok1', 'k9']);
  assert.deepEqual(scanValue(scanned.value, 'header', c).hits, [], 'idempotent');
  assert.equal(scanValue('0; url=https://app.example/cb?code=abc&client_secret=s3cr3t', 'header', c).value, '0; url=https://app.example/cb?code=abc&client_secret=REDACTED');
  // Not in a URL: a header's own `key=value` syntax is not a query string.
  for (const text of ['max-age=0; key=abc', 'for=192.0.2.1;proto=https;by=key=1', 'https://api.example/v1/items/key=1']) {
    assert.deepEqual(scanValue(text, 'header', c).hits, [], text);
  }
  // As text (a body), the same Link value is left to the key patterns.
  assert.deepEqual(scanValue(link, 'text', c).hits, []);
});

test('host mapping touches the exact host only', () => {
  const hosts = compileOptions(DEFAULT_SCRUB_OPTIONS, compileHosts([{ from: 'gw.corp', to: 'example.com' }]));
  const scanned = scanValue('https://gw.corp:8443/v1 http://eu.gw.corp/ https://gw.corporate/ gw.corp', 'url', hosts);
  assert.equal(scanned.value, 'https://example.com:8443/v1 http://eu.gw.corp/ https://gw.corporate/ example.com');
  assert.equal(scanned.hits.length, 2);
});

test('mask never shows more than 4 characters of a secret', () => {
  assert.equal(mask('sk-proj-Fk9xQ2LmN4pR7sT1vW3yZ5aB8cD0'), 'sk-p…');
  assert.equal(mask('Bearer sk-proj-Fk9xQ2LmN4pR7sT1vW3yZ5aB8cD0'), 'Bearer sk-p…');
  assert.equal(mask('short1234'), '…');
});

test('every match of a key pattern contains one of its literals (the prefilter never hides a key)', () => {
  const mixed = 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zQ7';
  // Fragments of keys, whole fake keys and separators, glued in any order.
  const piece = fc.constantFrom(
    ...['sk-', 'sk-ant-', 'api03-', 'proj-', 'AIza', 'gsk_', 'xai-', 'hf_', 'AKIA', 'ASIA', 'ghp_', 'github_pat_', 'eyJ', 'ey', 'J'],
    ...['-', '_', '.', ' ', ' ', '\\n', mixed, `${mixed}aB3dE6`, 'IOSFODNN7EXAMPLE', 'QUJDREVGR0hJSktMTU5PUA'],
    ...KEYS.map(([, key]) => key),
  );
  const matched = new Set<string>();
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (pieces) => {
      const text = pieces.join('');
      for (const pattern of KEY_PATTERNS) {
        for (const [match] of text.matchAll(keyRegExp(pattern))) {
          matched.add(pattern.id);
          assert.ok(pattern.literals.some((l) => match.includes(l)), `${pattern.id}: ${match}`);
        }
      }
    }),
    { numRuns: 3000, seed: 20251125 },
  );
  assert.deepEqual([...matched].sort(), KEY_PATTERNS.map((p) => p.id).sort(), 'every pattern matched at least once');
  // And the scan agrees with a scan that has no prefilter.
  const noPrefilter = { ...c, anyKey: /(?:)/, keys: c.keys.map((k) => ({ ...k, literals: [''] })) };
  for (const [, key] of KEYS) assert.deepEqual(scanValue(`x ${key} y`, 'text', c), scanValue(`x ${key} y`, 'text', noPrefilter));
});

test('recorder placeholders, also after a key prefix, are already redacted; a key is not', () => {
  for (const done of ['Bearer sk-REDACTED', 'Bearer <OPENAI_API_KEY>', 'sk-ant-xxxx', 'scrubbed', 'Bearer [FILTERED]', 'REDACTED']) {
    assert.equal(isDone(done, 'REDACTED'), true, done);
  }
  for (const live of ['Bearer sk-test-4f9Qx2LmN8rT1vB6yK3wZ0aC', 'sk-REDACTEDabc123', 'Bearer sk-proj-REDACTED-but-not']) {
    assert.equal(isDone(live, 'REDACTED'), false, live);
  }
});
