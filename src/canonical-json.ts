// JSON text with sorted keys: equal for values that differ only in key order. Shared by diff
// (comparing) and the stable transcript (printing tool arguments the same way every time).

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
    ) ?? 'undefined'
  );
}
