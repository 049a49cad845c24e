// Small read helpers over the yaml CST (the lossless token tree of `new Parser().parse(text)`),
// and the one structural edit scrub makes: removing an item from a block map (--drop).

import { CST } from 'yaml';

export type Item = CST.CollectionItem;
export type ScalarToken = CST.FlowScalar | CST.BlockScalar;

export function isScalarToken(token: CST.Token | null | undefined): token is ScalarToken {
  return !!token && (token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar' || token.type === 'block-scalar');
}

/** The string value of a scalar token, as the YAML reader sees it; undefined for anything else. */
export function scalarText(token: CST.Token | null | undefined): string | undefined {
  if (!isScalarToken(token)) return undefined;
  const resolved = CST.resolveAsScalar(token, false, () => {});
  return resolved ? resolved.value : undefined;
}

export function isMapToken(token: CST.Token | undefined): token is CST.BlockMap | CST.FlowCollection {
  return !!token && (token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{'));
}

export function isSeqToken(token: CST.Token | undefined): token is CST.BlockSequence | CST.FlowCollection {
  return !!token && (token.type === 'block-seq' || (token.type === 'flow-collection' && token.start.source === '['));
}

/** `[key, item]` for each entry of a map token with a scalar key. */
export function mapEntries(token: CST.Token | undefined): Array<[string, Item]> {
  if (!isMapToken(token)) return [];
  const entries: Array<[string, Item]> = [];
  for (const item of token.items) {
    const key = scalarText(item.key);
    if (key !== undefined) entries.push([key, item]);
  }
  return entries;
}

export function mapGet(token: CST.Token | undefined, key: string, ignoreCase = false): Item | undefined {
  const want = ignoreCase ? key.toLowerCase() : key;
  return mapEntries(token).find(([k]) => (ignoreCase ? k.toLowerCase() : k) === want)?.[1];
}

/** The scalar tokens of a value: itself, or the items of a sequence (go-vcr header value lists). */
export function valueScalars(token: CST.Token | undefined): ScalarToken[] {
  if (isScalarToken(token)) return [token];
  if (isSeqToken(token)) return token.items.map((i) => i.value).filter(isScalarToken);
  return [];
}

/** True when the item's value carries the `!!binary` tag (yaml.v3, PyYAML) or Psych's `!binary` (Ruby VCR). */
export function isBinaryItem(item: Item): boolean {
  return [...item.start, ...(item.sep ?? [])].some((t) => t.type === 'tag' && (t.source === '!!binary' || t.source === '!binary'));
}

/** Removes the given items from a block map, keeping the layout of the items that stay. */
export function removeMapItems(map: CST.BlockMap, drop: Set<Item>): void {
  if (drop.size === 0) return;
  const keep = map.items.filter((item) => !drop.has(item));
  if (keep.length === 0) {
    // No entry left: the map becomes `{}` (an empty header map, not null).
    const token = map as unknown as CST.FlowScalar;
    Object.assign(token, { type: 'scalar', source: '{}', end: [{ type: 'newline', offset: -1, indent: map.indent, source: '\n' }] });
    delete (token as { items?: unknown }).items;
    return;
  }
  // The first item's indentation lives in the parent's separator, the others' in their own start.
  if (drop.has(map.items[0]!)) keep[0]!.start = keep[0]!.start.filter((t) => t.type !== 'space');
  map.items = keep as CST.BlockMap['items'];
}
