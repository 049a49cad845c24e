// decodeBody: a recorded body plus its content type → JSON value, SSE events, event-stream frames,
// text or bytes. Decided by content type first, then by sniffing the content.

import type { Body, Headers } from '../model.ts';
import type { DecodedBody } from './types.ts';
import { looksLikeSse, parseSse } from './sse.ts';
import { decodeEventStream } from './event-stream.ts';
import { decodeNdjson, NDJSON_TYPES } from './ndjson.ts';
import { decodeContentEncoding } from './content-encoding.ts';
import { headerValue } from '../http/headers.ts';

export type { DecodedBody, SseEvent, EventStreamFrame } from './types.ts';
export { decodeContentEncoding, decodeContentEncodings, parseContentEncoding } from './content-encoding.ts';
export type { ContentDecoding } from './content-encoding.ts';

export function contentTypeOf(headers: Headers): string {
  const value = headerValue(headers, 'content-type') ?? '';
  const semicolon = value.indexOf(';');
  return (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function bytesAsText(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Decoders for binary framings, by content type. */
const BINARY_DECODERS: Record<string, (bytes: Uint8Array) => DecodedBody> = {
  'application/vnd.amazon.eventstream': decodeEventStream,
};

export function decodeBody(headers: Headers, stored: Body): DecodedBody {
  const contentType = contentTypeOf(headers);
  const coding = decodeContentEncoding(headers, stored);
  if (coding.kind === 'undecodable') {
    const byteLength = typeof stored === 'string' ? Buffer.byteLength(stored, 'latin1') : stored.length;
    return { kind: 'undecodable', encoding: coding.encoding, reason: coding.reason, byteLength, contentType };
  }
  const body = coding.kind === 'decoded' ? coding.bytes : stored;
  const binary = BINARY_DECODERS[contentType];
  // go-vcr stores bytes that happen to be valid UTF-8 as a plain string: encode it back as UTF-8.
  if (binary) return binary(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);

  const text = typeof body === 'string' ? body : bytesAsText(body);
  if (text === undefined) return { kind: 'binary', bytes: body as Uint8Array, contentType };
  if (text.trim() === '') return { kind: 'empty' };

  if (contentType === 'text/event-stream' || (!contentType.includes('json') && looksLikeSse(text))) {
    return { kind: 'sse', events: parseSse(text), text };
  }
  if (NDJSON_TYPES.has(contentType)) return decodeNdjson(text);
  const first = text.trimStart()[0];
  if (contentType.includes('json') || first === '{' || first === '[') {
    const parsed = parseJson(text);
    if (parsed.ok) return { kind: 'json', value: parsed.value, text };
  }
  return { kind: 'text', text, contentType };
}
