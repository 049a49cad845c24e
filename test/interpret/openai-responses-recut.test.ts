// Re-cut streams: the same answer whatever the chunking. Samples always, the corpus when present.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createParser } from 'eventsource-parser';
import { analyzeFile } from '../helpers/analyze.ts';
import { sample, corpusFiles } from '../helpers/paths.ts';
import { openaiResponses } from '../../src/interpret/openai-responses.ts';
import type { DecodedBody, SseEvent } from '../../src/decode/types.ts';
import { parseSse } from '../../src/decode/sse.ts';
import type { Interaction } from '../../src/model.ts';
import type { LlmResponse } from '../../src/interpret/types.ts';

/** The SSE bodies of this dialect's streams. */
async function sseBodies(): Promise<{ body: string; response: Interaction['response'] }[]> {
  const files = [
    sample('openai-responses-tools-stream.yaml'),
    sample('openai-responses-errors.yaml'),
    ...corpusFiles().filter((file) => readFileSync(file, 'utf8').includes('/responses')),
  ];
  const items = (await Promise.all(files.map(analyzeFile))).flatMap((analyzed) => analyzed.interactions);
  return items
    .filter((item) => item.llm?.provider === 'openai-responses' && item.responseBody.kind === 'sse')
    .map((item) => ({ body: String(item.interaction.response.body), response: item.interaction.response }));
}
const streams = await sseBodies();

function read(events: SseEvent[], response: Interaction['response']): LlmResponse {
  const body: DecodedBody = { kind: 'sse', events, text: '' };
  const request = { model: null, system: null, messages: [], tools: [], stream: true };
  return openaiResponses.readResponse(body, response, request);
}

/** The SSE text as UTF-8 bytes, fed to the parser in chunks of the given sizes (used in turn). */
function chunkedEvents(body: string, sizes: number[]): SseEvent[] {
  const bytes = new TextEncoder().encode(body);
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  const parser = createParser({ onEvent: (m) => events.push({ data: m.data, ...(m.event ? { event: m.event } : {}) }) });
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    parser.feed(decoder.decode(bytes.subarray(at, at + size), { stream: true }));
    at += size;
  }
  parser.reset({ consume: true });
  return events;
}

test('re-cut: the SSE text fed to the parser in random byte chunks gives the same response', () => {
  assert.ok(streams.length >= 5);
  const which = fc.integer({ min: 0, max: streams.length - 1 });
  const sizes = fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 30 });
  fc.assert(
    fc.property(which, sizes, (index, chunkSizes) => {
      const { body, response } = streams[index]!;
      assert.deepEqual(read(chunkedEvents(body, chunkSizes), response), read(parseSse(body), response));
    }),
    { numRuns: 60 },
  );
});

type Json = Record<string, unknown>;
const DELTAS = new Set(['response.output_text.delta', 'response.function_call_arguments.delta', 'response.reasoning_summary_text.delta']);
const OVERWRITES = new Set([
  'response.output_text.done',
  'response.function_call_arguments.done',
  'response.reasoning_summary_text.done',
  'response.reasoning_summary_part.done',
  'response.content_part.done',
]);

/** Hosted tool items: what they did (query, results, tools listed) arrives only when done. */
const HOSTED = new Set(['web_search_call', 'file_search_call', 'mcp_list_tools', 'mcp_call', 'code_interpreter_call', 'image_generation_call']);

/**
 * Only the deltas build the answer: `*.done` events and the final output are dropped (hosted tool
 * items stay), and each delta is split or merged with the one before it as `cuts` says.
 */
function deltasOnly(events: Json[], cuts: number[]): Json[] {
  let c = 0;
  const next = () => cuts[c++ % cuts.length]!;
  const out: Json[] = [];
  for (const event of events) {
    const type = String(event.type);
    if (OVERWRITES.has(type)) continue;
    if (type === 'response.output_item.done' && !HOSTED.has(String((event.item as Json).type))) continue;
    if (type === 'response.completed') {
      out.push({ ...event, response: { ...(event.response as Json), output: [] } });
      continue;
    }
    if (!DELTAS.has(type)) {
      out.push(event);
      continue;
    }
    const previous = out.at(-1);
    const sameTarget = (a: Json, b: Json) => ['type', 'output_index', 'content_index', 'summary_index'].every((k) => a[k] === b[k]);
    if (previous && sameTarget(previous, event) && next() % 2 === 0) {
      previous.delta = String(previous.delta) + String(event.delta);
      continue;
    }
    let rest = String(event.delta);
    while (rest.length > 1 && next() % 3 === 0) {
      const at = 1 + (next() % (rest.length - 1));
      out.push({ ...event, delta: rest.slice(0, at) });
      rest = rest.slice(at);
    }
    out.push({ ...event, delta: rest });
  }
  return out;
}

function finalOutputBackfills(body: string): boolean {
  const events = parseSse(body).map((e) => JSON.parse(e.data) as Json);
  const done = events.filter((e) => e.type === 'response.output_item.done').map((e) => e.item as Json);
  const final = (events.find((e) => e.type === 'response.completed')?.response as Json | undefined)?.output;
  const hosted = (items: Json[]) => JSON.stringify(items.filter((item) => HOSTED.has(String(item.type))));
  return Array.isArray(final) && final.length > 0 && hosted(final as Json[]) !== hosted(done);
}

test('re-cut: deltas alone, split and merged at random, build what the done events say', () => {
  // Left out: streams whose final output says more about a hosted item than its done event did
  // (a server backfilling MCP tool lists): dropping that output loses it, by construction.
  const complete = streams.filter((s) => s.body.includes('response.completed') && !finalOutputBackfills(s.body));
  assert.ok(complete.length >= 2);
  const which = fc.integer({ min: 0, max: complete.length - 1 });
  fc.assert(
    fc.property(which, fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (index, cuts) => {
      const { body, response } = complete[index]!;
      const original = parseSse(body);
      const json = original.map((e) => JSON.parse(e.data) as Json);
      const recut = deltasOnly(json, cuts).map((e) => ({ event: String(e.type), data: JSON.stringify(e) }));
      const { events: _a, ...expected } = read(original, response);
      const { events: _b, ...actual } = read(recut, response);
      assert.deepEqual(actual, expected);
    }),
    { numRuns: 60 },
  );
});

