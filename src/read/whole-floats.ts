// Where a YAML float with a whole value sits (`temperature: 1.0`, `2.0e+16`). A JavaScript number
// cannot tell 1.0 from 1, Python can: json.dumps writes `1.0` for one and `1` for the other, so
// the readers note these places beside the value (pydantic-ai's parsed_body is replayed as
// json.dumps of the loaded YAML; src/formats/python-json.ts).

/** A map or sequence of the parsed document → the keys (indexes) of its whole-valued floats. */
export type WholeFloats = WeakMap<object, Set<string | number>>;

export function noteWholeFloat(floats: WholeFloats, container: object, key: string | number): void {
  const keys = floats.get(container);
  if (keys) keys.add(key);
  else floats.set(container, new Set([key]));
}

/**
 * Is this plain scalar a float to PyYAML (YAML 1.1 needs a dot: `1.0`, `1.0e+16`; `1e3` is a string
 * there) whose value a JavaScript number holds as an integer?
 */
export function isWholeFloatScalar(raw: string, value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && raw.includes('.');
}
