// Shared by the Anthropic and Bedrock tests: the multi-turn oracle per dialect, and re-cutting stream deltas.

import type { AnthropicEvent } from '../../src/interpret/anthropic-stream.ts';
import type { AnalyzedCassette } from '../../src/interpret/index.ts';
import type { Provider } from '../../src/interpret/types.ts';
import { checkOracle } from '../helpers/oracle.ts';

/** The shared oracle (test/helpers/oracle.ts) over one cassette, for one dialect. */
export function oracleMismatches(cassette: AnalyzedCassette, provider: Provider): string[] {
  return checkOracle(cassette, provider).mismatches;
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
