// The comparison core: two cassettes' comparable views → what differs in meaning, as data. Pure: no I/O.

import type { AnalyzedCassette } from '../interpret/index.ts';
import { isObject } from '../interpret/json-access.ts';
import { comparableCassette, sumTokens, type ComparableCassette, type ComparableInteraction } from './comparable.ts';
import { diffJson, formatPath, type RawChange, type Segment } from './json-paths.ts';
import { pairByKeys, type Pair } from './pair.ts';
import { pathMatcher } from './path-glob.ts';
import type { CassetteDiff, Change, CompareOptions, InteractionDiff } from './types.ts';
import type { InteractionView } from './view.ts';

/** Containers whose elements are named tools: a change below one is reported with that name. */
const TOOL_CONTAINERS = new Set(['toolCalls', 'tools', 'content', 'serverTools']);

/** The name of the tool call / result / definition a path runs through, looked up in a view. */
function toolAt(view: unknown, segments: Segment[]): string | undefined {
  let node: unknown = view;
  let found: string | undefined;
  for (let k = 0; k < segments.length; k++) {
    const segment = segments[k]!;
    node = Array.isArray(node) && typeof segment === 'number' ? node[segment] : isObject(node) ? node[segment] : undefined;
    const container = segments[k - 1];
    if (typeof segment === 'number' && typeof container === 'string' && TOOL_CONTAINERS.has(container) && isObject(node)) {
      const isTool = container !== 'content' || node.type === 'tool-call' || node.type === 'tool-result';
      if (isTool && typeof node.name === 'string' && node.name) found = node.name;
    }
    if (node === undefined) break;
  }
  return found;
}

function toChange(raw: RawChange, oldView: InteractionView, newView: InteractionView): Change {
  const change: Change = { path: formatPath(raw.segments), kind: raw.kind };
  if (raw.kind !== 'added') change.old = raw.old;
  if (raw.kind !== 'removed') change.new = raw.new;
  const tool = toolAt(raw.kind === 'removed' ? oldView : newView, raw.segments) ?? toolAt(oldView, raw.segments);
  if (tool) change.tool = tool;
  return change;
}

function describe(item: ComparableInteraction): Pick<InteractionDiff, 'method' | 'url' | 'prompt'> {
  return { method: item.method, url: item.url, ...(item.prompt ? { prompt: item.prompt } : {}) };
}

function comparePair(pair: Pair, a: ComparableCassette, b: ComparableCassette, options: CompareOptions): InteractionDiff {
  const oldItem = pair.old === null ? undefined : a.interactions[pair.old];
  const newItem = pair.new === null ? undefined : b.interactions[pair.new];
  if (!oldItem || !newItem) {
    const item = (oldItem ?? newItem)!;
    return { old: pair.old, new: pair.new, status: oldItem ? 'removed' : 'added', ...describe(item), changes: [] };
  }
  const oldView = oldItem.view;
  const newView = newItem.view;
  const ignored = pathMatcher(options.ignore);
  const raw = [
    ...(options.only === 'response' ? [] : diffJson(oldView.request, newView.request, ['request'])),
    ...(options.only === 'request' ? [] : diffJson(oldView.response, newView.response, ['response'])),
  ];
  const changes = raw.map((r) => toChange(r, oldView, newView)).filter((change) => !ignored(change.path));
  return {
    old: pair.old,
    new: pair.new,
    status: changes.length ? 'changed' : 'same',
    ...describe(newItem),
    changes,
  };
}

/** Compares the views of two cassettes, built by `comparableCassette` with the same `strict`. */
export function compareComparable(a: ComparableCassette, b: ComparableCassette, options: CompareOptions = {}): CassetteDiff {
  const selected = options.interactions;
  const pairs = pairByKeys(
    a.interactions.map((item) => item.keys),
    b.interactions.map((item) => item.keys),
  ).filter((pair) => !selected || (pair.old !== null && selected.has(pair.old)) || (pair.new !== null && selected.has(pair.new)));
  const interactions = pairs.map((pair) => comparePair(pair, a, b, options));
  const counts = { same: 0, changed: 0, added: 0, removed: 0 };
  for (const interaction of interactions) counts[interaction.status]++;
  return {
    status: counts.changed + counts.added + counts.removed > 0 ? 'different' : 'same',
    counts,
    tokens: { old: sumTokens(a.interactions), new: sumTokens(b.interactions) },
    interactions,
  };
}

export function compareCassettes(a: AnalyzedCassette, b: AnalyzedCassette, options: CompareOptions = {}): CassetteDiff {
  const strict = !!options.strict;
  return compareComparable(comparableCassette(a, strict), comparableCassette(b, strict), options);
}
