// Record samples/har-attach-dirty/ with Playwright's routeFromHAR in update mode, whose default
// (`updateContent: 'attach'`) keeps every body in a file beside the HAR, named by its SHA-1 and
// named in the HAR by `_file`: the way Playwright users record HAR fixtures for their tests. Real
// Chromium (/usr/bin/chromium) against fake-llm-server.py (start it first): a client-credentials
// token request (form body with a fake client_secret; a fake JWT in the answer), then an OpenAI
// Chat request with that token. Only the origin is rewritten afterwards (in the HAR; the body
// files keep their bytes and names).
//   PW_DIR=/tmp/pw node scripts/samples/har-playwright-attach.mjs [port]     (from the repo root)
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const require = createRequire(`${process.env.PW_DIR ?? '/tmp/pw'}/`);
const { chromium } = require('playwright-core');
const port = Number(process.argv[2] ?? 8765);
const local = `http://127.0.0.1:${port}`;
const dir = 'samples/har-attach-dirty';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox',
  '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const context = await browser.newContext();
await context.routeFromHAR(`${dir}/chat.har`, { update: true, url: /\/(oauth2|v1)\// });
const page = await context.newPage();
await page.goto(`${local}/`);
await page.evaluate(async () => {
  const form = 'grant_type=client_credentials&client_id=00000000-0000-0000-0000-000000000000&client_secret=FAKE~clientSecret0123456789abcdefgh&scope=https%3A%2F%2Fcognitiveservices.azure.com%2F.default';
  const token = await (await fetch('/tenant/oauth2/v2.0/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })).json();
  const body = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Say hello.' }] };
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` };
  await (await fetch('/v1/chat/completions', { method: 'POST', headers, body: JSON.stringify(body) })).text();
});
await context.close();
await browser.close();

const har = readFileSync(`${dir}/chat.har`, 'utf8').replaceAll(local, 'https://gateway.example.com').replaceAll(`127.0.0.1:${port}`, 'gateway.example.com');
writeFileSync(`${dir}/chat.har`, har);
console.log(`wrote ${dir}/chat.har and its body files`);
