// go-vcr cassettes (versions 1 and 2; go-vcr v2–v4 write version 2), from a parsed YAML value.
// The yaml tags of go-vcr's Request/Response structs are the schema.

import type { Body, Cassette, Headers, HttpRequest, HttpResponse, Interaction } from '../model.ts';
import { CassetteError } from '../errors.ts';
import { parseGoDuration } from './go-duration.ts';

type YamlMap = Record<string, unknown>;

function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** Does this parsed YAML look like a go-vcr cassette? (Content, not the file name, decides.) */
export function looksLikeGoVcr(value: unknown): value is YamlMap {
  return isMap(value) && Array.isArray(value.interactions);
}

function toBody(value: unknown): Body {
  if (value instanceof Uint8Array) return value;
  if (value === null || value === undefined) return '';
  return String(value);
}

function toHeaders(value: unknown): Headers {
  const headers: Headers = {};
  if (!isMap(value)) return headers;
  // for…in and a fresh list only when a value is not a string: this runs for every header.
  for (const name in value) {
    const values = value[name];
    if (Array.isArray(values)) headers[name] = values.every((v) => typeof v === 'string') ? values : values.map((v) => String(v ?? ''));
    else if (values !== null && values !== undefined) headers[name] = [String(values)];
  }
  return headers;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

function toForm(value: unknown): Record<string, string[]> | undefined {
  if (!isMap(value) || Object.keys(value).length === 0) return undefined;
  return toHeaders(value);
}

function toRequest(value: YamlMap): HttpRequest {
  const request: HttpRequest = {
    method: String(value.method ?? 'GET').toUpperCase(),
    url: String(value.url ?? ''),
    headers: toHeaders(value.headers),
    body: toBody(value.body),
  };
  const form = toForm(value.form);
  if (form) request.form = form;
  const contentLength = toNumber(value.content_length);
  if (contentLength !== undefined) request.contentLength = contentLength;
  if (typeof value.host === 'string' && value.host) request.host = value.host;
  if (typeof value.proto === 'string') request.proto = value.proto;
  return request;
}

function toResponse(value: YamlMap): HttpResponse {
  const statusText = value.status === undefined || value.status === null ? '' : String(value.status);
  const status = toNumber(value.code) ?? toNumber(statusText.split(' ')[0]) ?? 0;
  const response: HttpResponse = {
    status,
    statusText: statusText || String(status),
    headers: toHeaders(value.headers),
    body: toBody(value.body),
  };
  const durationMs = parseGoDuration(value.duration);
  if (durationMs !== undefined) response.durationMs = durationMs;
  const contentLength = toNumber(value.content_length);
  if (contentLength !== undefined) response.contentLength = contentLength;
  if (typeof value.proto === 'string') response.proto = value.proto;
  return response;
}

/**
 * Builds the cassette model. `lines[i]` is the 1-based line where interaction i starts, when known.
 * Throws CassetteError for a structure that is not a go-vcr cassette.
 */
export function goVcrCassette(file: string, value: unknown, lines: number[] = []): Cassette {
  if (!looksLikeGoVcr(value)) {
    throw new CassetteError('not-a-cassette', 'not a go-vcr cassette (no interactions list)', file);
  }
  const formatVersion = toNumber(value.version) ?? 1;
  const interactions = (value.interactions as unknown[]).map((item, index): Interaction => {
    const line = lines[index];
    const where = line === undefined ? undefined : { line, col: 1 };
    if (!isMap(item) || !isMap(item.request) || !isMap(item.response)) {
      throw new CassetteError('not-a-cassette', `interaction ${index} has no request or response`, file, where);
    }
    const interaction: Interaction = { index, request: toRequest(item.request), response: toResponse(item.response) };
    const id = toNumber(item.id);
    if (id !== undefined) interaction.id = id;
    if (line !== undefined) interaction.line = line;
    return interaction;
  });
  return { file, format: 'go-vcr', formatVersion, interactions };
}
