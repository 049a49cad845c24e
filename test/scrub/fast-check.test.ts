// The fast check against the CST editor (the reference): whenever the fast check calls a file
// clean, the CST editor must find nothing and report no error. Over every corpus file and sample,
// generated cassettes with secrets in every place a rule looks, and the edge cases in between.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { editCassetteText } from '../../src/scrub/edit-cst.ts';
import { isSurelyClean } from '../../src/scrub/fast-check.ts';
import { scrubCompiled } from '../../src/scrub/index.ts';
import { scrubOptions, type ScrubConfigFile, type ScrubFlags } from '../../src/scrub/config.ts';
import { compileScrubOptions, type Compiled } from '../../src/scrub/scan.ts';
import { corpusFiles, sample, SAMPLES, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';

const KEY = 'sk-proj-Fk9xQ2LmN4pR7sT1vW3yZ5aB8cD0eF6gH2iJ4kL6mN8oP0qR2sT4uV6wX8yZ0aB1cD3eF5';
const AKIA = 'AKIAIOSFODNN7EXAMPLE';

const compiled = (file: ScrubConfigFile = {}, flags: ScrubFlags = {}): Compiled => compileScrubOptions(scrubOptions(file, flags));
const DEFAULTS = compiled();

type Reference = { text: string; findings: ReturnType<typeof editCassetteText>['findings'] } | { error: string };

function reference(text: string, c: Compiled): Reference {
  try {
    return editCassetteText(text, c, 'f.yaml');
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The fast verdict; fails when it says clean and the reference finds something or errs. */
function verdict(name: string, text: string, c: Compiled): { fast: boolean; dirty: boolean } {
  const fast = isSurelyClean(text, c);
  const ref = reference(text, c);
  const dirty = 'error' in ref || ref.findings.length > 0;
  if (fast) assert.ok(!dirty, `${name}: fast check said clean, the CST editor says ${JSON.stringify('error' in ref ? ref.error : ref.findings.map((f) => [f.rule, f.path]))}`);
  return { fast, dirty };
}

test('every corpus cassette: the CST editor finds nothing and the fast check knows it (no fallback)', { skip: SKIP_WITHOUT_CORPUS }, () => {
  const files = [...corpusFiles('fantasy'), ...corpusFiles('fantasy-2025-11'), ...corpusFiles('seed')];
  assert.ok(files.length >= 690, `${files.length} files`);
  const unsure: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const { fast, dirty } = verdict(file, text, DEFAULTS);
    assert.ok(!dirty, `${file}: a finding in a clean corpus file`);
    if (!fast) unsure.push(file);
  }
  // Every fallback costs the CST: the corpus is what real cassettes look like, none should need it.
  assert.deepEqual(unsure, []);
});

test('corpus files with other options: the fast verdict never contradicts the CST editor', { skip: SKIP_WITHOUT_CORPUS }, () => {
  const files = [...corpusFiles('fantasy'), ...corpusFiles('fantasy-2025-11')].filter((_, i) => i % 9 === 0);
  const variants: Array<[string, Compiled]> = [
    ['--header user-agent', compiled({}, { header: ['User-Agent'] })],
    ['params: [alt]', compiled({ params: ['alt'] })],
    ['--host gateway.internal', compiled({}, { host: ['gateway.internal=example.com'] })],
    ['--host generativelanguage.googleapis.com', compiled({}, { host: ['generativelanguage.googleapis.com=example.com'] })],
    ['disable everything', compiled({ disable: ['openai-key', 'jwt', 'credential-query', 'authorization-header', 'api-key-header'] })],
  ];
  for (const [name, c] of variants) {
    const counts = { clean: 0, dirty: 0, unsure: 0 };
    for (const file of files) {
      const { fast, dirty } = verdict(`${name}: ${file}`, readFileSync(file, 'utf8'), c);
      counts[fast ? 'clean' : dirty ? 'dirty' : 'unsure']++;
    }
    assert.equal(counts.clean + counts.dirty + counts.unsure, files.length, name);
    if (name.startsWith('--header') || name.startsWith('params') || name.includes('googleapis')) assert.ok(counts.dirty > 0, `${name}: ${JSON.stringify(counts)}`);
    else assert.equal(counts.clean, files.length, `${name}: ${JSON.stringify(counts)}`);
  }
});

test('the vcrpy and Ruby VCR corpus folders: every clean file is surely clean, the two with findings go to the CST editor', { skip: SKIP_WITHOUT_CORPUS }, () => {
  const files = ['pydantic-ai', 'simonw-llm', 'simonw-llm-anthropic', 'simonw-llm-gemini', 'ruby-openai'].flatMap((f) => corpusFiles(f));
  assert.ok(files.length >= 600, `${files.length} files`);
  const unsure: string[] = [];
  for (const file of files) {
    const { fast, dirty } = verdict(file, readFileSync(file, 'utf8'), DEFAULTS);
    if (!fast) unsure.push(file);
    assert.equal(fast, !dirty, file);
  }
  assert.deepEqual(unsure.map((f) => f.split('/').pop()), ['test_ollama_cloud_tool_output.yaml', 'deepseek_deepseek-chat_streamed_chat.yml']);
});

test('every corpus file with options (--host, --header, --replace, params, --drop): the verdict never contradicts the CST editor', { skip: SKIP_WITHOUT_CORPUS }, () => {
  const files = corpusFiles().filter((_, i) => i % 7 === 0);
  const variants: Array<[string, Compiled]> = [
    ['--host api.openai.com', compiled({}, { host: ['api.openai.com=llm.example.test'] })],
    ['--header x-stainless-os', compiled({}, { header: ['X-Stainless-Os'] })],
    ['--replace chatcmpl', compiled({}, { replace: ['chatcmpl-[A-Za-z0-9]{6}=chatcmpl-XXXXXX'] })],
    ['--replace a number', compiled({}, { replace: ['^200$=OK'] })],
    ['params: [alt], --drop', compiled({ params: ['alt'] }, { drop: true })],
  ];
  for (const [name, c] of variants) {
    const counts = { clean: 0, dirty: 0, unsure: 0 };
    for (const file of files) {
      const { fast, dirty } = verdict(`${name}: ${file}`, readFileSync(file, 'utf8'), c);
      counts[fast ? 'clean' : dirty ? 'dirty' : 'unsure']++;
    }
    assert.ok(counts.dirty > 0 && counts.clean > 0, `${name}: ${JSON.stringify(counts)}`);
  }
});

test('every sample: scrubText gives exactly what the CST editor gives (findings, positions, text, errors)', () => {
  const names = [
    ...readdirSync(SAMPLES).filter((name) => /\.(ya?ml|json|har)$/.test(name)),
    ...readdirSync(join(SAMPLES, 'lint')).map((name) => `lint/${name}`),
    ...readdirSync(SAMPLES).filter((name) => name.startsWith('polly-')).map((name) => `${name}/recording.har`),
  ];
  const dirty: string[] = [];
  for (const name of names) {
    const text = readFileSync(sample(name), 'utf8');
    const { fast, dirty: isDirty } = verdict(name, text, DEFAULTS);
    if (isDirty) dirty.push(name);
    let viaFast: Reference;
    try {
      viaFast = scrubCompiled(text, DEFAULTS, 'f.yaml');
    } catch (error) {
      viaFast = { error: (error as Error).message };
    }
    assert.deepStrictEqual(viaFast, reference(text, DEFAULTS), name);
    // Every format but HAR (name/value lists: the CST editor) is known clean when it is.
    if (!isDirty && !name.endsWith('.har') && !name.startsWith('not-a-cassette')) assert.ok(fast, `${name}: clean but not recognised as clean`);
    if (name.endsWith('.har')) assert.ok(!fast, `${name}: HAR, yet surely clean`);
  }
  for (const name of ['gemini-api-key-dirty.yaml', 'invalid-yaml.yaml', 'openai-chat-credentials-dirty.yaml']) assert.ok(dirty.includes(name), name);
  assert.ok(names.length - dirty.length >= 15, `${names.length - dirty.length} clean samples`);
});

/** A go-vcr v2 cassette with one request whose header, url, form and body lines are given. */
function cassette(request: string): string {
  // go-vcr always writes `url` (detection looks for it); a case may give its own.
  const url = /^ {4}url:/m.test(request) ? '' : '\n    url: https://x.example/v1';
  return `---\nversion: 2\ninteractions:\n- id: 0\n  request:\n${request}${url}\n    method: POST\n  response:\n    body: ""\n    code: 200\n`;
}

test('edge cases: what the fast check cannot see sends the file to the CST editor', () => {
  const b64 = (s: string) => Buffer.from(`\0\x01${s}\xff`, 'latin1').toString('base64');
  const cases: Array<[string, string, Compiled, boolean]> = [
    // [name, text, options, the CST editor finds something]
    ['clean', cassette('    headers:\n      Accept:\n      - a\n    url: https://x.example/v1?alt=sse\n    body: hi'), DEFAULTS, false],
    ['~ as a credential header value', cassette('    headers:\n      Authorization:\n      - ~'), DEFAULTS, true],
    ['number as a credential header value', cassette('    headers:\n      X-Api-Key: 12345'), DEFAULTS, true],
    ['empty credential header value', cassette('    headers:\n      Authorization:\n      -'), DEFAULTS, false],
    ['placeholder already there', cassette('    headers:\n      Authorization:\n      - Bearer REDACTED'), DEFAULTS, false],
    ['key in a url', cassette('    url: https://x.example/v1?key=abc'), DEFAULTS, true],
    ['key in a url outside interactions', 'version: 2\nurl: https://x.example/v1?key=abc\ninteractions: []\n', DEFAULTS, true],
    ['headers outside interactions are plain values', 'version: 2\nheaders:\n  Authorization: Bearer xyz\ninteractions: []\n', DEFAULTS, false],
    ['not a cassette: never clean', 'version: 2\nheaders:\n  Authorization: Bearer xyz\n', DEFAULTS, true],
    ['credential in form', cassette('    form:\n      access_token:\n      - abc'), DEFAULTS, true],
    ['redacted form field, --replace matching the placeholder', cassette('    form:\n      key:\n      - REDACTED'), compiled({}, { replace: ['REDACTED=X'] }), true],
    ['redacted form field', cassette('    form:\n      key:\n      - REDACTED'), DEFAULTS, false],
    ['number in a credential form field', cassette('    form:\n      key:\n      - 123'), DEFAULTS, true],
    ['form-encoded body', cassette('    headers:\n      Content-Type:\n      - application/x-www-form-urlencoded\n    body: a=1&client_secret=xyz'), DEFAULTS, true],
    ['form type after an empty list item', cassette('    headers:\n      Content-Type:\n      -\n      - application/x-www-form-urlencoded\n    body: a=1&client_secret=xyz'), DEFAULTS, true],
    ['form-like body without the form type', cassette('    body: a=1&client_secret=xyz'), DEFAULTS, false],
    ['key in a !!binary body', cassette(`    body: !!binary ${b64(`{"k":"${AKIA}"}`)}`), DEFAULTS, true],
    ['clean !!binary body', cassette(`    body: !!binary ${b64('{"k":"v"}')}`), DEFAULTS, false],
    ['!!binary outside a body', cassette(`    other: !!binary ${b64('x')}`), DEFAULTS, false],
    ['key in a prompt', cassette(`    body: '{"content":"use ${KEY}"}'`), DEFAULTS, true],
    ['--replace matching a number', cassette('    content_length: 12345'), compiled({}, { replace: ['^12345$=N'] }), true],
    ['--replace not matching', cassette('    content_length: 12345'), compiled({}, { replace: ['acct_[0-9]+=acct_0'] }), false],
    ['--replace matching a number in a list', cassette('    headers:\n      X-N:\n      -   0x1F'), compiled({}, { replace: ['^0x=hex'] }), true],
    ['--replace matching null written as ~', cassette('    headers:\n      X-N:\n      - ~'), compiled({}, { replace: ['~=tilde'] }), true],
    ['--replace matching an empty value', cassette('    headers:\n      X-N:\n      -\n    host:'), compiled({}, { replace: ['^$=empty'] }), false],
    ['--host that could be a number', cassette('    content_length: 1.5'), compiled({}, { host: ['1.5=example.com'] }), true],
    ['--host that could be a number, not there', cassette('    content_length: 1.25'), compiled({}, { host: ['1.5=example.com'] }), false],
    ['--host in a url', cassette('    url: https://gw.corp/v1'), compiled({}, { host: ['gw.corp=example.com'] }), true],
    ['--header', cassette('    headers:\n      X-Tenant:\n      - t1'), compiled({}, { header: ['X-Tenant'] }), true],
    ['invalid YAML', cassette('    body: "open'), DEFAULTS, true],
  ];
  // Clean, but the fast check cannot tell without the YAML source: these go to the CST editor.
  const unsure = ['empty credential header value'];
  for (const [name, text, c, expected] of cases) {
    const { fast, dirty } = verdict(name, text, c);
    assert.equal(dirty, expected, `${name}: the CST editor`);
    assert.equal(fast, !expected && !unsure.includes(name), `${name}: the fast verdict`);
  }
});

test('generated cassettes with secrets anywhere: a clean verdict is never wrong (property)', (t) => {
  // Mostly harmless values, so that many documents are clean; a few secrets and near misses.
  const text = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom('Bearer REDACTED', 'REDACTED', '', 'plain words', 'https://x.example/v1?alt=sse', 'a=1&b=2', 'application/json', 'application/x-www-form-urlencoded', 'sk-short', 'eyJhbGciOiJIUzI1NiJ9') },
    { weight: 1, arbitrary: fc.constantFrom(KEY, `Bearer ${KEY}`, AKIA, 'https://gw.corp/v1?key=abc&alt=sse', 'a=1&access_token=zzz', 'gw.corp', 'acct_123456', '12345') },
  );
  const scalar = fc.oneof(
    { weight: 8, arbitrary: text },
    { weight: 3, arbitrary: fc.oneof(fc.integer({ min: -2, max: 20000 }), fc.boolean(), fc.constant(null)) },
    { weight: 1, arbitrary: text.map((s) => new Uint8Array(Buffer.from(`\0${s}`, 'latin1'))) },
  );
  const values = fc.oneof(scalar, fc.array(scalar, { maxLength: 2 }));
  const rarely = (common: string[], credential: string[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...common) }, { weight: 1, arbitrary: fc.constantFrom(...credential) });
  const headers = fc.dictionary(rarely(['Accept', 'Content-Type', 'X-Tenant', 'Host', 'content-type'], ['Authorization', 'Cookie', 'X-Api-Key']), values, { maxKeys: 3 });
  const form = fc.dictionary(rarely(['q', 'session', 'model'], ['key', 'access_token']), fc.array(scalar, { maxLength: 2 }), { maxKeys: 2 });
  const message = fc.record({ headers, trailer: headers, form, body: scalar, url: scalar, content_length: fc.integer({ min: -1, max: 200 }), note: values }, { requiredKeys: [] });
  // go-vcr always writes a request url (detection looks for it).
  const doc = fc.record({ interactions: fc.array(fc.record({ request: message.map((m) => ('url' in m ? m : { ...m, url: 'https://x.example/v1' })), response: message }), { minLength: 1, maxLength: 2 }), headers, url: scalar }, { requiredKeys: ['interactions'] });
  const options: Array<[ScrubConfigFile, ScrubFlags]> = [
    [{}, {}],
    [{}, { host: ['gw.corp=example.com'] }],
    [{}, { host: ['12345=example.com'] }],
    [{}, { replace: ['acct_[0-9]+=acct_0'] }],
    [{}, { replace: ['REDACTED=X', '^1$=one'] }],
    [{ params: ['session'] }, { header: ['X-Tenant'] }],
    [{ disable: ['credential-query', 'openai-key'] }, { drop: true }],
  ];
  const counts = { clean: 0, dirty: 0, unsure: 0 };
  fc.assert(
    fc.property(doc, fc.constantFrom(...options), fc.constantFrom(2, 4), (value, [file, flags], indent) => {
      const yaml = stringify({ version: 2, ...value }, { indent, lineWidth: 0 });
      const { fast, dirty } = verdict(yaml, yaml, compiled(file, flags));
      counts[fast ? 'clean' : dirty ? 'dirty' : 'unsure']++;
    }),
    { numRuns: 300 },
  );
  t.diagnostic(JSON.stringify(counts));
  assert.ok(counts.clean > 30 && counts.dirty > 30, JSON.stringify(counts));
});

test('planted secrets in every format and place: never surely clean, and the CST editor finds each', () => {
  // Written as `!!binary BASE64` (yaml's stringify would write a list of numbers).
  const gzip = (t: string) => `BIN:${gzipSync(Buffer.from(t)).toString('base64')}`;
  const bytes = (t: string) => `BIN:${Buffer.from(`\0${t}`, 'latin1').toString('base64')}`;
  const isBin = (v: unknown): v is string => typeof v === 'string' && v.startsWith('BIN:');
  const yaml = (value: unknown) => stringify(value, { lineWidth: 80 }).replace(/BIN:([A-Za-z0-9+/=]+)/g, '!!binary $1');
  type Place = { headers?: Record<string, string[]>; url?: string; body?: string; responseBody?: string; responseHeaders?: Record<string, string[]>; form?: Record<string, string[]> };
  const clean: Place = { headers: { Accept: ['*/*'] }, url: 'https://api.example.test/v1/chat?alt=sse', body: '{"q":"hi"}', responseBody: '{"a":"ok"}' };
  const places: Array<[string, Place, Compiled]> = [
    ['credential header', { headers: { Authorization: [`Bearer ${KEY}`] } }, DEFAULTS],
    ['custom header', { headers: { 'X-Tenant': ['t-1'] } }, compiled({}, { header: ['X-Tenant'] })],
    ['URL query', { url: 'https://api.example.test/v1?key=abc123' }, DEFAULTS],
    ['form-encoded body', { headers: { 'Content-Type': ['application/x-www-form-urlencoded'] }, body: 'a=1&client_secret=xyz' }, DEFAULTS],
    ['form-encoded response body', { responseHeaders: { 'content-type': ['application/x-www-form-urlencoded; charset=utf-8'] }, responseBody: 'access_token=gho_16C7e42F292c&scope=repo&token_type=bearer' }, DEFAULTS],
    ['form-encoded !!binary body', { responseHeaders: { 'Content-Type': ['application/x-www-form-urlencoded'] }, responseBody: `BIN:${Buffer.from('refresh_token=1//0gFAKE&expires_in=3599').toString('base64')}` }, DEFAULTS],
    ['key in body text', { body: `{"content":"use ${KEY} please"}` }, DEFAULTS],
    ['key in a response body', { responseBody: `{"k":"${AKIA}"}` }, DEFAULTS],
    ['key in a gzip body', { responseHeaders: { 'Content-Encoding': ['gzip'] }, responseBody: gzip(`{"k":"${AKIA}"}`) }, DEFAULTS],
    ['key in a gzip body without the header', { responseBody: gzip(`{"k":"${AKIA}"}`) }, DEFAULTS],
    ['key in a !!binary body', { responseBody: bytes(`{"k":"${AKIA}"}`) }, DEFAULTS],
    ['--replace pattern', { body: '{"account":"acct_1234567"}' }, compiled({}, { replace: ['acct_[0-9]{6,}=acct_000000'] })],
    ['--replace across a folded line', { body: `{"note":"${'word '.repeat(30)}top secret"}` }, compiled({}, { replace: ['top secret=XX'] })],
    ['--host in the url', { url: 'https://gw.corp.internal/v1/chat' }, compiled({}, { host: ['gw.corp.internal=api.openai.com'] })],
    ['--host in a body', { body: '{"base":"https://gw.corp.internal/v1"}' }, compiled({}, { host: ['gw.corp.internal=api.openai.com'] })],
    ['a key spelled with an escape', { body: `{"content":"\bsk-proj-${KEY.slice(8)}"}` }, DEFAULTS],
  ];
  const headers = (h?: Record<string, string[]>) => ({ ...h });
  const formats: Array<[string, (p: Place) => string | undefined]> = [
    ['go-vcr', (p) => yaml({ version: 2, interactions: [{ request: { headers: headers(p.headers), body: p.body, form: p.form ?? {}, url: p.url, method: 'POST' }, response: { headers: headers(p.responseHeaders), body: p.responseBody, code: 200 } }] })],
    ['vcrpy', (p) => yaml({ interactions: [{ request: { body: p.body, headers: headers(p.headers), method: 'POST', uri: p.url }, response: { body: { string: p.responseBody }, headers: headers(p.responseHeaders), status: { code: 200, message: 'OK' } } }], version: 1 })],
    ['vcrpy-json', (p) => (isBin(p.responseBody) ? undefined : JSON.stringify({ interactions: [{ request: { body: p.body, headers: headers(p.headers), method: 'POST', uri: p.url }, response: { body: { string: p.responseBody }, headers: headers(p.responseHeaders), status: { code: 200, message: 'OK' } } }], version: 1 }, null, 2))],
    ['ruby-vcr', (p) => yaml({ http_interactions: [{ request: { method: 'post', uri: p.url, body: { encoding: 'UTF-8', string: p.body }, headers: headers(p.headers) }, response: { status: { code: 200, message: 'OK' }, headers: headers(p.responseHeaders), body: isBin(p.responseBody) ? { encoding: 'ASCII-8BIT', base64_string: p.responseBody.slice(4) } : { encoding: 'UTF-8', string: p.responseBody } }, recorded_at: 'Tue, 01 Apr 2025 00:00:00 GMT' }], recorded_with: 'VCR 6.3.1' })],
    ['ruby-vcr-json', (p) => (JSON.stringify({ http_interactions: [{ request: { method: 'post', uri: p.url, body: { encoding: 'UTF-8', string: p.body }, headers: headers(p.headers) }, response: { status: { code: 200, message: 'OK' }, headers: headers(p.responseHeaders), body: isBin(p.responseBody) ? { encoding: 'ASCII-8BIT', base64_string: p.responseBody.slice(4) } : { encoding: 'UTF-8', string: p.responseBody } }, recorded_at: 'Tue, 01 Apr 2025 00:00:00 GMT' }], recorded_with: 'VCR 6.3.1' }))],
  ];
  for (const [format, write] of formats) {
    const base = write(clean)!;
    const ok = verdict(`${format} clean`, base, DEFAULTS);
    assert.ok(ok.fast && !ok.dirty, `${format}: the clean document is surely clean`);
    for (const [place, planted, c] of places) {
      const text = write({ ...clean, ...planted, headers: { ...clean.headers, ...planted.headers } });
      if (text === undefined) continue;
      const { fast, dirty } = verdict(`${format} ${place}`, text, c);
      assert.ok(dirty, `${format} ${place}: the CST editor finds it`);
      assert.ok(!fast, `${format} ${place}`);
    }
  }
});

test('a JSON cassette with a duplicate key: the shadowed value is scanned by the CST editor, never called clean', () => {
  const text = `{"version": 1, "interactions": [{"request": {"body": "", "headers": {"Authorization": ["Bearer ${KEY}"]}, "headers": {}, "method": "GET", "uri": "https://x.example/v1"}, "response": {"body": {"string": ""}, "headers": {}, "status": {"code": 200, "message": "OK"}}}]}`;
  const { fast, dirty } = verdict('duplicate key', text, DEFAULTS);
  assert.ok(dirty && !fast);
});
