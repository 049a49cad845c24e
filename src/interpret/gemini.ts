// Google Gemini: the Generative Language API (…/models/<model>:generateContent) and Vertex AI
// (…/publishers/google/models/<model>:generateContent), plain JSON, SSE (`?alt=sse`) or a JSON
// array of chunks (streamGenerateContent without alt=sse). Every form runs through one reducer.

import type { DecodedBody } from '../decode/types.ts';
import { eventJson } from '../decode/sse.ts';
import type { HttpResponse } from '../model.ts';
import type { Dialect, RequestInfo, StreamAccumulator } from './dialect.ts';
import { asArray, asNumber, asObject, asString, firstOfIndexZero, isObject, type JsonObject } from './json-access.ts';
import { base64Size, finalResponse, usage } from './parts.ts';
import { errorFromBody, httpError } from './errors.ts';
import { DiagnosticList } from '../findings/diagnostic.ts';
import { FunctionCallAssembler, type ToolCallPart } from './gemini-function-calls.ts';
import type { Citation, ContentPart, LlmError, LlmRequest, LlmResponse, Message, ResponseFormat, ToolDefinition, Usage } from './types.ts';

// Matched by the method suffix, so Vertex tuned-model `endpoints/<id>:generateContent` count too.
const GENERATE = /:(streamG|g)enerateContent$/;
const MODEL = /\/(?:tunedModels|models)\/([^/:]+):/;

// ---- parts, shared by request and response -------------------------------------------------

function clip(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * The REST API takes proto field names in snake_case as well (`function_call`, `thought_signature`;
 * Python clients send them): a part's fields under their camelCase names.
 */
function camelPart(raw: unknown): JsonObject {
  const part = asObject(raw);
  if (!Object.keys(part).some((key) => key.includes('_'))) return part;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(part)) out[key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  return out;
}

/** inlineData (base64) or fileData (a URI) as an image or file summary, never the payload. */
function mediaOf(part: JsonObject): ContentPart | undefined {
  const source = [part.inlineData, part.inline_data, part.fileData, part.file_data].find(isObject);
  if (!source) return undefined;
  const mediaType = asString(source.mimeType ?? source.mime_type) ?? 'application/octet-stream';
  const type = mediaType.startsWith('image/') ? 'image' : 'file';
  const data = asString(source.data);
  if (data !== undefined) return { type, mediaType, bytes: base64Size(data) };
  return { type, mediaType, url: asString(source.fileUri ?? source.file_uri) ?? '' };
}

/** Code the model ran with the code execution tool, and its result. */
function codeExecutionOf(part: JsonObject): ContentPart | undefined {
  if (isObject(part.executableCode)) {
    const code = part.executableCode;
    return { type: 'other', kind: 'code_execution', summary: `${asString(code.language) ?? 'code'}: ${clip(asString(code.code) ?? '')}` };
  }
  if (isObject(part.codeExecutionResult)) {
    const result = part.codeExecutionResult;
    return { type: 'other', kind: 'code_execution_result', summary: `${asString(result.outcome) ?? 'result'}: ${clip(asString(result.output) ?? '')}` };
  }
  return undefined;
}

/**
 * A built-in tool the server ran inside the turn (Gemini 3 `toolCall {id, toolType, args}` and its
 * `toolResponse {id, response}`, e.g. GOOGLE_SEARCH_WEB), summarized: the response can be a page of HTML.
 */
function serverToolOf(part: JsonObject): ContentPart | undefined {
  if (isObject(part.toolCall)) {
    const call = part.toolCall;
    return { type: 'other', kind: 'server_tool_call', summary: `${asString(call.toolType) ?? 'tool'}: ${clip(JSON.stringify(call.args ?? {}))}` };
  }
  if (isObject(part.toolResponse)) {
    const response = part.toolResponse;
    const fields = Object.keys(asObject(response.response));
    return { type: 'other', kind: 'server_tool_result', summary: `${asString(response.id) ?? 'result'}: ${fields.length ? fields.join(', ') : 'empty'}` };
  }
  return undefined;
}

// ---- request ---------------------------------------------------------------------------------

function toolResultContent(response: unknown): string {
  return typeof response === 'string' ? response : JSON.stringify(response ?? null);
}

function requestParts(raw: unknown, calls: FunctionCallAssembler): ContentPart[] {
  const part = camelPart(raw);
  const out: ContentPart[] = [];
  // The signature belongs to the part it came with; a reasoning part carries it, never as text.
  const signature = asString(part.thoughtSignature);
  const text = asString(part.text);
  if (text !== undefined && part.thought === true) {
    out.push(signature ? { type: 'reasoning', text, signature } : { type: 'reasoning', text });
    return out;
  }
  if (signature) out.push({ type: 'reasoning', text: '', signature });
  if (text !== undefined) {
    out.push({ type: 'text', text });
  } else if (isObject(part.functionCall)) {
    // A streamed call re-sent chunk by chunk: only its first part places it, the others grow it.
    const call = part.functionCall;
    const continuation = !asString(call.name) && calls.unfinished !== undefined;
    const started = calls.accept(call);
    if (started) out.push(started);
    // A nameless call that continues nothing is still shown as the call it is (an empty end marker is not one).
    else if (!continuation && call.args !== undefined) out.push({ type: 'tool-call', id: asString(call.id) ?? null, name: '', arguments: call.args });
  } else if (isObject(part.functionResponse)) {
    const result = part.functionResponse;
    const name = asString(result.name);
    out.push({ type: 'tool-result', toolCallId: asString(result.id) ?? null, ...(name ? { name } : {}), content: toolResultContent(result.response) });
  } else {
    const other = mediaOf(part) ?? codeExecutionOf(part);
    if (other) out.push(other);
    else if (!signature) out.push({ type: 'other', kind: Object.keys(part)[0] ?? 'unknown', summary: clip(JSON.stringify(part)) });
  }
  return out;
}

function requestMessage(raw: unknown, calls: FunctionCallAssembler): Message | undefined {
  const content = asObject(raw);
  const given = asArray(content.parts);
  const parts = given.flatMap((part) => requestParts(part, calls));
  const role = asString(content.role);
  // A chunk's content that only went on with a streamed call has been folded into that call.
  if (role === 'model' && given.length > 0 && parts.length === 0 && given.every((p) => isObject(camelPart(p).functionCall))) return undefined;
  if (role === 'model') return { role: 'assistant', content: parts };
  const onlyResults = parts.length > 0 && parts.every((p) => p.type === 'tool-result');
  return { role: role === 'function' || onlyResults ? 'tool' : 'user', content: parts };
}

function systemText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return null;
  const texts = asArray(value.parts).map((p) => asString(asObject(p).text)).filter((t) => t !== undefined);
  return texts.length ? texts.join('\n') : null;
}

function toolDefinitions(body: JsonObject): ToolDefinition[] {
  return asArray(body.tools).flatMap((raw): ToolDefinition[] => {
    const tool = asObject(raw);
    const declared = asArray(tool.functionDeclarations ?? tool.function_declarations).map((d): ToolDefinition => {
      const fn = asObject(d);
      const definition: ToolDefinition = { name: asString(fn.name) ?? '' };
      if (asString(fn.description)) definition.description = asString(fn.description)!;
      const parameters = fn.parameters ?? fn.parametersJsonSchema;
      if (parameters !== undefined) definition.parameters = parameters;
      return definition;
    });
    // Built-in tools (googleSearch, codeExecution, urlContext, …) are keys of the Tool object.
    const builtIn = Object.keys(tool)
      .filter((key) => key !== 'functionDeclarations' && key !== 'function_declarations')
      .map((key): ToolDefinition => ({ name: key, kind: key }));
    return [...declared, ...builtIn];
  });
}

function responseFormat(config: JsonObject): ResponseFormat | undefined {
  const mimeType = asString(config.responseMimeType);
  const schema = config.responseJsonSchema ?? config.responseSchema ?? config._responseJsonSchema;
  if (mimeType === 'text/x.enum') return schema === undefined ? { type: 'enum' } : { type: 'enum', schema };
  if (schema !== undefined) return { type: 'json_schema', schema };
  if (mimeType === 'application/json') return { type: 'json_object' };
  return undefined;
}

/** The conversation; one assembler across it, since a streamed call spans the contents of its chunks. */
function readContents(contents: unknown): Message[] {
  const calls = new FunctionCallAssembler();
  return asArray(contents).flatMap((content) => requestMessage(content, calls) ?? []);
}

function readRequest(info: RequestInfo): LlmRequest {
  const body = info.body.kind === 'json' ? asObject(info.body.value) : {};
  const model = MODEL.exec(info.url.pathname)?.[1];
  const request: LlmRequest = {
    model: model ? decodeURIComponent(model) : null,
    system: systemText(body.systemInstruction ?? body.system_instruction),
    messages: readContents(body.contents),
    tools: toolDefinitions(body),
    stream: GENERATE.exec(info.url.pathname)?.[1] === 'streamG',
  };
  const format = responseFormat(asObject(body.generationConfig ?? body.generation_config));
  if (format) request.responseFormat = format;
  return request;
}

// ---- response --------------------------------------------------------------------------------

/** usageMetadata. candidatesTokenCount does NOT include thoughtsTokenCount (unlike OpenAI's
 * completion_tokens); both are kept as reported, and totalTokenCount is their sum plus the prompt. */
export function geminiUsage(raw: unknown): Usage | null {
  const meta = asObject(raw);
  const input = asNumber(meta.promptTokenCount);
  const total = asNumber(meta.totalTokenCount);
  // Vertex streams send `usageMetadata: {trafficType}` on early chunks: no counts, no usage.
  if (input === undefined && total === undefined && asNumber(meta.candidatesTokenCount) === undefined) return null;
  return usage({
    inputTokens: input,
    outputTokens: asNumber(meta.candidatesTokenCount),
    totalTokens: total,
    cacheReadTokens: asNumber(meta.cachedContentTokenCount),
    reasoningTokens: asNumber(meta.thoughtsTokenCount),
  });
}

interface GeminiState {
  id?: string;
  model?: string;
  text: string;
  reasoning: string;
  /** Whole calls, and streamed ones (partialArgs) that the assembler keeps growing. */
  toolCalls: ToolCallPart[];
  calls: FunctionCallAssembler;
  serverTools: ContentPart[];
  citations: Citation[];
  signatures: string[];
  finishReason: string | null;
  usage: Usage | null;
  events: number;
  error?: LlmError;
  diagnostics: DiagnosticList;
  /** False for a plain JSON answer: one body, no stream that could end early. */
  streamed: boolean;
}

/** A chunk, or an SSE event / array element that is not a JSON object (`length` of its data when known). */
export type GeminiEvent = { kind: 'chunk'; chunk: JsonObject } | { kind: 'other'; length?: number };

// Part fields the reducer reads, and those that only qualify a part (no content of their own).
const CONTENT_FIELDS = new Set(['text', 'functionCall', 'functionResponse', 'inlineData', 'fileData', 'executableCode', 'codeExecutionResult', 'toolCall', 'toolResponse']);
const QUALIFIER_FIELDS = new Set(['thought', 'thoughtSignature', 'videoMetadata', 'partMetadata', 'mediaResolution']);

function addCitation(state: GeminiState, source: unknown): void {
  const item = asObject(source);
  const url = asString(item.uri) ?? asString(item.url);
  if (!url || state.citations.some((c) => c.url === url)) return;
  const title = asString(item.title);
  state.citations.push(title ? { url, title } : { url });
}

function addServerTool(state: GeminiState, part: ContentPart): void {
  const key = JSON.stringify(part);
  if (!state.serverTools.some((p) => JSON.stringify(p) === key)) state.serverTools.push(part);
}

function accumulatePart(state: GeminiState, part: JsonObject, event: number): void {
  const signature = asString(part.thoughtSignature);
  if (signature) state.signatures.push(signature);
  const text = asString(part.text);
  if (text !== undefined) {
    if (part.thought === true) state.reasoning += text;
    else state.text += text;
  } else if (isObject(part.functionCall)) {
    const started = state.calls.accept(part.functionCall, (problem) => state.diagnostics.add(problem.code, problem.message, event));
    if (started) state.toolCalls.push(started);
  } else {
    // Generated images and code execution; appended, since each arrives whole in its own part.
    const other = mediaOf(part) ?? codeExecutionOf(part) ?? serverToolOf(part);
    if (other) state.serverTools.push(other);
    else {
      // functionResponse belongs to requests; a part of only qualifiers (a lone thoughtSignature) is accounted for.
      const kind = Object.keys(part).find((key) => !QUALIFIER_FIELDS.has(key));
      if (kind !== undefined && !CONTENT_FIELDS.has(kind)) {
        state.diagnostics.addCounted('unknown-event', `part:${kind}`, `Gemini part "${kind}" not interpreted`, event);
      }
    }
  }
}

function accumulateCandidate(state: GeminiState, candidate: JsonObject, event: number): void {
  for (const raw of asArray(asObject(candidate.content).parts)) accumulatePart(state, camelPart(raw), event);
  const grounding = asObject(candidate.groundingMetadata);
  const queries = asArray(grounding.webSearchQueries).map(asString).filter(Boolean);
  if (queries.length) addServerTool(state, { type: 'other', kind: 'web_search', summary: queries.join('; ') });
  for (const chunk of asArray(grounding.groundingChunks)) {
    const c = asObject(chunk);
    addCitation(state, c.web ?? c.retrievedContext ?? c.maps);
  }
  const citationMetadata = asObject(candidate.citationMetadata);
  for (const source of asArray(citationMetadata.citationSources ?? citationMetadata.citations)) addCitation(state, source);
  if (asString(candidate.finishReason)) state.finishReason = asString(candidate.finishReason)!;
}

export const geminiStream: StreamAccumulator<GeminiState, GeminiEvent> = {
  initial: () => ({
    text: '',
    reasoning: '',
    toolCalls: [],
    calls: new FunctionCallAssembler(),
    serverTools: [],
    citations: [],
    signatures: [],
    finishReason: null,
    usage: null,
    events: 0,
    diagnostics: new DiagnosticList(),
    streamed: true,
  }),

  accumulate(state, event) {
    const index = state.events++;
    if (event.kind === 'other') {
      const what = event.length === undefined ? 'is not a JSON object' : `(${event.length} characters) is not JSON`;
      state.diagnostics.add('unparsed-event', `Gemini stream chunk ${index} ${what}`, index);
      return state;
    }
    const chunk = event.chunk;
    if (asString(chunk.responseId) && !state.id) state.id = asString(chunk.responseId)!;
    if (asString(chunk.modelVersion)) state.model = asString(chunk.modelVersion)!;
    if (isObject(chunk.error)) state.error = errorFromBody(chunk);
    const feedback = asObject(chunk.promptFeedback);
    const blocked = asString(feedback.blockReason);
    if (blocked) {
      const detail = asString(feedback.blockReasonMessage);
      state.error = { type: 'blocked', message: `${blocked}${detail ? `: ${detail}` : ''}` };
    }
    const candidate = firstOfIndexZero(chunk.candidates);
    if (candidate) accumulateCandidate(state, candidate, index);
    // Counts are totals so far (each chunk repeats the prompt count), so the last one wins.
    const reported = geminiUsage(chunk.usageMetadata);
    if (reported) state.usage = reported;
    return state;
  },

  finalize(state) {
    // Gemini streams have no terminator: the finish reason is the only sign the answer is whole.
    const incomplete = state.streamed && state.events > 0 && !state.finishReason && !state.error;
    if (incomplete) state.diagnostics.add('stream-unterminated', 'Gemini stream ended without a finishReason in any chunk');
    const unfinished = state.calls.unfinished;
    if (unfinished) state.diagnostics.add('stream-unterminated', `function call ${unfinished.name}: its arguments were still streaming (willContinue) when the stream ended`);
    const response = finalResponse({
      text: state.text,
      reasoning: state.reasoning,
      toolCalls: state.toolCalls.map(({ type: _type, ...call }) => call),
      finishReason: state.finishReason,
      usage: state.usage,
      events: state.streamed ? state.events : 0,
      id: state.id,
      model: state.model,
      error: state.error,
      citations: state.citations,
      serverTools: state.serverTools,
      incomplete,
    });
    if (state.signatures.length) response.signatures = state.signatures;
    if (state.diagnostics.items.length) response.diagnostics = state.diagnostics.items;
    return response;
  },
};

/** Runs the reducer over chunks (SSE data, or a JSON array's elements; `lengths` of SSE data for diagnostics). */
export function reduceChunks(chunks: unknown[], lengths?: number[]): LlmResponse {
  let state = geminiStream.initial();
  chunks.forEach((chunk, i) => {
    state = geminiStream.accumulate(state, isObject(chunk) ? { kind: 'chunk', chunk } : { kind: 'other', length: lengths?.[i] });
  });
  return geminiStream.finalize(state);
}

/** A plain JSON answer through the same reducer, as one chunk that is not a stream event. */
function reduceSingle(value: unknown): LlmResponse {
  const state = geminiStream.accumulate({ ...geminiStream.initial(), streamed: false }, { kind: 'chunk', chunk: asObject(value) });
  state.diagnostics.items.forEach((d) => delete d.event);
  return geminiStream.finalize(state);
}

function readResponse(body: DecodedBody, response: HttpResponse): LlmResponse {
  let result: LlmResponse;
  if (body.kind === 'sse') {
    result = reduceChunks(
      body.events.map(eventJson),
      body.events.map((e) => e.data.length),
    );
  }
  // A JSON array is a whole stream (streamGenerateContent without alt=sse): same reducer.
  else if (body.kind === 'json' && Array.isArray(body.value)) result = reduceChunks(body.value);
  else result = reduceSingle(body.kind === 'json' ? body.value : {});
  if (response.status >= 400 && !result.error) result.error = httpError(body, response);
  return result;
}

export const gemini: Dialect = {
  provider: 'gemini',
  matches: (info) => GENERATE.test(info.url.pathname),
  readRequest,
  readResponse,
};
