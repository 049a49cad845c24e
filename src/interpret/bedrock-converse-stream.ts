// The Bedrock Converse stream reducer: event-stream frames named by `:event-type` (messageStart,
// contentBlockStart, contentBlockDelta, contentBlockStop, messageStop, metadata). A plain
// Converse response is replayed through it as the events its stream would have sent. What it
// cannot use becomes a diagnostic.

import type { DecodedBody } from '../decode/types.ts';
import type { DiagnosticCode } from '../findings/codes.ts';
import { DiagnosticList } from '../findings/diagnostic.ts';
import type { StreamAccumulator } from './dialect.ts';
import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from './json-access.ts';
import { dataExcerpt, finalResponse, parseToolArguments, toolCall, usage, withDiagnostics } from './parts.ts';
import type { Citation, ContentPart, LlmError, LlmResponse, ToolCall, Usage } from './types.ts';

interface BlockSlot {
  /** `server-tool`: a toolUse the server runs itself (`type: "server_tool_use"`, e.g. Nova's code interpreter). */
  kind: 'text' | 'tool' | 'server-tool' | 'tool-result' | 'reasoning';
  text: string;
  /** Tool input: JSON text, streamed in pieces; a tool result's content items, as JSON. */
  input: string;
  results: unknown[];
  id: string | null;
  name: string;
  signature: string;
  redacted: boolean;
  status?: string;
  /** The event that started it. */
  event: number;
}

interface ConverseState {
  blocks: BlockSlot[];
  citations: Citation[];
  finishReason: string | null;
  usage: Usage | null;
  stopped: boolean;
  events: number;
  error?: LlmError;
  diagnostics: DiagnosticList;
  /** False when a plain JSON response is replayed as events: no stream to cut, no event indexes. */
  streamed: boolean;
}

/** A stream event: its `:event-type` and its payload (an exception's type and message); `unparsed`: the length of a payload that is not JSON. */
export interface ConverseEvent {
  type: string;
  payload: JsonObject;
  unparsed?: number;
}

function slot(state: ConverseState, index: number, kind: BlockSlot['kind'], at: number): BlockSlot {
  return (state.blocks[index] ??= { kind, text: '', input: '', results: [], id: null, name: '', signature: '', redacted: false, event: at });
}

function note(state: ConverseState, code: DiagnosticCode, message: string, event: number | undefined): void {
  state.diagnostics.add(code, message, state.streamed ? event : undefined);
}

function noteUnknown(state: ConverseState, key: string, message: string, event: number): void {
  state.diagnostics.addCounted('unknown-event', key, message, state.streamed ? event : undefined);
}

export function converseUsage(raw: unknown): Usage | null {
  if (!isObject(raw)) return null;
  return usage({
    inputTokens: asNumber(raw.inputTokens),
    outputTokens: asNumber(raw.outputTokens),
    totalTokens: asNumber(raw.totalTokens),
    cacheReadTokens: asNumber(raw.cacheReadInputTokens),
    cacheWriteTokens: asNumber(raw.cacheWriteInputTokens),
  });
}

/**
 * Figures of one `usage` that must agree: `totalTokens` is input + output + cache reads and
 * writes, and the older `cache…InputTokenCount` spellings repeat the `cache…InputTokens` ones.
 */
function usageMismatches(state: ConverseState, raw: JsonObject, at: number): void {
  const total = asNumber(raw.totalTokens);
  const parts = ['inputTokens', 'outputTokens', 'cacheReadInputTokens', 'cacheWriteInputTokens'].map((f) => asNumber(raw[f]) ?? 0);
  const sum = parts.reduce((a, b) => a + b, 0);
  if (total !== undefined && asNumber(raw.inputTokens) !== undefined && total !== sum) {
    note(state, 'usage-mismatch', `Converse usage.totalTokens is ${total}, but input, output and cache tokens add up to ${sum}`, at);
  }
  for (const [field, older] of [['cacheReadInputTokens', 'cacheReadInputTokenCount'], ['cacheWriteInputTokens', 'cacheWriteInputTokenCount']] as const) {
    const a = asNumber(raw[field]);
    const b = asNumber(raw[older]);
    if (a !== undefined && b !== undefined && a !== b) note(state, 'usage-mismatch', `Converse usage.${field} is ${a}, usage.${older} ${b}`, at);
  }
}

/** Citations that point at a web page (`location.web.url`); document locations have no URL. */
function citationsOf(raw: unknown): Citation[] {
  return (Array.isArray(raw) ? raw : [raw]).flatMap((item) => {
    const citation = asObject(item);
    const url = asString(asObject(asObject(citation.location).web).url);
    if (!url) return [];
    const title = asString(citation.title);
    return [title ? { url, title } : { url }];
  });
}

function startBlock(state: ConverseState, index: number, start: JsonObject, at: number): void {
  if (isObject(start.toolUse)) {
    const use = start.toolUse;
    const block = slot(state, index, use.type === 'server_tool_use' ? 'server-tool' : 'tool', at);
    block.id = asString(use.toolUseId) ?? null;
    block.name = asString(use.name) ?? '';
  } else if (isObject(start.toolResult)) {
    const result = start.toolResult;
    const block = slot(state, index, 'tool-result', at);
    block.id = asString(result.toolUseId) ?? null;
    block.name = asString(result.type) ?? 'toolResult';
    if (asString(result.status)) block.status = asString(result.status)!;
  } else {
    const kind = Object.keys(start)[0] ?? '(none)';
    noteUnknown(state, `start:${kind}`, `Converse contentBlockStart of "${kind}" not interpreted`, at);
  }
}

function applyDelta(state: ConverseState, index: number, delta: JsonObject, at: number): void {
  if (asString(delta.text) !== undefined) slot(state, index, 'text', at).text += delta.text as string;
  else if (isObject(delta.toolUse)) {
    if (!state.blocks[index]) note(state, 'delta-before-start', `Converse toolUse delta for block ${index}, which had no contentBlockStart`, at);
    slot(state, index, 'tool', at).input += asString(delta.toolUse.input) ?? '';
  } else if (Array.isArray(delta.toolResult)) {
    if (!state.blocks[index]) note(state, 'delta-before-start', `Converse toolResult delta for block ${index}, which had no contentBlockStart`, at);
    slot(state, index, 'tool-result', at).results.push(...delta.toolResult);
  } else if (isObject(delta.reasoningContent)) {
    const reasoning = delta.reasoningContent;
    const block = slot(state, index, 'reasoning', at);
    block.text += asString(reasoning.text) ?? '';
    block.signature += asString(reasoning.signature) ?? '';
    if (reasoning.redactedContent !== undefined) block.redacted = true;
  } else if (isObject(delta.citation)) {
    state.citations.push(...citationsOf(delta.citation));
  } else {
    const kind = Object.keys(delta)[0] ?? '(none)';
    noteUnknown(state, `delta:${kind}`, `Converse contentBlockDelta of "${kind}" not interpreted`, at);
  }
}

/** Tool results hold `{text}`, `{json}`, `{image}` or `{document}` items. */
export function toolResultText(content: unknown): string {
  return asArray(content)
    .map((raw) => {
      const item = asObject(raw);
      if (asString(item.text) !== undefined) return item.text as string;
      if (item.json !== undefined) return JSON.stringify(item.json);
      return `[${Object.keys(item)[0] ?? 'unknown'}]`;
    })
    .join('\n');
}

function short(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export const converseStream: StreamAccumulator<ConverseState, ConverseEvent> = {
  initial: () => ({ blocks: [], citations: [], finishReason: null, usage: null, stopped: false, events: 0, diagnostics: new DiagnosticList(), streamed: true }),
  accumulate(state, { type, payload, unparsed }) {
    const at = state.events++;
    if (unparsed !== undefined) {
      note(state, 'unparsed-event', `Converse ${type} event ${at}: payload (${unparsed} characters) is not JSON`, at);
      return state;
    }
    const index = asNumber(payload.contentBlockIndex) ?? 0;
    switch (type) {
      case 'contentBlockStart':
        startBlock(state, index, asObject(payload.start), at);
        break;
      case 'contentBlockDelta':
        applyDelta(state, index, asObject(payload.delta), at);
        break;
      case 'messageStop':
        state.stopped = true;
        if (asString(payload.stopReason)) state.finishReason = asString(payload.stopReason)!;
        break;
      case 'metadata': {
        const reported = converseUsage(payload.usage);
        if (reported) state.usage = reported;
        if (isObject(payload.usage)) usageMismatches(state, payload.usage, at);
        break;
      }
      case 'exception':
        state.error = { type: asString(payload.type) ?? 'exception', message: asString(payload.message) ?? '' };
        break;
      // The role, and the end of a block whose content came with the deltas: nothing to keep.
      case 'messageStart':
      case 'contentBlockStop':
        break;
      default:
        noteUnknown(state, `event:${type}`, `Converse event type "${type || '(none)'}" not interpreted`, at);
    }
    return state;
  },
  finalize(state) {
    const text: string[] = [];
    const reasoning: string[] = [];
    const toolCalls: ToolCall[] = [];
    const serverTools: ContentPart[] = [];
    for (const block of state.blocks.filter(Boolean)) {
      if (block.kind === 'text') text.push(block.text);
      else if (block.kind === 'reasoning') reasoning.push(block.redacted && !block.text ? '[redacted reasoning]' : block.text);
      else if (block.kind === 'server-tool') {
        serverTools.push({ type: 'other', kind: block.name || 'server_tool_use', summary: short(JSON.stringify(parseToolArguments(block.input).arguments)) });
      } else if (block.kind === 'tool-result') {
        const status = block.status && block.status !== 'success' ? `${block.status}: ` : '';
        serverTools.push({ type: 'other', kind: block.name, summary: short(status + toolResultText(block.results)) });
      } else {
        const call = toolCall(block.id, block.name, block.input);
        if (!call.id) note(state, 'tool-call-without-id', `Converse toolUse ${call.name || '(unnamed)'} has no toolUseId`, block.event);
        if (call.invalidArguments) note(state, 'invalid-tool-arguments', `Converse toolUse ${call.name || '(unnamed)'}: input is not valid JSON: ${dataExcerpt(block.input)}`, block.event);
        toolCalls.push(call);
      }
    }
    const incomplete = state.events > 0 && !state.stopped && !state.error;
    if (incomplete && state.streamed) note(state, 'stream-unterminated', 'Converse stream ended without messageStop', state.events - 1);
    const seen = new Set<string>();
    const citations = state.citations.filter((c) => !seen.has(c.url) && seen.add(c.url));
    const response = finalResponse({
      text: text.join(''),
      reasoning: reasoning.join('\n\n'),
      toolCalls,
      finishReason: state.finishReason,
      usage: state.usage,
      events: state.events,
      error: state.error,
      citations,
      serverTools,
      incomplete,
    });
    return withDiagnostics(response, state.diagnostics);
  },
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function frameEvents(body: Extract<DecodedBody, { kind: 'event-stream' }>): ConverseEvent[] {
  const events = body.frames.map((frame): ConverseEvent => {
    const messageType = frame.headers[':message-type'];
    const parsed = parseJson(frame.payload);
    const json = asObject(parsed);
    if (messageType === 'exception') {
      return { type: 'exception', payload: { type: String(frame.headers[':exception-type'] ?? 'exception'), message: asString(json.message) ?? asString(json.Message) ?? frame.payload } };
    }
    if (messageType === 'error') {
      return { type: 'exception', payload: { type: String(frame.headers[':error-code'] ?? 'error'), message: String(frame.headers[':error-message'] ?? frame.payload) } };
    }
    const type = String(frame.headers[':event-type'] ?? 'unknown');
    return isObject(parsed) ? { type, payload: json } : { type, payload: {}, unparsed: frame.payload.length };
  });
  if (body.error) events.push({ type: 'exception', payload: { type: 'event_stream_error', message: body.error } });
  return events;
}

/** One block of a plain response as the events that would have streamed it. */
function blockEvents(block: JsonObject, contentBlockIndex: number): ConverseEvent[] {
  const start = (value: JsonObject): ConverseEvent => ({ type: 'contentBlockStart', payload: { contentBlockIndex, start: value } });
  const delta = (value: JsonObject): ConverseEvent => ({ type: 'contentBlockDelta', payload: { contentBlockIndex, delta: value } });
  if (isObject(block.toolUse)) return [start({ toolUse: block.toolUse }), delta({ toolUse: { input: JSON.stringify(block.toolUse.input ?? {}) } })];
  if (isObject(block.toolResult)) {
    const { content, ...result } = block.toolResult;
    return [start({ toolResult: result }), delta({ toolResult: asArray(content) })];
  }
  if (isObject(block.reasoningContent)) {
    const reasoning = block.reasoningContent;
    const text = asObject(reasoning.reasoningText);
    return [delta({ reasoningContent: reasoning.redactedContent !== undefined ? { redactedContent: reasoning.redactedContent } : { text: text.text, signature: text.signature } })];
  }
  if (asString(block.text) !== undefined) return [delta({ text: block.text })];
  if (isObject(block.citationsContent)) {
    // Cited text: the generated text in `content[]`, each citation pointing at its source.
    const cited = block.citationsContent;
    const text = asArray(cited.content).map((c) => asString(asObject(c).text) ?? '').join('');
    return [delta({ text }), ...asArray(cited.citations).map((citation) => delta({ citation: asObject(citation) }))];
  }
  // Anything else is reported as the start of a block of that kind.
  return [start(block)];
}

/** A plain Converse response, replayed as the events its stream would have sent. */
export function jsonEvents(value: JsonObject): ConverseEvent[] {
  const blocks = asArray(asObject(asObject(value.output).message).content);
  return [
    ...blocks.flatMap((raw, index) => blockEvents(asObject(raw), index)),
    { type: 'messageStop', payload: { stopReason: value.stopReason } },
    { type: 'metadata', payload: { usage: value.usage } },
  ];
}

export function replay(events: ConverseEvent[], streamed: boolean): LlmResponse {
  let state = converseStream.initial();
  state.streamed = streamed;
  for (const event of events) state = converseStream.accumulate(state, event);
  return converseStream.finalize(state);
}
