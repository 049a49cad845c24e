import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeFile, exchangesOf } from '../helpers/analyze.ts';
import { corpusFile, corpusFiles, sample, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';
import { chunkInnerText, decodeEventStream, eventStreamCodec } from '../../src/decode/event-stream.ts';
import { decodeBody } from '../../src/decode/index.ts';
import type { DecodedBody } from '../../src/decode/types.ts';
import { bedrock } from '../../src/interpret/bedrock.ts';
import type { AnthropicEvent } from '../../src/interpret/anthropic-stream.ts';
import type { AnalyzedCassette } from '../../src/interpret/index.ts';
import type { HttpResponse } from '../../src/model.ts';
import { oracleMismatches, recutDeltas } from './anthropic-helpers.ts';

const STREAM_RESPONSE: HttpResponse = { status: 200, statusText: '200 OK', headers: { 'Content-Type': ['application/vnd.amazon.eventstream'] }, body: '' };

/** Frames the way Bedrock does: each event base64 in `{"bytes": …}` of a `chunk` event. */
function encodeChunks(events: AnthropicEvent[]): Uint8Array {
  const frames = events.map((event) =>
    eventStreamCodec.encode({
      headers: {
        ':event-type': { type: 'string', value: 'chunk' },
        ':content-type': { type: 'string', value: 'application/json' },
        ':message-type': { type: 'string', value: 'event' },
      },
      body: new TextEncoder().encode(JSON.stringify({ bytes: Buffer.from(JSON.stringify(event)).toString('base64'), p: 'abcdef' })),
    }),
  );
  return new Uint8Array(Buffer.concat(frames));
}

function innerEvents(body: DecodedBody): AnthropicEvent[] {
  assert.equal(body.kind, 'event-stream');
  return body.kind === 'event-stream' ? body.frames.map((f) => JSON.parse(chunkInnerText(f) ?? '{}') as AnthropicEvent) : [];
}

// ---- samples ---------------------------------------------------------------------------------

test('invoke-with-response-stream: chunks carry Anthropic events; then a plain invoke', async () => {
  const analyzed = await analyzeFile(sample('bedrock-stream.yaml'));
  const body = analyzed.interactions[0]!.responseBody;
  assert.equal(body.kind === 'event-stream' && body.frames.length, 13);
  assert.equal(body.kind === 'event-stream' && body.error, undefined);
  const [streamed, plain] = analyzed.interactions.map((i) => i.llm!);
  assert.equal(streamed!.provider, 'bedrock');
  assert.equal(streamed!.host, 'bedrock-runtime.us-east-1.amazonaws.com');
  assert.equal(streamed!.request.model, 'us.anthropic.claude-haiku-4-5-20251001-v1:0');
  assert.equal(streamed!.request.stream, true);
  assert.equal(streamed!.request.system, 'Use tools for arithmetic.');
  assert.deepEqual(streamed!.response, {
    id: 'msg_bdrk_01Kq7Wm3Zt9Xb2Nc5Vr8Hj4L',
    model: 'claude-haiku-4-5-20251001',
    text: 'Let me convert that.',
    reasoning: '',
    toolCalls: [{ id: 'toolu_bdrk_01Cv4Tn8Qx2Lm6Wb9Rz3Kd7', name: 'convert_units', arguments: { value: 12, from: 'mi', to: 'km' } }],
    finishReason: 'tool_use',
    usage: { inputTokens: 618, outputTokens: 71, cacheReadTokens: 0, cacheWriteTokens: 0 },
    events: 13,
  });
  assert.equal(plain!.request.stream, false);
  assert.equal(plain!.request.messages[2]!.role, 'tool');
  assert.equal(plain!.response.text, '12 miles is about 19.31 km.');
  assert.deepEqual(plain!.response.usage, { inputTokens: 712, outputTokens: 18, cacheReadTokens: 0, cacheWriteTokens: 0 });
  assert.equal(plain!.response.events, 0);
});

test('exception frame inside the stream; HTTP error typed by x-amzn-ErrorType', async () => {
  const [throttled, invalid] = await exchangesOf(sample('bedrock-errors.yaml'));
  assert.deepEqual(throttled!.response.error, { type: 'throttlingException', message: 'Too many tokens, please wait before trying again.' });
  assert.equal(throttled!.response.text, 'Let me');
  assert.equal(throttled!.response.incomplete, undefined);
  assert.deepEqual(invalid!.response.error, {
    type: 'ValidationException',
    message: 'max_tokens: 999999 > 64000, which is the maximum allowed number of output tokens for claude-haiku-4-5-20251001',
  });
});

test('matches Anthropic models on invoke URLs only', () => {
  const info = (path: string, body: unknown = {}) => ({
    method: 'POST',
    url: new URL(`https://bedrock-runtime.us-east-1.amazonaws.com${path}`),
    body: decodeBody({ 'Content-Type': ['application/json'] }, JSON.stringify(body)),
  });
  assert.equal(bedrock.matches(info('/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke')), true);
  assert.equal(bedrock.matches(info('/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A1%3Aapplication-inference-profile%2Fabc/invoke', { anthropic_version: 'bedrock-2023-05-31' })), true);
  assert.equal(bedrock.matches(info('/model/meta.llama3-70b-instruct-v1%3A0/invoke', { prompt: 'hi' })), false);
  assert.equal(bedrock.matches(info('/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse')), false);
  assert.equal(bedrock.readRequest(info('/model/bad%E0%A4%A/invoke', { anthropic_version: 'x' })).model, 'bad%E0%A4%A');
});

// ---- the corpus ------------------------------------------------------------------------------

test('hand-checked: TestBedrockCommon/bedrock-anthropic-claude-sonnet-4-5/tool_streaming', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const [first, second] = await exchangesOf(corpusFile('fantasy', 'TestBedrockCommon', 'bedrock-anthropic-claude-sonnet-4-5', 'tool_streaming.yaml'));
  assert.equal(first!.request.model, 'us.anthropic.claude-sonnet-4-5-20250929-v1:0');
  assert.deepEqual(first!.response, {
    id: 'msg_bdrk_01Ux65kdHoC23qJYeB98HG5N',
    model: 'claude-sonnet-4-5-20250929',
    text: '',
    reasoning: '',
    toolCalls: [{ id: 'toolu_bdrk_018dfpvS9zVjdozFjuwZf5cx', name: 'weather', arguments: { location: 'Florence,Italy' } }],
    finishReason: 'tool_use',
    usage: { inputTokens: 577, outputTokens: 53, cacheReadTokens: 0, cacheWriteTokens: 0 },
    events: 11,
  });
  assert.equal(second!.response.events, 23);
  assert.ok(second!.response.text.startsWith('The weather in Florence, Italy is currently **40°C** (104°F).'));
  assert.deepEqual(second!.response.usage, { inputTokens: 646, outputTokens: 55, cacheReadTokens: 0, cacheWriteTokens: 0 });
});

const bedrockCorpus: AnalyzedCassette[] = [];

test('corpus sweep: every invoke call is interpreted, non-empty, and passes the oracle', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  for (const file of corpusFiles()) if (/TestBedrock/.test(file)) bedrockCorpus.push(await analyzeFile(file));
  const problems: string[] = [];
  let streamed = 0;
  for (const cassette of bedrockCorpus) {
    for (const item of cassette.interactions) {
      const where = `${cassette.cassette.file}#${item.interaction.index}`;
      if (item.llm?.provider !== 'bedrock') problems.push(`${where} not bedrock`);
      else {
        const r = item.llm.response;
        if (!r.text && !r.reasoning && r.toolCalls.length === 0) problems.push(`${where} empty`);
        if (r.incomplete || r.error) problems.push(`${where} incomplete or error`);
      }
      if (item.responseBody.kind === 'event-stream') streamed++;
    }
    problems.push(...oracleMismatches(cassette, 'bedrock'));
  }
  assert.deepEqual(problems, []);
  assert.equal(streamed, 20);
});

// ---- properties --------------------------------------------------------------------------------

test('property: the same events re-framed, with deltas cut differently, give the same response', async () => {
  const own = await analyzeFile(sample('bedrock-stream.yaml'));
  const streams = [own, ...bedrockCorpus].flatMap((c) =>
    c.interactions.filter((i) => i.responseBody.kind === 'event-stream').map((i) => ({ events: innerEvents(i.responseBody), response: i.llm!.response, diagnostics: i.diagnostics })),
  );
  // Re-encoding the very same events gives back the recorded response, event count included.
  // (analyze moved the diagnostics to the interaction: compare them there.)
  for (const { events, response, diagnostics } of streams) {
    const { diagnostics: again = [], ...rest } = bedrock.readResponse(decodeEventStream(encodeChunks(events)), STREAM_RESPONSE, own.interactions[0]!.llm!.request);
    assert.deepEqual(rest, response);
    assert.deepEqual(again, diagnostics);
  }
  fc.assert(
    fc.property(fc.nat(streams.length - 1), fc.array(fc.nat(), { minLength: 1, maxLength: 64 }), (which, cuts) => {
      const { events, response } = streams[which]!;
      const recut = recutDeltas(events, cuts);
      const { diagnostics: _, ...again } = bedrock.readResponse(decodeEventStream(encodeChunks(recut)), STREAM_RESPONSE, own.interactions[0]!.llm!.request);
      assert.deepEqual({ ...again, events: 0 }, { ...response, events: 0 });
      assert.equal(again.events, recut.length);
    }),
    { numRuns: 40 },
  );
});

test('property: a corrupted or cut frame is an error, not a crash; earlier frames are kept', async () => {
  const own = await analyzeFile(sample('bedrock-stream.yaml'));
  const events = innerEvents(own.interactions[0]!.responseBody);
  const frames = events.map((e) => encodeChunks([e]));
  const bytes = new Uint8Array(Buffer.concat(frames));
  const starts = frames.reduce<number[]>((acc, f, i) => [...acc, (acc[i] ?? 0) + f.length], [0]);
  const frameAt = (offset: number) => starts.findIndex((s, i) => offset >= s && offset < starts[i + 1]!);
  fc.assert(
    fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), fc.boolean(), (offset, flip, cut) => {
      const broken = cut ? bytes.slice(0, offset) : bytes.slice();
      if (!cut) broken[offset]! ^= flip;
      const decoded = decodeEventStream(broken);
      if (cut && starts.includes(offset)) {
        // Cut on a frame boundary: a shorter, valid stream (or nothing at all).
        if (offset === 0) assert.equal(decoded.kind, 'empty');
        else assert.deepEqual(decoded.kind === 'event-stream' && [decoded.frames.length, decoded.error], [frameAt(offset), undefined]);
        return;
      }
      assert.equal(decoded.kind, 'event-stream');
      if (decoded.kind !== 'event-stream') return;
      assert.ok(decoded.error, 'an error is reported');
      assert.equal(decoded.frames.length, frameAt(offset), decoded.error);
      const response = bedrock.readResponse(decoded, STREAM_RESPONSE, own.interactions[0]!.llm!.request);
      assert.equal(response.error?.type, 'event_stream_error');
    }),
    { numRuns: 200 },
  );
});
