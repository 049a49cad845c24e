// Polly.js recordings as @pollyjs/persister-fs 6 writes them: `<recordingsDir>/<recording id>/recording.har`,
// a HAR whose keys are sorted (the persister stringifies with fast-json-stable-stringify), creator
// "Polly.JS", and per entry `_id` — md5 of the stable JSON of the request's identifiers, as
// @pollyjs/core's Request#_identify computes it — and `_order` (earlier entries with the same id).
// Header names are lower case (Polly's HTTPHeaders), content-encoded bodies a JSON list of base64
// chunks (adapter-node-http), other bytes base64.

import { createHash } from 'node:crypto';
import { headerValue } from '../http/headers.ts';
import type { AnalyzedCassette } from '../interpret/index.ts';
import type { Body, Headers } from '../model.ts';
import { responseCookie, startTimes } from '../present/har.ts';
import type { ConvertOptions, ConvertTarget } from './types.ts';

/** The @pollyjs/core version whose layout is written (creator.version). */
export const POLLY_VERSION = '6.0.6';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };

/** fast-json-stable-stringify: keys sorted, no spaces, undefined members left out. */
export function stableStringify(value: Json | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => stableStringify(item) ?? 'null').join(',')}]`;
  const members = Object.keys(value)
    .sort()
    .flatMap((key) => {
      const text = stableStringify(value[key]);
      return text === undefined ? [] : [`${JSON.stringify(key)}:${text}`];
    });
  return `{${members.join(',')}}`;
}

/** Keys sorted at every level, as the fs persister writes them. */
function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = sortDeep(item);
  }
  return out;
}

/** FNV-1a, 32 bits, over the UTF-8 bytes (@sindresorhus/fnv1a 2, which Polly uses). */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 16777619) >>> 0;
  return hash;
}

/** @pollyjs/core guidFor: the name made a slug (non-word characters to single dashes), `_`, its hash. */
function guidFor(name: string): string {
  const hash = String(fnv1a32(name));
  const slug = name.replace(/\W/g, '-').replace(/-+/g, ' ').trim().replace(/\s+/g, '-');
  return `${slug.slice(0, 100 - hash.length - 1)}_${hash}`;
}

/** The recording's folder below recordingsDir: each `/`-separated part of the name as its guid. */
export function recordingId(name: string): string {
  return name.split('/').map(guidFor).join('/');
}

/**
 * The request URL as Polly's `url` normalizer leaves it with the default matchRequestsBy.url: the
 * hash dropped and the query parameters sorted by name (qs: RFC 3986 encoding, `a` for a name
 * without value). Repeated or bracketed parameters are kept in their order.
 */
export function normalizedUrl(url: string): string {
  const hashAt = url.indexOf('#');
  const noHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const q = noHash.indexOf('?');
  if (q < 0) return noHash;
  const pairs = noHash
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=');
      const decode = (s: string) => {
        try {
          return decodeURIComponent(s.replace(/\+/g, ' '));
        } catch {
          return s;
        }
      };
      return eq < 0 ? { name: decode(part), value: null } : { name: decode(part.slice(0, eq)), value: decode(part.slice(eq + 1)) };
    });
  const names = pairs.map((p) => p.name);
  const simple = names.every((n, i) => !/[[\]]/.test(n) && names.indexOf(n) === i);
  const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const sorted = simple ? [...pairs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : pairs;
  const query = sorted.map((p) => (p.value === null ? encode(p.name) : `${encode(p.name)}=${encode(p.value)}`)).join('&');
  return `${noHash.slice(0, q)}${query ? `?${query}` : ''}`;
}

/**
 * The request body as adapter-node-http hands it to Polly: text when the bytes survive a UTF-8 round
 * trip (isUtf8Representable), else the Buffer itself — whose JSON, `{type: "Buffer", data}`, is what
 * goes into `_id`, and which the HAR entry leaves out (postData without text).
 */
function requestBody(body: Body): string | { type: 'Buffer'; data: number[] } {
  if (typeof body === 'string') return body;
  const buffer = Buffer.from(body);
  const text = buffer.toString('utf8');
  return Buffer.from(text, 'utf8').equals(buffer) ? text : { type: 'Buffer', data: [...buffer] };
}

/** Header names in lower case, as Polly's HTTPHeaders holds them; a repeated header is a list. */
function pollyHeaders(headers: Headers): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(headers)) {
    const key = name.toLowerCase();
    const all = [...(typeof out[key] === 'string' ? [out[key] as string] : ((out[key] as string[] | undefined) ?? [])), ...values];
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

function nvPairs(headers: Record<string, string | string[]>): { name: string; value: string; _fromType?: 'array' }[] {
  return Object.entries(headers).flatMap(([name, value]) =>
    Array.isArray(value) ? value.map((v) => ({ name, value: v, _fromType: 'array' as const })) : [{ name, value }],
  );
}

/** The identifiers Polly hashes into `_id` (matchRequestsBy defaults, headers only when asked). */
export function pollyRequestId(request: { method: string; url: string; headers: Headers; body: Body }, matchHeaders: boolean): string {
  const body = requestBody(request.body);
  const identifiers: Json = {
    method: request.method.toUpperCase(),
    ...(matchHeaders ? { headers: pollyHeaders(request.headers) } : {}),
    ...(body ? { body } : {}),
    url: normalizedUrl(request.url),
  };
  return createHash('md5').update(stableStringify(identifiers)!, 'utf8').digest('hex');
}

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

function firstHeader(headers: Record<string, string | string[]>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function queryPairs(url: string): { name: string; value: string }[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/** The content of a response: text, base64 bytes, or (Content-Encoding set) a JSON list of base64 chunks. */
function content(body: Body, headers: Record<string, string | string[]>): { text?: string; encoding?: string } {
  if (body.length === 0) return {};
  if (firstHeader(headers, 'content-encoding')) {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
    return { text: JSON.stringify([bytes.toString('base64')]), encoding: 'base64' };
  }
  if (typeof body !== 'string') return { text: Buffer.from(body).toString('base64'), encoding: 'base64' };
  return { text: body };
}

function reasonPhrase(statusText: string, status: number): string {
  return statusText.startsWith(String(status)) ? statusText.slice(String(status).length).trim() : statusText;
}

function pollyLog(analyzed: AnalyzedCassette, options: ConvertOptions, name: string): unknown {
  // The persister sorts entries by start time: starts never go back, so the recorded order stays.
  const starts = startTimes(analyzed.interactions);
  for (let i = 1; i < starts.length; i++) starts[i] = Math.max(starts[i]!, starts[i - 1]!);
  const seen = new Map<string, number>();
  const entries = analyzed.interactions.map(({ interaction }, i) => {
    const { request, response } = interaction;
    const _id = pollyRequestId(request, options.pollyMatchHeaders ?? false);
    const _order = seen.get(_id) ?? 0;
    seen.set(_id, _order + 1);
    const reqHeaders = pollyHeaders(request.headers);
    const reqPairs = nvPairs(reqHeaders);
    const reqBody = requestBody(request.body);
    const reqText = typeof reqBody === 'string' ? reqBody : undefined;
    const reqLength = firstHeader(reqHeaders, 'content-length');
    const resHeaders = pollyHeaders(response.headers);
    const resPairs = nvPairs(resHeaders);
    const resContent = content(response.body, resHeaders);
    const resLength = firstHeader(resHeaders, 'content-length');
    const size = resLength && /^\d+$/.test(resLength.trim()) ? Number.parseInt(resLength, 10) : resContent.text ? byteLength(resContent.text) : 0;
    const wait = response.durationMs ?? 0;
    const setCookie = resHeaders['set-cookie'];
    return {
      _id,
      _order,
      cache: {},
      request: {
        bodySize: reqLength && /^\d+$/.test(reqLength.trim()) ? Number.parseInt(reqLength, 10) : reqText ? byteLength(reqText) : 0,
        cookies: [],
        headers: reqPairs,
        headersSize: byteLength(request.method + request.url + reqPairs.map((p) => p.name).join() + reqPairs.map((p) => p.value).join()) + reqPairs.length * 2 + 16,
        httpVersion: 'HTTP/1.1',
        method: request.method.toUpperCase(),
        ...(reqBody ? { postData: { mimeType: firstHeader(reqHeaders, 'content-type') ?? 'text/plain', params: [], text: reqText } } : {}),
        queryString: queryPairs(request.url),
        url: request.url,
      },
      response: {
        bodySize: size,
        content: { mimeType: firstHeader(resHeaders, 'content-type') ?? 'text/plain', size, ...resContent },
        cookies: (setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie]).map(responseCookie),
        headers: resPairs,
        headersSize: byteLength(resPairs.map((p) => p.name).join() + resPairs.map((p) => p.value).join()) + resPairs.length * 2 + 4,
        httpVersion: 'HTTP/1.1',
        redirectURL: headerValue(response.headers, 'location') ?? '',
        status: response.status,
        statusText: reasonPhrase(response.statusText, response.status),
      },
      startedDateTime: new Date(starts[i]!).toISOString(),
      time: wait,
      timings: { blocked: -1, connect: -1, dns: -1, receive: 0, send: 0, ssl: -1, wait },
    };
  });
  return {
    log: {
      _recordingName: name,
      creator: { comment: 'persister:fs', name: 'Polly.JS', version: POLLY_VERSION },
      entries,
      pages: [],
      version: '1.2',
    },
  };
}

export const polly: ConvertTarget = {
  name: 'polly',
  title: 'Polly.js (fs persister recording.har)',
  extension: '.har',
  readsAs: 'har',
  cannotHold: ['ids', 'header-case', 'http-version', 'go-vcr-fields', 'binary-request-bodies'],
  write(analyzed, options) {
    const name = options.recordingName ?? analyzed.cassette.file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
    return `${JSON.stringify(sortDeep(pollyLog(analyzed, options, name)), null, 2)}\n`;
  },
  layout: (_base, options) => `${recordingId(options.recordingName ?? 'recording')}/recording.har`,
};
