// Shared by the Anthropic and Bedrock tests: the multi-turn oracle, and re-cutting stream deltas.

import { isDeepStrictEqual } from 'node:util';
import type { AnthropicEvent } from '../../src/interpret/anthropic-stream.ts';
import type { AnalyzedCassette } from '../../src/interpret/index.ts';
import type { Provider } from '../../src/interpret/types.ts';

/**
 * For consecutive 2xx interactions N, N+1 of `provider`: the last assistant turn re-sent in
 * request N+1 carries response N's tool calls and text. As in the lead's conformance test, an
 * empty re-sent text is no mismatch (the computer-use recordings drop the text before tool calls).
 */
export function oracleMismatches(cassette: AnalyzedCassette, provider: Provider): string[] {
  const problems: string[] = [];
  const items = cassette.interactions;
  for (let n = 0; n + 1 < items.length; n++) {
    const previous = items[n]!.llm;
    const next = items[n + 1]!.llm;
    if (previous?.provider !== provider || next?.provider !== provider || items[n]!.interaction.response.status >= 300) continue;
    const messages = next.request.messages;
    let end = messages.length - 1;
    while (end >= 0 && messages[end]!.role !== 'assistant') end--;
    let start = end;
    while (start > 0 && messages[start - 1]!.role === 'assistant') start--;
    if (end < 0 || start < previous.request.messages.length) continue;
    const parts = messages.slice(start, end + 1).flatMap((m) => m.content);
    const sent = parts.flatMap((p) => (p.type === 'tool-call' ? [{ id: p.id, name: p.name, arguments: p.arguments }] : []));
    const got = previous.response.toolCalls.map((c) => ({ id: c.id, name: c.name, arguments: c.arguments }));
    const where = `${cassette.cassette.file}#${n}`;
    if (!isDeepStrictEqual(sent, got)) problems.push(`${where}: tool calls ${JSON.stringify(got)} re-sent as ${JSON.stringify(sent)}`);
    const sentText = parts.map((p) => (p.type === 'text' ? p.text : '')).join('').trim();
    if (sentText !== '' && sentText !== previous.response.text.trim()) problems.push(`${where}: text differs`);
  }
  return problems;
}

const SPLITTABLE: Record<string, string> = { text_delta: 'text', input_json_delta: 'partial_json', thinking_delta: 'thinking' };

/**
 * Joins each run of consecutive deltas of one block and kind, then splits the joined string again
 * at points taken from `cuts` (used round-robin): 1 to 4 pieces, empty pieces allowed.
 */
export function recutDeltas(events: AnthropicEvent[], cuts: number[]): AnthropicEvent[] {
  const out: AnthropicEvent[] = [];
  let next = 0;
  const take = () => cuts[next++ % cuts.length]!;
  for (let i = 0; i < events.length; ) {
    const event = events[i]!;
    const delta = event.delta as Record<string, unknown> | undefined;
    const field = event.type === 'content_block_delta' && delta ? SPLITTABLE[String(delta.type)] : undefined;
    if (!field) {
      out.push(event);
      i++;
      continue;
    }
    let joined = '';
    let j = i;
    for (; j < events.length; j++) {
      const other = events[j]!;
      const otherDelta = (other.delta ?? {}) as Record<string, unknown>;
      if (other.type !== 'content_block_delta' || other.index !== event.index || otherDelta.type !== delta!.type) break;
      joined += String(otherDelta[field] ?? '');
    }
    const pieces = 1 + (take() % 4);
    const points = Array.from({ length: pieces - 1 }, () => take() % (joined.length + 1)).sort((a, b) => a - b);
    let from = 0;
    for (const point of [...points, joined.length]) {
      out.push({ type: 'content_block_delta', index: event.index, delta: { type: delta!.type, [field]: joined.slice(from, point) } });
      from = point;
    }
    i = j;
  }
  return out;
}
