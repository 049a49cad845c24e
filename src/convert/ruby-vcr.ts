// Ruby VCR cassettes as VCR 5/6 write them with Psych (`YAML.dump` of HTTPInteraction#to_hash):
// http_interactions[{request{method, uri, body{encoding, string}, headers}, response{status{code,
// message}, headers, body{encoding, string}, http_version}, recorded_at}], recorded_with. Psych's
// string styles (visit_String): `!binary` for bytes that are not UTF-8, a literal block for
// multi-line text, double quotes for text starting with a non-word character, single quotes for
// what would read back as another type.

import { isUtf8 } from 'node:buffer';
import { headerValue } from '../http/headers.ts';
import type { AnalyzedCassette } from '../interpret/index.ts';
import type { Body, Cassette, Headers, HttpResponse, Interaction } from '../model.ts';
import type { ConvertTarget } from './types.ts';
import { map, writeYaml, type YamlDialect, type YamlEntries, type YamlValue } from './yaml-writer.ts';
import { plainIsStringPsych } from './yaml-style.ts';

/** The VCR version written in `recorded_with` (the YAML layout is the same in VCR 5 and 6). */
export const RUBY_VCR_VERSION = '6.0.0';

const PSYCH: YamlDialect = {
  unicode: true,
  lineWidth: 80,
  documentStart: true,
  openEndedMarker: true,
  wantedStyle(text) {
    if (/\n(?!\n?$)/.test(text)) return { style: 'literal', plainImplicit: true };
    if (text === '<<') return { style: 'single', plainImplicit: false };
    if (text === 'y' || text === 'n') return { style: 'double', plainImplicit: true };
    if (/^[^\p{L}\p{M}\p{N}\p{Pc}][^"]*$/mu.test(text)) return { style: 'double', plainImplicit: true };
    if (!plainIsStringPsych(text) || /^0[0-7]*[89]/.test(text)) return { style: 'single', plainImplicit: true };
    return { style: 'plain', plainImplicit: true };
  },
  // Psych: `[o].pack('m0')`, one line, as a literal block.
  binary: (bytes) => ({ tag: '!binary', base64: Buffer.from(bytes).toString('base64'), style: 'literal' }),
  nullText: '',
};


/** body{encoding, string}: text is UTF-8 (US-ASCII when empty, as Ruby's ""); other bytes ASCII-8BIT, `!binary`. */
function bodyHash(body: Body): YamlEntries {
  const text = typeof body === 'string' ? body : isUtf8(body) ? Buffer.from(body).toString('utf8') : undefined;
  if (text !== undefined) return map([['encoding', text === '' ? 'US-ASCII' : 'UTF-8'], ['string', text]]);
  return map([['encoding', 'ASCII-8BIT'], ['string', body]]);
}

function headerHash(headers: Headers): YamlEntries {
  return map(Object.entries(headers).map(([name, values]): [string, YamlValue] => [name, [...values]]));
}

function reason(response: HttpResponse): string {
  const code = String(response.status);
  return response.statusText.startsWith(code) ? response.statusText.slice(code.length).trim() : response.statusText;
}

/** Time.httpdate of the response's Date header; without one, the HAR writer's base time. */
function recordedAt(response: HttpResponse): string {
  const date = headerValue(response.headers, 'date');
  const ms = date === undefined ? NaN : Date.parse(date);
  return new Date(Number.isFinite(ms) ? ms : Date.UTC(2000, 0, 1)).toUTCString();
}

function interaction(cassette: Cassette, { request, response }: Interaction): YamlEntries {
  // VCR's http_version comes from the adapter (nil for WebMock's Net::HTTP); only a Ruby VCR source knows it.
  const httpVersion = cassette.format.startsWith('ruby-vcr') && response.proto ? response.proto : null;
  return map([
    ['request', map([['method', request.method.toLowerCase()], ['uri', request.url], ['body', bodyHash(request.body)], ['headers', headerHash(request.headers)]])],
    [
      'response',
      map([
        ['status', map([['code', response.status], ['message', reason(response)]])],
        ['headers', headerHash(response.headers)],
        ['body', bodyHash(response.body)],
        ['http_version', httpVersion],
      ]),
    ],
    ['recorded_at', recordedAt(response)],
  ]);
}

export const rubyVcrYaml: ConvertTarget = {
  name: 'ruby-vcr',
  title: 'Ruby VCR (YAML serializer)',
  extension: '.yml',
  readsAs: 'ruby-vcr',
  cannotHold: ['durations', 'ids', 'http-version', 'go-vcr-fields'],
  write: ({ cassette }: AnalyzedCassette) =>
    writeYaml(
      map([['http_interactions', cassette.interactions.map((item) => interaction(cassette, item))], ['recorded_with', `VCR ${RUBY_VCR_VERSION}`]]),
      PSYCH,
    ),
};
