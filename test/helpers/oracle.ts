// The multi-turn oracle: a multi-turn cassette checks itself. What we reassembled from response N
// must be the assistant turn that the recording SDK rebuilt and sent back in request N+1.
//
// SDKs may rewrite a turn before sending it back. The oracle knows the documented rewrites below —
// each is a rule about the SDK, never about a file — and nothing else:
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

/** The run of assistant messages that starts at `start`; undefined when the message there is not the assistant's. */
export function assistantTurnAt(messages: Message[], start: number): { start: number; parts: ContentPart[] } | undefined {
  if (messages[start]?.role !== 'assistant') return undefined;
  let end = start;
  while (end + 1 < messages.length && messages[end + 1]!.role === 'assistant') end++;
  return { start, parts: messages.slice(start, end + 1).flatMap((m) => m.content) };
}

/** Text without `<think>…</think>` blocks (pydantic-ai's way of carrying reasoning in text), trimmed. */
export function withoutThinkBlocks(text: string): string {
  return text.replace(/<think>[\s\S]*?<\/think>/g, '').trim();
}

/** Standard and URL-safe base64 of the same bytes are one signature. */
function signatureBytes(signature: string): string {
  return signature.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
}

/** What `<think>` blocks carry, whitespace collapsed. */
function thinkBlockContent(text: string): string {
  return [...text.matchAll(/<think>([\s\S]*?)<\/think>/g)].map((m) => m[1]!).join(' ').replace(/\s+/g, ' ').trim();
}

/** pydantic-ai's response-scoped form of a Bedrock Mantle Responses call id. */
function sameCallId(sent: string, reassembled: string, responseId: string | undefined): boolean {
  return sent === reassembled || (responseId !== undefined && sent === `${responseId}:${reassembled}`);
}

/**
 * What differs between response N and the turn re-sent in request N+1; undefined when they agree.
 * Tool calls: names, arguments as JSON values, ids when both have one. Text: without think blocks,
 * trimmed; an empty re-sent text says nothing. Signatures (Gemini thoughtSignature): each one
 * re-sent is one the response gave.
 */
export function oracleMismatch(previous: Exchange, turn: ContentPart[]): string | undefined {
  const sentCalls = turn.filter((p) => p.type === 'tool-call');
  const response = previous.response;
  const got = response.toolCalls;
  if (sentCalls.length !== got.length) return `tool calls: reassembled ${got.length}, re-sent ${sentCalls.length}`;
  for (const [i, call] of got.entries()) {
    const sent = sentCalls[i]!;
    if (sent.name !== call.name) return `tool call ${i} name: reassembled ${call.name}, re-sent ${sent.name}`;
    if (!isDeepStrictEqual(sent.arguments, call.arguments)) {
      return `tool call ${i} arguments: reassembled ${JSON.stringify(call.arguments)}, re-sent ${JSON.stringify(sent.arguments)}`;
    }
    if (sent.id && call.id && !sameCallId(sent.id, call.id, response.id)) return `tool call ${i} id: reassembled ${call.id}, re-sent ${sent.id}`;
  }
  const sentRaw = turn.map((p) => (p.type === 'text' ? p.text : '')).join('');
  const sentText = withoutThinkBlocks(sentRaw);
  const gotText = withoutThinkBlocks(response.text);
  if (sentText !== '' && sentText !== gotText) {
    return `text: reassembled ${JSON.stringify(gotText.slice(0, 80))}, re-sent ${JSON.stringify(sentText.slice(0, 80))}`;
  }
  const sentThinking = thinkBlockContent(sentRaw);
  const gotThinking = response.reasoning.replace(/\s+/g, ' ').trim() || thinkBlockContent(response.text);
  if (sentThinking !== '' && sentThinking !== gotThinking) {
    return `reasoning in <think>: reassembled ${JSON.stringify(gotThinking.slice(0, 80))}, re-sent ${JSON.stringify(sentThinking.slice(0, 80))}`;
  }
  if (response.signatures) {
    const given = new Set(response.signatures.map(signatureBytes));
    const foreign = turn.filter((p) => p.type === 'reasoning' && p.signature && !given.has(signatureBytes(p.signature)));
    if (foreign.length) return `signatures: ${foreign.length} re-sent that the response did not give`;
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
    const mismatch = oracleMismatch(previous, turn.parts);
    if (mismatch) out.mismatches.push(`${cassette.cassette.file}#${n}: ${mismatch}`);
  }
  return out;
}
