// OpenAI Responses API output: a stream reducer over `response.*` events that keeps a snapshot of
// the response's `output` items (addressed by output_index, like openai-node's ResponseAccumulator),
// read into an LlmResponse by openai-responses-items.ts. The plain JSON response is the same snapshot.
// Every event type of the API reference is listed below, with what it changes or why it changes
// nothing; any other type is an `unknown-event` diagnostic.

import type { StreamAccumulator } from './dialect.ts';
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from './json-access.ts';
import { base64Size, finalResponse, usage, withDiagnostics } from './parts.ts';
import { errorFromBody } from './errors.ts';
import { DiagnosticList } from '../findings/diagnostic.ts';
import { readOutput, type PartialImages } from './openai-responses-items.ts';
import type { LlmError, Usage } from './types.ts';

export { outputToolCall, reasoningText, serverToolPart } from './openai-responses-items.ts';

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
  /** The provider's own cost figure (OpenRouter `usage.cost`, USD). */
  providerCost?: number;
  /** A stream (diagnostics name their event), not one plain JSON body. */
  streamed: boolean;
  diagnostics: DiagnosticList;
  /** Index of the last event that touched each output item. */
  itemEvents: (number | undefined)[];
  /** image_generation_call.partial_image events per output index: counted and sized, never kept. */
  partialImages: Map<number, PartialImages>;
}

/**
 * One stream event's JSON data; a plain JSON body is fed in as `{type: 'response', response}`.
 * The reducer keeps the objects it is given and delta events edit them: each stream event is
 * parsed on its own, so nothing else holds them.
 */
export type ResponsesEvent = JsonObject;

const TERMINAL_STATUSES = new Set(['completed', 'incomplete', 'failed', 'cancelled']);

/**
 * Events that only report progress the item events already carry (a hosted tool's status), or
 * that this view has no place for (audio): known, so not diagnosed, and nothing to apply. `''` is
 * an event with no data and no name, `[DONE]` the terminator some compatible servers add.
 */
const PROGRESS_EVENTS = new Set([
  'response.web_search_call.in_progress',
  'response.web_search_call.searching',
  'response.web_search_call.completed',
  'response.file_search_call.in_progress',
  'response.file_search_call.searching',
  'response.file_search_call.completed',
  'response.code_interpreter_call.in_progress',
  'response.code_interpreter_call.interpreting',
  'response.code_interpreter_call.completed',
  'response.image_generation_call.in_progress',
  'response.image_generation_call.generating',
  'response.image_generation_call.completed',
  'response.mcp_call.in_progress',
  'response.mcp_call.completed',
  'response.mcp_call.failed',
  'response.mcp_list_tools.in_progress',
  'response.mcp_list_tools.completed',
  'response.mcp_list_tools.failed',
  'response.compaction.compacting',
  'response.audio.delta',
  'response.audio.done',
  'response.audio.transcript.delta',
  'response.audio.transcript.done',
  '',
  '[DONE]',
]);

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
function finishReasonOf(response: JsonObject, plain: boolean): string | null {
  const status = asString(response.status);
  // A plain body is the response as it stands: a background one (`background: true`) is still
  // `queued` or `in_progress`, and says so. In a stream only the terminal status finishes it.
  if (!status || (!plain && !TERMINAL_STATUSES.has(status))) return null;
  return (status === 'incomplete' && asString(asObject(response.incomplete_details).reason)) || status;
}

/** The stream event being applied (undefined for a plain JSON body). */
function eventIndex(state: ResponsesState): number | undefined {
  return state.streamed ? state.events - 1 : undefined;
}

/** Applies a whole response object (created, in_progress, completed, … or a plain JSON body). */
function applyResponse(state: ResponsesState, response: JsonObject): void {
  if (asString(response.id)) state.id = asString(response.id)!;
  if (asString(response.model)) state.model = asString(response.model)!;
  const reason = finishReasonOf(response, !state.streamed);
  if (reason) state.finishReason = reason;
  const reported = responsesUsage(response.usage);
  if (reported) state.usage = reported;
  const cost = isObject(response.usage) ? asNumber(response.usage.cost) : undefined;
  if (cost !== undefined) state.providerCost = cost;
  const error = errorFromBody(response);
  if (error) state.error = error;
  // The final output replaces what the deltas built; an empty list (created/in_progress, or a
  // server that does not repeat it) leaves the built items alone.
  const output = asArray(response.output);
  if (output.length > 0) {
    state.output = output.map(asObject);
    state.itemEvents = output.map(() => eventIndex(state));
  }
}

/**
 * The output item an event addresses: by output_index, else by item_id. An item the stream never
 * added is created (typed `type`) so its deltas are kept, and the early delta is diagnosed.
 */
function itemOf(state: ResponsesState, event: JsonObject, type: string): JsonObject {
  const index = asNumber(event.output_index);
  let at = index !== undefined && index >= 0 ? index : state.output.findIndex((item) => item && item.id === event.item_id);
  if (at < 0 || !state.output[at]) {
    if (at < 0) at = state.output.length;
    state.output[at] = { type, id: event.item_id };
    const what = asString(event.item_id) ? `${type} ${String(event.item_id)}` : type;
    state.diagnostics.add('delta-before-start', `${String(event.type)} for output ${at} (${what}) before its output_item.added`, eventIndex(state));
  }
  state.itemEvents[at] = eventIndex(state);
  return state.output[at]!;
}

/** An item's list field (content, summary, annotations), created on demand. */
function listOf(owner: JsonObject, field: string): unknown[] {
  if (!Array.isArray(owner[field])) owner[field] = [];
  return owner[field] as unknown[];
}

/**
 * The slot `index` of an item's list field (a content or summary part). A part the stream never
 * added is created (typed `type`), and the early delta is diagnosed.
 */
function slotOf(state: ResponsesState, event: JsonObject, owner: JsonObject, field: string, index: unknown, type: string): JsonObject {
  const list = listOf(owner, field);
  const at = asNumber(index) ?? 0;
  if (!isObject(list[at])) {
    list[at] = { type };
    const added = field === 'summary' ? 'reasoning_summary_part.added' : 'content_part.added';
    state.diagnostics.add('delta-before-start', `${String(event.type)} for ${field} part ${at} of ${String(owner.id ?? owner.type)} before its ${added}`, eventIndex(state));
  }
  return list[at] as JsonObject;
}

/** The text part of an output_text or reasoning_text event (raw reasoning of open-weight models). */
function textSlot(state: ResponsesState, event: JsonObject, eventType: string): JsonObject {
  const reasoning = eventType.startsWith('response.reasoning_text');
  const item = itemOf(state, event, reasoning ? 'reasoning' : 'message');
  return slotOf(state, event, item, 'content', event.content_index, reasoning ? 'reasoning_text' : 'output_text');
}

function append(target: JsonObject, field: string, delta: unknown): void {
  if (typeof delta === 'string') target[field] = (asString(target[field]) ?? '') + delta;
}

function replace(target: JsonObject, field: string, value: unknown): void {
  if (typeof value === 'string') target[field] = value;
}

/** The object in `owner[field]`, created on demand (a shell call's action, a patch's operation). */
function objectField(owner: JsonObject, field: string): JsonObject {
  if (!isObject(owner[field])) owner[field] = {};
  return owner[field] as JsonObject;
}

/** A shell call's command `command_index`: added, extended by deltas, replaced when done. */
function applyShellCommand(state: ResponsesState, event: JsonObject, mode: 'set' | 'append'): void {
  const commands = listOf(objectField(itemOf(state, event, 'shell_call'), 'action'), 'commands');
  const at = asNumber(event.command_index) ?? commands.length;
  const text = mode === 'append' ? event.delta : event.command;
  if (typeof text !== 'string') return;
  commands[at] = mode === 'append' ? (asString(commands[at]) ?? '') + text : text;
}

/** Streamed stdout/stderr of a shell command, into the shell_call_output item's `output` list. */
function applyShellOutput(state: ResponsesState, event: JsonObject, done: boolean): void {
  const output = listOf(itemOf(state, event, 'shell_call_output'), 'output');
  const at = asNumber(event.command_index) ?? 0;
  if (done) {
    const chunks = asArray(event.output).map(asObject);
    if (chunks.length === 0) return;
    output[at] = {
      stdout: chunks.map((c) => asString(c.stdout) ?? '').join(''),
      stderr: chunks.map((c) => asString(c.stderr) ?? '').join(''),
      outcome: chunks.at(-1)!.outcome,
    };
    return;
  }
  const slot = isObject(output[at]) ? (output[at] as JsonObject) : (output[at] = {} as JsonObject);
  const delta = asObject(event.delta);
  append(slot, 'stdout', delta.stdout);
  append(slot, 'stderr', delta.stderr);
}

/** Replaces the item at the event's output_index, diagnosing a different item already there. */
function setItem(state: ResponsesState, event: JsonObject): void {
  const index = asNumber(event.output_index) ?? state.output.length;
  const item = asObject(event.item);
  const existing = state.output[index];
  const [before, after] = [asString(existing?.id), asString(item.id)];
  if (before && after && before !== after) {
    state.diagnostics.add('tool-call-index-collision', `output ${index} held ${before}; ${String(event.type)} put ${after} there`, eventIndex(state));
  }
  state.output[index] = item;
  state.itemEvents[index] = eventIndex(state);
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
    case 'response.output_item.done':
      setItem(state, event);
      return;
    case 'response.content_part.added':
    case 'response.content_part.done':
    // Bedrock Mantle names the reasoning item's text parts this way.
    case 'response.reasoning_part.added':
    case 'response.reasoning_part.done': {
      const reasoning = type.startsWith('response.reasoning_part');
      listOf(itemOf(state, event, reasoning ? 'reasoning' : 'message'), 'content')[asNumber(event.content_index) ?? 0] = asObject(event.part);
      return;
    }
    case 'response.output_text.delta':
    case 'response.reasoning_text.delta':
      append(textSlot(state, event, type), 'text', event.delta);
      return;
    case 'response.output_text.done':
    case 'response.reasoning_text.done':
      replace(textSlot(state, event, type), 'text', event.text);
      return;
    case 'response.refusal.delta':
      append(slotOf(state, event, itemOf(state, event, 'message'), 'content', event.content_index, 'refusal'), 'refusal', event.delta);
      return;
    case 'response.refusal.done':
      replace(slotOf(state, event, itemOf(state, event, 'message'), 'content', event.content_index, 'refusal'), 'refusal', event.refusal);
      return;
    case 'response.output_text.annotation.added': {
      const part = slotOf(state, event, itemOf(state, event, 'message'), 'content', event.content_index, 'output_text');
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
    case 'response.mcp_call_arguments.delta':
      append(itemOf(state, event, 'mcp_call'), 'arguments', event.delta);
      return;
    case 'response.mcp_call_arguments.done':
      replace(itemOf(state, event, 'mcp_call'), 'arguments', event.arguments);
      return;
    case 'response.code_interpreter_call_code.delta':
      append(itemOf(state, event, 'code_interpreter_call'), 'code', event.delta);
      return;
    case 'response.code_interpreter_call_code.done':
      replace(itemOf(state, event, 'code_interpreter_call'), 'code', event.code);
      return;
    case 'response.image_generation_call.partial_image': {
      itemOf(state, event, 'image_generation_call');
      const index = asNumber(event.output_index) ?? -1;
      const seen = state.partialImages.get(index) ?? { count: 0, bytes: 0 };
      seen.count++;
      seen.bytes += base64Size(asString(event.partial_image_b64) ?? '');
      state.partialImages.set(index, seen);
      return;
    }
    case 'response.shell_call_command.added':
    case 'response.shell_call_command.done':
      applyShellCommand(state, event, 'set');
      return;
    case 'response.shell_call_command.delta':
      applyShellCommand(state, event, 'append');
      return;
    case 'response.shell_call_output_content.delta':
    case 'response.shell_call_output_content.done':
      applyShellOutput(state, event, type.endsWith('.done'));
      return;
    case 'response.apply_patch_call_operation_diff.delta':
      append(objectField(itemOf(state, event, 'apply_patch_call'), 'operation'), 'diff', event.delta);
      return;
    case 'response.apply_patch_call_operation_diff.done':
      replace(objectField(itemOf(state, event, 'apply_patch_call'), 'operation'), 'diff', event.diff);
      return;
    case 'response.reasoning_summary_part.added':
    case 'response.reasoning_summary_part.done':
      listOf(itemOf(state, event, 'reasoning'), 'summary')[asNumber(event.summary_index) ?? 0] = asObject(event.part);
      return;
    case 'response.reasoning_summary_text.delta':
      append(slotOf(state, event, itemOf(state, event, 'reasoning'), 'summary', event.summary_index, 'summary_text'), 'text', event.delta);
      return;
    case 'response.reasoning_summary_text.done':
      replace(slotOf(state, event, itemOf(state, event, 'reasoning'), 'summary', event.summary_index, 'summary_text'), 'text', event.text);
      return;
    default:
      if (PROGRESS_EVENTS.has(type)) return;
      state.diagnostics.addCounted('unknown-event', type, `unknown event type "${type}"`, eventIndex(state));
  }
}

export const responsesStream: StreamAccumulator<ResponsesState, ResponsesEvent> = {
  initial: () => ({
    finishReason: null,
    output: [],
    usage: null,
    terminal: false,
    events: 0,
    streamed: true,
    diagnostics: new DiagnosticList(),
    itemEvents: [],
    partialImages: new Map(),
  }),

  accumulate(state, event) {
    state.events++;
    applyEvent(state, event);
    return state;
  },

  finalize(state) {
    const items = Array.from(state.output, (item) => (isObject(item) ? item : undefined));
    const read = readOutput(items, state);
    const incomplete = state.events > 0 && !state.terminal;
    if (incomplete && state.streamed) {
      state.diagnostics.add('stream-unterminated', `the stream ended after ${state.events} events without response.completed or another terminal event`, state.events - 1);
    }
    const response = finalResponse({
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
      incomplete,
    });
    if (state.providerCost !== undefined) response.providerCost = state.providerCost;
    return withDiagnostics(response, state.diagnostics);
  },
};
