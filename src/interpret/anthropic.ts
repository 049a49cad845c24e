// Anthropic Messages: POST /v1/messages (api.anthropic.com and gateways), and the same body on
// Vertex AI (…/publishers/anthropic/models/<model>:rawPredict or :streamRawPredict, model in the
// URL, `anthropic_version` in the body). Plain JSON or SSE; the stream reducer is anthropic-stream.ts.

import type { DecodedBody, SseEvent } from '../decode/types.ts';
import { eventJson } from '../decode/sse.ts';
import { serverToolBlockPart } from './anthropic-blocks.ts';
import { anthropicStream, type AnthropicEvent, type AnthropicItem } from './anthropic-stream.ts';
import { readSseOrJson, type Dialect, type RequestInfo } from './dialect.ts';
import { errorFromBody } from './errors.ts';
import { asArray, asObject, asString, isObject, type JsonObject } from './json-access.ts';
import { base64Size, toolCall } from './parts.ts';
import type { ContentPart, LlmRequest, LlmResponse, Message, ResponseFormat, Role, ToolDefinition } from './types.ts';

// ---- request ---------------------------------------------------------------------------------

/** An image or document `source`: base64 is summarized by size, URLs and file ids kept. */
function sourcePart(kind: 'image' | 'file', block: JsonObject): ContentPart {
  const source = asObject(block.source);
  const mediaType = asString(source.media_type) ?? (kind === 'image' ? 'image/*' : 'application/octet-stream');
  let part: ContentPart;
  switch (source.type) {
    case 'base64':
      part = { type: kind, mediaType, bytes: base64Size(asString(source.data) ?? '') };
      break;
    case 'text':
      part = { type: kind, mediaType: mediaType === 'application/octet-stream' ? 'text/plain' : mediaType, bytes: (asString(source.data) ?? '').length };
      break;
    case 'url':
      part = { type: kind, mediaType, url: asString(source.url) ?? '' };
      break;
    case 'file':
      part = { type: kind, mediaType, url: `file_id:${asString(source.file_id) ?? ''}` };
      break;
    default:
      return { type: 'other', kind: `${kind} (${String(source.type ?? 'no source')})`, summary: JSON.stringify(source).slice(0, 120) };
  }
  const title = asString(block.title);
  return part.type === 'file' && title ? { ...part, name: title } : part;
}

/** Tool results hold a string or blocks; text is kept, anything else summarized in brackets. */
function toolResultText(content: unknown): string {
  if (typeof content === 'string') return content;
  return asArray(content)
    .map((raw) => {
      const block = asObject(raw);
      if (block.type === 'text') return asString(block.text) ?? '';
      const part = contentPart(block, new Map());
      if (part.type === 'image' || part.type === 'file') {
        return `[${part.type}: ${part.mediaType}${part.bytes !== undefined ? `, ${part.bytes} bytes` : part.url ? `, ${part.url}` : ''}]`;
      }
      return `[${String(block.type ?? 'unknown')}]`;
    })
    .join('\n');
}

/** `toolNames` maps tool_use ids seen so far to names, so results can say which tool they answer. */
function contentPart(block: JsonObject, toolNames: Map<string, string>): ContentPart {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: asString(block.text) ?? '' };
    case 'image':
      return sourcePart('image', block);
    case 'document':
      return sourcePart('file', block);
    case 'thinking': {
      const signature = asString(block.signature);
      return { type: 'reasoning', text: asString(block.thinking) ?? '', ...(signature ? { signature } : {}) };
    }
    case 'redacted_thinking':
      return { type: 'reasoning', text: '', redacted: true };
    case 'tool_use': {
      const id = asString(block.id) ?? null;
      const name = asString(block.name) ?? '';
      if (id) toolNames.set(id, name);
      return { type: 'tool-call', ...toolCall(id, name, JSON.stringify(block.input ?? {})) };
    }
    case 'tool_result': {
      const id = asString(block.tool_use_id) ?? null;
      const result: ContentPart = { type: 'tool-result', toolCallId: id, content: toolResultText(block.content) };
      const name = id ? toolNames.get(id) : undefined;
      if (name) result.name = name;
      if (block.is_error === true) result.isError = true;
      return result;
    }
    default:
      // server_tool_use, web_search_tool_result and the other server-side blocks sent back.
      return serverToolBlockPart(block);
  }
}

function requestMessage(raw: unknown, toolNames: Map<string, string>): Message {
  const message = asObject(raw);
  const role = (asString(message.role) ?? 'user') as Role;
  const content =
    typeof message.content === 'string'
      ? [{ type: 'text' as const, text: message.content }]
      : asArray(message.content).map((block) => contentPart(asObject(block), toolNames));
  // A user turn made only of tool results is the tools answering.
  const onlyResults = role === 'user' && content.length > 0 && content.every((p) => p.type === 'tool-result');
  return { role: onlyResults ? 'tool' : role, content };
}

/** `system` is a string or a list of text blocks (often with cache_control). */
function systemText(system: unknown): string | null {
  if (typeof system === 'string') return system;
  const texts = asArray(system).map((b) => asString(asObject(b).text) ?? '');
  return texts.length ? texts.join('\n\n') : null;
}

function toolDefinitions(body: JsonObject): ToolDefinition[] {
  return asArray(body.tools).map((raw): ToolDefinition => {
    const tool = asObject(raw);
    const definition: ToolDefinition = { name: asString(tool.name) ?? String(tool.type ?? '') };
    const description = asString(tool.description);
    if (description) definition.description = description;
    if (tool.input_schema !== undefined) definition.parameters = tool.input_schema;
    // Versioned server and client tools: web_search_20250305, computer_20250124, bash_…, text_editor_….
    if (asString(tool.type) && tool.type !== 'custom') definition.kind = String(tool.type);
    return definition;
  });
}

/** Structured outputs: `output_format` (beta) or `output_config.format`. */
function responseFormat(body: JsonObject): ResponseFormat | undefined {
  const format = isObject(body.output_format) ? body.output_format : asObject(asObject(body.output_config).format);
  if (!asString(format.type)) return undefined;
  const result: ResponseFormat = { type: String(format.type) };
  if (asString(format.name)) result.name = asString(format.name)!;
  if (format.schema !== undefined) result.schema = format.schema;
  return result;
}

/** The Messages request body, for every host that takes it (Anthropic, Vertex, Bedrock). */
export function readAnthropicRequest(body: DecodedBody, urlModel: string | null, urlStream: boolean): LlmRequest {
  const json = body.kind === 'json' ? asObject(body.value) : {};
  const toolNames = new Map<string, string>();
  const request: LlmRequest = {
    model: asString(json.model) ?? urlModel,
    system: systemText(json.system),
    messages: asArray(json.messages).map((m) => requestMessage(m, toolNames)),
    tools: toolDefinitions(json),
    stream: json.stream === true || urlStream,
  };
  const format = responseFormat(json);
  if (format) request.responseFormat = format;
  return request;
}

const VERTEX_PATH = /\/publishers\/anthropic\/models\/([^/:]+):(stream)?rawPredict$/i;

function readRequest(info: RequestInfo): LlmRequest {
  const vertex = VERTEX_PATH.exec(info.url.pathname);
  return readAnthropicRequest(info.body, vertex ? decodeURIComponent(vertex[1]!) : null, vertex?.[2] !== undefined);
}

// ---- response --------------------------------------------------------------------------------

/** Runs items (parsed events, or ones whose data was not JSON) through the stream reducer. */
export function replayItems(items: AnthropicItem[], streamed = true): LlmResponse {
  let state = anthropicStream.initial();
  state.streamed = streamed;
  for (const item of items) state = anthropicStream.accumulate(state, item);
  return anthropicStream.finalize(state);
}

/** Runs parsed events through the stream reducer. */
export function replayEvents(events: AnthropicEvent[]): LlmResponse {
  return replayItems(events.map((event) => ({ kind: 'event', event })));
}

/** A whole Message as the events a stream of it would have sent. */
function messageEvents(message: JsonObject): AnthropicItem[] {
  const { content, stop_reason, stop_details, ...rest } = message;
  const events: AnthropicEvent[] = [
    { type: 'message_start', message: { ...rest, content: [] } },
    ...asArray(content).flatMap((block, index) => [
      { type: 'content_block_start', index, content_block: block },
      { type: 'content_block_stop', index },
    ]),
    { type: 'message_delta', delta: { stop_reason, stop_details } },
    { type: 'message_stop' },
  ];
  return events.map((event) => ({ kind: 'event', event }));
}

/** A plain JSON Messages response (or an error body) → LlmResponse, with `events: 0`. */
export function fromMessageJson(value: unknown): LlmResponse {
  const message = asObject(value);
  if (message.type === 'error' || (isObject(message.error) && !Array.isArray(message.content))) {
    const response = replayItems([], false);
    const error = errorFromBody(message);
    if (error) response.error = error;
    return response;
  }
  return { ...replayItems(messageEvents(message), false), events: 0 };
}

/** An SSE event as the reducer reads it: its JSON, or its size and name when the data is not JSON. */
export function sseItem(event: SseEvent): AnthropicItem {
  const json = eventJson(event);
  return isObject(json) ? { kind: 'event', event: json } : { kind: 'unparsed', length: event.data.length, name: event.event, preview: event.data };
}

function fromStream(body: Extract<DecodedBody, { kind: 'sse' }>): LlmResponse {
  return replayItems(body.events.map(sseItem));
}

export const anthropic: Dialect = {
  provider: 'anthropic',
  matches: (info) => /\/v1\/messages\/?$/.test(info.url.pathname) || VERTEX_PATH.test(info.url.pathname),
  readRequest,
  readResponse: (body, response) => readSseOrJson(body, response, fromStream, fromMessageJson),
};
