// Scalar resolution for the fast go-vcr reader, exactly as the `yaml` package does it: plain
// scalars by the YAML 1.2 core schema, double-quoted escapes, line folding. Pure string functions.

const SPACE = 32;

/** One-line plain text with no comment, no `key: value` and no surrounding whitespace. */
export function isSafePlain(raw: string): boolean {
  if (raw === '' || raw.includes(': ') || raw.includes(' #') || raw.includes('\t')) return false;
  return raw.charCodeAt(raw.length - 1) !== SPACE;
}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const INF_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const MAYBE_NOT_STRING = /^[-+.0-9~nNtTfF]/;

/** The YAML 1.2 core schema, in the order the `yaml` package tries it. */
export function resolvePlain(raw: string): unknown {
  if (!MAYBE_NOT_STRING.test(raw)) return raw;
  if (NULL.test(raw)) return null;
  if (BOOL.test(raw)) return raw[0] === 't' || raw[0] === 'T';
  if (OCT.test(raw)) return parseInt(raw.slice(2), 8);
  if (INT.test(raw)) return parseInt(raw, 10);
  if (HEX.test(raw)) return parseInt(raw.slice(2), 16);
  if (INF_NAN.test(raw)) return raw.endsWith('nan') || raw.endsWith('NaN') || raw.endsWith('NAN') ? NaN : raw[0] === '-' ? -Infinity : Infinity;
  if (FLOAT.test(raw)) return parseFloat(raw);
  return raw;
}

/** Line folding of quoted scalars, as in the `yaml` package's unfoldLines. */
export function unfoldLines(source: string): string {
  const lines = source.split('\n');
  let result = lines[0]!.replace(/[ \t]+$/, '');
  let sep = ' ';
  for (let k = 1; k < lines.length - 1; k++) {
    const line = lines[k]!.replace(/^[ \t]+|[ \t]+$/g, '');
    if (line === '') {
      if (sep === '\n') result += sep;
      else sep = '\n';
    } else {
      result += sep + line;
      sep = ' ';
    }
  }
  return result + sep + lines[lines.length - 1]!.replace(/^[ \t]+/, '');
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

/** Double-quoted escapes and folding (the `yaml` package's doubleQuotedValue); undefined on an invalid escape. */
export function doubleQuoted(inner: string): string | undefined {
  if (!inner.includes('\n') && !/\\[^"\\/bfnrtu]|\\u(?![0-9a-fA-F]{4})/.test(inner)) {
    try {
      return JSON.parse(`"${inner}"`) as string; // the same escapes, much faster
    } catch {
      // raw control characters: JSON refuses them, YAML does not
    }
  }
  let res = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch === '\n') {
      let fold = '';
      while (inner[i + 1] === ' ' || inner[i + 1] === '\t' || inner[i + 1] === '\n') if (inner[++i] === '\n') fold += '\n';
      res += fold || ' ';
    } else if (ch === '\\') {
      const next = inner[++i]!;
      if (ESCAPES[next] !== undefined) res += ESCAPES[next];
      else if (next === '\n') {
        while (inner[i + 1] === ' ' || inner[i + 1] === '\t') i++;
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const size = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = inner.slice(i + 1, i + 1 + size);
        if (hex.length !== size || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) return undefined;
        res += String.fromCodePoint(code);
        i += size;
      } else return undefined;
    } else if (ch === ' ' || ch === '\t') {
      const from = i;
      while (inner[i + 1] === ' ' || inner[i + 1] === '\t') i++;
      if (inner[i + 1] !== '\n') res += inner.slice(from, i + 1);
    } else res += ch;
  }
  return res;
}
