// API errors, from an error body or an error event inside a stream, in one shape for every dialect.

import type { DecodedBody } from '../decode/types.ts';
import type { HttpResponse } from '../model.ts';
import { asString, isObject } from './json-access.ts';
import type { LlmError } from './types.ts';

/**
 * `{error: {type|code|status, message}}` (OpenAI, Anthropic, Gemini, most gateways),
 * `{error: "text"}`, or `{message, type}`; undefined when the value carries no error.
 */
export function errorFromBody(value: unknown): LlmError | undefined {
  if (!isObject(value)) return undefined;
  const error = value.error;
  if (typeof error === 'string') return { type: 'error', message: error };
  if (isObject(error)) {
    const type = asString(error.type) ?? asString(error.status) ?? String(error.code ?? 'error');
    return { type, message: asString(error.message) ?? JSON.stringify(error) };
  }
  if (value.type === 'error' || (asString(value.message) !== undefined && value.type !== undefined)) {
    return { type: asString(value.type) ?? 'error', message: asString(value.message) ?? '' };
  }
  return undefined;
}

/** The error of a response with status >= 400, from its body when it says, else the status. */
export function httpError(body: DecodedBody, response: HttpResponse): LlmError {
  if (body.kind === 'json') {
    const error = errorFromBody(body.value);
    if (error) return error;
  }
  const text = body.kind === 'text' || body.kind === 'json' ? body.text.trim().slice(0, 500) : '';
  return { type: `http_${response.status}`, message: text || response.statusText };
}
