// The Anthropic Messages stream reducer, shared by the Anthropic API, Vertex (rawPredict) and
// Bedrock (whose event-stream chunks carry the same events). A plain JSON message is replayed
// through it as events, so both give the same LlmResponse.

import type { StreamAccumulator } from './dialect.ts';
import { errorFromBody } from './errors.ts';
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from './json-access.ts';
import { finalResponse, parseToolArguments, toolCall, usage } from './parts.ts';
import type { Citation, ContentPart, LlmError, ToolCall, Usage } from './types.ts';

/** One content block, addressed by the stream's `index`. */
interface BlockSlot {
  type: string;
  /** As given by `content_block_start` (the whole block in a plain JSON message). */
  start: JsonObject;
  /** Text of a text block, thinking of a thinking block. */
  text: string;
  /** Raw `input_json_delta` buffer; parsed once, at finalize. */
  json: string;
  signature: string;
  citations: Citation[];
}

export interface AnthropicState {
  id?: string;
  model?: string;
  blocks: BlockSlot[];
  finishReason: string | null;
  /** Raw usage fields, last value wins (see message_delta). */
  usage: Record<string, number> | null;
  stopped: boolean;
  events: number;
  error?: LlmError;
}

/** A parsed stream event (`data:` JSON, or a Bedrock chunk's inner JSON). */
export type AnthropicEvent = JsonObject;

const USAGE_FIELDS = ['input_tokens', 'output_tokens', 'cache_read_input_tokens', 'cache_creation_input_tokens'];

function mergeUsage(state: AnthropicState, raw: unknown): void {
  if (!isObject(raw)) return;
  // Counts in message_delta are cumulative totals, not increments: overwrite, never add. Vertex
  // and Bedrock send only output_tokens there, so input counts from message_start stay.
  for (const field of USAGE_FIELDS) {
    const value = asNumber(raw[field]);
    if (value !== undefined) (state.usage ??= {})[field] = value;
  }
}

function newSlot(start: JsonObject): BlockSlot {
  const citations = asArray(start.citations).flatMap(citationOf);
  return {
    type: asString(start.type) ?? 'unknown',
    start,
    text: asString(start.text) ?? asString(start.thinking) ?? '',
    json: '',
    signature: asString(start.signature) ?? '',
    citations,
  };
}

/** Only citations that point at a URL (web search); document locations have none. */
function citationOf(raw: unknown): Citation[] {
  const citation = asObject(raw);
  const url = asString(citation.url);
  if (!url) return [];
  const title = asString(citation.title);
  return [title ? { url, title } : { url }];
}

const DELTA_BLOCK_TYPES: Record<string, string> = {
  text_delta: 'text',
  citations_delta: 'text',
  input_json_delta: 'tool_use',
  thinking_delta: 'thinking',
  signature_delta: 'thinking',
};

function applyDelta(state: AnthropicState, index: number, delta: JsonObject): void {
  const type = asString(delta.type) ?? '';
  // A delta before its block_start still lands somewhere sensible.
  const slot = (state.blocks[index] ??= newSlot({ type: DELTA_BLOCK_TYPES[type] ?? 'unknown' }));
  switch (type) {
    case 'text_delta':
      slot.text += asString(delta.text) ?? '';
      break;
    case 'thinking_delta':
      slot.text += asString(delta.thinking) ?? '';
      break;
    case 'input_json_delta':
      slot.json += asString(delta.partial_json) ?? '';
      break;
    case 'signature_delta':
      slot.signature += asString(delta.signature) ?? '';
      break;
    case 'citations_delta':
      slot.citations.push(...citationOf(delta.citation));
      break;
  }
}

export const anthropicStream: StreamAccumulator<AnthropicState, AnthropicEvent> = {
  initial: () => ({ blocks: [], finishReason: null, usage: null, stopped: false, events: 0 }),

  accumulate(state, event) {
    state.events++;
    const index = asNumber(event.index) ?? state.blocks.length;
    switch (event.type) {
      case 'message_start': {
        const message = asObject(event.message);
        if (asString(message.id)) state.id = asString(message.id)!;
        if (asString(message.model)) state.model = asString(message.model)!;
        if (asString(message.stop_reason)) state.finishReason = asString(message.stop_reason)!;
        mergeUsage(state, message.usage);
        break;
      }
      case 'content_block_start':
        state.blocks[index] = newSlot(asObject(event.content_block));
        break;
      case 'content_block_delta':
        applyDelta(state, index, asObject(event.delta));
        break;
      case 'message_delta': {
        const stopReason = asString(asObject(event.delta).stop_reason);
        if (stopReason) state.finishReason = stopReason;
        mergeUsage(state, event.usage);
        break;
      }
      case 'message_stop':
        state.stopped = true;
        break;
      case 'error':
        state.error = errorFromBody(event) ?? { type: 'error', message: JSON.stringify(event.error ?? event) };
        break;
      // content_block_stop, ping and event types added later carry nothing we keep.
    }
    return state;
  },

  finalize(state) {
    const text: string[] = [];
    const reasoning: string[] = [];
    const toolCalls: ToolCall[] = [];
    const serverTools: ContentPart[] = [];
    const citations = new Map<string, Citation>();
    for (const slot of state.blocks.filter(Boolean)) {
      switch (slot.type) {
        case 'text':
          text.push(slot.text);
          for (const citation of slot.citations) citations.set(citation.url, citations.get(citation.url) ?? citation);
          break;
        case 'thinking':
          reasoning.push(slot.text);
          break;
        case 'redacted_thinking':
          reasoning.push('[redacted reasoning]');
          break;
        case 'tool_use':
          toolCalls.push(toolCall(asString(slot.start.id) ?? null, asString(slot.start.name) ?? '', rawInput(slot)));
          break;
        default:
          serverTools.push(serverToolPart(slot));
      }
    }
    return finalResponse({
      text: text.join(''),
      reasoning: reasoning.join('\n\n'),
      toolCalls,
      finishReason: state.finishReason,
      usage: state.usage && anthropicUsage(state.usage),
      events: state.events,
      id: state.id,
      model: state.model,
      error: state.error,
      citations: [...citations.values()],
      serverTools,
      incomplete: state.events > 0 && !state.stopped && !state.finishReason && !state.error,
    });
  },
};

export function anthropicUsage(raw: Record<string, number | undefined>): Usage {
  return usage({
    inputTokens: raw.input_tokens,
    outputTokens: raw.output_tokens,
    cacheReadTokens: raw.cache_read_input_tokens,
    cacheWriteTokens: raw.cache_creation_input_tokens,
  });
}

/** Streamed input arrives as JSON deltas; a plain JSON block has it whole in `input`. */
function rawInput(slot: ServerBlock): string {
  return slot.json !== '' ? slot.json : JSON.stringify(slot.start.input ?? {});
}

type ServerBlock = Pick<BlockSlot, 'type' | 'start' | 'json'>;

/** A server tool block as the client sends it back in a request. */
export function serverToolBlockPart(block: JsonObject): ContentPart {
  return serverToolPart({ type: asString(block.type) ?? 'unknown', start: block, json: '' });
}

/** Server tool calls (web search, code execution, MCP …) and their results, in one line or a list. */
function serverToolPart(slot: ServerBlock): ContentPart {
  const block = slot.start;
  if (slot.type === 'server_tool_use' || slot.type === 'mcp_tool_use') {
    const input = parseToolArguments(rawInput(slot)).arguments;
    const query = asString(asObject(input).query);
    return { type: 'other', kind: asString(block.name) ?? slot.type, summary: query !== undefined ? `query "${query}"` : short(input) };
  }
  const content = block.content;
  if (Array.isArray(content) && content.every((r) => asObject(r).type === 'web_search_result')) {
    const lines = content.map((r) => `${asString(asObject(r).title) ?? '(untitled)'} — ${asString(asObject(r).url) ?? ''}`);
    return { type: 'other', kind: slot.type, summary: [`${content.length} results`, ...lines].join('\n') };
  }
  const errorCode = asString(asObject(content).error_code);
  if (errorCode) return { type: 'other', kind: slot.type, summary: `error ${errorCode}` };
  return { type: 'other', kind: slot.type, summary: short(content ?? block) };
}

/** A one-line JSON excerpt, without encrypted payloads. */
function short(value: unknown): string {
  const text = JSON.stringify(value, (key, v: unknown) => (key.startsWith('encrypted') ? '…' : v)) ?? '';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
