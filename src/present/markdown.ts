// An analyzed cassette as a Markdown document, for pull-request descriptions and docs: a heading
// per interaction, new messages as quotes, tool calls as fenced JSON, and a usage table.

import type { AnalyzedCassette, AnalyzedInteraction } from '../interpret/index.ts';
import type { ContentPart, Exchange, LlmResponse, Message, ToolCall, Usage } from '../interpret/types.ts';
import { newMessages } from './conversation.ts';
import { jsonDocument } from '../json-text.ts';
import { describePart, formatArguments, formatDuration, formatUsage, plural } from './format.ts';
import { rawBodyLines } from './raw-body.ts';
import { describeCost, fileCost, formatUsd, interactionCost, type PriceTable } from '../cost/index.ts';

/** A fenced block whose fence is longer than any backtick run inside it. */
export function fence(text: string, lang = ''): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${lang}\n${text}\n${marks}`;
}

/** Model text as a block quote. `<` before a tag name is escaped so tags like <think> stay visible. */
function quote(text: string): string {
  return text
    .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

function code(text: string): string {
  const ticks = text.includes('`') ? '`` ' : '`';
  return `${ticks}${text}${ticks.split('').reverse().join('')}`;
}

/** Text that is a JSON document (structured output, tool results) is fenced as JSON; other text is quoted. */
function textBlock(text: string): string {
  const doc = jsonDocument(text);
  return doc === undefined ? quote(text) : fence(JSON.stringify(doc, null, 2), 'json');
}

function toolCallBlock(call: ToolCall, label = 'Tool call'): string {
  const id = call.id ? ` · id ${code(call.id)}` : '';
  const flag = call.invalidArguments ? ' (arguments are not valid JSON)' : '';
  const body = call.invalidArguments ? fence(formatArguments(call.arguments)) : fence(JSON.stringify(call.arguments, null, 2), 'json');
  return `**${label}** ${code(call.name)}${id}${flag}\n\n${body}`;
}

function partBlock(part: ContentPart): string {
  switch (part.type) {
    case 'text':
      return textBlock(part.text);
    case 'tool-call':
      return toolCallBlock(part);
    case 'tool-result': {
      const id = part.toolCallId ? ` for ${code(part.toolCallId)}` : '';
      return `**${part.isError ? 'Tool error' : 'Tool result'}**${id}\n\n${textBlock(part.content)}`;
    }
    case 'reasoning':
      return `_reasoning_\n\n${quote(describePart(part))}`;
    default:
      return quote(describePart(part));
  }
}

function messageBlocks(message: Message): string[] {
  const heading = `**${message.role}**`;
  if (message.content.length === 0) return [`${heading} _(empty)_`];
  // Tool results carry their own heading; a "tool" line above each would only repeat it.
  if (message.content.every((part) => part.type === 'tool-result')) return message.content.map(partBlock);
  return [heading, ...message.content.map(partBlock)];
}

function requestBlocks(llm: Exchange, previous: Exchange | null | undefined): string[] {
  const request = llm.request;
  const blocks: string[] = [];
  const shown = newMessages(previous, llm);
  // System prompt and tools are re-sent with every request; repeat them only when they change.
  if (request.system && (!previous || previous.request.system !== request.system)) blocks.push('**system**', quote(request.system));
  if (shown.hidden > 0) blocks.push(`_… ${plural(shown.hidden, 'earlier message')}_`);
  for (const message of shown.messages) blocks.push(...messageBlocks(message));
  const toolsChanged = !previous || JSON.stringify(previous.request.tools) !== JSON.stringify(request.tools);
  if (request.tools.length > 0 && toolsChanged) blocks.push(`Tools: ${request.tools.map((t) => code(t.name)).join(', ')}`);
  const format = request.responseFormat;
  if (format) blocks.push(`Response format: ${code(format.type)}${format.name ? ` ${code(format.name)}` : ''}`);
  return blocks;
}

function responseBlocks(response: LlmResponse): string[] {
  const blocks: string[] = ['### Response'];
  if (response.error) blocks.push(`**Error** ${code(response.error.type)}: ${response.error.message}`);
  if (response.reasoning) blocks.push('_reasoning_', quote(response.reasoning));
  for (const part of response.serverTools ?? []) blocks.push(partBlock(part));
  if (response.text) blocks.push(textBlock(response.text));
  if (response.refusal) blocks.push(`**Refusal**\n\n${quote(response.refusal)}`);
  if (response.citations?.length) {
    blocks.push(response.citations.map((c) => `- ${c.title ? `${c.title}: ` : ''}<${c.url}>`).join('\n'));
  }
  for (const call of response.toolCalls) blocks.push(toolCallBlock(call));
  const facts = [
    `finish ${response.finishReason ?? '—'}`,
    response.usage ? `usage ${formatUsage(response.usage)}` : '',
    response.incomplete ? '**incomplete stream**' : '',
  ].filter(Boolean);
  blocks.push(`_${facts.join(' · ')}_`);
  return blocks;
}

function interactionBlocks(item: AnalyzedInteraction, previous: Exchange | null | undefined, prices?: PriceTable): string[] {
  const { request, response } = item.interaction;
  const blocks = [`## #${item.interaction.index} · ${request.method} ${request.url} · ${response.statusText}`];
  const llm = item.llm;
  const cost = interactionCost(item, prices);
  if (!llm && item.endpoint) {
    const { endpoint } = item;
    blocks.push(`**${endpoint.kind}** · ${endpoint.provider} ${endpoint.action}${cost ? ` · cost ${describeCost(cost)}` : ''}`, quote(endpoint.summary));
    return blocks;
  }
  if (!llm) {
    blocks.push('Not a recognised LLM API; decoded response body:', fence(rawBodyLines(item.responseBody).join('\n')));
    return blocks;
  }
  const facts = [llm.provider, llm.model ?? 'unknown model', llm.host, llm.request.stream ? 'stream' : '', formatDuration(response.durationMs)];
  blocks.push(facts.filter(Boolean).join(' · '));
  const answer = responseBlocks(llm.response);
  if (cost) answer[answer.length - 1] = answer[answer.length - 1]!.replace(/_$/, ` · cost ${describeCost(cost)}_`);
  return [...blocks, ...requestBlocks(llm, previous), ...answer];
}

/** `$0.00021*` for an estimate (the table's note is under the usage table), `$0.0031` for the provider's figure. */
function costCell(cost: { usd: number; source: string }): string {
  return `${formatUsd(cost.usd)}${cost.source === 'estimate' ? '\\*' : ''}`;
}

function cell(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : String(value).replace(/\|/g, '\\|');
}

function usageTable(analyzed: AnalyzedCassette, prices?: PriceTable): string {
  const rows = ['| # | Status | Model | Input tokens | Output tokens | Finish | Duration | Cost |', '|---|---|---|---:|---:|---|---:|---:|'];
  const total: Usage = { inputTokens: 0, outputTokens: 0 };
  let duration = 0;
  for (const item of analyzed.interactions) {
    const { response } = item.interaction;
    const usage = item.llm?.response.usage;
    total.inputTokens += usage?.inputTokens ?? 0;
    total.outputTokens += usage?.outputTokens ?? 0;
    duration += response.durationMs ?? 0;
    const model = item.llm?.model ?? item.endpoint?.model;
    const cost = interactionCost(item, prices);
    const cells = [item.interaction.index, response.status, model, usage?.inputTokens, usage?.outputTokens, item.llm?.response.finishReason];
    rows.push(`| ${[...cells, formatDuration(response.durationMs), cost && costCell(cost)].map(cell).join(' | ')} |`);
  }
  const sum = fileCost(analyzed, prices);
  rows.push(`| **Total** | | | ${total.inputTokens} | ${total.outputTokens} | | ${cell(formatDuration(duration))} | ${cell(sum && costCell(sum))} |`);
  const notes = sum?.source === 'estimate' ? [`\n\n\\* estimated from token usage with ${sum.table}; the provider's own figure where the response carried one.`] : [];
  return rows.join('\n') + notes.join('');
}

export function renderMarkdown(analyzed: AnalyzedCassette, prices?: PriceTable): string {
  const count = analyzed.interactions.length;
  const blocks = [`# ${code(analyzed.cassette.file)}`, plural(count, 'interaction')];
  let previous: Exchange | null | undefined;
  for (const item of analyzed.interactions) {
    blocks.push(...interactionBlocks(item, previous, prices));
    previous = item.llm;
  }
  blocks.push('## Usage', usageTable(analyzed, prices));
  return `${blocks.join('\n\n')}\n`;
}
