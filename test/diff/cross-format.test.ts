// The same exchange recorded by two stacks (vcrpy + requests, Playwright's HAR, Polly's HAR, Ruby
// VCR) against one fake server (scripts/samples/record-formats.sh): diff compares them by meaning.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CassetteDiff } from '../../src/diff/types.ts';
import { runCli } from '../helpers/cli.ts';
import { sample } from '../helpers/paths.ts';

async function diffJson(args: string[]): Promise<{ code: number; diff: CassetteDiff }> {
  const result = await runCli(['diff', '--json', ...args]);
  assert.equal(result.stderr, '');
  return { code: result.code, diff: JSON.parse(result.stdout) as CassetteDiff };
}

const changesOf = (diff: CassetteDiff) => diff.interactions.map((i) => i.changes.map((c) => `${c.kind} ${c.path}`));

test('vcrpy YAML against a Playwright HAR of the same streamed tool call: the stream means the same', async () => {
  const { code, diff } = await diffJson(['--ignore', 'request.headers.*', sample('vcrpy-openai-chat-tools-stream.yaml'), sample('har-openai-chat-stream.har')]);
  assert.equal(code, 1);
  // The Python client asked for usage in the stream; the browser page did not. Nothing else differs:
  // the tool call, its arguments, the answer and the usage reassemble the same from both recordings.
  assert.deepEqual(changesOf(diff), [['removed request.params.stream_options'], ['removed request.params.stream_options']]);
  assert.deepEqual(diff.tokens, { old: { input: 153, output: 24 }, new: { input: 153, output: 24 } });
});

test('vcrpy JSON against Ruby VCR YAML: only the headers the clients send and the tool result they were given differ', async () => {
  const { diff } = await diffJson([sample('vcrpy-openai-chat.json'), sample('ruby-vcr-openai-chat.yml')]);
  assert.deepEqual(changesOf(diff), [
    ['changed request.headers.accept-encoding', 'removed request.headers.connection', 'added request.headers.host'],
    ['changed request.headers.accept-encoding', 'removed request.headers.connection', 'added request.headers.host', 'changed request.messages[2].content[0].content'],
  ]);
});

test('a recording against the same exchange in its other serializer is identical in meaning', async () => {
  const result = await runCli(['diff', sample('ruby-vcr-openai-chat.yml'), sample('ruby-vcr-openai-chat.json')]);
  assert.equal(result.stdout, `${sample('ruby-vcr-openai-chat.yml')} → ${sample('ruby-vcr-openai-chat.json')}: identical in meaning (2 interactions)\n`);
  assert.equal(result.code, 0);
});
