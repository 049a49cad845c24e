// Cohere endpoints that are not a chat turn: /v1/embed and /v2/embed (float lists, or
// `embeddings_by_type` with one list per requested type), /v1|v2/rerank, /v1/tokenize, /v1/models.

import { asArray, asNumber, asObject, asString, isObject } from '../json-access.ts';
import { usage as makeUsage } from '../parts.ts';
import { facts, list, num, plural, str, vectorsFacts, tokenCount } from './describe.ts';
import type { Endpoint } from './types.ts';

/** `meta.billed_units.input_tokens` (v1 and v2), as usage. */
function billedInput(value: unknown) {
  const tokens = num(asObject(asObject(value).meta).billed_units, 'input_tokens');
  return tokens === undefined ? undefined : makeUsage({ inputTokens: tokens, totalTokens: tokens });
}

const embed: Endpoint = {
  provider: 'cohere',
  kind: 'embeddings',
  path: /\/v[12]\/embed$/,
  methods: ['POST'],
  summarize({ value, fields }) {
    if (!isObject(value)) return undefined;
    const raw = value.embeddings;
    // v1 `embeddings_floats`: a list of vectors; `embeddings_by_type`: {float: [...], int8: [...]}.
    const byType = isObject(raw) ? raw : undefined;
    const types = byType ? Object.keys(byType) : [];
    const vectors = vectorsFacts(byType ? asArray(byType[types[0] ?? '']) : asArray(raw));
    if (!vectors || (!byType && !Array.isArray(raw))) return undefined;
    const usage = billedInput(value);
    const model = asString(fields.model) ?? null;
    const summary = facts(model, vectors.line, types.length > 0 && types.join('+'), usage && plural(usage.inputTokens, 'token'));
    return { model, summary, count: vectors.count, ...(usage ? { usage } : {}) };
  },
};

const rerank: Endpoint = {
  provider: 'cohere',
  kind: 'rerank',
  path: /\/v[12]\/rerank$/,
  methods: ['POST'],
  summarize({ value, fields }) {
    const results = list(value, 'results');
    if (!results) return undefined;
    const documents = asArray(fields.documents).length;
    const top = asNumber(asObject(results[0]).relevance_score);
    const searches = num(asObject(asObject(value).meta).billed_units, 'search_units');
    const model = asString(fields.model) ?? null;
    const summary = facts(
      model,
      documents > 0 ? `${results.length} of ${plural(documents, 'document')}` : plural(results.length, 'result'),
      top !== undefined && `top score ${top.toFixed(3)}`,
      searches !== undefined && plural(searches, 'search unit'),
    );
    return { action: 'create', model, summary, count: results.length };
  },
};

const tokenize: Endpoint = {
  provider: 'cohere',
  kind: 'count-tokens',
  path: /\/v1\/tokenize$/,
  methods: ['POST'],
  summarize({ value, fields }) {
    const tokens = list(value, 'tokens');
    if (!tokens) return undefined;
    return tokenCount(asString(fields.model) ?? null, tokens.length);
  },
};

const models: Endpoint = {
  provider: 'cohere',
  kind: 'models',
  path: /\/v1\/models(?:\/(?<id>[^/]+))?$/,
  methods: ['GET'],
  summarize({ value }) {
    const listed = list(value, 'models');
    if (listed) {
      if (!listed.every((m) => str(m, 'name') && !str(m, 'name')!.startsWith('models/') && Array.isArray(asObject(m).endpoints))) return undefined;
      return { action: 'list', summary: `${plural(listed.length, 'model')}${str(value, 'next_page_token') ? ' (more on the next page)' : ''}`, count: listed.length };
    }
    if (!str(value, 'name') || !Array.isArray(asObject(value).endpoints)) return undefined;
    const context = num(value, 'context_length');
    return { action: 'retrieve', summary: facts(str(value, 'name'), asArray(asObject(value).endpoints).join(', '), context !== undefined && `${context} context`) };
  },
};

export const COHERE_ENDPOINTS: Endpoint[] = [embed, rerank, tokenize, models];
