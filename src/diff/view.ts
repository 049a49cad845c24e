// The comparable view of one interaction: the LLM view (what was asked, what came back) as plain
// JSON, without what changes on every recording. Two interactions mean the same when their views
// are equal; the diff reports the paths where they are not. Built on the generic Exchange types,
// so every dialect is compared the same way.

import { createHash } from 'node:crypto';
import type { DecodedBody } from '../decode/types.ts';
import type { AnalyzedInteraction } from '../interpret/index.ts';
import { isObject } from '../interpret/json-access.ts';
import type { ContentPart, Exchange, LlmResponse, Message } from '../interpret/types.ts';
import type { Headers } from '../model.ts';
import { isVolatileHeader, isVolatileQueryKey, withoutNoise } from './noise.ts';

export type JsonObject = Record<string, unknown>;

export interface InteractionView {
  request: JsonObject;
  response: JsonObject;
}

/** Request body keys the LLM view already compares; the others are compared as `request.params`. */
const COVERED_KEYS = new Set([
  'model',
  'stream',
  'messages',
  'input',
  'contents',
  'system',
  'systemInstruction',
  'system_instruction',
  'instructions',
  'tools',
  'functions',
  'response_format',
]);

/** Drops undefined members, so an absent field and an undefined one compare equal. */
function compact(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

/** Path and meaningful query (sorted); the full URL as recorded with `strict`. */
export function urlView(url: string, strict: boolean): string {
  if (strict) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const query = [...parsed.searchParams]
    .filter(([key]) => !isVolatileQueryKey(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return query ? `${parsed.pathname}?${query}` : parsed.pathname;
}

/** Header names lower-cased (their case is not meaning), values joined. */
export function headersView(headers: Headers, strict: boolean): JsonObject {
  const view: JsonObject = {};
  for (const name of Object.keys(headers).sort()) {
    if (!strict && isVolatileHeader(name)) continue;
    view[name.toLowerCase()] = headers[name]!.join(', ');
  }
  return view;
}

/** A decoded body as JSON data; streams as their events (only for APIs that are not interpreted). */
export function bodyView(body: DecodedBody, strict: boolean): unknown {
  const clean = (value: unknown) => (strict ? value : withoutNoise(value));
  const parse = (text: string): unknown => {
    try {
      return clean(JSON.parse(text));
    } catch {
      return text;
    }
  };
  switch (body.kind) {
    case 'empty':
      return null;
    case 'json':
      return clean(body.value);
    case 'text':
      return body.text;
    case 'sse':
      return body.events.map((e) => compact({ event: e.event, data: parse(e.data), id: strict ? e.id : undefined }));
    case 'event-stream':
      return compact({ frames: body.frames.map((f) => parse(f.payload)), error: body.error });
    case 'binary':
      return { bytes: body.bytes.length, sha256: createHash('sha256').update(body.bytes).digest('hex') };
  }
}

function partView(part: ContentPart, strict: boolean): JsonObject {
  if (strict) return { ...part };
  switch (part.type) {
    case 'tool-call': {
      const { id: _id, ...rest } = part;
      return rest;
    }
    case 'tool-result': {
      const { toolCallId: _id, ...rest } = part;
      return rest;
    }
    case 'reasoning': {
      const { signature: _signature, ...rest } = part;
      return rest;
    }
    default:
      return { ...part };
  }
}

/** Tool results often carry only the call id; name them after their call, since ids are noise. */
function toolNames(messages: Message[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const message of messages) {
    for (const part of message.content) if (part.type === 'tool-call' && part.id && part.name) names.set(part.id, part.name);
  }
  return names;
}

function messageView(message: Message, names: Map<string, string>, strict: boolean): JsonObject {
  const content = message.content.map((part) => {
    const view = partView(part, strict);
    if (part.type === 'tool-result' && !part.name && part.toolCallId && names.has(part.toolCallId)) view.name = names.get(part.toolCallId);
    return view;
  });
  return { role: message.role, content };
}

function requestParams(body: DecodedBody, strict: boolean): JsonObject | undefined {
  if (body.kind !== 'json' || !isObject(body.value)) return undefined;
  const params: JsonObject = {};
  for (const [key, value] of Object.entries(body.value)) if (!COVERED_KEYS.has(key)) params[key] = value;
  return (strict ? params : withoutNoise(params)) as JsonObject;
}

function llmResponseView(response: LlmResponse, strict: boolean): JsonObject {
  return compact({
    id: strict ? response.id : undefined,
    model: response.model,
    error: response.error,
    text: response.text,
    reasoning: response.reasoning,
    refusal: response.refusal,
    toolCalls: response.toolCalls.map((call) =>
      compact({ id: strict ? call.id : undefined, name: call.name, arguments: call.arguments, invalidArguments: call.invalidArguments }),
    ),
    finishReason: response.finishReason,
    usage: response.usage ?? undefined,
    incomplete: response.incomplete,
    citations: response.citations,
    serverTools: response.serverTools?.map((part) => partView(part, strict)),
    events: strict ? response.events : undefined,
  });
}

function llmRequestView(llm: Exchange, item: AnalyzedInteraction, strict: boolean): JsonObject {
  const { request } = llm;
  const names = toolNames(request.messages);
  return compact({
    model: request.model,
    system: request.system,
    messages: request.messages.map((m) => messageView(m, names, strict)),
    tools: request.tools,
    stream: request.stream,
    responseFormat: request.responseFormat,
    params: requestParams(item.requestBody, strict),
  });
}

export function interactionView(item: AnalyzedInteraction, strict = false): InteractionView {
  const { request, response } = item.interaction;
  const http = {
    method: request.method.toUpperCase(),
    url: urlView(request.url, strict),
    headers: headersView(request.headers, strict),
  };
  const status = { status: response.status, durationMs: strict ? response.durationMs : undefined, headers: headersView(response.headers, strict) };
  if (item.llm) {
    return {
      request: { ...http, ...llmRequestView(item.llm, item, strict) },
      response: compact({ ...status, ...llmResponseView(item.llm.response, strict) }),
    };
  }
  return {
    request: { ...http, body: bodyView(item.requestBody, strict) },
    response: compact({ ...status, body: bodyView(item.responseBody, strict) }),
  };
}

/** The text of the last user message: what an interaction is about, for pairing and labels. */
export function lastUserText(item: AnalyzedInteraction): string {
  const messages = item.llm?.request.messages ?? [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (message.role !== 'user') continue;
    return message.content.map((part) => (part.type === 'text' ? part.text : part.type === 'tool-result' ? part.content : '')).join(' ');
  }
  return '';
}
