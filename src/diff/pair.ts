// Which old interaction goes with which new one. Same count: by position. Otherwise align by what
// was asked — method + URL + the last user message (+ the conversation length, since a tool loop
// repeats the same user message) — then within the gaps by looser keys; what stays unmatched was
// added or removed.

import { diffArrays } from 'diff';
import type { AnalyzedInteraction } from '../interpret/index.ts';
import { pairKeys, type PairKeys } from './comparable.ts';

export interface Pair {
  old: number | null;
  new: number | null;
}

/** From the strictest key to the loosest. */
const TIERS: (keyof PairKeys)[] = ['askedAt', 'asked', 'endpoint'];

function alignTier(oldItems: PairKeys[], newItems: PairKeys[], a: number[], b: number[], tier: number): Pair[] {
  const key = TIERS[tier];
  if (!key || a.length === 0 || b.length === 0) {
    return [...a.map((old): Pair => ({ old, new: null })), ...b.map((index): Pair => ({ old: null, new: index }))];
  }
  const pairs: Pair[] = [];
  let i = 0;
  let j = 0;
  let gapA: number[] = [];
  let gapB: number[] = [];
  const flush = () => {
    if (gapA.length || gapB.length) pairs.push(...alignTier(oldItems, newItems, gapA, gapB, tier + 1));
    gapA = [];
    gapB = [];
  };
  const keysA = a.map((index) => oldItems[index]![key]);
  const keysB = b.map((index) => newItems[index]![key]);
  for (const part of diffArrays(keysA, keysB)) {
    if (part.removed) for (let k = 0; k < part.count; k++) gapA.push(a[i++]!);
    else if (part.added) for (let k = 0; k < part.count; k++) gapB.push(b[j++]!);
    else {
      flush();
      for (let k = 0; k < part.count; k++) pairs.push({ old: a[i++]!, new: b[j++]! });
    }
  }
  flush();
  return pairs;
}

/** Pairs interactions by the keys of each (from `pairKeys`). */
export function pairByKeys(oldItems: PairKeys[], newItems: PairKeys[]): Pair[] {
  if (oldItems.length === newItems.length) return oldItems.map((_, i) => ({ old: i, new: i }));
  return alignTier(oldItems, newItems, oldItems.map((_, i) => i), newItems.map((_, i) => i), 0);
}

export function pairInteractions(oldItems: AnalyzedInteraction[], newItems: AnalyzedInteraction[]): Pair[] {
  return pairByKeys(oldItems.map(pairKeys), newItems.map(pairKeys));
}
