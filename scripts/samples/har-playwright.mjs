// Record samples/har-openai-chat-stream{,-dirty}.har with Playwright's recordHar (real Chromium,
// /usr/bin/chromium) against fake-llm-server.py (start it first). The page is served by the fake
// server and fetches same-origin, so the HAR is recorded against 127.0.0.1 and only the origin is
// rewritten afterwards to https://api.openai.com (the HAR is otherwise byte-for-byte Playwright's).
// The clean variant has the Authorization value replaced by <OPENAI_API_KEY>.
//   (mkdir -p /tmp/pw && cd /tmp/pw && npm init -y && npm install playwright-core); apt-get install -y chromium
//   PW_DIR=/tmp/pw node scripts/samples/har-playwright.mjs [port]     (from the repo root)
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';

const require = createRequire(`${process.env.PW_DIR ?? '/tmp/pw'}/`);
const { chromium } = require('playwright-core');
const port = Number(process.argv[2] ?? 8765);
const local = `http://127.0.0.1:${port}`;
const key = 'sk-test-FAKEhar000000000000000000000000000000000000';
const raw = '/tmp/har-openai-chat-stream.raw.har';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox',
  '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const context = await browser.newContext({ recordHar: { path: raw, content: 'embed', urlFilter: /\/v1\// } });
const page = await context.newPage();
await page.goto(`${local}/`);
await page.evaluate(async (key) => {
  const tools = [{ type: 'function', function: { name: 'get_weather', description: 'Current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } }];
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
  const messages = [{ role: 'user', content: 'What is the weather in Paris?' }];
  const body = { model: 'gpt-4o-mini', messages, tools, stream: true };
  const text = await (await fetch('/v1/chat/completions', { method: 'POST', headers, body: JSON.stringify(body) })).text();
  // Reassemble the streamed tool call, as an SDK does, and send it back with the tool result.
  let id = '', name = '', args = '';
  for (const line of text.split('\n')) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
    for (const choice of JSON.parse(line.slice(6)).choices) {
      for (const tc of choice.delta.tool_calls ?? []) {
        id ||= tc.id ?? ''; name += tc.function?.name ?? ''; args += tc.function?.arguments ?? '';
      }
    }
  }
  messages.push({ role: 'assistant', content: null, tool_calls: [{ id, type: 'function', function: { name, arguments: args } }] },
    { role: 'tool', tool_call_id: id, content: '{"temperature_c":18,"sky":"sunny"}' });
  await (await fetch('/v1/chat/completions', { method: 'POST', headers, body: JSON.stringify({ ...body, messages }) })).text();
}, key);
await context.close();
await browser.close();

const har = readFileSync(raw, 'utf8').replaceAll(local, 'https://api.openai.com').replaceAll(`127.0.0.1:${port}`, 'api.openai.com');
rmSync(raw);
writeFileSync('samples/har-openai-chat-stream-dirty.har', har);
writeFileSync('samples/har-openai-chat-stream.har', har.replaceAll(`Bearer ${key}`, 'Bearer <OPENAI_API_KEY>'));
console.log('wrote samples/har-openai-chat-stream{,-dirty}.har', har.length);
