// Plain parsed values → the model's pieces, shared by the format readers.

import type { Body, Headers, Interaction } from '../model.ts';
import { CassetteError } from '../errors.ts';
import { isPlainMap, type PlainMap } from './shape.ts';

/** Header bytes (`!!binary` values botocore sends) as text: UTF-8 when valid, else latin1. */
export function bytesToText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf8 = buffer.toString('utf8');
  return utf8.includes('\ufffd') ? buffer.toString('latin1') : utf8;
}

/** A scalar as text; never `[object Object]` (a structure becomes its JSON text). */
export function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return bytesToText(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function toBody(value: unknown): Body {
  if (value instanceof Uint8Array) return value;
  return scalarText(value);
}

export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

/** `{Name: [v1, v2]}` or `{Name: v}` → Headers. */
export function mapOfListsHeaders(value: unknown): Headers {
  const headers: Headers = {};
  if (!isPlainMap(value)) return headers;
  for (const name in value) {
    const values = value[name];
    if (Array.isArray(values)) headers[name] = values.every((v) => typeof v === 'string') ? values : values.map(scalarText);
    else if (values !== null && values !== undefined) headers[name] = [scalarText(values)];
  }
  return headers;
}

/** `[{name, value}]` (HAR) → Headers; repeated names keep every value in order. */
export function nameValueHeaders(value: unknown): Headers {
  const headers: Headers = {};
  if (!Array.isArray(value)) return headers;
  for (const item of value) {
    if (!isPlainMap(item) || item.name === undefined) continue;
    const name = scalarText(item.name);
    (headers[name] ??= []).push(scalarText(item.value));
  }
  return headers;
}

export function base64Bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

/** A recorded status code and reason phrase → the model's `status` and status line ("200 OK"). */
export function statusFields(code: unknown, message: unknown): { status: number; statusText: string } {
  const status = toNumber(code) ?? 0;
  const reason = scalarText(message);
  return { status, statusText: reason ? `${status} ${reason}` : String(status) };
}

/**
 * Each item of the interaction list → an Interaction, with its line. `each` gets the item's
 * `request` and `response` maps; an item without both is an error naming it.
 */
export function readInteractions(
  doc: { file: string; interactionLines: number[] },
  list: unknown,
  each: (request: PlainMap, response: PlainMap, item: PlainMap) => Omit<Interaction, 'index' | 'line'>,
): Interaction[] {
  if (!Array.isArray(list)) return [];
  return list.map((item, index): Interaction => {
    const line = doc.interactionLines[index];
    const read = isPlainMap(item) && isPlainMap(item.request) && isPlainMap(item.response) ? each(item.request, item.response, item) : undefined;
    if (!read) {
      const where = line ? { line, col: 1 } : undefined;
      throw new CassetteError('not-a-cassette', `interaction ${index} has no request or response`, doc.file, where);
    }
    const interaction: Interaction = { index, ...read };
    if (line) interaction.line = line;
    return interaction;
  });
}
