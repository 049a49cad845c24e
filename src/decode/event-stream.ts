// AWS event-stream framing (Bedrock's binary streaming): each frame is a prelude (total length,
// headers length, CRC32), typed headers, a payload and a CRC32 of the whole frame.
// @smithy/eventstream-codec checks both checksums and parses the headers; we only split frames.

import { createRequire as requireFrom } from 'node:module';
import type { EventStreamCodec, MessageHeaderValue } from '@smithy/eventstream-codec';
import type { DecodedBody, EventStreamFrame } from './types.ts';

const textDecoder = new TextDecoder('utf-8');
const textEncoder = new TextEncoder();
const toUtf8 = (bytes: Uint8Array): string => textDecoder.decode(bytes);
const fromUtf8 = (text: string): Uint8Array => textEncoder.encode(text);

// Required on the first Bedrock body, not imported: the codec and what it loads (crypto, zlib,
// most of @smithy/core) cost ~8 ms of every start-up, for a format few cassettes contain.
// scripts/build.mjs bundles the package as dist/ file CODEC_BUNDLE (the package's own CommonJS
// build is a dozen files and took ~22 ms to require, a twentieth of `show --json` on the corpus).
declare const __CASSETTE_CODEC_BUNDLE__: string | undefined;
const CODEC_BUNDLE = typeof __CASSETTE_CODEC_BUNDLE__ === 'string' ? __CASSETTE_CODEC_BUNDLE__ : '@smithy/eventstream-codec';
let codec: EventStreamCodec | undefined;
function loadedCodec(): EventStreamCodec {
  if (!codec) {
    const codecModule = requireFrom(import.meta.url)(CODEC_BUNDLE) as typeof import('@smithy/eventstream-codec');
    codec = new codecModule.EventStreamCodec(toUtf8, fromUtf8);
  }
  return codec;
}

/** Shared: the codec keeps no state between `decode` and `encode` calls. */
export const eventStreamCodec: Pick<EventStreamCodec, 'decode' | 'encode'> = {
  decode: (message) => loadedCodec().decode(message),
  encode: (message) => loadedCodec().encode(message),
};

/** Prelude (8 bytes) + prelude CRC (4) + message CRC (4). */
const MINIMUM_FRAME = 16;

function headerValue(header: MessageHeaderValue): string | number | boolean {
  switch (header.type) {
    case 'boolean':
    case 'byte':
    case 'short':
    case 'integer':
    case 'string':
    case 'uuid':
      return header.value;
    case 'long':
      return header.value.valueOf();
    case 'binary':
      return Buffer.from(header.value).toString('base64');
    case 'timestamp':
      return header.value.toISOString();
  }
}

/**
 * Splits the bytes into frames. A frame with a bad length or checksum stops decoding: the frames
 * read so far are kept and `error` says where and why.
 */
export function decodeEventStream(bytes: Uint8Array): DecodedBody {
  if (bytes.length === 0) return { kind: 'empty' };
  const frames: EventStreamFrame[] = [];
  const fail = (offset: number, reason: string): DecodedBody => ({
    kind: 'event-stream',
    frames,
    byteLength: bytes.length,
    error: `frame ${frames.length + 1} at byte ${offset}: ${reason}`,
  });
  let offset = 0;
  while (offset < bytes.length) {
    const left = bytes.length - offset;
    if (left < 4) return fail(offset, `truncated (${left} bytes left)`);
    const length = new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0, false);
    if (length < MINIMUM_FRAME) return fail(offset, `impossible frame length ${length}`);
    if (length > left) return fail(offset, `truncated (frame of ${length} bytes, ${left} left)`);
    try {
      const message = eventStreamCodec.decode(bytes.subarray(offset, offset + length));
      const headers: EventStreamFrame['headers'] = {};
      for (const [name, header] of Object.entries(message.headers)) headers[name] = headerValue(header);
      frames.push({ headers, payload: toUtf8(message.body) });
    } catch (error) {
      return fail(offset, (error as Error).message);
    }
    offset += length;
  }
  return { kind: 'event-stream', frames, byteLength: bytes.length };
}

/**
 * Bedrock wraps each model event as `{"bytes": "<base64 of the event JSON>"}` in a `chunk` frame;
 * this is that inner text, or undefined for any other frame.
 */
export function chunkInnerText(frame: EventStreamFrame): string | undefined {
  if (frame.headers[':event-type'] !== 'chunk') return undefined;
  try {
    const outer: unknown = JSON.parse(frame.payload);
    const bytes = typeof outer === 'object' && outer !== null ? (outer as { bytes?: unknown }).bytes : undefined;
    return typeof bytes === 'string' ? Buffer.from(bytes, 'base64').toString('utf8') : undefined;
  } catch {
    return undefined;
  }
}
