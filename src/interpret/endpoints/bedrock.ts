// AWS Bedrock endpoints that are not a chat turn: embedding models behind /model/<id>/invoke
// (Amazon Titan, Cohere Embed, Amazon Nova embeddings; the bedrock chat dialect takes only
// Anthropic models there), /model/<id>/count-tokens (a count of a Converse or InvokeModel
// request), /foundation-models (the control plane's model list) and the agent runtime's /rerank.

import { headerValue } from '../../http/headers.ts';
import { asArray, asNumber, asObject, isObject } from '../json-access.ts';
import { usage as makeUsage } from '../parts.ts';
import { facts, list, num, plural, str, vectorsFacts, tokenCount } from './describe.ts';
import type { Endpoint, EndpointInput } from './types.ts';

function modelId(match: RegExpExecArray): string {
  const raw = match.groups!.model!;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Embedding vectors of Titan (`embedding`), Cohere (`embeddings`, a list or by type) and Nova (`embeddings[].embedding`). */
function embeddingVectors(value: unknown): { vectors: unknown[]; types: string[] } | undefined {
  if (!isObject(value)) return undefined;
  if (Array.isArray(value.embedding)) return { vectors: [value.embedding], types: isObject(value.embeddingsByType) ? Object.keys(value.embeddingsByType) : [] };
  const raw = value.embeddings;
  if (isObject(raw)) {
    const types = Object.keys(raw);
    return { vectors: asArray(raw[types[0] ?? '']), types };
  }
  if (Array.isArray(raw)) {
    if (raw.every((e) => isObject(e) && Array.isArray(e.embedding))) return { vectors: raw.map((e) => asObject(e).embedding), types: [] };
    return { vectors: raw, types: [] };
  }
  return undefined;
}

/** Bedrock reports the tokens of an invocation in headers; Titan also in the body. */
function inputTokens(input: EndpointInput): number | undefined {
  const header = headerValue(input.response.headers, 'x-amzn-bedrock-input-token-count');
  return num(input.value, 'inputTextTokenCount') ?? (header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined);
}

const embeddings: Endpoint = {
  provider: 'bedrock',
  kind: 'embeddings',
  path: /\/model\/(?<model>[^/]+)\/invoke$/,
  methods: ['POST'],
  accepts(info, match) {
    const body = info.body.kind === 'json' ? asObject(info.body.value) : {};
    return /embed/i.test(modelId(match)) || ('texts' in body && 'input_type' in body);
  },
  summarize(input) {
    const found = embeddingVectors(input.value);
    const vectors = found && vectorsFacts(found.vectors);
    if (!found || !vectors) return undefined;
    const tokens = inputTokens(input);
    const usage = tokens !== undefined ? makeUsage({ inputTokens: tokens, totalTokens: tokens }) : undefined;
    const model = modelId(input.match);
    const summary = facts(model, vectors.line, found.types.length > 0 && found.types.join('+'), tokens !== undefined && plural(tokens, 'token'));
    return { model, summary, count: vectors.count, ...(usage ? { usage } : {}) };
  },
};

const countTokens: Endpoint = {
  provider: 'bedrock',
  kind: 'count-tokens',
  path: /\/model\/(?<model>[^/]+)\/count-tokens$/,
  methods: ['POST'],
  summarize({ value, match, fields }) {
    const count = num(value, 'inputTokens');
    if (count === undefined) return undefined;
    const input = asObject(fields.input);
    const of = isObject(input.converse) ? 'of a Converse request' : isObject(input.invokeModel) ? 'of an InvokeModel request' : '';
    return tokenCount(modelId(match), count, of);
  },
};

const foundationModels: Endpoint = {
  provider: 'bedrock',
  kind: 'models',
  path: /\/foundation-models(?:\/(?<id>[^/]+))?$/,
  methods: ['GET'],
  summarize({ value }) {
    const listed = list(value, 'modelSummaries');
    if (listed) return { action: 'list', summary: plural(listed.length, 'model'), count: listed.length };
    const details = asObject(value).modelDetails;
    if (!isObject(details)) return undefined;
    return { action: 'retrieve', summary: facts(str(details, 'modelId'), str(details, 'providerName')) };
  },
};

const rerank: Endpoint = {
  provider: 'bedrock',
  kind: 'rerank',
  path: /^\/rerank$/,
  methods: ['POST'],
  summarize({ value }) {
    const results = list(value, 'results');
    if (!results || !results.every((r) => asNumber(asObject(r).relevanceScore) !== undefined)) return undefined;
    const top = asNumber(asObject(results[0]).relevanceScore);
    return { action: 'create', summary: facts(plural(results.length, 'result'), top !== undefined && `top score ${top.toFixed(3)}`), count: results.length };
  },
};

export const BEDROCK_ENDPOINTS: Endpoint[] = [embeddings, countTokens, foundationModels, rerank];
