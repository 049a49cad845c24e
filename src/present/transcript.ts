// The terminal transcript of `cassette show`: one block per interaction, a footer per file.

import { contentTypeOf } from '../decode/index.ts';
import type { DecodedBody } from '../decode/types.ts';
import type { AnalyzedCassette, AnalyzedInteraction } from '../interpret/index.ts';
import type { ContentPart, Exchange, LlmResponse, Message, Usage } from '../interpret/types.ts';
import { newMessages } from './conversation.ts';
import { describePart, formatDuration, formatToolCall, formatUsage, plural, prettyIfJson } from './format.ts';
import type { Theme } from './theme.ts';
import { rawBodyLines } from './raw-body.ts';
import type { EndpointSummary } from '../interpret/endpoints/index.ts';
import { describeCost, fileCost, interactionCost, type PriceTable } from '../cost/index.ts';

export interface TranscriptOptions {
  theme: Theme;
  /** Show every message, not only those new since the previous interaction. */
  history?: boolean;
  /** Tool schemas and full response format. */
  verbose?: boolean;
  /** Decoded raw bodies instead of the LLM view. */
  raw?: boolean;
  /** Interaction indexes to show; all when undefined. */
  only?: Set<number>;
  /** Leave out what changes on every recording (file path, durations, event counts, ids, signatures). */
  stable?: boolean;
  /** Estimate costs with this price table (`--cost`); without it only provider-reported costs show. */
  prices?: PriceTable;
}

const LABEL_WIDTH = 11;

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? line : prefix + line))
    .join('\n');
}

/** `label  text`, continuation lines aligned under the text. */
function labeled(label: string, text: string, style: (s: string) => string = (s) => s): string {
  const pad = ' '.repeat(2);
  return `${pad}${style(label.padEnd(LABEL_WIDTH))}${indent(text, pad + ' '.repeat(LABEL_WIDTH))}`;
}

function streamEventCount(body: DecodedBody): number | undefined {
  if (body.kind === 'sse') return body.events.length;
  if (body.kind === 'event-stream') return body.frames.length;
  // NDJSON (Ollama) decodes to a list whose text is not a JSON array: one event a line.
  if (body.kind === 'json' && Array.isArray(body.value) && !body.text.trimStart().startsWith('[')) return body.value.length;
  return undefined;
}

function header(item: AnalyzedInteraction, theme: Theme, stable: boolean): string {
  const { request, response } = item.interaction;
  const status = `${response.statusText}`;
  const statusStyled = response.status >= 400 ? theme.error(status) : response.status >= 300 ? theme.warn(status) : theme.ok(status);
  const events = streamEventCount(item.responseBody);
  const facts = [
    stable ? '' : formatDuration(response.durationMs),
    contentTypeOf(response.headers),
    events !== undefined && !stable ? `${events} events` : '',
  ].filter(Boolean);
  return `${theme.heading(`#${item.interaction.index}`)}  ${theme.heading(request.method)} ${request.url}  ${statusStyled}${
    facts.length ? theme.dim(`  ${facts.join(' · ')}`) : ''
  }`;
}

function partLine(part: ContentPart, theme: Theme, stable: boolean): string {
  const text = describePart(part, stable);
  if (part.type === 'tool-call') return theme.tool(text);
  if (part.type === 'reasoning') return theme.dim(text);
  if (part.type === 'tool-result' && part.isError) return theme.error(text);
  return text;
}

function messageLines(message: Message, theme: Theme, stable: boolean): string[] {
  if (message.content.length === 0) return [labeled(message.role, theme.dim('(empty)'), theme.role)];
  return message.content.map((part, i) => labeled(i === 0 ? message.role : '', partLine(part, theme, stable), theme.role));
}

function requestLines(llm: Exchange, previous: Exchange | null | undefined, options: TranscriptOptions): string[] {
  const { theme } = options;
  const lines: string[] = [];
  const request = llm.request;
  lines.push(theme.dim(`  ${[llm.provider, llm.model ?? 'unknown model', llm.host].join(' · ')}${request.stream ? ' · stream' : ''}`));
  const shown = options.history ? { hidden: 0, messages: request.messages } : newMessages(previous, llm);
  // System prompt and tools are repeated with every request; show them again only when they change.
  const systemChanged = options.history || !previous || previous.request.system !== request.system;
  if (request.system && systemChanged) lines.push(labeled('system', request.system, theme.role));
  // Responses API chaining: the history lives on the server, under the previous response's id.
  if (request.previousResponseId && !options.stable) lines.push(labeled('continues', theme.dim(request.previousResponseId), theme.dim));
  if (shown.hidden > 0) {
    lines.push(theme.dim(`  … ${plural(shown.hidden, 'earlier message')} (--history shows them)`));
  }
  for (const message of shown.messages) lines.push(...messageLines(message, theme, !!options.stable));
  const toolsChanged = options.history || !previous || JSON.stringify(previous.request.tools) !== JSON.stringify(request.tools);
  if (request.tools.length > 0 && (toolsChanged || options.verbose)) {
    if (options.verbose) {
      for (const tool of request.tools) {
        const schema = tool.parameters === undefined ? '' : `\n${JSON.stringify(tool.parameters, null, 2)}`;
        const description = tool.description ? ` — ${tool.description}` : '';
        lines.push(labeled('tool', `${theme.tool(tool.name)}${tool.kind ? ` (${tool.kind})` : ''}${description}${schema}`, theme.role));
      }
    } else {
      lines.push(labeled('tools', request.tools.map((t) => theme.tool(t.name)).join(', '), theme.role));
    }
  }
  const format = request.responseFormat;
  if (format) {
    const schema = options.verbose && format.schema !== undefined ? `\n${JSON.stringify(format.schema, null, 2)}` : '';
    lines.push(labeled('format', `${format.type}${format.name ? ` ${format.name}` : ''}${schema}`, theme.role));
  }
  return lines;
}

function responseLines(response: LlmResponse, theme: Theme, stable: boolean, cost = ''): string[] {
  const lines: string[] = [theme.heading('  ⟶ assistant')];
  if (response.error) lines.push(labeled('error', theme.error(`${response.error.type}: ${response.error.message}`), theme.error));
  if (response.reasoning) lines.push(labeled('reasoning', theme.dim(response.reasoning), theme.dim));
  for (const part of response.serverTools ?? []) lines.push(labeled('server', partLine(part, theme, stable), theme.role));
  if (response.text) lines.push(labeled('text', prettyIfJson(response.text)));
  if (response.refusal) lines.push(labeled('refusal', theme.warn(response.refusal), theme.warn));
  for (const citation of response.citations ?? []) {
    lines.push(labeled('cite', theme.dim(`${citation.title ? `${citation.title} — ` : ''}${citation.url}`), theme.dim));
  }
  for (const call of response.toolCalls) {
    const id = call.id && !stable ? theme.dim(`  id ${call.id}`) : '';
    lines.push(labeled('tool call', `${theme.tool(formatToolCall(call, stable))}${id}`, theme.tool));
  }
  const facts = [
    `finish ${response.finishReason ?? '—'}`,
    response.usage ? `usage ${formatUsage(response.usage)}` : '',
    response.incomplete ? theme.warn('incomplete stream') : '',
    cost,
  ].filter(Boolean);
  lines.push(theme.dim(`  ${facts.join(' · ')}`));
  return lines;
}

/** A call that is not a chat turn: `⟶ embeddings  text-embedding-3-small · 3 inputs · 1536 dims`. */
function endpointLines(endpoint: EndpointSummary, status: number, theme: Theme, cost: string): string[] {
  const summary = status >= 400 ? theme.error(endpoint.summary) : endpoint.summary;
  const facts = [endpoint.provider, endpoint.action, cost].filter(Boolean).join(' · ');
  return [`${theme.heading(`  ⟶ ${endpoint.kind}`)}  ${summary}`, theme.dim(`  ${facts}`)];
}

/** What decoding or the dialect could not use, dimmed: `! code  message (line N)`; no line when stable (any edit above moves it). */
function diagnosticLines(item: AnalyzedInteraction, theme: Theme, stable: boolean): string[] {
  return item.diagnostics.map((d) => theme.dim(`  ! ${d.code}  ${d.message}${d.line && !stable ? ` (line ${d.line})` : ''}`));
}

function rawLines(item: AnalyzedInteraction, theme: Theme): string[] {
  const pad = (line: string) => `    ${line}`;
  return [
    theme.heading('  request body'),
    ...rawBodyLines(item.requestBody).map(pad),
    theme.heading('  response body'),
    ...rawBodyLines(item.responseBody).map(pad),
  ];
}

function costText(item: AnalyzedInteraction, options: TranscriptOptions): string {
  const cost = interactionCost(item, options.prices);
  return cost ? `cost ${describeCost(cost)}` : '';
}

function addUsage(total: Usage, usage: Usage | null | undefined): void {
  if (!usage) return;
  total.inputTokens += usage.inputTokens;
  total.outputTokens += usage.outputTokens;
}

export function renderTranscript(analyzed: AnalyzedCassette, options: TranscriptOptions): string {
  const { theme } = options;
  // Under git textconv the file is a temporary copy: its name would be a changed line every time.
  const lines: string[] = options.stable ? [] : [theme.heading(`━━ ${analyzed.cassette.file}`)];
  const total: Usage = { inputTokens: 0, outputTokens: 0 };
  let previous: Exchange | null | undefined;
  let shownCount = 0;
  for (const item of analyzed.interactions) {
    const llm = item.llm;
    addUsage(total, llm?.response.usage);
    if (!options.only || options.only.has(item.interaction.index)) {
      shownCount++;
      lines.push('', header(item, theme, !!options.stable));
      if (options.raw) lines.push(...rawLines(item, theme));
      else if (llm) lines.push(...requestLines(llm, previous, options), ...responseLines(llm.response, theme, !!options.stable, costText(item, options)));
      else if (item.endpoint) lines.push(...endpointLines(item.endpoint, item.interaction.response.status, theme, costText(item, options)));
      else {
        lines.push(theme.dim('  not a recognised LLM API; decoded response body:'));
        lines.push(...rawBodyLines(item.responseBody).map((l) => `    ${l}`));
      }
      lines.push(...diagnosticLines(item, theme, !!options.stable));
    }
    previous = llm;
  }
  const count = analyzed.interactions.length;
  const shown = options.only ? `${shownCount} of ${count}` : `${count}`;
  const cost = fileCost(analyzed, options.prices);
  const unpriced = cost?.unpriced ? `, ${cost.unpriced} not priced` : '';
  const costFact = cost ? ` · cost ${describeCost(cost)}${unpriced}` : '';
  lines.push('', theme.dim(`${shown} interaction${count === 1 ? '' : 's'} · tokens ${total.inputTokens} in / ${total.outputTokens} out${costFact}`), '');
  return lines.join('\n');
}
