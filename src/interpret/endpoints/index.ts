// The registry of endpoints that are not a chat turn, consulted by analyzeInteraction when no
// chat dialect speaks a request. A new family is one file plus one line in ENDPOINTS.

import type { DecodedBody } from '../../decode/types.ts';
import { contentTypeOf } from '../../decode/index.ts';
import type { Diagnostic } from '../../findings/diagnostic.ts';
import type { HttpResponse } from '../../model.ts';
import type { RequestInfo } from '../dialect.ts';
import { httpError } from '../errors.ts';
import { asString, isObject } from '../json-access.ts';
import { defaultAction, excerpt, multipartFields } from './describe.ts';
import { OPENAI_ENDPOINTS } from './openai.ts';
import { GEMINI_ENDPOINTS } from './gemini.ts';
import { ANTHROPIC_ENDPOINTS } from './anthropic.ts';
import { COHERE_ENDPOINTS } from './cohere.ts';
import { BEDROCK_ENDPOINTS } from './bedrock.ts';
import { OLLAMA_ENDPOINTS } from './ollama.ts';
import type { Endpoint, EndpointInput, EndpointSummary } from './types.ts';

export type { EndpointSummary } from './types.ts';

/** Tried in order; an endpoint whose summary declines the body lets the next on the same path try. */
const ENDPOINTS: Endpoint[] = [
  ...BEDROCK_ENDPOINTS,
  ...GEMINI_ENDPOINTS,
  ...ANTHROPIC_ENDPOINTS,
  ...COHERE_ENDPOINTS,
  ...OLLAMA_ENDPOINTS,
  ...OPENAI_ENDPOINTS,
];

interface Candidate {
  endpoint: Endpoint;
  match: RegExpExecArray;
}

function candidates(info: RequestInfo): Candidate[] {
  const method = info.method.toUpperCase();
  const found: Candidate[] = [];
  for (const endpoint of ENDPOINTS) {
    if (endpoint.methods && !endpoint.methods.includes(method)) continue;
    const match = endpoint.path.exec(info.url.pathname);
    if (match && (!endpoint.accepts || endpoint.accepts(info, match))) found.push({ endpoint, match });
  }
  return found;
}

/** The request's fields: its JSON object, or the text fields of a multipart form. */
function requestFields(info: RequestInfo, contentType: string): Record<string, unknown> {
  if (info.body.kind === 'json') return isObject(info.body.value) ? info.body.value : {};
  return multipartFields(contentType, info.body);
}

/**
 * Whose error body this is, for paths several families share (`/v1/models`, `/v1/files`):
 * Anthropic's is `{type: "error", error}`, Google's `{error: {status: "NOT_FOUND"}}`, else OpenAI's.
 */
function errorFamily(value: unknown): Endpoint['provider'] {
  if (!isObject(value)) return 'openai';
  if (value.type === 'error') return 'anthropic';
  if (isObject(value.error) && typeof value.error.status === 'string') return 'gemini';
  return 'openai';
}

export interface EndpointResult {
  endpoint: EndpointSummary;
  diagnostics: Diagnostic[];
}

/**
 * The summary of a request to a known non-chat endpoint; undefined when no endpoint's path
 * matches. A 2xx body that no matching endpoint can read gets an `unknown-endpoint` diagnostic.
 */
export function summarizeEndpoint(info: RequestInfo, requestContentType: string, body: DecodedBody, response: HttpResponse): EndpointResult | undefined {
  const found = candidates(info);
  if (found.length === 0) return undefined;
  const fields = requestFields(info, requestContentType);
  const value = body.kind === 'json' ? body.value : undefined;
  const first = found[0]!;
  const base = (endpoint: Endpoint) => ({
    provider: endpoint.provider,
    kind: endpoint.kind,
    action: defaultAction(info.method, info.url.pathname),
    model: asString(fields.model) ?? null,
  });
  if (response.status >= 400 || response.status < 200) {
    const error = httpError(body, response);
    const family = errorFamily(value);
    const owner = found.find((c) => c.endpoint.provider === family) ?? first;
    return { endpoint: { ...base(owner.endpoint), summary: `error ${error.type}: ${excerpt(error.message, 120)}` }, diagnostics: [] };
  }
  for (const { endpoint, match } of found) {
    const input: EndpointInput = { request: info, fields, body, value, response, match };
    const facts = endpoint.summarize(input);
    if (!facts) continue;
    const { provider, action, model, ...rest } = facts;
    const summary: EndpointSummary = { ...base(endpoint), ...rest };
    if (provider) summary.provider = provider;
    if (action) summary.action = action;
    if (model !== undefined && model !== null) summary.model = model;
    return { endpoint: summary, diagnostics: [] };
  }
  const what = `${first.endpoint.provider} ${first.endpoint.kind}`;
  const shape = body.kind === 'json' ? 'a JSON body' : `a ${body.kind} body (${contentTypeOf(response.headers) || 'no content type'})`;
  return {
    endpoint: { ...base(first.endpoint), summary: `unexpected ${body.kind} response` },
    diagnostics: [{ code: 'unknown-endpoint', message: `${info.method} ${info.url.pathname} looks like ${what} but answered ${response.status} with ${shape} of another shape` }],
  };
}
