// Python's `json.dumps(value)` with its defaults, for a value loaded from YAML: separators ', ' and
// ': ', ensure_ascii (everything outside ' '..'~' as \uXXXX, lower-case hex, astral characters as
// surrogate pairs), floats as Python's repr (`1e-07`, `1e+16`, `1.0`), NaN and infinities as
// `NaN` / `Infinity`, keys in the object's order. pydantic-ai's vcrpy deserializer replays a
// `parsed_body` as exactly this text (tests/json_body_serializer.py), so it is the body we read.
//
// What a JavaScript value cannot tell is taken from the reader where it knows it: whole-valued
// floats (`1.0`) from its WholeFloats. Not known: an integer past 2^53 is the nearest double's
// digits (Python keeps the exact int), and integer-like keys come first in a JavaScript object
// (Python keeps the document's order).

import type { WholeFloats } from '../read/whole-floats.ts';

/** json.dumps(value) as Python writes it; `floats` says which whole numbers were floats. */
export function pythonJsonDumps(value: unknown, floats?: WholeFloats): string {
  return dump(value, false, floats);
}

function dump(value: unknown, float: boolean, floats: WholeFloats | undefined): string {
  if (typeof value === 'string') return pythonJsonString(value);
  if (typeof value === 'number') return float || !Number.isInteger(value) ? pythonFloatRepr(value) : pythonInt(value);
  if (value === null || value === undefined) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  // Bytes (`!!binary`) inside a parsed_body: json.dumps refuses them; their UTF-8 text is the nearest JSON.
  if (value instanceof Uint8Array) return pythonJsonString(Buffer.from(value).toString('utf8'));
  if (typeof value !== 'object') return pythonJsonString(String(value));
  // Concatenation in a loop: this runs for every node of every parsed_body `show` reads.
  const keys = floats?.get(value);
  let out = '';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) out += (i ? ', ' : '') + dump(value[i], keys?.has(i) ?? false, floats);
    return `[${out}]`;
  }
  let first = true;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    out += `${first ? '' : ', '}${pythonJsonString(key)}: ${dump((value as Record<string, unknown>)[key], keys?.has(key) ?? false, floats)}`;
    first = false;
  }
  return `{${out}}`;
}

/** str(int): every digit, also past 1e21 where JavaScript switches to an exponent. */
function pythonInt(value: number): string {
  return Math.abs(value) < 1e21 ? String(value === 0 ? 0 : value) : BigInt(value).toString();
}

/**
 * float.__repr__ (as json.dumps writes a float): the shortest digits that read back as the same
 * double — what toExponential() gives too — in fixed notation while the decimal point is within
 * 16 digits and no more than 4 zeros follow it (CPython's format_float_short, 'r' mode), else
 * `d.ddde±XX`; a whole value keeps `.0`.
 */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  if (value === 0) return `${sign}0.0`;
  const [mantissa, exponent] = Math.abs(value).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exp = Number(exponent);
  // decpt: where the decimal point goes in `digits` (0.d1d2… × 10^decpt).
  const decpt = exp + 1;
  if (decpt <= -4 || decpt > 16) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${fraction}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A JSON string with ensure_ascii: one \uXXXX per UTF-16 unit outside printable ASCII. */
export function pythonJsonString(text: string): string {
  // Most keys and many values are plain ASCII: no replace at all.
  if (!/["\\\x00-\x1f\x7f-\uffff]/.test(text)) return `"${text}"`;
  return `"${text.replace(/["\\\x00-\x1f\x7f-\uffff]/g, (ch) => SHORT_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
