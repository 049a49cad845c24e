// OpenAI legacy Completions: POST /v1/completions with a `prompt` (gpt-3.5-turbo-instruct, and
// servers that kept it: vLLM, llama.cpp, Together …). Plain JSON or SSE chunks of `choices[].text`.

import type { DecodedBody } from '../decode/types.ts';
import { eventJson } from '../decode/sse.ts';
import { readSseOrJson, type Dialect, type RequestInfo, type StreamAccumulator } from './dialect.ts';
import { errorFromBody } from './errors.ts';
import { asArray, asNumber, asObject, asString, firstOfIndexZero, isObject, type JsonObject } from './json-access.ts';
import { chatUsage } from './openai-chat.ts';
import { dataExcerpt, finalResponse, reportUnexpectedBody, withDiagnostics } from './parts.ts';
import { DiagnosticList } from '../findings/diagnostic.ts';
import type { LlmError, LlmRequest, LlmResponse, Usage } from './types.ts';

const PATH = /\/completions\/?$/;
const CHAT_PATH = /\/chat\/completions\/?$/;

/** `prompt` is a string or a list of strings (token arrays are summarized). */
function promptText(prompt: unknown): string {
  if (typeof prompt === 'string') return prompt;
  return asArray(prompt)
    .map((p) => (typeof p === 'string' ? p : Array.isArray(p) ? `[${p.length} tokens]` : typeof p === 'number' ? String(p) : ''))
    .join(typeof asArray(prompt)[0] === 'number' ? ' ' : '\n\n');
}

function readRequest(info: RequestInfo): LlmRequest {
  const body = info.body.kind === 'json' ? asObject(info.body.value) : {};
  const text = promptText(body.prompt);
  return {
    model: asString(body.model) ?? null,
    system: null,
    messages: text ? [{ role: 'user', content: [{ type: 'text', text }] }] : [],
    tools: [],
    stream: body.stream === true,
  };
}

interface CompletionState {
  id?: string;
  model?: string;
  text: string;
  finishReason: string | null;
  usage: Usage | null;
  done: boolean;
  events: number;
  error?: LlmError;
  providerCost?: number;
  streamed: boolean;
  diagnostics: DiagnosticList;
}

type CompletionEvent = { kind: 'chunk'; chunk: JsonObject } | { kind: 'done' } | { kind: 'unparsed'; data: string } | { kind: 'empty' };

/** `object` of a completion chunk; servers that leave it out are read the same. */
const KNOWN_OBJECTS = new Set(['text_completion', '']);

const completionStream: StreamAccumulator<CompletionState, CompletionEvent> = {
  initial: () => ({ text: '', finishReason: null, usage: null, done: false, events: 0, streamed: true, diagnostics: new DiagnosticList() }),
  accumulate(state, event) {
    state.events++;
    const at = state.streamed ? state.events - 1 : undefined;
    if (event.kind === 'done') state.done = true;
    if (event.kind === 'unparsed') state.diagnostics.add('unparsed-event', `event data is not a JSON object: ${dataExcerpt(event.data)}`, at);
    if (event.kind !== 'chunk') return state;
    const chunk = event.chunk;
    const object = asString(chunk.object);
    if (object !== undefined && !KNOWN_OBJECTS.has(object)) {
      state.diagnostics.addCounted('unknown-event', `object:${object}`, `chunk of unknown object type "${object}"`, at);
    }
    if (!state.id && asString(chunk.id)) state.id = asString(chunk.id)!;
    if (asString(chunk.model)) state.model = asString(chunk.model)!;
    if (chunk.error !== undefined && chunk.error !== null) state.error = errorFromBody(chunk);
    const choice = firstOfIndexZero(chunk.choices);
    if (choice) {
      state.text += asString(choice.text) ?? '';
      const finish = asString(choice.finish_reason);
      if (finish) state.finishReason = finish;
    }
    const reported = chatUsage(chunk.usage);
    if (reported) state.usage = reported;
    const cost = isObject(chunk.usage) ? asNumber(chunk.usage.cost) : undefined;
    if (cost !== undefined) state.providerCost = cost;
    return state;
  },
  finalize(state) {
    const incomplete = state.streamed && state.events > 0 && !state.done && !state.finishReason && !state.error;
    if (incomplete) {
      state.diagnostics.add('stream-unterminated', `the stream ended after ${state.events} events without [DONE] or a finish reason`, state.events - 1);
    }
    const response = finalResponse({
      text: state.text,
      reasoning: '',
      toolCalls: [],
      finishReason: state.finishReason,
      usage: state.usage,
      events: state.events,
      id: state.id,
      model: state.model,
      error: state.error,
      incomplete,
    });
    if (state.providerCost !== undefined) response.providerCost = state.providerCost;
    return withDiagnostics(response, state.diagnostics);
  },
};

function fromStream(body: Extract<DecodedBody, { kind: 'sse' }>): LlmResponse {
  let state = completionStream.initial();
  for (const event of body.events) {
    const json = eventJson(event);
    const data = event.data.trim();
    const next: CompletionEvent = isObject(json)
      ? { kind: 'chunk', chunk: json }
      : data === '[DONE]'
        ? { kind: 'done' }
        : data === ''
          ? { kind: 'empty' }
          : { kind: 'unparsed', data };
    state = completionStream.accumulate(state, next);
  }
  return completionStream.finalize(state);
}

function fromJson(value: unknown): LlmResponse {
  const state = completionStream.accumulate({ ...completionStream.initial(), streamed: false }, { kind: 'chunk', chunk: asObject(value) });
  return { ...completionStream.finalize(state), events: 0 };
}

export const openaiCompletions: Dialect = {
  provider: 'openai-completions',
  // A completions path whose body has a prompt (and no chat messages).
  matches(info) {
    const path = info.url.pathname;
    if (!PATH.test(path) || CHAT_PATH.test(path)) return false;
    const body = info.body.kind === 'json' ? asObject(info.body.value) : {};
    return body.prompt !== undefined && body.messages === undefined;
  },
  readRequest,
  readResponse: (body, response) =>
    reportUnexpectedBody(readSseOrJson(body, response, fromStream, fromJson), body, response.status, (v) => Array.isArray(asObject(v).choices), 'a completion (`choices`)'),
};
