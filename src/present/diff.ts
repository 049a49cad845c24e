// The terminal output of `cassette diff`: a header per file, then per changed interaction each
// change as `path: old → new`; long texts as a word-level diff (red/green on a terminal,
// `[-old-]{+new+}` without color).

import { diffWordsWithSpace, type ChangeObject } from 'diff';
import type { CassetteDiff, Change, InteractionDiff } from '../diff/types.ts';
import { plural } from './format.ts';
import type { Theme } from './theme.ts';

/** Changes shown per interaction; `--json` has them all. */
const MAX_CHANGES = 40;
const INLINE_LIMIT = 60;
const VALUE_LIMIT = 160;

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** A value on one line: strings quoted, objects as compact JSON, long ones cut. */
export function formatValue(value: unknown): string {
  if (Array.isArray(value) && value.length > 8 && value.every((v) => typeof v === 'number')) return `[${value.length} numbers]`;
  return truncate(JSON.stringify(value) ?? 'undefined', VALUE_LIMIT);
}

const isLongText = (value: unknown): value is string =>
  typeof value === 'string' && (value.length > INLINE_LIMIT || value.includes('\n'));

/** Word-level diff of two texts; with no colors, `[-removed-]{+added+}` like `git diff --word-diff`. */
export function wordDiff(oldText: string, newText: string, theme: Theme): string {
  // Very different long texts would take long to align; then show both in full.
  const parts = diffWordsWithSpace(oldText, newText, { maxEditLength: 5000 });
  const removed = (s: string) => (theme.enabled ? theme.removed(s) : `[-${s}-]`);
  const added = (s: string) => (theme.enabled ? theme.added(s) : `{+${s}+}`);
  const visible = (text: string) => text.replace(/\s+/g, '').length;
  const kept = (parts ?? []).reduce((sum, part) => sum + (part.added || part.removed ? 0 : visible(part.value)), 0);
  // A rewritten text reads better as before and after than as a patchwork of words.
  if (!parts || kept < 0.4 * Math.max(visible(oldText), visible(newText))) return `${removed(oldText)}\n${added(newText)}`;
  return mergeRuns(parts)
    .map((run) => (run.same !== undefined ? run.same : `${run.old ? removed(run.old) : ''}${run.new ? added(run.new) : ''}`))
    .join('');
}

interface Run {
  same?: string;
  old: string;
  new: string;
}

/** Joins changes separated only by a space into one, so a rewritten phrase reads as one change. */
function mergeRuns(parts: ChangeObject<string>[]): Run[] {
  const runs: Run[] = [];
  parts.forEach((part, i) => {
    const last = runs[runs.length - 1];
    const changing = last !== undefined && last.same === undefined;
    if (part.added || part.removed) {
      const run = changing ? last : { old: '', new: '' };
      if (!changing) runs.push(run);
      if (part.removed) run.old += part.value;
      else run.new += part.value;
    } else if (changing && /^[ \t]+$/.test(part.value) && (parts[i + 1]?.added || parts[i + 1]?.removed)) {
      last.old += part.value;
      last.new += part.value;
    } else runs.push({ same: part.value, old: '', new: '' });
  });
  return runs;
}

function indentBlock(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

export function renderChange(change: Change, theme: Theme): string {
  const tool = change.tool ? theme.tool(` (${change.tool})`) : '';
  const label = `${change.path}${tool}`;
  if (change.kind === 'added') return `  ${theme.added('+')} ${label}: ${theme.added(formatValue(change.new))}`;
  if (change.kind === 'removed') return `  ${theme.removed('-')} ${label}: ${theme.removed(formatValue(change.old))}`;
  if (typeof change.old === 'string' && typeof change.new === 'string' && (isLongText(change.old) || isLongText(change.new))) {
    return `  ${label}:\n${indentBlock(wordDiff(change.old, change.new, theme), '    ')}`;
  }
  return `  ${label}: ${theme.removed(formatValue(change.old))} → ${theme.added(formatValue(change.new))}`;
}

function interactionLabel(interaction: InteractionDiff): string {
  const { old, new: now } = interaction;
  if (old === null) return `#${now}`;
  if (now === null || old === now) return `#${old}`;
  return `#${old}→#${now}`;
}

function renderInteraction(interaction: InteractionDiff, theme: Theme): string[] {
  const head = `${theme.heading(interactionLabel(interaction))} ${interaction.method} ${interaction.url}`;
  if (interaction.status === 'added' || interaction.status === 'removed') {
    const style = interaction.status === 'added' ? theme.added : theme.removed;
    const prompt = interaction.prompt ? theme.dim(`  ${formatValue(truncate(interaction.prompt, INLINE_LIMIT))}`) : '';
    return [`${head} · ${style(interaction.status)}${prompt}`];
  }
  const lines = [`${head} · ${theme.warn('changed')}`];
  for (const change of interaction.changes.slice(0, MAX_CHANGES)) lines.push(renderChange(change, theme));
  const more = interaction.changes.length - MAX_CHANGES;
  if (more > 0) lines.push(theme.dim(`  … ${more} more changes (--json lists them all)`));
  return lines;
}

export function countsLine(diff: CassetteDiff): string {
  const { counts } = diff;
  const total = counts.same + counts.changed + counts.added + counts.removed;
  const parts = (['same', 'changed', 'added', 'removed'] as const).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  return `${plural(total, 'interaction')}: ${parts.join(', ')}`;
}

export function identicalLine(title: string, what: string, theme: Theme): string {
  return `${title}: ${theme.ok('identical in meaning')} (${what})\n`;
}

/** The report for one compared pair of files; one line when they mean the same. */
export function renderCassetteDiff(title: string, diff: CassetteDiff, theme: Theme): string {
  const total = diff.interactions.length;
  if (diff.status === 'same') return identicalLine(title, plural(total, 'interaction'), theme);
  const lines = [theme.heading(title)];
  for (const interaction of diff.interactions) {
    if (interaction.status !== 'same') lines.push(...renderInteraction(interaction, theme));
  }
  lines.push(theme.dim(countsLine(diff)));
  return `${lines.join('\n')}\n`;
}
