// vcrpy cassettes (pytest-recording, pydantic-ai, simonw/llm, LangChain …): YAML (keys sorted, so
// `version: 1` comes last) and the JSON serializer (`version` first). request{body, headers, method,
// uri}, response{body{string}, headers, status{code, message}}; pydantic-ai's `parsed_body` dialect
// writes a JSON body as a mapping in place of `body`; the older httpx shape has `content`,
// `http_version`, `status_code`.

import type { FormatModule, SecretSites } from './types.ts';
import { firstMap, isPlainMap } from './shape.ts';

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
  read() {
    throw new Error('vcrpy reader: not wired yet');
  },
  sites,
};

export const vcrpyJson: FormatModule = { ...vcrpy, name: 'vcrpy-json', title: 'vcrpy (JSON)', syntax: 'json' };
