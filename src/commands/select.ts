// `-i 2`, `-i 0-3`, `-i 1,4` (repeatable) → the set of interaction indexes.

import { CassetteError } from '../errors.ts';

export function parseInteractionSelector(values: string[] | undefined): Set<number> | undefined {
  if (!values || values.length === 0) return undefined;
  const selected = new Set<number>();
  for (const value of values) {
    for (const piece of value.split(',')) {
      const m = /^\s*(\d+)\s*(?:(?:-|\.\.)\s*(\d+)\s*)?$/.exec(piece);
      if (!m) throw new CassetteError('usage', `invalid interaction selector "${piece}" (use 2, 0-3 or 1,4)`);
      const from = Number(m[1]);
      const to = m[2] === undefined ? from : Number(m[2]);
      if (to < from) throw new CassetteError('usage', `invalid interaction range "${piece}"`);
      for (let i = from; i <= to; i++) selected.add(i);
    }
  }
  return selected;
}

/** `2, 5-9` for a sorted or unsorted list of indexes. */
function ranges(indexes: number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const from = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    parts.push(from === sorted[i] ? `${from}` : `${from}-${sorted[i]}`);
  }
  return parts.join(', ');
}

/** `no interaction 99 (the file has 2 interactions: 0-1)`, for `-i` beyond the last one. */
export function describeMissing(missing: number[], count: number): string {
  const what = missing.length === 1 ? 'interaction' : 'interactions';
  const has = count === 0 ? 'the file has no interactions' : count === 1 ? 'the file has 1 interaction: 0' : `the file has ${count} interactions: 0-${count - 1}`;
  return `no ${what} ${ranges(missing)} (${has})`;
}
