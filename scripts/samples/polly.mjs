// Record samples/polly-openai-chat_<hash>/recording.har with the real Polly.js (node-http adapter, fs
// persister) against fake-llm-server.py (start it first). Polly is not a project dependency: install
// it in a scratch dir and point POLLY_DIR at it:
//   (mkdir -p /tmp/polly && cd /tmp/polly && npm init -y && npm install @pollyjs/core @pollyjs/adapter-node-http @pollyjs/persister-fs)
//   POLLY_DIR=/tmp/polly node scripts/samples/polly.mjs [port]     (from the repo root)
// beforePersist rewrites the local URL and Host header to api.openai.com.
import { createRequire } from 'node:module';
import http from 'node:http';

const require = createRequire(`${process.env.POLLY_DIR ?? '/tmp/polly'}/`);
const { Polly } = require('@pollyjs/core');
const NodeHttpAdapter = require('@pollyjs/adapter-node-http');
const FSPersister = require('@pollyjs/persister-fs');

const port = Number(process.argv[2] ?? 8765);
const local = `http://127.0.0.1:${port}`;
const key = 'sk-test-FAKEpolly0000000000000000000000000000000000';
const tools = [{ type: 'function', function: { name: 'get_weather', description: 'Current weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }];

Polly.register(NodeHttpAdapter);
Polly.register(FSPersister);

function post(path, body) {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = http.request(`${local}${path}`, { method: 'POST', headers: {
      'content-type': 'application/json', 'content-length': Buffer.byteLength(text), authorization: `Bearer ${key}` } },
    (res) => { let data = ''; res.setEncoding('utf8'); res.on('data', (c) => (data += c)); res.on('end', () => resolve(data)); });
    req.on('error', reject);
    req.end(text);
  });
}

async function record(name, clean, run) {
  const polly = new Polly(name, { adapters: ['node-http'], persister: 'fs', mode: 'record',
    persisterOptions: { fs: { recordingsDir: 'samples' } },
    matchRequestsBy: { headers: false, order: true } });
  polly.server.any().on('beforePersist', (_req, recording) => {
    recording.request.url = recording.request.url.replace(local, 'https://api.openai.com');
    for (const h of recording.request.headers) {
      if (h.name === 'host') h.value = 'api.openai.com';
      if (clean && h.name === 'authorization') h.value = 'Bearer <OPENAI_API_KEY>';
    }
  });
  await run();
  await polly.stop();
  console.log('recorded', name);
}

async function twoTurns() {
  const messages = [{ role: 'user', content: 'What is the weather in Paris?' }];
  const r1 = JSON.parse(await post('/v1/chat/completions', { model: 'gpt-4o-mini', messages, tools }));
  const msg = r1.choices[0].message;
  messages.push({ role: 'assistant', content: msg.content, tool_calls: msg.tool_calls },
    { role: 'tool', tool_call_id: msg.tool_calls[0].id, content: '{"temperature_c":18,"sky":"sunny"}' });
  await post('/v1/chat/completions', { model: 'gpt-4o-mini', messages, tools, stream: true });
}

await record('polly-openai-chat', true, twoTurns);
await record('polly-openai-chat-dirty', false, twoTurns);
