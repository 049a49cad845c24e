// Each format's reader on small inline documents written as the libraries' serializers write them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCassette } from '../../src/read/parse-cassette.ts';
import { CassetteError } from '../../src/errors.ts';

const text = (b: string | Uint8Array) => (typeof b === 'string' ? b : Buffer.from(b).toString('utf8'));

test('vcrpy YAML: sorted keys, version last, !!binary body and header, status{code, message}', () => {
  const c = parseCassette('v.yaml', [
    'interactions:',
    '- request:',
    '    body: \'{"model":"gpt-4o"}\'',
    '    headers:',
    '      X-Amz-Date:',
    '      - !!binary |',
    '        MjAyNDAxMDFUMDAwMDAwWg==',
    '    method: POST',
    '    uri: https://api.openai.com/v1/chat/completions',
    '  response:',
    '    body:',
    '      string: !!binary |',
    '        eyJpZCI6ImNoYXRjbXBsLTEifQ==',
    '    headers:',
    '      Content-Type:',
    '      - application/json',
    '    status:',
    '      code: 200',
    '      message: OK',
    'version: 1',
    '',
  ].join('\n'));
  assert.equal(c.format, 'vcrpy');
  assert.equal(c.formatVersion, 1);
  const i = c.interactions[0]!;
  assert.equal(i.line, 2);
  assert.equal(i.request.method, 'POST');
  assert.equal(i.request.url, 'https://api.openai.com/v1/chat/completions');
  assert.deepEqual(i.request.headers['X-Amz-Date'], ['20240101T000000Z']);
  assert.equal(text(i.response.body), '{"id":"chatcmpl-1"}');
  assert.equal(i.response.status, 200);
  assert.equal(i.response.statusText, '200 OK');
});

test("vcrpy: pydantic-ai parsed_body is the text its deserializer replays (Python's json.dumps); a null body is empty", () => {
  const c = parseCassette('p.yaml', [
    'interactions:',
    '- request:',
    '    body: null',
    '    headers: {}',
    '    method: GET',
    '    uri: https://example.com/',
    '  response:',
    '    headers: {}',
    '    parsed_body:',
    '      choices:',
    '      - message:',
    '          content: |-',
    '            two',
    '            lines, 18°C',
    '      temperature: 1.0',
    '      usage: {}',
    '    status:',
    '      code: 200',
    '      message: OK',
    'version: 1',
    '',
  ].join('\n'));
  const { request, response } = c.interactions[0]!;
  assert.equal(request.body, '');
  assert.equal(request.bodyReserialized, undefined);
  assert.equal(response.body, '{"choices": [{"message": {"content": "two\\nlines, 18\\u00b0C"}}], "temperature": 1.0, "usage": {}}');
  assert.equal(response.bodyReserialized, 'python-json-dumps');
});

test('vcrpy JSON serializer: version first, and the older httpx shape', () => {
  const c = parseCassette('v.json', JSON.stringify({
    version: 1,
    interactions: [{ request: { method: 'post', uri: 'https://x.test/a', headers: {}, content: 'hi' }, response: { status_code: 404, http_version: 'HTTP/1.1', headers: { a: ['b'] }, content: 'nope' } }],
  }));
  assert.equal(c.format, 'vcrpy-json');
  const i = c.interactions[0]!;
  assert.deepEqual([i.request.method, i.request.body, i.response.status, i.response.statusText, i.response.body, i.response.proto], ['POST', 'hi', 404, '404', 'nope', 'HTTP/1.1']);
});

test('Ruby VCR YAML: Psych !binary with ASCII-8BIT, a bare-string body, lower-case method', () => {
  const c = parseCassette('r.yml', [
    '---',
    'http_interactions:',
    '- request:',
    '    method: post',
    '    uri: https://api.openai.com/v1/images',
    '    body:',
    '      encoding: UTF-8',
    '      string: \'{"n":1}\'',
    '    headers:',
    '      Authorization:',
    '      - Bearer <OPENAI_ACCESS_TOKEN>',
    '  response:',
    '    status:',
    '      code: 201',
    '      message: Created',
    '    headers: {}',
    '    body:',
    '      encoding: ASCII-8BIT',
    '      string: !binary |-',
    '        aGVsbG8=',
    '    http_version: ',
    '  recorded_at: Tue, 14 Nov 2023 21:48:24 GMT',
    '- request:',
    '    method: get',
    '    uri: https://x.test/',
    '    body: plain',
    '    headers: {}',
    '  response:',
    '    status: {code: 200, message: OK}',
    '    headers: {}',
    '    body: {encoding: UTF-8, base64_string: "aGk="}',
    'recorded_with: VCR 6.2.0',
    '',
  ].join('\n'));
  assert.equal(c.format, 'ruby-vcr');
  assert.deepEqual(c.interactions.map((i) => i.line), [3, 23]);
  const [a, b] = c.interactions;
  assert.equal(a!.request.method, 'POST');
  assert.equal(a!.request.body, '{"n":1}');
  assert.equal(a!.response.statusText, '201 Created');
  assert.ok(a!.response.body instanceof Uint8Array);
  assert.equal(text(a!.response.body), 'hello');
  assert.equal(b!.request.body, 'plain');
  assert.equal(text(b!.response.body), 'hi');
});

test('HAR 1.2: name/value headers (repeats kept), postData, base64 content, time', () => {
  const c = parseCassette('r.har', JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'Polly.JS', version: '6.0.6' },
      entries: [{
        _id: 'abc', _order: 0, time: 812,
        request: { method: 'POST', url: 'https://api.anthropic.com/v1/messages', httpVersion: 'HTTP/1.1', headers: [{ name: 'x-api-key', value: 'sk-ant-fake' }, { name: 'accept', value: 'a' }, { name: 'accept', value: 'b' }], postData: { mimeType: 'application/json', text: '{"max_tokens":5}' } },
        response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], content: { mimeType: 'application/json', text: Buffer.from('{"ok":true}').toString('base64'), encoding: 'base64' } },
      }],
    },
  }, null, 2));
  assert.equal(c.format, 'har');
  assert.equal(c.formatVersion, 1.2);
  const i = c.interactions[0]!;
  assert.deepEqual(i.request.headers.accept, ['a', 'b']);
  assert.equal(i.request.body, '{"max_tokens":5}');
  assert.equal(text(i.response.body), '{"ok":true}');
  assert.equal(i.response.durationMs, 812);
});

test('a JSON document no format accepts is "not a cassette: found …"', () => {
  assert.throws(
    () => parseCassette('package.json', '{"name": "x", "version": "1.0.0"}'),
    (e: unknown) => e instanceof CassetteError && e.format() === 'package.json: not a cassette: found a JSON mapping with keys name, version',
  );
});

test('quoted scalars continued below their indentation, closing quote at column 0: read as PyYAML does', () => {
  // Expected values from /usr/bin/python3 yaml.load(…, Loader=yaml.CSafeLoader) on this text.
  const c = parseCassette('lenient.yaml', [
    'interactions:',
    '- request:',
    '    body: \'{"a":',
    '  "b"}\'',
    '    headers: {}',
    '    method: POST',
    '    uri: https://x.test/',
    '  response:',
    '    body:',
    '      string: "hello',
    'world',
    '"',
    '    headers: {}',
    '    status:',
    '      code: 200',
    '      message: OK',
    'version: 1',
    '',
  ].join('\n'));
  assert.equal(c.interactions[0]!.request.body, '{"a": "b"}');
  assert.equal(c.interactions[0]!.response.body, 'hello world ');
});
