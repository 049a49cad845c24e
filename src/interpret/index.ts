// interpret: a cassette's interactions → their LLM view. A new dialect is one file plus one line
// in DIALECTS.

import { decodeBody, type DecodedBody } from '../decode/index.ts';
import { headerValue } from '../http/headers.ts';
import type { Cassette, Interaction } from '../model.ts';
import type { Dialect, RequestInfo } from './dialect.ts';
import { openaiChat } from './openai-chat.ts';
import { anthropic } from './anthropic.ts';
import { bedrock } from './bedrock.ts';
import { openaiResponses } from './openai-responses.ts';
import { gemini } from './gemini.ts';
import { bedrockConverse } from './bedrock-converse.ts';
import { cohere } from './cohere.ts';
import { ollama } from './ollama.ts';
import { openaiCompletions } from './openai-completions.ts';
import { openaiAssistants } from './openai-assistants.ts';
import type { Exchange } from './types.ts';
import { parseRequestUrl } from './request-url.ts';
import type { Diagnostic } from '../findings/diagnostic.ts';
import { bodyDiagnostics } from './body-diagnostics.ts';
import { summarizeEndpoint, type EndpointSummary } from './endpoints/index.ts';

/** Tried in order; the first whose `matches` accepts the request interprets it. */
const DIALECTS: Dialect[] = [openaiChat, openaiResponses, gemini, anthropic, bedrock, bedrockConverse, cohere, ollama, openaiCompletions, openaiAssistants];

export interface AnalyzedInteraction {
  interaction: Interaction;
  requestBody: DecodedBody;
  responseBody: DecodedBody;
  /** null when the API is not recognised. */
  llm: Exchange | null;
  /** A known endpoint that is not a chat turn (embeddings, count-tokens, files, …); null otherwise. */
  endpoint: EndpointSummary | null;
  /** What decoding and interpreting could not use, in order; empty when all was understood. */
  diagnostics: Diagnostic[];
}

export interface AnalyzedCassette {
  cassette: Cassette;
  interactions: AnalyzedInteraction[];
}

export function findDialect(info: RequestInfo): Dialect | undefined {
  return DIALECTS.find((dialect) => dialect.matches(info));
}

export function analyzeInteraction(interaction: Interaction): AnalyzedInteraction {
  const { request, response } = interaction;
  const requestBody = decodeBody(request.headers, request.body);
  const responseBody = decodeBody(response.headers, response.body);
  const url = parseRequestUrl(request.url);
  const info: RequestInfo | undefined = url && { method: request.method, url, body: requestBody };
  const dialect = info && findDialect(info);
  const diagnostics = [...bodyDiagnostics(requestBody, 'request'), ...bodyDiagnostics(responseBody, 'response')];
  if (!info || !dialect) {
    const known = info && summarizeEndpoint(info, headerValue(request.headers, 'content-type') ?? '', responseBody, response);
    if (known) diagnostics.push(...known.diagnostics);
    return { interaction, requestBody, responseBody, llm: null, endpoint: known ? known.endpoint : null, diagnostics };
  }
  const llmRequest = dialect.readRequest(info);
  const llmResponse = dialect.readResponse(responseBody, response, llmRequest);
  if (llmResponse.diagnostics) {
    diagnostics.push(...llmResponse.diagnostics);
    delete llmResponse.diagnostics;
  }
  const llm: Exchange = {
    provider: dialect.provider,
    host: info.url.host,
    model: llmResponse.model ?? llmRequest.model,
    request: llmRequest,
    response: llmResponse,
  };
  return { interaction, requestBody, responseBody, llm, endpoint: null, diagnostics };
}

export function analyzeCassette(cassette: Cassette): AnalyzedCassette {
  return { cassette, interactions: cassette.interactions.map(analyzeInteraction) };
}
