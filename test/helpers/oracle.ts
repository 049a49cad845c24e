// The multi-turn oracle: a multi-turn cassette checks itself. What we reassembled from response N
// must be the assistant turn that the recording SDK rebuilt and sent back in request N+1. The
// comparison is lint's turn-mismatch rule (src/lint/turns.ts); this file counts the pairs per
// dialect for the corpus tests.
//
// SDKs may rewrite a turn before sending it back. The comparison knows the documented rewrites
// below — each is a rule about the SDK, never about a file — and nothing else:
// - pydantic-ai re-sends a ThinkingPart as text `<think>\n…\n</think>` to models that have no thinking
//   field (its OpenAI-compatible, Groq, Hugging Face and non-Claude Bedrock mappings), and splits
//   `<think>…</think>` out of a response's text into a ThinkingPart: think blocks are reasoning, not
//   text; what they carry must be the reasoning we reassembled (whitespace aside).
// - pydantic-ai scopes the per-response call ids of Bedrock Mantle's Responses API (`call_0` in every
//   response) as `<response id>:<call id>` (pydantic-ai #6536).
// - pydantic-ai inserts turns of its own after the answer (a `search_tools` call that loads deferred
//   tools, an `OK` turn before files returned by a tool): the turn checked is the one right after
//   request N's messages, not the last one.
// - Some SDKs drop the text streamed before tool calls: an empty re-sent text says nothing.
// - The Python google-genai SDK (pydantic-ai, simonw/llm-gemini) holds `thoughtSignature` as bytes and
//   re-sends it as URL-safe base64: a signature is compared as the bytes it encodes.

import type { AnalyzedCassette } from '../../src/interpret/index.ts';
import type { ContentPart, Exchange, Message, Provider } from '../../src/interpret/types.ts';
import { assistantTurnAt, compareTurn } from '../../src/lint/turns.ts';

/** The last run of consecutive assistant messages, and where it starts. */
export function lastAssistantTurn(messages: Message[]): { start: number; parts: ContentPart[] } | undefined {
  let end = messages.length - 1;
  while (end >= 0 && messages[end]!.role !== 'assistant') end--;
  if (end < 0) return undefined;
  let start = end;
  while (start > 0 && messages[start - 1]!.role === 'assistant') start--;
  return { start, parts: messages.slice(start, end + 1).flatMap((m) => m.content) };
}

/** What differs between response N and the turn re-sent in request N+1; undefined when they agree. */
export function oracleMismatch(previous: Exchange, turn: ContentPart[]): string | undefined {
  return compareTurn(previous, turn)?.message;
}

export interface OracleResult {
  /** Pairs the oracle applied to, per dialect. */
  checked: Map<Provider, number>;
  mismatches: string[];
}

/**
 * Applies the oracle to every pair N, N+1 of one dialect (of `provider`, when given) where N is a
 * 2xx answer without error and request N+1 continues N's conversation: an assistant turn right
 * after N's messages (a request chained by previous_response_id re-sends no turn).
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
    const turn = assistantTurnAt(next.request.messages, previous.request.messages.length);
    if (!turn) continue;
    out.checked.set(previous.provider, (out.checked.get(previous.provider) ?? 0) + 1);
    const mismatch = oracleMismatch(previous, turn);
    if (mismatch) out.mismatches.push(`${cassette.cassette.file}#${n}: ${mismatch}`);
  }
  return out;
}
