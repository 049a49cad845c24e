import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createParser } from 'eventsource-parser';
import { exchangesOf, analyzeFile } from '../helpers/analyze.ts';
import { sample, corpusFile, corpusFiles, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';
import { analyzeInteraction } from '../../src/interpret/index.ts';
import { gemini, geminiUsage, reduceChunks } from '../../src/interpret/gemini.ts';
import { parseJsonPath } from '../../src/interpret/gemini-function-calls.ts';
import { eventJson } from '../../src/decode/sse.ts';
import type { LlmResponse, Message } from '../../src/interpret/types.ts';
import type { Interaction } from '../../src/model.ts';
import { checkOracle, lastAssistantTurn, oracleMismatch } from '../helpers/oracle.ts';

const API = 'https://generativelanguage.googleapis.com/v1beta/models';

function geminiInteraction(url: string, requestBody: unknown, responseBody: string, status = 200, contentType = 'application/json'): Interaction {
  return {
    index: 0,
    request: { method: 'POST', url, headers: { 'Content-Type': ['application/json'] }, body: JSON.stringify(requestBody) },
    response: { status, statusText: `${status}`, headers: { 'Content-Type': [contentType] }, body: responseBody },
  };
}

// ---- samples ---------------------------------------------------------------------------------

test('streamed text, then whole function calls; the next request re-sends them', async () => {
  const [first, second] = await exchangesOf(sample('gemini-tools-stream.yaml'));
  assert.equal(first!.provider, 'gemini');
  assert.equal(first!.host, 'generativelanguage.googleapis.com');
  assert.equal(first!.request.model, 'gemini-2.5-flash');
  assert.equal(first!.request.stream, true);
  assert.equal(first!.request.system, 'You are a concise travel assistant.');
  assert.deepEqual(first!.request.tools, [
    {
      name: 'get_weather',
      description: 'Current weather for a city',
      parameters: { type: 'OBJECT', properties: { city: { type: 'STRING' }, unit: { type: 'STRING', enum: ['celsius', 'fahrenheit'] } }, required: ['city'] },
    },
    { name: 'get_time', description: 'Local time in a city', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
  ]);
  const response = first!.response;
  assert.equal(response.text, 'Checking both for you: weather first, then time.');
  assert.deepEqual(response.toolCalls, [
    { id: null, name: 'get_weather', arguments: { city: 'Lisbon', unit: 'celsius' } },
    { id: null, name: 'get_time', arguments: { city: 'Lisbon' } },
  ]);
  assert.equal(response.finishReason, 'STOP');
  assert.equal(response.events, 4);
  assert.equal(response.id, 'tOoLs1StReAm');
  assert.deepEqual(response.usage, { inputTokens: 96, outputTokens: 41, totalTokens: 167, reasoningTokens: 30 });
  assert.equal(response.incomplete, undefined);

  assert.deepEqual(second!.request.messages.slice(1), [
    {
      role: 'assistant',
      content: [
        { type: 'text', text: 'Checking both for you: weather first, then time.' },
        // The signature is kept whole in the data, out of the text (abbreviated only when shown).
        { type: 'reasoning', text: '', signature: `CpoBAb4+9vtQ${'x'.repeat(120)}==` },
        { type: 'tool-call', id: null, name: 'get_weather', arguments: { city: 'Lisbon', unit: 'celsius' } },
        { type: 'tool-call', id: null, name: 'get_time', arguments: { city: 'Lisbon' } },
      ],
    },
    {
      role: 'tool',
      content: [
        { type: 'tool-result', toolCallId: null, name: 'get_weather', content: '{"temperature":21,"conditions":"sunny"}' },
        { type: 'tool-result', toolCallId: null, name: 'get_time', content: '{"output":"14:05"}' },
      ],
    },
  ]);
  assert.equal(second!.response.text, 'It is 21 °C and sunny in Lisbon, and the local time is 14:05.');
  assert.deepEqual(second!.response.usage, { inputTokens: 180, outputTokens: 19, totalTokens: 199 });
  assert.equal(oracleMismatch(first!, lastAssistantTurn(second!.request.messages)!.parts), undefined);
});

test('Vertex plain JSON: media summarized, structured output, cached tokens; a JSON array is a stream', async () => {
  const [json, array] = await exchangesOf(sample('gemini-json.yaml'));
  assert.equal(json!.host, 'us-central1-aiplatform.googleapis.com');
  assert.equal(json!.request.model, 'gemini-2.5-pro');
  assert.equal(json!.request.stream, false);
  assert.equal(json!.request.system, null);
  assert.deepEqual(json!.request.messages, [
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Describe this image as JSON.' },
        { type: 'image', mediaType: 'image/png', bytes: 70 },
        { type: 'file', mediaType: 'application/pdf', url: 'gs://demo-bucket/spec.pdf' },
      ],
    },
  ]);
  assert.deepEqual(json!.request.responseFormat, {
    type: 'json_schema',
    schema: { type: 'object', properties: { name: { type: 'string' }, colors: { type: 'array', items: { type: 'string' } } }, required: ['name', 'colors'] },
  });
  assert.deepEqual(json!.response, {
    id: 'vErTeXjSoN',
    model: 'gemini-2.5-pro',
    text: '{"name": "pixel", "colors": ["red"]}',
    reasoning: '',
    toolCalls: [],
    finishReason: 'STOP',
    usage: { inputTokens: 270, outputTokens: 14, totalTokens: 284, cacheReadTokens: 256 },
    events: 0,
  });

  assert.equal(array!.request.stream, true);
  assert.equal(array!.response.text, 'Olá!');
  assert.equal(array!.response.events, 2);
  assert.equal(array!.response.finishReason, 'STOP');
  // The first chunk's usageMetadata is only {trafficType}; it must not reset the counts.
  assert.deepEqual(array!.response.usage, { inputTokens: 9, outputTokens: 2, totalTokens: 11 });
});

test('thought parts, code execution, search grounding', async () => {
  const [exchange] = await exchangesOf(sample('gemini-thinking-stream.yaml'));
  assert.deepEqual(exchange!.request.tools, [
    { name: 'googleSearch', kind: 'googleSearch' },
    { name: 'codeExecution', kind: 'codeExecution' },
  ]);
  const response = exchange!.response;
  assert.equal(response.reasoning, '**Planning**\n\nThe user wants the year and a quick calculation.');
  assert.equal(response.text, 'The Lord of the Rings was first published in 1954, 71 years ago.');
  assert.ok(!response.text.includes('EpYC'), 'a thought signature never becomes text');
  assert.deepEqual(response.serverTools, [
    { type: 'other', kind: 'code_execution', summary: 'PYTHON: print(2025 - 1954)' },
    { type: 'other', kind: 'code_execution_result', summary: 'OUTCOME_OK: 71' },
    { type: 'other', kind: 'web_search', summary: 'lord of the rings first published' },
  ]);
  assert.deepEqual(response.citations, [
    { url: 'https://en.wikipedia.org/wiki/The_Lord_of_the_Rings', title: 'wikipedia.org' },
    { url: 'https://www.tolkien.co.uk/', title: 'tolkien.co.uk' },
  ]);
  // Outputs exclude thoughts: 31 + 31 + 100 = 162; total also counts 10 tool-use prompt tokens.
  assert.deepEqual(response.usage, { inputTokens: 31, outputTokens: 31, totalTokens: 172, reasoningTokens: 100 });
  assert.equal(response.events, 5);
});

test('HTTP error, blocked prompt, cut stream, error event inside a stream', async () => {
  const [http, blocked, cut, streamError] = await exchangesOf(sample('gemini-errors.yaml'));
  assert.deepEqual(http!.response.error, { type: 'INVALID_ARGUMENT', message: 'API key not valid. Please pass a valid API key.' });
  assert.deepEqual(blocked!.response.error, { type: 'blocked', message: 'PROHIBITED_CONTENT' });
  assert.equal(blocked!.response.incomplete, undefined);
  assert.equal(cut!.response.text, 'One, two,');
  assert.equal(cut!.response.incomplete, true);
  assert.equal(cut!.response.error, undefined);
  assert.equal(streamError!.response.text, 'Once upon');
  assert.deepEqual(streamError!.response.error, { type: 'UNAVAILABLE', message: 'The model is overloaded. Please try again later.' });
  assert.equal(streamError!.response.incomplete, undefined);
});

test('matches generate calls only; model from the URL; odd input never throws', () => {
  const info = (url: string) => ({ method: 'POST', url: new URL(url), body: { kind: 'empty' as const } });
  assert.ok(gemini.matches(info(`${API}/gemini-2.5-flash:generateContent`)));
  assert.ok(gemini.matches(info('https://generativelanguage.googleapis.com/v1beta/tunedModels/my-tune-1:streamGenerateContent?alt=sse')));
  assert.ok(!gemini.matches(info(`${API}/gemini-2.5-flash:countTokens`)));
  assert.ok(!gemini.matches(info('https://us-east5-aiplatform.googleapis.com/v1/projects/p/locations/l/publishers/anthropic/models/claude:rawPredict')));
  assert.equal(gemini.readRequest(info(`${API}/gemini-2.0-flash:generateContent`)).model, 'gemini-2.0-flash');
  const endpoint = gemini.readRequest(info('https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/l/endpoints/123:streamGenerateContent'));
  assert.deepEqual([endpoint.model, endpoint.stream], [null, true]);

  const request = {
    contents: [
      { role: 'user', parts: [{ text: 'hi' }] },
      { role: 'model', parts: [{ text: 'I think…', thought: true, thoughtSignature: 'short' }, { functionCall: { name: 'noop' } }] },
      { role: 'function', parts: [{ functionResponse: { name: 'noop', response: { ok: true } } }] },
      { parts: [{ videoMetadata: { fps: 1 } }] },
      'junk',
    ],
    systemInstruction: 'Be brief.',
    generationConfig: { responseMimeType: 'application/json' },
  };
  const llm = analyzeInteraction(geminiInteraction(`${API}/m:generateContent`, request, '{"candidates":[{"content":{"parts":[{"functionCall":{"name":"noop"}}]},"finishReason":"STOP"}]}')).llm!;
  assert.equal(llm.request.system, 'Be brief.');
  assert.deepEqual(llm.request.responseFormat, { type: 'json_object' });
  assert.deepEqual(llm.request.messages.map((m: Message) => m.role), ['user', 'assistant', 'tool', 'user', 'user']);
  assert.deepEqual(llm.request.messages[1]!.content, [
    { type: 'reasoning', text: 'I think…', signature: 'short' },
    { type: 'tool-call', id: null, name: 'noop', arguments: {} },
  ]);
  assert.deepEqual(llm.request.messages[3]!.content, [{ type: 'other', kind: 'videoMetadata', summary: '{"videoMetadata":{"fps":1}}' }]);
  assert.deepEqual(llm.response.toolCalls, [{ id: null, name: 'noop', arguments: {} }]);

  for (const body of ['', 'not json', '[1, "x", null]', '{"candidates":"x"}', 'data: {"candidates":[{}]}\n\n']) {
    const odd = analyzeInteraction(geminiInteraction(`${API}/m:streamGenerateContent`, {}, body)).llm!;
    assert.equal(odd.response.text, '');
  }
  assert.equal(geminiUsage({ trafficType: 'ON_DEMAND' }), null);
});

// ---- the corpus ------------------------------------------------------------------------------

test('hand-checked: TestGoogleCommon/gemini-2.5-flash/multi_tool_streaming', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const [first, second] = await exchangesOf(corpusFile('fantasy', 'TestGoogleCommon', 'gemini-2.5-flash', 'multi_tool_streaming.yaml'));
  assert.equal(first!.request.system, 'You are a helpful assistant. Always use both add and multiply at the same time.');
  assert.deepEqual(first!.request.tools.map((t) => t.name), ['add', 'multiply']);
  assert.deepEqual(first!.response.toolCalls, [
    { id: null, name: 'add', arguments: { b: 3, a: 2 } },
    { id: null, name: 'multiply', arguments: { a: 2, b: 3 } },
  ]);
  assert.equal(first!.response.text, '');
  assert.equal(first!.response.id, 'XQCzaYWvIqfRz7IPupTlyAk');
  assert.deepEqual(first!.response.usage, { inputTokens: 121, outputTokens: 36, totalTokens: 195, reasoningTokens: 38 });
  // The SDK numbers the calls it re-sends; results carry the same ids.
  const toolCalls = second!.request.messages[1]!.content.filter((p) => p.type === 'tool-call');
  assert.deepEqual(toolCalls.map((c) => c.type === 'tool-call' && c.id), ['1', '2']);
  assert.deepEqual(second!.request.messages[2], {
    role: 'tool',
    content: [
      { type: 'tool-result', toolCallId: '1', name: 'add', content: '{"result":"5"}' },
      { type: 'tool-result', toolCallId: '2', name: 'multiply', content: '{"result":"6"}' },
    ],
  });
  assert.equal(second!.response.text, 'The sum of 2 and 3 is 5. The product of 2 and 3 is 6.');
  assert.equal(second!.response.events, 3);
  assert.deepEqual(second!.response.usage, { inputTokens: 218, outputTokens: 22, totalTokens: 240 });
});

test('hand-checked: TestGoogleCommon/vertex-gemini-2-5-flash/tool (plain JSON)', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const [first, second] = await exchangesOf(corpusFile('fantasy', 'TestGoogleCommon', 'vertex-gemini-2-5-flash', 'tool.yaml'));
  assert.equal(first!.host, 'us-east5-aiplatform.googleapis.com');
  assert.equal(first!.model, 'gemini-2.5-flash');
  assert.deepEqual(first!.response.toolCalls, [{ id: null, name: 'weather', arguments: { location: 'Florence,Italy' } }]);
  assert.deepEqual(first!.response.usage, { inputTokens: 28, outputTokens: 5, totalTokens: 85, reasoningTokens: 52 });
  assert.equal(first!.response.events, 0);
  assert.equal(second!.response.text, 'The weather in Florence,Italy is 40 C.');
  assert.deepEqual(second!.response.usage, { inputTokens: 90, outputTokens: 12, totalTokens: 102 });
});

const geminiFiles = () => corpusFiles().filter((file) => /Google|ImageUpload|TestSimple/.test(file));

test('corpus sweep: every 2xx Gemini answer is non-empty and re-sent as the next assistant turn', { skip: SKIP_WITHOUT_CORPUS }, async (t) => {
  let interactions = 0;
  let pairs = 0;
  const problems: string[] = [];
  for (const file of geminiFiles()) {
    const analyzed = await analyzeFile(file);
    const items = analyzed.interactions;
    items.forEach((item, n) => {
      const url = item.interaction.request.url;
      const isGemini = /:(streamG|g)enerateContent/.test(url);
      if (isGemini !== (item.llm?.provider === 'gemini')) problems.push(`${file}#${n}: matched ${item.llm?.provider} for ${url}`);
      if (!isGemini || !item.llm) return;
      interactions++;
      const r = item.llm.response;
      if (!r.text && !r.reasoning && r.toolCalls.length === 0) problems.push(`${file}#${n}: empty`);
      if (r.incomplete || r.error || r.finishReason !== 'STOP' || !r.usage) problems.push(`${file}#${n}: not a whole answer`);
    });
    const oracle = checkOracle(analyzed, 'gemini');
    pairs += oracle.checked.get('gemini') ?? 0;
    problems.push(...oracle.mismatches);
  }
  t.diagnostic(`${interactions} Gemini interactions, ${pairs} oracle pairs`);
  assert.deepEqual(problems, []);
  assert.equal(interactions, 170);
  assert.equal(pairs, 52);
});

// ---- re-cut streams: the same answer however the bytes or chunks fall ---------------------------

async function streamSources(): Promise<string[]> {
  const files = [sample('gemini-tools-stream.yaml'), sample('gemini-thinking-stream.yaml'), sample('gemini-errors.yaml')];
  if (!SKIP_WITHOUT_CORPUS) files.push(...geminiFiles().filter((f) => /stream/.test(f)));
  const texts: string[] = [];
  for (const file of files) {
    for (const item of (await analyzeFile(file)).interactions) {
      if (item.llm?.provider === 'gemini' && item.responseBody.kind === 'sse') texts.push(item.responseBody.text);
    }
  }
  return texts;
}

const reduceSse = (events: { data: string }[]): LlmResponse => reduceChunks(events.map(eventJson));

function feedInPieces(text: string, cuts: number[]): { data: string }[] {
  const events: { data: string }[] = [];
  const parser = createParser({ onEvent: (e) => events.push({ data: e.data }) });
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const point of [...points, text.length]) {
    parser.feed(text.slice(from, point));
    from = point;
  }
  parser.reset({ consume: true });
  return events;
}

type Chunk = Record<string, unknown>;
const obj = (value: unknown): Chunk => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Chunk) : {});
const candidateOf = (chunk: Chunk): Chunk | undefined => (Array.isArray(chunk.candidates) ? obj(chunk.candidates[0]) : undefined);
const partsOf = (candidate: Chunk): Chunk[] => (Array.isArray(obj(candidate.content).parts) ? (obj(candidate.content).parts as Chunk[]) : []);

/** Splits every text part into several chunks at the given points, then merges neighbours. */
function recut(chunks: Chunk[], cuts: number[][], merges: boolean[]): Chunk[] {
  let textIndex = 0;
  const split = chunks.flatMap((chunk): Chunk[] => {
    const candidate = candidateOf(chunk);
    if (!candidate) return [chunk];
    const { finishReason, groundingMetadata, ...candidateRest } = candidate;
    const pieces: Chunk[][] = [];
    for (const part of partsOf(candidate)) {
      if (typeof part.text !== 'string') pieces.push([part]);
      else {
        const chars = Array.from(part.text);
        const at = [...new Set((cuts[textIndex++ % Math.max(cuts.length, 1)] ?? []).map((c) => c % (chars.length + 1)))].sort((a, b) => a - b);
        let from = 0;
        // A signature comes once, with the part: it stays on the first piece only.
        const { thoughtSignature, ...unsigned } = part;
        for (const [i, point] of [...at, chars.length].entries()) {
          const piece = i === 0 && thoughtSignature !== undefined ? { ...unsigned, thoughtSignature } : unsigned;
          pieces.push([{ ...piece, text: chars.slice(from, point).join('') }]);
          from = point;
        }
      }
    }
    if (pieces.length === 0) return [chunk];
    const { usageMetadata: _usage, ...top } = chunk;
    return pieces.map((piece, i) => {
      const last = i === pieces.length - 1;
      const next: Chunk = { ...candidateRest, content: { ...obj(candidate.content), parts: piece } };
      if (last && finishReason !== undefined) next.finishReason = finishReason;
      if (last && groundingMetadata !== undefined) next.groundingMetadata = groundingMetadata;
      return { ...(last ? chunk : top), candidates: [next] };
    });
  });
  const merged: Chunk[] = [];
  split.forEach((chunk, i) => {
    const previous = merged[merged.length - 1];
    const a = previous && candidateOf(previous);
    const b = candidateOf(chunk);
    if (!previous || !a || !b || !merges[i % Math.max(merges.length, 1)]) {
      merged.push(chunk);
      return;
    }
    const candidate = { ...a, ...b, content: { ...obj(b.content), parts: [...partsOf(a), ...partsOf(b)] } };
    const usageMetadata = geminiUsage(chunk.usageMetadata) ? chunk.usageMetadata : previous.usageMetadata;
    merged[merged.length - 1] = { ...previous, ...chunk, candidates: [candidate], usageMetadata };
  });
  return merged;
}

/** Event counts and the chunk a diagnostic is about depend on where the chunks were cut. */
const withoutEvents = (r: LlmResponse): LlmResponse => {
  const out: LlmResponse = { ...r, events: 0 };
  if (r.diagnostics) out.diagnostics = r.diagnostics.map(({ event: _event, ...d }) => d);
  return out;
};

test('property: SSE fed in random pieces gives the same response', async () => {
  const sources = await streamSources();
  assert.ok(sources.length >= (SKIP_WITHOUT_CORPUS ? 4 : 20), `only ${sources.length} streams to re-cut`);
  const expected = sources.map((text) => reduceSse(feedInPieces(text, [])));
  fc.assert(
    fc.property(fc.nat({ max: sources.length - 1 }), fc.array(fc.nat(), { maxLength: 30 }), (which, cuts) => {
      assert.deepEqual(reduceSse(feedInPieces(sources[which]!, cuts)), expected[which]);
    }),
    { numRuns: 200 },
  );
});

test('property: text split and chunks merged differently gives the same answer; all in one is the plain JSON', async () => {
  const sources = (await streamSources()).map((text) => feedInPieces(text, []).map((e) => eventJson(e) as Chunk));
  const expected = sources.map((chunks) => withoutEvents(reduceChunks(chunks)));
  fc.assert(
    fc.property(
      fc.nat({ max: sources.length - 1 }),
      fc.array(fc.array(fc.nat(), { maxLength: 4 }), { maxLength: 12 }),
      fc.array(fc.boolean(), { maxLength: 40 }),
      (which, cuts, merges) => {
        assert.deepEqual(withoutEvents(reduceChunks(recut(sources[which]!, cuts, merges))), expected[which]);
      },
    ),
    { numRuns: 200 },
  );
  // One merged chunk read as a plain JSON body is the same answer as the stream.
  for (const [i, chunks] of sources.entries()) {
    const [single] = recut(chunks, [], [true]);
    if (chunks.some((c) => c.error)) continue;
    const body = { kind: 'json' as const, value: single, text: '' };
    const plain = gemini.readResponse(body, { status: 200, statusText: 'OK', headers: {}, body: '' }, gemini.readRequest({ method: 'POST', url: new URL(`${API}/m:generateContent`), body }));
    // A plain answer cannot end early: neither `incomplete` nor stream-unterminated apply to it.
    const { incomplete: _ignored, diagnostics, ...stream } = expected[i]!;
    const kept = (diagnostics ?? []).filter((d) => d.code !== 'stream-unterminated');
    assert.deepEqual(plain, kept.length ? { ...stream, diagnostics: kept } : stream);
  }
});

// ---- newer parts: code execution, grounding, signatures, streamed function-call arguments ---------

test('code execution and search grounding (plain JSON); the Python SDK re-sends the turn in snake_case', async () => {
  const [first, second] = await exchangesOf(sample('gemini-code-execution-grounding.yaml'));
  const signature = `CuEBAb4+9vt${'Qk9PS1MgUk9DS1M'.repeat(8)}x+/w==`;
  assert.deepEqual(first!.response, {
    text: 'Apollo 11 landed on 20 July 1969, which is 20,040 days before 1 June 2025.',
    reasoning: 'Apollo 11 landed on the Moon on 20 July 1969.',
    toolCalls: [],
    finishReason: 'STOP',
    usage: { inputTokens: 42, outputTokens: 58, totalTokens: 180, reasoningTokens: 61 },
    events: 0,
    id: 'gRoUnDeD1',
    model: 'gemini-2.5-flash',
    citations: [
      { url: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbF9wXfakeNASA', title: 'nasa.gov' },
      { url: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbF9wXfakeWiki', title: 'wikipedia.org' },
    ],
    serverTools: [
      { type: 'other', kind: 'code_execution', summary: 'PYTHON: from datetime import date print((date(2025, 6, 1) - date(1969, 7, 20)).days)' },
      { type: 'other', kind: 'code_execution_result', summary: 'OUTCOME_OK: 20040' },
      { type: 'other', kind: 'web_search', summary: 'first moon landing date' },
    ],
    signatures: [signature],
  });
  // executable_code / thought_signature (proto names) read as their camelCase forms.
  assert.deepEqual(second!.request.messages[1], {
    role: 'assistant',
    content: [
      { type: 'reasoning', text: 'Apollo 11 landed on the Moon on 20 July 1969.' },
      { type: 'other', kind: 'code_execution', summary: 'PYTHON: from datetime import date print((date(2025, 6, 1) - date(1969, 7, 20)).days)' },
      { type: 'other', kind: 'code_execution_result', summary: 'OUTCOME_OK: 20040' },
      { type: 'reasoning', text: '', signature: signature.replace(/\+/g, '-').replace(/\//g, '_') },
      { type: 'text', text: 'Apollo 11 landed on 20 July 1969, which is 20,040 days before 1 June 2025.' },
    ],
  });
  const analyzed = await analyzeFile(sample('gemini-code-execution-grounding.yaml'));
  assert.deepEqual(checkOracle(analyzed, 'gemini'), { checked: new Map([['gemini', 1]]), mismatches: [] });
  assert.deepEqual(analyzed.interactions.map((i) => i.diagnostics), [[], []]);
  // A re-sent signature the response never gave is a mismatch, however it is encoded.
  const forged = second!.request.messages[1]!.content.map((p) => (p.type === 'reasoning' && p.signature ? { ...p, signature: 'AAAA' } : p));
  assert.equal(oracleMismatch(first!, forged), '1 reasoning signature(s) sent back that the answer did not give');
});

test('streamed function-call arguments (partialArgs, willContinue) assembled in the response and in the re-sent history', async () => {
  const analyzed = await analyzeFile(sample('gemini-partial-args-stream.yaml'));
  const [first, second] = analyzed.interactions.map((i) => i.llm!);
  const args = { title: 'Team sync: Q3 planning', attendees: ['ana@example.com', 'li@example.com'], durationMinutes: 30, remote: true, room: null };
  assert.equal(first!.host, 'us-central1-aiplatform.googleapis.com');
  assert.equal(first!.model, 'gemini-3-pro-preview');
  assert.deepEqual(first!.response.toolCalls, [{ id: null, name: 'create_event', arguments: args }]);
  assert.equal(first!.response.events, 5);
  assert.equal(first!.response.finishReason, 'STOP');
  assert.deepEqual(first!.response.signatures, [`CqMBAY89a1${'c3RyZWFtZWQgYXJncw'.repeat(6)}==`]);
  assert.deepEqual(first!.response.usage, { inputTokens: 88, outputTokens: 34, totalTokens: 162, reasoningTokens: 40 });
  // Five model contents (one per chunk) fold into one assistant message with the whole call.
  assert.deepEqual(second!.request.messages.map((m) => m.role), ['user', 'assistant', 'tool']);
  assert.deepEqual(second!.request.messages[1]!.content, [
    { type: 'reasoning', text: '', signature: `CqMBAY89a1${'c3RyZWFtZWQgYXJncw'.repeat(6)}==` },
    { type: 'tool-call', id: null, name: 'create_event', arguments: args },
  ]);
  assert.equal(second!.response.text, 'Booked "Team sync: Q3 planning" (30 min, remote) with Ana and Li.');
  assert.deepEqual(checkOracle(analyzed, 'gemini'), { checked: new Map([['gemini', 1]]), mismatches: [] });
  assert.deepEqual(analyzed.interactions.map((i) => i.diagnostics), [[], []]);
});

test('JSON paths of partialArgs', () => {
  assert.deepEqual(parseJsonPath('$'), []);
  assert.deepEqual(parseJsonPath('$.foo.bar[0].data'), ['foo', 'bar', 0, 'data']);
  assert.deepEqual(parseJsonPath(`$['a b'][12]["c\\"d"]`), ['a b', 12, 'c"d']);
  assert.equal(parseJsonPath('foo.bar'), undefined);
  assert.equal(parseJsonPath('$.a[x]'), undefined);
  assert.equal(parseJsonPath('$..a'), undefined);
});

// ---- diagnostics -------------------------------------------------------------------------------

const chunk = (parts: unknown[], extra: Record<string, unknown> = {}) => ({ candidates: [{ content: { role: 'model', parts }, ...extra }] });

test('diagnostics: unknown part kinds counted, data that is not JSON, no finishReason', () => {
  const body = [
    `data: ${JSON.stringify(chunk([{ text: 'Hi' }, { fancyWidget: { x: 1 } }]))}`,
    'data: {"candidates": [',
    `data: ${JSON.stringify(chunk([{ fancyWidget: { x: 2 } }, { thoughtSignature: 'c2ln' }, { videoMetadata: { fps: 1 } }]))}`,
  ].join('\n\n');
  const analyzed = analyzeInteraction(geminiInteraction(`${API}/m:streamGenerateContent?alt=sse`, {}, `${body}\n\n`, 200, 'text/event-stream'));
  assert.equal(analyzed.llm!.response.text, 'Hi');
  assert.equal(analyzed.llm!.response.incomplete, true);
  assert.deepEqual(analyzed.llm!.response.signatures, ['c2ln']);
  assert.deepEqual(analyzed.diagnostics, [
    { code: 'unknown-event', message: 'Gemini part "fancyWidget" not interpreted (2 times)', event: 0 },
    { code: 'unparsed-event', message: 'Gemini stream chunk 1 (16 characters) is not JSON', event: 1 },
    { code: 'stream-unterminated', message: 'Gemini stream ended without a finishReason in any chunk' },
  ]);
  // The same as one plain JSON answer: no stream that could end early, no event index.
  const plain = analyzeInteraction(geminiInteraction(`${API}/m:generateContent`, {}, JSON.stringify(chunk([{ fancyWidget: {} }]))));
  assert.deepEqual(plain.diagnostics, [{ code: 'unknown-event', message: 'Gemini part "fancyWidget" not interpreted' }]);
  assert.equal(plain.llm!.response.incomplete, undefined);
});

test('diagnostics: partialArgs without a started call, a path that is not one, a call still streaming at the end', () => {
  const response = reduceChunks([
    chunk([{ functionCall: { partialArgs: [{ jsonPath: '$.a', stringValue: 'x' }], willContinue: true } }]),
    chunk([{ functionCall: { name: 'f', willContinue: true } }]),
    chunk([{ functionCall: { partialArgs: [{ jsonPath: 'a.b', stringValue: 'x' }, { jsonPath: '$.list', numberValue: 1 }, { jsonPath: '$.list[0]', numberValue: 2 }], willContinue: true } }]),
    chunk([{ functionCall: { partialArgs: [{ jsonPath: '$.ok', boolValue: false }], willContinue: true } }], { finishReason: 'STOP' }),
  ]);
  assert.deepEqual(response.toolCalls, [{ id: null, name: 'f', arguments: { list: 1, ok: false } }]);
  assert.deepEqual(response.diagnostics, [
    { code: 'delta-before-start', message: 'function call arguments (partialArgs) without a call started by name', event: 0 },
    { code: 'invalid-tool-arguments', message: 'function call f: partialArgs jsonPath "a.b" is not a JSON path', event: 2 },
    { code: 'invalid-tool-arguments', message: 'function call f: partialArgs at $.list[0] put a value where a container was expected', event: 2 },
    { code: 'stream-unterminated', message: 'function call f: its arguments were still streaming (willContinue) when the stream ended' },
  ]);
});

test('re-sent contents: a nameless call that continues nothing is kept; a chunk that only ends a call folds away', () => {
  const contents = [
    { role: 'user', parts: [{ text: 'go' }] },
    { role: 'model', parts: [{ functionCall: { args: { a: 1 } } }] },
    { role: 'model', parts: [{ functionCall: { name: 'g', willContinue: true } }] },
    { role: 'model', parts: [{ functionCall: { partial_args: [{ json_path: '$.b', string_value: 'x' }], will_continue: true } }] },
    { role: 'model', parts: [{ functionCall: {} }] },
  ];
  const llm = analyzeInteraction(geminiInteraction(`${API}/m:generateContent`, { contents }, '{}')).llm!;
  assert.deepEqual(llm.request.messages, [
    { role: 'user', content: [{ type: 'text', text: 'go' }] },
    { role: 'assistant', content: [{ type: 'tool-call', id: null, name: '', arguments: { a: 1 } }] },
    { role: 'assistant', content: [{ type: 'tool-call', id: null, name: 'g', arguments: { b: 'x' } }] },
  ]);
});
