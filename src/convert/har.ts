// HAR 1.2 for Playwright's routeFromHAR and browser devtools: the export writer (src/present/har.ts)
// without the `_llm` annotations, one page per cassette.

import { harJsonChunks } from '../present/har.ts';
import type { ConvertTarget } from './types.ts';

export const har: ConvertTarget = {
  name: 'har',
  title: 'HAR 1.2 (Playwright routeFromHAR, devtools)',
  extension: '.har',
  readsAs: 'har',
  cannotHold: ['ids', 'go-vcr-fields'],
  write: (analyzed, options) => [...harJsonChunks([analyzed], options.version, { llm: false })].join(''),
};
