// Small, typed readers for untrusted JSON: recordings can hold anything.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * The first object in a list whose `index` is 0 (a missing index counts as 0): the first choice
 * or candidate of a chunk. A loop, allocating nothing: it runs for every chunk of every stream.
 */
export function firstOfIndexZero(list: unknown): JsonObject | undefined {
  for (const raw of asArray(list)) {
    const item = asObject(raw);
    if ((asNumber(item.index) ?? 0) === 0) return item;
  }
  return undefined;
}
