// AWS Bedrock Converse: POST /model/<model-id>/converse (JSON) and /converse-stream (AWS
// event-stream frames named by `:event-type`: messageStart, contentBlockStart, contentBlockDelta,
// contentBlockStop, messageStop, metadata; each payload carries a random `p` padding field), for
// every model family. /model/<model-id>/count-tokens is not a turn: endpoints/bedrock.ts names it.

import { headerValue } from '../http/headers.ts';
import type { DecodedBody } from '../decode/types.ts';
import type { HttpResponse } from '../model.ts';
import type { Dialect, RequestInfo } from './dialect.ts';
import { frameEvents, jsonEvents, replay, toolResultText } from './bedrock-converse-stream.ts';
import { httpError } from './errors.ts';
import { asArray, asObject, asString, isObject, type JsonObject } from './json-access.ts';
import { base64Size } from './parts.ts';
import type { ContentPart, LlmError, LlmRequest, LlmResponse, Message, Role, ToolDefinition } from './types.ts';

const PATH = /\/model\/([^/]+)\/(converse|converse-stream)\/?$/;

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
    // A server tool's call (Nova's code interpreter) sent back: the server ran it, not the client.
    if (use.type === 'server_tool_use') return { type: 'other', kind: name || 'server_tool_use', summary: JSON.stringify(use.input ?? {}).slice(0, 200) };
    if (id) toolNames.set(id, name);
    return { type: 'tool-call', id, name, arguments: use.input ?? {} };
  }
  if (isObject(block.toolResult)) {
    const result = block.toolResult;
    if (asString(result.type)) return { type: 'other', kind: String(result.type), summary: toolResultText(result.content).slice(0, 200) };
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
  const body = info.body.kind === 'json' ? asObject(info.body.value) : {};
  return {
    model: where?.model ?? null,
    system: systemText(body.system),
    messages: requestMessages(body.messages),
    tools: toolDefinitions(body.toolConfig),
    stream: where?.action === 'converse-stream',
  };
}

// ---- response --------------------------------------------------------------------------------

/** Bedrock errors name their type in x-amzn-ErrorType (`ValidationException:http://…`). */
function converseHttpError(body: DecodedBody, response: HttpResponse): LlmError {
  const errorType = headerValue(response.headers, 'x-amzn-errortype')?.split(':')[0];
  const json = body.kind === 'json' ? asObject(body.value) : {};
  const message = asString(json.message) ?? asString(json.Message);
  if (errorType) return { type: errorType, message: message ?? response.statusText };
  return message ? { type: `http_${response.status}`, message } : httpError(body, response);
}

function readResponse(body: DecodedBody, response: HttpResponse): LlmResponse {
  let result: LlmResponse;
  const value = body.kind === 'json' ? asObject(body.value) : {};
  if (response.status >= 400) result = { ...replay([], false), error: converseHttpError(body, response) };
  else if (body.kind === 'event-stream') result = replay(frameEvents(body), true);
  else result = { ...replay(jsonEvents(value), false), events: 0 };
  return result;
}

export const bedrockConverse: Dialect = {
  provider: 'bedrock-converse',
  matches: (info) => route(info) !== undefined,
  readRequest,
  readResponse,
};
