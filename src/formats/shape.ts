// Small structural tests shared by the format modules' detect functions.

export type PlainMap = Record<string, unknown>;

export function isPlainMap(value: unknown): value is PlainMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** The first item of a list that is a map, if any (detection looks at one interaction). */
export function firstMap(list: unknown): PlainMap | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const item of list) if (isPlainMap(item)) return item;
  return undefined;
}
