// Anthropic API endpoints that are not a chat turn: /v1/messages/count_tokens, /v1/models,
// Message Batches (/v1/messages/batches, with their JSONL results) and Files (/v1/files).
// Objects carry `type` (`model`, `message_batch`, `file`, `*_deleted`), which tells them from
// OpenAI's (`object`) on the paths they share.

import { asObject, asString, isObject } from '../json-access.ts';
import { bytes, facts, num, plural, str, tokenCount } from './describe.ts';
import type { Endpoint, EndpointFacts } from './types.ts';

/** `{data: [{type: …}], has_more, first_id, last_id}`: Anthropic's lists have no `object`. */
function listFacts(value: unknown, type: string, noun: string, nouns = `${noun}s`): EndpointFacts | undefined {
  if (!isObject(value) || value.object !== undefined || !Array.isArray(value.data) || !('has_more' in value)) return undefined;
  if (!value.data.every((item) => asObject(item).type === type)) return undefined;
  const more = value.has_more === true ? ' (more on the next page)' : '';
  return { action: 'list', summary: `${plural(value.data.length, noun, nouns)}${more}`, count: value.data.length };
}

const deleted = (value: unknown, type: string): EndpointFacts | undefined =>
  asObject(value).type === `${type}_deleted` ? { action: 'delete', summary: 'deleted' } : undefined;

const countTokens: Endpoint = {
  provider: 'anthropic',
  kind: 'count-tokens',
  path: /\/v1\/messages\/count_tokens$/,
  methods: ['POST'],
  summarize({ value, fields }) {
    const count = num(value, 'input_tokens');
    if (count === undefined) return undefined;
    return tokenCount(asString(fields.model) ?? null, count);
  },
};

const models: Endpoint = {
  provider: 'anthropic',
  kind: 'models',
  path: /\/v1\/models(?:\/(?<id>[^/]+))?$/,
  methods: ['GET'],
  summarize({ value }) {
    const listed = listFacts(value, 'model', 'model');
    if (listed) return listed;
    if (asObject(value).type !== 'model') return undefined;
    return { action: 'retrieve', model: str(value, 'id') ?? null, summary: facts(str(value, 'id'), str(value, 'display_name')) };
  },
};

/** `{processing, succeeded, errored, canceled, expired}` → `2 succeeded, 1 errored`. */
function batchCounts(raw: unknown): string {
  return Object.entries(asObject(raw))
    .filter(([, n]) => typeof n === 'number' && n > 0)
    .map(([name, n]) => `${n} ${name}`)
    .join(', ');
}

const batches: Endpoint = {
  provider: 'anthropic',
  kind: 'batches',
  path: /\/v1\/messages\/batches(?:\/(?<id>[^/]+)(?:\/(?<verb>cancel|results))?)?$/,
  summarize({ value, body, match }) {
    if (match.groups?.verb === 'results') {
      // JSONL: one `{custom_id, result: {type}}` per line.
      const text = body.kind === 'text' || body.kind === 'json' ? body.text : undefined;
      if (text === undefined) return undefined;
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      return { action: 'content', summary: plural(lines.length, 'result'), count: lines.length };
    }
    const gone = deleted(value, 'message_batch');
    if (gone) return gone;
    const listed = listFacts(value, 'message_batch', 'batch', 'batches');
    if (listed) return listed;
    if (asObject(value).type !== 'message_batch') return undefined;
    return { action: match.groups?.verb === 'cancel' ? 'cancel' : undefined, summary: facts(str(value, 'processing_status'), batchCounts(asObject(value).request_counts)) };
  },
};

const files: Endpoint = {
  provider: 'anthropic',
  kind: 'files',
  path: /\/v1\/files(?:\/(?<id>[^/]+)(?:\/(?<verb>content))?)?$/,
  summarize({ value, match }) {
    if (match.groups?.verb === 'content') return undefined; // raw bytes: OpenAI's reader names them
    const gone = deleted(value, 'file');
    if (gone) return gone;
    const listed = listFacts(value, 'file', 'file');
    if (listed) return listed;
    if (asObject(value).type !== 'file') return undefined;
    const size = num(value, 'size_bytes');
    return { summary: facts(str(value, 'filename'), str(value, 'mime_type'), size !== undefined && bytes(size)) };
  },
};

export const ANTHROPIC_ENDPOINTS: Endpoint[] = [countTokens, models, batches, files];
