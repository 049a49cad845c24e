// One cassette as a section of the report: a header with its facts and timeline, then each
// interaction as a collapsible turn — new messages, the answer (text, reasoning collapsed, tool
// calls as JSON trees, refusals and errors marked), usage, cost, diagnostics, findings, and the
// decoded bodies on demand.

import { lastUserText } from '../../diff/view.ts';
import type { Diagnostic } from '../../findings/diagnostic.ts';
import type { AnalyzedCassette, AnalyzedInteraction } from '../../interpret/index.ts';
import type { ContentPart, Exchange, LlmResponse, Message, ToolCall } from '../../interpret/types.ts';
import { newMessages } from '../conversation.ts';
import { abbreviate, formatBytes, formatDuration, formatUsage, plural } from '../format.ts';
import { jsonTree, longText, rawBody, textOrJson, type BodyLimits } from './blocks.ts';
import { costSource, formatCost, providerCostOf, sumCosts, type CostOf } from './cost.ts';
import { flag, html, join, type SafeHtml } from './escape.ts';
import { timelineSvg, type TimelineBar } from './timeline.ts';

/** A finding of `cassette lint` (or any other check) to show with its interaction. */
export interface ReportFinding {
  /** Index of the interaction it is about; undefined for the whole file. */
  interaction?: number;
  severity: string;
  rule: string;
  message: string;
  line?: number;
}

export interface SectionOptions {
  /** Fragment id of the section, e.g. `c3`; interactions get `c3-i0`, `c3-i1`, … */
  id: string;
  /** Interactions start opened (a small report) or closed (a large one). */
  open: boolean;
  findings?: ReportFinding[];
  bodies: BodyLimits;
  /** An interaction's cost, when known (default: the provider's own figure). */
  costOf?: CostOf;
}

/** A URL from a cassette is shown as text, never a link: cut to this many characters. */
const URL_LIMIT = 120;
const PREVIEW_LIMIT = 100;

const cut = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

function partBlock(part: ContentPart): SafeHtml {
  switch (part.type) {
    case 'text':
      return html`<div class="part">${textOrJson(part.text)}</div>`;
    case 'reasoning':
      return reasoningBlock(part.redacted ? '[redacted reasoning]' : part.text, part.signature);
    case 'image':
    case 'file': {
      const details = [part.mediaType, part.bytes !== undefined ? formatBytes(part.bytes) : part.url ? cut(part.url, URL_LIMIT) : '', part.type === 'file' ? part.name : undefined];
      return html`<div class="part dim">[${part.type}: ${details.filter(Boolean).join(', ')}]</div>`;
    }
    case 'tool-call':
      return toolCallBlock(part);
    case 'tool-result': {
      const about = [part.name, part.toolCallId ? `id ${part.toolCallId}` : ''].filter(Boolean).join(' · ');
      return html`<details class="part result${part.isError ? ' error' : ''}" open><summary>${part.isError ? 'tool error' : 'tool result'}${about ? ` · ${about}` : ''}</summary>${textOrJson(part.content)}</details>`;
    }
    case 'other':
      return html`<div class="part dim">[${part.kind}: ${cut(part.summary, 500)}]</div>`;
  }
}

function reasoningBlock(text: string, signature?: string): SafeHtml {
  const sign = signature ? html` <span class="dim">signature ${abbreviate(signature)}</span>` : '';
  return html`<details class="part reasoning"><summary>reasoning (${plural(text.length, 'character')})${sign}</summary>${longText(text)}</details>`;
}

function toolCallBlock(call: ToolCall): SafeHtml {
  const id = call.id ? html` <span class="dim">id ${call.id}</span>` : '';
  const invalid = call.invalidArguments ? html` <span class="badge bad">arguments are not valid JSON</span>` : '';
  const args = call.invalidArguments ? longText(String(call.arguments)) : jsonTree(call.arguments);
  return html`<details class="part call" open><summary>tool call <strong>${call.name}</strong>${id}${invalid}</summary>${args}</details>`;
}

function messageBlock(message: Message): SafeHtml {
  const parts = message.content.length === 0 ? html`<div class="dim">(empty)</div>` : message.content.map(partBlock);
  return html`<div class="msg ${message.role}"><div class="role">${message.role}</div>${parts}</div>`;
}

function requestBlocks(llm: Exchange, previous: Exchange | null | undefined): SafeHtml[] {
  const { request } = llm;
  const blocks: SafeHtml[] = [];
  // System prompt and tools are re-sent with every request: shown when they change.
  if (request.system && (!previous || previous.request.system !== request.system)) {
    blocks.push(html`<div class="msg system"><div class="role">system</div>${longText(request.system)}</div>`);
  }
  const shown = newMessages(previous, llm);
  if (shown.hidden > 0) blocks.push(html`<div class="dim">… ${plural(shown.hidden, 'earlier message')} (shown above)</div>`);
  blocks.push(...shown.messages.map(messageBlock));
  const toolsChanged = !previous || JSON.stringify(previous.request.tools) !== JSON.stringify(request.tools);
  if (request.tools.length > 0 && toolsChanged) {
    const tools = request.tools.map(
      (tool) => html`<li><strong>${tool.name}</strong>${tool.kind ? html` <span class="dim">${tool.kind}</span>` : ''}${tool.description ? html` — ${cut(tool.description, 300)}` : ''}${tool.parameters === undefined ? '' : jsonTree(tool.parameters)}</li>`,
    );
    blocks.push(html`<details class="tools"><summary>${plural(request.tools.length, 'tool')} offered: ${request.tools.map((t) => t.name).join(', ')}</summary><ul>${tools}</ul></details>`);
  }
  const format = request.responseFormat;
  if (format) {
    blocks.push(html`<details class="format"><summary>response format ${format.type}${format.name ? ` · ${format.name}` : ''}</summary>${format.schema === undefined ? '' : jsonTree(format.schema)}</details>`);
  }
  return blocks;
}

function responseBlock(response: LlmResponse): SafeHtml {
  const parts: SafeHtml[] = [];
  if (response.error) parts.push(html`<div class="part error"><strong>error</strong> ${response.error.type}: ${longText(response.error.message, 1000)}</div>`);
  if (response.reasoning) parts.push(reasoningBlock(response.reasoning));
  for (const part of response.serverTools ?? []) parts.push(partBlock(part));
  if (response.text) parts.push(html`<div class="part">${textOrJson(response.text)}</div>`);
  if (response.refusal) parts.push(html`<div class="part refusal"><strong>refusal</strong> ${longText(response.refusal)}</div>`);
  if (response.citations?.length) {
    // URLs stay text: nothing in the report links or loads anything a cassette names.
    const items = response.citations.map((c) => html`<li>${c.title ? `${cut(c.title, 200)}: ` : ''}<span class="mono">${cut(c.url, URL_LIMIT)}</span></li>`);
    parts.push(html`<details class="part"><summary>${plural(response.citations.length, 'citation')}</summary><ul>${items}</ul></details>`);
  }
  for (const call of response.toolCalls) parts.push(toolCallBlock(call));
  if (parts.length === 0) parts.push(html`<div class="dim">(no text, no tool calls)</div>`);
  return html`<div class="msg response"><div class="role">assistant · response</div>${parts}</div>`;
}

function diagnosticsBlock(diagnostics: Diagnostic[], findings: ReportFinding[]): SafeHtml {
  if (diagnostics.length === 0 && findings.length === 0) return html``;
  const items = [
    ...diagnostics.map((d) => html`<li><code>${d.code}</code> ${d.message}${d.line ? html` <span class="dim">line ${d.line}</span>` : ''}${d.event !== undefined ? html` <span class="dim">event ${d.event}</span>` : ''}</li>`),
    ...findings.map((f) => html`<li><span class="badge ${f.severity === 'error' ? 'bad' : f.severity === 'warning' ? 'warn' : ''}">${f.severity}</span> <code>${f.rule}</code> ${f.message}${f.line ? html` <span class="dim">line ${f.line}</span>` : ''}</li>`),
  ];
  return html`<ul class="diagnostics">${items}</ul>`;
}

function statusBadge(status: number, statusText: string): SafeHtml {
  const kind = status >= 200 && status < 300 ? 'ok' : status >= 400 || status === 0 ? 'bad' : 'warn';
  return html`<span class="badge ${kind}" title="${statusText}">${status}</span>`;
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname;
  } catch {
    return url;
  }
}

/** The words the filter matches on: error, findings, tools, stream. */
function flagsOf(item: AnalyzedInteraction, findings: ReportFinding[]): string {
  const llm = item.llm;
  const flags: string[] = [];
  if (item.interaction.response.status >= 400 || llm?.response.error) flags.push('error');
  if (item.diagnostics.length > 0 || findings.length > 0) flags.push('findings');
  if (llm && llm.response.toolCalls.length > 0) flags.push('tools');
  if (llm?.request.stream || item.responseBody.kind === 'sse' || item.responseBody.kind === 'event-stream') flags.push('stream');
  return flags.join(' ');
}

function interactionSummary(item: AnalyzedInteraction, findings: ReportFinding[], costOf: CostOf): SafeHtml {
  const { request, response } = item.interaction;
  const llm = item.llm;
  const endpoint = item.endpoint;
  const usage = llm?.response.usage ?? endpoint?.usage;
  const cost = costOf(item);
  const prompt = lastUserText(item).replace(/\s+/g, ' ').trim();
  const badges = [
    llm?.request.stream ? html`<span class="badge">stream</span>` : '',
    llm && llm.response.toolCalls.length > 0 ? html`<span class="badge">${plural(llm.response.toolCalls.length, 'tool call')}</span>` : '',
    llm?.response.error ? html`<span class="badge bad">error</span>` : '',
    llm?.response.refusal ? html`<span class="badge bad">refusal</span>` : '',
    llm?.response.incomplete ? html`<span class="badge warn">incomplete</span>` : '',
    item.diagnostics.length + findings.length > 0 ? html`<span class="badge warn">${plural(item.diagnostics.length + findings.length, 'finding')}</span>` : '',
  ];
  return html`<summary><strong>#${item.interaction.index}</strong>${statusBadge(response.status, response.statusText)}<span class="mono">${request.method} ${cut(pathOf(request.url), URL_LIMIT)}</span>${llm ? html`<span>${llm.provider}</span><span>${llm.model ?? 'unknown model'}</span>` : endpoint ? html`<span>${endpoint.provider}</span><span>${endpoint.kind}</span>${endpoint.model ? html`<span>${endpoint.model}</span>` : ''}` : html`<span class="dim">not an LLM API</span>`}${response.durationMs !== undefined ? html`<span>${formatDuration(response.durationMs)}</span>` : ''}${usage ? html`<span title="tokens">${formatUsage(usage)}</span>` : ''}${cost ? html`<span title="${`cost, ${costSource(cost)}`}">${formatCost(cost)}</span>` : ''}${badges}${prompt ? html`<span class="dim">${cut(prompt, PREVIEW_LIMIT)}</span>` : ''}</summary>`;
}

function interactionFacts(item: AnalyzedInteraction): SafeHtml {
  const { request, response } = item.interaction;
  const llm = item.llm;
  const facts = [
    html`<span class="mono">${request.method} ${cut(request.url, 300)}</span>`,
    html`<span>${response.statusText || String(response.status)}</span>`,
    llm ? html`<span>host ${llm.host}</span>` : '',
    llm ? html`<span>finish ${llm.response.finishReason ?? '—'}</span>` : '',
    llm && llm.response.events > 0 ? html`<span>${plural(llm.response.events, 'event')}</span>` : '',
    llm?.response.id ? html`<span>id ${cut(llm.response.id, 80)}</span>` : '',
  ];
  return html`<div class="facts">${facts}</div>`;
}

function interactionBlock(cassette: AnalyzedCassette, item: AnalyzedInteraction, previous: Exchange | null | undefined, options: SectionOptions): SafeHtml {
  const index = item.interaction.index;
  const findings = (options.findings ?? []).filter((f) => f.interaction === index);
  const command = `cassette show --raw -i ${index} ${cassette.cassette.file}`;
  const streamed = item.responseBody.kind === 'sse' || item.responseBody.kind === 'event-stream';
  const llm = item.llm;
  const endpoint = item.endpoint;
  const conversation = llm
    ? html`${requestBlocks(llm, previous)}${responseBlock(llm.response)}`
    : endpoint
      ? html`<div class="msg response"><div class="role">${endpoint.provider} · ${endpoint.kind} · ${endpoint.action}</div>${longText(endpoint.summary)}</div>`
      : html`<div class="dim">Not a recognised LLM API.</div>`;
  return html`<details class="interaction" id="${options.id}-i${index}" data-flags="${flagsOf(item, findings)}"${flag('open', options.open)}>${interactionSummary(item, findings, options.costOf ?? providerCostOf)}
${interactionFacts(item)}${conversation}${diagnosticsBlock(item.diagnostics, findings)}
${rawBody('request body', item.requestBody, command, options.bodies)}${rawBody(streamed ? 'stream events' : 'response body', item.responseBody, command, options.bodies)}</details>`;
}

export function timelineBars(analyzed: AnalyzedCassette, id: string): TimelineBar[] {
  return analyzed.interactions.map((item) => {
    const { response } = item.interaction;
    const bad = response.status >= 400 || !!item.llm?.response.error;
    const label = [`#${item.interaction.index}`, formatDuration(response.durationMs) || 'no duration recorded', String(response.status), item.llm?.model ?? ''].filter(Boolean).join(' · ');
    return { label, ms: response.durationMs, bad, target: `${id}-i${item.interaction.index}` };
  });
}

/** Totals of one cassette, for its header and the overview row. */
export interface CassetteFacts {
  file: string;
  format: string;
  interactions: number;
  providers: string[];
  models: string[];
  inputTokens: number;
  outputTokens: number;
  cost: ReturnType<typeof sumCosts>;
  statuses: number[];
  findings: number;
  durationMs: number;
}

export function cassetteFacts(analyzed: AnalyzedCassette, findings: ReportFinding[] = [], costOf: CostOf = providerCostOf): CassetteFacts {
  const add = <T>(list: T[], value: T) => {
    if (!list.includes(value)) list.push(value);
  };
  const facts: CassetteFacts = {
    file: analyzed.cassette.file,
    format: analyzed.cassette.format,
    interactions: analyzed.interactions.length,
    providers: [],
    models: [],
    inputTokens: 0,
    outputTokens: 0,
    cost: sumCosts(analyzed.interactions.map(costOf)),
    statuses: [],
    findings: findings.length,
    durationMs: 0,
  };
  for (const item of analyzed.interactions) {
    add(facts.statuses, item.interaction.response.status);
    add(facts.providers, item.llm?.provider ?? item.endpoint?.provider ?? 'unknown');
    const model = item.llm?.model ?? item.endpoint?.model;
    if (model) add(facts.models, model);
    const usage = item.llm?.response.usage ?? item.endpoint?.usage;
    facts.inputTokens += usage?.inputTokens ?? 0;
    facts.outputTokens += usage?.outputTokens ?? 0;
    facts.findings += item.diagnostics.length;
    facts.durationMs += item.interaction.response.durationMs ?? 0;
  }
  return facts;
}

export function cassetteSection(analyzed: AnalyzedCassette, options: SectionOptions): SafeHtml {
  const facts = cassetteFacts(analyzed, options.findings, options.costOf);
  const fileFindings = (options.findings ?? []).filter((f) => f.interaction === undefined);
  const line = [
    facts.format,
    plural(facts.interactions, 'interaction'),
    facts.providers.join(', '),
    facts.models.join(', '),
    `${facts.inputTokens} in / ${facts.outputTokens} out tokens`,
    facts.cost ? `${formatCost(facts.cost)} (${costSource(facts.cost)})` : '',
    facts.durationMs > 0 ? formatDuration(facts.durationMs) : '',
    facts.findings > 0 ? plural(facts.findings, 'finding') : '',
  ].filter(Boolean);
  let previous: Exchange | null | undefined;
  const items = analyzed.interactions.map((item) => {
    const block = interactionBlock(analyzed, item, previous, options);
    previous = item.llm;
    return block;
  });
  const timeline = facts.interactions > 0 ? timelineSvg(timelineBars(analyzed, options.id), facts.durationMs, 600, 30, true) : '';
  return html`<section class="cassette" id="${options.id}" data-name="${facts.file}">
<h2><a href="#${options.id}">${facts.file}</a></h2>
<div class="facts">${join(line.map((part) => html`<span>${part}</span>`))}</div>
${timeline}${diagnosticsBlock([], fileFindings)}
${items.length > 0 ? items : html`<div class="dim">no interactions</div>`}
</section>`;
}
