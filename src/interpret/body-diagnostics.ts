// Diagnostics about a body itself, before any dialect reads it: it did not decode, or its
// event-stream framing is broken.

import type { DecodedBody } from '../decode/types.ts';
import type { Diagnostic } from '../findings/diagnostic.ts';

export function bodyDiagnostics(body: DecodedBody, side: 'request' | 'response'): Diagnostic[] {
  if (body.kind === 'undecodable')
    return [{ code: 'body-undecodable', message: `${side} body (${body.encoding}, ${body.byteLength} bytes) does not decode: ${body.reason}` }];
  if (body.kind === 'event-stream' && body.error)
    return [{ code: 'event-stream-crc', message: `${side} event stream: ${body.error}`, event: body.frames.length }];
  return [];
}
