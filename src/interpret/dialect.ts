// The contract every API dialect implements: one file per dialect, registered in index.ts.

import type { DecodedBody } from '../decode/types.ts';
import type { HttpResponse } from '../model.ts';
import { httpError } from './errors.ts';
import type { RequestUrl } from './request-url.ts';
import type { LlmRequest, LlmResponse, Provider } from './types.ts';

/** What a dialect sees of the request when deciding whether it speaks it. */
export interface RequestInfo {
  method: string;
  url: RequestUrl;
  /** The decoded request body (JSON value when it was JSON). */
  body: DecodedBody;
}

export interface Dialect {
  provider: Provider;
  /** Does this request speak this dialect? Decided by URL path and body shape, not the host. */
  matches(request: RequestInfo): boolean;
  readRequest(request: RequestInfo): LlmRequest;
  /** Plain JSON or a stream, the same final message; errors become `response.error`. */
  readResponse(body: DecodedBody, response: HttpResponse, request: LlmRequest): LlmResponse;
}

/** A stream reducer: build state event by event, then finalize it into a response. */
export interface StreamAccumulator<State, Event> {
  initial(): State;
  accumulate(state: State, event: Event): State;
  finalize(state: State): LlmResponse;
}

/**
 * The usual `readResponse`: an SSE body through the dialect's stream reader, anything else as one
 * JSON value (an empty object when it is not JSON); a status >= 400 whose body carried no error
 * becomes one, from the body or the status line.
 */
export function readSseOrJson(
  body: DecodedBody,
  response: HttpResponse,
  fromStream: (body: Extract<DecodedBody, { kind: 'sse' }>) => LlmResponse,
  fromJson: (value: unknown) => LlmResponse,
): LlmResponse {
  const result = body.kind === 'sse' ? fromStream(body) : fromJson(body.kind === 'json' ? body.value : {});
  if (response.status >= 400 && !result.error) result.error = httpError(body, response);
  return result;
}
