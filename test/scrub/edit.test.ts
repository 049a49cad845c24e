import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { CassetteError } from '../../src/errors.ts';
import { scrubText } from '../../src/scrub/index.ts';

const KEY = 'sk-proj-Fk9xQ2LmN4pR7sT1vW3yZ5aB8cD0eF6gH2iJ4kL6mN8oP0qR2sT4uV6wX8yZ0aB1cD3eF5';
const AKIA = 'AKIAIOSFODNN7EXAMPLE';

/** Line numbers (1-based) that differ between two texts with the same number of lines. */
function changedLines(a: string, b: string): number[] {
  const x = a.split('\n');
  const y = b.split('\n');
  assert.equal(x.length, y.length, 'same number of lines');
  return x.flatMap((line, i) => (line === y[i] ? [] : [i + 1]));
}

/**
 * A one-interaction cassette in go-vcr's 2-space layout (sequence items at column 0) or yaml.v3's
 * 4-space layout. Line 7 is content_length, line 8 the body, headers start on line 10.
 */
function cassette(style: 2 | 4, body: string, headers: Record<string, string[]>, contentLength = 0): string {
  const seq = style === 2 ? '' : '    ';
  const field = `${seq}    `;
  const name = field + ' '.repeat(style);
  const item = style === 2 ? name : name + '    ';
  const headerLines = Object.entries(headers).flatMap(([n, values]) => [`${name}${n}:`, ...values.map((v) => `${item}- ${v}`)]);
  return [
    '---',
    '# comment kept',
    'version: 2',
    'interactions:',
    `${seq}- id: 0`,
    `${seq}  request:`,
    `${field}content_length: ${contentLength}`,
    `${field}body: ${body}`,
    `${field}headers:`,
    ...headerLines,
    `${field}url: https://api.openai.com/v1/chat/completions   # trailing comment`,
    `${field}method: POST`,
    '',
  ].join('\n');
}

test('a file without findings comes back as the same string', () => {
  const text = cassette(2, `'{"a":"b"}'`, { Accept: ['application/json'] });
  assert.equal(scrubText(text).text, text);
  assert.deepEqual(scrubText(text).findings, []);
});

test('single-quoted body: only the key changes, content_length follows, other lines stay', () => {
  const body = `{"content":"it''s ${KEY}"}`;
  const length = Buffer.byteLength(body.replace("''", "'"));
  const text = cassette(2, `'${body}'`, { Authorization: [`Bearer ${KEY}`] }, length);
  const out = scrubText(text);
  assert.deepEqual(out.findings.map((f) => [f.rule, f.line, f.col, f.masked]), [
    ['openai-key', 8, 30, 'sk-p…'],
    ['authorization-header', 11, 9, 'Bearer sk-p…'],
  ]);
  assert.deepEqual(changedLines(text, out.text), [7, 8, 11]);
  const data = parse(out.text);
  assert.equal(data.interactions[0].request.body, `{"content":"it's REDACTED"}`);
  assert.equal(data.interactions[0].request.content_length, Buffer.byteLength(data.interactions[0].request.body));
  assert.deepEqual(data.interactions[0].request.headers.Authorization, ['Bearer REDACTED']);
  assert.equal(scrubText(out.text).text, out.text, 'idempotent');
});

test('4-space file with block scalars |+ and |-: one line changes, indentation kept', () => {
  const body = `|+\n            data: {"token":"${KEY}"}\n\n            data: [DONE]\n`;
  const text = cassette(4, body, { 'X-Api-Key': ['"k-123"'] }, -1);
  const out = scrubText(text);
  // Line 9: the body line with the key; line 15: the X-Api-Key value. content_length -1 stays.
  assert.deepEqual(changedLines(text, out.text), [9, 15]);
  assert.match(out.text, /\n {12}data: \{"token":"REDACTED"\}\n\n {12}data: \[DONE\]\n\n {8}headers:/);
  assert.match(out.text, /\n {16}- "REDACTED"\n/, 'double quotes kept');
  assert.match(out.text, /content_length: -1\n/);
  const text2 = cassette(4, `|-\n            ${KEY}`, { Accept: ['a'] });
  const out2 = scrubText(text2);
  assert.equal(parse(out2.text).interactions[0].request.body, 'REDACTED');
  assert.deepEqual(changedLines(text2, out2.text), [9]);
});

test('--drop removes the header item (first, middle and all), keeping the rest byte for byte', () => {
  const text = cassette(2, `''`, { Authorization: [`Bearer ${KEY}`], Accept: ['a'], Cookie: ['s=1'], 'Content-Type': ['b'] });
  const out = scrubText(text, { drop: true });
  assert.equal(out.text, text.replace(`      Authorization:\n      - Bearer ${KEY}\n`, '').replace('      Cookie:\n      - s=1\n', ''));
  assert.deepEqual(parse(out.text).interactions[0].request.headers, { Accept: ['a'], 'Content-Type': ['b'] });
  const text4 = cassette(4, `''`, { Cookie: ['s=1'], Accept: ['a'] });
  assert.equal(scrubText(text4, { drop: true }).text, text4.replace('            Cookie:\n                - s=1\n', ''));
  const only = cassette(2, `''`, { Cookie: ['s=1'] });
  assert.deepEqual(parse(scrubText(only, { drop: true }).text).interactions[0].request.headers, {});
});

test('!!binary bodies are scanned and re-encoded in the same layout', () => {
  const bytes = Buffer.concat([Buffer.from([0, 0, 1, 0xff]), Buffer.from(`{"key":"${AKIA}"}`), Buffer.from([0x8b, 0])]);
  const b64 = bytes.toString('base64').match(/.{1,20}/g)!;
  const text = cassette(2, `!!binary |\n${b64.map((l) => `      ${l}`).join('\n')}`, { Accept: ['a'] }, bytes.length);
  const out = scrubText(text);
  assert.deepEqual(out.findings.map((f) => [f.rule, f.line]), [['aws-access-key-id', 8]]);
  const after = Buffer.from(parse(out.text).interactions[0].request.body);
  assert.equal(after.toString('latin1'), bytes.toString('latin1').replace(AKIA, 'REDACTED'));
  assert.equal(parse(out.text).interactions[0].request.content_length, after.length);
  const base64Lines = out.text.split('\n').filter((l) => /^ {6}[A-Za-z0-9+/=]+$/.test(l));
  assert.ok(base64Lines.length > 1 && base64Lines.every((l) => l.length <= 26), 'same line width');
});

test('content_length changes only when it was the real body length', () => {
  const body = `{"k":"${KEY}"}`;
  for (const [given, expected] of [[Buffer.byteLength(body), Buffer.byteLength('{"k":"REDACTED"}')], [-1, -1], [0, 0], [12345, 12345]]) {
    const out = scrubText(cassette(2, `'${body}'`, { Accept: ['a'] }, given));
    assert.equal(parse(out.text).interactions[0].request.content_length, expected);
  }
});

test('flow-style header lists and host field / Host header mapping', () => {
  const text = cassette(2, `''`, {}).replace('    headers:\n', `    headers:\n      Authorization: ["Bearer ${KEY}"]\n      Host: [gw.corp]\n`).replace('api.openai.com', 'gw.corp');
  const out = scrubText(text, { hosts: [{ from: 'gw.corp', to: 'api.openai.com' }] });
  const data = parse(out.text).interactions[0].request;
  assert.deepEqual(data.headers, { Authorization: ['Bearer REDACTED'], Host: ['api.openai.com'] });
  assert.equal(data.url, 'https://api.openai.com/v1/chat/completions');
  assert.match(out.text, /# trailing comment\n/);
  assert.equal(scrubText(out.text, { hosts: [{ from: 'gw.corp', to: 'api.openai.com' }] }).text, out.text);
});

test('a file that does not parse throws a CassetteError with line and column', () => {
  const bad = 'version: 2\ninteractions:\n- id: 0\n  request:\n    body: "open\n';
  assert.throws(() => scrubText(bad, { file: 'x.yaml' }), (e: unknown) => e instanceof CassetteError && e.format() === 'x.yaml:6:1: Missing closing "quote');
});
