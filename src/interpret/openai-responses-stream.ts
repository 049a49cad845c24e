// OpenAI Responses API output: a stream reducer over `response.*` events that keeps a snapshot of
// the response's `output` items (addressed by output_index, like openai-node's ResponseAccumulator),
// and the reading of those items into an LlmResponse. The plain JSON response is the same snapshot.

import type { StreamAccumulator } from './dialect.ts';
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from './json-access.ts';
import { finalResponse, toolCall, usage } from './parts.ts';
import { errorFromBody } from './errors.ts';
import type { Citation, ContentPart, LlmError, ToolCall, Usage } from './types.ts';

export interface ResponsesState {
  id?: string;
  model?: string;
  /** Only from a terminal event or a whole response: `in_progress` is not a finish reason. */
  finishReason: string | null;
  /** Output items by output_index; deltas edit them, `*.done` and the final response replace them. */
  output: JsonObject[];
  usage: Usage | null;
  error?: LlmError;
  /** A terminal event (completed, incomplete, failed, error) arrived. */
  terminal: boolean;
  events: number;
}

/**
 * One stream event's JSON data; a plain JSON body is fed in as `{type: 'response', response}`.
 * The reducer keeps the objects it is given and delta events edit them: each stream event is
 * parsed on its own, so nothing else holds them.
 */
export type ResponsesEvent = JsonObject;

const TERMINAL_STATUSES = new Set(['completed', 'incomplete', 'failed', 'cancelled']);

/** Usage of a response object; counts are final totals, so the last report replaces earlier ones. */
export function responsesUsage(raw: unknown): Usage | null {
  if (!isObject(raw)) return null;
  return usage({
    inputTokens: asNumber(raw.input_tokens),
    outputTokens: asNumber(raw.output_tokens),
    totalTokens: asNumber(raw.total_tokens),
    cacheReadTokens: asNumber(asObject(raw.input_tokens_details).cached_tokens) || undefined,
    reasoningTokens: asNumber(asObject(raw.output_tokens_details).reasoning_tokens) || undefined,
  });
}

/**
 * Finish reason in the API's own words: `incomplete_details.reason` when the response stopped early
 * (max_output_tokens, content_filter), else the terminal `status` (completed, failed, cancelled).
 */
function finishReasonOf(response: JsonObject): string | null {
  const status = asString(response.status);
  if (!status || !TERMINAL_STATUSES.has(status)) return null;
  return (status === 'incomplete' && asString(asObject(response.incomplete_details).reason)) || status;
}

/** Applies a whole response object (created, in_progress, completed, … or a plain JSON body). */
function applyResponse(state: ResponsesState, response: JsonObject): void {
  if (asString(response.id)) state.id = asString(response.id)!;
  if (asString(response.model)) state.model = asString(response.model)!;
  const reason = finishReasonOf(response);
  if (reason) state.finishReason = reason;
  const reported = responsesUsage(response.usage);
  if (reported) state.usage = reported;
  const error = errorFromBody(response);
  if (error) state.error = error;
  // The final output replaces what the deltas built; an empty list (created/in_progress, or a
  // server that does not repeat it) leaves the built items alone.
  const output = asArray(response.output);
  if (output.length > 0) state.output = output.map(asObject);
}

/** The output item an event addresses: by output_index, else by item_id; created as `type` if missing. */
function itemOf(state: ResponsesState, event: JsonObject, type: string): JsonObject {
  const index = asNumber(event.output_index);
  if (index !== undefined && index >= 0) return (state.output[index] ??= { type, id: event.item_id });
  const found = state.output.find((item) => item && item.id === event.item_id);
  if (found) return found;
  const item: JsonObject = { type, id: event.item_id };
  state.output.push(item);
  return item;
}

/** An item's list field (content, summary, annotations), created on demand. */
function listOf(owner: JsonObject, field: string): unknown[] {
  if (!Array.isArray(owner[field])) owner[field] = [];
  return owner[field] as unknown[];
}

/** The slot `index` of an item's list field, created on demand (typed as `type` when new). */
function slotOf(owner: JsonObject, field: string, index: unknown, type: string): JsonObject {
  const list = listOf(owner, field);
  const at = asNumber(index) ?? 0;
  if (!isObject(list[at])) list[at] = { type };
  return list[at] as JsonObject;
}

/** The text part of an output_text or reasoning_text event (raw reasoning of open-weight models). */
function textSlot(state: ResponsesState, event: JsonObject, eventType: string): JsonObject {
  const reasoning = eventType.startsWith('response.reasoning_text');
  const item = itemOf(state, event, reasoning ? 'reasoning' : 'message');
  return slotOf(item, 'content', event.content_index, reasoning ? 'reasoning_text' : 'output_text');
}

function append(target: JsonObject, field: string, delta: unknown): void {
  if (typeof delta === 'string') target[field] = (asString(target[field]) ?? '') + delta;
}

function replace(target: JsonObject, field: string, value: unknown): void {
  if (typeof value === 'string') target[field] = value;
}

function applyEvent(state: ResponsesState, event: JsonObject): void {
  const type = asString(event.type) ?? '';
  switch (type) {
    case 'response.created':
    case 'response.queued':
    case 'response.in_progress':
      applyResponse(state, asObject(event.response));
      return;
    case 'response': // a whole response object: the plain JSON body
    case 'response.completed':
    case 'response.incomplete':
    case 'response.failed':
    case 'response.cancelled':
      state.terminal = true;
      applyResponse(state, asObject(event.response));
      return;
    case 'error':
      state.terminal = true;
      // `{type: 'error', code, message}`, or the error nested in `error`.
      state.error = isObject(event.error)
        ? errorFromBody(event) ?? { type: 'error', message: '' }
        : { type: asString(event.code) ?? 'error', message: asString(event.message) ?? '' };
      return;
    case 'response.output_item.added':
    case 'response.output_item.done': {
      const index = asNumber(event.output_index) ?? state.output.length;
      state.output[index] = asObject(event.item);
      return;
    }
    case 'response.content_part.added':
    case 'response.content_part.done':
      listOf(itemOf(state, event, 'message'), 'content')[asNumber(event.content_index) ?? 0] = asObject(event.part);
      return;
    case 'response.output_text.delta':
    case 'response.reasoning_text.delta':
      append(textSlot(state, event, type), 'text', event.delta);
      return;
    case 'response.output_text.done':
    case 'response.reasoning_text.done':
      replace(textSlot(state, event, type), 'text', event.text);
      return;
    case 'response.refusal.delta':
      append(slotOf(itemOf(state, event, 'message'), 'content', event.content_index, 'refusal'), 'refusal', event.delta);
      return;
    case 'response.refusal.done':
      replace(slotOf(itemOf(state, event, 'message'), 'content', event.content_index, 'refusal'), 'refusal', event.refusal);
      return;
    case 'response.output_text.annotation.added': {
      const part = slotOf(itemOf(state, event, 'message'), 'content', event.content_index, 'output_text');
      const annotations = listOf(part, 'annotations');
      annotations[asNumber(event.annotation_index) ?? annotations.length] = asObject(event.annotation);
      return;
    }
    case 'response.function_call_arguments.delta':
      append(itemOf(state, event, 'function_call'), 'arguments', event.delta);
      return;
    case 'response.function_call_arguments.done':
      replace(itemOf(state, event, 'function_call'), 'arguments', event.arguments);
      return;
    case 'response.custom_tool_call_input.delta':
      append(itemOf(state, event, 'custom_tool_call'), 'input', event.delta);
      return;
    case 'response.custom_tool_call_input.done':
      replace(itemOf(state, event, 'custom_tool_call'), 'input', event.input);
      return;
    case 'response.reasoning_summary_part.added':
    case 'response.reasoning_summary_part.done':
      listOf(itemOf(state, event, 'reasoning'), 'summary')[asNumber(event.summary_index) ?? 0] = asObject(event.part);
      return;
    case 'response.reasoning_summary_text.delta':
      append(slotOf(itemOf(state, event, 'reasoning'), 'summary', event.summary_index, 'summary_text'), 'text', event.delta);
      return;
    case 'response.reasoning_summary_text.done':
      replace(slotOf(itemOf(state, event, 'reasoning'), 'summary', event.summary_index, 'summary_text'), 'text', event.text);
      return;
    default:
      // web_search_call.* / file_search_call.* progress and anything newer: the item events say it all.
      return;
  }
}

export const responsesStream: StreamAccumulator<ResponsesState, ResponsesEvent> = {
  initial: () => ({ finishReason: null, output: [], usage: null, terminal: false, events: 0 }),

  accumulate(state, event) {
    state.events++;
    applyEvent(state, event);
    return state;
  },

  finalize(state) {
    const read = readOutput(state.output.filter(isObject));
    return finalResponse({
      text: read.text,
      reasoning: read.reasoning,
      toolCalls: read.toolCalls,
      finishReason: state.finishReason,
      usage: state.usage,
      events: state.events,
      id: state.id,
      model: state.model,
      refusal: read.refusal,
      error: state.error,
      citations: read.citations,
      serverTools: read.serverTools,
      incomplete: state.events > 0 && !state.terminal,
    });
  },
};

// ---- output items → response -------------------------------------------------------------------

interface OutputSummary {
  text: string;
  reasoning: string;
  refusal: string;
  toolCalls: ToolCall[];
  citations: Citation[];
  serverTools: ContentPart[];
}

/** Text of a reasoning item: the summaries, then any raw reasoning text (open-weight models). */
export function reasoningText(item: JsonObject): string {
  const texts = [...asArray(item.summary), ...asArray(item.content)].map((p) => asString(asObject(p).text) ?? '');
  return texts.filter(Boolean).join('\n\n');
}

/** One line for a server-side tool item: the search query, the page opened, or the item type. */
export function serverToolPart(item: JsonObject): ContentPart {
  const type = asString(item.type) ?? 'unknown';
  if (type === 'web_search_call') {
    const action = asObject(item.action);
    const queries = asArray(action.queries).filter((q): q is string => typeof q === 'string');
    const what = asString(action.query) ?? (queries.join('; ') || asString(action.url) || asString(action.type) || 'search');
    const sources = asArray(action.sources).length;
    return { type: 'other', kind: 'web_search', summary: sources ? `${what} (${sources} sources)` : what };
  }
  const detail = asString(item.status) ? ` (${String(item.status)})` : '';
  return { type: 'other', kind: type.replace(/_call$/, ''), summary: `${asString(item.id) ?? type}${detail}` };
}

/** A client tool call item (function, custom or computer call), or undefined for other items. */
export function outputToolCall(item: JsonObject): ToolCall | undefined {
  const id = asString(item.call_id) ?? asString(item.id) ?? null;
  switch (item.type) {
    case 'function_call':
      return toolCall(id, asString(item.name) ?? '', asString(item.arguments) ?? '');
    case 'custom_tool_call':
      // Custom tools take free text, not JSON: keep it as the string it is.
      return { id, name: asString(item.name) ?? '', arguments: asString(item.input) ?? '' };
    case 'computer_call':
      return { id, name: 'computer', arguments: item.action ?? {} };
    default:
      return undefined;
  }
}

function readOutput(items: JsonObject[]): OutputSummary {
  const out: OutputSummary = { text: '', reasoning: '', refusal: '', toolCalls: [], citations: [], serverTools: [] };
  const reasoning: string[] = [];
  for (const item of items) {
    const call = outputToolCall(item);
    if (call) out.toolCalls.push(call);
    else if (item.type === 'reasoning') reasoning.push(reasoningText(item));
    else if (item.type === 'message' || item.type === undefined) {
      for (const part of Array.from(asArray(item.content), asObject)) {
        if (part.type === 'refusal') out.refusal += asString(part.refusal) ?? '';
        else out.text += asString(part.text) ?? '';
        for (const annotation of Array.from(asArray(part.annotations), asObject)) {
          const url = asString(annotation.url);
          if (annotation.type !== 'url_citation' || !url) continue;
          if (out.citations.some((c) => c.url === url)) continue;
          const title = asString(annotation.title);
          out.citations.push(title ? { url, title } : { url });
        }
      }
    } else out.serverTools.push(serverToolPart(item));
  }
  out.reasoning = reasoning.filter(Boolean).join('\n\n');
  return out;
}
