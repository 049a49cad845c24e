// Helpers every dialect uses to build messages, tool calls and usage.

import type { DecodedBody } from '../decode/types.ts';
import type { DiagnosticList } from '../findings/diagnostic.ts';
import type { Citation, ContentPart, LlmError, LlmResponse, ToolCall, Usage } from './types.ts';

/** Tool arguments arrive as JSON text; keep the raw string, flagged, when it is not valid JSON. */
export function parseToolArguments(raw: string): Pick<ToolCall, 'arguments' | 'invalidArguments'> {
  if (raw.trim() === '') return { arguments: {} };
  try {
    return { arguments: JSON.parse(raw) };
  } catch {
    return { arguments: raw, invalidArguments: true };
  }
}

export function toolCall(id: string | null, name: string, rawArguments: string): ToolCall {
  return { id, name, ...parseToolArguments(rawArguments) };
}

/** Decoded size of base64 text, without decoding it. */
export function base64Size(base64: string): number {
  const clean = base64.replace(/\s+/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

/** An image or file given by URL: data: URLs become a media type and size, never base64 text. */
export function mediaPart(kind: 'image' | 'file', url: string, fallbackType = 'application/octet-stream'): ContentPart {
  const data = /^data:([^;,]*)(;base64)?,/.exec(url);
  if (data) {
    const mediaType = data[1] || fallbackType;
    const payload = url.slice(data[0].length);
    const bytes = data[2] ? base64Size(payload) : payload.length;
    return { type: kind, mediaType, bytes };
  }
  return { type: kind, mediaType: fallbackType, url };
}

/** Joins text parts of a message content (string or parts list) into one string. */
export function joinText(parts: ContentPart[]): string {
  return parts
    .filter((p): p is Extract<ContentPart, { type: 'text' }> => p.type === 'text')
    .map((p) => p.text)
    .join('');
}

/** Builds a Usage, leaving out the optional counts that were not reported. */
export function usage(fields: {
  inputTokens?: number | undefined;
  outputTokens?: number | undefined;
  totalTokens?: number | undefined;
  cacheReadTokens?: number | undefined;
  cacheWriteTokens?: number | undefined;
  reasoningTokens?: number | undefined;
}): Usage {
  const result: Usage = { inputTokens: fields.inputTokens ?? 0, outputTokens: fields.outputTokens ?? 0 };
  if (fields.totalTokens !== undefined) result.totalTokens = fields.totalTokens;
  if (fields.cacheReadTokens !== undefined) result.cacheReadTokens = fields.cacheReadTokens;
  if (fields.cacheWriteTokens !== undefined) result.cacheWriteTokens = fields.cacheWriteTokens;
  if (fields.reasoningTokens !== undefined) result.reasoningTokens = fields.reasoningTokens;
  return result;
}

/**
 * The final LlmResponse of a reducer. Optional fields that are empty (no id, no citations, a
 * complete stream…) are left out, so every dialect gives the same shape for the same answer.
 */
export function finalResponse(fields: {
  text: string;
  reasoning: string;
  toolCalls: ToolCall[];
  finishReason: string | null;
  usage: Usage | null;
  events: number;
  id?: string | undefined;
  model?: string | undefined;
  refusal?: string | undefined;
  error?: LlmError | undefined;
  citations?: Citation[] | undefined;
  serverTools?: ContentPart[] | undefined;
  incomplete?: boolean | undefined;
}): LlmResponse {
  const { id, model, refusal, error, citations, serverTools, incomplete, ...required } = fields;
  const response: LlmResponse = required;
  if (id) response.id = id;
  if (model) response.model = model;
  if (refusal) response.refusal = refusal;
  if (error) response.error = error;
  if (citations?.length) response.citations = citations;
  if (serverTools?.length) response.serverTools = serverTools;
  if (incomplete) response.incomplete = true;
  return response;
}

// ---- diagnostics helpers (stream reducers) ---------------------------------------------------

/** The start of an event's data, quoted, for a diagnostic: enough to recognise it, never a whole body. */
export function dataExcerpt(data: string): string {
  const text = data.trim();
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * Reports the tool calls whose arguments did not parse as JSON (`events[i]`: the event that finished
 * call i). An indexed loop, not forEach: the reducers hand in arrays of several element kinds (empty
 * or not, from map or push), and V8's inlined forEach deoptimized the whole stream reader (with
 * this inlined) at each new one.
 */
export function reportInvalidArguments(diagnostics: DiagnosticList, calls: ToolCall[], events: (number | undefined)[] = []): void {
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i]!;
    if (!call.invalidArguments) continue;
    const raw = typeof call.arguments === 'string' ? call.arguments : '';
    diagnostics.add('invalid-tool-arguments', `arguments of ${call.name || 'a tool call'}${call.id ? ` (${call.id})` : ''} are not valid JSON: ${dataExcerpt(raw)}`, events[i]);
  }
}

/** Attaches a reducer's diagnostics to its response (left out when there are none). */
export function withDiagnostics(response: LlmResponse, diagnostics: DiagnosticList): LlmResponse {
  if (diagnostics.items.length > 0) response.diagnostics = diagnostics.items;
  return response;
}

/**
 * A 2xx plain body that is not the dialect's answer (`isAnswer` says what is): noted as
 * `unexpected-body`, so an answer that says nothing is never taken for an empty one.
 */
export function reportUnexpectedBody(result: LlmResponse, body: DecodedBody, status: number, isAnswer: (value: unknown) => boolean, what: string): LlmResponse {
  if (status < 200 || status >= 300 || body.kind === 'sse' || body.kind === 'undecodable' || result.error) return result;
  if (body.kind === 'json' && isAnswer(body.value)) return result;
  const kind = body.kind === 'json' ? 'JSON without it' : body.kind === 'empty' ? 'an empty body' : `a ${body.kind} body`;
  (result.diagnostics ??= []).push({ code: 'unexpected-body', message: `expected ${what}, got ${kind}` });
  return result;
}
