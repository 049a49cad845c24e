// Durations as SVG bars, end to end in recording order (cassettes record how long each call took,
// not when it started). Drawn with attributes only: no style attributes, nothing to fetch.

import { formatDuration } from '../format.ts';
import { html, type SafeHtml } from './escape.ts';

export interface TimelineBar {
  /** Shown as the bar's tooltip, e.g. "#3 · 1.20 s · 200". */
  label: string;
  ms: number | undefined;
  bad: boolean;
  /** Fragment id the bar links to (an interaction of this report), when there is one. */
  target?: string;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * One row of bars scaled so `scaleMs` fills `width`: comparable across the rows of the overview
 * when they share a scale. Interactions without a recorded duration get a thin tick.
 */
export function timelineSvg(bars: TimelineBar[], scaleMs: number, width: number, height: number, axis = false): SafeHtml {
  const total = bars.reduce((sum, bar) => sum + (bar.ms ?? 0), 0);
  const scale = scaleMs > 0 ? width / scaleMs : 0;
  let x = 0;
  const rects = bars.map((bar) => {
    const w = Math.max(1, (bar.ms ?? 0) * scale);
    const rect = html`<rect class="bar${bar.bad ? ' bad' : ''}" x="${round(x)}" y="1" width="${round(Math.max(0.5, w - 0.5))}" height="${height - (axis ? 14 : 2)}"><title>${bar.label}</title></rect>`;
    x += w;
    return bar.target ? html`<a href="#${bar.target}">${rect}</a>` : rect;
  });
  const full = Math.max(width, round(x));
  const ticks = axis
    ? html`<line class="axis" x1="0" y1="${height - 12}" x2="${full}" y2="${height - 12}"/><text x="0" y="${height - 2}">0</text><text x="${full}" y="${height - 2}" text-anchor="end">${formatDuration(total)}</text>`
    : '';
  return html`<svg class="timeline" viewBox="0 0 ${full} ${height}" width="${full}" height="${height}" role="img" aria-label="${`durations, ${formatDuration(total) || 'none recorded'} in all`}">${rects}${ticks}</svg>`;
}
