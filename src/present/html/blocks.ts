// Building blocks of the report: long text cut with the rest one click away, JSON as a collapsible
// tree, a decoded body one line per event. Every value goes through `html`, so it is only text.

import type { DecodedBody } from '../../decode/types.ts';
import { jsonDocument } from '../../json-text.ts';
import { formatBytes } from '../format.ts';
import { rawBodyLines } from '../raw-body.ts';
import { flag, html, type SafeHtml } from './escape.ts';

/** Characters of a text shown before "… N more characters". */
export const TEXT_LIMIT = 2000;
/** Characters of a JSON string value shown inline. */
const STRING_LIMIT = 300;
/**
 * How much of a decoded body a report holds: `head` characters show when it is opened, up to
 * `max` behind one more click; the rest is left to `cassette show --raw`. Bodies are most of a
 * report's bytes (and of the browser's time to load it), so a report of many files keeps less.
 */
export interface BodyLimits {
  head: number;
  max: number;
}
export const SMALL_REPORT_BODIES: BodyLimits = { head: 16_000, max: 200_000 };
export const LARGE_REPORT_BODIES: BodyLimits = { head: 2_000, max: 4_000 };

/**
 * A text with its start shown and the rest one click away, in the same flow (no copy of the start).
 * `limit` counts UTF-16 units; a cut never splits a surrogate pair.
 */
export function longText(text: string, limit = TEXT_LIMIT, className = 'text'): SafeHtml {
  if (text.length <= limit) return html`<div class="${className}">${text}</div>`;
  let cut = limit;
  if (/[\ud800-\udbff]/.test(text[cut - 1] ?? '')) cut--;
  const rest = text.slice(cut);
  return html`<div class="${className}">${text.slice(0, cut)}</div><details class="more"><summary>… ${rest.length.toLocaleString('en')} more characters</summary><div class="${className}">${rest}</div></details>`;
}

/** Text, or a JSON tree when the text is a JSON document (structured output, tool results). */
export function textOrJson(text: string, limit = TEXT_LIMIT): SafeHtml {
  const doc = text.length <= 200_000 ? jsonDocument(text) : undefined;
  return doc === undefined ? longText(text, limit) : jsonTree(doc);
}

function scalar(value: unknown): SafeHtml {
  if (typeof value === 'string') {
    if (value.length <= STRING_LIMIT) return html`<span class="s">${JSON.stringify(value)}</span>`;
    return html`<span class="s">${longText(JSON.stringify(value), STRING_LIMIT, 'text')}</span>`;
  }
  if (typeof value === 'number') return html`<span class="n">${String(value)}</span>`;
  if (typeof value === 'boolean' || value === null) return html`<span class="b">${String(value)}</span>`;
  return html`<span>${JSON.stringify(value) ?? String(value)}</span>`;
}

/** Short enough to read on one line: compact JSON instead of a tree. */
const INLINE = 72;

function node(value: unknown, depth: number): SafeHtml {
  if (typeof value !== 'object' || value === null) return scalar(value);
  const compact = JSON.stringify(value);
  if (compact.length <= INLINE) return html`<span class="mono">${compact}</span>`;
  if (Array.isArray(value) && value.length > 16 && value.every((v) => typeof v === 'number')) {
    return html`<details><summary>[${value.length} numbers]</summary>${longText(compact, STRING_LIMIT)}</details>`;
  }
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const label = Array.isArray(value) ? `[${value.length} items]` : `{${entries.length} keys}`;
  const rows = entries.map(([key, child]) => html`<li>${Array.isArray(value) ? '' : html`<span class="k">${JSON.stringify(key)}</span>: `}${node(child, depth + 1)}</li>`);
  return html`<details${flag('open', depth < 2)}><summary>${label}</summary><ul>${rows}</ul></details>`;
}

/** A JSON value as a tree of <details>: objects and arrays collapse, short ones stay on one line. */
export function jsonTree(value: unknown): SafeHtml {
  return html`<div class="json">${node(value, 0)}</div>`;
}

/** What a body is, for its summary line: `SSE, 42 events, 12.3 kB`. */
export function bodyLabel(body: DecodedBody): string {
  switch (body.kind) {
    case 'empty':
      return 'empty';
    case 'json':
      return `JSON, ${formatBytes(Buffer.byteLength(body.text))}`;
    case 'sse':
      return `SSE, ${body.events.length} events, ${formatBytes(Buffer.byteLength(body.text))}`;
    case 'event-stream':
      return `event-stream, ${body.frames.length} frames, ${formatBytes(body.byteLength)}`;
    case 'text':
      return `${body.contentType || 'text'}, ${formatBytes(Buffer.byteLength(body.text))}`;
    case 'binary':
      return `binary, ${formatBytes(body.bytes.length)}`;
    case 'undecodable':
      return `undecodable ${body.encoding}, ${formatBytes(body.byteLength)}`;
  }
}

/**
 * A decoded body, collapsed: JSON pretty-printed, a stream one event per line, cut as `limits`
 * says; beyond them the report names the command that prints it all.
 */
export function rawBody(title: string, body: DecodedBody, fullCommand: string, limits: BodyLimits): SafeHtml {
  if (body.kind === 'empty') return html`<div class="dim">${title}: empty</div>`;
  const lines = rawBodyLines(body);
  const text = lines.join('\n');
  const kept = text.length > limits.max ? text.slice(0, limits.max) : text;
  const head = kept.length > limits.head ? kept.slice(0, kept.lastIndexOf('\n', limits.head) + 1 || limits.head) : kept;
  const rest = kept.slice(head.length);
  const more = rest
    ? html`<details class="more"><summary>… ${rest.length.toLocaleString('en')} more characters</summary><pre>${rest}</pre></details>`
    : '';
  const omitted = text.length > kept.length ? html`<div class="dim">${(text.length - kept.length).toLocaleString('en')} characters not in this report: <code>${fullCommand}</code></div>` : '';
  return html`<details class="raw"><summary>${title} <span class="dim">(${bodyLabel(body)})</span></summary><pre>${head}</pre>${more}${omitted}</details>`;
}

