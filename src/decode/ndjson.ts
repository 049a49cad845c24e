// Newline-delimited JSON (application/x-ndjson: Ollama's native streams): one JSON value a line.
// Decoded as a `json` body whose value is the list of lines, so every reader of JSON bodies
// (show --json, diff, raw view) shows it without a kind of its own. A line that does not parse
// (a recording cut mid-line) stays in the list as its raw string: it is never silently dropped.

import type { DecodedBody } from './types.ts';

export const NDJSON_TYPES = new Set(['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines']);

export function decodeNdjson(text: string): DecodedBody {
  const value: unknown[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    try {
      value.push(JSON.parse(trimmed));
    } catch {
      value.push(trimmed);
    }
  }
  return { kind: 'json', value, text };
}
