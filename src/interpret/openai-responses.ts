// OpenAI Responses API: POST /v1/responses (also Azure's /openai/v1/responses and /openai/responses,
// OpenRouter, xAI, vLLM, …) and GET /v1/responses/{id}. The plain JSON body is the response object;
// a stream is `response.*` events whose `response.completed` carries that same object.

import type { DecodedBody } from '../decode/types.ts';
import { eventJson } from '../decode/sse.ts';
import { readSseOrJson, type Dialect, type RequestInfo } from './dialect.ts';
import { asArray, asObject, asString, isObject, type JsonObject } from './json-access.ts';
import { base64Size, dataExcerpt, joinText, mediaPart, parseToolArguments, reportUnexpectedBody } from './parts.ts';
import { responsesStream } from './openai-responses-stream.ts';
import { outputToolCall, reasoningText, serverToolPart, shellOrPlainOutput } from './openai-responses-items.ts';
import type {
  ContentPart,
  LlmRequest,
  LlmResponse,
  Message,
  ResponseFormat,
  Role,
  ToolCall,
  ToolDefinition,
} from './types.ts';

// ---- request ---------------------------------------------------------------------------------

function contentParts(content: unknown): ContentPart[] {
  if (typeof content === 'string') return content ? [{ type: 'text', text: content }] : [];
  return asArray(content).flatMap((raw): ContentPart[] => {
    const part = asObject(raw);
    switch (part.type) {
      case 'input_text':
      case 'output_text':
      case 'text':
        return [{ type: 'text', text: asString(part.text) ?? '' }];
      case 'refusal':
        return [{ type: 'other', kind: 'refusal', summary: asString(part.refusal) ?? '' }];
      case 'input_image':
      case 'computer_screenshot': {
        const url = asString(part.image_url) ?? asString(asObject(part.image_url).url);
        if (url) return [mediaPart('image', url, 'image/*')];
        return [{ type: 'image', mediaType: 'image/*', url: asString(part.file_id) ?? '' }];
      }
      case 'input_file': {
        const data = asString(part.file_data);
        // file_data is a data: URL, but some SDKs send bare base64: summarize that too, never copy it.
        const media: ContentPart =
          data && !data.startsWith('data:')
            ? { type: 'file', mediaType: 'application/octet-stream', bytes: base64Size(data) }
            : mediaPart('file', data ?? asString(part.file_url) ?? asString(part.file_id) ?? '');
        const name = asString(part.filename);
        return [media.type === 'file' && name ? { ...media, name } : media];
      }
      case 'input_audio': {
        const format = asString(asObject(part.input_audio).format) ?? 'unknown format';
        return [{ type: 'other', kind: 'audio', summary: `audio (${format})` }];
      }
      default:
        return [{ type: 'other', kind: String(part.type ?? 'unknown'), summary: JSON.stringify(part).slice(0, 120) }];
    }
  });
}

/** A tool's output: a string, or (newer API) a list of input_text / input_image parts. */
function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (Array.isArray(output)) {
    return contentParts(output)
      .map((p) => (p.type === 'text' ? p.text : `[${p.type}]`))
      .join('');
  }
  return output === undefined ? '' : JSON.stringify(output);
}

function toolResult(item: JsonObject): ContentPart {
  // local_shell_call_output names its call by `id` (the model's call id), the others by call_id.
  const callId = asString(item.call_id) ?? (item.type === 'local_shell_call_output' ? asString(item.id) : undefined) ?? null;
  return { type: 'tool-result', toolCallId: callId, content: shellOrPlainOutput(item) ?? outputText(item.output) };
}

/**
 * Some SDK versions JSON-encode the arguments a second time (the string holds a JSON string literal),
 * and the API accepts it. Unwrap it so the call compares with the one the model made, and say so.
 */
function unwrapArguments(call: ToolCall): ContentPart[] {
  if (typeof call.arguments !== 'string' || call.invalidArguments) return [{ type: 'tool-call', ...call }];
  const inner = parseToolArguments(call.arguments);
  if (inner.invalidArguments || typeof inner.arguments !== 'object' || inner.arguments === null) {
    return [{ type: 'tool-call', ...call }];
  }
  return [
    { type: 'tool-call', ...call, arguments: inner.arguments },
    { type: 'other', kind: 'note', summary: `the arguments of ${call.name} were sent JSON-encoded twice` },
  ];
}

/** Which side of the conversation an input item is on, and its parts. */
function inputItem(raw: unknown): { role: Role; content: ContentPart[] } {
  const item = typeof raw === 'string' ? { role: 'user', content: raw } : asObject(raw);
  const type = asString(item.type) ?? 'message';
  if (type === 'message') {
    const role = asString(item.role);
    const known: Role[] = ['system', 'developer', 'user', 'assistant'];
    return { role: known.includes(role as Role) ? (role as Role) : 'user', content: contentParts(item.content) };
  }
  const call = outputToolCall(item);
  if (call) {
    return { role: 'assistant', content: type === 'function_call' ? unwrapArguments(call) : [{ type: 'tool-call', ...call }] };
  }
  if (type === 'reasoning') {
    // The encrypted reasoning is opaque: it rides along as a signature, abbreviated when shown.
    const part: ContentPart = { type: 'reasoning', text: reasoningText(item) };
    const encrypted = asString(item.encrypted_content);
    if (encrypted) part.signature = encrypted;
    return { role: 'assistant', content: [part] };
  }
  if (type.endsWith('_output')) return { role: 'tool', content: [toolResult(item)] };
  // item_reference points at an earlier item by id; like replayed server tool calls
  // (web_search_call, …) it stands on the assistant's side.
  if (type === 'item_reference') {
    return { role: 'assistant', content: [{ type: 'other', kind: 'item_reference', summary: asString(item.id) ?? '' }] };
  }
  return { role: 'assistant', content: [serverToolPart(item)] };
}

/**
 * Input items → messages. Consecutive assistant-side items (messages, reasoning, function calls)
 * are one assistant message, as they were one response's output.
 */
function inputMessages(input: unknown): Message[] {
  const items = typeof input === 'string' ? [input] : asArray(input);
  const messages: Message[] = [];
  for (const raw of items) {
    const { role, content } = inputItem(raw);
    const last = messages.at(-1);
    if (role === 'assistant' && last?.role === 'assistant') last.content.push(...content);
    else messages.push({ role, content });
  }
  return messages;
}

function toolDefinitions(tools: unknown): ToolDefinition[] {
  return asArray(tools).map((raw): ToolDefinition => {
    const tool = asObject(raw);
    const type = asString(tool.type) ?? 'function';
    const name = asString(tool.name) ?? asString(tool.server_label) ?? type;
    const definition: ToolDefinition = { name };
    const description = asString(tool.description);
    if (description) definition.description = description;
    if (tool.parameters !== undefined) definition.parameters = tool.parameters;
    if (type !== 'function') definition.kind = type;
    return definition;
  });
}

/** `text.format`; the default plain `text` format is left out. */
function responseFormat(body: JsonObject): ResponseFormat | undefined {
  const format = asObject(asObject(body.text).format);
  const type = asString(format.type);
  if (!type || type === 'text') return undefined;
  const result: ResponseFormat = { type };
  if (asString(format.name)) result.name = asString(format.name)!;
  if (format.schema !== undefined) result.schema = format.schema;
  return result;
}

function readRequest(info: RequestInfo): LlmRequest {
  const body = info.body.kind === 'json' ? asObject(info.body.value) : {};
  const all = inputMessages(body.input);
  // `instructions` and leading system/developer messages together are the system prompt.
  let leading = 0;
  while (leading < all.length && (all[leading]!.role === 'system' || all[leading]!.role === 'developer')) leading++;
  const leadingTexts = all.slice(0, leading).map((m) => joinText(m.content));
  const system = [asString(body.instructions) ?? '', ...leadingTexts].filter(Boolean);
  const request: LlmRequest = {
    model: asString(body.model) ?? null,
    system: system.length ? system.join('\n\n') : null,
    messages: all.slice(leading),
    tools: toolDefinitions(body.tools),
    stream: body.stream === true,
  };
  const format = responseFormat(body);
  if (format) request.responseFormat = format;
  // The earlier turns live on the server: this request's input is only the new items.
  const previous = asString(body.previous_response_id);
  if (previous) request.previousResponseId = previous;
  return request;
}

// ---- response --------------------------------------------------------------------------------

function fromStream(body: Extract<DecodedBody, { kind: 'sse' }>): LlmResponse {
  let state = responsesStream.initial();
  body.events.forEach((event, index) => {
    const json = eventJson(event);
    const trimmed = event.data.trim();
    if (!isObject(json) && trimmed !== '' && trimmed !== '[DONE]') {
      state.diagnostics.add('unparsed-event', `event data is not a JSON object: ${dataExcerpt(event.data)}`, index);
    }
    // The type is in the data; the SSE `event:` line repeats it, and is all a bare `error` may have.
    // A JSON event with neither is of no known type; unparsable data (diagnosed above) is applied
    // only as an error, never as the event its name says (its fields are lost).
    let data: JsonObject;
    if (isObject(json)) data = typeof json.type === 'string' ? json : { ...json, type: event.event ?? '(untyped)' };
    else if (trimmed === '' || trimmed === '[DONE]') data = { type: trimmed === '' ? event.event ?? '' : '[DONE]' };
    else data = event.event === 'error' ? { type: 'error', message: trimmed.slice(0, 200) } : { type: '' };
    state = responsesStream.accumulate(state, data);
  });
  return responsesStream.finalize(state);
}

/** The plain JSON body is the response object: the same reducer, as one whole-response event. */
function fromJson(value: unknown): LlmResponse {
  // Not copied although the decoded body keeps `value`: a whole-response event is stored, never
  // edited (only delta events edit items, and a plain body has none).
  const state = responsesStream.accumulate({ ...responsesStream.initial(), streamed: false }, { type: 'response', response: asObject(value) });
  return { ...responsesStream.finalize(state), events: 0 };
}


export const openaiResponses: Dialect = {
  provider: 'openai-responses',
  // POST …/responses, GET/POST …/responses/{id} (retrieve, cancel) and POST …/responses/compact
  // (its `response.compaction` body has the same output items): the body is a response.
  // DELETE …/responses/{id} answers `response.deleted`: not a turn, left to the other endpoints.
  matches: (info) => info.method.toUpperCase() !== 'DELETE' && /\/responses(?:\/compact|\/resp[_-][^/]+(?:\/cancel)?)?\/?$/.test(info.url.pathname),
  readRequest,
  readResponse: (body, response) =>
    reportUnexpectedBody(readSseOrJson(body, response, fromStream, fromJson), body, response.status, (v) => Array.isArray(asObject(v).output), 'a response object (`output`)'),
};
