// Generates the OpenAI Responses samples of the hosted and newer tools, as the API reference
// (openai-node's ResponseStreamEvent / ResponseOutputItem types) documents them, fake ids and figures:
//   samples/openai-responses-hosted-tools-stream.yaml — background run (response.queued) with code
//     interpreter code deltas and a container file citation; MCP list-tools and call with argument
//     deltas plus file search with a file citation; image generation with two partial images;
//     custom tool, shell and apply_patch calls streamed, then their outputs sent back; Bedrock
//     Mantle's gpt-oss with its response.reasoning_part events.
//   samples/openai-responses-hosted-tools-json.yaml — plain JSON: an MCP approval request and its
//     approval, local shell and client tool search calls, POST /v1/responses/compact.
//   samples/openai-responses-diagnostics.yaml — what the reader reports: an unknown event type,
//     unparsable data, a delta before its item, a call without call_id and with broken arguments,
//     a stream cut before response.completed.
// Run: node scripts/samples/openai-responses-tools.mjs

import { join } from 'node:path';
import { writeGoVcr } from './go-vcr.mjs';

const SAMPLES = join(import.meta.dirname, '../../samples');
const URL = 'https://api.openai.com/v1/responses';
// Credentials are filtered, as a recorder's hook would (the -dirty samples are the ones that keep keys).
const SDK = { 'User-Agent': ['OpenAI/Python 2.8.1'] };
const SSE = (id) => ({ 'Content-Type': ['text/event-stream; charset=utf-8'], 'X-Request-Id': [`req_${id}`] });
const JSON_HEADERS = (id) => ({ 'Content-Type': ['application/json'], 'X-Request-Id': [`req_${id}`] });

/** Deterministic fake bytes (a PNG signature, then an LCG), as base64: never a real image. */
function fakePng(length, seed) {
  const bytes = Buffer.alloc(length);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  let x = seed;
  for (let i = 8; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = x >> 16;
  }
  return bytes.toString('base64');
}
const fakeEncrypted = (n, seed) => `gAAAAAB${fakePng(n, seed).replace(/[+/=]/g, 'x')}`;

/** An SSE body of events numbered by sequence_number, each with its `event:` line. */
function stream(events) {
  return events.map((e, i) => `event: ${e.type}\ndata: ${JSON.stringify({ ...e, sequence_number: i })}\n\n`).join('');
}

function responseObject(id, model, status, output = [], extra = {}) {
  return {
    id,
    object: 'response',
    created_at: 1764600000,
    status,
    background: false,
    error: null,
    incomplete_details: null,
    model,
    output,
    parallel_tool_calls: true,
    tool_choice: 'auto',
    usage: null,
    ...extra,
  };
}

/** Text deltas of one message item, then its done events (annotations added before the done). */
function messageEvents(outputIndex, id, pieces, annotations = []) {
  const text = pieces.join('');
  return [
    { type: 'response.output_item.added', output_index: outputIndex, item: { id, type: 'message', status: 'in_progress', content: [], role: 'assistant' } },
    { type: 'response.content_part.added', item_id: id, output_index: outputIndex, content_index: 0, part: { type: 'output_text', annotations: [], logprobs: [], text: '' } },
    ...pieces.map((delta) => ({ type: 'response.output_text.delta', item_id: id, output_index: outputIndex, content_index: 0, delta, logprobs: [] })),
    ...annotations.map((annotation, i) => ({ type: 'response.output_text.annotation.added', item_id: id, output_index: outputIndex, content_index: 0, annotation_index: i, annotation })),
    { type: 'response.output_text.done', item_id: id, output_index: outputIndex, content_index: 0, text, logprobs: [] },
    { type: 'response.content_part.done', item_id: id, output_index: outputIndex, content_index: 0, part: { type: 'output_text', annotations, logprobs: [], text } },
    {
      type: 'response.output_item.done',
      output_index: outputIndex,
      item: { id, type: 'message', status: 'completed', content: [{ type: 'output_text', annotations, logprobs: [], text }], role: 'assistant' },
    },
  ];
}

const usage = (input, output, reasoning = 0, cached = 0) => ({
  input_tokens: input,
  input_tokens_details: { cached_tokens: cached },
  output_tokens: output,
  output_tokens_details: { reasoning_tokens: reasoning },
  total_tokens: input + output,
});

// ---- stream: code interpreter (background, queued) ------------------------------------------------

const CI = 'resp_68e1a0c3b2d48190a3f1c0de00000001';
const ciCode = 'import math\nr = 2.5\nprint(round(math.pi * r ** 2, 3))';
const ciItem = { id: 'ci_68e1a0c4c9e88190b7e2c0de00000002', type: 'code_interpreter_call', status: 'completed', code: ciCode, container_id: 'cntr_68e1a0c3f0a88190aa11c0de00000003', outputs: [{ type: 'logs', logs: '19.635\n' }] };
const ciText = ['The area of a circle', ' with radius 2.5 is **19.635**', ' (I saved the calculation as area.py).'];
const ciAnnotation = { type: 'container_file_citation', container_id: ciItem.container_id, file_id: 'cfile_68e1a0c6aa0c8190b9f3c0de00000004', filename: 'area.py', start_index: 67, end_index: 74 };
const codeInterpreterEvents = [
  { type: 'response.created', response: responseObject(CI, 'gpt-5-2025-08-07', 'queued', [], { background: true }) },
  { type: 'response.queued', response: responseObject(CI, 'gpt-5-2025-08-07', 'queued', [], { background: true }) },
  { type: 'response.in_progress', response: responseObject(CI, 'gpt-5-2025-08-07', 'in_progress', [], { background: true }) },
  { type: 'response.output_item.added', output_index: 0, item: { ...ciItem, status: 'in_progress', code: '', outputs: null } },
  { type: 'response.code_interpreter_call.in_progress', output_index: 0, item_id: ciItem.id },
  { type: 'response.code_interpreter_call_code.delta', output_index: 0, item_id: ciItem.id, delta: 'import math\n' },
  { type: 'response.code_interpreter_call_code.delta', output_index: 0, item_id: ciItem.id, delta: 'r = 2.5\n' },
  { type: 'response.code_interpreter_call_code.delta', output_index: 0, item_id: ciItem.id, delta: 'print(round(math.pi * r ** 2, 3))' },
  { type: 'response.code_interpreter_call_code.done', output_index: 0, item_id: ciItem.id, code: ciCode },
  { type: 'response.code_interpreter_call.interpreting', output_index: 0, item_id: ciItem.id },
  { type: 'response.code_interpreter_call.completed', output_index: 0, item_id: ciItem.id },
  { type: 'response.output_item.done', output_index: 0, item: ciItem },
  ...messageEvents(1, 'msg_68e1a0c7d3f48190c1a4c0de00000005', ciText, [ciAnnotation]),
];
codeInterpreterEvents.push({
  type: 'response.completed',
  response: responseObject(CI, 'gpt-5-2025-08-07', 'completed', [ciItem, codeInterpreterEvents.at(-1).item], { background: true, usage: usage(412, 96, 32) }),
});

// ---- stream: MCP and file search ------------------------------------------------------------------

const MCP = 'resp_68e1a1d0a1b28190d2e3c0de00000010';
const listItem = {
  id: 'mcpl_68e1a1d0f3c48190e4f5c0de00000011',
  type: 'mcp_list_tools',
  server_label: 'deepwiki',
  tools: [
    { name: 'read_wiki_structure', input_schema: { type: 'object', properties: { repoName: { type: 'string' } }, required: ['repoName'] }, annotations: { read_only: true }, description: 'Get a list of documentation topics for a GitHub repository' },
    { name: 'ask_question', input_schema: { type: 'object', properties: { repoName: { type: 'string' }, question: { type: 'string' } }, required: ['repoName', 'question'] }, annotations: { read_only: true }, description: 'Ask any question about a GitHub repository' },
  ],
};
const fileItem = {
  id: 'fs_68e1a1d2b5d68190f607c0de00000012',
  type: 'file_search_call',
  status: 'completed',
  queries: ['go-vcr matcher options', 'custom request matcher'],
  results: [
    { file_id: 'file-4Yq8cTnX1nR8ZaQ2m3Lk9v', filename: 'recorder-notes.md', score: 0.91, text: 'Use recorder.WithMatcher to compare requests by method, URL and body…', attributes: {} },
    { file_id: 'file-7Bd2sVwQ9pE3HcX5t6Mn1r', filename: 'testing-guide.md', score: 0.77, text: 'The default matcher compares method and URL only…', attributes: {} },
  ],
};
const mcpArgs = '{"repoName":"dnaeon/go-vcr","question":"How do I match requests on their body?"}';
const mcpItem = {
  id: 'mcp_68e1a1d4c7e88190a819c0de00000013',
  type: 'mcp_call',
  status: 'completed',
  approval_request_id: null,
  arguments: mcpArgs,
  error: null,
  name: 'ask_question',
  output: 'Register a custom matcher with recorder.SetMatcher (v3) or recorder.WithMatcher (v4) that reads both bodies and compares them.',
  server_label: 'deepwiki',
};
const mcpText = ['Give the recorder a custom matcher', ' that compares request bodies', ' (see recorder-notes.md).'];
const mcpEvents = [
  { type: 'response.created', response: responseObject(MCP, 'gpt-4.1-2025-04-14', 'in_progress') },
  { type: 'response.in_progress', response: responseObject(MCP, 'gpt-4.1-2025-04-14', 'in_progress') },
  { type: 'response.output_item.added', output_index: 0, item: { ...listItem, tools: [] } },
  { type: 'response.mcp_list_tools.in_progress', output_index: 0, item_id: listItem.id },
  { type: 'response.mcp_list_tools.completed', output_index: 0, item_id: listItem.id },
  { type: 'response.output_item.done', output_index: 0, item: listItem },
  { type: 'response.output_item.added', output_index: 1, item: { ...fileItem, status: 'in_progress', queries: [], results: null } },
  { type: 'response.file_search_call.in_progress', output_index: 1, item_id: fileItem.id },
  { type: 'response.file_search_call.searching', output_index: 1, item_id: fileItem.id },
  { type: 'response.file_search_call.completed', output_index: 1, item_id: fileItem.id },
  { type: 'response.output_item.done', output_index: 1, item: fileItem },
  { type: 'response.output_item.added', output_index: 2, item: { ...mcpItem, status: 'in_progress', arguments: '', output: null } },
  { type: 'response.mcp_call.in_progress', output_index: 2, item_id: mcpItem.id },
  { type: 'response.mcp_call_arguments.delta', output_index: 2, item_id: mcpItem.id, delta: '{"repoName":"dnaeon/go-vcr",' },
  { type: 'response.mcp_call_arguments.delta', output_index: 2, item_id: mcpItem.id, delta: '"question":"How do I match requests on their body?"}' },
  { type: 'response.mcp_call_arguments.done', output_index: 2, item_id: mcpItem.id, arguments: mcpArgs },
  { type: 'response.mcp_call.completed', output_index: 2, item_id: mcpItem.id },
  { type: 'response.output_item.done', output_index: 2, item: mcpItem },
  ...messageEvents(3, 'msg_68e1a1d6d9fa8190ba2bc0de00000014', mcpText, [{ type: 'file_citation', file_id: 'file-4Yq8cTnX1nR8ZaQ2m3Lk9v', filename: 'recorder-notes.md', index: 79 }]),
];
mcpEvents.push({ type: 'response.completed', response: responseObject(MCP, 'gpt-4.1-2025-04-14', 'completed', [listItem, fileItem, mcpItem, mcpEvents.at(-1).item], { usage: usage(2210, 71) }) });

// ---- stream: image generation with partial images ---------------------------------------------------

const IMG = 'resp_68e1a2e0b1c28190c3d4c0de00000020';
const imageItem = { id: 'ig_68e1a2e1c2d38190d4e5c0de00000021', type: 'image_generation_call', status: 'completed', background: 'opaque', output_format: 'png', quality: 'low', size: '1024x1024', revised_prompt: 'A lighthouse on a rocky coast at dusk, watercolor', result: fakePng(1800, 7) };
const imageEvents = [
  { type: 'response.created', response: responseObject(IMG, 'gpt-4.1-mini-2025-04-14', 'in_progress') },
  { type: 'response.in_progress', response: responseObject(IMG, 'gpt-4.1-mini-2025-04-14', 'in_progress') },
  { type: 'response.output_item.added', output_index: 0, item: { id: imageItem.id, type: 'image_generation_call', status: 'in_progress', result: null } },
  { type: 'response.image_generation_call.in_progress', output_index: 0, item_id: imageItem.id },
  { type: 'response.image_generation_call.generating', output_index: 0, item_id: imageItem.id },
  { type: 'response.image_generation_call.partial_image', output_index: 0, item_id: imageItem.id, partial_image_index: 0, partial_image_b64: fakePng(600, 1), background: 'opaque', output_format: 'png', quality: 'low', size: '1024x1024' },
  { type: 'response.image_generation_call.partial_image', output_index: 0, item_id: imageItem.id, partial_image_index: 1, partial_image_b64: fakePng(600, 2), background: 'opaque', output_format: 'png', quality: 'low', size: '1024x1024' },
  { type: 'response.image_generation_call.completed', output_index: 0, item_id: imageItem.id },
  { type: 'response.output_item.done', output_index: 0, item: imageItem },
  ...messageEvents(1, 'msg_68e1a2e3e4f58190f6a7c0de00000022', ['Here is your', ' watercolor lighthouse.']),
];
imageEvents.push({ type: 'response.completed', response: responseObject(IMG, 'gpt-4.1-mini-2025-04-14', 'completed', [imageItem, imageEvents.at(-1).item], { usage: usage(2301, 113) }) });

// ---- stream: custom tool, shell and apply_patch calls; then their outputs --------------------------

const CODEX = 'resp_68e1a3f0a1b28190a2b3c0de00000030';
const customItem = { id: 'ctc_68e1a3f1b2c38190b3c4c0de00000031', type: 'custom_tool_call', status: 'completed', call_id: 'call_Cu5t0mGr4mm4r01', input: 'SELECT name FROM users WHERE active = 1 LIMIT 3', name: 'run_sql' };
const shellItem = { id: 'sh_68e1a3f2c3d48190c4d5c0de00000032', type: 'shell_call', status: 'completed', call_id: 'call_Sh3llC0mm4nd02', action: { commands: ['ls -1 src', 'grep -c TODO src/main.go'], timeout_ms: 10000, max_output_length: 4000 }, environment: { type: 'local' } };
const patchDiff = '@@ -1,3 +1,3 @@\n package main\n-const greeting = "hello"\n+const greeting = "hello, world"\n';
const patchItem = { id: 'apc_68e1a3f3d4e58190d5e6c0de00000033', type: 'apply_patch_call', status: 'completed', call_id: 'call_4pplyP4tch003', operation: { type: 'update_file', path: 'src/main.go', diff: patchDiff } };
const codexEvents = [
  { type: 'response.created', response: responseObject(CODEX, 'gpt-5.1-codex-2025-11-13', 'in_progress') },
  { type: 'response.in_progress', response: responseObject(CODEX, 'gpt-5.1-codex-2025-11-13', 'in_progress') },
  { type: 'response.output_item.added', output_index: 0, item: { ...customItem, status: 'in_progress', input: '' } },
  { type: 'response.custom_tool_call_input.delta', output_index: 0, item_id: customItem.id, delta: 'SELECT name FROM users ' },
  { type: 'response.custom_tool_call_input.delta', output_index: 0, item_id: customItem.id, delta: 'WHERE active = 1 LIMIT 3' },
  { type: 'response.custom_tool_call_input.done', output_index: 0, item_id: customItem.id, input: customItem.input },
  { type: 'response.output_item.done', output_index: 0, item: customItem },
  { type: 'response.output_item.added', output_index: 1, item: { ...shellItem, status: 'in_progress', action: { commands: [], timeout_ms: 10000, max_output_length: 4000 } } },
  { type: 'response.shell_call_command.added', output_index: 1, command_index: 0, command: '' },
  { type: 'response.shell_call_command.delta', output_index: 1, command_index: 0, delta: 'ls -1 src' },
  { type: 'response.shell_call_command.done', output_index: 1, command_index: 0, command: 'ls -1 src' },
  { type: 'response.shell_call_command.added', output_index: 1, command_index: 1, command: '' },
  { type: 'response.shell_call_command.delta', output_index: 1, command_index: 1, delta: 'grep -c TODO ' },
  { type: 'response.shell_call_command.delta', output_index: 1, command_index: 1, delta: 'src/main.go' },
  { type: 'response.shell_call_command.done', output_index: 1, command_index: 1, command: 'grep -c TODO src/main.go' },
  { type: 'response.output_item.done', output_index: 1, item: shellItem },
  { type: 'response.output_item.added', output_index: 2, item: { ...patchItem, status: 'in_progress', operation: { type: 'update_file', path: 'src/main.go', diff: '' } } },
  { type: 'response.apply_patch_call_operation_diff.delta', output_index: 2, item_id: patchItem.id, delta: '@@ -1,3 +1,3 @@\n package main\n' },
  { type: 'response.apply_patch_call_operation_diff.delta', output_index: 2, item_id: patchItem.id, delta: '-const greeting = "hello"\n+const greeting = "hello, world"\n' },
  { type: 'response.apply_patch_call_operation_diff.done', output_index: 2, item_id: patchItem.id, diff: patchDiff },
  { type: 'response.output_item.done', output_index: 2, item: patchItem },
  { type: 'response.completed', response: responseObject(CODEX, 'gpt-5.1-codex-2025-11-13', 'completed', [customItem, shellItem, patchItem], { usage: usage(1840, 212, 128, 1536) }) },
];
const codexTools = [
  { type: 'custom', name: 'run_sql', description: 'Run one read-only SQL query', format: { type: 'grammar', syntax: 'lark', definition: 'start: /SELECT .+/' } },
  { type: 'shell', environment: { type: 'local' } },
  { type: 'apply_patch' },
];
const codexInput = [{ role: 'user', content: 'List three active users, count the TODOs in src/main.go and fix the greeting.' }];
const codexOutputs = [
  { type: 'custom_tool_call_output', call_id: customItem.call_id, output: 'ada\ngrace\nlinus' },
  { type: 'shell_call_output', call_id: shellItem.call_id, max_output_length: 4000, output: [{ stdout: 'main.go\nutil.go\n', stderr: '', outcome: { type: 'exit', exit_code: 0 } }, { stdout: '2\n', stderr: '', outcome: { type: 'exit', exit_code: 0 } }] },
  { type: 'apply_patch_call_output', call_id: patchItem.call_id, status: 'completed', output: 'Updated src/main.go' },
];
const CODEX2 = 'resp_68e1a3f9e5f68190e6f7c0de00000034';
const codexAnswer = messageEvents(0, 'msg_68e1a3fae6a78190f7a8c0de00000035', ['Active users: ada, grace, linus.', ' src/main.go has 2 TODOs;', ' the greeting now says "hello, world".']);
const codexEvents2 = [
  { type: 'response.created', response: responseObject(CODEX2, 'gpt-5.1-codex-2025-11-13', 'in_progress') },
  { type: 'response.in_progress', response: responseObject(CODEX2, 'gpt-5.1-codex-2025-11-13', 'in_progress') },
  ...codexAnswer,
  { type: 'response.completed', response: responseObject(CODEX2, 'gpt-5.1-codex-2025-11-13', 'completed', [codexAnswer.at(-1).item], { usage: usage(2130, 31, 0, 1792) }) },
];

// ---- stream: Bedrock Mantle (gpt-oss), reasoning_part events ------------------------------------------

const MANTLE = 'resp_9f2c6e1a4b7d4c0e8a3f5b2d1c0e9a87';
const reasoning = { id: 'rs_9f2c6e1a4b7d4c0e8a3f5b2d1c0e9a88', type: 'reasoning', summary: [], content: [{ type: 'reasoning_text', text: 'User asks for the boiling point at altitude. About 95 °C at 1,500 m.' }] };
const mantleAnswer = messageEvents(1, 'msg_9f2c6e1a4b7d4c0e8a3f5b2d1c0e9a89', ['At 1,500 m water boils', ' at about 95 °C.']);
const mantleEvents = [
  { type: 'response.created', response: responseObject(MANTLE, 'openai.gpt-oss-120b-1:0', 'in_progress') },
  { type: 'response.in_progress', response: responseObject(MANTLE, 'openai.gpt-oss-120b-1:0', 'in_progress') },
  { type: 'response.output_item.added', output_index: 0, item: { ...reasoning, content: [] } },
  { type: 'response.reasoning_part.added', item_id: reasoning.id, output_index: 0, content_index: 0, part: { type: 'reasoning_text', text: '' } },
  { type: 'response.reasoning_text.delta', item_id: reasoning.id, output_index: 0, content_index: 0, delta: 'User asks for the boiling point at altitude.' },
  { type: 'response.reasoning_text.delta', item_id: reasoning.id, output_index: 0, content_index: 0, delta: ' About 95 °C at 1,500 m.' },
  { type: 'response.reasoning_text.done', item_id: reasoning.id, output_index: 0, content_index: 0, text: reasoning.content[0].text },
  { type: 'response.reasoning_part.done', item_id: reasoning.id, output_index: 0, content_index: 0, part: reasoning.content[0] },
  { type: 'response.output_item.done', output_index: 0, item: reasoning },
  ...mantleAnswer,
  { type: 'response.completed', response: responseObject(MANTLE, 'openai.gpt-oss-120b-1:0', 'completed', [reasoning, mantleAnswer.at(-1).item], { usage: usage(88, 41, 19) }) },
];

writeGoVcr(join(SAMPLES, 'openai-responses-hosted-tools-stream.yaml'), [
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: 'gpt-5', background: true, stream: true, input: 'What is the area of a circle with radius 2.5? Save the code as area.py.', tools: [{ type: 'code_interpreter', container: { type: 'auto' } }] },
    responseHeaders: SSE('a1b2c3d4e5f60718293a4b5c6d7e8f90'),
    response: stream(codeInterpreterEvents),
    streamed: true,
  },
  {
    url: URL,
    requestHeaders: SDK,
    request: {
      model: 'gpt-4.1',
      stream: true,
      input: 'How do I make go-vcr match requests on their body? Check my notes too.',
      tools: [
        { type: 'mcp', server_label: 'deepwiki', server_url: 'https://mcp.deepwiki.com/mcp', require_approval: 'never' },
        { type: 'file_search', vector_store_ids: ['vs_68e1a1c0a0b18190c0d1c0de0000000f'] },
      ],
      include: ['file_search_call.results'],
    },
    responseHeaders: SSE('b2c3d4e5f60718293a4b5c6d7e8f90a1'),
    response: stream(mcpEvents),
    streamed: true,
  },
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: 'gpt-4.1-mini', stream: true, input: 'Paint a lighthouse at dusk in watercolor.', tools: [{ type: 'image_generation', partial_images: 2, quality: 'low' }] },
    responseHeaders: SSE('c3d4e5f60718293a4b5c6d7e8f90a1b2'),
    response: stream(imageEvents),
    streamed: true,
  },
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: 'gpt-5.1-codex', stream: true, input: codexInput, tools: codexTools },
    responseHeaders: SSE('d4e5f60718293a4b5c6d7e8f90a1b2c3'),
    response: stream(codexEvents),
    streamed: true,
  },
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: 'gpt-5.1-codex', stream: true, input: [...codexInput, customItem, shellItem, patchItem, ...codexOutputs], tools: codexTools },
    responseHeaders: SSE('e5f60718293a4b5c6d7e8f90a1b2c3d4'),
    response: stream(codexEvents2),
    streamed: true,
  },
  {
    url: 'https://bedrock-mantle.us-east-1.api.aws/v1/responses',
    requestHeaders: SDK,
    request: { model: 'openai.gpt-oss-120b-1:0', stream: true, input: 'At what temperature does water boil at 1,500 m?', reasoning: { effort: 'low' } },
    responseHeaders: SSE('9f2c6e1a-4b7d-4c0e-8a3f-5b2d1c0e9a86'),
    response: stream(mantleEvents),
    streamed: true,
  },
]);

// ---- plain JSON: MCP approval, local shell, tool search, compaction ------------------------------------

const approval = { id: 'mcpr_68e1a5a0a1b28190b2c3c0de00000041', type: 'mcp_approval_request', arguments: '{"page_id":"42","title":"Release notes"}', name: 'rename_page', server_label: 'wiki' };
const wikiList = { id: 'mcpl_68e1a5a0b2c38190c3d4c0de00000042', type: 'mcp_list_tools', server_label: 'wiki', tools: [{ name: 'rename_page', input_schema: { type: 'object' }, annotations: null, description: 'Rename a page' }] };
const wikiCall = { id: 'mcp_68e1a5b0c3d48190d4e5c0de00000043', type: 'mcp_call', status: 'completed', approval_request_id: approval.id, arguments: approval.arguments, error: null, name: 'rename_page', output: '{"ok":true}', server_label: 'wiki' };
const localShell = { id: 'lsh_68e1a5c0d4e58190e5f6c0de00000044', type: 'local_shell_call', status: 'completed', call_id: 'call_L0c4lSh3ll0045', action: { type: 'exec', command: ['git', 'status', '--short'], env: {}, timeout_ms: 5000, working_directory: '/repo' } };
const toolSearch = { id: 'tsc_68e1a5d0e5f68190f6a7c0de00000046', type: 'tool_search_call', status: 'completed', call_id: 'call_T00lS34rch0047', execution: 'client', arguments: { query: 'refund policy' } };
const compaction = { id: 'cmp_68e1a5e0f6a78190a7b8c0de00000048', type: 'compaction', encrypted_content: fakeEncrypted(240, 9) };
const json = (value) => JSON.stringify(value, null, 2);
const mcpTools = [{ type: 'mcp', server_label: 'wiki', server_url: 'https://wiki.example.com/mcp', require_approval: 'always' }];

writeGoVcr(join(SAMPLES, 'openai-responses-hosted-tools-json.yaml'), [
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: 'gpt-4.1', input: 'Rename page 42 to "Release notes".', tools: mcpTools },
    responseHeaders: JSON_HEADERS('f60718293a4b5c6d7e8f90a1b2c3d4e5'),
    response: json(responseObject('resp_68e1a5a0f0a18190a1b2c0de00000040', 'gpt-4.1-2025-04-14', 'completed', [wikiList, approval], { usage: usage(310, 24) })),
  },
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: 'gpt-4.1', previous_response_id: 'resp_68e1a5a0f0a18190a1b2c0de00000040', input: [{ type: 'mcp_approval_response', approval_request_id: approval.id, approve: true }], tools: mcpTools },
    responseHeaders: JSON_HEADERS('0718293a4b5c6d7e8f90a1b2c3d4e5f6'),
    response: json(
      responseObject('resp_68e1a5b0b1c28190b2c3c0de00000049', 'gpt-4.1-2025-04-14', 'completed', [
        wikiCall,
        { id: 'msg_68e1a5b1c2d38190c3d4c0de0000004a', type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', annotations: [], logprobs: [], text: 'Page 42 is now called "Release notes".' }] },
      ], { usage: usage(402, 15) }),
    ),
  },
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: 'codex-mini-latest', input: 'What changed in the repo?', tools: [{ type: 'local_shell' }, { type: 'tool_search', execution: 'client' }] },
    responseHeaders: JSON_HEADERS('18293a4b5c6d7e8f90a1b2c3d4e5f607'),
    response: json(responseObject('resp_68e1a5c0a1b28190a2b3c0de0000004b', 'codex-mini-latest', 'completed', [localShell, toolSearch], { usage: usage(512, 44) })),
  },
  {
    url: 'https://api.openai.com/v1/responses/compact',
    requestHeaders: SDK,
    request: { model: 'gpt-5.1', input: [{ role: 'user', content: 'Summarise our conversation so far.' }, { role: 'assistant', content: 'We compared train and plane fares to Porto.' }] },
    responseHeaders: JSON_HEADERS('293a4b5c6d7e8f90a1b2c3d4e5f60718'),
    response: json({
      id: 'resp_68e1a5e0a1b28190a2b3c0de0000004c',
      object: 'response.compaction',
      created_at: 1764600500,
      output: [{ id: 'msg_68e1a5e0b2c38190b3c4c0de0000004d', type: 'message', status: 'completed', role: 'user', content: [{ type: 'input_text', text: 'Summarise our conversation so far.' }] }, compaction],
      usage: usage(1210, 180, 96),
    }),
  },
]);

// ---- diagnostics -------------------------------------------------------------------------------------

const DIAG = 'resp_68e1a6f0a1b28190a2b3c0de00000050';
const brokenCall = { id: 'fc_68e1a6f1b2c38190b3c4c0de00000051', type: 'function_call', status: 'completed', name: 'get_weather', arguments: '{"city": "Porto", "unit": celsius}' };
const diagnosticsBody =
  stream([
    { type: 'response.created', response: responseObject(DIAG, 'gpt-4o-mini-2024-07-18', 'in_progress') },
    { type: 'response.reticulating_splines', progress: 0.5 },
    { type: 'response.output_item.added', output_index: 0, item: { ...brokenCall, status: 'in_progress', arguments: '' } },
    { type: 'response.function_call_arguments.delta', output_index: 0, item_id: brokenCall.id, delta: '{"city": "Porto", ' },
    { type: 'response.function_call_arguments.delta', output_index: 0, item_id: brokenCall.id, delta: '"unit": celsius}' },
    { type: 'response.output_item.done', output_index: 0, item: brokenCall },
    { type: 'response.reticulating_splines', progress: 1 },
  ]) +
  'event: response.output_text.delta\ndata: {"type":"response.output_text.delta","output_index":1,"content_index":0,"item_id":"msg_6\n\n' +
  stream([{ type: 'response.output_text.delta', output_index: 1, content_index: 0, item_id: 'msg_68e1a6f2c3d48190c4d5c0de00000052', delta: 'Checking the weather' }]);

writeGoVcr(join(SAMPLES, 'openai-responses-diagnostics.yaml'), [
  {
    url: URL,
    requestHeaders: SDK,
    request: { model: 'gpt-4o-mini', stream: true, input: 'Weather in Porto?', tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string' } } } }] },
    responseHeaders: SSE('3a4b5c6d7e8f90a1b2c3d4e5f6071829'),
    // A stream with an event type the API does not document (twice), an event whose JSON was cut,
    // a text delta for an item never added, a call without call_id and with invalid arguments,
    // and no response.completed: the recording stops there.
    response: diagnosticsBody,
    streamed: true,
  },
]);
