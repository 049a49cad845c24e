// Ollama's native endpoints that are not a chat turn: /api/embed (`embeddings`, a list of
// vectors), the older /api/embeddings (`embedding`, one vector), /api/tags (local models),
// /api/ps (running models), /api/show (one model's details) and /api/version.

import { asArray, asObject, asString, isObject } from '../json-access.ts';
import { usage as makeUsage } from '../parts.ts';
import { bytes, facts, list, num, plural, str, vectorsFacts } from './describe.ts';
import type { Endpoint } from './types.ts';

const embed: Endpoint = {
  provider: 'ollama',
  kind: 'embeddings',
  path: /\/api\/(?<verb>embed|embeddings)$/,
  methods: ['POST'],
  summarize({ value, fields }) {
    if (!isObject(value)) return undefined;
    const vectors = vectorsFacts(Array.isArray(value.embeddings) ? value.embeddings : value.embedding !== undefined ? [value.embedding] : []);
    if (!vectors || vectors.count === 0) return undefined;
    const tokens = num(value, 'prompt_eval_count');
    const usage = tokens !== undefined ? makeUsage({ inputTokens: tokens }) : undefined;
    const model = str(value, 'model') ?? asString(fields.model) ?? null;
    return { model, summary: facts(model, vectors.line, tokens !== undefined && plural(tokens, 'token')), count: vectors.count, ...(usage ? { usage } : {}) };
  },
};

const tags: Endpoint = {
  provider: 'ollama',
  kind: 'models',
  path: /\/api\/(?<verb>tags|ps)$/,
  methods: ['GET'],
  summarize({ value, match }) {
    const models = list(value, 'models');
    if (!models) return undefined;
    const total = models.reduce<number>((sum, m) => sum + (num(m, 'size') ?? 0), 0);
    const names = models.slice(0, 3).map((m) => str(m, 'name') ?? str(m, 'model') ?? '?');
    const more = models.length > 3 ? `, … ${models.length - 3} more` : '';
    const what = match.groups?.verb === 'ps' ? `${plural(models.length, 'running model')}` : plural(models.length, 'model');
    return { action: 'list', summary: facts(what, names.length > 0 && `${names.join(', ')}${more}`, total > 0 && bytes(total)), count: models.length };
  },
};

const show: Endpoint = {
  provider: 'ollama',
  kind: 'models',
  path: /\/api\/show$/,
  methods: ['POST'],
  summarize({ value, fields }) {
    if (!isObject(value) || (!isObject(value.details) && !isObject(value.model_info) && asString(value.modelfile) === undefined)) return undefined;
    const details = asObject(value.details);
    const model = asString(fields.model) ?? asString(fields.name) ?? null;
    const capabilities = asArray(value.capabilities).filter((c) => typeof c === 'string');
    const summary = facts(model, str(details, 'family'), str(details, 'parameter_size'), str(details, 'quantization_level'), capabilities.length > 0 && capabilities.join(', '));
    return { action: 'retrieve', model, summary };
  },
};

const version: Endpoint = {
  provider: 'ollama',
  kind: 'models',
  path: /\/api\/version$/,
  methods: ['GET'],
  summarize({ value }) {
    const v = str(value, 'version');
    return v === undefined ? undefined : { action: 'retrieve', summary: `Ollama ${v}` };
  },
};

export const OLLAMA_ENDPOINTS: Endpoint[] = [embed, tags, show, version];
