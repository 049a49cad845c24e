import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { exchangesOf, analyzeFile } from '../helpers/analyze.ts';
import { sample, corpusFile, goVcrCorpusFiles, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';
import { checkOracle, type OracleResult } from '../helpers/oracle.ts';
import { analyzeInteraction, type AnalyzedCassette, type AnalyzedInteraction } from '../../src/interpret/index.ts';
import { openaiResponses } from '../../src/interpret/openai-responses.ts';
import type { Interaction } from '../../src/model.ts';

// ---- samples -------------------------------------------------------------------------------------

test('streamed reasoning and two tool calls across several deltas; the next request replays them', async () => {
  const [first, second] = await exchangesOf(sample('openai-responses-tools-stream.yaml'));
  assert.equal(first!.provider, 'openai-responses');
  assert.equal(first!.model, 'o4-mini-2025-04-16');
  assert.equal(first!.request.system, 'You are a concise travel assistant.');
  assert.deepEqual(first!.request.tools.map((t) => t.name), ['get_weather', 'get_time']);
  assert.equal(first!.request.tools[0]!.kind, undefined);
  assert.equal(first!.request.stream, true);
  const response = first!.response;
  assert.equal(response.id, 'resp_0a1b2c3d4e5f60718293a4b5c6d7e8f9');
  assert.equal(response.reasoning, '**Planning the lookups**\n\nThe user wants weather and time for Lisbon; I will call both tools.');
  assert.deepEqual(response.toolCalls, [
    { id: 'call_W3aTh3r', name: 'get_weather', arguments: { city: 'Lisbon', unit: 'celsius' } },
    { id: 'call_T1m3', name: 'get_time', arguments: { city: 'Lisbon' } },
  ]);
  assert.equal(response.text, '');
  assert.equal(response.finishReason, 'completed');
  assert.equal(response.events, 22);
  assert.deepEqual(response.usage, { inputTokens: 120, outputTokens: 88, totalTokens: 208, cacheReadTokens: 64, reasoningTokens: 64 });
  assert.equal(response.incomplete, undefined);

  // Reasoning item and both calls are one assistant message; each output its own tool message.
  const messages = second!.request.messages;
  assert.deepEqual(messages.map((m) => m.role), ['user', 'assistant', 'tool', 'tool']);
  const [reasoning, ...calls] = messages[1]!.content;
  assert.equal(reasoning!.type, 'reasoning');
  assert.equal(reasoning!.type === 'reasoning' && reasoning.signature?.length, 313);
  assert.deepEqual(calls, [
    { type: 'tool-call', id: 'call_W3aTh3r', name: 'get_weather', arguments: { city: 'Lisbon', unit: 'celsius' } },
    { type: 'tool-call', id: 'call_T1m3', name: 'get_time', arguments: { city: 'Lisbon' } },
  ]);
  assert.deepEqual(messages[3]!.content, [{ type: 'tool-result', toolCallId: 'call_T1m3', content: '14:05' }]);
  assert.equal(second!.response.text, 'In Lisbon it is 21 °C and sunny; the local time is 14:05.');
  assert.equal(second!.response.events, 13);
  assert.deepEqual(second!.response.usage, { inputTokens: 310, outputTokens: 19, totalTokens: 329 });
});

test('plain JSON: web search with citations, structured output with an image, previous_response_id', async () => {
  const [search, structured, chained] = await exchangesOf(sample('openai-responses-json.yaml'));
  assert.deepEqual(search!.request.messages, [{ role: 'user', content: [{ type: 'text', text: 'Who won the 2024 Tour de France? Cite a source.' }] }]);
  assert.deepEqual(search!.request.tools, [{ name: 'web_search_preview', kind: 'web_search_preview' }]);
  assert.equal(search!.response.events, 0);
  assert.deepEqual(search!.response.serverTools, [{ type: 'other', kind: 'web_search', summary: 'Tour de France 2024 winner (2 sources)' }]);
  // The repeated citation of the same page is listed once.
  assert.deepEqual(search!.response.citations, [
    { url: 'https://www.letour.fr/en/rankings', title: 'Rankings - Tour de France 2024' },
    { url: 'https://en.wikipedia.org/wiki/2024_Tour_de_France', title: '2024 Tour de France - Wikipedia' },
  ]);
  assert.match(search!.response.text, /^Tadej Pogačar won the 2024 Tour de France/);
  assert.deepEqual(search!.response.usage, { inputTokens: 8321, outputTokens: 71, totalTokens: 8392 });

  assert.equal(structured!.request.system, 'Answer with the city facts only.');
  assert.deepEqual(structured!.request.messages[0]!.content, [
    { type: 'text', text: 'Which city is on this postcard?' },
    { type: 'image', mediaType: 'image/png', bytes: 70 },
  ]);
  assert.equal(structured!.request.responseFormat?.type, 'json_schema');
  assert.equal(structured!.request.responseFormat?.name, 'city_facts');
  assert.deepEqual(Object.keys(structured!.request.responseFormat?.schema as object), ['type', 'properties', 'required', 'additionalProperties']);
  assert.equal(structured!.response.text, '{"city":"Lisbon","country":"Portugal","population":545923}');
  assert.deepEqual(structured!.response.usage, { inputTokens: 2901, outputTokens: 17, totalTokens: 2918, cacheReadTokens: 2816 });

  assert.equal(chained!.request.previousResponseId, 'resp_3d4e5f60718293a4b5c6d7e8f90a1b2c');
  assert.equal(chained!.response.finishReason, 'max_output_tokens');
  assert.equal(chained!.response.incomplete, undefined);
  assert.equal(chained!.response.text, 'Lisbon is the hilly, sunlit capital of Portugal, built on seven');
});

test('reasoning summaries (plain JSON, Azure v1 URL)', async () => {
  const [exchange] = await exchangesOf(sample('openai-responses-reasoning.yaml'));
  assert.equal(exchange!.provider, 'openai-responses');
  assert.equal(exchange!.host, 'cassette-demo.openai.azure.com');
  assert.equal(
    exchange!.response.reasoning,
    '**Comparing the options**\n\nTrain is faster door to door.\n\n**Checking the price**\n\nBoth cost about the same.',
  );
  assert.equal(exchange!.response.text, 'Take the train: about 3 h door to door, versus 4 h by plane.');
  assert.deepEqual(exchange!.response.usage, { inputTokens: 41, outputTokens: 402, totalTokens: 443, reasoningTokens: 384 });
});

test('errors: HTTP 400, response.failed, an error event; a cut-off stream is incomplete', async () => {
  const [http, failed, event, cut] = await exchangesOf(sample('openai-responses-errors.yaml'));
  assert.deepEqual(http!.response.error, {
    type: 'invalid_request_error',
    message: "Invalid schema for function 'get_weather': 'celsius' is not of type 'object'.",
  });
  assert.deepEqual(failed!.response.error, { type: 'server_error', message: 'The server had an error processing your request.' });
  assert.equal(failed!.response.finishReason, 'failed');
  assert.equal(failed!.response.incomplete, undefined);
  assert.deepEqual(event!.response.error, { type: 'rate_limit_exceeded', message: 'Rate limit reached for gpt-4o-mini on tokens per min (TPM).' });
  assert.equal(event!.response.incomplete, undefined);
  assert.equal(cut!.response.text, 'Lisbon is usually mild in');
  assert.equal(cut!.response.incomplete, true);
  assert.equal(cut!.response.finishReason, null);
  assert.equal(cut!.response.error, undefined);
});

function responsesInteraction(events: object[], request: object = { model: 'm', input: 'hi', stream: true }): Interaction {
  const body = events.map((e) => `event: ${(e as { type: string }).type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
  return {
    index: 0,
    request: { method: 'POST', url: 'http://localhost:8000/v1/responses', headers: {}, body: JSON.stringify(request) },
    response: { status: 200, statusText: '200 OK', headers: { 'Content-Type': ['text/event-stream'] }, body },
  };
}

test('refusal deltas, raw reasoning text, deltas without a matching added item', () => {
  const item = analyzeInteraction(
    responsesInteraction([
      { type: 'response.output_item.added', output_index: 0, item: { type: 'reasoning', id: 'rs_1', summary: [] } },
      { type: 'response.reasoning_text.delta', output_index: 0, content_index: 0, item_id: 'rs_1', delta: 'weigh' },
      { type: 'response.reasoning_text.delta', output_index: 0, content_index: 0, item_id: 'rs_1', delta: 'ing it' },
      { type: 'response.output_item.added', output_index: 1, item: { type: 'message', id: 'msg_1', role: 'assistant', content: [] } },
      { type: 'response.refusal.delta', output_index: 1, content_index: 0, item_id: 'msg_1', delta: "I can't" },
      { type: 'response.refusal.delta', output_index: 1, content_index: 0, item_id: 'msg_1', delta: ' help with that.' },
      { type: 'response.output_text.delta', output_index: 2, content_index: 0, item_id: 'msg_2', delta: 'orphan' },
      { type: 'response.incomplete', response: { id: 'resp_x', status: 'incomplete', incomplete_details: { reason: 'content_filter' } } },
    ]),
  );
  const llm = item.llm!;
  // Parts and items the stream never added are kept, and said to be early.
  assert.deepEqual(item.diagnostics, [
    { code: 'delta-before-start', message: 'response.reasoning_text.delta for content part 0 of rs_1 before its content_part.added', event: 1 },
    { code: 'delta-before-start', message: 'response.refusal.delta for content part 0 of msg_1 before its content_part.added', event: 4 },
    { code: 'delta-before-start', message: 'response.output_text.delta for output 2 (message msg_2) before its output_item.added', event: 6 },
    { code: 'delta-before-start', message: 'response.output_text.delta for content part 0 of msg_2 before its content_part.added', event: 6 },
  ]);
  assert.equal(llm.response.reasoning, 'weighing it');
  assert.equal(llm.response.refusal, "I can't help with that.");
  assert.equal(llm.response.text, 'orphan');
  assert.equal(llm.response.finishReason, 'content_filter');
  assert.equal(llm.response.incomplete, undefined);
});

test('request: instructions plus leading developer message, files, custom tools, item_reference', () => {
  const request = {
    model: 'gpt-5',
    instructions: 'Be brief.',
    input: [
      { role: 'developer', content: 'Use metric units.' },
      {
        type: 'message',
        role: 'user',
        content: [
          { type: 'input_file', filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0xLjQK' },
          { type: 'input_file', filename: 'b.pdf', file_data: 'JVBERi0xLjcK' },
        ],
      },
      { type: 'item_reference', id: 'rs_prev' },
      { type: 'custom_tool_call', call_id: 'call_9', name: 'shell', input: 'ls -la' },
      { type: 'custom_tool_call_output', call_id: 'call_9', output: [{ type: 'input_text', text: 'a.pdf' }] },
    ],
    tools: [{ type: 'custom', name: 'shell', description: 'Run a command' }, { type: 'mcp', server_label: 'docs' }],
  };
  const llm = analyzeInteraction(responsesInteraction([], request)).llm!;
  assert.equal(llm.request.system, 'Be brief.\n\nUse metric units.');
  assert.deepEqual(llm.request.messages, [
    {
      role: 'user',
      content: [
        { type: 'file', mediaType: 'application/pdf', bytes: 9, name: 'a.pdf' },
        { type: 'file', mediaType: 'application/octet-stream', bytes: 9, name: 'b.pdf' },
      ],
    },
    {
      role: 'assistant',
      content: [
        { type: 'other', kind: 'item_reference', summary: 'rs_prev' },
        { type: 'tool-call', id: 'call_9', name: 'shell', arguments: 'ls -la' },
      ],
    },
    { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'call_9', content: 'a.pdf' }] },
  ]);
  assert.deepEqual(llm.request.tools, [
    { name: 'shell', description: 'Run a command', kind: 'custom' },
    { name: 'docs', kind: 'mcp' },
  ]);
  assert.equal(llm.request.stream, false);
  assert.equal(llm.response.events, 0);
});

test('matches /responses paths only', () => {
  const matches = (path: string) => openaiResponses.matches({ method: 'POST', url: new URL(`https://h${path}`), body: { kind: 'empty' } });
  assert.equal(matches('/v1/responses'), true);
  assert.equal(matches('/openai/v1/responses'), true);
  assert.equal(matches('/openai/responses'), true);
  assert.equal(matches('/v1/responses/resp_123'), true);
  assert.equal(matches('/v1/responses/resp_123/input_items'), false);
  assert.equal(matches('/v1/chat/completions'), false);
});

// ---- corpus --------------------------------------------------------------------------------------

test('corpus: gpt-4o multi_tool_streaming, both calls then the answer', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const file = corpusFile('fantasy', 'TestOpenAIResponsesCommon', 'openai-gpt-4o', 'multi_tool_streaming.yaml');
  const [first, second] = await exchangesOf(file);
  assert.equal(first!.provider, 'openai-responses');
  assert.equal(first!.model, 'gpt-4o-2024-08-06');
  assert.equal(first!.request.system, 'You are a helpful assistant. Always use both add and multiply at the same time.');
  assert.deepEqual(first!.response.toolCalls, [
    { id: 'call_NnEvpiwdL8XrZ6F3T9VJyVw7', name: 'add', arguments: { a: 2, b: 3 } },
    { id: 'call_TQ8336oa6YnuT2leYzRDBBLz', name: 'multiply', arguments: { a: 2, b: 3 } },
  ]);
  assert.deepEqual(first!.response.usage, { inputTokens: 104, outputTokens: 51, totalTokens: 155 });
  assert.equal(first!.response.finishReason, 'completed');
  assert.equal(first!.response.events, 11);
  assert.deepEqual(second!.request.messages.map((m) => m.role), ['user', 'assistant', 'tool', 'tool']);
  assert.deepEqual(second!.request.messages[3]!.content, [{ type: 'tool-result', toolCallId: 'call_TQ8336oa6YnuT2leYzRDBBLz', content: '6' }]);
  assert.equal(second!.response.text, 'The sum of 2 and 3 is 5, and their product is 6.');
  assert.deepEqual(second!.response.usage, { inputTokens: 150, outputTokens: 21, totalTokens: 171 });
  assert.equal(second!.response.events, 27);
});

test('corpus: web search call and url citations', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const [exchange] = await exchangesOf(corpusFile('fantasy', 'TestOpenAIWebSearch', 'generate.yaml'));
  assert.deepEqual(exchange!.request.tools, [{ name: 'web_search', kind: 'web_search' }]);
  assert.deepEqual(exchange!.response.serverTools, [{ type: 'other', kind: 'web_search', summary: 'current population of Tokyo 2024' }]);
  assert.deepEqual(exchange!.response.citations?.map((c) => new URL(c.url).host), [
    'www.metro.tokyo.lg.jp',
    'www.ainvest.com',
    'worldpopulationreview.com',
  ]);
  assert.deepEqual(exchange!.response.usage, { inputTokens: 17432, outputTokens: 438, totalTokens: 17870 });
});

test('corpus: arguments the SDK JSON-encoded twice are unwrapped, with a note', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const [first, second] = await exchangesOf(corpusFile('fantasy-2025-11', 'TestOpenAIResponsesCommon', 'openai-gpt-4o', 'tool.yaml'));
  assert.deepEqual(first!.response.toolCalls, [{ id: 'call_jPXpCiiHqnkbYK8RbeLZfkLR', name: 'weather', arguments: { location: 'Florence, Italy' } }]);
  assert.deepEqual(second!.request.messages[1], {
    role: 'assistant',
    content: [
      { type: 'tool-call', id: 'call_jPXpCiiHqnkbYK8RbeLZfkLR', name: 'weather', arguments: { location: 'Florence, Italy' } },
      { type: 'other', kind: 'note', summary: 'the arguments of weather were sent JSON-encoded twice' },
    ],
  });
});

/** Every interaction of this dialect in the corpus, analyzed once. */
async function corpusResponses(): Promise<{ file: string; analyzed: AnalyzedCassette; items: AnalyzedInteraction[] }[]> {
  const files = goVcrCorpusFiles().filter((file) => readFileSync(file, 'utf8').includes('/responses'));
  return Promise.all(
    files.map(async (file) => {
      const analyzed = await analyzeFile(file);
      return { file, analyzed, items: analyzed.interactions };
    }),
  );
}
const corpus = SKIP_WITHOUT_CORPUS ? [] : await corpusResponses();

test('corpus sweep: every 2xx response is non-empty, complete and has usage', { skip: SKIP_WITHOUT_CORPUS }, () => {
  const problems: string[] = [];
  let count = 0;
  for (const { file, items } of corpus) {
    for (const item of items) {
      if (item.llm?.provider !== 'openai-responses' || item.interaction.response.status >= 300) continue;
      count++;
      const r = item.llm.response;
      const where = `${file}#${item.interaction.index}`;
      if (!r.text && !r.reasoning && r.toolCalls.length === 0) problems.push(`${where}: empty`);
      if (r.incomplete || r.error || r.finishReason !== 'completed' || !r.usage) problems.push(`${where}: ${JSON.stringify(r).slice(0, 200)}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.equal(count, 154);
});

test('corpus oracle: response N is the assistant turn re-sent in request N+1', { skip: SKIP_WITHOUT_CORPUS }, () => {
  const result: OracleResult = { checked: new Map(), mismatches: [] };
  for (const { analyzed } of corpus) checkOracle(analyzed, 'openai-responses', result);
  assert.deepEqual(result.mismatches, []);
  assert.equal(result.checked.get('openai-responses'), 48);
});

test('the web search stream: query from the done item, citations from annotation events', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const [exchange] = await exchangesOf(corpusFile('fantasy', 'TestOpenAIWebSearch', 'stream.yaml'));
  assert.deepEqual(exchange!.response.serverTools, [{ type: 'other', kind: 'web_search', summary: 'current population of Tokyo 2024' }]);
  assert.deepEqual(exchange!.response.citations, [{ url: 'https://www.toukei.metro.tokyo.lg.jp/index.htm?utm_source=openai', title: '東京都の統計' }]);
  assert.equal(exchange!.response.events, 27);
});
