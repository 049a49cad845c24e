// Conformance over the shared corpus of real recordings (skipped, with a message, without it):
// every file loads, every 2xx LLM interaction is interpreted with a non-empty final message, and
// the multi-turn oracle holds: what we reassembled from response N is what the recording SDK sent
// back as the assistant turn in request N+1.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { analyzeCassette, type AnalyzedCassette } from '../src/interpret/index.ts';
import type { ContentPart, Exchange, Message } from '../src/interpret/types.ts';
import { readCassette } from '../src/read/read-cassette.ts';
import { corpusFiles, CORPUS, SKIP_WITHOUT_CORPUS } from './helpers/paths.ts';

const files = corpusFiles();
const loaded: AnalyzedCassette[] = [];
const loadErrors: string[] = [];

test('every corpus cassette loads', { skip: SKIP_WITHOUT_CORPUS }, async () => {
  for (const file of files) {
    try {
      loaded.push(analyzeCassette(await readCassette(file)));
    } catch (error) {
      loadErrors.push(`${file}: ${(error as Error).message}`);
    }
  }
  assert.deepEqual(loadErrors, []);
  assert.ok(files.length >= 690, `expected the ~694 corpus files, found ${files.length}`);
});

const is2xx = (status: number) => status >= 200 && status < 300;
const where = (cassette: AnalyzedCassette, index: number) => `${cassette.cassette.file.slice(CORPUS.length + 1)}#${index}`;

test('every 2xx interaction is interpreted, with a non-empty final message', { skip: SKIP_WITHOUT_CORPUS }, (t) => {
  const uninterpreted: string[] = [];
  const empty: string[] = [];
  const perProvider = new Map<string, number>();
  for (const cassette of loaded) {
    for (const item of cassette.interactions) {
      if (!is2xx(item.interaction.response.status)) continue;
      const llm = item.llm;
      if (!llm) {
        uninterpreted.push(`${where(cassette, item.interaction.index)} ${item.interaction.request.url}`);
        continue;
      }
      perProvider.set(llm.provider, (perProvider.get(llm.provider) ?? 0) + 1);
      const r = llm.response;
      if (!r.text && !r.reasoning && r.toolCalls.length === 0) empty.push(where(cassette, item.interaction.index));
    }
  }
  t.diagnostic(`2xx interactions per dialect: ${JSON.stringify(Object.fromEntries(perProvider))}`);
  assert.deepEqual(uninterpreted, []);
  assert.deepEqual(empty, []);
  for (const provider of ['openai-chat', 'openai-responses', 'anthropic', 'gemini', 'bedrock']) {
    assert.ok((perProvider.get(provider) ?? 0) > 0, `no ${provider} interactions found`);
  }
});

/** The last run of consecutive assistant messages, and where it starts. */
function lastAssistantTurn(messages: Message[]): { start: number; parts: ContentPart[] } | undefined {
  let end = messages.length - 1;
  while (end >= 0 && messages[end]!.role !== 'assistant') end--;
  if (end < 0) return undefined;
  let start = end;
  while (start > 0 && messages[start - 1]!.role === 'assistant') start--;
  return { start, parts: messages.slice(start, end + 1).flatMap((m) => m.content) };
}

function oracleMismatch(previous: Exchange, next: Exchange): string | undefined {
  const turn = lastAssistantTurn(next.request.messages);
  // The oracle applies when the next request continues the previous one's conversation.
  if (!turn || turn.start < previous.request.messages.length) return undefined;
  const sentCalls = turn.parts.filter((p) => p.type === 'tool-call');
  const got = previous.response.toolCalls;
  if (sentCalls.length !== got.length) return `tool calls: reassembled ${got.length}, re-sent ${sentCalls.length}`;
  for (const [i, call] of got.entries()) {
    const sent = sentCalls[i]!;
    if (sent.name !== call.name) return `tool call ${i} name: reassembled ${call.name}, re-sent ${sent.name}`;
    if (!isDeepStrictEqual(sent.arguments, call.arguments)) {
      return `tool call ${i} arguments: reassembled ${JSON.stringify(call.arguments)}, re-sent ${JSON.stringify(sent.arguments)}`;
    }
    if (sent.id && call.id && sent.id !== call.id) return `tool call ${i} id: reassembled ${call.id}, re-sent ${sent.id}`;
  }
  const sentText = turn.parts.map((p) => (p.type === 'text' ? p.text : '')).join('').trim();
  // Some SDKs drop the text streamed before tool calls from the turn they re-send (the corpus SDK
  // re-sends " " for avian-kimi); an empty re-sent text says nothing, a different one is a mismatch.
  if (sentText !== '' && sentText !== previous.response.text.trim()) {
    return `text: reassembled ${JSON.stringify(previous.response.text.slice(0, 80))}, re-sent ${JSON.stringify(sentText.slice(0, 80))}`;
  }
  return undefined;
}

test('multi-turn oracle: response N equals the assistant turn re-sent in request N+1', { skip: SKIP_WITHOUT_CORPUS }, (t) => {
  const mismatches: string[] = [];
  const checked = new Map<string, number>();
  for (const cassette of loaded) {
    const items = cassette.interactions;
    for (let n = 0; n + 1 < items.length; n++) {
      const previous = items[n]!.llm;
      const next = items[n + 1]!.llm;
      if (!previous || !next || previous.provider !== next.provider) continue;
      if (!is2xx(items[n]!.interaction.response.status) || previous.response.error) continue;
      const turn = lastAssistantTurn(next.request.messages);
      if (!turn || turn.start < previous.request.messages.length) continue;
      checked.set(previous.provider, (checked.get(previous.provider) ?? 0) + 1);
      const mismatch = oracleMismatch(previous, next);
      if (mismatch) mismatches.push(`${where(cassette, n)}: ${mismatch}`);
    }
  }
  t.diagnostic(`oracle pairs checked per dialect: ${JSON.stringify(Object.fromEntries(checked))}`);
  assert.deepEqual(mismatches, []);
  for (const provider of ['openai-chat', 'openai-responses', 'anthropic', 'gemini', 'bedrock']) {
    assert.ok((checked.get(provider) ?? 0) > 0, `the oracle checked no ${provider} pair`);
  }
});
