// OpenAI Assistants run streams: POST /v1/threads/runs (create thread and run), /v1/threads/{id}/runs
// and …/runs/{id}/submit_tool_outputs with `stream: true`. The SSE `event:` line names the event
// (thread.created, thread.run.*, thread.run.step.*, thread.message.*, error, done); the data is the
// object it is about, or a delta of a message or a run step. Non-streamed Assistants calls answer
// with a thread, run or message object, not a turn, and are left to the non-chat summaries.

import type { DecodedBody } from '../decode/types.ts';
import { eventJson } from '../decode/sse.ts';
import { DiagnosticList } from '../findings/diagnostic.ts';
import { readSseOrJson, type Dialect, type RequestInfo } from './dialect.ts';
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from './json-access.ts';
import { chatUsage } from './openai-chat.ts';
import { dataExcerpt, finalResponse, mediaPart, reportInvalidArguments, toolCall, withDiagnostics } from './parts.ts';
import type { ContentPart, LlmError, LlmRequest, LlmResponse, Message, Role, ToolCall, ToolDefinition, Usage } from './types.ts';

const PATH = /\/threads(?:\/[^/]+)?\/runs(?:\/[^/]+\/submit_tool_outputs)?\/?$/;

// ---- request ---------------------------------------------------------------------------------

/** A thread message's content: a string, or text / image_file / image_url parts. */
function messageContent(content: unknown): ContentPart[] {
  if (typeof content === 'string') return content ? [{ type: 'text', text: content }] : [];
  return asArray(content).map((raw): ContentPart => {
    const part = asObject(raw);
    switch (part.type) {
      case 'text':
        return { type: 'text', text: asString(part.text) ?? asString(asObject(part.text).value) ?? '' };
      case 'image_url':
        return mediaPart('image', asString(asObject(part.image_url).url) ?? '', 'image/*');
      case 'image_file':
        return { type: 'image', mediaType: 'image/*', url: asString(asObject(part.image_file).file_id) ?? '' };
      default:
        return { type: 'other', kind: String(part.type ?? 'unknown'), summary: JSON.stringify(part).slice(0, 120) };
    }
  });
}

function threadMessages(list: unknown): Message[] {
  return asArray(list).map((raw) => {
    const message = asObject(raw);
    const role: Role = message.role === 'assistant' ? 'assistant' : 'user';
    return { role, content: messageContent(message.content) };
  });
}

function toolDefinitions(tools: unknown): ToolDefinition[] {
  return asArray(tools).map((raw): ToolDefinition => {
    const tool = asObject(raw);
    const type = asString(tool.type) ?? 'function';
    const fn = asObject(tool.function);
    const definition: ToolDefinition = { name: asString(fn.name) ?? type };
    const description = asString(fn.description);
    if (description) definition.description = description;
    if (fn.parameters !== undefined) definition.parameters = fn.parameters;
    if (type !== 'function') definition.kind = type;
    return definition;
  });
}

/**
 * The request: the messages it adds (a new thread's, `additional_messages`, or the tool outputs it
 * submits). Earlier turns live in the thread on the server, like a Responses previous_response_id.
 */
function readRequest(info: RequestInfo): LlmRequest {
  const body = info.body.kind === 'json' ? asObject(info.body.value) : {};
  const messages = [...threadMessages(asObject(body.thread).messages), ...threadMessages(body.additional_messages)];
  const outputs = asArray(body.tool_outputs).map((raw): ContentPart => {
    const output = asObject(raw);
    return { type: 'tool-result', toolCallId: asString(output.tool_call_id) ?? null, content: asString(output.output) ?? '' };
  });
  if (outputs.length) messages.push({ role: 'tool', content: outputs });
  const system = [asString(body.instructions), asString(body.additional_instructions)].filter(Boolean).join('\n\n');
  const request: LlmRequest = {
    model: asString(body.model) ?? null,
    system: system || null,
    messages,
    tools: toolDefinitions(body.tools),
    stream: body.stream === true,
  };
  // The thread holds the history: name it as the conversation this request continues.
  const thread = /\/threads\/([^/]+)\/runs/.exec(info.url.pathname)?.[1];
  if (thread) request.previousResponseId = decodeURIComponent(thread);
  return request;
}

// ---- response --------------------------------------------------------------------------------

/** A run step's tool call, as it is built from its deltas. */
interface StepCall {
  type: string;
  id: string | null;
  name: string;
  /** Function arguments, or the code interpreter's input. */
  input: string;
  output?: string;
  /** Code interpreter outputs / file search results seen. */
  outputs: number;
  event?: number;
}

interface AssistantsState {
  runId?: string;
  model?: string;
  finishReason: string | null;
  usage: Usage | null;
  error?: LlmError;
  /** Message text parts by message id, then content index (in creation order). */
  messages: Map<string, string[]>;
  /** Run step tool calls by step id, then the call's index. */
  steps: Map<string, StepCall[]>;
  /** `required_action.submit_tool_outputs.tool_calls` of a run that waits for the client. */
  requiredCalls: ToolCall[];
  done: boolean;
  terminalRun: boolean;
  events: number;
  diagnostics: DiagnosticList;
}

/** Run statuses after which the stream ends (requires_action: it waits for submit_tool_outputs). */
const TERMINAL_RUN = new Set(['completed', 'incomplete', 'failed', 'cancelled', 'expired', 'requires_action']);

/** Events that carry nothing beyond what the others do: known, nothing to apply. */
const QUIET_EVENTS = new Set(['thread.created', 'thread.message.in_progress', 'thread.run.step.in_progress', 'thread.run.cancelling']);

function textOfMessage(message: JsonObject): string[] {
  return asArray(message.content).map((raw) => {
    const part = asObject(raw);
    return part.type === 'text' ? asString(asObject(part.text).value) ?? '' : '';
  });
}

function applyRun(state: AssistantsState, run: JsonObject, at: number): void {
  if (asString(run.id)) state.runId = asString(run.id);
  if (asString(run.model)) state.model = asString(run.model);
  const reported = chatUsage(run.usage);
  if (reported) state.usage = reported;
  const status = asString(run.status);
  if (status && TERMINAL_RUN.has(status)) {
    state.terminalRun = true;
    state.finishReason = (status === 'incomplete' && asString(asObject(run.incomplete_details).reason)) || status;
  }
  const lastError = asObject(run.last_error);
  if (asString(lastError.message)) state.error = { type: asString(lastError.code) ?? 'error', message: asString(lastError.message)! };
  const required = asArray(asObject(asObject(run.required_action).submit_tool_outputs).tool_calls);
  if (required.length) {
    state.requiredCalls = required.map((raw) => {
      const call = asObject(raw);
      const fn = asObject(call.function);
      return toolCall(asString(call.id) ?? null, asString(fn.name) ?? '', asString(fn.arguments) ?? '');
    });
    if (state.requiredCalls.some((c) => !c.id)) state.diagnostics.add('tool-call-without-id', 'a required tool call has no id', at);
  }
}

function applyMessage(state: AssistantsState, message: JsonObject): void {
  const id = asString(message.id) ?? '';
  if (message.role !== undefined && message.role !== 'assistant') return;
  const parts = textOfMessage(message);
  // created/in_progress carry no content yet; completed/incomplete carry all of it.
  if (parts.length || !state.messages.has(id)) state.messages.set(id, parts);
}

function applyMessageDelta(state: AssistantsState, data: JsonObject, at: number): void {
  const id = asString(data.id) ?? '';
  let parts = state.messages.get(id);
  if (!parts) {
    state.diagnostics.add('delta-before-start', `thread.message.delta for ${id || 'a message'} before its thread.message.created`, at);
    state.messages.set(id, (parts = []));
  }
  for (const raw of asArray(asObject(data.delta).content)) {
    const part = asObject(raw);
    const index = asNumber(part.index) ?? parts.length;
    if (part.type === 'text') parts[index] = (parts[index] ?? '') + (asString(asObject(part.text).value) ?? '');
    else if (part.type !== 'image_file' && part.type !== 'image_url' && part.type !== 'refusal') {
      const type = String(part.type ?? 'untyped');
      state.diagnostics.addCounted('unknown-event', `content:${type}`, `message content delta of unknown type "${type}"`, at);
    }
  }
}

/** Folds a step's tool call (a full one from a step object, or a delta) into the step's list. */
function applyStepCall(state: AssistantsState, calls: StepCall[], raw: unknown, position: number, at: number, isDelta: boolean): void {
  const call = asObject(raw);
  const index = asNumber(call.index) ?? position;
  const type = asString(call.type) ?? 'function';
  const id = asString(call.id) ?? null;
  const existing = calls[index];
  if (existing && id && existing.id && existing.id !== id) {
    state.diagnostics.add('tool-call-index-collision', `tool call ${id} streamed on index ${index}, which already holds ${existing.id}`, at);
  }
  if (!existing && isDelta && !id) state.diagnostics.add('delta-before-start', `run step tool call delta on index ${index} before the call started`, at);
  const slot = (calls[index] ??= { type, id: null, name: '', input: '', outputs: 0 });
  slot.event = at;
  if (id) slot.id = id;
  const fn = asObject(call.function);
  const code = asObject(call.code_interpreter);
  if (type === 'function') {
    if (asString(fn.name)) slot.name = asString(fn.name)!;
    const args = asString(fn.arguments);
    if (args !== undefined) slot.input = isDelta ? slot.input + args : args;
    if (asString(fn.output)) slot.output = asString(fn.output)!;
  } else if (type === 'code_interpreter') {
    const input = asString(code.input);
    if (input !== undefined) slot.input = isDelta ? slot.input + input : input;
    const outputs = asArray(code.outputs).length;
    slot.outputs = isDelta ? slot.outputs + outputs : outputs;
  } else if (type === 'file_search') {
    slot.outputs = asArray(asObject(call.file_search).results).length || slot.outputs;
  } else {
    state.diagnostics.addCounted('unknown-event', `tool:${type}`, `run step tool call of unknown type "${type}"`, at);
  }
}

function applyStep(state: AssistantsState, data: JsonObject, at: number, isDelta: boolean): void {
  const id = asString(data.id) ?? '';
  const details = asObject(isDelta ? asObject(data.delta).step_details : data.step_details);
  let calls = state.steps.get(id);
  if (!calls) {
    if (isDelta) state.diagnostics.add('delta-before-start', `thread.run.step.delta for ${id || 'a step'} before its thread.run.step.created`, at);
    state.steps.set(id, (calls = []));
  }
  if (details.type !== 'tool_calls') return; // message_creation: the message events carry it
  const list = asArray(details.tool_calls);
  // A whole step object repeats every call; a delta adds to them.
  list.forEach((call, position) => applyStepCall(state, calls!, call, position, at, isDelta));
}

function applyEvent(state: AssistantsState, name: string, data: unknown, raw: string): void {
  const at = state.events - 1;
  if (name === 'done' || raw.trim() === '[DONE]') {
    state.done = true;
    return;
  }
  if (!isObject(data)) {
    if (raw.trim() !== '') state.diagnostics.add('unparsed-event', `${name || 'event'} data is not a JSON object: ${dataExcerpt(raw)}`, at);
    return;
  }
  if (name === 'error') {
    state.error = { type: asString(data.code) ?? asString(data.type) ?? 'error', message: asString(data.message) ?? '' };
    state.terminalRun = true;
    return;
  }
  if (QUIET_EVENTS.has(name)) return;
  if (name.startsWith('thread.run.step.')) {
    if (name === 'thread.run.step.delta') applyStep(state, data, at, true);
    else if (['created', 'completed', 'failed', 'cancelled', 'expired'].includes(name.slice('thread.run.step.'.length))) applyStep(state, data, at, false);
    else state.diagnostics.addCounted('unknown-event', name, `unknown event type "${name}"`, at);
    return;
  }
  if (/^thread\.run\.(created|queued|in_progress|requires_action|completed|incomplete|failed|cancelled|expired)$/.test(name)) {
    applyRun(state, data, at);
    return;
  }
  if (name === 'thread.message.delta') {
    applyMessageDelta(state, data, at);
    return;
  }
  if (/^thread\.message\.(created|completed|incomplete)$/.test(name)) {
    applyMessage(state, data);
    return;
  }
  state.diagnostics.addCounted('unknown-event', name || '(unnamed)', `unknown event type "${name || '(unnamed)'}"`, at);
}

/** One line for a hosted tool of a run step (code interpreter, file search). */
function hostedToolPart(call: StepCall): ContentPart {
  if (call.type === 'code_interpreter') {
    const first = call.input.split('\n')[0] ?? '';
    const lines = call.input ? call.input.split('\n').length : 0;
    const facts = [lines ? `${lines} line${lines === 1 ? '' : 's'}` : '', call.outputs ? `${call.outputs} output${call.outputs === 1 ? '' : 's'}` : ''].filter(Boolean);
    return { type: 'other', kind: 'code_interpreter', summary: `${first.slice(0, 60) || call.id || 'code'}${facts.length ? ` (${facts.join(', ')})` : ''}` };
  }
  return { type: 'other', kind: call.type, summary: `${call.id ?? call.type}${call.outputs ? ` (${call.outputs} results)` : ''}` };
}

function finalize(state: AssistantsState): LlmResponse {
  const text = [...state.messages.values()].map((parts) => parts.join('')).filter(Boolean).join('\n\n');
  const toolCalls: ToolCall[] = [];
  const callEvents: (number | undefined)[] = [];
  const serverTools: ContentPart[] = [];
  for (const call of [...state.steps.values()].flat()) {
    if (!call) continue;
    if (call.type !== 'function') {
      serverTools.push(hostedToolPart(call));
      continue;
    }
    // A resumed run repeats the call it was waiting on, now with the submitted output: answered.
    if (call.output !== undefined) continue;
    if (!call.id) state.diagnostics.add('tool-call-without-id', `tool call ${call.name || '(unnamed)'} has no id`, call.event);
    toolCalls.push(toolCall(call.id, call.name, call.input));
    callEvents.push(call.event);
  }
  // A run waiting for tool outputs lists its calls whole; steps streamed the same calls.
  for (const call of state.requiredCalls) {
    if (!toolCalls.some((c) => c.id && c.id === call.id)) {
      toolCalls.push(call);
      callEvents.push(undefined);
    }
  }
  reportInvalidArguments(state.diagnostics, toolCalls, callEvents);
  const incomplete = state.events > 0 && !state.done && !state.terminalRun;
  if (incomplete) state.diagnostics.add('stream-unterminated', `the stream ended after ${state.events} events without a finished run or done`, state.events - 1);
  const response = finalResponse({
    text,
    reasoning: '',
    toolCalls,
    finishReason: state.finishReason,
    usage: state.usage,
    events: state.events,
    id: state.runId,
    model: state.model,
    error: state.error,
    serverTools,
    incomplete,
  });
  return withDiagnostics(response, state.diagnostics);
}

function fromStream(body: Extract<DecodedBody, { kind: 'sse' }>): LlmResponse {
  const state: AssistantsState = {
    finishReason: null,
    usage: null,
    messages: new Map(),
    steps: new Map(),
    requiredCalls: [],
    done: false,
    terminalRun: false,
    events: 0,
    diagnostics: new DiagnosticList(),
  };
  for (const event of body.events) {
    state.events++;
    const data = eventJson(event);
    // The event name is on the `event:` line; the data's `object` says the same for most events.
    const name = event.event ?? (isObject(data) ? asString(data.object) ?? '' : '');
    applyEvent(state, name, data, event.data);
  }
  return finalize(state);
}

/** A non-streamed answer (a run object, or an error): its status, usage and required calls. */
function fromJson(value: unknown): LlmResponse {
  const run = asObject(value);
  const state: AssistantsState = {
    finishReason: null,
    usage: null,
    messages: new Map(),
    steps: new Map(),
    requiredCalls: [],
    done: true,
    terminalRun: true,
    events: 0,
    diagnostics: new DiagnosticList(),
  };
  if (run.object === 'thread.run') applyRun(state, run, 0);
  const response = finalize(state);
  for (const d of response.diagnostics ?? []) delete d.event;
  return { ...response, events: 0 };
}

export const openaiAssistants: Dialect = {
  provider: 'openai-assistants',
  // Run creation and tool-output submission that stream; the other Assistants calls are not a turn.
  matches(info) {
    if (info.method.toUpperCase() !== 'POST' || !PATH.test(info.url.pathname)) return false;
    return info.body.kind === 'json' && asObject(info.body.value).stream === true;
  },
  readRequest,
  readResponse: (body, response) => readSseOrJson(body, response, fromStream, fromJson),
};
