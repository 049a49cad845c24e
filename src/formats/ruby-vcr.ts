// Ruby VCR cassettes (ruby-openai, ruby_llm …), YAML (Psych) and the JSON serializer:
// http_interactions[{request{method, uri, body{encoding, string | base64_string}, headers},
// response{status{code, message}, headers, body, http_version}, recorded_at}], recorded_with.

import type { FormatModule } from './types.ts';
import { isPlainMap } from './shape.ts';

export const rubyVcr: FormatModule = {
  name: 'ruby-vcr',
  title: 'Ruby VCR (YAML)',
  syntax: 'yaml',
  detect: (value) => isPlainMap(value) && Array.isArray(value.http_interactions),
  version: () => 1,
  read() {
    throw new Error('Ruby VCR reader: not wired yet');
  },
  sites: {
    interactions: ['http_interactions'],
    request: {
      root: ['request'],
      url: ['request', 'uri'],
      headers: [{ path: ['request', 'headers'], shape: 'map-of-lists' }],
      bodies: [
        { path: ['request', 'body', 'string'], encoding: 'text' },
        { path: ['request', 'body', 'base64_string'], encoding: 'base64' },
      ],
    },
    response: {
      root: ['response'],
      headers: [{ path: ['response', 'headers'], shape: 'map-of-lists' }],
      bodies: [
        { path: ['response', 'body', 'string'], encoding: 'text' },
        { path: ['response', 'body', 'base64_string'], encoding: 'base64' },
      ],
    },
  },
};

export const rubyVcrJson: FormatModule = { ...rubyVcr, name: 'ruby-vcr-json', title: 'Ruby VCR (JSON)', syntax: 'json' };
