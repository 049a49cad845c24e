// vcrpy cassettes (pytest-recording, pydantic-ai, simonw/llm, LangChain …): YAML (keys sorted, so
// `version: 1` comes last) and the JSON serializer (`version` first). request{body, headers, method,
// uri}, response{body{string}, headers, status{code, message}}; pydantic-ai's `parsed_body` dialect
// writes a JSON body as a mapping in place of `body` (read as the text its deserializer replays);
// the older httpx shape has `content`, `http_version`, `status_code`.

import type { Body, BodyReserialized, Cassette, HttpRequest, HttpResponse } from '../model.ts';
import type { WholeFloats } from '../read/whole-floats.ts';
import { pythonJsonDumps } from './python-json.ts';
import type { FormatModule, ParsedDocument, SecretSites } from './types.ts';
import { firstMap, isPlainMap, type PlainMap } from './shape.ts';
import { mapOfListsHeaders, readInteractions, scalarText, statusFields, toBody } from './convert.ts';

const sites: SecretSites = {
  interactions: ['interactions'],
  request: {
    root: ['request'],
    url: ['request', 'uri'],
    headers: [{ path: ['request', 'headers'], shape: 'map-of-lists' }],
    bodies: [
      { path: ['request', 'body'], encoding: 'text' },
      { path: ['request', 'parsed_body'], encoding: 'structure' },
      { path: ['request', 'content'], encoding: 'text' },
    ],
  },
  response: {
    root: ['response'],
    headers: [{ path: ['response', 'headers'], shape: 'map-of-lists' }],
    bodies: [
      { path: ['response', 'body', 'string'], encoding: 'text' },
      // The older shape: the body text itself under `body` (read by vcrpyBody too).
      { path: ['response', 'body'], encoding: 'text' },
      { path: ['response', 'parsed_body'], encoding: 'structure' },
      { path: ['response', 'content'], encoding: 'text' },
    ],
  },
};

function detect(value: unknown): boolean {
  if (!isPlainMap(value) || !Array.isArray(value.interactions)) return false;
  const first = firstMap(value.interactions);
  if (!first) return Object.keys(value)[0] !== 'version' && value.version !== 2;
  return isPlainMap(first.request) && 'uri' in first.request;
}

export const vcrpy: FormatModule = {
  name: 'vcrpy',
  title: 'vcrpy (YAML)',
  syntax: 'yaml',
  detect,
  version: (value) => (isPlainMap(value) && typeof value.version === 'number' ? value.version : 1),
  read: (doc) => readVcrpy(doc, 'vcrpy'),
  sites,
};

export const vcrpyJson: FormatModule = {
  ...vcrpy,
  name: 'vcrpy-json',
  title: 'vcrpy (JSON)',
  syntax: 'json',
  // vcrpy's JSON serializer writes `version` first; go-vcr has no JSON form, so an empty
  // `{version: 1, interactions: []}` in JSON is vcrpy's.
  detect: (value) => detect(value) || (isPlainMap(value) && Array.isArray(value.interactions) && value.interactions.length === 0 && value.version === 1),
  read: (doc) => readVcrpy(doc, 'vcrpy-json'),
};

/** A message's body, and how it was made when it is not the recorded bytes. */
interface ReadBody {
  body: Body;
  bodyReserialized?: BodyReserialized;
}

/**
 * A body: `body` (text, null, bytes; the response's under `string`), pydantic-ai's `parsed_body`,
 * or httpx's `content`. A parsed_body is read as what pydantic-ai's deserializer replays,
 * `json.dumps(parsed_body)` (its bytes were never stored); like it, a null one is no parsed_body.
 */
function vcrpyBody(message: PlainMap, nested: boolean, floats: WholeFloats | undefined): ReadBody {
  const parsed = message.parsed_body;
  if (parsed !== undefined && parsed !== null) {
    // `!!binary` bytes are no JSON (json.dumps would refuse them): kept as the bytes they are.
    if (parsed instanceof Uint8Array) return { body: parsed };
    return { body: pythonJsonDumps(parsed, floats), bodyReserialized: 'python-json-dumps' };
  }
  if ('body' in message) {
    const body = message.body;
    return { body: toBody(nested && isPlainMap(body) ? body.string : body) };
  }
  return { body: toBody(message.content) };
}

function readVcrpy(doc: ParsedDocument, name: 'vcrpy' | 'vcrpy-json'): Cassette {
  const value = doc.value as PlainMap;
  const interactions = readInteractions(doc, value.interactions, (req, res) => {
    const request: HttpRequest = {
      method: scalarText(req.method ?? 'GET').toUpperCase(),
      url: scalarText(req.uri ?? req.url),
      headers: mapOfListsHeaders(req.headers),
      ...vcrpyBody(req, false, doc.wholeFloats),
    };
    const status = isPlainMap(res.status) ? res.status : { code: res.status_code ?? res.status, message: res.reason_phrase };
    const response: HttpResponse = {
      ...statusFields(status.code, status.message),
      headers: mapOfListsHeaders(res.headers),
      ...vcrpyBody(res, true, doc.wholeFloats),
    };
    if (typeof res.http_version === 'string') response.proto = res.http_version;
    return { request, response };
  });
  return { file: doc.file, format: name, formatVersion: vcrpy.version(value), interactions };
}
