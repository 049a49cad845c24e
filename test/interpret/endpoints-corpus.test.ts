// Conformance: over every corpus folder, each interaction is a chat turn or a named endpoint,
// except calls that are not to an LLM API at all (fetched documents and media, OAuth, a health
// check, model-hub metadata). The exact list is kept here: a new gap shows up as a diff.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeCassette } from '../../src/interpret/index.ts';
import { readCassette } from '../../src/read/read-cassette.ts';
import { corpusFiles, SKIP_WITHOUT_CORPUS } from '../helpers/paths.ts';

test('corpus: every call is a chat turn or a named endpoint, but for 30 calls that are not LLM APIs', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  const unnamed = new Map<string, number>();
  const kinds = new Map<string, number>();
  const shapeDiagnostics: string[] = [];
  for (const file of corpusFiles()) {
    const analyzed = analyzeCassette(await readCassette(file));
    for (const item of analyzed.interactions) {
      for (const d of item.diagnostics) if (d.code === 'unknown-endpoint') shapeDiagnostics.push(`${file}#${item.interaction.index}: ${d.message}`);
      if (item.llm) continue;
      if (item.endpoint) {
        const key = `${item.endpoint.provider}:${item.endpoint.kind}`;
        kinds.set(key, (kinds.get(key) ?? 0) + 1);
        continue;
      }
      const { method, url } = item.interaction.request;
      const key = `${method} ${new URL(url).host}`;
      unnamed.set(key, (unnamed.get(key) ?? 0) + 1);
    }
  }
  assert.deepEqual(shapeDiagnostics, []);
  assert.deepEqual(Object.fromEntries([...unnamed].sort()), {
    'GET example-files.online-convert.com': 1, // documents and media the tests hand to a model by URL
    'GET huggingface.co': 1, // Hugging Face Hub model metadata (inference provider mapping), not an inference API
    'GET localhost:11434': 1, // Ollama's `GET /` health check: "Ollama is running"
    'GET pdfobject.com': 10,
    'GET raw.githubusercontent.com': 3,
    'GET smokeshow.helpmanual.io': 1,
    'GET t3.ftcdn.net': 5,
    'GET us.inference.heroku.com': 1, // Heroku's model catalogue (/available-models), not an API cassette understands
    'GET www.w3.org': 4,
    'HEAD static.simonwillison.net': 2,
    'POST oauth2.googleapis.com': 1, // OAuth token exchange
  });
  assert.equal([...unnamed.values()].reduce((a, b) => a + b, 0), 30);
  assert.deepEqual(Object.fromEntries([...kinds].sort()), {
    'anthropic:count-tokens': 5,
    'bedrock:count-tokens': 4,
    'gemini:cached-contents': 2,
    'gemini:count-tokens': 2,
    'gemini:embeddings': 5,
    'gemini:file-search-stores': 8,
    'gemini:models': 2,
    'openai:assistants': 35,
    'openai:batches': 9,
    'openai:conversations': 32,
    'openai:count-tokens': 2,
    'openai:embeddings': 1,
    'openai:files': 33,
    'openai:fine-tuning': 5,
    'openai:images': 7,
    'openai:messages': 27,
    'openai:models': 6,
    'openai:moderations': 1,
    'openai:organization-usage': 8,
    'openai:realtime-sessions': 2,
    'openai:response-items': 1,
    'openai:responses': 1,
    'openai:run-steps': 4,
    'openai:runs': 67,
    'openai:speech': 1,
    'openai:threads': 45,
    'openai:transcriptions': 1,
    'openai:translations': 1,
    'openai:vector-stores': 37,
  });
});
