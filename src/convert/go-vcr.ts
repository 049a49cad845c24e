// go-vcr cassettes. `go-vcr`: format version 2 as go-vcr v2–v4 record it (the key order of
// cassette.Request/Response: id, proto…, body, form, headers, url, method; status, code, duration).
// `go-vcr-v1`: go-vcr 1.x (request{body, form, headers, url, method}, response{body, headers, status,
// code, duration}), which records no duration (an empty string; on replay it would sleep that long).

import { headerValue } from '../http/headers.ts';
import type { AnalyzedCassette } from '../interpret/index.ts';
import type { Headers, HttpRequest, HttpResponse, Interaction } from '../model.ts';
import { formatGoDuration } from './go-duration.ts';
import { goSortKeys, goYamlDialect } from './go-yaml.ts';
import type { ConvertTarget } from './types.ts';
import { map, writeYaml, type YamlEntries, type YamlValue } from './yaml-writer.ts';
import { bodyByteLength } from '../http/body-length.ts';

function headerMap(headers: Headers | undefined): YamlEntries {
  const h = headers ?? {};
  return map(goSortKeys(Object.keys(h)).map((name) => [name, [...h[name]!]]));
}

/** "HTTP/1.1" → [1, 1]; "HTTP/2.0" → [2, 0]. */
function protoVersion(proto: string): [number, number] {
  const m = /^HTTP\/(\d+)(?:\.(\d+))?$/i.exec(proto);
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : [1, 1];
}

/** The status line go-vcr records: "200 OK" (Go's resp.Status). */
function statusLine(response: HttpResponse): string {
  const text = response.statusText.trim();
  return /^\d{3}\b/.test(text) ? text : `${response.status}${text ? ` ${text}` : ''}`;
}

function responseLength(response: HttpResponse): number {
  if (response.contentLength !== undefined) return response.contentLength;
  const header = headerValue(response.headers, 'content-length');
  return header !== undefined && /^\d+$/.test(header.trim()) ? Number(header) : -1;
}

function v2Request(request: HttpRequest): YamlEntries {
  const proto = request.proto || 'HTTP/1.1';
  const [major, minor] = protoVersion(proto);
  const entries: [string, YamlValue][] = [
    ['proto', proto],
    ['proto_major', major],
    ['proto_minor', minor],
    ['content_length', request.contentLength ?? bodyByteLength(request.body)],
    ['host', request.host ?? ''],
    ['body', request.body],
  ];
  if (request.form && Object.keys(request.form).length > 0) entries.push(['form', headerMap(request.form)]);
  entries.push(['headers', headerMap(request.headers)], ['url', request.url], ['method', request.method]);
  return map(entries);
}

function v2Response(response: HttpResponse): YamlEntries {
  const proto = response.proto || 'HTTP/1.1';
  const [major, minor] = protoVersion(proto);
  return map([
    ['proto', proto],
    ['proto_major', major],
    ['proto_minor', minor],
    ['content_length', responseLength(response)],
    ['body', response.body],
    ['headers', headerMap(response.headers)],
    ['status', statusLine(response)],
    ['code', response.status],
    ['duration', formatGoDuration(response.durationMs ?? 0)],
  ]);
}

function v2Interaction(interaction: Interaction): YamlEntries {
  return map([
    ['id', interaction.id ?? interaction.index],
    ['request', v2Request(interaction.request)],
    ['response', v2Response(interaction.response)],
  ]);
}

function v1Interaction({ request, response }: Interaction): YamlEntries {
  return map([
    ['request', map([['body', request.body], ['form', headerMap(request.form)], ['headers', headerMap(request.headers)], ['url', request.url], ['method', request.method]])],
    ['response', map([['body', response.body], ['headers', headerMap(response.headers)], ['status', statusLine(response)], ['code', response.status], ['duration', '']])],
  ]);
}

// go-vcr v4 writes with yaml.v3 (no line folding); go-vcr 1.x with yaml.v2 (folds at 80 columns).
export const goVcrV2: ConvertTarget = {
  name: 'go-vcr',
  title: 'go-vcr v2–v4 (cassette format 2)',
  extension: '.yaml',
  readsAs: 'go-vcr',
  cannotHold: [],
  write: ({ cassette }: AnalyzedCassette) =>
    writeYaml(map([['version', 2], ['interactions', cassette.interactions.map(v2Interaction)]]), goYamlDialect(0)),
};

export const goVcrV1: ConvertTarget = {
  name: 'go-vcr-v1',
  title: 'go-vcr 1.x (cassette format 1)',
  extension: '.yaml',
  readsAs: 'go-vcr',
  cannotHold: ['durations', 'ids', 'http-version', 'go-vcr-fields'],
  write: ({ cassette }: AnalyzedCassette) =>
    writeYaml(map([['version', 1], ['interactions', cassette.interactions.map(v1Interaction)]]), goYamlDialect(80)),
};
