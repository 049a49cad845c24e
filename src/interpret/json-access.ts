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

/** A deep copy of parsed JSON (plain objects, arrays, primitives); faster than structuredClone. */
export function jsonCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonCopy);
  if (!isObject(value)) return value;
  const result: JsonObject = {};
  for (const key of Object.keys(value)) {
    // An own `__proto__` key (JSON.parse makes one) must stay a key, not become the prototype.
    if (key === '__proto__') Object.defineProperty(result, key, { value: jsonCopy(value[key]), enumerable: true, writable: true, configurable: true });
    else result[key] = jsonCopy(value[key]);
  }
  return result;
}
