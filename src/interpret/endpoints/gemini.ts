// Gemini API (and Vertex AI) endpoints that are not a chat turn: `:embedContent`,
// `:batchEmbedContents`, Vertex `:predict` (text embeddings, Imagen), `:countTokens`, model lists,
// cached contents, files and file search stores (with their resumable uploads).

import { asNumber, asObject, asString, isObject } from '../json-access.ts';
import { base64Size, usage as makeUsage } from '../parts.ts';
import { bytes, excerpt, facts, list, num, plural, str, vectorsFacts, tokenCount } from './describe.ts';
import type { Endpoint, EndpointFacts } from './types.ts';

/** `…/models/<model>:<verb>`; Vertex puts `publishers/google/` before `models/`. */
const modelVerb = (verb: string) => new RegExp(`/models/(?<model>[^/:]+):${verb}$`);

/** Google's DELETE answers `{}`. */
const isEmptyObject = (value: unknown) => isObject(value) && Object.keys(value).length === 0;

const modelOf = (match: RegExpExecArray) => match.groups?.model ?? null;

const embedContent: Endpoint = {
  provider: 'gemini',
  kind: 'embeddings',
  path: modelVerb('(?:embedContent|batchEmbedContents)'),
  methods: ['POST'],
  summarize({ value, match }) {
    const single = isObject(value) && isObject(value.embedding) ? [value.embedding] : undefined;
    const many = single ?? list(value, 'embeddings');
    if (!many) return undefined;
    const vectors = vectorsFacts(many.map((e) => asObject(e).values));
    if (!vectors) return undefined;
    const model = modelOf(match);
    const tokens = num(asObject(value).usageMetadata, 'promptTokenCount');
    const usage = tokens !== undefined ? makeUsage({ inputTokens: tokens, totalTokens: tokens }) : undefined;
    return { model, summary: facts(model, vectors.line, tokens !== undefined && plural(tokens, 'token')), count: vectors.count, ...(usage ? { usage } : {}) };
  },
};

/** Vertex `:predict`: text embeddings (`predictions[].embeddings.values`) or Imagen images (`bytesBase64Encoded`). */
const predictEmbeddings: Endpoint = {
  provider: 'gemini',
  kind: 'embeddings',
  path: modelVerb('predict'),
  methods: ['POST'],
  summarize({ value, match }) {
    const predictions = list(value, 'predictions');
    if (!predictions || !predictions.every((p) => isObject(asObject(p).embeddings))) return undefined;
    const vectors = vectorsFacts(predictions.map((p) => asObject(asObject(p).embeddings).values));
    if (!vectors) return undefined;
    const tokens = predictions.reduce<number>((sum, p) => sum + (num(asObject(asObject(p).embeddings).statistics, 'token_count') ?? 0), 0);
    const model = modelOf(match);
    const usage = tokens ? makeUsage({ inputTokens: tokens, totalTokens: tokens }) : undefined;
    return { model, summary: facts(model, vectors.line, tokens > 0 && plural(tokens, 'token')), count: vectors.count, ...(usage ? { usage } : {}) };
  },
};

const predictImages: Endpoint = {
  provider: 'gemini',
  kind: 'images',
  path: modelVerb('predict'),
  methods: ['POST'],
  summarize({ value, match }) {
    const predictions = list(value, 'predictions');
    if (!predictions || !predictions.every((p) => asString(asObject(p).bytesBase64Encoded) !== undefined)) return undefined;
    const size = predictions.reduce<number>((sum, p) => sum + base64Size(asString(asObject(p).bytesBase64Encoded)!), 0);
    const types = [...new Set(predictions.map((p) => asString(asObject(p).mimeType)).filter(Boolean))];
    const model = modelOf(match);
    return { action: 'create', model, summary: facts(model, plural(predictions.length, 'image'), types.join(', '), `${bytes(size)} base64`), count: predictions.length };
  },
};

const countTokens: Endpoint = {
  provider: 'gemini',
  kind: 'count-tokens',
  path: modelVerb('countTokens'),
  methods: ['POST'],
  summarize({ value, match }) {
    const total = num(value, 'totalTokens');
    if (total === undefined) return undefined;
    const cached = num(value, 'cachedContentTokenCount');
    return tokenCount(modelOf(match), total, cached !== undefined && `${cached} cached`);
  },
};

function modelLine(model: unknown): string {
  const limit = num(model, 'inputTokenLimit');
  return facts(str(model, 'name')?.replace(/^models\//, ''), limit !== undefined && `${limit} input tokens max`);
}

const models: Endpoint = {
  provider: 'gemini',
  kind: 'models',
  path: /\/models(?:\/(?<id>[^/:]+))?$/,
  methods: ['GET'],
  summarize({ value }): EndpointFacts | undefined {
    const listed = list(value, 'models');
    // Cohere's /v1/models is `{models: [{name: "command-r"}]}`; Gemini's names start with `models/`.
    if (listed && listed.every((m) => str(m, 'name')?.startsWith('models/'))) return { action: 'list', summary: `${plural(listed.length, 'model')}${str(value, 'nextPageToken') ? ' (more on the next page)' : ''}`, count: listed.length };
    if (str(value, 'name')?.startsWith('models/')) return { action: 'retrieve', summary: modelLine(value) };
    return undefined;
  },
};

const cachedContents: Endpoint = {
  provider: 'gemini',
  kind: 'cached-contents',
  path: /\/cachedContents(?:\/(?<id>[^/:]+))?$/,
  summarize({ value, request }) {
    if (request.method.toUpperCase() === 'DELETE') return isEmptyObject(value) ? { summary: 'deleted' } : undefined;
    const listed = list(value, 'cachedContents');
    if (listed) return { summary: plural(listed.length, 'cached content'), count: listed.length };
    if (!str(value, 'name')?.startsWith('cachedContents/')) return undefined;
    const tokens = num(asObject(value).usageMetadata, 'totalTokenCount');
    const model = str(value, 'model')?.replace(/^models\//, '') ?? null;
    return { model, summary: facts(model, tokens !== undefined && `${tokens} tokens cached`, str(value, 'expireTime') && `expires ${str(value, 'expireTime')}`) };
  },
};

/** A file: `{name, mimeType, sizeBytes (a string), state}`, or `{file: {...}}` after an upload. */
function fileLine(file: unknown): string {
  const size = Number(str(file, 'sizeBytes') ?? num(file, 'sizeBytes'));
  return facts(str(file, 'displayName') ?? str(file, 'name'), str(file, 'mimeType'), Number.isFinite(size) && bytes(size), str(file, 'state'));
}

const files: Endpoint = {
  provider: 'gemini',
  kind: 'files',
  path: /\/files(?:\/(?<id>[^/:]+))?$/,
  summarize({ value, body, request }) {
    if (request.method.toUpperCase() === 'DELETE') return isEmptyObject(value) ? { summary: 'deleted' } : undefined;
    // A resumable upload's first request answers with an empty body (the upload URL is a header).
    if (body.kind === 'empty' && request.method.toUpperCase() === 'POST') return { action: 'upload', summary: 'upload started' };
    const listed = list(value, 'files');
    if (listed) return { summary: plural(listed.length, 'file'), count: listed.length };
    const file = isObject(value) && isObject(value.file) ? value.file : value;
    if (!str(file, 'name')?.startsWith('files/')) return undefined;
    return { action: isObject(value) && isObject(value.file) ? 'upload' : undefined, summary: fileLine(file) };
  },
};

const fileSearchStores: Endpoint = {
  provider: 'gemini',
  kind: 'file-search-stores',
  path: /\/fileSearchStores(?:\/(?<id>[^/:]+)(?::(?<verb>uploadToFileSearchStore|importFile))?(?:\/(?:documents|operations|upload\/operations)(?:\/[^/:]+)?)?)?$/,
  summarize({ value, body, request, match }) {
    const method = request.method.toUpperCase();
    const verb = match.groups?.verb;
    if (method === 'DELETE') return isEmptyObject(value) ? { summary: 'deleted' } : undefined;
    if (verb && body.kind === 'empty') return { action: 'upload', summary: 'upload started' };
    const listed = list(value, 'fileSearchStores') ?? list(value, 'documents');
    if (listed) return { action: 'list', summary: plural(listed.length, 'item'), count: listed.length };
    if (!isObject(value) || !asString(value.name)) return undefined;
    if (verb || asString(value.name)!.includes('/operations/')) {
      const response = asObject(value.response);
      const size = Number(asString(response.sizeBytes));
      const done = value.done === true || isObject(value.response);
      return { action: verb ? 'upload' : 'retrieve', summary: facts(`operation ${done ? 'done' : 'running'}`, asString(response.mimeType), Number.isFinite(size) && bytes(size)) };
    }
    const count = asNumber(value.activeDocumentsCount);
    return { summary: facts(asString(value.displayName) && excerpt(asString(value.displayName)!), count !== undefined && plural(count, 'document')) };
  },
};

export const GEMINI_ENDPOINTS: Endpoint[] = [embedContent, predictEmbeddings, predictImages, countTokens, models, cachedContents, files, fileSearchStores];
