// `diff --stat`: one table row per compared file — interactions same / changed / added / removed,
// and tokens before → after.

import Table from 'cli-table3';
import type { FileDiffJson, TokenTotals } from '../diff/types.ts';
import type { Theme } from './theme.ts';

function arrow(before: number, after: number): string {
  return before === after ? String(before) : `${before} → ${after}`;
}

function row(file: FileDiffJson): (string | number)[] {
  const name = file.name ?? file.new ?? file.old ?? '';
  switch (file.status) {
    case 'same':
    case 'different': {
      const { counts, tokens } = file;
      return [name, counts.same, counts.changed, counts.added, counts.removed, arrow(tokens.old.input, tokens.new.input), arrow(tokens.old.output, tokens.new.output)];
    }
    case 'only-old':
      return [`${name} (only in old)`, 0, 0, 0, file.interactions, arrow(file.tokens.input, 0), arrow(file.tokens.output, 0)];
    case 'only-new':
      return [`${name} (only in new)`, 0, 0, file.interactions, 0, arrow(0, file.tokens.input), arrow(0, file.tokens.output)];
    case 'error':
      return [`${name} (error)`, '', '', '', '', '', ''];
  }
}

function totals(files: FileDiffJson[]): { counts: number[]; old: TokenTotals; new: TokenTotals } {
  const counts = [0, 0, 0, 0];
  const before: TokenTotals = { input: 0, output: 0 };
  const after: TokenTotals = { input: 0, output: 0 };
  for (const file of files) {
    if (file.status === 'same' || file.status === 'different') {
      [file.counts.same, file.counts.changed, file.counts.added, file.counts.removed].forEach((n, i) => (counts[i]! += n));
      before.input += file.tokens.old.input;
      before.output += file.tokens.old.output;
      after.input += file.tokens.new.input;
      after.output += file.tokens.new.output;
    } else if (file.status === 'only-old' || file.status === 'only-new') {
      counts[file.status === 'only-old' ? 3 : 2]! += file.interactions;
      const side = file.status === 'only-old' ? before : after;
      side.input += file.tokens.input;
      side.output += file.tokens.output;
    }
  }
  return { counts, old: before, new: after };
}

export function renderDiffStat(files: FileDiffJson[], theme: Theme): string {
  const style = theme.enabled ? {} : { head: [], border: [] };
  const table = new Table({ head: ['file', 'same', 'changed', 'added', 'removed', 'tokens in', 'tokens out'], style });
  for (const file of files) table.push(row(file));
  if (files.length > 1) {
    const sum = totals(files);
    table.push([theme.heading(`${files.length} files`), ...sum.counts, arrow(sum.old.input, sum.new.input), arrow(sum.old.output, sum.new.output)]);
  }
  return `${table.toString()}\n`;
}
