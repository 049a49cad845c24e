// OpenAI Responses API items: an output item (or a replayed input item) as a tool call, reasoning,
// message text or a one-line summary of what a hosted tool did. The stream reducer and the request
// reader share these, so a response's items and the same items sent back read alike.

import type { DiagnosticList } from '../findings/diagnostic.ts';
import { asArray, asNumber, asObject, asString, type JsonObject } from './json-access.ts';
import { base64Size, reportInvalidArguments, toolCall } from './parts.ts';
import type { Citation, ContentPart, ToolCall } from './types.ts';

/** Output item types this reader knows (as of the API reference of 2026); others are diagnosed. */
const KNOWN_ITEMS = new Set([
  'message',
  'reasoning',
  'function_call',
  'custom_tool_call',
  'computer_call',
  'shell_call',
  'local_shell_call',
  'apply_patch_call',
  'tool_search_call',
  'tool_search_output',
  'additional_tools',
  'web_search_call',
  'file_search_call',
  'code_interpreter_call',
  'image_generation_call',
  'mcp_call',
  'mcp_list_tools',
  'mcp_approval_request',
  'mcp_approval_response',
  'compaction',
  'function_call_output',
  'custom_tool_call_output',
  'computer_call_output',
  'shell_call_output',
  'local_shell_call_output',
  'apply_patch_call_output',
]);

/** Content part types of a message item; annotation types that are not URLs are known, not citations. */
const KNOWN_MESSAGE_PARTS = new Set(['output_text', 'text', 'refusal']);

/** Client tool calls: the caller must answer each with an output item carrying its call_id. */
const CLIENT_CALLS = new Set(['function_call', 'custom_tool_call', 'computer_call', 'shell_call', 'local_shell_call', 'apply_patch_call']);

/** Text of a reasoning item: the summaries, then any raw reasoning text (open-weight models). */
export function reasoningText(item: JsonObject): string {
  const texts = [...asArray(item.summary), ...asArray(item.content)].map((p) => asString(asObject(p).text) ?? '');
  return texts.filter(Boolean).join('\n\n');
}

/** At most `max` characters of one line, for a summary. */
function short(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A byte count as people read it: 812 B, 14.2 KB, 1.3 MB. */
function bytesText(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Partial images seen in a stream for one image generation item: their count and decoded bytes. */
export interface PartialImages {
  count: number;
  bytes: number;
}

/** A shell output list (`[{stdout, stderr, outcome}]`) as text: stdout, stderr, and how it ended. */
function shellOutputText(output: unknown): string {
  return asArray(output)
    .map((raw) => {
      const chunk = asObject(raw);
      const outcome = asObject(chunk.outcome);
      const end = outcome.type === 'exit' ? `exit ${asNumber(outcome.exit_code) ?? '?'}` : outcome.type === 'timeout' ? 'timeout' : '';
      return [asString(chunk.stdout) ?? '', asString(chunk.stderr) ?? '', end ? `[${end}]` : ''].filter(Boolean).join('\n');
    })
    .join('\n');
}

/** The output of an `*_output` item as text (shell outputs are lists of stdout/stderr chunks). */
export function shellOrPlainOutput(item: JsonObject): string | undefined {
  if (item.type === 'shell_call_output') return shellOutputText(item.output);
  if (item.type === 'tool_search_output') {
    const names = asArray(item.tools).map((t) => asString(asObject(t).name) ?? asString(asObject(t).type) ?? '?');
    return `${plural(names.length, 'tool')} loaded${names.length ? `: ${names.join(', ')}` : ''}`;
  }
  return undefined;
}

/** One line for a hosted (server-side) tool item: what it did, never its payload. */
export function serverToolPart(item: JsonObject, partialImages?: PartialImages): ContentPart {
  const type = asString(item.type) ?? 'unknown';
  const kind = type.replace(/_call$/, '');
  const other = (summary: string): ContentPart => ({ type: 'other', kind, summary });
  const status = asString(item.status) ? ` (${String(item.status)})` : '';
  switch (type) {
    case 'web_search_call': {
      const action = asObject(item.action);
      const queries = asArray(action.queries).filter((q): q is string => typeof q === 'string');
      const what = asString(action.query) ?? (queries.join('; ') || asString(action.url) || asString(action.type) || 'search');
      const sources = asArray(action.sources).length;
      return { type: 'other', kind: 'web_search', summary: sources ? `${what} (${sources} sources)` : what };
    }
    case 'file_search_call': {
      const queries = asArray(item.queries).filter((q): q is string => typeof q === 'string');
      const results = Array.isArray(item.results) ? ` (${plural(item.results.length, 'result')})` : '';
      return other(`${queries.join('; ') || asString(item.id) || 'search'}${results}${results ? '' : status}`);
    }
    case 'code_interpreter_call': {
      const code = asString(item.code) ?? '';
      const lines = code ? code.split('\n').length : 0;
      const outputs = asArray(item.outputs).map(asObject);
      const logs = outputs.filter((o) => o.type === 'logs').length;
      const images = outputs.filter((o) => o.type === 'image').length;
      const facts = [lines ? plural(lines, 'line') : '', logs ? plural(logs, 'log') : '', images ? plural(images, 'image') : ''].filter(Boolean);
      const what = code ? short(code.split('\n')[0]!, 60) : asString(item.id) ?? 'code';
      return other(`${what}${facts.length ? ` (${facts.join(', ')})` : ''}${status}`);
    }
    case 'image_generation_call': {
      const result = asString(item.result);
      const format = asString(item.output_format) ?? 'image';
      const facts = [asString(item.size) ?? '', result ? bytesText(base64Size(result)) : ''].filter(Boolean);
      const partial = partialImages?.count ? `, ${plural(partialImages.count, 'partial image')} (${bytesText(partialImages.bytes)})` : '';
      const prompt = asString(item.revised_prompt) ? `: ${short(item.revised_prompt as string, 60)}` : '';
      return other(`${result ? format : 'no image'}${facts.length ? ` ${facts.join(', ')}` : ''}${partial}${prompt}${status}`);
    }
    case 'mcp_call': {
      const call = `${asString(item.server_label) ?? 'mcp'}.${asString(item.name) ?? '?'}(${short(asString(item.arguments) ?? '', 60)})`;
      const error = asString(item.error) ?? (item.error ? JSON.stringify(item.error) : undefined);
      const output = asString(item.output);
      return other(error ? `${call} failed: ${short(error)}` : output !== undefined ? `${call} → ${short(output)}` : `${call}${status}`);
    }
    case 'mcp_list_tools': {
      const names = asArray(item.tools).map((t) => asString(asObject(t).name) ?? '?');
      const error = asString(item.error);
      const label = asString(item.server_label) ?? 'mcp';
      return other(error ? `${label}: ${short(error)}` : `${label}: ${plural(names.length, 'tool')}${names.length ? ` (${short(names.join(', '))})` : ''}`);
    }
    case 'mcp_approval_request':
      return other(`${asString(item.server_label) ?? 'mcp'}.${asString(item.name) ?? '?'}(${short(asString(item.arguments) ?? '', 60)}) awaits approval`);
    case 'mcp_approval_response':
      return other(`${item.approve === true ? 'approved' : 'denied'} ${asString(item.approval_request_id) ?? ''}${asString(item.reason) ? `: ${short(item.reason as string)}` : ''}`.trim());
    case 'compaction': {
      const encrypted = asString(item.encrypted_content);
      return other(`compacted context${encrypted ? ` (${encrypted.length} characters, encrypted)` : ''}`);
    }
    case 'tool_search_call':
      return other(`${item.arguments === undefined ? 'tool search' : short(JSON.stringify(item.arguments))}${status}`);
    case 'tool_search_output':
    case 'shell_call_output':
      return other(short(`${asString(item.call_id) ?? asString(item.id) ?? ''} ${shellOrPlainOutput(item) ?? ''}`.trim()));
    case 'additional_tools': {
      const names = asArray(item.tools).map((t) => asString(asObject(t).name) ?? asString(asObject(t).type) ?? '?');
      return other(`${plural(names.length, 'tool')} added${names.length ? `: ${short(names.join(', '))}` : ''}`);
    }
    default:
      return other(`${asString(item.id) ?? type}${status}`);
  }
}

/** A client tool call item (function, custom, computer, shell, apply-patch calls), or undefined for other items. */
export function outputToolCall(item: JsonObject): ToolCall | undefined {
  const id = asString(item.call_id) ?? asString(item.id) ?? null;
  switch (item.type) {
    case 'function_call':
      return toolCall(id, asString(item.name) ?? '', asString(item.arguments) ?? '');
    case 'custom_tool_call':
      // Custom tools take free text, not JSON: keep it as the string it is.
      return { id, name: asString(item.name) ?? '', arguments: asString(item.input) ?? '' };
    case 'computer_call':
      return { id, name: 'computer', arguments: item.action ?? item.actions ?? {} };
    case 'shell_call':
      return { id, name: 'shell', arguments: item.action ?? {} };
    case 'local_shell_call':
      return { id, name: 'local_shell', arguments: item.action ?? {} };
    case 'apply_patch_call':
      return { id, name: 'apply_patch', arguments: item.operation ?? {} };
    case 'tool_search_call':
      // Only a search the client runs is a call to answer; the server's own is a hosted tool.
      return item.execution === 'client' ? { id, name: 'tool_search', arguments: item.arguments ?? {} } : undefined;
    default:
      return undefined;
  }
}

export interface OutputSummary {
  text: string;
  reasoning: string;
  refusal: string;
  toolCalls: ToolCall[];
  citations: Citation[];
  serverTools: ContentPart[];
}

/** What reading the items could note: unknown types, calls without a call_id, bad arguments. */
export interface OutputContext {
  diagnostics: DiagnosticList;
  /** Index of the last stream event that touched each output item (empty for a plain body). */
  itemEvents: (number | undefined)[];
  partialImages: Map<number, PartialImages>;
}

function addCitations(out: OutputSummary, part: JsonObject): void {
  for (const annotation of Array.from(asArray(part.annotations), asObject)) {
    const url = asString(annotation.url);
    if (annotation.type !== 'url_citation' || !url) continue;
    if (out.citations.some((c) => c.url === url)) continue;
    const title = asString(annotation.title);
    out.citations.push(title ? { url, title } : { url });
  }
}

/** The output items (in output_index order, holes left out by the caller) → the response's parts. */
export function readOutput(items: (JsonObject | undefined)[], context: OutputContext): OutputSummary {
  const out: OutputSummary = { text: '', reasoning: '', refusal: '', toolCalls: [], citations: [], serverTools: [] };
  const { diagnostics } = context;
  const reasoning: string[] = [];
  const callEvents: (number | undefined)[] = [];
  items.forEach((item, index) => {
    if (!item) return;
    const event = context.itemEvents[index];
    const type = asString(item.type);
    if (type !== undefined && !KNOWN_ITEMS.has(type)) {
      diagnostics.addCounted('unknown-event', `item:${type}`, `output item of unknown type "${type}"`, event);
    }
    const call = outputToolCall(item);
    if (call) {
      if (CLIENT_CALLS.has(type ?? '') && !asString(item.call_id)) {
        diagnostics.add('tool-call-without-id', `${type} ${call.name || ''} has no call_id`.replace(/\s+/g, ' '), event);
      }
      out.toolCalls.push(call);
      callEvents.push(event);
    } else if (type === 'reasoning') reasoning.push(reasoningText(item));
    else if (type === 'message' || type === undefined) {
      // A compacted response repeats the user's messages before its compaction item.
      if (item.role !== undefined && item.role !== 'assistant') return;
      for (const part of Array.from(asArray(item.content), asObject)) {
        const partType = asString(part.type) ?? 'untyped';
        if (!KNOWN_MESSAGE_PARTS.has(partType)) {
          diagnostics.addCounted('unknown-event', `part:${partType}`, `message content part of unknown type "${partType}"`, event);
        }
        if (part.type === 'refusal') out.refusal += asString(part.refusal) ?? '';
        else out.text += asString(part.text) ?? '';
        addCitations(out, part);
      }
    } else out.serverTools.push(serverToolPart(item, context.partialImages.get(index)));
  });
  reportInvalidArguments(diagnostics, out.toolCalls, callEvents);
  out.reasoning = reasoning.filter(Boolean).join('\n\n');
  return out;
}
