// The multi-turn check: what interaction i's response reassembles to must be the assistant turn
// the SDK sent back in interaction i+1. The corpus oracle (test/helpers/oracle.ts) turned into a
// rule. Arguments re-sent as a JSON string that holds the answered JSON are their own rule.

import { isDeepStrictEqual } from 'node:util';
import type { AnalyzedInteraction } from '../interpret/index.ts';
import type { ContentPart, Exchange, Message } from '../interpret/types.ts';

export interface TurnProblem {
  rule: 'turn-mismatch' | 'double-encoded-arguments';
  /** Interaction whose request re-sent the turn. */
  index: number;
  message: string;
  key: string;
}

/** The last run of consecutive assistant messages, and where it starts. */
export function lastAssistantTurn(messages: Message[]): { start: number; parts: ContentPart[] } | undefined {
  let end = messages.length - 1;
  while (end >= 0 && messages[end]!.role !== 'assistant') end--;
  if (end < 0) return undefined;
  let start = end;
  while (start > 0 && messages[start - 1]!.role === 'assistant') start--;
  return { start, parts: messages.slice(start, end + 1).flatMap((m) => m.content) };
}

/** A string holding JSON (an object or array) equal to `expected`: arguments encoded twice. */
function doubleEncoded(sent: unknown, expected: unknown): boolean {
  if (typeof sent !== 'string' || typeof expected !== 'object' || expected === null) return false;
  try {
    const inner: unknown = JSON.parse(sent);
    return isDeepStrictEqual(inner, expected) || (typeof inner === 'string' && doubleEncoded(inner, expected));
  } catch {
    return false;
  }
}

const clip = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
const clipJson = (v: unknown) => clip(typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));

/** What differs between response `previous` and the re-sent turn; undefined when they agree. */
export function compareTurn(previous: Exchange, turn: ContentPart[]): Omit<TurnProblem, 'index'> | undefined {
  const sentCalls = turn.filter((p) => p.type === 'tool-call');
  const got = previous.response.toolCalls;
  if (sentCalls.length !== got.length) {
    return { rule: 'turn-mismatch', key: 'tool-call-count', message: `the answer had ${got.length} tool call(s), the next request sent back ${sentCalls.length}` };
  }
  for (const [i, call] of got.entries()) {
    const sent = sentCalls[i]!;
    if (sent.name !== call.name) return { rule: 'turn-mismatch', key: `tool-call-name-${i}`, message: `tool call ${i}: answered ${clip(call.name)}, sent back ${clip(sent.name)}` };
    if (!isDeepStrictEqual(sent.arguments, call.arguments)) {
      if (doubleEncoded(sent.arguments, call.arguments)) {
        return { rule: 'double-encoded-arguments', key: `tool-call-arguments-${i}`, message: `tool call ${i} (${call.name}): arguments sent back as a JSON string holding the answered JSON` };
      }
      return { rule: 'turn-mismatch', key: `tool-call-arguments-${i}`, message: `tool call ${i} (${call.name}) arguments: answered ${clipJson(call.arguments)}, sent back ${clipJson(sent.arguments)}` };
    }
    if (sent.id && call.id && sent.id !== call.id) return { rule: 'turn-mismatch', key: `tool-call-id-${i}`, message: `tool call ${i} id: answered ${clip(call.id)}, sent back ${clip(sent.id)}` };
  }
  // Trimmed; an empty re-sent text says nothing, since some SDKs drop the text streamed before tool calls.
  const sentText = turn.map((p) => (p.type === 'text' ? p.text : '')).join('').trim();
  if (sentText !== '' && sentText !== previous.response.text.trim()) {
    return { rule: 'turn-mismatch', key: 'text', message: `text: answered ${clip(previous.response.text.trim())}, sent back ${clip(sentText)}` };
  }
  return undefined;
}

/**
 * Every pair i, i+1 of one dialect where i is a complete 2xx answer and request i+1 continues its
 * conversation (its last assistant turn comes after i's messages; a request chained by
 * previous_response_id re-sends no turn).
 */
export function turnProblems(items: readonly AnalyzedInteraction[]): TurnProblem[] {
  const problems: TurnProblem[] = [];
  for (let n = 0; n + 1 < items.length; n++) {
    const previous = items[n]!.llm;
    const next = items[n + 1]!.llm;
    if (!previous || !next || previous.provider !== next.provider) continue;
    const status = items[n]!.interaction.response.status;
    if (status < 200 || status >= 300 || previous.response.error || previous.response.incomplete) continue;
    const turn = lastAssistantTurn(next.request.messages);
    if (!turn || turn.start < previous.request.messages.length) continue;
    const problem = compareTurn(previous, turn.parts);
    if (problem) problems.push({ ...problem, index: n + 1 });
  }
  return problems;
}
