import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeFile } from '../helpers/analyze.ts';
import { checkOracle } from '../helpers/oracle.ts';
import { corpusFiles, sample, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';
import { decodeBody } from '../../src/decode/index.ts';
import { anthropic, fromMessageJson, replayEvents } from '../../src/interpret/anthropic.ts';
import type { HttpResponse } from '../../src/model.ts';

const SSE_RESPONSE: HttpResponse = { status: 200, statusText: '200 OK', headers: { 'Content-Type': ['text/event-stream'] }, body: '' };

/** An SSE body from `event:`/`data:` pairs, data given as written (so it can be broken JSON). */
function sseBody(events: [string, string][]) {
  return decodeBody({ 'Content-Type': ['text/event-stream'] }, events.map(([name, data]) => `event: ${name}\ndata: ${data}\n\n`).join(''));
}
const REQUEST = anthropic.readRequest({ method: 'POST', url: new URL('https://api.anthropic.com/v1/messages'), body: { kind: 'json', value: { stream: true }, text: '' } });
const read = (events: [string, string][]) => anthropic.readResponse(sseBody(events), SSE_RESPONSE, REQUEST);
const start = '{"type":"message_start","message":{"id":"msg_1","model":"claude-x","usage":{"input_tokens":5,"output_tokens":1}}}';

// ---- the sample: server tools, citations, pause_turn, refusal, fallback, compaction ----------

test('anthropic-server-tools.yaml: web search with a citation pauses; the continuation re-sends the turn and fetches', async () => {
  const analyzed = await analyzeFile(sample('anthropic-server-tools.yaml'));
  const [paused, finished] = analyzed.interactions;
  assert.deepEqual(paused!.diagnostics, []);
  assert.deepEqual(paused!.llm!.request.tools, [
    { name: 'web_search', kind: 'web_search_20250305' },
    { name: 'web_fetch', kind: 'web_fetch_20250910' },
  ]);
  assert.deepEqual(paused!.llm!.response, {
    id: 'msg_01PauseT8rnWx4Qm2Zk7Hb3J',
    model: 'claude-sonnet-4-5-20250929',
    text: 'The main library, Deichman Bjørvika, opens at 10:00 on Sundays.',
    reasoning: '',
    toolCalls: [],
    finishReason: 'pause_turn',
    usage: { inputTokens: 9870, outputTokens: 141, cacheReadTokens: 0, cacheWriteTokens: 0 },
    events: 15,
    citations: [{ url: 'https://deichman.no/en/opening-hours', title: 'Opening hours | Deichman' }],
    serverTools: [
      { type: 'other', kind: 'web_search', summary: 'query "Oslo public library Sunday opening hours"' },
      {
        type: 'other',
        kind: 'web_search_tool_result',
        summary: '2 results\nOpening hours | Deichman — https://deichman.no/en/opening-hours\nDeichman Bjørvika – Oslo public library — https://www.visitoslo.com/en/deichman-bjorvika',
      },
    ],
  });
  // The paused turn comes back as sent: server tool blocks shown, not dropped.
  assert.deepEqual(finished!.llm!.request.messages[1], {
    role: 'assistant',
    content: [
      { type: 'other', kind: 'web_search', summary: 'query "Oslo public library Sunday opening hours"' },
      paused!.llm!.response.serverTools![1],
      { type: 'text', text: 'The main library, Deichman Bjørvika, opens at 10:00 on Sundays.' },
    ],
  });
  const response = finished!.llm!.response;
  assert.equal(response.text, " It is open 10:00–18:00 on Sundays, per the library's own page.");
  assert.equal(response.finishReason, 'end_turn');
  // A char_location citation points into the fetched document, not at a URL: no `citations`.
  assert.equal(response.citations, undefined);
  assert.deepEqual(response.serverTools?.map((p) => p.type === 'other' && p.kind), ['web_fetch', 'web_fetch_tool_result']);
  assert.deepEqual(checkOracle(analyzed, 'anthropic').mismatches, []);
});

test('anthropic-server-tools.yaml: a refusal with its category; a fallback with usage per model; a compaction', async () => {
  const analyzed = await analyzeFile(sample('anthropic-server-tools.yaml'));
  const [, , compacted, refused, fellBack] = analyzed.interactions.map((i) => i.llm!.response);
  assert.equal(refused!.finishReason, 'refusal');
  assert.equal(refused!.refusal, 'refused (cyber)');
  assert.equal(refused!.text, '');
  assert.deepEqual(fellBack!.serverTools, [{ type: 'other', kind: 'fallback', summary: 'claude-opus-4-8 → claude-sonnet-4-5-20250929 (refusal: cyber)' }]);
  assert.equal(fellBack!.text, 'A port scanner sends connection attempts to a range of ports and reports which ones answer.');
  assert.equal(fellBack!.refusal, undefined);
  assert.deepEqual(fellBack!.usage, {
    inputTokens: 76,
    outputTokens: 31,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    iterations: [
      { type: 'message', model: 'claude-opus-4-8', inputTokens: 38, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 },
      { type: 'fallback_message', model: 'claude-sonnet-4-5-20250929', inputTokens: 38, outputTokens: 31, cacheReadTokens: 0, cacheWriteTokens: 0 },
    ],
  });
  assert.equal(compacted!.finishReason, 'compaction');
  assert.deepEqual(compacted!.serverTools, [
    { type: 'other', kind: 'compaction', summary: 'The user is planning a library visit in Oslo: Deichman Bjørvika, open Sundays 10:00–18:00.' },
  ]);
  assert.deepEqual(compacted!.usage?.iterations, [{ type: 'compaction', inputTokens: 151022, outputTokens: 412, cacheReadTokens: 0, cacheWriteTokens: 0 }]);
  assert.deepEqual(analyzed.interactions.flatMap((i) => i.diagnostics), []);
});

test('the newer blocks in plain JSON and as a stream give the same parts', () => {
  const blocks = [
    { type: 'container_upload', file_id: 'file_011CNha8iCJcU1wXNR6q4V8w' },
    { type: 'mcp_tool_use', id: 'mcptoolu_01', name: 'ask_question', server_name: 'deepwiki', input: { question: 'What is it?' } },
    { type: 'mcp_tool_result', tool_use_id: 'mcptoolu_01', is_error: false, content: [{ type: 'text', text: 'A library.' }] },
    { type: 'mcp_tool_listing', mcp_server_name: 'deepwiki', tools: [{ name: 'ask_question', input_schema: {} }, { name: 'read_wiki', input_schema: {} }] },
    { type: 'server_tool_use', id: 'srvtoolu_02', name: 'tool_search_tool_regex', input: { pattern: 'weather' } },
    { type: 'tool_search_tool_result', tool_use_id: 'srvtoolu_02', content: { type: 'tool_search_tool_search_result', tool_references: [{ type: 'tool_reference', tool_name: 'get_weather' }] } },
    { type: 'code_execution_tool_result', tool_use_id: 'srvtoolu_03', content: { type: 'code_execution_tool_result_error', error_code: 'unavailable' } },
    { type: 'compaction', content: null, encrypted_content: 'EvQD…' },
  ];
  const json = fromMessageJson({ id: 'msg_2', type: 'message', role: 'assistant', model: 'claude-x', content: blocks, stop_reason: 'end_turn', usage: { input_tokens: 1, output_tokens: 2 } });
  assert.deepEqual(json.serverTools, [
    { type: 'other', kind: 'container_upload', summary: 'file_id:file_011CNha8iCJcU1wXNR6q4V8w' },
    { type: 'other', kind: 'ask_question', summary: '{"question":"What is it?"}' },
    { type: 'other', kind: 'mcp_tool_result', summary: '[{"type":"text","text":"A library."}]' },
    { type: 'other', kind: 'mcp_tool_listing', summary: 'deepwiki: ask_question, read_wiki' },
    { type: 'other', kind: 'tool_search_tool_regex', summary: '{"pattern":"weather"}' },
    { type: 'other', kind: 'tool_search_tool_result', summary: 'found get_weather' },
    { type: 'other', kind: 'code_execution_tool_result', summary: 'error unavailable' },
    { type: 'other', kind: 'compaction', summary: '[encrypted summary]' },
  ]);
  assert.equal(json.diagnostics, undefined);
  const streamed = replayEvents([
    { type: 'message_start', message: { id: 'msg_2', model: 'claude-x', usage: { input_tokens: 1, output_tokens: 0 } } },
    ...blocks.flatMap((block, index) => [{ type: 'content_block_start', index, content_block: block }, { type: 'content_block_stop', index }]),
    { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 2 } },
    { type: 'message_stop' },
  ]);
  assert.deepEqual({ ...streamed, events: 0 }, json);
  // Sent back in a request, the same blocks are the same parts (none dropped).
  const request = anthropic.readRequest({ method: 'POST', url: new URL('https://api.anthropic.com/v1/messages'), body: { kind: 'json', value: { messages: [{ role: 'assistant', content: blocks }] }, text: '' } });
  assert.deepEqual(request.messages[0]!.content, json.serverTools);
});

// ---- diagnostics -------------------------------------------------------------------------------

test('diagnostics: unknown event, block and delta types counted; data that is not JSON; a delta before its block', () => {
  const response = read([
    ['message_start', start],
    ['content_block_start', '{"type":"content_block_start","index":0,"content_block":{"type":"hologram","frames":3}}'],
    ['content_block_delta', '{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Hi"}}'],
    ['content_block_delta', '{"type":"content_block_delta","index":1,"delta":{"type":"sparkle_delta","x":1}}'],
    ['content_block_delta', '{"type":"content_block_delta","index":1,"delta":{"type":"sparkle_delta","x":2}}'],
    ['vibe_check', '{"type":"vibe_check"}'],
    ['content_block_delta', '{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text": "!"'],
    ['message_delta', '{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":7}}'],
    ['message_stop', '{"type":"message_stop"}'],
  ]);
  assert.equal(response.text, 'Hi');
  assert.deepEqual(response.serverTools, [{ type: 'other', kind: 'hologram', summary: '{"type":"hologram","frames":3}' }]);
  assert.deepEqual(response.diagnostics, [
    { code: 'unknown-event', message: 'Anthropic content block type "hologram" not interpreted (kept as a server part)', event: 1 },
    { code: 'delta-before-start', message: 'Anthropic text_delta for block 1, which had no content_block_start', event: 2 },
    { code: 'unknown-event', message: 'Anthropic delta type "sparkle_delta" not interpreted (2 times)', event: 3 },
    { code: 'unknown-event', message: 'Anthropic event type "vibe_check" not interpreted', event: 5 },
    {
      code: 'unparsed-event',
      message: 'Anthropic event 6 (content_block_delta): data (80 characters) is not JSON: "{\\"type\\":\\"content_block_delta\\",\\"index\\":1,…"',
      event: 6,
    },
  ]);
});

test('diagnostics: a stream cut before message_stop (still incomplete); a tool call without id and with broken input', () => {
  const cut = read([
    ['message_start', start],
    ['content_block_start', '{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","name":"lookup","input":{}}}'],
    ['content_block_delta', '{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\\"q\\": \\"os"}}'],
  ]);
  assert.equal(cut.incomplete, true);
  assert.deepEqual(cut.toolCalls, [{ id: null, name: 'lookup', arguments: '{"q": "os', invalidArguments: true }]);
  assert.deepEqual(cut.diagnostics, [
    { code: 'tool-call-without-id', message: 'Anthropic tool_use lookup has no id', event: 1 },
    { code: 'invalid-tool-arguments', message: 'Anthropic tool_use lookup: input is not valid JSON: "{\\"q\\": \\"os"', event: 1 },
    { code: 'stream-unterminated', message: 'Anthropic stream ended without message_stop', event: 2 },
  ]);
  // A finish reason came, message_stop did not: not incomplete, but still said.
  const noStop = read([
    ['message_start', start],
    ['message_delta', '{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":1}}'],
  ]);
  assert.equal(noStop.incomplete, undefined);
  assert.deepEqual(noStop.diagnostics, [{ code: 'stream-unterminated', message: 'Anthropic stream ended without message_stop (stop_reason end_turn came)', event: 1 }]);
  // An error event explains the end: no diagnostic. Ping and content_block_stop are known.
  const failed = read([
    ['message_start', start],
    ['ping', '{"type": "ping"}'],
    ['error', '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'],
  ]);
  assert.deepEqual(failed.error, { type: 'overloaded_error', message: 'Overloaded' });
  assert.equal(failed.diagnostics, undefined);
});

test('diagnostics in a plain JSON message carry no event index', () => {
  const response = fromMessageJson({ id: 'msg_3', type: 'message', content: [{ type: 'tool_use', name: 'x', input: {} }, { type: 'sticker' }], stop_reason: 'tool_use' });
  assert.deepEqual(response.diagnostics, [
    { code: 'unknown-event', message: 'Anthropic content block type "sticker" not interpreted (kept as a server part)' },
    { code: 'tool-call-without-id', message: 'Anthropic tool_use x has no id' },
  ]);
});

// ---- conformance: the whole corpus -------------------------------------------------------------

test('corpus: no event, block or delta type of the Anthropic and Bedrock dialects goes unaccounted', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const unknown: string[] = [];
  const codes = new Map<string, number>();
  let interactions = 0;
  for (const file of corpusFiles()) {
    let analyzed;
    try {
      analyzed = await analyzeFile(file);
    } catch {
      continue; // not a cassette any format reads: the format tests cover those
    }
    for (const item of analyzed.interactions) {
      const provider = item.llm?.provider;
      if (provider !== 'anthropic' && provider !== 'bedrock' && provider !== 'bedrock-converse') continue;
      interactions++;
      for (const d of item.diagnostics) {
        codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
        if (d.code === 'unknown-event') unknown.push(`${file}#${item.interaction.index}: ${d.message}`);
      }
    }
  }
  assert.deepEqual(unknown, []);
  // What the corpus does carry: Bedrock's Claude 3 tool streams whose invocation metrics disagree.
  assert.deepEqual(Object.fromEntries(codes), { 'usage-mismatch': 3 });
  assert.equal(interactions, 383);
});

test('stop reasons come as sent: pause_turn, model_context_window_exceeded; only refusal sets `refusal`', () => {
  for (const reason of ['pause_turn', 'model_context_window_exceeded', 'max_tokens']) {
    const response = replayEvents([
      { type: 'message_start', message: { id: 'msg_4', usage: { input_tokens: 1, output_tokens: 1 } } },
      { type: 'message_delta', delta: { stop_reason: reason }, usage: { output_tokens: 3 } },
      { type: 'message_stop' },
    ]);
    assert.deepEqual([response.finishReason, response.refusal, response.incomplete, response.diagnostics], [reason, undefined, undefined, undefined]);
  }
  const refused = replayEvents([
    { type: 'message_start', message: { id: 'msg_5' } },
    { type: 'message_delta', delta: { stop_reason: 'refusal', stop_details: { type: 'refusal', category: 'bio', explanation: 'This request asks for help with a dangerous pathogen.' } } },
    { type: 'message_stop' },
  ]);
  assert.equal(refused.refusal, 'This request asks for help with a dangerous pathogen.');
});
