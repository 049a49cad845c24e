// Plain-text renderings shared by the terminal transcript, Markdown and diff output.

import type { ContentPart, ToolCall, Usage } from '../interpret/types.ts';
import { canonicalJson, jsonDocument } from '../json-text.ts';

/** `1 file`, `2 files`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatArguments(args: unknown): string {
  return typeof args === 'string' ? args : JSON.stringify(args);
}

/** `name(arguments)`; `stable` sorts the argument keys so a re-recording prints the same line. */
export function formatToolCall(call: ToolCall, stable = false): string {
  const flag = call.invalidArguments ? ' (arguments are not valid JSON)' : '';
  const args = stable && !call.invalidArguments ? canonicalJson(call.arguments) : formatArguments(call.arguments);
  return `${call.name}(${args})${flag}`;
}

/** Long opaque values (signatures, encrypted reasoning) are shown by their start and length. */
export function abbreviate(value: string, keep = 12): string {
  return value.length <= keep * 2 ? value : `${value.slice(0, keep)}…(${value.length} chars)`;
}

/**
 * One line (or block) per part, without color; binary payloads only as a summary. `stable` leaves
 * out what differs on every recording (call ids, signatures).
 */
export function describePart(part: ContentPart, stable = false): string {
  switch (part.type) {
    case 'text':
      return part.text;
    case 'reasoning':
      if (part.redacted) return '[redacted reasoning]';
      if (!part.signature || stable) return part.text;
      return [part.text, `[signature ${abbreviate(part.signature)}]`].filter(Boolean).join(' ');
    case 'image':
    case 'file': {
      const details = [part.mediaType, part.bytes !== undefined ? formatBytes(part.bytes) : part.url ?? '']
        .filter(Boolean)
        .join(', ');
      return `[${part.type}: ${details}${part.type === 'file' && part.name ? `, ${part.name}` : ''}]`;
    }
    case 'tool-call':
      return `${formatToolCall(part, stable)}${part.id && !stable ? `  id ${part.id}` : ''}`;
    case 'tool-result':
      return `${part.isError ? 'error ' : ''}${part.toolCallId && !stable ? `[${part.toolCallId}] ` : ''}${part.content}`;
    case 'other':
      return `[${part.kind}: ${part.summary}]`;
  }
}

export function formatUsage(usage: Usage): string {
  const extra = [
    usage.cacheReadTokens ? `${usage.cacheReadTokens} cache read` : '',
    usage.cacheWriteTokens ? `${usage.cacheWriteTokens} cache write` : '',
    usage.reasoningTokens ? `${usage.reasoningTokens} reasoning` : '',
  ].filter(Boolean);
  return `${usage.inputTokens} in / ${usage.outputTokens} out${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/** Pretty-prints text that is a JSON document (structured output); other text is returned as is. */
export function prettyIfJson(text: string): string {
  const doc = jsonDocument(text);
  return doc === undefined ? text : JSON.stringify(doc, null, 2);
}
