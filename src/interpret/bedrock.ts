// AWS Bedrock runtime with Anthropic models: POST /model/<model-id>/invoke (plain JSON Messages
// body) and /model/<model-id>/invoke-with-response-stream (AWS event-stream frames whose `chunk`
// events carry base64 Anthropic stream events). The model id is in the URL, URL-encoded.

import { chunkInnerText } from '../decode/event-stream.ts';
import { headerValue } from '../http/headers.ts';
import type { DecodedBody, EventStreamFrame } from '../decode/types.ts';
import type { HttpResponse } from '../model.ts';
import { fromMessageJson, readAnthropicRequest, replayItems } from './anthropic.ts';
import type { AnthropicItem } from './anthropic-stream.ts';
import { DiagnosticList } from '../findings/diagnostic.ts';
import type { Dialect, RequestInfo } from './dialect.ts';
import { httpError } from './errors.ts';
import { asNumber, asString, isObject, type JsonObject } from './json-access.ts';
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

/**
 * Each frame's Anthropic event text: a `chunk` frame's base64 `bytes` decoded; undefined for a
 * frame that is no chunk (an exception, another event). The transcript's raw view reads this too.
 */
export function bedrockChunkEvents(frames: EventStreamFrame[]): (string | undefined)[] {
  return frames.map(chunkInnerText);
}

const exceptionEvent = (type: string, message: string): AnthropicItem => ({ kind: 'event', event: { type: 'error', error: { type, message } } });

/** Each frame → the Anthropic event it carries; exceptions become an `error` event. */
function frameItems(body: Extract<DecodedBody, { kind: 'event-stream' }>, diagnostics: DiagnosticList): AnthropicItem[] {
  const inner = bedrockChunkEvents(body.frames);
  const items = body.frames.map((frame, at): AnthropicItem => {
    const type = frame.headers[':message-type'];
    if (type === 'exception') return exceptionEvent(String(frame.headers[':exception-type'] ?? 'exception'), messageOf(frame.payload));
    if (type === 'error') return exceptionEvent(String(frame.headers[':error-code'] ?? 'error'), String(frame.headers[':error-message'] ?? frame.payload));
    const eventType = String(frame.headers[':event-type'] ?? '');
    const text = inner[at];
    if (eventType !== 'chunk') {
      // Counted as a stream event (it is one), but it carries no Anthropic event.
      diagnostics.addCounted('unknown-event', `frame:${eventType}`, `Bedrock event-stream frame type "${eventType || '(none)'}" not interpreted`, at);
      return { kind: 'carrier' };
    }
    const json = text === undefined ? undefined : parseJson(text);
    if (isObject(json)) return { kind: 'event', event: json };
    return text === undefined
      ? { kind: 'unparsed', length: frame.payload.length, name: 'chunk without base64 bytes', preview: frame.payload }
      : { kind: 'unparsed', length: text.length, name: 'chunk', preview: text };
  });
  // A corrupt frame ends the stream: say so rather than showing it as merely incomplete.
  if (body.error) items.push(exceptionEvent('event_stream_error', body.error));
  return items;
}

/**
 * Bedrock appends its own count to the last chunk (`amazon-bedrock-invocationMetrics`); it can
 * disagree with the message's usage (Claude 3 tool-use streams count fewer output tokens there).
 * The message's usage stays; the disagreement is a diagnostic.
 */
function invocationMetricsMismatches(items: AnthropicItem[], response: LlmResponse, diagnostics: DiagnosticList): void {
  for (const [at, item] of items.entries()) {
    if (item.kind !== 'event' || !isObject(item.event[INVOCATION_METRICS])) continue;
    const metrics = item.event[INVOCATION_METRICS] as JsonObject;
    const pairs: [string, number | undefined, string, number | undefined][] = [
      ['output tokens', response.usage?.outputTokens, 'outputTokenCount', asNumber(metrics.outputTokenCount)],
      ['input tokens', response.usage?.inputTokens, 'inputTokenCount', asNumber(metrics.inputTokenCount)],
      ['cache read tokens', response.usage?.cacheReadTokens, 'cacheReadInputTokenCount', asNumber(metrics.cacheReadInputTokenCount)],
      ['cache write tokens', response.usage?.cacheWriteTokens, 'cacheWriteInputTokenCount', asNumber(metrics.cacheWriteInputTokenCount)],
    ];
    for (const [what, usage, field, metric] of pairs) {
      if (usage === undefined || metric === undefined || usage === metric) continue;
      diagnostics.add('usage-mismatch', `Bedrock ${what}: the message usage says ${usage}, ${INVOCATION_METRICS}.${field} ${metric}`, at);
    }
  }
}

const INVOCATION_METRICS = 'amazon-bedrock-invocationMetrics';

function fromEventStream(body: Extract<DecodedBody, { kind: 'event-stream' }>): LlmResponse {
  const diagnostics = new DiagnosticList();
  const items = frameItems(body, diagnostics);
  const response = replayItems(items);
  invocationMetricsMismatches(items, response, diagnostics);
  // Frame diagnostics first (they explain the rest), then the reducer's, then the metrics check.
  const all = [...diagnostics.items.filter((d) => d.code !== 'usage-mismatch'), ...(response.diagnostics ?? []), ...diagnostics.items.filter((d) => d.code === 'usage-mismatch')];
  if (all.length) response.diagnostics = all;
  return response;
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
  if (body.kind === 'event-stream') result = fromEventStream(body);
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
