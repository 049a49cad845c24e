// The first thing a report of many files shows: one row per cassette (dialects, models,
// interactions, tokens, cost, statuses, findings, a timeline of its durations on a shared scale),
// each linking to its section, and a totals row.

import { formatDuration, plural } from '../format.ts';
import { formatCost, sumCosts } from './cost.ts';
import type { CassetteFacts } from './conversation.ts';
import { html, type SafeHtml } from './escape.ts';
import { timelineSvg, type TimelineBar } from './timeline.ts';

export interface OverviewRow {
  id: string;
  facts: CassetteFacts;
  bars: TimelineBar[];
}

const statusList = (statuses: number[]) => [...statuses].sort((a, b) => a - b).join(', ');

export function overviewTable(rows: OverviewRow[]): SafeHtml {
  const longest = Math.max(0, ...rows.map((r) => r.facts.durationMs));
  const body = rows.map(({ id, facts, bars }) => {
    const bad = facts.statuses.some((s) => s >= 400 || s === 0);
    return html`<tr data-target="${id}"><td class="file"><a href="#${id}">${facts.file}</a></td><td>${facts.format}</td><td>${facts.providers.join(', ')}</td><td>${facts.models.join(', ')}</td><td class="num">${facts.interactions}</td><td class="num">${facts.inputTokens}</td><td class="num">${facts.outputTokens}</td><td class="num">${facts.cost ? formatCost(facts.cost) : '—'}</td><td class="${bad ? 'removed' : ''}">${statusList(facts.statuses)}</td><td class="num">${facts.findings || ''}</td><td title="${formatDuration(facts.durationMs)}">${facts.interactions > 0 ? timelineSvg(bars, longest, 160, 12) : ''}</td></tr>`;
  });
  const sum = (key: 'interactions' | 'inputTokens' | 'outputTokens' | 'findings' | 'durationMs') => rows.reduce((s, r) => s + r.facts[key], 0);
  const cost = sumCosts(rows.map((r) => r.facts.cost));
  const totals = html`<tr><th>${plural(rows.length, 'file')}</th><th></th><th></th><th></th><th class="num">${sum('interactions')}</th><th class="num">${sum('inputTokens')}</th><th class="num">${sum('outputTokens')}</th><th class="num">${cost ? formatCost(cost) : '—'}</th><th></th><th class="num">${sum('findings') || ''}</th><th>${formatDuration(sum('durationMs'))}</th></tr>`;
  return html`<section id="overview"><h2>Overview</h2><div class="scroll"><table>
<colgroup><col class="file"><col class="short"><col class="list"><col class="list"><col class="num"><col class="tokens"><col class="tokens"><col class="tokens"><col class="short"><col class="num"><col class="bars"></colgroup>
<thead><tr><th>file</th><th>format</th><th>dialects</th><th>models</th><th class="num" title="interactions">calls</th><th class="num">tokens in</th><th class="num">tokens out</th><th class="num">cost</th><th>statuses</th><th class="num">findings</th><th>durations</th></tr></thead>
<tbody>${body}</tbody><tfoot>${totals}</tfoot></table></div></section>`;
}
