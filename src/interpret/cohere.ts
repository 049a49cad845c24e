// Cohere v2 Chat: POST /v2/chat. Plain JSON, or SSE whose events are named by their `type`:
// message-start, content-start|delta|end (text or thinking), tool-plan-delta, tool-call-start|
// delta|end, citation-start|end, message-end (finish_reason, usage.tokens / usage.billed_units).

import type { DecodedBody } from '../decode/types.ts';
import { eventJson } from '../decode/sse.ts';
import type { HttpResponse } from '../model.ts';
import { readSseOrJson, type Dialect, type RequestInfo, type StreamAccumulator } from './dialect.ts';
import { httpError } from './errors.ts';
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from './json-access.ts';
import { finalResponse, toolCall, usage } from './parts.ts';
import type { ContentPart, LlmError, LlmRequest, LlmResponse, Message, ResponseFormat, Role, ToolDefinition, Usage } from './types.ts';

// ---- request ---------------------------------------------------------------------------------

/** `content` is a string or a list of `{type: text|thinking|image_url|document}` items. */
function contentParts(content: unknown): ContentPart[] {
  if (typeof content === 'string') return content ? [{ type: 'text', text: content }] : [];
  return asArray(content).map((raw): ContentPart => {
    const item = asObject(raw);
    switch (item.type) {
      case 'text':
        return { type: 'text', text: asString(item.text) ?? '' };
      case 'thinking':
        return { type: 'reasoning', text: asString(item.thinking) ?? '' };
      case 'image_url':
        return { type: 'image', mediaType: 'image/*', url: asString(asObject(item.image_url).url) ?? '' };
      case 'document': {
        // Tool results and RAG documents: `data` is text or an object.
        const data = asObject(item.document).data;
        return { type: 'other', kind: 'document', summary: typeof data === 'string' ? data : JSON.stringify(data ?? item.document ?? '') };
      }
      default:
        return { type: 'other', kind: String(item.type ?? 'unknown'), summary: JSON.stringify(item).slice(0, 120) };
    }
  });
}

function textOf(parts: ContentPart[]): string {
  return parts.map((p) => (p.type === 'text' ? p.text : p.type === 'other' ? p.summary : '')).join('');
}

function requestMessage(raw: unknown): Message {
  const message = asObject(raw);
  const role = (asString(message.role) ?? 'user') as Role;
  if (role === 'tool') {
    return { role, content: [{ type: 'tool-result', toolCallId: asString(message.tool_call_id) ?? null, content: textOf(contentParts(message.content)) }] };
  }
  const content: ContentPart[] = [];
  const plan = asString(message.tool_plan);
  if (plan) content.push({ type: 'reasoning', text: plan });
  content.push(...contentParts(message.content));
  for (const rawCall of asArray(message.tool_calls)) {
    const call = asObject(rawCall);
    const fn = asObject(call.function);
    content.push({ type: 'tool-call', ...toolCall(asString(call.id) ?? null, asString(fn.name) ?? '', asString(fn.arguments) ?? '') });
  }
  return { role, content };
}

function toolDefinitions(body: JsonObject): ToolDefinition[] {
  return asArray(body.tools).map((raw): ToolDefinition => {
    const fn = asObject(asObject(raw).function);
    const definition: ToolDefinition = { name: asString(fn.name) ?? '' };
    const description = asString(fn.description);
    if (description) definition.description = description;
    if (fn.parameters !== undefined) definition.parameters = fn.parameters;
    return definition;
  });
}

function responseFormat(body: JsonObject): ResponseFormat | undefined {
  const format = asObject(body.response_format);
  if (!asString(format.type)) return undefined;
  const result: ResponseFormat = { type: String(format.type) };
  if (format.json_schema !== undefined) result.schema = format.json_schema;
  return result;
}

function readRequest(info: RequestInfo): LlmRequest {
  const body = info.body.kind === 'json' ? asObject(info.body.value) : {};
  const all = asArray(body.messages).map(requestMessage);
  let leading = 0;
  while (leading < all.length && all[leading]!.role === 'system') leading++;
  const request: LlmRequest = {
    model: asString(body.model) ?? null,
    system: leading ? all.slice(0, leading).map((m) => textOf(m.content)).join('\n\n') : null,
    messages: all.slice(leading),
    tools: toolDefinitions(body),
    stream: body.stream === true,
  };
  const format = responseFormat(body);
  if (format) request.responseFormat = format;
  return request;
}

// ---- response --------------------------------------------------------------------------------

interface ToolCallSlot {
  id: string | null;
  name: string;
  arguments: string;
}

interface CohereState {
  id?: string;
  /** Content items by index: text or thinking. */
  content: { type: string; text: string }[];
  toolPlan: string;
  toolCalls: ToolCallSlot[];
  finishReason: string | null;
  usage: Usage | null;
  ended: boolean;
  events: number;
  error?: LlmError;
}

/** A parsed stream event (`{type, index?, delta?}`), or the name of one whose JSON did not parse. */
type CohereEvent = JsonObject;

/** Billed units are what the account pays; `tokens` are what the model saw: prefer `tokens`. */
export function cohereUsage(raw: unknown): Usage | null {
  if (!isObject(raw)) return null;
  const tokens = asObject(raw.tokens);
  const billed = asObject(raw.billed_units);
  const cached = asNumber(raw.cached_tokens);
  return usage({
    inputTokens: asNumber(tokens.input_tokens) ?? asNumber(billed.input_tokens),
    outputTokens: asNumber(tokens.output_tokens) ?? asNumber(billed.output_tokens),
    cacheReadTokens: cached || undefined,
  });
}

function contentItem(state: CohereState, index: number, type: string) {
  return (state.content[index] ??= { type, text: '' });
}

const cohereStream: StreamAccumulator<CohereState, CohereEvent> = {
  initial: () => ({ content: [], toolPlan: '', toolCalls: [], finishReason: null, usage: null, ended: false, events: 0 }),
  accumulate(state, event) {
    state.events++;
    const index = asNumber(event.index) ?? 0;
    const delta = asObject(event.delta);
    const message = asObject(delta.message);
    switch (event.type) {
      case 'message-start':
        if (asString(event.id)) state.id = asString(event.id)!;
        break;
      case 'content-start':
      case 'content-delta': {
        const content = asObject(message.content);
        const type = asString(content.type) ?? (content.thinking !== undefined ? 'thinking' : 'text');
        const item = contentItem(state, index, type);
        item.text += asString(content.text) ?? asString(content.thinking) ?? '';
        break;
      }
      case 'tool-plan-delta':
        state.toolPlan += asString(message.tool_plan) ?? '';
        break;
      case 'tool-call-start':
      case 'tool-call-delta': {
        const call = asObject(message.tool_calls);
        const fn = asObject(call.function);
        const slot = (state.toolCalls[index] ??= { id: null, name: '', arguments: '' });
        if (asString(call.id)) slot.id = asString(call.id)!;
        if (asString(fn.name)) slot.name = asString(fn.name)!;
        slot.arguments += asString(fn.arguments) ?? '';
        break;
      }
      case 'message-end': {
        state.ended = true;
        const finish = asString(delta.finish_reason);
        if (finish) state.finishReason = finish;
        const reported = cohereUsage(delta.usage);
        if (reported) state.usage = reported;
        if (isObject(delta.error) || asString(delta.error)) state.error = { type: 'error', message: asString(delta.error) ?? JSON.stringify(delta.error) };
        break;
      }
      // content-end, tool-call-end, citation-start|end and debug events carry nothing kept here.
    }
    return state;
  },
  finalize(state) {
    const text = state.content.filter((c) => c && c.type === 'text').map((c) => c.text).join('');
    const thinking = state.content.filter((c) => c && c.type === 'thinking').map((c) => c.text);
    return finalResponse({
      text,
      reasoning: [...thinking, ...(state.toolPlan ? [state.toolPlan] : [])].join('\n\n'),
      toolCalls: state.toolCalls.filter(Boolean).map((slot) => toolCall(slot.id, slot.name, slot.arguments)),
      finishReason: state.finishReason,
      usage: state.usage,
      events: state.events,
      id: state.id,
      error: state.error,
      incomplete: state.events > 0 && !state.ended && !state.error,
    });
  },
};

function fromStream(body: Extract<DecodedBody, { kind: 'sse' }>): LlmResponse {
  let state = cohereStream.initial();
  for (const event of body.events) {
    const json = eventJson(event);
    state = cohereStream.accumulate(state, isObject(json) ? json : { type: event.event ?? 'unparsed' });
  }
  return cohereStream.finalize(state);
}

/** A whole response, replayed through the reducer as the events its stream would have sent. */
function fromJson(value: unknown): LlmResponse {
  const body = asObject(value);
  const message = asObject(body.message);
  let state = cohereStream.accumulate(cohereStream.initial(), { type: 'message-start', id: body.id });
  asArray(message.content).forEach((item, index) => {
    state = cohereStream.accumulate(state, { type: 'content-start', index, delta: { message: { content: item } } });
  });
  if (asString(message.tool_plan)) state = cohereStream.accumulate(state, { type: 'tool-plan-delta', delta: { message: { tool_plan: message.tool_plan } } });
  asArray(message.tool_calls).forEach((call, index) => {
    state = cohereStream.accumulate(state, { type: 'tool-call-start', index, delta: { message: { tool_calls: call } } });
  });
  state = cohereStream.accumulate(state, { type: 'message-end', delta: { finish_reason: body.finish_reason, usage: body.usage } });
  return { ...cohereStream.finalize(state), events: 0 };
}

/** Cohere error bodies are `{id, message}`. */
function cohereHttpError(body: DecodedBody, response: HttpResponse): LlmError {
  const json = body.kind === 'json' ? asObject(body.value) : {};
  const message = asString(json.message);
  return message ? { type: `http_${response.status}`, message } : httpError(body, response);
}

export const cohere: Dialect = {
  provider: 'cohere',
  matches: (info) => /\/v2\/chat\/?$/.test(info.url.pathname),
  readRequest,
  readResponse(body, response) {
    if (response.status >= 400) {
      return { ...fromJson({}), finishReason: null, usage: null, error: cohereHttpError(body, response) };
    }
    return readSseOrJson(body, response, fromStream, fromJson);
  },
};
