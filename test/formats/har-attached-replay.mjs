// Replays samples/har-attach-dirty/chat.har (or a scrubbed copy, argv[2]) with Playwright's
// routeFromHAR in Debian's chromium: a page on the HAR's origin asks for the token (the form body as
// the HAR now holds it), then the chat answer. Prints JSON {token, chat}.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const har = process.argv[2];
const entries = JSON.parse(readFileSync(har, 'utf8')).log.entries;
const form = readFileSync(join(dirname(har), entries[0].request.postData._file), 'utf8');
const chatBody = readFileSync(join(dirname(har), entries[1].request.postData._file), 'utf8');
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.routeFromHAR(har, { notFound: 'abort' });
  const origin = 'https://gateway.example.com';
  await page.route(`${origin}/`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>replay</title>' }));
  await page.goto(`${origin}/`);
  const result = await page.evaluate(async ({ form, chatBody }) => {
    const token = await (await fetch('/tenant/oauth2/v2.0/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })).json();
    const chat = await (await fetch('/v1/chat/completions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody })).text();
    return { token, chat };
  }, { form, chatBody });
  process.stdout.write(JSON.stringify(result));
} finally {
  await browser.close();
}
