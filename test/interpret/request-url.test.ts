// parseRequestUrl's fast path against the WHATWG parser: whenever it answers, it must answer what
// `new URL` gives; and it must take the fast path for the plain URLs recordings are made of.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseRequestUrl, plainRequestUrl } from '../../src/interpret/request-url.ts';
import { corpusFiles, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';

function viaUrl(url: string): { host: string; pathname: string } | undefined {
  try {
    const parsed = new URL(url);
    return { host: parsed.host, pathname: parsed.pathname };
  } catch {
    return undefined;
  }
}

test('plain URLs are read from the text; the answer is what new URL gives', () => {
  assert.deepEqual(plainRequestUrl('https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse'), {
    host: 'generativelanguage.googleapis.com',
    pathname: '/v1beta/models/gemini-2.5-flash:streamGenerateContent',
  });
  assert.deepEqual(parseRequestUrl('https://api.openai.com/v1/chat/completions'), { host: 'api.openai.com', pathname: '/v1/chat/completions' });
  assert.deepEqual(parseRequestUrl('http://localhost:8080/v1/chat/completions?x=1#y'), { host: 'localhost:8080', pathname: '/v1/chat/completions' });
  assert.deepEqual(parseRequestUrl('https://h.example'), { host: 'h.example', pathname: '/' });
  assert.equal(parseRequestUrl('not a url'), undefined);
  assert.equal(parseRequestUrl('https://h.example:99999/'), undefined);
});

test('what the WHATWG parser rewrites goes through it', () => {
  const cases: [string, string, string][] = [
    ['https://API.Example.com/v1', 'api.example.com', '/v1'],
    ['https://h.example:443/v1', 'h.example', '/v1'],
    ['http://h.example:0080/v1', 'h.example', '/v1'],
    ['https://h.example/a/./b/../c', 'h.example', '/a/c'],
    ['https://h.example/a/%2E%2e/c', 'h.example', '/c'],
    ['https://127.1/v1', '127.0.0.1', '/v1'],
    ['https://0x7f.0.0.1/v1', '127.0.0.1', '/v1'],
    ['https://user:pw@h.example/v1', 'h.example', '/v1'],
    ['https://h.example/a b', 'h.example', '/a%20b'],
    [' https://h.example/v1\n', 'h.example', '/v1'],
    ['https://h.example/a\\b', 'h.example', '/a/b'],
    ['https://bücher.example/', 'xn--bcher-kva.example', '/'],
  ];
  for (const [url, host, pathname] of cases) {
    assert.equal(plainRequestUrl(url), undefined, url);
    assert.deepEqual(parseRequestUrl(url), { host, pathname }, url);
  }
});

test('agrees with new URL on generated URLs and URL-like soup (property)', () => {
  let fast = 0;
  const check = (url: string) => {
    const plain = plainRequestUrl(url);
    if (plain) fast++;
    assert.deepEqual(plain ?? viaUrl(url), viaUrl(url), url);
    assert.deepEqual(parseRequestUrl(url), viaUrl(url), url);
  };
  fc.assert(fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), check), { numRuns: 2000 });
  const part = fc.constantFrom('https://', 'http://', 'h', 'H', '.', '-', 'xn--', '0x', '1', ':', '443', '80', '0', '/', '.', '..', '%2e', '?', '#', '@', ' ', '\t', 'é', '\\', 'a', '[', ']');
  fc.assert(fc.property(fc.array(part, { maxLength: 12 }), (parts) => check(parts.join(''))), { numRuns: 5000 });
  assert.ok(fast > 500, `only ${fast} generated URLs took the fast path`);
});

test('every corpus request URL: the same answer as new URL, nearly all by the fast path', { skip: SKIP_WITHOUT_CORPUS }, (t) => {
  const urls = corpusFiles().flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^ {4}url: (\S+)$/gm)].map((m) => m[1]!));
  assert.ok(urls.length > 1000);
  for (const url of urls) assert.deepEqual(parseRequestUrl(url), viaUrl(url), url);
  const plain = urls.filter((url) => plainRequestUrl(url)).length;
  t.diagnostic(`${urls.length} URLs, ${plain} by the fast path`);
  assert.equal(plain, urls.length);
});
