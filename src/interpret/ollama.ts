// Ollama's native API: POST /api/chat (messages) and /api/generate (prompt). Streams by default,
// as application/x-ndjson (one JSON object a line, decoded to a list by src/decode/ndjson.ts), the
// last with `done: true`; `stream: false` gives that one object alone. Tool calls come whole, with
// arguments as JSON objects.

import type { DecodedBody } from '../decode/types.ts';
import type { HttpResponse } from '../model.ts';
import type { Dialect, RequestInfo, StreamAccumulator } from './dialect.ts';
import { errorFromBody, httpError } from './errors.ts';
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from './json-access.ts';
import { base64Size, finalResponse, usage } from './parts.ts';
import { DiagnosticList } from '../findings/diagnostic.ts';
import type { ContentPart, LlmError, LlmRequest, LlmResponse, Message, ResponseFormat, Role, ToolCall, ToolDefinition, Usage } from './types.ts';

const PATH = /\/api\/(chat|generate)\/?$/;

// ---- request ---------------------------------------------------------------------------------

/** Ollama tool calls: `{function: {name, arguments: {…}}}`, newer servers add an `id`. */
function ollamaToolCall(raw: unknown): ToolCall {
  const call = asObject(raw);
  const fn = asObject(call.function);
  const args = fn.arguments;
  // Arguments are objects; a server that sends them as JSON text is read as text.
  let parsed: unknown = args ?? {};
  let invalid = false;
  if (typeof args === 'string') {
    try {
      parsed = JSON.parse(args);
    } catch {
      invalid = true;
    }
  }
  const result: ToolCall = { id: asString(call.id) ?? null, name: asString(fn.name) ?? '', arguments: parsed };
  if (invalid) result.invalidArguments = true;
  return result;
}

function images(raw: unknown): ContentPart[] {
  return asArray(raw).map((image): ContentPart => ({ type: 'image', mediaType: 'image/*', bytes: base64Size(asString(image) ?? '') }));
}

function requestMessage(raw: unknown): Message {
  const message = asObject(raw);
  const role = (asString(message.role) ?? 'user') as Role;
  const text = asString(message.content) ?? '';
  if (role === 'tool') {
    const result: ContentPart = { type: 'tool-result', toolCallId: asString(message.tool_call_id) ?? null, content: text };
    const name = asString(message.tool_name) ?? asString(message.name);
    if (name) result.name = name;
    return { role, content: [result] };
  }
  const content: ContentPart[] = [];
  const thinking = asString(message.thinking);
  if (thinking) content.push({ type: 'reasoning', text: thinking });
  if (text) content.push({ type: 'text', text });
  content.push(...images(message.images));
  for (const call of asArray(message.tool_calls)) content.push({ type: 'tool-call', ...ollamaToolCall(call) });
  return { role, content };
}

function toolDefinitions(body: JsonObject): ToolDefinition[] {
  return asArray(body.tools).map((raw): ToolDefinition => {
    const tool = asObject(raw);
    const fn = asObject(tool.function);
    const definition: ToolDefinition = { name: asString(fn.name) ?? String(tool.type ?? '') };
    const description = asString(fn.description);
    if (description) definition.description = description;
    if (fn.parameters !== undefined) definition.parameters = fn.parameters;
    return definition;
  });
}

/** `format`: "json" or a JSON schema. */
function responseFormat(format: unknown): ResponseFormat | undefined {
  if (format === 'json') return { type: 'json_object' };
  if (isObject(format)) return { type: 'json_schema', schema: format };
  return undefined;
}

function readRequest(info: RequestInfo): LlmRequest {
  const body = info.body.kind === 'json' ? asObject(info.body.value) : {};
  const generate = PATH.exec(info.url.pathname)?.[1] === 'generate';
  let messages: Message[];
  let system: string | null = asString(body.system) ?? null;
  if (generate) {
    const content: ContentPart[] = [];
    const prompt = asString(body.prompt);
    if (prompt) content.push({ type: 'text', text: prompt });
    content.push(...images(body.images));
    messages = content.length ? [{ role: 'user', content }] : [];
  } else {
    const all = asArray(body.messages).map(requestMessage);
    // Leading system messages are the system prompt.
    let leading = 0;
    while (leading < all.length && all[leading]!.role === 'system') leading++;
    if (leading) system = all.slice(0, leading).map((m) => m.content.map((p) => (p.type === 'text' ? p.text : '')).join('')).join('\n\n');
    messages = all.slice(leading);
  }
  const request: LlmRequest = {
    model: asString(body.model) ?? null,
    system,
    messages,
    tools: toolDefinitions(body),
    // Ollama streams unless told not to.
    stream: body.stream !== false,
  };
  const format = responseFormat(body.format);
  if (format) request.responseFormat = format;
  return request;
}

// ---- response --------------------------------------------------------------------------------

interface OllamaState {
  model?: string;
  text: string;
  reasoning: string;
  toolCalls: ToolCall[];
  finishReason: string | null;
  usage: Usage | null;
  done: boolean;
  events: number;
  error?: LlmError;
  diagnostics: DiagnosticList;
  /** False for `stream: false`: one object, no stream that could end early. */
  streamed: boolean;
}

/** One NDJSON line: an object, or the raw text of a line that did not parse (a recording cut mid-line). */
type OllamaEvent = JsonObject | string;

const ollamaStream: StreamAccumulator<OllamaState, OllamaEvent> = {
  initial: () => ({ text: '', reasoning: '', toolCalls: [], finishReason: null, usage: null, done: false, events: 0, diagnostics: new DiagnosticList(), streamed: true }),
  accumulate(state, event) {
    const at = state.events++;
    if (!isObject(event)) {
      state.diagnostics.add('unparsed-event', `Ollama stream line ${at + 1} (${event.length} characters) is not a JSON object`, at);
      return state;
    }
    if (event.error !== undefined) state.error = errorFromBody(event);
    if (asString(event.model)) state.model = asString(event.model)!;
    // /api/chat puts the turn in `message`; /api/generate puts `response` and `thinking` at the top.
    const message = isObject(event.message) ? event.message : event;
    state.text += asString(message.content) ?? asString(event.response) ?? '';
    state.reasoning += asString(message.thinking) ?? '';
    for (const raw of asArray(message.tool_calls)) {
      const call = ollamaToolCall(raw);
      if (call.invalidArguments) {
        state.diagnostics.add('invalid-tool-arguments', `Ollama tool call ${call.name || '(unnamed)'}: arguments are not valid JSON`, state.streamed ? at : undefined);
      }
      state.toolCalls.push(call);
    }
    if (event.done === true) {
      state.done = true;
      state.finishReason = asString(event.done_reason) ?? 'stop';
    }
    const input = asNumber(event.prompt_eval_count);
    const output = asNumber(event.eval_count);
    if (input !== undefined || output !== undefined) {
      state.usage = usage({ inputTokens: input, outputTokens: output });
    }
    return state;
  },
  finalize(state) {
    const incomplete = state.streamed && state.events > 0 && !state.done && !state.error;
    if (incomplete) state.diagnostics.add('stream-unterminated', 'Ollama stream ended without a `done: true` line');
    const response = finalResponse({
      text: state.text,
      reasoning: state.reasoning,
      toolCalls: state.toolCalls,
      finishReason: state.finishReason,
      usage: state.usage,
      events: state.streamed ? state.events : 0,
      model: state.model,
      error: state.error,
      incomplete,
    });
    if (state.diagnostics.items.length) response.diagnostics = state.diagnostics.items;
    return response;
  },
};

function readResponse(body: DecodedBody, response: HttpResponse): LlmResponse {
  const value = body.kind === 'json' ? body.value : undefined;
  let result: LlmResponse;
  if (Array.isArray(value)) {
    // An NDJSON stream: one event per line.
    let state = ollamaStream.initial();
    for (const line of value) state = ollamaStream.accumulate(state, isObject(line) ? line : typeof line === 'string' ? line : JSON.stringify(line));
    result = ollamaStream.finalize(state);
  } else {
    result = ollamaStream.finalize(ollamaStream.accumulate({ ...ollamaStream.initial(), streamed: false }, asObject(value)));
  }
  if (response.status >= 400 && !result.error) result.error = httpError(body, response);
  return result;
}

export const ollama: Dialect = {
  provider: 'ollama',
  // /api/chat and /api/generate with a model in the body (Ollama's own paths; other servers' are /v1/…).
  matches(info) {
    if (!PATH.test(info.url.pathname) || info.body.kind !== 'json') return false;
    const body = asObject(info.body.value);
    return asString(body.model) !== undefined && (body.messages !== undefined || body.prompt !== undefined || PATH.exec(info.url.pathname)![1] === 'chat');
  },
  readRequest,
  readResponse,
};
