// Content-Encoding decoding: exact round trips per coding, stacked codings, raw deflate, gzip magic
// without a header, corrupt bodies reported as undecodable, and a real gzip body from the corpus
// checked against Python's gzip module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { decodeBody } from '../../src/decode/index.ts';
import { decodeContentEncoding, parseContentEncoding } from '../../src/decode/content-encoding.ts';

const text = JSON.stringify({ id: 'chatcmpl-1', choices: [{ message: { role: 'assistant', content: 'Héllo ✓' } }] });
const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
const decoded = (headers: Record<string, string[]>, body: Uint8Array | string) => {
  const result = decodeContentEncoding(headers, body);
  assert.equal(result.kind, 'decoded', JSON.stringify(result));
  return Buffer.from((result as { bytes: Uint8Array }).bytes).toString('utf8');
};

test('parseContentEncoding: order kept, identity and blanks dropped, lower-cased', () => {
  assert.deepEqual(parseContentEncoding('GZIP, identity, br'), ['gzip', 'br']);
  assert.deepEqual(parseContentEncoding(undefined), []);
});

test('round trips: gzip, x-gzip, deflate (zlib and raw), br', () => {
  assert.equal(decoded({ 'Content-Encoding': ['gzip'] }, zlib.gzipSync(bytes)), text);
  assert.equal(decoded({ 'content-encoding': ['x-gzip'] }, zlib.gzipSync(bytes)), text);
  assert.equal(decoded({ 'Content-Encoding': ['deflate'] }, zlib.deflateSync(bytes)), text);
  assert.equal(decoded({ 'Content-Encoding': ['deflate'] }, zlib.deflateRawSync(bytes)), text);
  assert.equal(decoded({ 'Content-Encoding': ['br'] }, zlib.brotliCompressSync(bytes)), text);
});

test('zstd round trip (frame from the zstd CLI when installed, else fzstd only decodes: skip)', (t) => {
  const cli = spawnSync('zstd', ['-c', '-q'], { input: bytes });
  if (cli.status !== 0) return t.skip('zstd CLI not installed (apt-get install -y zstd) to make a real zstd frame');
  assert.equal(decoded({ 'Content-Encoding': ['zstd'] }, new Uint8Array(cli.stdout)), text);
});

test('stacked codings are undone last-applied first: "gzip, br" = br(gzip(body))', () => {
  const stacked = zlib.brotliCompressSync(zlib.gzipSync(bytes));
  const result = decodeContentEncoding({ 'Content-Encoding': ['gzip, br'] }, stacked);
  assert.equal(result.kind, 'decoded');
  assert.deepEqual((result as { encodings: string[] }).encodings, ['gzip', 'br']);
  assert.equal(decoded({ 'Content-Encoding': ['gzip', 'br'] }, stacked), text);
});

test('a header-less gzip body is detected by its magic bytes and decoded to JSON', () => {
  const body = decodeBody({ 'Content-Type': ['application/json'] }, zlib.gzipSync(bytes));
  assert.equal(body.kind, 'json');
  assert.deepEqual((body as { value: unknown }).value, JSON.parse(text));
});

test('a corrupt gzip body is undecodable with a reason, never bytes', () => {
  const gz = zlib.gzipSync(bytes);
  const corrupt = gz.subarray(0, gz.length - 12); // truncated: no trailer
  const body = decodeBody({ 'Content-Encoding': ['gzip'], 'Content-Type': ['application/json'] }, corrupt);
  assert.equal(body.kind, 'undecodable');
  assert.deepEqual(body, { kind: 'undecodable', encoding: 'gzip', reason: 'unexpected end of file',
    byteLength: gz.length - 12, contentType: 'application/json' });
});

test('an unknown coding is undecodable and names it', () => {
  const result = decodeContentEncoding({ 'Content-Encoding': ['compress'] }, new Uint8Array([0x1f, 0x9d, 0x90, 0x7b]));
  assert.deepEqual(result, { kind: 'undecodable', encoding: 'compress', reason: 'unknown content coding "compress"' });
});

test('a text body under Content-Encoding: gzip is taken as already decoded', () => {
  assert.deepEqual(decodeContentEncoding({ 'Content-Encoding': ['gzip'] }, text), { kind: 'identity' });
  const body = decodeBody({ 'Content-Encoding': ['gzip'], 'Content-Type': ['application/json'] }, text);
  assert.equal(body.kind, 'json');
});

test('samples/vcrpy-gzip-json.yaml: the recorded !!binary gzip body decodes to the chat answer', () => {
  // The body is base64 in the sample; read it with a regex, not a reader, to stay independent of them.
  const yaml = readFileSync('samples/vcrpy-gzip-json.yaml', 'utf8');
  const b64 = /string: !!binary \|\n((?: {8}.*\n)+)/.exec(yaml)![1]!.replace(/\s+/g, '');
  const body = decodeBody({ 'Content-Encoding': ['gzip'], 'Content-Type': ['application/json'] }, Buffer.from(b64, 'base64'));
  assert.equal(body.kind, 'json');
  const value = (body as { value: { choices: { message: { content: string } }[] } }).value;
  assert.equal(value.choices[0]!.message.content, 'Hello! How can I help you today?');
});

const CORPUS = '../shared/corpus/simonw-llm/cassettes/test_openai_responses/test_responses_basic_non_streaming.yaml';
const PY = `
import base64, gzip, hashlib, sys, yaml
doc = yaml.load(open(sys.argv[1]), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
for i in doc["interactions"]:
    body = i["response"]["body"]["string"]
    if isinstance(body, bytes):
        out = gzip.decompress(body)
        print(base64.b64encode(body).decode(), hashlib.sha256(out).hexdigest(), len(out))
        break
`;

test('corpus: a simonw-llm gzip body decodes exactly as Python gzip does', (t) => {
  if (!existsSync(CORPUS)) return t.skip('../shared/corpus not present');
  const py = spawnSync('/usr/bin/python3', ['-c', PY, CORPUS], { encoding: 'utf8' });
  if (py.status !== 0) return t.skip(`/usr/bin/python3 with PyYAML unavailable: ${py.stderr.trim()}`);
  const [b64, sha, length] = py.stdout.trim().split(' ');
  const result = decodeContentEncoding({ 'Content-Encoding': ['gzip'] }, new Uint8Array(Buffer.from(b64!, 'base64')));
  assert.equal(result.kind, 'decoded');
  const out = (result as { bytes: Uint8Array }).bytes;
  assert.equal(out.length, Number(length));
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  assert.equal(createHash('sha256').update(out).digest('hex'), sha);
});
