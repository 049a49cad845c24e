// A recorded body's length in bytes, as a Content-Length header counts it: text as UTF-8.

import type { Body } from '../model.ts';

export function bodyByteLength(body: Body): number {
  return typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength;
}
