// Endpoints that are not a chat turn: each family on a sample written from its API reference
// (scripts/samples/endpoints.mjs), the paths families share, and the corpus sweep.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBody } from '../../src/decode/index.ts';
import { analyzeInteraction } from '../../src/interpret/index.ts';
import { summarizeEndpoint } from '../../src/interpret/endpoints/index.ts';
import { multipartFields, vectorLength } from '../../src/interpret/endpoints/describe.ts';
import type { HttpResponse } from '../../src/model.ts';
import { analyzeFile } from '../helpers/analyze.ts';
import { sample } from '../helpers/paths.ts';

test('OpenAI: embeddings (floats and base64), images (b64_json by size, URL), files, batches, models, moderations, a transcription, fine-tuning, a vector store, a JSON run, input tokens; an unexpected shape and an error', async () => {
  const analyzed = await analyzeFile(sample('openai-endpoints.yaml'));
  assert.ok(analyzed.interactions.every((item) => item.llm === null));
  assert.deepEqual(
    analyzed.interactions.map((item) => item.endpoint),
    [
      {
        provider: 'openai',
        kind: 'embeddings',
        action: 'create',
        model: 'text-embedding-3-small',
        summary: 'text-embedding-3-small · 3 inputs · 8 dims · 31 tokens',
        count: 3,
        usage: { inputTokens: 31, outputTokens: 0, totalTokens: 31 }
      },
      {
        provider: 'openai',
        kind: 'embeddings',
        action: 'create',
        model: 'text-embedding-3-large',
        summary: 'text-embedding-3-large · 1 input · 8 dims · 6 tokens',
        count: 1,
        usage: { inputTokens: 6, outputTokens: 0, totalTokens: 6 }
      },
      {
        provider: 'openai',
        kind: 'images',
        action: 'create',
        model: 'gpt-image-1',
        summary: 'gpt-image-1 · 1 image · 1024x1024 · 3.2 kB base64 · 11 in / 272 out tokens',
        count: 1,
        usage: { inputTokens: 11, outputTokens: 272, totalTokens: 283 }
      },
      { provider: 'openai', kind: 'images', action: 'create', model: 'dall-e-3', summary: 'dall-e-3 · 1 image · 1792x1024 · 1 URL', count: 1 },
      { provider: 'openai', kind: 'files', action: 'create', model: null, summary: 'train.jsonl · fine-tune · 174 B · processed' },
      { provider: 'openai', kind: 'files', action: 'list', model: null, summary: '2 files', count: 2 },
      { provider: 'openai', kind: 'batches', action: 'create', model: null, summary: 'validating · /v1/chat/completions · 0 of 0 done' },
      { provider: 'openai', kind: 'batches', action: 'retrieve', model: null, summary: 'completed · /v1/chat/completions · 9 of 10 done, 1 failed' },
      { provider: 'openai', kind: 'models', action: 'list', model: null, summary: '3 models', count: 3 },
      { provider: 'openai', kind: 'models', action: 'retrieve', model: 'gpt-4o-mini', summary: 'gpt-4o-mini · owned by system' },
      { provider: 'openai', kind: 'moderations', action: 'create', model: 'omni-moderation-latest', summary: 'omni-moderation-latest · 2 inputs · 1 flagged: harassment, violence', count: 2 },
      {
        provider: 'openai',
        kind: 'transcriptions',
        action: 'create',
        model: 'gpt-4o-transcribe',
        summary: 'gpt-4o-transcribe · meeting.wav 34 B · 35 characters · 98 in / 9 out tokens',
        usage: { inputTokens: 98, outputTokens: 9, totalTokens: 107, inputAudioTokens: 98 }
      },
      { provider: 'openai', kind: 'fine-tuning', action: 'create', model: 'gpt-4o-mini-2024-07-18', summary: 'gpt-4o-mini-2024-07-18 · validating_files' },
      { provider: 'openai', kind: 'vector-stores', action: 'create', model: null, summary: '"Support FAQ" · in_progress · 0 of 1 done · 0 B' },
      {
        provider: 'openai',
        kind: 'runs',
        action: 'create',
        model: 'gpt-4o-mini',
        summary: 'completed · gpt-4o-mini · 412 in / 58 out tokens',
        usage: { inputTokens: 412, outputTokens: 58, totalTokens: 470 }
      },
      { provider: 'openai', kind: 'count-tokens', action: 'count', model: 'gpt-4.1-mini', summary: 'gpt-4.1-mini · 13 input tokens', count: 13 },
      { provider: 'openai', kind: 'embeddings', action: 'create', model: 'text-embedding-3-small', summary: 'unexpected json response' },
      { provider: 'openai', kind: 'models', action: 'retrieve', model: null, summary: `error invalid_request_error: "The model 'gpt-9' does not exist"` }
    ],
  );
});

test('Gemini: embedContent, batchEmbedContents, countTokens, a model list, Vertex text-embedding :predict', async () => {
  const analyzed = await analyzeFile(sample('gemini-endpoints.yaml'));
  assert.ok(analyzed.interactions.every((item) => item.llm === null));
  assert.deepEqual(
    analyzed.interactions.map((item) => item.endpoint),
    [
      { provider: 'gemini', kind: 'embeddings', action: 'create', model: 'gemini-embedding-001', summary: 'gemini-embedding-001 · 1 input · 8 dims', count: 1 },
      { provider: 'gemini', kind: 'embeddings', action: 'create', model: 'gemini-embedding-001', summary: 'gemini-embedding-001 · 2 inputs · 8 dims', count: 2 },
      { provider: 'gemini', kind: 'count-tokens', action: 'count', model: 'gemini-2.5-flash', summary: 'gemini-2.5-flash · 10 input tokens', count: 10 },
      { provider: 'gemini', kind: 'models', action: 'list', model: null, summary: '2 models (more on the next page)', count: 2 },
      {
        provider: 'gemini',
        kind: 'embeddings',
        action: 'create',
        model: 'text-embedding-005',
        summary: 'text-embedding-005 · 1 input · 8 dims · 8 tokens',
        count: 1,
        usage: { inputTokens: 8, outputTokens: 0, totalTokens: 8 }
      }
    ],
  );
});

test('Anthropic: count_tokens, models list and retrieve, a message batch and its JSONL results', async () => {
  const analyzed = await analyzeFile(sample('anthropic-endpoints.yaml'));
  assert.ok(analyzed.interactions.every((item) => item.llm === null));
  assert.deepEqual(
    analyzed.interactions.map((item) => item.endpoint),
    [
      { provider: 'anthropic', kind: 'count-tokens', action: 'count', model: 'claude-sonnet-4-5', summary: 'claude-sonnet-4-5 · 14 input tokens', count: 14 },
      { provider: 'anthropic', kind: 'models', action: 'list', model: null, summary: '2 models (more on the next page)', count: 2 },
      { provider: 'anthropic', kind: 'models', action: 'retrieve', model: 'claude-sonnet-4-5-20250929', summary: 'claude-sonnet-4-5-20250929 · Claude Sonnet 4.5' },
      { provider: 'anthropic', kind: 'batches', action: 'create', model: null, summary: 'in_progress · 2 processing' },
      { provider: 'anthropic', kind: 'batches', action: 'content', model: null, summary: '2 results', count: 2 }
    ],
  );
});

test('Cohere: v2 embed by type, v1 embed floats, v2 rerank', async () => {
  const analyzed = await analyzeFile(sample('cohere-endpoints.yaml'));
  assert.ok(analyzed.interactions.every((item) => item.llm === null));
  assert.deepEqual(
    analyzed.interactions.map((item) => item.endpoint),
    [
      {
        provider: 'cohere',
        kind: 'embeddings',
        action: 'create',
        model: 'embed-v4.0',
        summary: 'embed-v4.0 · 2 inputs · 256 dims · float+int8 · 22 tokens',
        count: 2,
        usage: { inputTokens: 22, outputTokens: 0, totalTokens: 22 }
      },
      {
        provider: 'cohere',
        kind: 'embeddings',
        action: 'create',
        model: 'embed-english-light-v3.0',
        summary: 'embed-english-light-v3.0 · 1 input · 384 dims · 1 token',
        count: 1,
        usage: { inputTokens: 1, outputTokens: 0, totalTokens: 1 }
      },
      { provider: 'cohere', kind: 'rerank', action: 'create', model: 'rerank-v3.5', summary: 'rerank-v3.5 · 2 of 3 documents · top score 0.999 · 1 search unit', count: 2 }
    ],
  );
});

test('Bedrock: Titan and Cohere embeddings under /invoke (token count from the body or the header), count-tokens of an InvokeModel request', async () => {
  const analyzed = await analyzeFile(sample('bedrock-endpoints.yaml'));
  assert.ok(analyzed.interactions.every((item) => item.llm === null));
  assert.deepEqual(
    analyzed.interactions.map((item) => item.endpoint),
    [
      {
        provider: 'bedrock',
        kind: 'embeddings',
        action: 'create',
        model: 'amazon.titan-embed-text-v2:0',
        summary: 'amazon.titan-embed-text-v2:0 · 1 input · 256 dims · float · 8 tokens',
        count: 1,
        usage: { inputTokens: 8, outputTokens: 0, totalTokens: 8 }
      },
      {
        provider: 'bedrock',
        kind: 'embeddings',
        action: 'create',
        model: 'cohere.embed-english-v3',
        summary: 'cohere.embed-english-v3 · 1 input · 1024 dims · 2 tokens',
        count: 1,
        usage: { inputTokens: 2, outputTokens: 0, totalTokens: 2 }
      },
      {
        provider: 'bedrock',
        kind: 'count-tokens',
        action: 'count',
        model: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
        summary: 'anthropic.claude-sonnet-4-5-20250929-v1:0 · 10 input tokens · of an InvokeModel request',
        count: 10
      }
    ],
  );
});

test('Ollama: /api/embed, the older /api/embeddings, /api/tags, /api/show', async () => {
  const analyzed = await analyzeFile(sample('ollama-endpoints.yaml'));
  assert.ok(analyzed.interactions.every((item) => item.llm === null));
  assert.deepEqual(
    analyzed.interactions.map((item) => item.endpoint),
    [
      {
        provider: 'ollama',
        kind: 'embeddings',
        action: 'create',
        model: 'all-minilm',
        summary: 'all-minilm · 2 inputs · 384 dims · 8 tokens',
        count: 2,
        usage: { inputTokens: 8, outputTokens: 0 }
      },
      { provider: 'ollama', kind: 'embeddings', action: 'create', model: 'all-minilm', summary: 'all-minilm · 1 input · 384 dims', count: 1 },
      { provider: 'ollama', kind: 'models', action: 'list', model: null, summary: '2 models · qwen3:8b, all-minilm:latest · 5.3 GB', count: 2 },
      { provider: 'ollama', kind: 'models', action: 'retrieve', model: 'qwen3:8b', summary: 'qwen3:8b · qwen3 · 8.2B · Q4_K_M · completion, tools, thinking' }
    ],
  );
});

/** One interaction, as analyzeInteraction sees it. */
function call(method: string, url: string, request: unknown, status: number, response: unknown, headers: Record<string, string[]> = {}) {
  const requestBody = request === undefined ? '' : JSON.stringify(request);
  return analyzeInteraction({
    index: 0,
    request: { method, url, headers: { 'Content-Type': ['application/json'] }, body: requestBody },
    response: { status, statusText: `${status}`, headers: { 'Content-Type': ['application/json'], ...headers }, body: typeof response === 'string' ? response : JSON.stringify(response) },
  });
}

test('an unexpected 2xx shape is an unknown-endpoint diagnostic, an error is named with its message', async () => {
  const analyzed = await analyzeFile(sample('openai-endpoints.yaml'));
  assert.deepEqual(analyzed.interactions[16]!.diagnostics, [
    { code: 'unknown-endpoint', message: 'POST /v1/embeddings looks like openai embeddings but answered 200 with a JSON body of another shape' },
  ]);
  assert.deepEqual(analyzed.interactions.flatMap((item, i) => (item.diagnostics.length && i !== 16 ? [i] : [])), []);
  const html = call('POST', 'https://api.openai.com/v1/embeddings', { model: 'text-embedding-3-small', input: 'x' }, 200, '<html>maintenance</html>', { 'Content-Type': ['text/html'] });
  assert.equal(html.endpoint!.summary, 'unexpected text response');
  assert.equal(html.diagnostics[0]!.message, 'POST /v1/embeddings looks like openai embeddings but answered 200 with a text body (text/html) of another shape');
});

test('matched by path, never by host: a gateway prefix, a local server, Azure', () => {
  const embedding = { object: 'list', data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2, 0.3] }], model: 'nomic-embed', usage: { prompt_tokens: 2, total_tokens: 2 } };
  for (const url of ['https://gateway.example.com/openai/v1/embeddings', 'http://localhost:8080/v1/embeddings', 'https://x.openai.azure.com/openai/deployments/emb/embeddings?api-version=2024-10-21']) {
    assert.equal(call('POST', url, { input: 'hi' }, 200, embedding).endpoint!.summary, 'nomic-embed · 1 input · 3 dims · 2 tokens', url);
  }
  // Not an endpoint: a health check, an OAuth token, a fetched document.
  assert.equal(call('GET', 'http://localhost:11434/', undefined, 200, 'Ollama is running', { 'Content-Type': ['text/plain'] }).endpoint, null);
  assert.equal(call('POST', 'https://oauth2.googleapis.com/token', { grant_type: 'x' }, 200, { access_token: 'ya29.x' }).endpoint, null);
});

test('paths several families share are told apart by the body: /v1/models, /v1/files', () => {
  const models = (value: unknown) => call('GET', 'https://api.example.com/v1/models', undefined, 200, value).endpoint;
  assert.equal(models({ object: 'list', data: [{ id: 'gpt-4o', object: 'model', owned_by: 'openai' }] })!.provider, 'openai');
  assert.equal(models({ data: [{ type: 'model', id: 'claude-haiku-4-5', display_name: 'Claude Haiku 4.5' }], has_more: false, first_id: 'a', last_id: 'b' })!.provider, 'anthropic');
  assert.equal(models({ models: [{ name: 'models/gemini-2.5-flash' }] })!.provider, 'gemini');
  assert.deepEqual(models({ models: [{ name: 'command-a-03-2025', endpoints: ['chat'], context_length: 256000 }] }), {
    provider: 'cohere',
    kind: 'models',
    action: 'list',
    model: null,
    summary: '1 model',
    count: 1,
  });
  const files = call('GET', 'https://api.anthropic.com/v1/files', undefined, 200, { data: [{ type: 'file', id: 'file_1', filename: 'a.pdf', mime_type: 'application/pdf', size_bytes: 2048 }], has_more: false });
  assert.equal(files.endpoint!.provider, 'anthropic');
  // Errors: Anthropic's `{type: "error"}`, Google's `{error: {status}}`, else OpenAI's.
  assert.equal(call('GET', 'https://h/v1/models', undefined, 401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } }).endpoint!.provider, 'anthropic');
  assert.equal(call('GET', 'https://h/v1beta/models', undefined, 403, { error: { code: 403, message: 'denied', status: 'PERMISSION_DENIED' } }).endpoint!.provider, 'gemini');
  assert.deepEqual(call('DELETE', 'https://h/v1/files/file-x', undefined, 404, { error: { message: 'No such File object: file-x', type: 'invalid_request_error' } }).endpoint, {
    provider: 'openai',
    kind: 'files',
    action: 'delete',
    model: null,
    summary: 'error invalid_request_error: "No such File object: file-x"',
  });
});

test('Bedrock /invoke: embedding models are endpoints; other model families are left alone', () => {
  const titan = call('POST', 'https://bedrock-runtime.us-west-2.amazonaws.com/model/amazon.titan-embed-text-v1/invoke', { inputText: 'hi' }, 200, { embedding: [0.5, 0.25], inputTextTokenCount: 1 });
  assert.equal(titan.endpoint!.summary, 'amazon.titan-embed-text-v1 · 1 input · 2 dims · 1 token');
  const llama = call('POST', 'https://bedrock-runtime.us-west-2.amazonaws.com/model/meta.llama3-8b-instruct-v1%3A0/invoke', { prompt: 'hi' }, 200, { generation: 'Hello', prompt_token_count: 1 });
  assert.equal(llama.endpoint, null);
  assert.equal(llama.llm, null);
});

test('the summary never carries vectors or base64; sizes are measured', () => {
  assert.equal(vectorLength([0.1, 0.2]), 2);
  assert.equal(vectorLength(Buffer.from(new Float32Array([1, 2, 3]).buffer).toString('base64')), 3);
  assert.equal(vectorLength(['a']), undefined);
  const boundary = 'XyZ';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="model"\r\n\r\nwhisper-1\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.mp3"\r\nContent-Type: audio/mpeg\r\n\r\nID3\u0004abcdef\r\n--${boundary}--\r\n`;
  const decoded = decodeBody({ 'Content-Type': [`multipart/form-data; boundary=${boundary}`] }, body);
  assert.deepEqual(multipartFields(`multipart/form-data; boundary=${boundary}`, decoded), { model: 'whisper-1', file: { filename: 'a.mp3', bytes: 10 } });
  const response: HttpResponse = { status: 200, statusText: '200 OK', headers: { 'Content-Type': ['application/json'] }, body: '' };
  const info = { method: 'POST', url: { host: 'h', pathname: '/v1/images/generations' }, body: decodeBody({ 'Content-Type': ['application/json'] }, '{"model":"gpt-image-1"}') };
  const result = summarizeEndpoint(info, 'application/json', decodeBody(response.headers, JSON.stringify({ data: [{ b64_json: 'iVBORw0KGgo=' }] })), response);
  assert.equal(result!.endpoint.summary, 'gpt-image-1 · 1 image · 8 B base64');
});
