// Analyzed cassettes → one HAR 1.2 log (https://w3c.github.io/web-performance/specs/HAR/Overview.html).
// Pure and deterministic: the same cassettes give the same HAR, so no clock is read here. The one
// HAR writer: `export --format har` (with each entry's `_llm` view) and `convert --to har` (without:
// a replay fixture as a browser or Playwright records it) both write through it.

import type { Cookie, Entry, Har, Header, Page, PostData, QueryString } from 'har-format';
import { headerValue, headerValues } from '../http/headers.ts';
import type { AnalyzedCassette, AnalyzedInteraction } from '../interpret/index.ts';
import type { Body, Headers, HttpRequest, HttpResponse } from '../model.ts';

/** Start of the synthetic clock when a cassette has no `Date` response header: 2000-01-01T00:00:00Z. */
export const BASE_TIME_MS = Date.UTC(2000, 0, 1);

/** HAR's content type when the recording has none (what Chrome and Playwright write). */
const UNKNOWN_MIME_TYPE = 'x-unknown';

function harHeaders(headers: Headers): Header[] {
  return Object.entries(headers).flatMap(([name, values]) => values.map((value) => ({ name, value })));
}

function bodySize(body: Body): number {
  return typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length;
}

/** A timestamp as HAR wants it, or undefined for what `Date` cannot represent. */
function isoTime(ms: number): string | undefined {
  const date = new Date(ms);
  return Number.isFinite(date.getTime()) ? date.toISOString() : undefined;
}

function queryString(url: string): QueryString[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/** `Cookie: a=1; b=2` → one cookie per pair. */
function requestCookies(headers: Headers): Cookie[] {
  return headerValues(headers, 'cookie').flatMap((line) =>
    line
      .split(';')
      .map((pair) => pair.trim())
      .filter(Boolean)
      .map((pair) => {
        const eq = pair.indexOf('=');
        return eq < 0 ? { name: pair, value: '' } : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
      }),
  );
}

/** One `Set-Cookie` value → a HAR cookie with the attributes HAR has fields for. */
export function responseCookie(line: string): Cookie {
  const [first = '', ...attributes] = line.split(';').map((part) => part.trim());
  const eq = first.indexOf('=');
  const cookie: Cookie = eq < 0 ? { name: first, value: '' } : { name: first.slice(0, eq), value: first.slice(eq + 1) };
  for (const attribute of attributes) {
    const [key = '', ...rest] = attribute.split('=');
    const value = rest.join('=');
    switch (key.trim().toLowerCase()) {
      case 'path':
        cookie.path = value;
        break;
      case 'domain':
        cookie.domain = value;
        break;
      case 'expires': {
        const expires = isoTime(Date.parse(value));
        if (expires) cookie.expires = expires;
        break;
      }
      case 'httponly':
        cookie.httpOnly = true;
        break;
      case 'secure':
        cookie.secure = true;
        break;
    }
  }
  return cookie;
}

function postData(request: HttpRequest): PostData | undefined {
  const mimeType = headerValue(request.headers, 'content-type') ?? UNKNOWN_MIME_TYPE;
  if (typeof request.body !== 'string') {
    // HAR 1.2 has no encoding for request bodies; `_encoding` says how to read `text` back.
    return { mimeType, text: Buffer.from(request.body).toString('base64'), _encoding: 'base64' } as PostData;
  }
  if (request.body !== '') return { mimeType, text: request.body };
  if (request.form) {
    const params = Object.entries(request.form).flatMap(([name, values]) => values.map((value) => ({ name, value })));
    return { mimeType, params };
  }
  return undefined;
}

function harRequest(request: HttpRequest): Entry['request'] {
  const data = postData(request);
  return {
    method: request.method,
    url: request.url,
    httpVersion: request.proto || 'HTTP/1.1',
    cookies: requestCookies(request.headers),
    headers: harHeaders(request.headers),
    queryString: queryString(request.url),
    ...(data ? { postData: data } : {}),
    headersSize: -1,
    bodySize: bodySize(request.body),
  };
}

function harContent(response: HttpResponse): Entry['response']['content'] {
  const mimeType = headerValue(response.headers, 'content-type') ?? UNKNOWN_MIME_TYPE;
  const size = bodySize(response.body);
  if (typeof response.body === 'string') return { size, mimeType, text: response.body };
  return { size, mimeType, text: Buffer.from(response.body).toString('base64'), encoding: 'base64' };
}

function harResponse(response: HttpResponse): Entry['response'] {
  return {
    status: response.status,
    // go-vcr records the status line ("200 OK"); HAR wants the reason phrase alone.
    statusText: response.statusText.replace(/^\d{3}\s*/, ''),
    httpVersion: response.proto || 'HTTP/1.1',
    cookies: headerValues(response.headers, 'set-cookie').map(responseCookie),
    headers: harHeaders(response.headers),
    content: harContent(response),
    redirectURL: headerValue(response.headers, 'location') ?? '',
    headersSize: -1,
    bodySize: bodySize(response.body),
  };
}

function recordedDate(response: HttpResponse): number | undefined {
  const date = headerValue(response.headers, 'date');
  const ms = date === undefined ? NaN : Date.parse(date);
  return isoTime(ms) ? ms : undefined;
}

/**
 * When each interaction started. A `Date` response header is the recorded time; interactions
 * without one follow the previous one after its duration. Before the first dated interaction the
 * clock runs backwards from it; a cassette without any `Date` starts at BASE_TIME_MS.
 */
export function startTimes(items: AnalyzedInteraction[]): number[] {
  const durations = items.map((item) => item.interaction.response.durationMs ?? 0);
  const dates = items.map((item) => recordedDate(item.interaction.response));
  const firstDated = dates.findIndex((date) => date !== undefined);
  let clock = firstDated < 0 ? BASE_TIME_MS : dates[firstDated]! - durations.slice(0, firstDated).reduce((a, b) => a + b, 0);
  return items.map((_, i) => {
    const start = dates[i] ?? clock;
    clock = start + durations[i]!;
    return start;
  });
}

export interface HarOptions {
  /** Add each entry's interpreted exchange as `_llm` (export: yes; convert: no). */
  llm: boolean;
}

const EXPORT_OPTIONS: HarOptions = { llm: true };

function harEntry(item: AnalyzedInteraction, start: number, pageref: string, options: HarOptions): Entry {
  const { request, response } = item.interaction;
  // go-vcr records one duration per round trip, not its phases: all of it is counted as `wait`.
  const time = response.durationMs ?? 0;
  return {
    pageref,
    startedDateTime: isoTime(start) ?? new Date(BASE_TIME_MS).toISOString(),
    time,
    request: harRequest(request),
    response: harResponse(response),
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    ...(options.llm ? { _llm: item.llm } : {}),
  };
}

const pageId = (i: number): string => `page_${i + 1}`;

function harPage(analyzed: AnalyzedCassette, i: number, starts: number[]): Page {
  return {
    startedDateTime: isoTime(starts[0] ?? BASE_TIME_MS) ?? new Date(BASE_TIME_MS).toISOString(),
    id: pageId(i),
    title: analyzed.cassette.file,
    pageTimings: {},
  };
}

/** The log with its pages and no entries yet. */
function harHead(cassettes: AnalyzedCassette[], starts: number[][], version: string): Har {
  const pages = cassettes.map((analyzed, i) => harPage(analyzed, i, starts[i]!));
  return { log: { version: '1.2', creator: { name: 'cassette', version }, pages, entries: [] } };
}

/** One HAR log for the given cassettes: one page per cassette (titled with its file), entries in order. */
export function harLog(cassettes: AnalyzedCassette[], version: string, options: HarOptions = EXPORT_OPTIONS): Har {
  const starts = cassettes.map((analyzed) => startTimes(analyzed.interactions));
  const har = harHead(cassettes, starts, version);
  cassettes.forEach((analyzed, i) => {
    analyzed.interactions.forEach((item, j) => har.log.entries.push(harEntry(item, starts[i]![j]!, pageId(i), options)));
  });
  return har;
}

/**
 * The same text as `${JSON.stringify(harLog(cassettes, version), null, 2)}\n`, in pieces: each
 * entry is built and stringified when its turn comes, so a 100 MB cassette is never one HAR string.
 */
export function* harJsonChunks(cassettes: AnalyzedCassette[], version: string, options: HarOptions = EXPORT_OPTIONS): Generator<string> {
  const starts = cassettes.map((analyzed) => startTimes(analyzed.interactions));
  const head = JSON.stringify(harHead(cassettes, starts, version), null, 2);
  if (cassettes.every((analyzed) => analyzed.interactions.length === 0)) {
    yield `${head}\n`;
    return;
  }
  // `entries` is the last key: the text ends with `[]`, then the ends of `log` and of the root.
  const tail = '\n  }\n}';
  yield `${head.slice(0, -(tail.length + 1))}\n`;
  let first = true;
  for (const [i, analyzed] of cassettes.entries()) {
    for (const [j, item] of analyzed.interactions.entries()) {
      // An entry sits 6 spaces deep; JSON.stringify writes line breaks only between tokens.
      const entry = JSON.stringify(harEntry(item, starts[i]![j]!, pageId(i), options), null, 2).replaceAll('\n', '\n      ');
      yield `${first ? '' : ',\n'}      ${entry}`;
      first = false;
    }
  }
  yield `\n    ]${tail}\n`;
}
