// The Anthropic Messages stream reducer, shared by the Anthropic API, Vertex (rawPredict) and
// Bedrock (whose event-stream chunks carry the same events). A plain JSON message is replayed
// through it as events, so both give the same LlmResponse. What it cannot use (unknown event,
// block or delta types, data that is not JSON, a delta before its block, a stream cut before
// message_stop, a tool call without id) becomes a diagnostic.

import type { DiagnosticCode } from '../findings/codes.ts';
import { DiagnosticList } from '../findings/diagnostic.ts';
import type { StreamAccumulator } from './dialect.ts';
import { errorFromBody } from './errors.ts';
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from './json-access.ts';
import { isKnownBlockType, rawInput, serverToolPart } from './anthropic-blocks.ts';
import { dataExcerpt, finalResponse, toolCall, usage, withDiagnostics } from './parts.ts';
import type { Citation, ContentPart, LlmError, ToolCall, Usage, UsageIteration } from './types.ts';

/** One content block, addressed by the stream's `index`. */
interface BlockSlot {
  type: string;
  /** As given by `content_block_start` (the whole block in a plain JSON message). */
  start: JsonObject;
  /** Text of a text block, thinking of a thinking block, summary of a compaction block. */
  text: string;
  /** Raw `input_json_delta` buffer; parsed once, at finalize. */
  json: string;
  signature: string;
  citations: Citation[];
  /** False when a delta created the slot (its content_block_start never came). */
  started: boolean;
  /** The event that started it (or its first delta). */
  event: number;
}

export interface AnthropicState {
  id?: string;
  model?: string;
  blocks: BlockSlot[];
  finishReason: string | null;
  /** `stop_details` of a refusal: its category and explanation. */
  stopDetails?: JsonObject;
  /** Raw usage fields, last value wins (see message_delta). */
  usage: Record<string, number> | null;
  /** `usage.iterations`, last value wins. */
  iterations?: UsageIteration[];
  stopped: boolean;
  events: number;
  error?: LlmError;
  diagnostics: DiagnosticList;
  /** False when a whole JSON message is replayed as events: no stream to cut, no event indexes. */
  streamed: boolean;
}

/** A parsed stream event (`data:` JSON, or a Bedrock chunk's inner JSON). */
export type AnthropicEvent = JsonObject;

/** What the reducer reads: a parsed event, or the size (and SSE name) of one whose data is not JSON. */
export type AnthropicItem =
  | { kind: 'event'; event: AnthropicEvent }
  | { kind: 'unparsed'; length: number; name?: string | undefined; preview?: string }
  /** A frame of the carrier (Bedrock's event stream) that holds no Anthropic event: counted, nothing more (the carrier reports it). */
  | { kind: 'carrier' };

const USAGE_FIELDS = ['input_tokens', 'output_tokens', 'cache_read_input_tokens', 'cache_creation_input_tokens'];

/** Each delta type and the block type it belongs to (for a delta whose block never started). */
const DELTA_BLOCK_TYPES: Record<string, string> = {
  text_delta: 'text',
  citations_delta: 'text',
  input_json_delta: 'tool_use',
  thinking_delta: 'thinking',
  signature_delta: 'thinking',
  compaction_delta: 'compaction',
};

function note(state: AnthropicState, code: DiagnosticCode, message: string, event: number | undefined): void {
  state.diagnostics.add(code, message, state.streamed ? event : undefined);
}

function noteUnknown(state: AnthropicState, key: string, message: string, event: number): void {
  state.diagnostics.addCounted('unknown-event', key, message, state.streamed ? event : undefined);
}

function iterationOf(raw: unknown): UsageIteration[] {
  const item = asObject(raw);
  if (!asString(item.type) && asNumber(item.input_tokens) === undefined) return [];
  const model = asString(item.model);
  const iteration: UsageIteration = {
    type: asString(item.type) ?? 'message',
    ...(model ? { model } : {}),
    inputTokens: asNumber(item.input_tokens) ?? 0,
    outputTokens: asNumber(item.output_tokens) ?? 0,
  };
  const cacheRead = asNumber(item.cache_read_input_tokens);
  const cacheWrite = asNumber(item.cache_creation_input_tokens);
  if (cacheRead !== undefined) iteration.cacheReadTokens = cacheRead;
  if (cacheWrite !== undefined) iteration.cacheWriteTokens = cacheWrite;
  return [iteration];
}

function mergeUsage(state: AnthropicState, raw: unknown): void {
  if (!isObject(raw)) return;
  // Counts in message_delta are cumulative totals, not increments: overwrite, never add. Vertex
  // and Bedrock send only output_tokens there, so input counts from message_start stay.
  for (const field of USAGE_FIELDS) {
    const value = asNumber(raw[field]);
    if (value !== undefined) (state.usage ??= {})[field] = value;
  }
  if (Array.isArray(raw.iterations)) state.iterations = raw.iterations.flatMap(iterationOf);
}

function newSlot(start: JsonObject, started: boolean, event: number): BlockSlot {
  const type = asString(start.type) ?? 'unknown';
  const citations = asArray(start.citations).flatMap(citationOf);
  const text = type === 'compaction' ? (asString(start.content) ?? '') : (asString(start.text) ?? asString(start.thinking) ?? '');
  return { type, start, text, json: '', signature: asString(start.signature) ?? '', citations, started, event };
}

/** Only citations that point at a URL (web search, web fetch); document locations have none. */
function citationOf(raw: unknown): Citation[] {
  const citation = asObject(raw);
  const url = asString(citation.url);
  if (!url) return [];
  const title = asString(citation.title);
  return [title ? { url, title } : { url }];
}

function startBlock(state: AnthropicState, index: number, block: JsonObject, at: number): void {
  const slot = newSlot(block, true, at);
  const previous = state.blocks[index];
  if (previous?.started && (previous.type === 'tool_use' || slot.type === 'tool_use')) {
    note(state, 'tool-call-index-collision', `Anthropic content_block_start for block ${index} (${slot.type}) replaces the ${previous.type} block started there`, at);
  }
  if (!isKnownBlockType(slot.type)) {
    noteUnknown(state, `block:${slot.type}`, `Anthropic content block type "${slot.type}" not interpreted (kept as a server part)`, at);
  }
  state.blocks[index] = slot;
}

function applyDelta(state: AnthropicState, index: number, delta: JsonObject, at: number): void {
  const type = asString(delta.type) ?? '';
  if (DELTA_BLOCK_TYPES[type] === undefined) {
    noteUnknown(state, `delta:${type}`, `Anthropic delta type "${type || '(none)'}" not interpreted`, at);
    return;
  }
  if (!state.blocks[index]) {
    note(state, 'delta-before-start', `Anthropic ${type} for block ${index}, which had no content_block_start`, at);
  }
  // A delta before its block_start still lands somewhere sensible.
  const slot = (state.blocks[index] ??= newSlot({ type: DELTA_BLOCK_TYPES[type]! }, false, at));
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
    case 'compaction_delta':
      // The summary arrives as text; `encrypted_content` is opaque and not shown.
      slot.text += asString(delta.content) ?? '';
      break;
  }
}

function accumulateEvent(state: AnthropicState, event: AnthropicEvent, at: number): void {
  const index = asNumber(event.index) ?? state.blocks.length;
  const type = asString(event.type) ?? '';
  switch (type) {
    case 'message_start': {
      const message = asObject(event.message);
      if (asString(message.id)) state.id = asString(message.id)!;
      if (asString(message.model)) state.model = asString(message.model)!;
      if (asString(message.stop_reason)) state.finishReason = asString(message.stop_reason)!;
      if (isObject(message.stop_details)) state.stopDetails = message.stop_details;
      mergeUsage(state, message.usage);
      break;
    }
    case 'content_block_start':
      startBlock(state, index, asObject(event.content_block), at);
      break;
    case 'content_block_delta':
      applyDelta(state, index, asObject(event.delta), at);
      break;
    case 'message_delta': {
      const delta = asObject(event.delta);
      const stopReason = asString(delta.stop_reason);
      if (stopReason) state.finishReason = stopReason;
      if (isObject(delta.stop_details)) state.stopDetails = delta.stop_details;
      mergeUsage(state, event.usage);
      break;
    }
    case 'message_stop':
      state.stopped = true;
      break;
    case 'error':
      state.error = errorFromBody(event) ?? { type: 'error', message: JSON.stringify(event.error ?? event) };
      break;
    // The end of a block (its content came with the deltas) and keep-alives: nothing to keep.
    case 'content_block_stop':
    case 'ping':
      break;
    default:
      noteUnknown(state, `event:${type}`, `Anthropic event type "${type || '(none)'}" not interpreted`, at);
  }
}

export const anthropicStream: StreamAccumulator<AnthropicState, AnthropicItem> = {
  initial: () => ({ blocks: [], finishReason: null, usage: null, stopped: false, events: 0, diagnostics: new DiagnosticList(), streamed: true }),

  accumulate(state, item) {
    const at = state.events++;
    if (item.kind === 'unparsed') {
      const preview = item.preview !== undefined ? `: ${dataExcerpt(item.preview)}` : '';
      note(state, 'unparsed-event', `Anthropic event ${at}${item.name ? ` (${item.name})` : ''}: data (${item.length} characters) is not JSON${preview}`, at);
    } else if (item.kind === 'event') accumulateEvent(state, item.event, at);
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
        case 'tool_use': {
          const call = toolCall(asString(slot.start.id) ?? null, asString(slot.start.name) ?? '', rawInput(slot));
          if (!call.id) note(state, 'tool-call-without-id', `Anthropic tool_use ${call.name || '(unnamed)'} has no id`, slot.event);
          if (call.invalidArguments) note(state, 'invalid-tool-arguments', `Anthropic tool_use ${call.name || '(unnamed)'}: input is not valid JSON: ${dataExcerpt(slot.json)}`, slot.event);
          toolCalls.push(call);
          break;
        }
        default:
          serverTools.push(serverToolPart(slot));
      }
    }
    if (state.streamed && state.events > 0 && !state.stopped && !state.error) {
      const after = state.finishReason ? ` (stop_reason ${state.finishReason} came)` : '';
      note(state, 'stream-unterminated', `Anthropic stream ended without message_stop${after}`, state.events - 1);
    }
    let reported: Usage | null = state.usage && anthropicUsage(state.usage);
    if (state.iterations?.length) reported = { ...(reported ?? { inputTokens: 0, outputTokens: 0 }), iterations: state.iterations };
    const response = finalResponse({
      text: text.join(''),
      reasoning: reasoning.join('\n\n'),
      toolCalls,
      finishReason: state.finishReason,
      usage: reported,
      events: state.events,
      id: state.id,
      model: state.model,
      refusal: state.finishReason === 'refusal' ? refusalText(state.stopDetails) : undefined,
      error: state.error,
      citations: [...citations.values()],
      serverTools,
      incomplete: state.events > 0 && !state.stopped && !state.finishReason && !state.error,
    });
    return withDiagnostics(response, state.diagnostics);
  },
};

/** `stop_reason: "refusal"`: the explanation when the API gave one, else the category. */
function refusalText(details: JsonObject | undefined): string {
  const explanation = asString(details?.explanation);
  if (explanation) return explanation;
  const category = asString(details?.category);
  return category ? `refused (${category})` : 'refused';
}

export function anthropicUsage(raw: Record<string, number | undefined>): Usage {
  return usage({
    inputTokens: raw.input_tokens,
    outputTokens: raw.output_tokens,
    cacheReadTokens: raw.cache_read_input_tokens,
    cacheWriteTokens: raw.cache_creation_input_tokens,
  });
}

