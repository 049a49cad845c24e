// OpenAI Chat Completions, and the many servers that speak it (Azure, OpenRouter, Groq, xAI, z.ai,
// Vercel's gateway, HuggingFace, llama.cpp, …): /chat/completions, plain JSON or SSE chunks.

import type { DecodedBody } from '../decode/types.ts';
import { eventJson } from '../decode/sse.ts';
import { readSseOrJson, type Dialect, type RequestInfo, type StreamAccumulator } from './dialect.ts';
import { asArray, asNumber, asObject, asString, firstOfIndexZero, isObject, type JsonObject } from './json-access.ts';
import { dataExcerpt, finalResponse, mediaPart, reportInvalidArguments, reportUnexpectedBody, toolCall, usage, withDiagnostics } from './parts.ts';
import { errorFromBody } from './errors.ts';
import { DiagnosticList } from '../findings/diagnostic.ts';
import type {
  Citation,
  ContentPart,
  LlmRequest,
  LlmResponse,
  Message,
  ResponseFormat,
  Role,
  ToolDefinition,
  Usage,
} from './types.ts';

// ---- request ---------------------------------------------------------------------------------

function contentParts(content: unknown): ContentPart[] {
  if (typeof content === 'string') return content ? [{ type: 'text', text: content }] : [];
  return asArray(content).flatMap((raw): ContentPart[] => {
    const part = asObject(raw);
    switch (part.type) {
      case 'text':
        return [{ type: 'text', text: asString(part.text) ?? '' }];
      case 'thinking': {
        // Mistral's reasoning, replayed as the typed chunk it came in.
        const text = thinkingText(part).text;
        return text ? [{ type: 'reasoning', text }] : [];
      }
      case 'image_url': {
        const url = asString(asObject(part.image_url).url) ?? asString(part.image_url) ?? '';
        return [mediaPart('image', url, 'image/*')];
      }
      case 'input_audio': {
        const audio = asObject(part.input_audio);
        return [{ type: 'other', kind: 'audio', summary: `audio (${asString(audio.format) ?? 'unknown format'})` }];
      }
      case 'file': {
        const file = asObject(part.file);
        const media = mediaPart('file', asString(file.file_data) ?? '');
        const name = asString(file.filename);
        return [media.type === 'file' && name ? { ...media, name } : media];
      }
      default:
        return [{ type: 'other', kind: String(part.type ?? 'unknown'), summary: JSON.stringify(part).slice(0, 120) }];
    }
  });
}

/** A URL citation from a Mistral `tool_reference` chunk, or an OpenAI/OpenRouter `url_citation` annotation. */
function citationOf(raw: unknown): Citation | undefined {
  const item = asObject(raw);
  const source = item.type === 'url_citation' && isObject(item.url_citation) ? item.url_citation : item;
  const url = asString(source.url);
  if (!url) return undefined;
  const title = asString(source.title);
  return title ? { url, title } : { url };
}

/** Mistral's `thinking` chunk: a list of text (and tool_reference) chunks. */
function thinkingText(part: JsonObject): { text: string; citations: Citation[] } {
  const texts: string[] = [];
  const citations: Citation[] = [];
  for (const raw of asArray(part.thinking)) {
    const inner = asObject(raw);
    if (inner.type === 'tool_reference') {
      const citation = citationOf(inner);
      if (citation) citations.push(citation);
    } else texts.push(asString(inner.text) ?? '');
  }
  return { text: texts.join(''), citations };
}

function reasoningOf(message: JsonObject): string {
  const direct = asString(message.reasoning_content) ?? asString(message.reasoning);
  if (direct) return direct;
  if (!Array.isArray(message.reasoning_details)) return ''; // most messages: nothing to allocate
  return message.reasoning_details
    .map((d) => asString(asObject(d).text) ?? asString(asObject(d).summary) ?? '')
    .join('');
}

function requestMessage(raw: unknown): Message {
  const message = asObject(raw);
  const role = (asString(message.role) ?? 'user') as Role;
  if (role === 'tool' || message.role === 'function') {
    const text = typeof message.content === 'string' ? message.content : textOfParts(contentParts(message.content));
    const name = asString(message.name);
    const result: ContentPart = {
      type: 'tool-result',
      toolCallId: asString(message.tool_call_id) ?? null,
      content: text,
    };
    if (name) result.name = name;
    return { role: 'tool', content: [result] };
  }
  const content: ContentPart[] = [];
  const reasoning = reasoningOf(message);
  if (reasoning) content.push({ type: 'reasoning', text: reasoning });
  content.push(...contentParts(message.content));
  for (const call of asArray(message.tool_calls)) {
    const fn = asObject(asObject(call).function);
    content.push({
      type: 'tool-call',
      ...toolCall(asString(asObject(call).id) ?? null, asString(fn.name) ?? '', asString(fn.arguments) ?? ''),
    });
  }
  const legacyCall = asObject(message.function_call);
  if (legacyCall.name) {
    content.push({ type: 'tool-call', ...toolCall(null, String(legacyCall.name), asString(legacyCall.arguments) ?? '') });
  }
  return { role, content };
}

function textOfParts(parts: ContentPart[]): string {
  return parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
}

function toolDefinitions(body: JsonObject): ToolDefinition[] {
  const tools = asArray(body.tools).map((raw): ToolDefinition => {
    const tool = asObject(raw);
    const fn = asObject(tool.function);
    const type = asString(tool.type);
    const definition: ToolDefinition = { name: asString(fn.name) ?? asString(tool.name) ?? type ?? 'tool' };
    const description = asString(fn.description) ?? asString(tool.description);
    if (description) definition.description = description;
    if (fn.parameters !== undefined) definition.parameters = fn.parameters;
    // Some servers (Mistral) leave `type` out of function tools: a plain function, not kind "undefined".
    if (type !== undefined && type !== 'function') definition.kind = type;
    return definition;
  });
  // Legacy `functions` (before tools existed).
  for (const raw of asArray(body.functions)) {
    const fn = asObject(raw);
    tools.push({ name: asString(fn.name) ?? '', description: asString(fn.description) ?? '', parameters: fn.parameters });
  }
  return tools;
}

function responseFormat(body: JsonObject): ResponseFormat | undefined {
  const format = asObject(body.response_format);
  if (!format.type) return undefined;
  const result: ResponseFormat = { type: String(format.type) };
  const schema = asObject(format.json_schema);
  if (asString(schema.name)) result.name = asString(schema.name)!;
  if (schema.schema !== undefined) result.schema = schema.schema;
  return result;
}

function readRequest(info: RequestInfo): LlmRequest {
  const body = info.body.kind === 'json' ? asObject(info.body.value) : {};
  const all = asArray(body.messages).map(requestMessage);
  // Leading system/developer messages are the system prompt; later ones stay in the conversation.
  let leading = 0;
  while (leading < all.length && (all[leading]!.role === 'system' || all[leading]!.role === 'developer')) leading++;
  const system = all.slice(0, leading).map((m) => textOfParts(m.content)).join('\n\n');
  const request: LlmRequest = {
    model: asString(body.model) ?? null,
    system: leading ? system : null,
    messages: all.slice(leading),
    tools: toolDefinitions(body),
    stream: body.stream === true,
  };
  const format = responseFormat(body);
  if (format) request.responseFormat = format;
  return request;
}

// ---- response --------------------------------------------------------------------------------

/** OpenAI usage and its variants (cached and reasoning details; Groq's x_groq.usage). */
export function chatUsage(raw: unknown): Usage | null {
  if (!isObject(raw)) return null;
  const prompt = asObject(raw.prompt_tokens_details);
  const completion = asObject(raw.completion_tokens_details);
  return usage({
    inputTokens: asNumber(raw.prompt_tokens),
    outputTokens: asNumber(raw.completion_tokens),
    totalTokens: asNumber(raw.total_tokens),
    cacheReadTokens: asNumber(prompt.cached_tokens) || undefined,
    reasoningTokens: asNumber(completion.reasoning_tokens) || undefined,
  });
}

interface ToolCallSlot {
  id: string | null;
  name: string;
  arguments: string;
  /** Index of the last stream event that added to it. */
  event?: number;
  /** A legacy `function_call`, which has no id by design. */
  legacy?: true;
}

interface ChatState {
  id?: string;
  model?: string;
  text: string;
  reasoning: string;
  refusal: string;
  /** Tool calls by the delta `index`; arguments stay raw until finalize. */
  toolCalls: ToolCallSlot[];
  finishReason: string | null;
  usage: Usage | null;
  done: boolean;
  events: number;
  error?: { type: string; message: string };
  citations: Citation[];
  /** Groq's `executed_tools` (compound models' server-side search and code), by their index. */
  executedTools: ContentPart[];
  /** OpenRouter's `usage.cost` (USD). */
  providerCost?: number;
  /** A stream (diagnostics name their event) rather than one plain JSON body. */
  streamed: boolean;
  diagnostics: DiagnosticList;
}

/** `unparsed`: data that is neither JSON nor `[DONE]` (kept for the diagnostic). */
type ChatEvent = { kind: 'chunk'; chunk: JsonObject } | { kind: 'done' } | { kind: 'unparsed'; data: string } | { kind: 'empty' };

/**
 * What chunks say in `object`; anything else is a kind of event this reader does not know. Azure's
 * first chunk (`prompt_filter_results`, no choices) has an empty `object`.
 */
const KNOWN_OBJECTS = new Set(['chat.completion.chunk', 'chat.completion', '']);

/** The stream event being applied (undefined for a plain JSON body). */
function eventIndex(state: ChatState): number | undefined {
  return state.streamed ? state.events - 1 : undefined;
}

function addCitation(state: ChatState, citation: Citation | undefined): void {
  if (citation && !state.citations.some((c) => c.url === citation.url)) state.citations.push(citation);
}

/** One of Groq's executed tools: its kind, query and how many results, never the output itself. */
function addExecutedTool(state: ChatState, raw: unknown, position: number): void {
  const tool = asObject(raw);
  const index = asNumber(tool.index) ?? position;
  const args = asString(tool.arguments) ?? '';
  let what = args;
  try {
    const parsed = asObject(JSON.parse(args));
    what = asString(parsed.query) ?? asString(parsed.code) ?? asString(parsed.url) ?? args;
  } catch {
    // arguments are free text
  }
  const results = asArray(asObject(tool.search_results).results).length;
  const line = what.replace(/\s+/g, ' ').trim();
  const summary = `${line.length > 80 ? `${line.slice(0, 79)}…` : line || 'call'}${results ? ` (${results} results)` : ''}`;
  state.executedTools[index] = { type: 'other', kind: asString(tool.type) ?? 'tool', summary };
}

/** A content list (Mistral): text chunks are text, thinking chunks reasoning, tool_reference chunks citations. */
function accumulateContentParts(state: ChatState, content: unknown[]): void {
  for (const raw of content) {
    const part = asObject(raw);
    switch (part.type) {
      case 'text':
        state.text += asString(part.text) ?? '';
        break;
      case 'thinking': {
        const thinking = thinkingText(part);
        state.reasoning += thinking.text;
        for (const citation of thinking.citations) addCitation(state, citation);
        break;
      }
      case 'tool_reference':
        addCitation(state, citationOf(part));
        break;
      case 'reference': // reference_ids into earlier tool results: nothing to show
        break;
      default: {
        const type = String(part.type ?? 'untyped');
        state.diagnostics.addCounted('unknown-event', `content:${type}`, `content chunk of unknown type "${type}"`, eventIndex(state));
      }
    }
  }
}

function addToolCallDelta(state: ChatState, raw: unknown, position: number): void {
  const delta = asObject(raw);
  const fn = asObject(delta.function);
  const id = asString(delta.id) || null;
  const name = asString(fn.name);
  let index = asNumber(delta.index) ?? position;
  // Some servers reuse index 0 for every call; a new id at a filled slot starts a new call.
  const existing = state.toolCalls[index];
  if (existing && id && existing.id && existing.id !== id) {
    state.diagnostics.add('tool-call-index-collision', `tool call ${id} streamed on index ${index}, which already holds ${existing.id}; read as a separate call`, eventIndex(state));
    index = state.toolCalls.length;
  }
  if (!state.toolCalls[index] && state.streamed && !id && !name) {
    state.diagnostics.add('delta-before-start', `tool call delta on index ${index} before the call started (no id, no name)`, eventIndex(state));
  }
  const slot = (state.toolCalls[index] ??= { id: null, name: '', arguments: '' });
  slot.event = eventIndex(state);
  if (id) slot.id = id;
  if (name && !slot.name) slot.name = name;
  const args = fn.arguments;
  if (typeof args === 'string') slot.arguments += args;
  else if (isObject(args)) slot.arguments += JSON.stringify(args);
}

/** Applies one chunk's first choice. The plain JSON response goes through here too, as one delta. */
function accumulateChoice(state: ChatState, choice: JsonObject, delta: JsonObject): void {
  const content = delta.content;
  if (typeof content === 'string') state.text += content;
  else if (Array.isArray(content)) accumulateContentParts(state, content);
  // reasoning_content (DeepSeek-style, z.ai, llama.cpp) or reasoning (Groq, OpenRouter); OpenRouter
  // also repeats it in reasoning_details, so that is only read when neither string came (and only
  // when it is there: this runs for every chunk of every stream).
  const reasoning = asString(delta.reasoning_content) ?? asString(delta.reasoning);
  if (reasoning) state.reasoning += reasoning;
  else if (delta.reasoning_details !== undefined && !('reasoning_content' in delta) && !('reasoning' in delta)) {
    state.reasoning += reasoningOf({ reasoning_details: delta.reasoning_details });
  }
  const refusal = asString(delta.refusal);
  if (refusal) state.refusal += refusal;
  // Checked before anything is allocated: most chunks carry neither.
  if (Array.isArray(delta.tool_calls)) delta.tool_calls.forEach((call, position) => addToolCallDelta(state, call, position));
  const legacy = delta.function_call;
  // Servers that fill every field (Snowflake's `function_call: {name: '', arguments: ''}`) send no call.
  if (isObject(legacy) && (asString(legacy.name) || asString(legacy.arguments))) {
    addToolCallDelta(state, { index: 0, function: legacy }, 0);
    // The legacy function_call API has no call ids.
    if (state.toolCalls[0]) state.toolCalls[0].legacy = true;
  }
  if (Array.isArray(delta.executed_tools)) delta.executed_tools.forEach((tool, position) => addExecutedTool(state, tool, position));
  // Web search citations (OpenAI search models, OpenRouter): url_citation annotations.
  if (Array.isArray(delta.annotations)) for (const annotation of delta.annotations) addCitation(state, citationOf(annotation));
  const finishReason = asString(choice.finish_reason);
  if (finishReason) state.finishReason = finishReason;
}

const chatStream: StreamAccumulator<ChatState, ChatEvent> = {
  initial: () => ({
    text: '',
    reasoning: '',
    refusal: '',
    toolCalls: [],
    finishReason: null,
    usage: null,
    done: false,
    events: 0,
    citations: [],
    executedTools: [],
    streamed: true,
    diagnostics: new DiagnosticList(),
  }),

  accumulate(state, event) {
    state.events++;
    if (event.kind === 'done') {
      state.done = true;
      return state;
    }
    if (event.kind === 'empty') return state; // an event with no data: nothing was sent
    if (event.kind === 'unparsed') {
      state.diagnostics.add('unparsed-event', `event data is not a JSON object: ${dataExcerpt(event.data)}`, eventIndex(state));
      return state;
    }
    const chunk = event.chunk;
    const object = asString(chunk.object);
    if (object !== undefined && !KNOWN_OBJECTS.has(object)) {
      state.diagnostics.addCounted('unknown-event', `object:${object}`, `chunk of unknown object type "${object}"`, eventIndex(state));
    }
    if (!state.id) state.id = asString(chunk.id) || undefined;
    const model = asString(chunk.model);
    if (model) state.model = model;
    if (isObject(chunk.error)) {
      const error = errorFromBody(chunk);
      if (error) state.error = error;
    }
    const choice = firstOfIndexZero(chunk.choices);
    if (choice) accumulateChoice(state, choice, asObject(choice.delta ?? choice.message));
    // Usage can come on the final empty-choices chunk, on the last choice chunk, or in x_groq.
    // Counts are totals so far, so the last one wins.
    const reported = chatUsage(chunk.usage) ?? (isObject(chunk.x_groq) ? chatUsage(chunk.x_groq.usage) : null);
    if (reported) state.usage = reported;
    const cost = isObject(chunk.usage) ? asNumber(chunk.usage.cost) : undefined;
    if (cost !== undefined) state.providerCost = cost;
    return state;
  },

  finalize(state) {
    const slots = state.toolCalls.filter(Boolean);
    const toolCalls = slots.map((slot) => toolCall(slot.id, slot.name, slot.arguments));
    const diagnostics = state.diagnostics;
    slots.forEach((slot, i) => {
      if (!slot.id && !slot.legacy) diagnostics.add('tool-call-without-id', `tool call ${slot.name || `#${i}`} has no id`, slot.event);
    });
    reportInvalidArguments(diagnostics, toolCalls, slots.map((slot) => slot.event));
    const incomplete = state.streamed && state.events > 0 && !state.done && !state.finishReason && !state.error;
    if (incomplete) {
      diagnostics.add('stream-unterminated', `the stream ended after ${state.events} events without [DONE] or a finish reason`, state.events - 1);
    }
    const response = finalResponse({
      text: state.text,
      reasoning: state.reasoning,
      toolCalls,
      finishReason: state.finishReason,
      usage: state.usage,
      events: state.events,
      id: state.id,
      model: state.model,
      refusal: state.refusal,
      error: state.error,
      citations: state.citations,
      serverTools: state.executedTools.filter(Boolean),
      incomplete,
    });
    if (state.providerCost !== undefined) response.providerCost = state.providerCost;
    return withDiagnostics(response, diagnostics);
  },
};

/** An SSE event as the reducer sees it: a chunk, the terminator, no data, or data that is not JSON. */
function chatEvent(data: string, json: unknown): ChatEvent {
  if (isObject(json)) return { kind: 'chunk', chunk: json };
  const trimmed = data.trim();
  if (trimmed === '[DONE]') return { kind: 'done' };
  return trimmed === '' ? { kind: 'empty' } : { kind: 'unparsed', data };
}

function fromStream(body: Extract<DecodedBody, { kind: 'sse' }>): LlmResponse {
  let state = chatStream.initial();
  for (const event of body.events) {
    state = chatStream.accumulate(state, chatEvent(event.data, event.data === '[DONE]' ? undefined : eventJson(event)));
  }
  return chatStream.finalize(state);
}

function fromJson(value: unknown): LlmResponse {
  const initial = { ...chatStream.initial(), streamed: false };
  const state = chatStream.accumulate(initial, { kind: 'chunk', chunk: asObject(value) });
  return { ...chatStream.finalize(state), events: 0 };
}


export const openaiChat: Dialect = {
  provider: 'openai-chat',
  matches: (info) => /\/chat\/completions\/?$/.test(info.url.pathname),
  readRequest,
  readResponse: (body, response) =>
    reportUnexpectedBody(readSseOrJson(body, response, fromStream, fromJson), body, response.status, (v) => Array.isArray(asObject(v).choices), 'a chat completion (`choices`)'),
};
