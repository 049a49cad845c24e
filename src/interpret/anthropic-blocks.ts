// Anthropic content blocks other than text, thinking and client tool calls: server tool calls
// (web search, web fetch, code execution, MCP …), their results, and compaction, fallback,
// container upload and MCP tool listing blocks, each summarized in one line (or a list), as
// parts of a response's `serverTools` or of a re-sent assistant turn.

import { asArray, asObject, asString, type JsonObject } from './json-access.ts';
import { parseToolArguments } from './parts.ts';
import type { ContentPart } from './types.ts';

/**
 * Content blocks of the Messages API reference (and anthropic-sdk-typescript's BetaContentBlock);
 * every `*_tool_result` (web search, web fetch, code execution, bash / text editor code execution,
 * tool search, advisor …) is a server tool's result and known by its suffix.
 */
const BLOCK_TYPES = new Set([
  'text',
  'thinking',
  'redacted_thinking',
  'tool_use',
  'server_tool_use',
  'mcp_tool_use',
  'mcp_tool_result',
  'mcp_tool_listing',
  'container_upload',
  'compaction',
  'fallback',
]);

export function isKnownBlockType(type: string): boolean {
  return BLOCK_TYPES.has(type) || type.endsWith('_tool_result');
}

/** What the summaries read of a block: its type, the block as started, streamed input JSON, streamed text. */
export interface ServerBlock {
  type: string;
  start: JsonObject;
  json: string;
  text: string;
}

/** Streamed input arrives as JSON deltas; a plain JSON block has it whole in `input`. */
export function rawInput(slot: ServerBlock): string {
  return slot.json !== '' ? slot.json : JSON.stringify(slot.start.input ?? {});
}

/** A server tool block (or compaction, fallback, container upload …) as the client sends it back in a request. */
export function serverToolBlockPart(block: JsonObject): ContentPart {
  const type = asString(block.type) ?? 'unknown';
  return serverToolPart({ type, start: block, json: '', text: type === 'compaction' ? (asString(block.content) ?? '') : '' });
}

const other = (kind: string, summary: string): ContentPart => ({ type: 'other', kind, summary });

/** Server tool calls (web search, code execution, MCP …), their results and the other non-text blocks, in one line or a list. */
export function serverToolPart(slot: ServerBlock): ContentPart {
  const block = slot.start;
  switch (slot.type) {
    case 'server_tool_use':
    case 'mcp_tool_use': {
      const input = parseToolArguments(rawInput(slot)).arguments;
      const query = asString(asObject(input).query);
      return other(asString(block.name) ?? slot.type, query !== undefined ? `query "${query}"` : short(input));
    }
    case 'compaction':
      // The summary that replaces the earlier turns; an encrypted-only one says so.
      return other('compaction', slot.text || (block.encrypted_content ? '[encrypted summary]' : ''));
    case 'fallback': {
      const from = asString(asObject(block.from).model) ?? '?';
      const to = asString(asObject(block.to).model) ?? '?';
      const trigger = asObject(block.trigger);
      const why = asString(trigger.type) ? ` (${String(trigger.type)}${asString(trigger.category) ? `: ${String(trigger.category)}` : ''})` : '';
      return other('fallback', `${from} → ${to}${why}`);
    }
    case 'container_upload':
      return other('container_upload', `file_id:${asString(block.file_id) ?? ''}`);
    case 'mcp_tool_listing': {
      const names = asArray(block.tools).map((t) => asString(asObject(t).name) ?? '?');
      return other('mcp_tool_listing', `${asString(block.mcp_server_name) ?? '?'}: ${names.join(', ')}`);
    }
  }
  const content = block.content;
  if (Array.isArray(content) && content.every((r) => asObject(r).type === 'web_search_result')) {
    const lines = content.map((r) => `${asString(asObject(r).title) ?? '(untitled)'} — ${asString(asObject(r).url) ?? ''}`);
    return other(slot.type, [`${content.length} results`, ...lines].join('\n'));
  }
  const errorCode = asString(asObject(content).error_code);
  if (errorCode) return other(slot.type, `error ${errorCode}`);
  const references = asObject(content).tool_references;
  if (Array.isArray(references)) {
    return other(slot.type, `found ${references.map((r) => asString(asObject(r).tool_name) ?? '?').join(', ') || 'no tools'}`);
  }
  return other(slot.type, short(content ?? block));
}

/** A one-line JSON excerpt, without encrypted payloads. */
function short(value: unknown): string {
  const text = JSON.stringify(value, (key, v: unknown) => (key.startsWith('encrypted') ? '…' : v)) ?? '';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
