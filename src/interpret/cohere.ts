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
import { DiagnosticList } from '../findings/diagnostic.ts';
import type { DiagnosticCode } from '../findings/codes.ts';
import type { Citation, ContentPart, LlmError, LlmRequest, LlmResponse, Message, ResponseFormat, Role, ToolDefinition, Usage } from './types.ts';

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
  citations: Citation[];
  finishReason: string | null;
  usage: Usage | null;
  ended: boolean;
  events: number;
  error?: LlmError;
  diagnostics: DiagnosticList;
  /** False when a whole JSON answer is replayed as events: no stream to end early, no event indexes. */
  streamed: boolean;
}

/** A parsed stream event (`{type, index?, delta?}`), or the data length of one whose JSON did not parse. */
type CohereEvent = { kind: 'event'; event: JsonObject } | { kind: 'unparsed'; length: number; name?: string | undefined };

const CONTENT_TYPES = new Set(['text', 'thinking']);

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

/** Citations whose sources are documents with a URL (web search, RAG documents); tool sources have none. */
function addCitations(state: CohereState, raw: unknown): void {
  for (const citation of Array.isArray(raw) ? raw : [raw]) {
    for (const source of asArray(asObject(citation).sources)) {
      const document = asObject(asObject(source).document);
      const url = asString(document.url);
      if (!url || state.citations.some((c) => c.url === url)) continue;
      const title = asString(document.title);
      state.citations.push(title ? { url, title } : { url });
    }
  }
}

function note(state: CohereState, code: DiagnosticCode, message: string, event: number): void {
  state.diagnostics.add(code, message, state.streamed ? event : undefined);
}

const cohereStream: StreamAccumulator<CohereState, CohereEvent> = {
  initial: () => ({
    content: [],
    toolPlan: '',
    toolCalls: [],
    citations: [],
    finishReason: null,
    usage: null,
    ended: false,
    events: 0,
    diagnostics: new DiagnosticList(),
    streamed: true,
  }),
  accumulate(state, received) {
    const at = state.events++;
    if (received.kind === 'unparsed') {
      note(state, 'unparsed-event', `Cohere event ${at}${received.name ? ` (${received.name})` : ''}: data (${received.length} characters) is not JSON`, at);
      return state;
    }
    const event = received.event;
    const index = asNumber(event.index) ?? 0;
    const delta = asObject(event.delta);
    const message = asObject(delta.message);
    const type = asString(event.type) ?? '';
    switch (type) {
      case 'message-start':
        if (asString(event.id)) state.id = asString(event.id)!;
        break;
      case 'content-start':
      case 'content-delta': {
        const content = asObject(message.content);
        if (type === 'content-delta' && !state.content[index]) {
          note(state, 'delta-before-start', `Cohere content-delta for content ${index}, which had no content-start`, at);
        }
        const kind = asString(content.type) ?? state.content[index]?.type ?? (content.thinking !== undefined ? 'thinking' : 'text');
        if (!CONTENT_TYPES.has(kind)) {
          state.diagnostics.addCounted('unknown-event', `content:${kind}`, `Cohere content type "${kind}" not interpreted`, state.streamed ? at : undefined);
          break;
        }
        const item = (state.content[index] ??= { type: kind, text: '' });
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
        const existing = state.toolCalls[index];
        if (type === 'tool-call-delta' && !existing) {
          note(state, 'delta-before-start', `Cohere tool-call-delta for tool call ${index}, which had no tool-call-start`, at);
        }
        if (type === 'tool-call-start' && existing && asString(call.id) && existing.id && existing.id !== call.id) {
          note(state, 'tool-call-index-collision', `Cohere tool calls ${existing.id} and ${String(call.id)} both started on index ${index}`, at);
        }
        const slot = (state.toolCalls[index] ??= { id: null, name: '', arguments: '' });
        if (asString(call.id)) slot.id = asString(call.id)!;
        if (asString(fn.name)) slot.name = asString(fn.name)!;
        slot.arguments += asString(fn.arguments) ?? '';
        break;
      }
      case 'citation-start':
        addCitations(state, message.citations);
        break;
      case 'message-end': {
        state.ended = true;
        const finish = asString(delta.finish_reason);
        if (finish) state.finishReason = finish;
        const reported = cohereUsage(delta.usage);
        if (reported) state.usage = reported;
        if (isObject(delta.error) || asString(delta.error)) state.error = { type: 'error', message: asString(delta.error) ?? JSON.stringify(delta.error) };
        break;
      }
      // Ends of blocks and debug traces: nothing to keep.
      case 'content-end':
      case 'tool-call-end':
      case 'citation-end':
      case 'debug':
        break;
      default:
        state.diagnostics.addCounted('unknown-event', `event:${type}`, `Cohere event type "${type || '(none)'}" not interpreted`, at);
    }
    return state;
  },
  finalize(state) {
    const text = state.content.filter((c) => c && c.type === 'text').map((c) => c.text).join('');
    const thinking = state.content.filter((c) => c && c.type === 'thinking').map((c) => c.text);
    const toolCalls = state.toolCalls.filter(Boolean).map((slot) => toolCall(slot.id, slot.name, slot.arguments));
    for (const call of toolCalls) {
      // Cohere v2 gives every call an id; the tool message must name it.
      if (!call.id) state.diagnostics.add('tool-call-without-id', `Cohere tool call ${call.name || '(unnamed)'} has no id`);
      if (call.invalidArguments) state.diagnostics.add('invalid-tool-arguments', `Cohere tool call ${call.name || '(unnamed)'}: arguments are not valid JSON`);
    }
    const incomplete = state.streamed && state.events > 0 && !state.ended && !state.error;
    if (incomplete) state.diagnostics.add('stream-unterminated', 'Cohere stream ended without message-end');
    const response = finalResponse({
      text,
      reasoning: [...thinking, ...(state.toolPlan ? [state.toolPlan] : [])].join('\n\n'),
      toolCalls,
      finishReason: state.finishReason,
      usage: state.usage,
      events: state.streamed ? state.events : 0,
      id: state.id,
      error: state.error,
      citations: state.citations,
      incomplete,
    });
    if (state.diagnostics.items.length) response.diagnostics = state.diagnostics.items;
    return response;
  },
};

function fromStream(body: Extract<DecodedBody, { kind: 'sse' }>): LlmResponse {
  let state = cohereStream.initial();
  for (const event of body.events) {
    const json = eventJson(event);
    state = cohereStream.accumulate(state, isObject(json) ? { kind: 'event', event: json } : { kind: 'unparsed', length: event.data.length, name: event.event });
  }
  return cohereStream.finalize(state);
}

/** A whole response, replayed through the reducer as the events its stream would have sent. */
function fromJson(value: unknown): LlmResponse {
  const body = asObject(value);
  const message = asObject(body.message);
  const replay = (state: CohereState, event: JsonObject) => cohereStream.accumulate(state, { kind: 'event', event });
  let state = replay({ ...cohereStream.initial(), streamed: false }, { type: 'message-start', id: body.id });
  asArray(message.content).forEach((item, index) => {
    state = replay(state, { type: 'content-start', index, delta: { message: { content: item } } });
  });
  if (asString(message.tool_plan)) state = replay(state, { type: 'tool-plan-delta', delta: { message: { tool_plan: message.tool_plan } } });
  asArray(message.tool_calls).forEach((call, index) => {
    state = replay(state, { type: 'tool-call-start', index, delta: { message: { tool_calls: call } } });
  });
  if (message.citations !== undefined) state = replay(state, { type: 'citation-start', delta: { message: { citations: message.citations } } });
  state = replay(state, { type: 'message-end', delta: { finish_reason: body.finish_reason, usage: body.usage } });
  return cohereStream.finalize(state);
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
