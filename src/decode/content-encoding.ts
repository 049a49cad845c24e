// Content-Encoding: undo the compression a response body was stored with (gzip, x-gzip, deflate as
// zlib or raw, br, zstd; stacked codings in reverse order), so later stages see the real bytes.
// zlib and fzstd are loaded on first use, synchronously: decodeBody is synchronous, and zlib costs
// ~2 ms of start-up that most runs (uncompressed cassettes) never need.

// Aliased: the ESM bundle's banner declares its own createRequire.
import { isUtf8 } from 'node:buffer';
import { createRequire as requireFrom } from 'node:module';
import type * as Zlib from 'node:zlib';
import type { Body, Headers } from '../model.ts';

export type ContentDecoding =
  /** Nothing to undo: no (or identity) coding and no gzip magic. */
  | { kind: 'identity' }
  | { kind: 'decoded'; bytes: Uint8Array; encodings: string[] }
  | { kind: 'undecodable'; encoding: string; reason: string };

// `require` for both the ESM sources (tsx, tests) and the CommonJS bundle in dist/.
const requireHere = requireFrom(typeof __filename === 'string' ? __filename : import.meta.url);
let zlib: typeof Zlib | undefined;
const loadZlib = (): typeof Zlib => (zlib ??= requireHere('node:zlib') as typeof Zlib);
let zstd: ((bytes: Uint8Array) => Uint8Array) | undefined;
const loadZstd = () => (zstd ??= (requireHere('fzstd') as { decompress: (b: Uint8Array) => Uint8Array }).decompress);

/** Header value → codings in the order they were applied (RFC 9110 §8.4), lower-cased. */
export function parseContentEncoding(value: string | undefined): string[] {
  if (!value) return [];
  return value.split(',').map((part) => part.trim().toLowerCase()).filter((part) => part !== '' && part !== 'identity');
}

export function hasGzipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

function inflateDeflate(bytes: Uint8Array): Uint8Array {
  const z = loadZlib();
  // "deflate" means zlib-wrapped (RFC 9110 §8.4.1.2), but some servers send raw deflate: a zlib
  // header is CMF 0x?8 with (CMF*256 + FLG) % 31 === 0.
  const zlibWrapped = bytes.length >= 2 && (bytes[0]! & 0x0f) === 8 && ((bytes[0]! << 8) | bytes[1]!) % 31 === 0;
  return zlibWrapped ? z.inflateSync(bytes) : z.inflateRawSync(bytes);
}

const DECODERS: Record<string, (bytes: Uint8Array) => Uint8Array> = {
  gzip: (bytes) => loadZlib().gunzipSync(bytes),
  'x-gzip': (bytes) => loadZlib().gunzipSync(bytes),
  deflate: inflateDeflate,
  br: (bytes) => loadZlib().brotliDecompressSync(bytes),
  zstd: (bytes) => loadZstd()(bytes),
};

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Undo the codings in order (last applied first). */
export function decodeContentEncodings(bytes: Uint8Array, encodings: readonly string[]): ContentDecoding {
  let current = bytes;
  for (const encoding of [...encodings].reverse()) {
    const decode = DECODERS[encoding];
    if (!decode) return { kind: 'undecodable', encoding, reason: `unknown content coding "${encoding}"` };
    try {
      current = new Uint8Array(decode(current));
    } catch (error) {
      return { kind: 'undecodable', encoding, reason: reasonOf(error) };
    }
  }
  return { kind: 'decoded', bytes: current, encodings: [...encodings] };
}

/**
 * The body with its Content-Encoding undone. A text body is taken as already decoded (recorders
 * such as vcrpy with decode_compressed_response=True keep the header but store text), unless it
 * still starts with gzip magic; bytes without the header are gunzipped when they start with it.
 */
export function decodeContentEncoding(headers: Headers, body: Body): ContentDecoding {
  // Only latin-1 strings can be bytes in disguise; a real text body never starts with \x1f\x8b.
  // Nearly every body is such text: it is identity before any header is looked at.
  if (typeof body === 'string') {
    if (!body.startsWith('\x1f\x8b')) return IDENTITY;
    body = Buffer.from(body, 'latin1');
  }
  let value: string | undefined;
  for (const key in headers) {
    if (key.length === 16 && key.toLowerCase() === 'content-encoding') value = headers[key]!.join(', ');
  }
  const encodings = parseContentEncoding(value);
  if (encodings.length > 0) {
    const result = decodeContentEncodings(body, encodings);
    // Some recorders inflate the body but keep the header: bytes that are not compressed but are
    // valid UTF-8 are taken as already decoded.
    if (result.kind === 'undecodable' && !hasGzipMagic(body) && isUtf8(body)) return IDENTITY;
    return result;
  }
  if (hasGzipMagic(body)) return decodeContentEncodings(body, ['gzip']);
  return IDENTITY;
}

const IDENTITY: ContentDecoding = Object.freeze({ kind: 'identity' });
