// The multi-turn oracle: a multi-turn cassette checks itself. What we reassembled from response N
// must be the assistant turn that the recording SDK rebuilt and sent back in request N+1.

import { isDeepStrictEqual } from 'node:util';
import type { AnalyzedCassette } from '../../src/interpret/index.ts';
import type { ContentPart, Exchange, Message, Provider } from '../../src/interpret/types.ts';

/** The last run of consecutive assistant messages, and where it starts. */
export function lastAssistantTurn(messages: Message[]): { start: number; parts: ContentPart[] } | undefined {
  let end = messages.length - 1;
  while (end >= 0 && messages[end]!.role !== 'assistant') end--;
  if (end < 0) return undefined;
  let start = end;
  while (start > 0 && messages[start - 1]!.role === 'assistant') start--;
  return { start, parts: messages.slice(start, end + 1).flatMap((m) => m.content) };
}

/**
 * What differs between response N and the turn re-sent in request N+1; undefined when they agree.
 * Tool calls: names, arguments as JSON values, ids when both have one. Text: trimmed; an empty
 * re-sent text says nothing, since some SDKs drop the text streamed before tool calls.
 */
export function oracleMismatch(previous: Exchange, turn: ContentPart[]): string | undefined {
  const sentCalls = turn.filter((p) => p.type === 'tool-call');
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
  const sentText = turn.map((p) => (p.type === 'text' ? p.text : '')).join('').trim();
  if (sentText !== '' && sentText !== previous.response.text.trim()) {
    return `text: reassembled ${JSON.stringify(previous.response.text.slice(0, 80))}, re-sent ${JSON.stringify(sentText.slice(0, 80))}`;
  }
  return undefined;
}

export interface OracleResult {
  /** Pairs the oracle applied to, per dialect. */
  checked: Map<Provider, number>;
  mismatches: string[];
}

/**
 * Applies the oracle to every pair N, N+1 of one dialect (of `provider`, when given) where N is a
 * 2xx answer without error and request N+1 continues N's conversation (its last assistant turn
 * comes after N's messages; a request chained by previous_response_id re-sends no turn).
 */
export function checkOracle(cassette: AnalyzedCassette, provider?: Provider, result?: OracleResult): OracleResult {
  const out: OracleResult = result ?? { checked: new Map(), mismatches: [] };
  const items = cassette.interactions;
  for (let n = 0; n + 1 < items.length; n++) {
    const previous = items[n]!.llm;
    const next = items[n + 1]!.llm;
    if (!previous || !next || previous.provider !== next.provider) continue;
    if (provider && previous.provider !== provider) continue;
    const status = items[n]!.interaction.response.status;
    if (status < 200 || status >= 300 || previous.response.error) continue;
    const turn = lastAssistantTurn(next.request.messages);
    if (!turn || turn.start < previous.request.messages.length) continue;
    out.checked.set(previous.provider, (out.checked.get(previous.provider) ?? 0) + 1);
    const mismatch = oracleMismatch(previous, turn.parts);
    if (mismatch) out.mismatches.push(`${cassette.cassette.file}#${n}: ${mismatch}`);
  }
  return out;
}
