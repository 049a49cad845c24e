// go-vcr cassettes: version 1 (go-vcr 1.x/2.x: no id/proto) and version 2 (go-vcr v2–v4).
// go-vcr's Request/Response yaml tags are the schema: request{url, method, headers, body, form,
// content_length, host, proto}, response{status, code, headers, body, duration, content_length}.

import type { FormatModule } from './types.ts';
import { firstMap, isPlainMap } from './shape.ts';
import { goVcrCassette } from '../read/go-vcr.ts';

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
  read: (doc) => goVcrCassette(doc.file, doc.value, doc.interactionLines),
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
