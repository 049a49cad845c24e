import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/main.ts';
import type { Io } from '../../src/io.ts';
import { runCli } from '../helpers/cli.ts';
import { ROOT } from '../helpers/paths.ts';
import { GENAI_PRICES_VERSION } from '../../src/cost/genai-prices.ts';

// Paths as a user types them, relative to the project: the file column's text is exact.
process.chdir(ROOT);
const FILES = ['samples/openai-chat-json.yaml', 'samples/openai-chat-tools-stream.yaml', 'samples/bedrock-errors.yaml'];

async function onTerminal(argv: string[], columns: number) {
  let stdout = '';
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: true, columns },
    stderr: { write: () => true, isTTY: false },
    env: { NO_COLOR: '1' },
    cwd: ROOT,
  };
  return { code: await main(argv, io), stdout };
}

test('--summary: compact, numbers right-aligned, long values shortened to 100 columns off a terminal', async () => {
  const { code, stdout, stderr } = await runCli(['show', '--summary', ...FILES]);
  assert.equal(code, 0);
  assert.equal(stderr, '');
  // Estimated costs by default in the summary (a report: the price table's load does not show).
  assert.equal(
    stdout,
    [
      'file                     calls  provider     model            tok in  tok out  status           cost',
      '…/openai-chat-json.yaml      1  openai-chat  gpt-4o-mini-20…     283       12  200       ~$0.0000496',
      '…chat-tools-stream.yaml      2  openai-chat  gpt-4o-mini-20…     363       68  200       ~$0.0000856',
      '…es/bedrock-errors.yaml      2  bedrock      claude-haiku-4…     618        1  200, 400   ~$0.000685',
      '3 files                      5                                  1264       81             ~$0.000821',
      'interactions by dialect: openai-chat 3 · bedrock 2',
      `~ cost estimated from token usage with genai-prices ${GENAI_PRICES_VERSION}`,
      '',
    ].join('\n'),
  );
  assert.equal(
    (await runCli(['show', '--summary', '--no-cost', ...FILES])).stdout,
    [
      'file                             calls  provider     model                 tok in  tok out  status',
      'samples/openai-chat-json.yaml        1  openai-chat  gpt-4o-mini-2024-07…     283       12  200',
      '…/openai-chat-tools-stream.yaml      2  openai-chat  gpt-4o-mini-2024-07…     363       68  200',
      'samples/bedrock-errors.yaml          2  bedrock      claude-haiku-4-5-20…     618        1  200, 400',
      '3 files                              5                                       1264       81',
      'interactions by dialect: openai-chat 3 · bedrock 2',
      '',
    ].join('\n'),
  );
});

test('--summary fits the terminal: 80 and 120 columns', async () => {
  const narrow = await onTerminal(['show', '--summary', '--no-cost', ...FILES], 80);
  assert.equal(narrow.code, 0);
  const rows = narrow.stdout.trimEnd().split('\n');
  assert.deepEqual(rows, [
    'file                 calls  provider     model         tok in  tok out  status',
    '…nai-chat-json.yaml      1  openai-chat  gpt-4o-mini…     283       12  200',
    '…-tools-stream.yaml      2  openai-chat  gpt-4o-mini…     363       68  200',
    '…edrock-errors.yaml      2  bedrock      claude-haik…     618        1  200, 400',
    '3 files                  5                               1264       81',
    'interactions by dialect: openai-chat 3 · bedrock 2',
  ]);
  for (const row of rows) assert.ok(row.length <= 80, `≤ 80 columns: ${row}`);
  const priced = await onTerminal(['show', '--summary', ...FILES], 80);
  assert.deepEqual(priced.stdout.trimEnd().split('\n').slice(0, 5), [
    'file          calls  provider  model       tok in  tok out  status          cost',
    '…t-json.yaml      1  openai-…  gpt-4o-mi…     283       12  200      ~$0.0000496',
    '…stream.yaml      2  openai-…  gpt-4o-mi…     363       68  200      ~$0.0000856',
    '…errors.yaml      2  bedrock   claude-ha…     618        1  200, 4…   ~$0.000685',
    '3 files           5                          1264       81            ~$0.000821',
  ]);
  for (const row of priced.stdout.trimEnd().split('\n')) assert.ok(row.length <= 80, `≤ 80 columns: ${row}`);
  const wide = await onTerminal(['show', '--summary', '--no-cost', ...FILES], 120);
  for (const row of wide.stdout.trimEnd().split('\n')) assert.ok(row.length <= 120, `≤ 120 columns: ${row}`);
  const widePriced = await onTerminal(['show', '--summary', ...FILES], 120);
  for (const row of widePriced.stdout.trimEnd().split('\n')) assert.ok(row.length <= 120, `≤ 120 columns: ${row}`);
  assert.ok(wide.stdout.includes('\nsamples/openai-chat-tools-stream.yaml      2  openai-chat'), 'a path that fits is whole');
});

test('--summary --json: NDJSON, one object per file, then the totals', async () => {
  const { code, stdout } = await runCli(['show', '--summary', '--json', '--no-cost', FILES[0]!, FILES[2]!]);
  assert.equal(code, 0);
  assert.deepEqual(
    stdout.trimEnd().split('\n').map((line) => JSON.parse(line)),
    [
      { file: FILES[0], interactions: 1, providers: ['openai-chat'], models: ['gpt-4o-mini-2024-07-18'], inputTokens: 283, outputTokens: 12, statuses: [200], cost: null },
      { file: FILES[2], interactions: 2, providers: ['bedrock'], models: ['claude-haiku-4-5-20251001', 'us.anthropic.claude-haiku-4-5-20251001-v1:0'], inputTokens: 618, outputTokens: 1, statuses: [200, 400], cost: null },
      { totals: { files: 2, interactions: 3, inputTokens: 901, outputTokens: 13, cost: null, byProvider: { 'openai-chat': 1, bedrock: 2 } } },
    ],
  );
});

test('--summary --json with a bad file: the others as lines, the error on stderr, exit 2', async () => {
  const { code, stdout, stderr } = await runCli(['show', '--summary', '--json', 'samples/not-a-cassette.yaml', FILES[0]!]);
  assert.equal(code, 2);
  assert.equal(stderr, 'cassette: samples/not-a-cassette.yaml: not a cassette: found a YAML mapping with keys name, version, scripts\n');
  assert.equal(stdout.trimEnd().split('\n').length, 2);
});

test('-i beyond the last interaction says so on stderr: file, how many it has', async () => {
  const beyond = await runCli(['show', '-i', '99', FILES[1]!]);
  assert.deepEqual(beyond, { code: 2, stdout: '', stderr: `cassette: ${FILES[1]}: no interaction 99 (the file has 2 interactions: 0-1)\n` });
  const some = await runCli(['show', '-i', '1,5-9', FILES[1]!, FILES[0]!]);
  assert.equal(some.code, 2, 'the second file has none of them');
  assert.equal(
    some.stderr,
    `cassette: ${FILES[1]}: no interactions 5-9 (the file has 2 interactions: 0-1)\n` + `cassette: ${FILES[0]}: no interactions 1, 5-9 (the file has 1 interaction: 0)\n`,
  );
  assert.ok(some.stdout.includes('1 of 2 interactions · tokens 363 in / 68 out'));
  const partly = await runCli(['show', '--json', '-i', '0,3', FILES[0]!]);
  assert.equal(partly.code, 0, 'interaction 0 is there');
  assert.equal(partly.stderr, `cassette: ${FILES[0]}: no interaction 3 (the file has 1 interaction: 0)\n`);
  assert.equal(JSON.parse(partly.stdout).interactions.length, 1);
});

test('export --format markdown is --format md', async () => {
  const md = await runCli(['export', '--format', 'md', FILES[0]!]);
  const markdown = await runCli(['export', '--format', 'markdown', FILES[0]!]);
  assert.equal(markdown.code, 0);
  assert.equal(markdown.stdout, md.stdout);
  assert.ok(markdown.stdout.startsWith('# `samples/openai-chat-json.yaml`\n'));
  const bad = await runCli(['export', '--format', 'mdx', FILES[0]!]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /Allowed choices are har, json, md, markdown/);
});
