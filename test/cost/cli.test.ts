// Cost and endpoint summaries through the CLI: show (per interaction and footer), --summary,
// --json, --stable and the Markdown export.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GENAI_PRICES_VERSION } from '../../src/cost/genai-prices.ts';
import { runCli } from '../helpers/cli.ts';

const TOOLS = 'samples/openai-chat-tools-stream.yaml';
const SERVERS = 'samples/openai-chat-servers.yaml';
const TABLE = `genai-prices ${GENAI_PRICES_VERSION}`;

test('show --cost: an estimate per interaction and for the file, marked with the table', async () => {
  const { code, stdout } = await runCli(['show', '--cost', TOOLS]);
  assert.equal(code, 0);
  assert.ok(stdout.includes(`finish tool_calls · usage 142 in / 51 out · cost $0.0000519 (estimated, ${TABLE})`), stdout);
  assert.ok(stdout.endsWith(`\n2 interactions · tokens 363 in / 68 out · cost $0.0000856 (estimated, ${TABLE})\n`), stdout);
  // Without --cost, or under --stable (git textconv), no estimate: the table is not even loaded.
  for (const args of [['show', TOOLS], ['show', '--stable', '--cost', TOOLS]]) {
    assert.ok(!(await runCli(args)).stdout.includes('cost'), args.join(' '));
  }
});

test("show: the provider's own figure needs no --cost; the calls it cannot price are counted", async () => {
  const { stdout } = await runCli(['show', SERVERS]);
  assert.ok(stdout.includes('cost $0.0205 (provider)'));
  assert.ok(stdout.includes('cost $0.00000930 (provider)'));
  assert.ok(stdout.endsWith('\n5 interactions · tokens 3060 in / 165 out · cost $0.0205 (provider), 3 not priced\n'), stdout);
});

test('show --summary --cost: a cost column, estimates marked ~ and the table named', async () => {
  const { stdout } = await runCli(['show', '--summary', '--cost', TOOLS, 'samples/openai-chat-json.yaml']);
  const lines = stdout.split('\n');
  assert.match(lines[0]!, / cost$/);
  assert.match(lines[1]!, / ~\$0\.0000856$/);
  assert.match(lines[3]!, /^2 files .* ~\$0\.000\d+$/);
  assert.equal(lines[5], `~ cost estimated from token usage with ${TABLE}`);
  const json = (await runCli(['show', '--summary', '--json', '--cost', TOOLS])).stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(json[0].cost.source, 'estimate');
  assert.equal(json[0].cost.table, TABLE);
  assert.equal(json[1].totals.cost.usd, json[0].cost.usd);
});

test('show --json --cost: cost per interaction and per file; endpoint summaries beside llm', async () => {
  const doc = JSON.parse((await runCli(['show', '--json', '--cost', TOOLS])).stdout);
  assert.deepEqual({ ...doc.interactions[0].cost, usd: Math.round(doc.interactions[0].cost.usd * 1e9) }, { usd: 51900, source: 'estimate', table: TABLE });
  assert.deepEqual({ ...doc.cost, usd: Math.round(doc.cost.usd * 1e9) }, { usd: 85650, source: 'estimate', table: TABLE, priced: 2, unpriced: 0 });
  assert.equal(doc.interactions[0].endpoint, null);
  const endpoints = JSON.parse((await runCli(['show', '--json', 'samples/openai-endpoints.yaml'])).stdout);
  assert.deepEqual(endpoints.interactions[0].endpoint, {
    provider: 'openai',
    kind: 'embeddings',
    action: 'create',
    model: 'text-embedding-3-small',
    summary: 'text-embedding-3-small · 3 inputs · 8 dims · 31 tokens',
    count: 3,
    usage: { inputTokens: 31, outputTokens: 0, totalTokens: 31 },
  });
  assert.equal(endpoints.interactions[0].llm, null);
  assert.equal(endpoints.interactions[0].response.body.object, 'list'); // the body stays, as documented for llm: null
});

test('show: a non-chat endpoint is one line, not a body dump', async () => {
  const { stdout } = await runCli(['show', 'samples/openai-endpoints.yaml']);
  assert.ok(stdout.includes('  ⟶ embeddings  text-embedding-3-small · 3 inputs · 8 dims · 31 tokens\n  openai · create\n'), stdout);
  assert.ok(stdout.includes('  ⟶ images  gpt-image-1 · 1 image · 1024x1024 · 3.2 kB base64 · 11 in / 272 out tokens\n'));
  assert.ok(!stdout.includes('decoded response body'));
  assert.ok(!stdout.includes('b64_json'));
});

test('export -f md --cost: a cost column with estimates starred and explained; endpoints as one line', async () => {
  const { stdout } = await runCli(['export', '-f', 'md', '--cost', TOOLS]);
  assert.ok(stdout.includes('| # | Status | Model | Input tokens | Output tokens | Finish | Duration | Cost |'));
  assert.ok(stdout.includes('| $0.0000519\\* |'), stdout);
  assert.ok(stdout.includes(`\\* estimated from token usage with ${TABLE}; the provider's own figure where the response carried one.`));
  const endpoints = (await runCli(['export', '-f', 'md', 'samples/ollama-endpoints.yaml'])).stdout;
  assert.ok(endpoints.includes('**embeddings** · ollama create\n\n> all-minilm · 2 inputs · 384 dims · 8 tokens'), endpoints);
});

test('estimates by default only in reports: --summary, md and html; --no-cost turns them off; never the transcript or JSON unasked', async () => {
  const both = [TOOLS, 'samples/openai-chat-json.yaml'];
  const summary = (await runCli(['show', '--summary', ...both])).stdout;
  assert.match(summary.split('\n')[1]!, / ~\$0\.0000856$/);
  assert.ok(summary.endsWith(`~ cost estimated from token usage with ${TABLE}\n`), summary);
  const summaryJson = (await runCli(['show', '--summary', '--json', TOOLS])).stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(Math.round(summaryJson[0].cost.usd * 1e9), 85650);
  assert.ok(!(await runCli(['show', '--summary', '--no-cost', ...both])).stdout.includes('cost'));
  assert.ok(!(await runCli(['show', '--summary', '--stable', ...both])).stdout.includes('cost'), '--stable never estimates');
  // The transcript and --json estimate only with --cost (start-up: the table loads in ~15 ms).
  assert.ok(!(await runCli(['show', TOOLS])).stdout.includes('cost'));
  assert.equal(JSON.parse((await runCli(['show', '--json', TOOLS])).stdout).cost, null);
  assert.equal(JSON.parse((await runCli(['export', '-f', 'json', TOOLS])).stdout).cost, null);
  const md = (await runCli(['export', '-f', 'md', TOOLS])).stdout;
  assert.ok(md.includes('| $0.0000519\\* |'), md);
  assert.ok(!(await runCli(['export', '-f', 'md', '--no-cost', TOOLS])).stdout.includes('\\*'));
  const html = (await runCli(['export', '-f', 'html', TOOLS])).stdout;
  assert.ok(html.includes(`<span title="cost, estimated from token usage with ${TABLE}">≈ $0.000052</span>`), 'the html report prices the call');
  assert.ok(!(await runCli(['export', '-f', 'html', '--no-cost', TOOLS])).stdout.includes('estimated from token usage'));
});
