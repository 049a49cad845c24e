// go-vcr cassettes: version 1 (go-vcr 1.x/2.x: no id/proto) and version 2 (go-vcr v2–v4).
// go-vcr's Request/Response yaml tags are the schema: request{url, method, headers, body, form,
// content_length, host, proto}, response{status, code, headers, body, duration, content_length}.

import type { HttpRequest, HttpResponse } from '../model.ts';
import type { FormatModule, ParsedDocument } from './types.ts';
import { firstMap, isPlainMap, type PlainMap } from './shape.ts';
import { mapOfListsHeaders, readInteractions, toBody, toNumber } from './convert.ts';
import { parseGoDuration } from '../read/go-duration.ts';

function toRequest(value: PlainMap): HttpRequest {
  const request: HttpRequest = {
    method: String(value.method ?? 'GET').toUpperCase(),
    url: String(value.url ?? ''),
    headers: mapOfListsHeaders(value.headers),
    body: toBody(value.body),
  };
  if (isPlainMap(value.form) && Object.keys(value.form).length > 0) request.form = mapOfListsHeaders(value.form);
  const contentLength = toNumber(value.content_length);
  if (contentLength !== undefined) request.contentLength = contentLength;
  if (typeof value.host === 'string' && value.host) request.host = value.host;
  if (typeof value.proto === 'string') request.proto = value.proto;
  return request;
}

function toResponse(value: PlainMap): HttpResponse {
  const statusText = value.status === undefined || value.status === null ? '' : String(value.status);
  const status = toNumber(value.code) ?? toNumber(statusText.split(' ')[0]) ?? 0;
  const response: HttpResponse = {
    status,
    statusText: statusText || String(status),
    headers: mapOfListsHeaders(value.headers),
    body: toBody(value.body),
  };
  const durationMs = parseGoDuration(value.duration);
  if (durationMs !== undefined) response.durationMs = durationMs;
  const contentLength = toNumber(value.content_length);
  if (contentLength !== undefined) response.contentLength = contentLength;
  if (typeof value.proto === 'string') response.proto = value.proto;
  return response;
}

function readGoVcr(doc: ParsedDocument) {
  const value = doc.value as PlainMap;
  const interactions = readInteractions(doc, value.interactions, (request, response, item) => {
    const id = toNumber(item.id);
    return { ...(id === undefined ? {} : { id }), request: toRequest(request), response: toResponse(response) };
  });
  return { file: doc.file, format: 'go-vcr' as const, formatVersion: toNumber(value.version) ?? 1, interactions };
}

export const goVcr: FormatModule = {
  name: 'go-vcr',
  title: 'go-vcr',
  syntax: 'yaml',
  detect(value) {
    if (!isPlainMap(value) || !Array.isArray(value.interactions)) return false;
    const first = firstMap(value.interactions);
    // An empty cassette: go-vcr writes `version` first (vcrpy sorts keys, so its `version` is last).
    if (!first) return Object.keys(value)[0] === 'version' || value.version === 2;
    return isPlainMap(first.request) && 'url' in first.request && !('uri' in first.request);
  },
  version(value) {
    return isPlainMap(value) && typeof value.version === 'number' ? value.version : 1;
  },
  read: readGoVcr,
  sites: {
    interactions: ['interactions'],
    request: {
      root: ['request'],
      url: ['request', 'url'],
      host: ['request', 'host'],
      headers: [
        { path: ['request', 'headers'], shape: 'map-of-lists' },
        { path: ['request', 'trailer'], shape: 'map-of-lists' },
      ],
      bodies: [{ path: ['request', 'body'], encoding: 'text' }],
      form: ['request', 'form'],
      contentLength: [['request', 'content_length']],
    },
    response: {
      root: ['response'],
      headers: [
        { path: ['response', 'headers'], shape: 'map-of-lists' },
        { path: ['response', 'trailer'], shape: 'map-of-lists' },
      ],
      bodies: [{ path: ['response', 'body'], encoding: 'text' }],
      contentLength: [['response', 'content_length']],
    },
  },
};
