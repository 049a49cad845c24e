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
