// Generates the newer Gemini samples from the API reference (fake ids, keys and figures):
// - samples/gemini-code-execution-grounding.yaml: a plain generateContent answer with Google Search
//   grounding (groundingMetadata → citations) and code execution (executableCode,
//   codeExecutionResult), the text part carrying a thoughtSignature; the follow-up request re-sends
//   the model turn (signature on its part) as the Python SDK does, in snake_case with URL-safe base64.
// - samples/gemini-partial-args-stream.yaml: Vertex AI streamGenerateContent with
//   `toolConfig.functionCallingConfig.streamFunctionCallArguments`: one call whose arguments arrive as
//   `partialArgs` over several chunks (`willContinue`), ended by an empty `functionCall: {}`; the
//   follow-up request re-sends each chunk's content as its own model content, as js-genai's chat
//   history does, then the function response.
// Run: node scripts/samples/gemini.mjs

import { join } from 'node:path';
import { writeGoVcr } from './go-vcr.mjs';

const SAMPLES = join(import.meta.dirname, '../../samples');
const SSE = { 'Content-Type': ['text/event-stream'], Vary: ['Origin', 'X-Origin', 'Referer'], 'Server-Timing': ['gfet4t7; dur=2210'] };
const JSON_HEADERS = { 'Content-Type': ['application/json; charset=UTF-8'], Vary: ['Origin', 'X-Origin', 'Referer'] };
const sse = (chunks) => chunks.map((c) => `data: ${JSON.stringify(c)}\r\n\r\n`).join('');

// ---- code execution + grounding ----------------------------------------------------------------

const SIGNATURE = `CuEBAb4+9vt${'Qk9PS1MgUk9DS1M'.repeat(8)}x+/w==`;
const QUESTION = { role: 'user', parts: [{ text: 'How many days from the first Moon landing until today (2025-06-01)? Search for the date, then compute it.' }] };
const TOOLS = [{ googleSearch: {} }, { codeExecution: {} }];
const CODE = 'from datetime import date\nprint((date(2025, 6, 1) - date(1969, 7, 20)).days)\n';
const modelParts = [
  { text: 'Apollo 11 landed on the Moon on 20 July 1969.', thought: true },
  { executableCode: { language: 'PYTHON', code: CODE } },
  { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '20040\n' } },
  { text: 'Apollo 11 landed on 20 July 1969, which is 20,040 days before 1 June 2025.', thoughtSignature: SIGNATURE },
];
const grounded = {
  candidates: [
    {
      content: { role: 'model', parts: modelParts },
      finishReason: 'STOP',
      index: 0,
      groundingMetadata: {
        webSearchQueries: ['first moon landing date'],
        searchEntryPoint: { renderedContent: '<style>.container{}</style><div class="container">…</div>' },
        groundingChunks: [
          { web: { uri: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbF9wXfakeNASA', title: 'nasa.gov' } },
          { web: { uri: 'https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbF9wXfakeWiki', title: 'wikipedia.org' } },
        ],
        groundingSupports: [{ segment: { startIndex: 0, endIndex: 31, text: 'Apollo 11 landed on 20 July 1969' }, groundingChunkIndices: [0, 1] }],
      },
    },
  ],
  usageMetadata: { promptTokenCount: 42, candidatesTokenCount: 58, totalTokenCount: 180, thoughtsTokenCount: 61, toolUsePromptTokenCount: 19 },
  modelVersion: 'gemini-2.5-flash',
  responseId: 'gRoUnDeD1',
};
// The Python SDK re-sends parts in proto field names, the signature as URL-safe base64 of the same bytes.
const resentParts = [
  { text: modelParts[0].text, thought: true },
  { executable_code: { language: 'PYTHON', code: CODE } },
  { code_execution_result: { outcome: 'OUTCOME_OK', output: '20040\n' } },
  { text: modelParts[3].text, thought_signature: SIGNATURE.replace(/\+/g, '-').replace(/\//g, '_') },
];
const followUp = {
  candidates: [{ content: { role: 'model', parts: [{ text: 'That is about 54.9 years.' }] }, finishReason: 'STOP', index: 0 }],
  usageMetadata: { promptTokenCount: 131, candidatesTokenCount: 9, totalTokenCount: 140 },
  modelVersion: 'gemini-2.5-flash',
  responseId: 'gRoUnDeD2',
};
const API_KEY = { 'X-Goog-Api-Key': ['FAKE-KEY-0000'], 'User-Agent': ['google-genai-sdk/1.20.0 gl-python/3.12.3'] };
const GENERATE = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent';

writeGoVcr(join(SAMPLES, 'gemini-code-execution-grounding.yaml'), [
  { url: GENERATE, requestHeaders: API_KEY, request: { contents: [QUESTION], tools: TOOLS, generationConfig: { thinkingConfig: { includeThoughts: true } } }, responseHeaders: JSON_HEADERS, response: JSON.stringify(grounded), duration: '4.81s' },
  {
    url: GENERATE,
    requestHeaders: API_KEY,
    request: { contents: [QUESTION, { role: 'model', parts: resentParts }, { role: 'user', parts: [{ text: 'And in years?' }] }], tools: TOOLS, generationConfig: { thinkingConfig: { includeThoughts: true } } },
    responseHeaders: JSON_HEADERS,
    response: JSON.stringify(followUp),
    duration: '1.12s',
  },
]);

// ---- streamed function-call arguments (Vertex AI) --------------------------------------------------

const VERTEX = 'https://us-central1-aiplatform.googleapis.com/v1/projects/demo-project/locations/us-central1/publishers/google/models/gemini-3-pro-preview:streamGenerateContent?alt=sse';
// The recorder filtered the Authorization header out, as go-vcr users do for Vertex AI.
const VERTEX_HEADERS = { 'User-Agent': ['google-genai-sdk/1.30.0 gl-node/v22.12.0'] };
const CALL_SIGNATURE = `CqMBAY89a1${'c3RyZWFtZWQgYXJncw'.repeat(6)}==`;
const EVENT_TOOL = {
  functionDeclarations: [
    {
      name: 'create_event',
      description: 'Create a calendar event',
      parameters: {
        type: 'OBJECT',
        properties: { title: { type: 'STRING' }, attendees: { type: 'ARRAY', items: { type: 'STRING' } }, durationMinutes: { type: 'NUMBER' }, remote: { type: 'BOOLEAN' }, room: { type: 'STRING', nullable: true } },
        required: ['title', 'attendees'],
      },
    },
  ],
};
const ASK = { role: 'user', parts: [{ text: 'Book a 30 minute remote "Team sync: Q3 planning" with ana@example.com and li@example.com.' }] };
const callChunks = [
  [{ functionCall: { name: 'create_event', willContinue: true }, thoughtSignature: CALL_SIGNATURE }],
  [{ functionCall: { partialArgs: [{ jsonPath: '$.title', stringValue: 'Team sync: ', willContinue: true }], willContinue: true } }],
  [{ functionCall: { partialArgs: [{ jsonPath: '$.title', stringValue: 'Q3 planning' }, { jsonPath: '$.attendees[0]', stringValue: 'ana@example.com' }], willContinue: true } }],
  [{ functionCall: { partialArgs: [{ jsonPath: '$.attendees[1]', stringValue: 'li@example.com' }, { jsonPath: '$.durationMinutes', numberValue: 30 }, { jsonPath: '$.remote', boolValue: true }, { jsonPath: "$['room']", nullValue: 'NULL_VALUE' }], willContinue: true } }],
  [{ functionCall: {} }],
];
const usageSoFar = (i) => ({ promptTokenCount: 88, candidatesTokenCount: 6 + i * 7, totalTokenCount: 94 + i * 7 + 40, thoughtsTokenCount: 40, trafficType: 'ON_DEMAND' });
const streamed = sse(
  callChunks.map((parts, i) => {
    const last = i === callChunks.length - 1;
    return {
      candidates: [{ content: { role: 'model', parts }, ...(last ? { finishReason: 'STOP' } : {}) }],
      usageMetadata: last ? usageSoFar(i) : { trafficType: 'ON_DEMAND' },
      modelVersion: 'gemini-3-pro-preview',
      createTime: '2025-11-20T10:15:02.118204Z',
      responseId: 'pArTiAlArGs1',
    };
  }),
);
const answer = sse([
  {
    candidates: [{ content: { role: 'model', parts: [{ text: 'Booked "Team sync: Q3 planning" (30 min, remote) with Ana and Li.' }] }, finishReason: 'STOP' }],
    usageMetadata: { promptTokenCount: 171, candidatesTokenCount: 17, totalTokenCount: 188, trafficType: 'ON_DEMAND' },
    modelVersion: 'gemini-3-pro-preview',
    createTime: '2025-11-20T10:15:04.502911Z',
    responseId: 'pArTiAlArGs2',
  },
]);
const config = { tools: [EVENT_TOOL], toolConfig: { functionCallingConfig: { mode: 'AUTO', streamFunctionCallArguments: true } } };

writeGoVcr(join(SAMPLES, 'gemini-partial-args-stream.yaml'), [
  { url: VERTEX, requestHeaders: VERTEX_HEADERS, request: { contents: [ASK], ...config }, streamed: true, responseHeaders: SSE, response: streamed, duration: '2.31s' },
  {
    url: VERTEX,
    requestHeaders: VERTEX_HEADERS,
    request: {
      contents: [
        ASK,
        ...callChunks.map((parts) => ({ role: 'model', parts })),
        { role: 'user', parts: [{ functionResponse: { name: 'create_event', response: { id: 'evt_8f3a', status: 'confirmed' } } }] },
      ],
      ...config,
    },
    streamed: true,
    responseHeaders: SSE,
    response: answer,
    duration: '1.04s',
  },
]);
