// Replays a converted recording with @pollyjs/core + adapter-node-http + persister-fs in replay mode:
// posts the given request bodies in order, then a request the recording does not hold. Prints JSON.
// argv: recordingsDir recordingName url [match-headers]; stdin: JSON list of request bodies. With
// match-headers the requests send Content-Type and Content-Length and Polly matches headers too
// (its default matchRequestsBy); without, matchRequestsBy { headers: false }.
import http from 'node:https';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Polly } = require('@pollyjs/core');
const NodeHttpAdapter = require('@pollyjs/adapter-node-http');
const FSPersister = require('@pollyjs/persister-fs');
Polly.register(NodeHttpAdapter);
Polly.register(FSPersister);

const [recordingsDir, name, url, mode] = process.argv.slice(2);
const matchHeaders = mode === 'match-headers';
const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.on('data', (c) => (text += c)).on('end', () => resolve(text));
}));

function request(method, target, body) {
  return new Promise((resolve, reject) => {
    const headers = body ? { 'content-type': 'application/json', ...(matchHeaders ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } : {};
    const req = http.request(target, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const polly = new Polly(name, {
  adapters: ['node-http'],
  persister: 'fs',
  persisterOptions: { fs: { recordingsDir } },
  mode: 'replay',
  recordIfMissing: false,
  matchRequestsBy: matchHeaders ? {} : { headers: false },
  logLevel: 'silent',
});
const bodies = [];
for (const body of input) bodies.push((await request('POST', url, body)).toString('base64'));
let refused = false;
try {
  await request('GET', 'https://api.openai.com/v1/models');
} catch (error) {
  refused = /not found|recordIfMissing/i.test(String(error?.message ?? error));
}
await polly.stop();
console.log(JSON.stringify({ bodies, refused }));
