// Reassembly does not depend on how a stream was cut: re-cut real Chat Completions streams
// (runs of content deltas merged, then content, reasoning and tool-argument deltas split at random
// points, events re-serialized over several data lines) and the final message is the same.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeInteraction, type AnalyzedInteraction } from '../../src/interpret/index.ts';
import type { LlmResponse } from '../../src/interpret/types.ts';
import { analyzeFile } from '../helpers/analyze.ts';
import { corpusFiles, sample } from '../helpers/paths.ts';

type Json = Record<string, any>;

async function chatStreams(): Promise<AnalyzedInteraction[]> {
  const files = [sample('openai-chat-tools-stream.yaml'), sample('openai-chat-reasoning-stream.yaml'), ...corpusFiles('fantasy/TestOpenAICompatibleCommon')];
  const streams: AnalyzedInteraction[] = [];
  for (const file of files) {
    for (const item of (await analyzeFile(file)).interactions) {
      if (item.llm?.provider === 'openai-chat' && item.responseBody.kind === 'sse') streams.push(item);
    }
  }
  return streams;
}

/** Splits `text` at the given points (taken modulo its length): 1 to cuts.length + 1 pieces. */
function splitAt(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of [...points, text.length]) {
    pieces.push(text.slice(from, point));
    from = point;
  }
  return pieces.filter((piece, i) => piece !== '' || i === 0);
}

const STRING_FIELDS = ['content', 'reasoning_content', 'reasoning'];

/** One chunk → several: each string delta field and each tool call's arguments re-split. */
function recutChunk(chunk: Json, cuts: number[]): Json[] {
  const choice = chunk.choices?.[0];
  const delta = choice?.delta;
  if (!delta || chunk.choices.length !== 1) return [chunk];
  const field = STRING_FIELDS.find((f) => typeof delta[f] === 'string' && delta[f].length > 1);
  if (field) {
    return splitAt(delta[field], cuts).map((piece, i, all) => ({
      ...chunk,
      choices: [{ ...choice, delta: { ...delta, [field]: piece }, finish_reason: i === all.length - 1 ? choice.finish_reason : null }],
      ...(i === all.length - 1 ? {} : { usage: undefined }),
    }));
  }
  const calls = delta.tool_calls;
  if (Array.isArray(calls) && calls.length === 1 && typeof calls[0].function?.arguments === 'string' && calls[0].function.arguments.length > 1) {
    const call = calls[0];
    return splitAt(call.function.arguments, cuts).map((piece, i, all) => {
      const fn = i === 0 ? { ...call.function, arguments: piece } : { arguments: piece };
      const part = i === 0 ? { ...call, function: fn } : { index: call.index, function: fn };
      return {
        ...chunk,
        choices: [{ ...choice, delta: { ...delta, tool_calls: [part] }, finish_reason: i === all.length - 1 ? choice.finish_reason : null }],
        ...(i === all.length - 1 ? {} : { usage: undefined }),
      };
    });
  }
  return [chunk];
}

/** A chunk whose only news is text content (what most of a stream is). */
function contentOnly(chunk: Json | string): chunk is Json {
  if (typeof chunk === 'string' || chunk.choices?.length !== 1 || chunk.usage || chunk.x_groq?.usage) return false;
  const { delta, finish_reason: finish } = chunk.choices[0];
  return !finish && typeof delta?.content === 'string' && Object.keys(delta).every((k) => k === 'content' || k === 'role');
}

/** Consecutive content-only chunks become one, so that splitting can re-cut across old boundaries. */
function mergeContent(chunks: (Json | string)[]): (Json | string)[] {
  const merged: (Json | string)[] = [];
  for (const chunk of chunks) {
    const last = merged[merged.length - 1];
    if (last !== undefined && contentOnly(last) && contentOnly(chunk)) {
      const delta = { ...last.choices[0].delta, content: last.choices[0].delta.content + chunk.choices[0].delta.content };
      merged[merged.length - 1] = { ...last, choices: [{ ...last.choices[0], delta }] };
    } else merged.push(chunk);
  }
  return merged;
}

function recut(item: AnalyzedInteraction, cuts: number[]): LlmResponse {
  if (item.responseBody.kind !== 'sse') throw new Error('not a stream');
  // Unparsable events and [DONE] stay as they are (strings).
  const chunks = item.responseBody.events.map((event): Json | string => {
    try {
      return JSON.parse(event.data) as Json;
    } catch {
      return event.data;
    }
  });
  const text = mergeContent(chunks)
    .flatMap((chunk) => (typeof chunk === 'string' ? [`data: ${chunk}\n\n`] : recutChunk(chunk, cuts).map(
      // Pretty-printed JSON over several `data:` lines: the SSE parser joins them with newlines.
      (c) => `${JSON.stringify(c, null, 1).split('\n').map((l) => `data: ${l}`).join('\n')}\n\n`,
    )))
    .join('');
  const { interaction } = item;
  return analyzeInteraction({ ...interaction, response: { ...interaction.response, body: text } }).llm!.response;
}

const withoutEvents = ({ events: _events, ...rest }: LlmResponse) => rest;

test('property: Chat streams re-cut at random points reassemble to the same final message', async () => {
  const streams = await chatStreams();
  assert.ok(streams.length >= 2);
  fc.assert(
    fc.property(fc.nat({ max: streams.length - 1 }), fc.array(fc.nat({ max: 400 }), { minLength: 1, maxLength: 4 }), (which, cuts) => {
      const item = streams[which]!;
      assert.deepEqual(withoutEvents(recut(item, cuts)), withoutEvents(item.llm!.response));
    }),
    { numRuns: 150 },
  );
});

test('re-cutting really changes the stream (the property is not vacuous)', async () => {
  const [item] = await chatStreams();
  const again = recut(item!, [1, 2, 3]);
  assert.notEqual(again.events, item!.llm!.response.events);
  assert.deepEqual(again.toolCalls, item!.llm!.response.toolCalls);
});
