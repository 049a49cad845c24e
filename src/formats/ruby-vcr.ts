// Ruby VCR cassettes (ruby-openai, ruby_llm …), YAML (Psych) and the JSON serializer:
// http_interactions[{request{method, uri, body{encoding, string | base64_string}, headers},
// response{status{code, message}, headers, body, http_version}, recorded_at}], recorded_with.

import type { Body, Cassette, HttpRequest, HttpResponse } from '../model.ts';
import type { FormatModule, ParsedDocument } from './types.ts';
import { isPlainMap, type PlainMap } from './shape.ts';
import { base64Bytes, mapOfListsHeaders, readInteractions, scalarText, statusFields, toBody } from './convert.ts';

export const rubyVcr: FormatModule = {
  name: 'ruby-vcr',
  title: 'Ruby VCR (YAML)',
  syntax: 'yaml',
  detect: (value) => isPlainMap(value) && Array.isArray(value.http_interactions),
  version: () => 1,
  read: (doc) => readRubyVcr(doc, 'ruby-vcr'),
  sites: {
    interactions: ['http_interactions'],
    request: {
      root: ['request'],
      url: ['request', 'uri'],
      headers: [{ path: ['request', 'headers'], shape: 'map-of-lists' }],
      bodies: [
        { path: ['request', 'body', 'string'], encoding: 'text' },
        { path: ['request', 'body', 'base64_string'], encoding: 'base64' },
        // Old VCR: the body text itself under `body` (rubyBody).
        { path: ['request', 'body'], encoding: 'text' },
      ],
    },
    response: {
      root: ['response'],
      headers: [{ path: ['response', 'headers'], shape: 'map-of-lists' }],
      bodies: [
        { path: ['response', 'body', 'string'], encoding: 'text' },
        { path: ['response', 'body', 'base64_string'], encoding: 'base64' },
        // Old VCR: the body text itself under `body` (rubyBody).
        { path: ['response', 'body'], encoding: 'text' },
      ],
    },
  },
};

export const rubyVcrJson: FormatModule = {
  ...rubyVcr,
  name: 'ruby-vcr-json',
  title: 'Ruby VCR (JSON)',
  syntax: 'json',
  read: (doc) => readRubyVcr(doc, 'ruby-vcr-json'),
};

/** body{encoding, string | base64_string}, or a bare string (old VCR); `!binary` strings are bytes already. */
function rubyBody(body: unknown): Body {
  if (!isPlainMap(body)) return toBody(body);
  if (typeof body.base64_string === 'string') return base64Bytes(body.base64_string);
  return toBody(body.string);
}

function readRubyVcr(doc: ParsedDocument, name: 'ruby-vcr' | 'ruby-vcr-json'): Cassette {
  const value = doc.value as PlainMap;
  const interactions = readInteractions(doc, value.http_interactions, (req, res) => {
    const request: HttpRequest = {
      method: scalarText(req.method ?? 'get').toUpperCase(),
      url: scalarText(req.uri),
      headers: mapOfListsHeaders(req.headers),
      body: rubyBody(req.body),
    };
    const status = isPlainMap(res.status) ? res.status : { code: res.status };
    const response: HttpResponse = {
      ...statusFields(status.code, status.message),
      headers: mapOfListsHeaders(res.headers),
      body: rubyBody(res.body),
    };
    if (res.http_version !== null && res.http_version !== undefined && res.http_version !== '') response.proto = scalarText(res.http_version);
    return { request, response };
  });
  return { file: doc.file, format: name, formatVersion: 1, interactions };
}
