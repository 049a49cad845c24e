// The `show --json` contract: one object per cassette file (NDJSON). Documented in the README;
// other tools depend on it, so change it only by adding fields.

import type { DecodedBody } from '../decode/types.ts';
import { contentTypeOf } from '../decode/index.ts';
import type { AnalyzedCassette, AnalyzedInteraction } from '../interpret/index.ts';
import type { Exchange } from '../interpret/types.ts';
import type { Headers } from '../model.ts';
import type { Diagnostic } from '../findings/diagnostic.ts';
import type { EndpointSummary } from '../interpret/endpoints/index.ts';
import { fileCost, interactionCost, type Cost, type FileCost, type PriceTable } from '../cost/index.ts';

export interface InteractionJson {
  index: number;
  id: number | null;
  request: { method: string; url: string; headers: Headers; body: unknown };
  response: {
    status: number;
    headers: Headers;
    durationMs: number | null;
    contentType: string;
    streamed: boolean;
    /** Only for interactions that are not interpreted (llm: null): the decoded body. */
    body?: unknown;
  };
  llm: Exchange | null;
  /** A known endpoint that is not a chat turn (embeddings, count-tokens, files, …), when llm is null. */
  endpoint: EndpointSummary | null;
  /** The provider's figure, or an estimate when a price table was given (`--cost`); null when unknown. */
  cost: Cost | null;
  /** What decoding and interpreting could not use (codes in src/findings/codes.ts); [] when none. */
  diagnostics: Diagnostic[];
}

export interface CassetteJson {
  file: string;
  format: string;
  formatVersion: number;
  /** The sum over the interactions with a cost; null when none has one. */
  cost: FileCost | null;
  interactions: InteractionJson[];
}

/** A decoded body as JSON data: the value for JSON, events for SSE, text, or base64 for bytes. */
export function bodyJson(body: DecodedBody): unknown {
  switch (body.kind) {
    case 'empty':
      return null;
    case 'json':
      return body.value;
    case 'sse':
      return { events: body.events };
    case 'event-stream':
      return { frames: body.frames, ...(body.error ? { error: body.error } : {}) };
    case 'text':
      return body.text;
    case 'binary':
      return { base64: Buffer.from(body.bytes).toString('base64') };
  }
}

export function isStreamed(body: DecodedBody): boolean {
  if (body.kind === 'sse' || body.kind === 'event-stream') return true;
  // NDJSON (Ollama) decodes to a list whose text is not a JSON array.
  return body.kind === 'json' && Array.isArray(body.value) && !body.text.trimStart().startsWith('[');
}

export function interactionJson(analyzed: AnalyzedInteraction, prices?: PriceTable): InteractionJson {
  const { interaction, llm } = analyzed;
  const { request, response } = interaction;
  const result: InteractionJson = {
    index: interaction.index,
    id: interaction.id ?? null,
    request: { method: request.method, url: request.url, headers: request.headers, body: bodyJson(analyzed.requestBody) },
    response: {
      status: response.status,
      headers: response.headers,
      durationMs: response.durationMs ?? null,
      contentType: contentTypeOf(response.headers),
      streamed: isStreamed(analyzed.responseBody),
    },
    llm,
    endpoint: analyzed.endpoint,
    cost: interactionCost(analyzed, prices),
    diagnostics: analyzed.diagnostics,
  };
  if (!llm) result.response.body = bodyJson(analyzed.responseBody);
  return result;
}

export function cassetteJson(analyzed: AnalyzedCassette, prices?: PriceTable): CassetteJson {
  const { cassette } = analyzed;
  return {
    file: cassette.file,
    format: cassette.format,
    formatVersion: cassette.formatVersion,
    cost: fileCost(analyzed, prices),
    interactions: analyzed.interactions.map((item) => interactionJson(item, prices)),
  };
}

/**
 * The same text as `${JSON.stringify(json)}\n` for cassetteJson(analyzed) with only the `only`
 * interactions, in pieces (one per interaction), so a 100 MB cassette is never one string.
 */
export function* cassetteJsonChunks(analyzed: AnalyzedCassette, only?: Set<number>, prices?: PriceTable): Generator<string> {
  const { cassette } = analyzed;
  const cost = fileCost(analyzed, prices);
  const head = JSON.stringify({ file: cassette.file, format: cassette.format, formatVersion: cassette.formatVersion, cost, interactions: [] });
  yield head.slice(0, -2); // `interactions` is the last key: keep its `[`, cut `]}`
  let first = true;
  for (const item of analyzed.interactions) {
    if (only && !only.has(item.interaction.index)) continue;
    yield `${first ? '' : ','}${JSON.stringify(interactionJson(item, prices))}`;
    first = false;
  }
  yield ']}\n';
}
