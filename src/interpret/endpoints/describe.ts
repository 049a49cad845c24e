// Small pieces the endpoint summaries share: counts, sizes, excerpts, multipart form fields.

import type { DecodedBody } from '../../decode/types.ts';
import { asArray, asNumber, asString, isObject } from '../json-access.ts';
import { base64Size } from '../parts.ts';
import type { EndpointAction, EndpointFacts } from './types.ts';

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

export function bytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  if (n < 1_000_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  return `${(n / 1_000_000_000).toFixed(1)} GB`;
}

/** The first line of a text, at most `max` characters, quoted. */
export function excerpt(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(line.length > max ? `${line.slice(0, max - 1)}…` : line);
}

/** Joins the parts that are there with ` · `. */
export function facts(...parts: (string | false | null | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
}

/** A token count (count-tokens, tokenize): `<model> · N input tokens · …`. */
export function tokenCount(model: string | null, count: number, ...more: (string | false | null | undefined)[]): EndpointFacts {
  return { action: 'count', model, summary: facts(model, `${count} input tokens`, ...more), count };
}

/**
 * The length of an embedding vector: a list of numbers, or base64 float32s
 * (`encoding_format: "base64"`); undefined for anything else.
 */
export function vectorLength(vector: unknown): number | undefined {
  if (Array.isArray(vector)) return vector.length > 0 && vector.every((x) => typeof x === 'number') ? vector.length : undefined;
  if (typeof vector === 'string' && /^[A-Za-z0-9+/=\s]+$/.test(vector)) return Math.floor(base64Size(vector) / 4);
  return undefined;
}

/** `N inputs · D dims` of a list of vectors; undefined unless every vector has a length. */
export function vectorsFacts(vectors: unknown[]): { count: number; line: string } | undefined {
  const lengths = vectors.map(vectorLength);
  if (lengths.some((n) => n === undefined)) return undefined;
  const distinct = [...new Set(lengths)];
  const dims = distinct.length === 0 ? '' : distinct.length === 1 ? `${distinct[0]} dims` : `${distinct.join('/')} dims`;
  return { count: vectors.length, line: facts(plural(vectors.length, 'input'), dims) };
}

/** Last path segments that name a collection (a GET lists it, a POST adds to it). */
const COLLECTIONS = /^(?:files|items|file_batches|messages|runs|steps|events|checkpoints|input_items|parts|batches|assistants|threads|conversations|models|jobs|vector_stores|sessions|uploads|cachedContents|fileSearchStores|documents)$/;

/** Last path segments (or Google `:verb`s) that say the action themselves. */
const VERBS: Record<string, EndpointAction> = {
  cancel: 'cancel',
  submit_tool_outputs: 'submit',
  search: 'search',
  content: 'content',
  results: 'content',
  count_tokens: 'count',
  'count-tokens': 'count',
  countTokens: 'count',
  input_tokens: 'count',
  uploadToFileSearchStore: 'upload',
  complete: 'upload',
  parts: 'upload',
  tokenize: 'count',
  events: 'list',
  checkpoints: 'list',
  // Calls that compute something are a create, whatever their path looks like.
  embedContent: 'create',
  batchEmbedContents: 'create',
  predict: 'create',
  invoke: 'create',
};

/**
 * The action from the method and path: a verb segment says it; else DELETE deletes, a GET of a
 * collection lists and of one item retrieves, a POST to an item updates, to a collection creates.
 */
export function defaultAction(method: string, pathname: string): EndpointAction {
  const last = pathname.split('/').pop() ?? '';
  const verb = VERBS[last.split(':').pop() ?? ''] ?? VERBS[last];
  if (verb) return verb;
  const onItem = pathname.split('/').filter(Boolean).length > 2 && !COLLECTIONS.test(last) && !/^v\d/.test(last);
  const m = method.toUpperCase();
  if (m === 'DELETE') return 'delete';
  if (m === 'GET' || m === 'HEAD') return onItem ? 'retrieve' : 'list';
  return onItem ? 'update' : 'create';
}

/** A `{deleted: true}` answer (OpenAI `*.deleted` objects, Anthropic `*_deleted`). */
export function deletedFacts(value: unknown): { summary: string; action: EndpointAction } | undefined {
  if (!isObject(value) || value.deleted !== true) return undefined;
  return { summary: 'deleted', action: 'delete' };
}

/** The number in `value[key]`, or undefined. */
export function num(value: unknown, key: string): number | undefined {
  return isObject(value) ? asNumber(value[key]) : undefined;
}

export function str(value: unknown, key: string): string | undefined {
  return isObject(value) ? asString(value[key]) : undefined;
}

export function list(value: unknown, key: string): unknown[] | undefined {
  return isObject(value) && Array.isArray(value[key]) ? (value[key] as unknown[]) : undefined;
}

export { asArray };

const MULTIPART = /^multipart\/form-data\b.*?\bboundary="?([^";]+)"?/i;

/**
 * The fields of a multipart/form-data body: text fields by name (short values only), and for a
 * file part `{filename, bytes}`. Enough to name the model, purpose and file of an upload.
 */
export function multipartFields(contentType: string, body: DecodedBody): Record<string, unknown> {
  const boundary = MULTIPART.exec(contentType)?.[1];
  if (!boundary) return {};
  const raw = body.kind === 'text' ? Buffer.from(body.text, 'utf8') : body.kind === 'binary' ? Buffer.from(body.bytes) : undefined;
  if (!raw) return {};
  const text = raw.toString('latin1');
  const fields: Record<string, unknown> = {};
  for (const part of text.split(`--${boundary}`).slice(1)) {
    if (part.startsWith('--')) break;
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.slice(0, split);
    const content = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /\bname="([^"]*)"/i.exec(head)?.[1];
    if (!name) continue;
    const filename = /\bfilename="([^"]*)"/i.exec(head)?.[1];
    if (filename !== undefined) fields[name] = { filename: Buffer.from(filename, 'latin1').toString('utf8'), bytes: content.length };
    else if (content.length <= 200) fields[name] = Buffer.from(content, 'latin1').toString('utf8');
  }
  return fields;
}

/** Width × height of a PNG from the start of its base64 (the IHDR chunk); undefined for other data. */
export function pngSize(base64: string): string | undefined {
  const head = Buffer.from(base64.slice(0, 32), 'base64');
  if (head.length < 24 || head.readUInt32BE(0) !== 0x89504e47 || head.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return `${head.readUInt32BE(16)}x${head.readUInt32BE(20)}`;
}
