// vcrpy cassettes as vcrpy 4–7 write them. YAML: `yaml.dump` (PyYAML: keys sorted, `version: 1`
// last, strings plain or quoted — never block scalars —, non-ASCII escaped, bytes that are not
// UTF-8 as `!!binary`). JSON: `json.dumps(indent=4)` in insertion order (version, interactions;
// request{method, uri, body, headers}, response{status, headers, body{string}}), ASCII only;
// it cannot hold bytes (vcrpy's JSON serializer refuses them too).

import type { AnalyzedCassette } from '../interpret/index.ts';
import type { Body, Headers, Interaction } from '../model.ts';
import { CassetteError } from '../errors.ts';
import { utf8Text } from '../http/body-text.ts';
import type { ConvertTarget } from './types.ts';
import { map, writeYaml, type YamlDialect, type YamlEntries, type YamlValue } from './yaml-writer.ts';
import { plainIsString11 } from './yaml-style.ts';

/** vcrpy's convert_to_unicode: bytes that decode as UTF-8 are written as text. */
function asPython(body: Body): string | Uint8Array {
  return typeof body === 'string' ? body : (utf8Text(body) ?? body);
}

/** base64.encodebytes: lines of 76 characters, each ending in a newline. */
function pythonBase64(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('base64');
  let out = '';
  for (let i = 0; i < text.length; i += 76) out += `${text.slice(i, i + 76)}\n`;
  return out;
}

// vcrpy's yaml.dump uses CDumper (libyaml) when PyYAML has it, as Debian's and PyPI's builds do.
const PYYAML: YamlDialect = {
  unicode: false,
  lineWidth: 80,
  documentStart: false,
  openEndedMarker: true,
  wantedStyle: (text) => ({ style: 'plain', plainImplicit: plainIsString11(text) }),
  binary: (bytes) => ({ tag: 'tag:yaml.org,2002:binary', base64: pythonBase64(bytes), style: 'literal' }),
};

/** The reason phrase alone: "200 OK" → "OK". */
function reason(statusText: string, status: number): string {
  return statusText.startsWith(String(status)) ? statusText.slice(String(status).length).trim() : statusText;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `{Name: [values]}`; vcrpy's Request keeps one value per request header (HeadersDict: the first). */
function headerEntries(headers: Headers, sorted: boolean, firstOnly = false): [string, YamlValue][] {
  const names = Object.keys(headers);
  return (sorted ? names.sort(byName) : names).map((name) => [name, firstOnly ? headers[name]!.slice(0, 1) : [...headers[name]!]]);
}

/** The request's body: vcrpy keeps None for no body. */
function requestBody(body: Body): string | Uint8Array | null {
  const value = asPython(body);
  return value === '' ? null : value;
}

function yamlInteraction({ request, response }: Interaction): YamlEntries {
  return map([
    ['request', map([['body', requestBody(request.body)], ['headers', map(headerEntries(request.headers, true, true))], ['method', request.method], ['uri', request.url]])],
    [
      'response',
      map([
        ['body', map([['string', asPython(response.body)]])],
        ['headers', map(headerEntries(response.headers, true))],
        ['status', map([['code', response.status], ['message', reason(response.statusText, response.status)]])],
      ]),
    ],
  ]);
}

export const vcrpyYaml: ConvertTarget = {
  name: 'vcrpy',
  title: 'vcrpy (YAML serializer)',
  extension: '.yaml',
  readsAs: 'vcrpy',
  cannotHold: ['durations', 'ids', 'http-version', 'go-vcr-fields', 'repeated-request-headers'],
  write: ({ cassette }: AnalyzedCassette) =>
    writeYaml(map([['interactions', cassette.interactions.map(yamlInteraction)], ['version', 1]]), PYYAML),
};

/** json.dumps with ensure_ascii: everything outside printable ASCII as \uXXXX (lower-case hex). */
function pythonJson(value: unknown): string {
  return JSON.stringify(value, null, 4).replace(/[^\x00-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function jsonBody(body: Body, file: string, index: number, side: string): string {
  const value = asPython(body);
  if (typeof value !== 'string') {
    throw new CassetteError('usage', `interaction ${index}: the ${side} body is binary; vcrpy's JSON serializer cannot hold bytes (use --to vcrpy)`, file);
  }
  return value;
}

export const vcrpyJson: ConvertTarget = {
  name: 'vcrpy-json',
  title: 'vcrpy (JSON serializer)',
  extension: '.json',
  readsAs: 'vcrpy-json',
  cannotHold: ['durations', 'ids', 'http-version', 'go-vcr-fields', 'repeated-request-headers'],
  write({ cassette }: AnalyzedCassette) {
    const interactions = cassette.interactions.map(({ index, request, response }) => {
      const body = jsonBody(request.body, cassette.file, index, 'request');
      return {
        request: { method: request.method, uri: request.url, body: body === '' ? null : body, headers: Object.fromEntries(headerEntries(request.headers, false, true)) },
        response: {
          status: { code: response.status, message: reason(response.statusText, response.status) },
          headers: Object.fromEntries(headerEntries(response.headers, false)),
          body: { string: jsonBody(response.body, cassette.file, index, 'response') },
        },
      };
    });
    return `${pythonJson({ version: 1, interactions })}\n`;
  },
};
