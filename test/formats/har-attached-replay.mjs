// Replays samples/har-attach-dirty/chat.har (or a scrubbed copy, argv[2]) with Playwright's
// routeFromHAR in Debian's chromium: a page on the HAR's origin asks for the token (the form body as
// the HAR now holds it), then the chat answer. Prints JSON {token, chat}.
import { withHarPage } from '../helpers/har-page.mjs';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const har = process.argv[2];
const entries = JSON.parse(readFileSync(har, 'utf8')).log.entries;
const form = readFileSync(join(dirname(har), entries[0].request.postData._file), 'utf8');
const chatBody = readFileSync(join(dirname(har), entries[1].request.postData._file), 'utf8');
const result = await withHarPage(har, 'https://gateway.example.com', (page) =>
  page.evaluate(async ({ form, chatBody }) => {
    const token = await (await fetch('/tenant/oauth2/v2.0/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })).json();
    const chat = await (await fetch('/v1/chat/completions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody })).text();
    return { token, chat };
  }, { form, chatBody }),
);
process.stdout.write(JSON.stringify(result));
