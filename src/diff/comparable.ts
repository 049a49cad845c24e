// What the diff keeps of one cassette: per interaction its comparable view, the keys that pair it,
// its label and token counts. Built one interaction at a time, so the decoded bodies (SSE text and
// events, JSON values) of an interaction can be dropped before the next is analyzed, and a side can
// be let go of before the other is read: diffing two 100 MB cassettes then holds views, not bodies.

import { canonicalJson } from '../json-text.ts';
import type { AnalyzedCassette, AnalyzedInteraction } from '../interpret/index.ts';
import type { TokenTotals } from './types.ts';
import { bodyView, interactionView, lastUserText, urlView, type InteractionView } from './view.ts';

/** How an interaction is paired when the counts differ; see pair.ts. */
export interface PairKeys {
  /** Method and URL. */
  endpoint: string;
  /** Method, URL and what was asked (the last user message, or the start of a plain request body). */
  asked: string;
  /** The same and the number of messages. */
  askedAt: string;
}

export interface ComparableInteraction {
  view: InteractionView;
  keys: PairKeys;
  method: string;
  /** Path and meaningful query. */
  url: string;
  /** The last user message ('' when none). */
  prompt: string;
  tokens: TokenTotals;
}

export interface ComparableCassette {
  interactions: ComparableInteraction[];
}

/** `body`: the request body's view without noise, when already made. */
function keysOf(item: AnalyzedInteraction, method: string, url: string, prompt: string, body?: unknown): PairKeys {
  const endpoint = `${method} ${url}`;
  const asked = `${endpoint}\n${item.llm ? prompt : canonicalJson(body ?? bodyView(item.requestBody, false)).slice(0, 2000)}`;
  return { endpoint, asked, askedAt: `${asked}\n${item.llm?.request.messages.length ?? 0}` };
}

export function pairKeys(item: AnalyzedInteraction): PairKeys {
  const { request } = item.interaction;
  return keysOf(item, request.method.toUpperCase(), urlView(request.url, false), lastUserText(item));
}

export function comparableInteraction(item: AnalyzedInteraction, strict: boolean): ComparableInteraction {
  const { request } = item.interaction;
  const method = request.method.toUpperCase();
  const url = urlView(request.url, false);
  const prompt = lastUserText(item);
  const usage = item.llm?.response.usage;
  const view = interactionView(item, strict);
  return {
    view,
    keys: keysOf(item, method, url, prompt, item.llm || strict ? undefined : view.request.body),
    method,
    url,
    prompt,
    tokens: { input: usage?.inputTokens ?? 0, output: usage?.outputTokens ?? 0 },
  };
}

export function comparableCassette(analyzed: AnalyzedCassette, strict: boolean): ComparableCassette {
  return { interactions: analyzed.interactions.map((item) => comparableInteraction(item, strict)) };
}

export function sumTokens(interactions: ComparableInteraction[]): TokenTotals {
  const totals: TokenTotals = { input: 0, output: 0 };
  for (const { tokens } of interactions) {
    totals.input += tokens.input;
    totals.output += tokens.output;
  }
  return totals;
}
