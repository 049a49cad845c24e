// AWS Bedrock Converse: POST /model/<model-id>/converse (JSON) and /converse-stream (AWS
// event-stream frames named by `:event-type`: messageStart, contentBlockStart, contentBlockDelta,
// contentBlockStop, messageStop, metadata; each payload carries a random `p` padding field), for
// every model family. /model/<model-id>/count-tokens is shown as a count, not a chat turn.

import { headerValue } from '../decode/index.ts';
import type { DecodedBody } from '../decode/types.ts';
import type { HttpResponse } from '../model.ts';
import type { Dialect, RequestInfo, StreamAccumulator } from './dialect.ts';
import { httpError } from './errors.ts';
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from './json-access.ts';
import { base64Size, finalResponse, toolCall, usage } from './parts.ts';
import type { ContentPart, LlmError, LlmRequest, LlmResponse, Message, Role, ToolCall, ToolDefinition, Usage } from './types.ts';

const PATH = /\/model\/([^/]+)\/(converse|converse-stream|count-tokens)\/?$/;

function route(info: RequestInfo): { model: string; action: string } | undefined {
  const match = PATH.exec(info.url.pathname);
  if (!match) return undefined;
  let model = match[1]!;
  try {
    model = decodeURIComponent(model);
  } catch {
    // keep it as written
  }
  return { model, action: match[2]! };
}

// ---- request ---------------------------------------------------------------------------------

/** `{format, source: {bytes | s3Location}}` of image, document and video blocks. */
function mediaBlock(kind: 'image' | 'file', block: JsonObject, prefix: string): ContentPart {
  const source = asObject(block.source);
  const mediaType = `${prefix}/${asString(block.format) ?? '*'}`;
  const bytes = asString(source.bytes);
  const s3 = asString(asObject(source.s3Location).uri);
  const part: ContentPart = bytes !== undefined ? { type: kind, mediaType, bytes: base64Size(bytes) } : { type: kind, mediaType, ...(s3 ? { url: s3 } : {}) };
  const name = asString(block.name);
  return part.type === 'file' && name ? { ...part, name } : part;
}

/** Tool results hold `{text}`, `{json}`, `{image}` or `{document}` items. */
function toolResultText(content: unknown): string {
  return asArray(content)
    .map((raw) => {
      const item = asObject(raw);
      if (asString(item.text) !== undefined) return item.text as string;
      if (item.json !== undefined) return JSON.stringify(item.json);
      return `[${Object.keys(item)[0] ?? 'unknown'}]`;
    })
    .join('\n');
}

function reasoningPart(raw: unknown): ContentPart {
  const reasoning = asObject(raw);
  if (reasoning.redactedContent !== undefined) return { type: 'reasoning', text: '', redacted: true };
  const text = asObject(reasoning.reasoningText);
  const signature = asString(text.signature);
  return { type: 'reasoning', text: asString(text.text) ?? '', ...(signature ? { signature } : {}) };
}

function contentPart(raw: unknown, toolNames: Map<string, string>): ContentPart | undefined {
  const block = asObject(raw);
  if (asString(block.text) !== undefined) return { type: 'text', text: block.text as string };
  if (isObject(block.toolUse)) {
    const use = block.toolUse;
    const id = asString(use.toolUseId) ?? null;
    const name = asString(use.name) ?? '';
    if (id) toolNames.set(id, name);
    return { type: 'tool-call', id, name, arguments: use.input ?? {} };
  }
  if (isObject(block.toolResult)) {
    const result = block.toolResult;
    const id = asString(result.toolUseId) ?? null;
    const part: ContentPart = { type: 'tool-result', toolCallId: id, content: toolResultText(result.content) };
    const name = id ? toolNames.get(id) : undefined;
    if (name) part.name = name;
    if (result.status === 'error') part.isError = true;
    return part;
  }
  if (isObject(block.reasoningContent)) return reasoningPart(block.reasoningContent);
  if (isObject(block.image)) return mediaBlock('image', block.image, 'image');
  if (isObject(block.document)) return mediaBlock('file', block.document, 'application');
  if (isObject(block.video)) return mediaBlock('file', block.video, 'video');
  // Cache points mark the prompt; they are not content.
  if (block.cachePoint !== undefined) return undefined;
  const kind = Object.keys(block)[0] ?? 'unknown';
  return { type: 'other', kind, summary: JSON.stringify(block[kind]).slice(0, 120) };
}

function requestMessages(raw: unknown): Message[] {
  const toolNames = new Map<string, string>();
  return asArray(raw).map((rawMessage): Message => {
    const message = asObject(rawMessage);
    const role = (asString(message.role) ?? 'user') as Role;
    const content = asArray(message.content).flatMap((b) => contentPart(b, toolNames) ?? []);
    const onlyResults = role === 'user' && content.length > 0 && content.every((p) => p.type === 'tool-result');
    return { role: onlyResults ? 'tool' : role, content };
  });
}

function systemText(raw: unknown): string | null {
  const texts = asArray(raw).flatMap((b) => asString(asObject(b).text) ?? []);
  return texts.length ? texts.join('\n\n') : null;
}

function toolDefinitions(toolConfig: unknown): ToolDefinition[] {
  return asArray(asObject(toolConfig).tools).flatMap((raw): ToolDefinition[] => {
    const spec = asObject(asObject(raw).toolSpec);
    if (!asString(spec.name)) return [];
    const definition: ToolDefinition = { name: asString(spec.name)! };
    const description = asString(spec.description);
    if (description) definition.description = description;
    const schema = asObject(spec.inputSchema).json;
    if (schema !== undefined) definition.parameters = schema;
    return [definition];
  });
}

function readRequest(info: RequestInfo): LlmRequest {
  const where = route(info);
  let body = info.body.kind === 'json' ? asObject(info.body.value) : {};
  // count-tokens wraps a Converse request in `input.converse`.
  if (where?.action === 'count-tokens') body = asObject(asObject(body.input).converse);
  return {
    model: where?.model ?? null,
    system: systemText(body.system),
    messages: requestMessages(body.messages),
    tools: toolDefinitions(body.toolConfig),
    stream: where?.action === 'converse-stream',
  };
}

// ---- response --------------------------------------------------------------------------------

interface BlockSlot {
  kind: 'text' | 'tool' | 'reasoning';
  text: string;
  /** Tool input: JSON text, streamed in pieces. */
  input: string;
  id: string | null;
  name: string;
  signature: string;
  redacted: boolean;
}

interface ConverseState {
  blocks: BlockSlot[];
  finishReason: string | null;
  usage: Usage | null;
  stopped: boolean;
  events: number;
  error?: LlmError;
}

/** A stream event: its `:event-type` and its payload (an exception's type and message). */
export interface ConverseEvent {
  type: string;
  payload: JsonObject;
}

function slot(state: ConverseState, index: number, kind: BlockSlot['kind']): BlockSlot {
  return (state.blocks[index] ??= { kind, text: '', input: '', id: null, name: '', signature: '', redacted: false });
}

export function converseUsage(raw: unknown): Usage | null {
  if (!isObject(raw)) return null;
  return usage({
    inputTokens: asNumber(raw.inputTokens),
    outputTokens: asNumber(raw.outputTokens),
    totalTokens: asNumber(raw.totalTokens),
    cacheReadTokens: asNumber(raw.cacheReadInputTokens),
    cacheWriteTokens: asNumber(raw.cacheWriteInputTokens),
  });
}

const converseStream: StreamAccumulator<ConverseState, ConverseEvent> = {
  initial: () => ({ blocks: [], finishReason: null, usage: null, stopped: false, events: 0 }),
  accumulate(state, { type, payload }) {
    state.events++;
    const index = asNumber(payload.contentBlockIndex) ?? 0;
    switch (type) {
      case 'contentBlockStart': {
        const use = asObject(payload.start).toolUse;
        if (!isObject(use)) break; // only tool use blocks announce themselves
        const block = slot(state, index, 'tool');
        block.id = asString(use.toolUseId) ?? null;
        block.name = asString(use.name) ?? '';
        break;
      }
      case 'contentBlockDelta': {
        const delta = asObject(payload.delta);
        if (asString(delta.text) !== undefined) slot(state, index, 'text').text += delta.text as string;
        else if (isObject(delta.toolUse)) slot(state, index, 'tool').input += asString(delta.toolUse.input) ?? '';
        else if (isObject(delta.reasoningContent)) {
          const reasoning = delta.reasoningContent;
          const block = slot(state, index, 'reasoning');
          block.text += asString(reasoning.text) ?? '';
          block.signature += asString(reasoning.signature) ?? '';
          if (reasoning.redactedContent !== undefined) block.redacted = true;
        }
        break;
      }
      case 'messageStop':
        state.stopped = true;
        if (asString(payload.stopReason)) state.finishReason = asString(payload.stopReason)!;
        break;
      case 'metadata': {
        const reported = converseUsage(payload.usage);
        if (reported) state.usage = reported;
        break;
      }
      case 'exception':
        state.error = { type: asString(payload.type) ?? 'exception', message: asString(payload.message) ?? '' };
        break;
      // messageStart (the role) and contentBlockStop carry nothing kept here.
    }
    return state;
  },
  finalize(state) {
    const text: string[] = [];
    const reasoning: string[] = [];
    const toolCalls: ToolCall[] = [];
    for (const block of state.blocks.filter(Boolean)) {
      if (block.kind === 'text') text.push(block.text);
      else if (block.kind === 'reasoning') reasoning.push(block.redacted && !block.text ? '[redacted reasoning]' : block.text);
      else toolCalls.push(toolCall(block.id, block.name, block.input));
    }
    return finalResponse({
      text: text.join(''),
      reasoning: reasoning.join('\n\n'),
      toolCalls,
      finishReason: state.finishReason,
      usage: state.usage,
      events: state.events,
      error: state.error,
      incomplete: state.events > 0 && !state.stopped && !state.error,
    });
  },
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function frameEvents(body: Extract<DecodedBody, { kind: 'event-stream' }>): ConverseEvent[] {
  const events = body.frames.map((frame): ConverseEvent => {
    const messageType = frame.headers[':message-type'];
    const json = asObject(parseJson(frame.payload));
    if (messageType === 'exception') {
      return { type: 'exception', payload: { type: String(frame.headers[':exception-type'] ?? 'exception'), message: asString(json.message) ?? asString(json.Message) ?? frame.payload } };
    }
    if (messageType === 'error') {
      return { type: 'exception', payload: { type: String(frame.headers[':error-code'] ?? 'error'), message: String(frame.headers[':error-message'] ?? frame.payload) } };
    }
    return { type: String(frame.headers[':event-type'] ?? 'unknown'), payload: json };
  });
  if (body.error) events.push({ type: 'exception', payload: { type: 'event_stream_error', message: body.error } });
  return events;
}

/** A plain Converse response, replayed as the events its stream would have sent. */
function jsonEvents(value: JsonObject): ConverseEvent[] {
  const events: ConverseEvent[] = [];
  asArray(asObject(asObject(value.output).message).content).forEach((raw, contentBlockIndex) => {
    const block = asObject(raw);
    if (isObject(block.toolUse)) {
      events.push({ type: 'contentBlockStart', payload: { contentBlockIndex, start: { toolUse: block.toolUse } } });
      events.push({ type: 'contentBlockDelta', payload: { contentBlockIndex, delta: { toolUse: { input: JSON.stringify(block.toolUse.input ?? {}) } } } });
    } else if (isObject(block.reasoningContent)) {
      const reasoning = block.reasoningContent;
      const text = asObject(reasoning.reasoningText);
      const delta = reasoning.redactedContent !== undefined ? { redactedContent: reasoning.redactedContent } : { text: text.text, signature: text.signature };
      events.push({ type: 'contentBlockDelta', payload: { contentBlockIndex, delta: { reasoningContent: delta } } });
    } else if (asString(block.text) !== undefined) {
      events.push({ type: 'contentBlockDelta', payload: { contentBlockIndex, delta: { text: block.text } } });
    }
  });
  events.push({ type: 'messageStop', payload: { stopReason: value.stopReason } }, { type: 'metadata', payload: { usage: value.usage } });
  return events;
}

/** Bedrock errors name their type in x-amzn-ErrorType (`ValidationException:http://…`). */
function converseHttpError(body: DecodedBody, response: HttpResponse): LlmError {
  const errorType = headerValue(response.headers, 'x-amzn-errortype')?.split(':')[0];
  const json = body.kind === 'json' ? asObject(body.value) : {};
  const message = asString(json.message) ?? asString(json.Message);
  if (errorType) return { type: errorType, message: message ?? response.statusText };
  return message ? { type: `http_${response.status}`, message } : httpError(body, response);
}

function replay(events: ConverseEvent[]): LlmResponse {
  let state = converseStream.initial();
  for (const event of events) state = converseStream.accumulate(state, event);
  return converseStream.finalize(state);
}

function readResponse(body: DecodedBody, response: HttpResponse, request: LlmRequest): LlmResponse {
  let result: LlmResponse;
  const value = body.kind === 'json' ? asObject(body.value) : {};
  if (response.status >= 400) result = { ...replay([]), error: converseHttpError(body, response) };
  else if (body.kind === 'event-stream') result = replay(frameEvents(body));
  else if (!request.stream && asNumber(value.inputTokens) !== undefined && value.output === undefined) {
    // count-tokens: `{inputTokens}` alone; a count, not tokens used, so no usage.
    const count = asNumber(value.inputTokens)!;
    result = { ...replay([]), serverTools: [{ type: 'other', kind: 'count-tokens', summary: `${count} input tokens` }] };
  } else result = { ...replay(jsonEvents(value)), events: 0 };
  return result;
}

export const bedrockConverse: Dialect = {
  provider: 'bedrock-converse',
  matches: (info) => route(info) !== undefined,
  readRequest,
  readResponse,
};
