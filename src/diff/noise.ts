// What changes on every recording without changing meaning: ids, timestamps, durations, rate-limit
// and tracing headers, signatures and encrypted reasoning. `--strict` turns all of this off.

import { isObject } from '../interpret/json-access.ts';
import { CREDENTIAL_HEADERS } from '../http/credential-headers.ts';

const VOLATILE_HEADERS = new Set([
  'date',
  'age',
  'expires',
  'etag',
  'last-modified',
  'via',
  'content-length',
  'server-timing',
  'alt-svc',
  'report-to',
  'nel',
  'retry-after',
  'traceparent',
  'tracestate',
  'cf-ray',
  'cf-cache-status',
  'openai-processing-ms',
  'x-envoy-upstream-service-time',
  'x-groq-region',
  'idempotency-key',
  // The recording client's version and platform, not the call: they change with every SDK bump.
  'user-agent',
  'x-goog-api-client',
  // Credentials (the headers scrub replaces): scrubbed or not, their value is not the meaning.
  ...CREDENTIAL_HEADERS.keys(),
]);

const VOLATILE_HEADER_PATTERNS = [
  /ratelimit/, // x-ratelimit-*, anthropic-ratelimit-*, ratelimit-policy
  /(^|-)request-?id$/, // request-id, x-request-id, x-amzn-requestid
  /^x-.*-id$/, // x-…-id style: x-vercel-id, x-cloud-trace-id, anthropic's organization id
  /^x-amzn?-/, // AWS request ids, dates and signatures
  /^amz-sdk-/,
  /trace/,
  /(^|-)(time|ms|duration)$/, // req-cost-time, processing durations
  /^x-stainless-/, // the OpenAI/Anthropic SDKs' os, arch, runtime and retry headers
];

/** Is this header (any case) one that differs between recordings of the same call? */
export function isVolatileHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return VOLATILE_HEADERS.has(lower) || VOLATILE_HEADER_PATTERNS.some((pattern) => pattern.test(lower));
}

const VOLATILE_QUERY = /^(key|api[-_]?key|access_token|token|sig|signature|timestamp|nonce|x-amz-.*)$/i;

/** Query keys that carry credentials or per-request values, not a different request. */
export function isVolatileQueryKey(key: string): boolean {
  return VOLATILE_QUERY.test(key);
}

const TIMESTAMP_KEYS = new Set(['created', 'created_at', 'createdAt', 'completed_at', 'expires_at', 'started_at', 'finished_at', 'timestamp']);
const OPAQUE_KEYS = new Set([
  'system_fingerprint',
  'systemFingerprint',
  'signature',
  'encrypted_content',
  'encryptedContent',
  'thoughtSignature',
  'thought_signature',
]);
const DURATION_KEY = /(^|_)(duration|time)$|_ms$|Duration$/;
const ID_KEY = /^id$|_id$|Id$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i;
/** A run of 10+ letters and digits that mixes both: chatcmpl-…, msg_01…, req_…, call_…. */
const GENERATED_RUN = /(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{10,}/;

/** Does this value look generated per request (not a model name like gpt-4o-2024-08-06)? */
export function looksGenerated(value: string): boolean {
  return UUID.test(value) || GENERATED_RUN.test(value);
}

/** A key of a raw JSON body whose value is per-recording noise. */
export function isVolatileKey(key: string, value: unknown): boolean {
  if (OPAQUE_KEYS.has(key)) return typeof value === 'string' || value === null;
  if (TIMESTAMP_KEYS.has(key)) return typeof value === 'number' || typeof value === 'string';
  if (DURATION_KEY.test(key)) return typeof value === 'number';
  if (ID_KEY.test(key)) return typeof value === 'string' && looksGenerated(value);
  return false;
}

/** A copy of a raw JSON value without its volatile keys, at any depth. */
export function withoutNoise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNoise);
  if (!isObject(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (!isVolatileKey(key, child)) result[key] = withoutNoise(child);
  }
  return result;
}
