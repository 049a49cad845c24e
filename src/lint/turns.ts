// The multi-turn check: what interaction i's response reassembles to must be the assistant turn
// the SDK sent back in interaction i+1 (the corpus oracle, test/helpers/oracle.ts, uses the same
// comparison). It knows the documented SDK rewrites — each a rule about an SDK, never a file:
// - pydantic-ai re-sends reasoning as text `<think>\n…\n</think>` to models without a thinking
//   field, and splits such blocks out of a response's text: think blocks are reasoning, not text;
//   what they carry must be the reasoning reassembled (whitespace aside);
// - pydantic-ai scopes Bedrock Mantle's per-response call ids as `<response id>:<call id>`;
// - pydantic-ai inserts turns of its own after the answer: the turn checked is the one right after
//   request i's messages;
// - some SDKs drop the text streamed before tool calls: an empty re-sent text says nothing;
// - the Python google-genai SDK re-sends `thoughtSignature` as URL-safe base64: compared as bytes.
// Arguments re-sent as a JSON string that holds the answered JSON are their own rule.

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

/** The run of assistant messages that starts at `start`; undefined when the message there is not the assistant's. */
export function assistantTurnAt(messages: Message[], start: number): ContentPart[] | undefined {
  if (messages[start]?.role !== 'assistant') return undefined;
  let end = start;
  while (end + 1 < messages.length && messages[end + 1]!.role === 'assistant') end++;
  return messages.slice(start, end + 1).flatMap((m) => m.content);
}

/** Text without `<think>…</think>` blocks (pydantic-ai's way of carrying reasoning in text), trimmed. */
function withoutThinkBlocks(text: string): string {
  return text.replace(/<think>[\s\S]*?<\/think>/g, '').trim();
}

/** What `<think>` blocks carry, whitespace collapsed. */
function thinkBlockContent(text: string): string {
  return [...text.matchAll(/<think>([\s\S]*?)<\/think>/g)].map((m) => m[1]!).join(' ').replace(/\s+/g, ' ').trim();
}

/** Standard and URL-safe base64 of the same bytes are one signature. */
function signatureBytes(signature: string): string {
  return signature.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
}

/** pydantic-ai's response-scoped form of a Bedrock Mantle Responses call id. */
function sameCallId(sent: string, answered: string, responseId: string | undefined): boolean {
  return sent === answered || (responseId !== undefined && sent === `${responseId}:${answered}`);
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
const named = (i: number, name: string) => `tool call ${i}${name ? ` (${name})` : ''}`;

/** What differs between response `previous` and the re-sent turn; undefined when they agree. */
export function compareTurn(previous: Exchange, turn: ContentPart[]): Omit<TurnProblem, 'index'> | undefined {
  const sentCalls = turn.filter((p) => p.type === 'tool-call');
  const response = previous.response;
  const got = response.toolCalls;
  if (sentCalls.length !== got.length) {
    return { rule: 'turn-mismatch', key: 'tool-call-count', message: `the answer had ${got.length} tool call(s), the next request sent back ${sentCalls.length}` };
  }
  for (const [i, call] of got.entries()) {
    const sent = sentCalls[i]!;
    if (sent.name !== call.name) return { rule: 'turn-mismatch', key: `tool-call-name-${i}`, message: `tool call ${i}: answered ${clip(call.name)}, sent back ${clip(sent.name)}` };
    if (!isDeepStrictEqual(sent.arguments, call.arguments)) {
      if (doubleEncoded(sent.arguments, call.arguments)) {
        return { rule: 'double-encoded-arguments', key: `tool-call-arguments-${i}`, message: `${named(i, call.name)}: arguments sent back as a JSON string holding the answered JSON` };
      }
      return { rule: 'turn-mismatch', key: `tool-call-arguments-${i}`, message: `${named(i, call.name)} arguments: answered ${clipJson(call.arguments)}, sent back ${clipJson(sent.arguments)}` };
    }
    if (sent.id && call.id && !sameCallId(sent.id, call.id, response.id)) {
      return { rule: 'turn-mismatch', key: `tool-call-id-${i}`, message: `${named(i, call.name)} id: answered ${clip(call.id)}, sent back ${clip(sent.id)}` };
    }
  }
  const sentRaw = turn.map((p) => (p.type === 'text' ? p.text : '')).join('');
  const sentText = withoutThinkBlocks(sentRaw);
  const gotText = withoutThinkBlocks(response.text);
  if (sentText !== '' && sentText !== gotText) {
    return { rule: 'turn-mismatch', key: 'text', message: `text: answered ${clip(gotText)}, sent back ${clip(sentText)}` };
  }
  const sentThinking = thinkBlockContent(sentRaw);
  const gotThinking = response.reasoning.replace(/\s+/g, ' ').trim() || thinkBlockContent(response.text);
  if (sentThinking !== '' && sentThinking !== gotThinking) {
    return { rule: 'turn-mismatch', key: 'reasoning', message: `reasoning in <think>: answered ${clip(gotThinking)}, sent back ${clip(sentThinking)}` };
  }
  if (response.signatures) {
    const given = new Set(response.signatures.map(signatureBytes));
    const foreign = turn.filter((p) => p.type === 'reasoning' && p.signature && !given.has(signatureBytes(p.signature)));
    if (foreign.length) return { rule: 'turn-mismatch', key: 'signatures', message: `${foreign.length} reasoning signature(s) sent back that the answer did not give` };
  }
  return undefined;
}

/**
 * Every pair i, i+1 of one dialect where i is a complete 2xx answer and request i+1 continues its
 * conversation: an assistant turn right after request i's messages (a request chained by
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
    const turn = assistantTurnAt(next.request.messages, previous.request.messages.length);
    if (!turn) continue;
    const problem = compareTurn(previous, turn);
    if (problem) problems.push({ ...problem, index: n + 1 });
  }
  return problems;
}
