// HAR 1.2 (browser devtools, Playwright recordHar, Polly.js recording.har): log.entries[{request{
// method, url, headers[{name, value}], queryString, cookies, postData{mimeType, text}}, response{
// status, statusText, headers, cookies, content{size, mimeType, text, encoding}}, time}]. Playwright
// may keep a body in a file beside the HAR instead, named by `_file` in postData or content.

import type { Body, Cassette, HttpRequest, HttpResponse } from '../model.ts';
import type { AttachedBody, FormatModule, ParsedDocument } from './types.ts';
import { isPlainMap, type PlainMap } from './shape.ts';
import { base64Bytes, nameValueHeaders, readInteractions, scalarText, statusFields } from './convert.ts';

/**
 * Polly's node-http adapter stores a Content-Encoded body as a JSON array of base64 chunks, one per
 * chunk received (`getBodyFromChunks` in @pollyjs/adapter-node-http 6), under `encoding: base64`.
 * Base64 never starts with `[`, so the two cannot be confused. The bytes, joined; else undefined.
 */
export function pollyChunks(text: string): Uint8Array | undefined {
  if (!text.trimStart().startsWith('[')) return undefined;
  try {
    const chunks: unknown = JSON.parse(text);
    if (Array.isArray(chunks) && chunks.every((c) => typeof c === 'string')) return new Uint8Array(Buffer.concat(chunks.map((c: string) => Buffer.from(c, 'base64'))));
  } catch {
    // Not a chunk list: read as base64.
  }
  return undefined;
}

/** content{text, encoding}: base64 (or Polly's base64 chunks) when `encoding` says so; no text is an empty body. */
function harContent(content: unknown): Body {
  if (!isPlainMap(content) || content.text === undefined || content.text === null) return '';
  const text = scalarText(content.text);
  return content.encoding === 'base64' ? (pollyChunks(text) ?? base64Bytes(text)) : text;
}

/** postData{text}: HAR 1.2 has no encoding for request bodies; cassette's HAR writer marks base64 bytes with `_encoding`. */
function postDataBody(postData: PlainMap): Body {
  if (postData._encoding === 'base64' && typeof postData.text === 'string') return base64Bytes(postData.text);
  return harContent(postData);
}

/**
 * Playwright's `_file` (recordHar `content: 'attach'`, routeFromHAR's `update`): the body's file
 * beside the HAR, when the entry holds no text of its own (Playwright writes `text: ""` beside it).
 */
function attachedFile(map: unknown): string | undefined {
  if (!isPlainMap(map) || typeof map._file !== 'string' || map._file === '') return undefined;
  return typeof map.text === 'string' && map.text !== '' ? undefined : map._file;
}

function attachedBodies(value: unknown): AttachedBody[] {
  const entries = isPlainMap(value) && isPlainMap(value.log) && Array.isArray(value.log.entries) ? value.log.entries : [];
  return entries.flatMap((entry: unknown, interaction: number) => {
    if (!isPlainMap(entry)) return [];
    const found: AttachedBody[] = [];
    for (const [side, map] of [['request', isPlainMap(entry.request) ? entry.request.postData : undefined], ['response', isPlainMap(entry.response) ? entry.response.content : undefined]] as const) {
      const name = attachedFile(map);
      if (name === undefined) continue;
      const mediaType = isPlainMap(map) && typeof map.mimeType === 'string' ? map.mimeType : '';
      found.push({ interaction, side, name, mediaType, path: `log.entries[${interaction}].${side === 'request' ? 'request.postData' : 'response.content'}._file` });
    }
    return found;
  });
}

function readHar(doc: ParsedDocument): Cassette {
  const log = (doc.value as PlainMap).log as PlainMap;
  const interactions = readInteractions(doc, log.entries, (req, res, entry) => {
    const request: HttpRequest = {
      method: scalarText(req.method ?? 'GET').toUpperCase(),
      url: scalarText(req.url),
      headers: nameValueHeaders(req.headers),
      body: isPlainMap(req.postData) ? postDataBody(req.postData) : '',
    };
    const requestFile = attachedFile(req.postData);
    if (requestFile !== undefined) request.bodyFile = requestFile;
    if (typeof req.httpVersion === 'string' && req.httpVersion) request.proto = req.httpVersion;
    const response: HttpResponse = {
      ...statusFields(res.status, res.statusText),
      headers: nameValueHeaders(res.headers),
      body: harContent(res.content),
    };
    const responseFile = attachedFile(res.content);
    if (responseFile !== undefined) response.bodyFile = responseFile;
    if (typeof res.httpVersion === 'string' && res.httpVersion) response.proto = res.httpVersion;
    const time = entry.time;
    if (typeof time === 'number' && Number.isFinite(time) && time >= 0) response.durationMs = time;
    return { request, response };
  });
  return { file: doc.file, format: 'har', formatVersion: har.version(doc.value), interactions };
}

export const har: FormatModule = {
  name: 'har',
  title: 'HAR 1.2',
  syntax: 'json',
  detect: (value) => isPlainMap(value) && isPlainMap(value.log) && Array.isArray(value.log.entries),
  version(value) {
    const v = isPlainMap(value) && isPlainMap(value.log) ? Number(value.log.version) : NaN;
    return Number.isFinite(v) ? v : 1.2;
  },
  read: readHar,
  attachedBodies,
  sites: {
    interactions: ['log', 'entries'],
    request: {
      root: ['request'],
      url: ['request', 'url'],
      headers: [{ path: ['request', 'headers'], shape: 'name-value-list' }],
      query: ['request', 'queryString'],
      params: ['request', 'postData', 'params'],
      cookies: ['request', 'cookies'],
      // Base64 by cassette's own HAR writer's `_encoding`, or by `encoding` as in a response (postDataBody).
      bodies: [
        { path: ['request', 'postData', 'text'], encoding: 'text', base64When: { key: '_encoding', equals: 'base64' }, mediaType: 'mimeType' },
        { path: ['request', 'postData', 'text'], encoding: 'text', base64When: { key: 'encoding', equals: 'base64' }, mediaType: 'mimeType' },
      ],
      contentLength: [['request', 'bodySize']],
    },
    response: {
      root: ['response'],
      url: ['response', 'redirectURL'],
      headers: [{ path: ['response', 'headers'], shape: 'name-value-list' }],
      cookies: ['response', 'cookies'],
      bodies: [{ path: ['response', 'content', 'text'], encoding: 'text', base64When: { key: 'encoding', equals: 'base64' }, mediaType: 'mimeType' }],
      contentLength: [['response', 'bodySize'], ['response', 'content', 'size']],
    },
  },
};
