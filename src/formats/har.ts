// HAR 1.2 (browser devtools, Playwright recordHar, Polly.js recording.har): log.entries[{request{
// method, url, headers[{name, value}], queryString, cookies, postData{mimeType, text}}, response{
// status, statusText, headers, cookies, content{size, mimeType, text, encoding}}, time}].

import type { FormatModule } from './types.ts';
import { isPlainMap } from './shape.ts';

export const har: FormatModule = {
  name: 'har',
  title: 'HAR 1.2',
  syntax: 'json',
  detect: (value) => isPlainMap(value) && isPlainMap(value.log) && Array.isArray(value.log.entries),
  version(value) {
    const v = isPlainMap(value) && isPlainMap(value.log) ? Number(value.log.version) : NaN;
    return Number.isFinite(v) ? v : 1.2;
  },
  read() {
    throw new Error('HAR reader: not wired yet');
  },
  sites: {
    interactions: ['log', 'entries'],
    request: {
      root: ['request'],
      url: ['request', 'url'],
      headers: [{ path: ['request', 'headers'], shape: 'name-value-list' }],
      query: ['request', 'queryString'],
      cookies: ['request', 'cookies'],
      bodies: [{ path: ['request', 'postData', 'text'], encoding: 'text' }],
      contentLength: [['request', 'bodySize']],
    },
    response: {
      root: ['response'],
      headers: [{ path: ['response', 'headers'], shape: 'name-value-list' }],
      cookies: ['response', 'cookies'],
      bodies: [{ path: ['response', 'content', 'text'], encoding: 'text', base64When: { key: 'encoding', equals: 'base64' } }],
      contentLength: [['response', 'bodySize'], ['response', 'content', 'size']],
    },
  },
};
