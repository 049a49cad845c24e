// The contract every API dialect implements: one file per dialect, registered in index.ts.

import type { DecodedBody } from '../decode/types.ts';
import type { HttpResponse } from '../model.ts';
import type { LlmRequest, LlmResponse, Provider } from './types.ts';

/** What a dialect sees of the request when deciding whether it speaks it. */
export interface RequestInfo {
  method: string;
  url: URL;
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
