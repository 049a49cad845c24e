// The page around a report: doctype, a Content-Security-Policy that allows only our own inline
// style and script (by their sha256) and forbids every fetch, the toolbar the script brings to
// life, and the script last.

import { createHash } from 'node:crypto';
import { html, trusted, type SafeHtml } from './escape.ts';
import { SCRIPT } from './script.ts';
import { STYLES } from './styles.ts';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * No source is allowed but the two inline blocks by hash: no images, fonts, frames, connections,
 * forms or base URL. `'unsafe-inline'` is never used, so a recorded `<script>` or `onerror=`
 * would not run even if it reached the markup.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    `style-src ${sha256(STYLES)}`,
    `script-src ${sha256(SCRIPT)}`,
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export interface PageOptions {
  title: string;
  /** "cassette 0.1.0": who wrote the page. */
  generator: string;
  /** Interactions are listed: show the search, filter and expand-all toolbar. */
  toolbar: boolean;
  /** The filter's choices (each matches a word of an interaction's data-flags); the report's by default. */
  filters?: FilterOption[];
}

export interface FilterOption {
  value: string;
  label: string;
}

const REPORT_FILTERS: FilterOption[] = [
  { value: '', label: 'all interactions' },
  { value: 'error', label: 'errors' },
  { value: 'findings', label: 'with findings' },
  { value: 'tools', label: 'with tool calls' },
  { value: 'stream', label: 'streamed' },
];

function toolbar(filters: FilterOption[]): SafeHtml {
  return html`<div id="toolbar" hidden role="search">
<input id="q" type="search" placeholder="Search text, tools, models, files ( / )" aria-label="Search">
<select id="filter" aria-label="Filter">${filters.map((f) => html`<option value="${f.value}">${f.label}</option>`)}</select>
<button id="expand" type="button" title="expand all (x)">Expand all</button><button id="collapse" type="button" title="collapse all (z)">Collapse all</button>
<span id="count" class="dim"></span><span class="dim">j / k: next / previous</span>
</div>`;
}

export function page(options: PageOptions, header: SafeHtml, body: SafeHtml): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${options.generator}">
<title>${options.title}</title>
<style>${trusted(STYLES)}</style>
</head>
<body>
${options.toolbar ? toolbar(options.filters ?? REPORT_FILTERS) : ''}
<header class="page">${header}</header>
<main>
${body}
</main>
${options.toolbar ? html`<script>${trusted(SCRIPT)}</script>` : ''}
</body>
</html>
`.value;
}
