// OpenAI's endpoints that are not a chat turn, as the API reference documents them (and the
// OpenAI-compatible servers copy them): embeddings, images, audio, moderations, models, files,
// uploads, batches, fine-tuning, vector stores, Assistants (assistants, threads, messages, runs,
// steps; JSON, not the run streams), Conversations, Responses input items and input-token counts,
// Realtime sessions, organization usage and costs.

import { asArray, asNumber, asObject, asString, isObject } from '../json-access.ts';
import { base64Size, usage as makeUsage } from '../parts.ts';
import type { Usage } from '../types.ts';
import { bytes, defaultAction, deletedFacts, excerpt, facts, list, num, plural, pngSize, str, vectorsFacts, tokenCount } from './describe.ts';
import type { Endpoint, EndpointFacts, EndpointInput, EndpointKind } from './types.ts';

/** `{prompt_tokens, completion_tokens}` or `{input_tokens, output_tokens}` usage. */
function tokenUsage(raw: unknown): Usage | undefined {
  if (!isObject(raw)) return undefined;
  const input = asNumber(raw.prompt_tokens) ?? asNumber(raw.input_tokens);
  const output = asNumber(raw.completion_tokens) ?? asNumber(raw.output_tokens);
  if (input === undefined && output === undefined) return undefined;
  const usage = makeUsage({ inputTokens: input, outputTokens: output ?? 0, totalTokens: asNumber(raw.total_tokens) });
  // Images API `input_tokens_details`, transcriptions `input_token_details`: image and audio tokens cost more.
  const details = asObject(raw.input_tokens_details ?? raw.input_token_details);
  const audio = asNumber(details.audio_tokens);
  const image = asNumber(details.image_tokens);
  if (audio) usage.inputAudioTokens = audio;
  if (image) usage.inputImageTokens = image;
  return usage;
}

function usageLine(usage: Usage | undefined): string {
  if (!usage) return '';
  return usage.outputTokens ? `${usage.inputTokens} in / ${usage.outputTokens} out tokens` : plural(usage.inputTokens, 'token');
}

/** `3 completed of 10, 1 failed` from `{total, completed, failed}`-style counts. */
function countsLine(raw: unknown): string {
  const counts = asObject(raw);
  const total = asNumber(counts.total);
  if (total === undefined) return '';
  const completed = asNumber(counts.completed) ?? 0;
  const failed = asNumber(counts.failed) ?? 0;
  return `${completed} of ${total} done${failed ? `, ${failed} failed` : ''}`;
}

/** One line for one API object, by its `object` type; undefined for an unknown object. */
function describeObject(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const object = asString(value.object);
  if (value.deleted === true) return 'deleted';
  switch (object) {
    case 'file':
      return facts(str(value, 'filename'), str(value, 'purpose'), num(value, 'bytes') !== undefined && bytes(num(value, 'bytes')!), str(value, 'status'));
    case 'upload':
      return facts(str(value, 'filename'), str(value, 'purpose'), num(value, 'bytes') !== undefined && bytes(num(value, 'bytes')!), str(value, 'status'));
    case 'upload.part':
      return 'upload part';
    case 'batch':
      return facts(str(value, 'status'), str(value, 'endpoint'), countsLine(value.request_counts));
    case 'fine_tuning.job':
      return facts(str(value, 'model'), str(value, 'status'), str(value, 'fine_tuned_model') && `→ ${str(value, 'fine_tuned_model')}`);
    case 'fine_tuning.job.event':
      return facts(str(value, 'level'), str(value, 'message') && excerpt(str(value, 'message')!));
    case 'fine_tuning.job.checkpoint':
      return facts(str(value, 'fine_tuned_model_checkpoint'), num(value, 'step_number') !== undefined && `step ${num(value, 'step_number')}`);
    case 'model':
      return facts(str(value, 'id'), str(value, 'owned_by') && `owned by ${str(value, 'owned_by')}`);
    case 'vector_store':
      return facts(str(value, 'name') && excerpt(str(value, 'name')!), str(value, 'status'), countsLine(value.file_counts), num(value, 'usage_bytes') !== undefined && bytes(num(value, 'usage_bytes')!));
    case 'vector_store.file':
      return facts(str(value, 'status'), num(value, 'usage_bytes') !== undefined && bytes(num(value, 'usage_bytes')!), isObject(value.last_error) && `error ${str(value.last_error, 'message') ?? ''}`);
    case 'vector_store.file_batch':
      return facts(str(value, 'status'), countsLine(value.file_counts));
    case 'vector_store.search_results.page':
      return plural(asArray(value.data).length, 'result');
    case 'assistant':
      return facts(str(value, 'name') && excerpt(str(value, 'name')!), str(value, 'model'), plural(asArray(value.tools).length, 'tool'));
    case 'thread':
      return 'thread';
    case 'thread.message': {
      const text = asArray(value.content)
        .map((part) => str(asObject(part).text, 'value') ?? str(part, 'text') ?? '')
        .join(' ');
      return facts(str(value, 'role'), text && excerpt(text), str(value, 'status'));
    }
    case 'thread.run':
      return facts(str(value, 'status'), str(value, 'model'), usageLine(tokenUsage(value.usage)), isObject(value.last_error) && `error ${str(value.last_error, 'message') ?? ''}`);
    case 'thread.run.step':
      return facts(str(asObject(value.step_details), 'type') ?? str(value, 'type'), str(value, 'status'));
    case 'conversation':
      return 'conversation';
    case 'conversation.item':
    case 'message':
      return facts(str(value, 'type'), str(value, 'role'));
    case 'realtime.session':
    case 'realtime.transcription_session':
      return facts(str(value, 'model'), asArray(value.modalities).join('+'), str(value, 'voice'));
    case 'response.input_tokens':
      return num(value, 'input_tokens') !== undefined ? `${num(value, 'input_tokens')} input tokens` : undefined;
    default:
      return undefined;
  }
}

const NOUNS: Partial<Record<EndpointKind, [string, string]>> = {
  files: ['file', 'files'],
  batches: ['batch', 'batches'],
  'fine-tuning': ['item', 'items'],
  'vector-stores': ['item', 'items'],
  assistants: ['assistant', 'assistants'],
  messages: ['message', 'messages'],
  runs: ['run', 'runs'],
  'run-steps': ['step', 'steps'],
  conversations: ['item', 'items'],
  'response-items': ['item', 'items'],
  models: ['model', 'models'],
};

/** `{object: "list", data: [...]}`: the count, and the first item's line when there is one. */
function listFacts(kind: EndpointKind, value: unknown): EndpointFacts | undefined {
  if (!isObject(value) || !Array.isArray(value.data) || (value.object !== 'list' && value.object !== undefined)) return undefined;
  const [one, many] = NOUNS[kind] ?? ['item', 'items'];
  const data = value.data;
  const more = value.has_more === true ? ' (more on the next page)' : '';
  return { action: 'list', summary: `${plural(data.length, one, many)}${more}`, count: data.length };
}

/** A file's content (GET /files/<id>/content): its size, type and line count, never the bytes. */
function contentFacts({ body }: EndpointInput): EndpointFacts | undefined {
  if (body.kind === 'binary') return { summary: facts(body.contentType, bytes(body.bytes.length)) };
  const text = body.kind === 'text' || body.kind === 'json' ? body.text : body.kind === 'empty' ? '' : undefined;
  if (text === undefined) return undefined;
  const lines = text.split('\n').filter((l) => l.trim() !== '').length;
  return { summary: facts(body.kind === 'text' ? body.contentType : 'application/json', bytes(Buffer.byteLength(text)), plural(lines, 'line')), count: lines };
}

/** A resource route: lists, objects, deletions; `item` is true when the path names one resource. */
function resource(kind: EndpointKind, path: RegExp): Endpoint {
  return {
    provider: 'openai',
    kind,
    path,
    summarize(input) {
      const action = defaultAction(input.request.method, input.request.url.pathname);
      if (action === 'content') return contentFacts(input);
      const deleted = deletedFacts(input.value);
      if (deleted) return deleted;
      const listed = listFacts(kind, input.value);
      if (listed) return listed;
      const line = describeObject(input.value);
      if (line === undefined) return undefined;
      const object = asObject(input.value).object;
      const model = str(input.value, 'model') ?? (object === 'model' ? str(input.value, 'id') : undefined) ?? null;
      const usage = object === 'thread.run' ? tokenUsage(asObject(input.value).usage) : undefined;
      return { action, summary: line, model, ...(usage ? { usage } : {}) };
    },
  };
}


const embeddings: Endpoint = {
  provider: 'openai',
  kind: 'embeddings',
  path: /\/embeddings$/,
  methods: ['POST'],
  summarize({ value, fields }) {
    const data = list(value, 'data');
    if (!data) return undefined;
    const vectors = vectorsFacts(data.map((item) => asObject(item).embedding));
    if (!vectors) return undefined;
    const usage = tokenUsage(asObject(value).usage);
    const model = str(value, 'model') ?? asString(fields.model) ?? null;
    return { model, summary: facts(model, vectors.line, usageLine(usage)), count: vectors.count, ...(usage ? { usage } : {}) };
  },
};

const images: Endpoint = {
  provider: 'openai',
  kind: 'images',
  path: /\/images\/(?<verb>generations|edits|variations)$/,
  methods: ['POST'],
  summarize({ value, fields, match }) {
    const data = list(value, 'data');
    if (!data) return undefined;
    const sizes = new Set<string>();
    let stored = 0;
    let urls = 0;
    for (const raw of data) {
      const item = asObject(raw);
      const b64 = asString(item.b64_json);
      if (b64 !== undefined) {
        stored += base64Size(b64);
        const size = pngSize(b64);
        if (size) sizes.add(size);
      } else if (asString(item.url) !== undefined) urls++;
      else return undefined;
    }
    const requested = str(value, 'size') ?? asString(fields.size);
    if (sizes.size === 0 && requested) sizes.add(requested);
    const usage = tokenUsage(asObject(value).usage);
    const model = asString(fields.model) ?? null;
    const verb = match.groups?.verb;
    const summary = facts(
      model,
      verb !== 'generations' && verb,
      plural(data.length, 'image'),
      [...sizes].join(', '),
      stored > 0 && `${bytes(stored)} base64`,
      urls > 0 && plural(urls, 'URL'),
      usageLine(usage),
    );
    return { action: 'create', model, summary, count: data.length, ...(usage ? { usage } : {}) };
  },
};

const speech: Endpoint = {
  provider: 'openai',
  kind: 'speech',
  path: /\/audio\/speech$/,
  methods: ['POST'],
  summarize({ body, fields }) {
    if (body.kind !== 'binary' && body.kind !== 'text') return undefined;
    const size = body.kind === 'binary' ? body.bytes.length : Buffer.byteLength(body.text);
    const input = asString(fields.input);
    const model = asString(fields.model) ?? null;
    const summary = facts(model, asString(fields.voice), input !== undefined && plural(input.length, 'character'), `${body.contentType || 'audio'} ${bytes(size)}`);
    return { action: 'create', model, summary };
  },
};

function transcription(kind: 'transcriptions' | 'translations'): Endpoint {
  return {
    provider: 'openai',
    kind,
    path: new RegExp(`/audio/${kind}$`),
    methods: ['POST'],
    summarize({ body, value, fields }) {
      const text = isObject(value) ? asString(value.text) : body.kind === 'text' ? body.text : undefined;
      if (text === undefined) return undefined;
      const model = asString(fields.model) ?? null;
      const file = asObject(fields.file);
      const raw = asObject(asObject(value).usage);
      const usage = raw.type === 'tokens' ? tokenUsage(raw) : undefined;
      const seconds = asNumber(raw.seconds) ?? asNumber(asObject(value).duration);
      const summary = facts(
        model,
        asString(file.filename) && `${asString(file.filename)} ${bytes(asNumber(file.bytes) ?? 0)}`,
        seconds !== undefined && `${seconds} s`,
        plural(text.length, 'character'),
        usageLine(usage),
      );
      return { action: 'create', model, summary, ...(usage ? { usage } : {}) };
    },
  };
}

const moderations: Endpoint = {
  provider: 'openai',
  kind: 'moderations',
  path: /\/moderations$/,
  methods: ['POST'],
  summarize({ value }) {
    const results = list(value, 'results');
    if (!results) return undefined;
    const flagged = results.filter((r) => asObject(r).flagged === true);
    const categories = new Set<string>();
    for (const r of flagged) for (const [name, on] of Object.entries(asObject(asObject(r).categories))) if (on === true) categories.add(name);
    const model = str(value, 'model') ?? null;
    const verdict = flagged.length === 0 ? 'not flagged' : `${flagged.length} flagged${categories.size ? `: ${[...categories].join(', ')}` : ''}`;
    return { action: 'create', model, summary: facts(model, plural(results.length, 'input'), verdict), count: results.length };
  },
};

const inputTokens: Endpoint = {
  provider: 'openai',
  kind: 'count-tokens',
  path: /\/responses\/input_tokens$/,
  methods: ['POST'],
  summarize({ value, fields }) {
    const count = num(value, 'input_tokens');
    if (count === undefined) return undefined;
    return tokenCount(asString(fields.model) ?? null, count);
  },
};

const modelResource = resource('models', /\/models(?:\/(?<id>[^/]+))?$/);

/** Models: `{object: "list", data: [{object: "model"}]}` or one model; Anthropic's share the path. */
const models: Endpoint = {
  provider: 'openai',
  kind: 'models',
  path: /\/models(?:\/(?<id>[^/]+))?$/,
  methods: ['GET', 'DELETE'],
  summarize(input) {
    const { value } = input;
    const data = list(value, 'data');
    if (data && data.some((m) => asObject(m).type === 'model')) return undefined; // Anthropic's
    return modelResource.summarize(input);
  },
};

const organizationUsage: Endpoint = {
  provider: 'openai',
  kind: 'organization-usage',
  path: /\/organization\/(?<verb>costs|usage\/[a-z_]+)$/,
  methods: ['GET'],
  summarize({ value, match }) {
    const buckets = list(value, 'data');
    if (!buckets || asObject(value).object !== 'page') return undefined;
    const results = buckets.flatMap((b) => asArray(asObject(b).results));
    let summary = facts(match.groups!.verb!.replace('usage/', 'usage of '), plural(buckets.length, 'bucket'), plural(results.length, 'result'));
    if (match.groups!.verb === 'costs') {
      const usd = results.reduce<number>((sum, r) => sum + (asNumber(asObject(asObject(r).amount).value) ?? 0), 0);
      summary = facts(summary, `$${usd.toFixed(4)}`);
    }
    return { action: 'list', summary, count: results.length };
  },
};

export const OPENAI_ENDPOINTS: Endpoint[] = [
  embeddings,
  images,
  speech,
  transcription('transcriptions'),
  transcription('translations'),
  moderations,
  inputTokens,
  models,
  resource('vector-stores', /\/vector_stores(?:\/(?<id>[^/]+)(?:\/(?:files|file_batches)(?:\/[^/]+)?)*(?:\/(?<verb>search|cancel|content|files))?)?$/),
  resource('files', /\/files(?:\/(?<id>[^/]+)(?:\/content)?)?$/),
  resource('uploads', /\/uploads(?:\/(?<id>[^/]+)(?:\/(?<verb>parts|complete|cancel))?)?$/),
  resource('batches', /\/batches(?:\/(?<id>[^/]+)(?:\/(?<verb>cancel))?)?$/),
  resource('fine-tuning', /\/fine_tuning\/jobs(?:\/(?<id>[^/]+)(?:\/(?<verb>cancel|events|checkpoints|pause|resume))?)?$/),
  resource('assistants', /\/assistants(?:\/(?<id>[^/]+))?$/),
  resource('run-steps', /\/threads\/[^/]+\/runs\/[^/]+\/steps(?:\/(?<id>[^/]+))?$/),
  resource('runs', /\/threads\/(?:[^/]+\/)?runs(?:\/(?<id>[^/]+)(?:\/(?<verb>cancel|submit_tool_outputs))?)?$/),
  resource('messages', /\/threads\/[^/]+\/messages(?:\/(?<id>[^/]+))?$/),
  resource('threads', /\/threads(?:\/(?<id>[^/]+))?$/),
  resource('conversations', /\/conversations(?:\/(?<id>[^/]+)(?:\/items(?:\/[^/]+)?)?)?$/),
  // A stored response deleted (`response.deleted`); retrieving one is the openai-responses dialect's.
  { ...resource('responses', /\/responses\/(?<id>[^/]+)$/), methods: ['DELETE'] },
  resource('response-items', /\/responses\/[^/]+\/input_items$/),
  resource('realtime-sessions', /\/realtime\/(?:sessions|transcription_sessions|client_secrets)$/),
  organizationUsage,
];
