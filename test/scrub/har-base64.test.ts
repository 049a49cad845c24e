// HAR bodies stored as base64 (`content.encoding: base64`) and Polly's Content-Encoded chunk arrays
// (a JSON list of base64 chunks, as @pollyjs/adapter-node-http 6 writes them): read as the bytes
// they hold, and scrub finds the secrets inside instead of scanning base64 text.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, test } from 'node:test';
import { runCli } from '../helpers/cli.ts';
import { readCassette } from '../../src/read/read-cassette.ts';

const scratch = mkdtempSync(join(tmpdir(), 'cassette-har-b64-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const KEY = `sk-proj-${'Fake0Key1Only2For3Tests4'.repeat(2)}`;
const body = JSON.stringify({ object: 'list', data: [], note: KEY });

function har(content: Record<string, unknown>, encoding?: string): string {
  const headers = [{ name: 'content-type', value: 'application/json' }, ...(encoding ? [{ name: 'content-encoding', value: encoding }] : [])];
  const entry = {
    _id: 'a3c1d6f0e2b4', _order: 0, startedDateTime: '2026-12-02T10:00:00.000Z', time: 12,
    request: { method: 'GET', url: 'https://api.openai.com/v1/files', httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers, cookies: [], content: { mimeType: 'application/json', ...content }, redirectURL: '', headersSize: -1, bodySize: -1 },
    cache: {}, timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: 12, receive: 0, ssl: -1 },
  };
  return `${JSON.stringify({ log: { version: '1.2', creator: { name: 'Polly.JS', version: '6.0.6' }, entries: [entry] } }, null, 2)}\n`;
}

function write(name: string, text: string): string {
  const file = join(scratch, name);
  writeFileSync(file, text);
  return file;
}

const gz = gzipSync(Buffer.from(body));
const chunked = har({ size: body.length, encoding: 'base64', text: JSON.stringify([gz.subarray(0, 16), gz.subarray(16)].map((c) => c.toString('base64'))) }, 'gzip');
const base64 = har({ size: body.length, encoding: 'base64', text: Buffer.from(body).toString('base64') });

test('Polly chunk arrays are joined and decoded: the body is the JSON the server sent', async () => {
  const cassette = await readCassette(write('chunked.har', chunked));
  assert.deepEqual(Buffer.from(cassette.interactions[0]!.response.body as Uint8Array), gz);
  const shown = await runCli(['show', '--json', join(scratch, 'chunked.har')]);
  assert.deepEqual(JSON.parse(shown.stdout).interactions[0].response.body, JSON.parse(body));
});

test('a key inside a base64 HAR body is found and scrubbed in the base64, the rest of the file kept', async () => {
  const file = write('base64.har', base64);
  const check = await runCli(['scrub', '--check', file]);
  assert.equal(check.code, 1);
  assert.equal(check.stdout, `${file}:39:21 openai-key sk-p… log.entries[0].response.content.text\n`);
  assert.equal(check.stdout.includes(KEY) || check.stderr.includes(KEY), false);
  assert.equal((await runCli(['scrub', file])).code, 0);
  const after = readFileSync(file, 'utf8');
  const { content } = JSON.parse(after).log.entries[0].response;
  assert.deepEqual(JSON.parse(Buffer.from(content.text, 'base64').toString()), { object: 'list', data: [], note: 'REDACTED' });
  // content.size (the decoded body's length, true before) stays true.
  assert.equal(content.size, Buffer.from(content.text, 'base64').length);
  // Only those two lines changed.
  const changed = after.split('\n').filter((line, i) => line !== base64.split('\n')[i]);
  assert.deepEqual(changed.map((l) => l.trim().split(':')[0]), ['"size"', '"text"']);
  assert.equal((await runCli(['scrub', '--check', file])).code, 0);
});

test('a key inside gzip chunks is reported where it is and left as recorded (exit 1)', async () => {
  const file = write('chunked-fix.har', chunked);
  const result = await runCli(['scrub', file]);
  assert.equal(result.code, 1);
  assert.equal(result.stdout, `${file}:43:21 openai-key sk-p… log.entries[0].response.content.text\n`);
  assert.match(result.stderr, /1 secret inside compressed bodies left as recorded/);
  assert.equal(readFileSync(file, 'utf8'), chunked);
});

test("Cloudflare's bot cookies in a HAR cookies list are no credential, as in their Set-Cookie header; a session cookie is", async () => {
  const doc = JSON.parse(base64) as { log: { entries: { response: { cookies: unknown[] } }[] } };
  doc.log.entries[0]!.response.cookies = [
    { name: '__cf_bm', value: 'Zm9vYmFyYmF6cXV4LmNsb3VkZmxhcmUuYm90', path: '/', httpOnly: true },
    { name: '_cfuvid', value: 'abcdEFGH1234.5678-1764000000000-0.0.1.1', path: '/' },
    { name: 'session_id', value: 's3ss10n-v4lue-0nly-f0r-tests', path: '/' },
  ];
  const file = write('cookies.har', JSON.stringify(doc, null, 2));
  const check = await runCli(['scrub', '--check', file]);
  const rules = check.stdout.trim().split('\n').map((line) => line.split(' ').slice(1, 2).concat(line.split(' ').slice(-1)).join(' '));
  assert.deepEqual(rules, ['cookie-header log.entries[0].response.cookies[2].session_id', 'openai-key log.entries[0].response.content.text']);
});
