// Scalar resolution for the fast YAML reader, exactly as the `yaml` package does it (plain scalars
// by the YAML 1.2 core schema, double-quoted escapes, line folding), and only where PyYAML (YAML
// 1.1, the schema vcrpy's and Psych's files are written for) reads the same. Pure string functions.

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
/** Can a plain scalar starting with this character be anything but a string? (- + . 0-9 ~ n N t T f F) */
function maybeNotString(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
}

/** The YAML 1.2 core schema, in the order the `yaml` package tries it. */
export function resolvePlain(raw: string): unknown {
  // A character test, not a regex: this runs for every key and plain value of a cassette.
  if (!maybeNotString(raw.charCodeAt(0))) return raw;
  if (NULL.test(raw)) return null;
  if (BOOL.test(raw)) return raw[0] === 't' || raw[0] === 'T';
  if (OCT.test(raw)) return parseInt(raw.slice(2), 8);
  if (INT.test(raw)) return parseInt(raw, 10);
  if (HEX.test(raw)) return parseInt(raw.slice(2), 16);
  if (INF_NAN.test(raw)) return raw.endsWith('nan') || raw.endsWith('NaN') || raw.endsWith('NAN') ? NaN : raw[0] === '-' ? -Infinity : Infinity;
  if (FLOAT.test(raw)) return parseFloat(raw);
  return raw;
}

/**
 * PyYAML's implicit resolvers for scalars starting with a digit, sign or dot (resolver.py: float,
 * int). Not its timestamps: a plain `2023-06-01` (go-vcr writes the Anthropic-Version header so)
 * is a date to PyYAML but a string to `yaml` and to every recorder's reader (cassettes hold header
 * and body strings, no dates), and the `yaml` fallback would give that string anyway.
 */
const PY_NUMERIC = [
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
];
/**
 * Numbers both schemas read alike: JSON-like integers, floats with a dot (and a signed exponent),
 * .inf/.nan. (An integer past 2^53 becomes the nearest double, as in `yaml`: what a JavaScript
 * number holds of PyYAML's exact int.)
 */
const AGREED_NUMBER = /^(?:[-+]?(?:0|[1-9][0-9]*)|[-+]?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?|\.[0-9]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Every other scalar that is not a string in one schema or the other is one of these words. */
const AGREED_WORDS = new Map<string, unknown>([
  ['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false],
  ['null', null], ['Null', null], ['NULL', null], ['~', null],
]);
/** Booleans only in YAML 1.1, merge keys and `=` (PyYAML's value tag, which its safe loader refuses). */
const DISAGREED_WORDS = new Set(['yes', 'Yes', 'YES', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF', '<<', '=']);

/**
 * A one-line plain scalar as both the `yaml` package (core schema) and PyYAML (YAML 1.1) read it,
 * or NOT_AGREED when they differ (`yes`, `0123`, `1e3`, `0o17`, `1_000`, `1:20`, …): the
 * fast reader then leaves the file to `yaml`. Runs for every key and plain value: words are looked
 * up, only digits, signs and dots go to the regexes.
 */
export function resolveAgreed(raw: string): unknown {
  const c = raw.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) return resolveNumberLike(raw, c);
  // t T f F n N o O y Y ~ < = : the only first letters of the words below.
  if (raw.length > 5 || !(c === 116 || c === 84 || c === 102 || c === 70 || c === 110 || c === 78 || c === 111 || c === 79 || c === 121 || c === 89 || c === 126 || c === 60 || c === 61)) return raw;
  const word = AGREED_WORDS.get(raw);
  if (word !== undefined || raw === '~' || raw === 'null' || raw === 'Null' || raw === 'NULL') return word ?? null;
  return DISAGREED_WORDS.has(raw) ? NOT_AGREED : raw;
}
export const NOT_AGREED = Symbol('not agreed');

/** Every character of the number syntaxes above: digits, signs, `.`, `_`, `:`, `0x`/`0o`/`0b`, hex digits, `.inf`, `.nan`. */
const NUMBER_CHARS = new Uint8Array(128);
for (const ch of '0123456789+-._:xobinINabcdefABCDEF') NUMBER_CHARS[ch.charCodeAt(0)] = 1;

/**
 * resolveAgreed for a scalar that starts with a digit, sign or dot (`c`). One pass over its
 * characters first: in cassettes these are mostly decimal integers (`200`, `551`) or text with a
 * character no number has (`1.2s`, `200 OK`, `HTTP/2.0`), and neither needs the regexes.
 */
function resolveNumberLike(raw: string, c: number): unknown {
  let digits = true;
  for (let k = 0; k < raw.length; k++) {
    const d = raw.charCodeAt(k);
    if (d >= 128 || NUMBER_CHARS[d] === 0) return raw;
    if (d < 48 || d > 57) digits = false;
  }
  // An unsigned decimal integer with no leading zero, 15 digits at most (so exact): both schemas agree.
  if (digits && c !== 48 && raw.length <= 15) return parseInt(raw, 10);
  const core = resolvePlain(raw);
  if (core === raw) return PY_NUMERIC.some((re) => re.test(raw)) ? NOT_AGREED : raw;
  if (c >= 49 && c <= 57 && Number.isSafeInteger(core) && String(core) === raw) return core;
  return AGREED_NUMBER.test(raw) ? core : NOT_AGREED;
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

/** YAML escapes that JSON lacks, as JSON escapes. */
const YAML_ONLY_ESCAPES: Record<string, string> = {
  '0': '\\u0000', a: '\\u0007', e: '\\u001b', v: '\\u000b', N: '\\u0085', _: '\\u00a0', L: '\\u2028', P: '\\u2029', ' ': ' ',
};
/**
 * An escape JSON does not have, after an even run of backslashes (kept in group 1): `\x41`,
 * `\U0001F600`, or any other character (valid when YAML_ONLY_ESCAPES has it).
 */
const YAML_ONLY_ESCAPE = /(?<!\\)((?:\\\\)*)\\(?:x([0-9a-fA-F]{2})|U([0-9a-fA-F]{8})|([^"\\/bfnrtu]|u(?![0-9a-fA-F]{4})))/g;

const SURROGATE_ESCAPE = /(?<!\\)(?:\\\\)*\\u[dD][89a-fA-F]/;

const unitEscape = (unit: number): string => `\\u${unit.toString(16).padStart(4, '0')}`;

/** The JSON escape for a code point (a surrogate pair above U+FFFF); undefined past U+10FFFF. */
function codePointEscape(code: number): string | undefined {
  if (code < 0x10000) return unitEscape(code);
  if (code > 0x10ffff) return undefined;
  return unitEscape(0xd800 + ((code - 0x10000) >> 10)) + unitEscape(0xdc00 + ((code - 0x10000) & 0x3ff));
}

/**
 * Double-quoted escapes and folding (the `yaml` package's doubleQuotedValue); undefined on an
 * invalid escape. A one-line scalar has YAML's extra escapes (`\x41`, `\U0001F600`, `\e`, …)
 * rewritten as JSON ones and is then decoded by JSON.parse, natively; folded lines and raw
 * control characters (JSON refuses them, YAML does not) take the loop.
 */
export function doubleQuoted(inner: string): string | undefined {
  // A surrogate escape: JavaScript pairs `\ud83d\ude00` into one character, PyYAML keeps two.
  if (inner.includes('\\u') && SURROGATE_ESCAPE.test(inner)) return undefined;
  if (inner.includes('\n')) {
    const oneLine = foldDoubleQuotedLines(inner);
    if (oneLine === undefined) return undefined;
    inner = oneLine;
  }
  if (/[\x00-\x1f]/.test(inner)) return foldedDoubleQuoted(inner);
  let invalid = false;
  const json = inner.replace(YAML_ONLY_ESCAPE, (_, pairs: string, x?: string, big?: string, other?: string) => {
    const escape = x !== undefined ? `\\u00${x}` : big !== undefined ? codePointEscape(parseInt(big, 16)) : YAML_ONLY_ESCAPES[other!];
    if (escape === undefined) invalid = true;
    return pairs + (escape ?? '');
  });
  if (invalid) return undefined;
  try {
    return JSON.parse(`"${json}"`) as string;
  } catch {
    return foldedDoubleQuoted(inner);
  }
}

/**
 * The line breaks of a double-quoted scalar folded away in its source text, so that one line of
 * escapes is left (then decoded natively): a break becomes a space, blank lines become `\n`
 * escapes, whitespace around a break goes, and an escaped break (`\` at the line's end) joins the
 * lines. PyYAML writes every long double-quoted string so (folded at 80 columns with `\`).
 * Undefined where `yaml` and PyYAML differ (blank lines after an escaped break).
 */
function foldDoubleQuotedLines(inner: string): string | undefined {
  const lines = inner.split('\n');
  let out = '';
  for (let k = 0; k < lines.length; k++) {
    let line = lines[k]!;
    if (k > 0) line = line.replace(LEADING_WHITE, '');
    if (k === lines.length - 1) return out + line;
    if (endsWithEscape(line)) {
      // An escaped line break: nothing between the lines; the next line's indentation goes.
      out += line.slice(0, -1);
      if (k + 1 < lines.length - 1 && WHITE_ONLY.test(lines[k + 1]!)) return undefined;
      continue;
    }
    out += trimUnescapedEnd(line);
    let blank = 0;
    while (k + 1 < lines.length - 1 && WHITE_ONLY.test(lines[k + 1]!)) {
      blank++;
      k++;
    }
    out += blank ? '\\n'.repeat(blank) : ' ';
  }
  return out;
}
const LEADING_WHITE = /^[ \t]+/;
const WHITE_ONLY = /^[ \t]*$/;

/** Does the line end with a backslash that is not itself escaped? */
function endsWithEscape(line: string): boolean {
  let n = 0;
  while (line.charCodeAt(line.length - 1 - n) === 92) n++;
  return n % 2 === 1;
}

/** The line without its trailing spaces and tabs, but an escaped one (`\ `, `\<tab>`) stays. */
function trimUnescapedEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === SPACE || line.charCodeAt(end - 1) === 9)) end--;
  if (end < line.length && endsWithEscape(line.slice(0, end))) end++;
  return end === line.length ? line : line.slice(0, end);
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\', '\t': '\t',
};

/** The general case, character by character: line folding, raw tabs and every escape. */
function foldedDoubleQuoted(inner: string): string | undefined {
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
        // Blank lines after an escaped line break: kept by the spec and PyYAML, not by `yaml`.
        if (inner[i + 1] === '\n') return undefined;
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
