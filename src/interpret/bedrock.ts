// AWS Bedrock runtime with Anthropic models: POST /model/<model-id>/invoke (plain JSON Messages
// body) and /model/<model-id>/invoke-with-response-stream (AWS event-stream frames whose `chunk`
// events carry base64 Anthropic stream events). The model id is in the URL, URL-encoded.

import { chunkInnerText } from '../decode/event-stream.ts';
import { headerValue } from '../decode/index.ts';
import type { DecodedBody } from '../decode/types.ts';
import type { HttpResponse } from '../model.ts';
import { fromMessageJson, readAnthropicRequest, replayEvents } from './anthropic.ts';
import type { AnthropicEvent } from './anthropic-stream.ts';
import type { Dialect, RequestInfo } from './dialect.ts';
import { httpError } from './errors.ts';
import { asString, isObject } from './json-access.ts';
import type { LlmError, LlmResponse } from './types.ts';

const INVOKE_PATH = /\/model\/([^/]+)\/invoke(-with-response-stream)?\/?$/;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `{message}` or `{Message}` payloads of exception frames and error bodies. */
function messageOf(text: string): string {
  const json = parseJson(text);
  if (isObject(json)) return asString(json.message) ?? asString(json.Message) ?? text;
  return text;
}

/** Each frame → the Anthropic event it carries; exceptions become an `error` event. */
function frameEvents(body: Extract<DecodedBody, { kind: 'event-stream' }>): AnthropicEvent[] {
  const events = body.frames.map((frame): AnthropicEvent => {
    const type = frame.headers[':message-type'];
    if (type === 'exception') {
      const error = { type: String(frame.headers[':exception-type'] ?? 'exception'), message: messageOf(frame.payload) };
      return { type: 'error', error };
    }
    if (type === 'error') {
      const error = { type: String(frame.headers[':error-code'] ?? 'error'), message: String(frame.headers[':error-message'] ?? frame.payload) };
      return { type: 'error', error };
    }
    const inner = parseJson(chunkInnerText(frame) ?? '');
    return isObject(inner) ? inner : { type: `bedrock:${String(frame.headers[':event-type'] ?? 'unknown')}` };
  });
  // A corrupt frame ends the stream: say so rather than showing it as merely incomplete.
  if (body.error) events.push({ type: 'error', error: { type: 'event_stream_error', message: body.error } });
  return events;
}

/** Bedrock errors name their type in x-amzn-ErrorType (`ValidationException:http://…`). */
function bedrockHttpError(body: DecodedBody, response: HttpResponse): LlmError {
  const errorType = headerValue(response.headers, 'x-amzn-errortype')?.split(':')[0];
  const text = body.kind === 'json' || body.kind === 'text' ? body.text : '';
  if (errorType) return { type: errorType, message: messageOf(text) || response.statusText };
  return httpError(body, response);
}

function readResponse(body: DecodedBody, response: HttpResponse): LlmResponse {
  let result: LlmResponse;
  if (body.kind === 'event-stream') result = replayEvents(frameEvents(body));
  else result = fromMessageJson(body.kind === 'json' ? body.value : {});
  if (response.status >= 400) result.error = bedrockHttpError(body, response);
  return result;
}

function modelId(info: RequestInfo): string | null {
  const raw = INVOKE_PATH.exec(info.url.pathname)?.[1];
  if (raw === undefined) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export const bedrock: Dialect = {
  provider: 'bedrock',
  // Other model families share these URLs with their own bodies; Anthropic ones carry
  // `anthropic_version` (required there), or an Anthropic model id.
  matches(info) {
    const model = modelId(info);
    if (model === null) return false;
    const body = info.body.kind === 'json' ? info.body.value : undefined;
    return /anthropic|claude/i.test(model) || (isObject(body) && body.anthropic_version !== undefined);
  },
  readRequest: (info) => readAnthropicRequest(info.body, modelId(info), /-with-response-stream\/?$/.test(info.url.pathname)),
  readResponse,
};
