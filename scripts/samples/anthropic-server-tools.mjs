// Generates samples/anthropic-server-tools.yaml: Anthropic Messages calls with the newer parts,
// as the API reference and anthropic-sdk-typescript's types describe them (fake ids, figures and
// keys): a streamed web search with citations that pauses (`pause_turn`), the continuation that
// re-sends the paused turn and fetches a page, a streamed compaction (`compaction_delta`), a
// refusal, and a request that fell back to another model (`fallback` block, `usage.iterations`).
// Run: node scripts/samples/anthropic-server-tools.mjs

import { join } from 'node:path';
import { writeGoVcr } from './go-vcr.mjs';

const SAMPLES = join(import.meta.dirname, '../../samples');
const ENDPOINT = 'https://api.anthropic.com/v1/messages?beta=true';
const REQUEST_HEADERS = { 'User-Agent': ['Anthropic/JS 0.71.0'], 'Anthropic-Version': ['2023-06-01'], 'Anthropic-Beta': ['web-fetch-2025-09-10,compact-2026-01-12'] };
const SSE = { 'Content-Type': ['text/event-stream; charset=utf-8'], 'Request-Id': ['req_011CSample0000000000001'] };
const JSON_HEADERS = { 'Content-Type': ['application/json'], 'Request-Id': ['req_011CSample0000000000002'] };

const sse = (events) => events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
const start = (index, content_block) => ({ type: 'content_block_start', index, content_block });
const delta = (index, d) => ({ type: 'content_block_delta', index, delta: d });
const stop = (index) => ({ type: 'content_block_stop', index });
const text = (index, t) => delta(index, { type: 'text_delta', text: t });
const json = (index, partial_json) => delta(index, { type: 'input_json_delta', partial_json });
const usage = (input, output, extra = {}) => ({ input_tokens: input, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: output, ...extra });
const messageStart = (id, model, u) => ({ type: 'message_start', message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: u } });

const MODEL = 'claude-sonnet-4-5-20250929';
const TOOLS = [
  { type: 'web_search_20250305', name: 'web_search', max_uses: 3 },
  { type: 'web_fetch_20250910', name: 'web_fetch', max_uses: 2, citations: { enabled: true } },
];
const QUESTION = { role: 'user', content: [{ type: 'text', text: 'When does the Oslo public library open on Sundays? Check their site.' }] };
const SEARCH_ID = 'srvtoolu_01Se4rchQ7mTz2Lk9Xw3Bv5N';
const FETCH_ID = 'srvtoolu_01FetchR8nWq3Hd6Kp2Jz7Yc4';
const RESULTS = [
  { type: 'web_search_result', title: 'Opening hours | Deichman', url: 'https://deichman.no/en/opening-hours', encrypted_content: 'EqgfCioIARgBIiQ3YzFha2UtZW5jcnlwdGVkLWNvbnRlbnQtZm9yLXNhbXBsZXM=', page_age: 'March 3, 2026' },
  { type: 'web_search_result', title: 'Deichman Bjørvika – Oslo public library', url: 'https://www.visitoslo.com/en/deichman-bjorvika', encrypted_content: 'EqgfCioIARgBIiRhbm90aGVyLWZha2UtZW5jcnlwdGVkLWJsb2I=', page_age: null },
];
const CITATION = {
  type: 'web_search_result_location',
  cited_text: 'Deichman Bjørvika is open on Sundays from 10:00 to 18:00.',
  url: 'https://deichman.no/en/opening-hours',
  title: 'Opening hours | Deichman',
  encrypted_index: 'Eo8BCioIAhgBIiQ0ZmFrZS1pbmRleC1mb3Itc2FtcGxlcw==',
};
const PAUSED_TEXT = 'The main library, Deichman Bjørvika, opens at 10:00 on Sundays.';

// ---- 1: a streamed web search with a citation; the server pauses the long turn ----
const paused = sse([
  messageStart('msg_01PauseT8rnWx4Qm2Zk7Hb3J', MODEL, usage(2140, 3)),
  start(0, { type: 'server_tool_use', id: SEARCH_ID, name: 'web_search', input: {} }),
  { type: 'ping' },
  json(0, '{"query": "Oslo public'),
  json(0, ' library Sunday opening hours"}'),
  stop(0),
  start(1, { type: 'web_search_tool_result', tool_use_id: SEARCH_ID, content: RESULTS }),
  stop(1),
  start(2, { type: 'text', text: '' }),
  text(2, 'The main library, Deichman Bjørvika, '),
  delta(2, { type: 'citations_delta', citation: CITATION }),
  text(2, 'opens at 10:00 on Sundays.'),
  stop(2),
  { type: 'message_delta', delta: { stop_reason: 'pause_turn', stop_sequence: null }, usage: usage(9870, 141, { server_tool_use: { web_search_requests: 1, web_fetch_requests: 0 } }) },
  { type: 'message_stop' },
]);

// ---- 2: the paused turn sent back as it came; the server fetches the page and finishes ----
const pausedTurn = {
  role: 'assistant',
  content: [
    { type: 'server_tool_use', id: SEARCH_ID, name: 'web_search', input: { query: 'Oslo public library Sunday opening hours' } },
    { type: 'web_search_tool_result', tool_use_id: SEARCH_ID, content: RESULTS },
    { type: 'text', text: PAUSED_TEXT, citations: [CITATION] },
  ],
};
const FETCHED = {
  type: 'web_fetch_result',
  url: 'https://deichman.no/en/opening-hours',
  retrieved_at: '2026-03-08T09:12:44.123Z',
  content: { type: 'document', title: 'Opening hours | Deichman', citations: { enabled: true }, source: { type: 'text', media_type: 'text/plain', data: 'Deichman Bjørvika\nMonday–Friday 08:00–22:00\nSaturday–Sunday 10:00–18:00' } },
};
const finished = sse([
  messageStart('msg_01FinishV3kNq8Tz5Lw2Xc6R', MODEL, usage(10318, 2)),
  start(0, { type: 'server_tool_use', id: FETCH_ID, name: 'web_fetch', input: {} }),
  json(0, '{"url": "https://deichman.no/en/opening-hours"}'),
  stop(0),
  start(1, { type: 'web_fetch_tool_result', tool_use_id: FETCH_ID, content: FETCHED }),
  stop(1),
  start(2, { type: 'text', text: '' }),
  text(2, ' It is open 10:00–18:00 on Sundays'),
  delta(2, { type: 'citations_delta', citation: { type: 'char_location', cited_text: 'Saturday–Sunday 10:00–18:00', document_index: 0, document_title: 'Opening hours | Deichman', start_char_index: 44, end_char_index: 71, file_id: null } }),
  text(2, ', per the library\'s own page.'),
  stop(2),
  { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: usage(10318, 64, { server_tool_use: { web_search_requests: 0, web_fetch_requests: 1 } }) },
  { type: 'message_stop' },
]);

// ---- 4: a refusal (stop_details says why) ----
const refusal = {
  id: 'msg_01RefuseK7mWq2Xz9Lt4Hb8N',
  type: 'message',
  role: 'assistant',
  model: 'claude-opus-4-8',
  content: [],
  stop_reason: 'refusal',
  stop_sequence: null,
  stop_details: { type: 'refusal', category: 'cyber', explanation: null, recommended_model: null, fallback_credit_token: null, fallback_has_prefill_claim: null },
  usage: usage(38, 0),
};

// ---- 5: the same request with a fallback model: the answer comes from it, usage per model ----
const fellBack = {
  id: 'msg_01FallbkP4nXz8Qw3Kt6Jm2V',
  type: 'message',
  role: 'assistant',
  model: 'claude-opus-4-8',
  content: [
    { type: 'fallback', from: { model: 'claude-opus-4-8' }, to: { model: MODEL }, trigger: { type: 'refusal', category: 'cyber' } },
    { type: 'text', text: 'A port scanner sends connection attempts to a range of ports and reports which ones answer.' },
  ],
  stop_reason: 'end_turn',
  stop_sequence: null,
  stop_details: null,
  usage: {
    ...usage(76, 31),
    iterations: [
      { type: 'message', model: 'claude-opus-4-8', input_tokens: 38, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, cache_creation: null },
      { type: 'fallback_message', model: MODEL, input_tokens: 38, output_tokens: 31, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, cache_creation: null },
    ],
  },
};
const SECURITY = { role: 'user', content: [{ type: 'text', text: 'How does a port scanner work, in one sentence?' }] };

// ---- 3: a long conversation compacted on the server (compaction_delta), then paused ----
const compacted = sse([
  messageStart('msg_01CompactD2nWx7Qk4Zt9Hm5L', MODEL, usage(151022, 1)),
  start(0, { type: 'compaction', content: null, encrypted_content: null }),
  delta(0, { type: 'compaction_delta', content: 'The user is planning a library visit in Oslo: Deichman Bjørvika, ' }),
  delta(0, { type: 'compaction_delta', content: 'open Sundays 10:00–18:00.', encrypted_content: 'EvQDCkYIBhgCKkBmYWtlLWNvbXBhY3Rpb24tYmxvYg==' }),
  stop(0),
  { type: 'message_delta', delta: { stop_reason: 'compaction', stop_sequence: null }, usage: { ...usage(151022, 412), iterations: [{ type: 'compaction', input_tokens: 151022, output_tokens: 412, cache_read_input_tokens: 0, cache_creation_input_tokens: 0, cache_creation: null }] } },
  { type: 'message_stop' },
]);
const LONG_HISTORY = [
  QUESTION,
  { role: 'assistant', content: [{ type: 'text', text: `${PAUSED_TEXT} It is open 10:00–18:00 on Sundays, per the library's own page.` }] },
  { role: 'user', content: [{ type: 'text', text: 'And can I borrow a 3D printer there?' }] },
];

writeGoVcr(join(SAMPLES, 'anthropic-server-tools.yaml'), [
  { url: ENDPOINT, requestHeaders: REQUEST_HEADERS, request: { model: MODEL, max_tokens: 2048, stream: true, tools: TOOLS, messages: [QUESTION] }, streamed: true, responseHeaders: SSE, response: paused, duration: '6.214s' },
  { url: ENDPOINT, requestHeaders: REQUEST_HEADERS, request: { model: MODEL, max_tokens: 2048, stream: true, tools: TOOLS, messages: [QUESTION, pausedTurn] }, streamed: true, responseHeaders: SSE, response: finished, duration: '4.902s' },
  {
    url: ENDPOINT,
    requestHeaders: REQUEST_HEADERS,
    request: { model: MODEL, max_tokens: 2048, stream: true, context_management: { edits: [{ type: 'compact_20260112', pause_after_compaction: true }] }, messages: LONG_HISTORY },
    streamed: true,
    responseHeaders: SSE,
    response: compacted,
    duration: '9.440s',
  },
  { url: ENDPOINT, requestHeaders: REQUEST_HEADERS, request: { model: 'claude-opus-4-8', max_tokens: 512, messages: [SECURITY] }, responseHeaders: JSON_HEADERS, response: JSON.stringify(refusal), duration: '1.318s' },
  { url: ENDPOINT, requestHeaders: REQUEST_HEADERS, request: { model: 'claude-opus-4-8', max_tokens: 512, fallbacks: [{ model: MODEL }], messages: [SECURITY] }, responseHeaders: JSON_HEADERS, response: JSON.stringify(fellBack), duration: '2.771s' },
]);
