// Which scalar style a recorder's YAML emitter picks for a string. PyYAML, Psych (libyaml) and
// go-yaml (a Go port of libyaml) share one analysis of the text (`analyze_scalar` in PyYAML's
// emitter.py / libyaml's emitter.c): what it allows is ported here; each emitter then asks for a
// style of its own (PyYAML: plain, else quoted; Psych: literal for multi-line text; go-yaml:
// literal for any newline) and the analysis overrides a style the text cannot be written in.

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

export interface ScalarAnalysis {
  empty: boolean;
  multiline: boolean;
  blockPlain: boolean;
  single: boolean;
  block: boolean;
}

const BREAKS = '\n\x85\u2028\u2029';
const WHITESPACE_AFTER = '\0 \t\r\n\x85\u2028\u2029';

/**
 * libyaml's IS_PRINTABLE (go-yaml's is_printable is the same): LF, printable ASCII, U+00A0–U+D7FF and
 * U+E000–U+FFFD but U+FEFF. Not NEL, not the C1 controls, and not beyond U+FFFF: emoji are written
 * escaped (`\U0001F44B`) in double quotes by all three recorders' emitters.
 */
export function isPrintable(code: number): boolean {
  return code === 0x0a || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff);
}

/** libyaml's analysis of a scalar in block context; `unicode`: the emitter may write non-ASCII as it is. */
export function analyzeScalar(text: string, unicode: boolean): ScalarAnalysis {
  if (text === '') return { empty: true, multiline: false, blockPlain: true, single: true, block: false };
  const chars = [...text];
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let followedByWhitespace = chars.length === 1 || WHITESPACE_AFTER.includes(chars[1]!);
  let previousSpace = false;
  let previousBreak = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ('?:'.includes(ch) && followedByWhitespace) blockIndicators = true;
      if (ch === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true;
      if (ch === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    const code = ch.codePointAt(0)!;
    if (!isPrintable(code) || (!unicode && code > 0x7f)) special = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = WHITESPACE_AFTER.includes(ch);
    followedByWhitespace = i + 2 >= chars.length || WHITESPACE_AFTER.includes(chars[i + 2]!);
  }
  let blockPlain = true;
  let single = true;
  let block = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlain = false;
  if (trailingSpace) block = false;
  if (breakSpace) blockPlain = single = false;
  if (spaceBreak || special) blockPlain = single = block = false;
  if (lineBreaks) blockPlain = false;
  if (blockIndicators) blockPlain = false;
  return { empty: false, multiline: lineBreaks, blockPlain, single, block };
}

/**
 * libyaml's `select_scalar_style` for a block-context value: the wanted style, or the next one the
 * text allows. `plainImplicit`: written plain, the text would still read back as a string.
 */
export function selectStyle(wanted: ScalarStyle, analysis: ScalarAnalysis, plainImplicit: boolean): ScalarStyle {
  let style = wanted;
  if (style === 'plain' && (!analysis.blockPlain || !plainImplicit)) style = 'single';
  if (style === 'literal' && !analysis.block) style = 'double';
  if (style === 'single' && !analysis.single) style = 'double';
  return style;
}

// YAML 1.1 implicit types, as PyYAML's resolver and go-yaml's encoder read a plain scalar.
const YAML11_IMPLICIT = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
  /^(?:<<|=)$/,
];

/** True when `text`, written plain, reads back as a string under YAML 1.1 (PyYAML, go-yaml). */
export function plainIsString11(text: string): boolean {
  return !YAML11_IMPLICIT.some((re) => re.test(text));
}

// go-yaml v2/v3 also resolve YAML 1.2 numbers (1e3, 0o17, +.5) as numbers; quoting those too is safe.
const YAML12_NUMBER = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^0o[0-7]+$/;

export function plainIsStringGo(text: string): boolean {
  return plainIsString11(text) && !YAML12_NUMBER.test(text);
}

/** Psych's ScalarScanner#tokenize: the strings it would turn into something else (Psych quotes those). */
export function plainIsStringPsych(text: string): boolean {
  if (text === '') return false;
  if (/^(?:yes|true|on|no|false|off|null|~)$/i.test(text)) return false;
  if (/^:./.test(text)) return false; // a Symbol
  if (/^[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)$/.test(text)) return false; // Integer
  if (/^[-+]?0[0-7_,]+$|^[-+]?0x[0-9a-fA-F_,]+$|^[-+]?0b[01_,]+$/.test(text)) return false;
  if (/^[-+]?(?:\d[\d_,]*)?\.\d*(?:[eE][-+]?\d+)?$/.test(text) && /\d/.test(text)) return false; // Float
  if (/^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/.test(text)) return false;
  if (/^\d{4}-(?:1[012]|0\d|\d)-(?:[12]\d|3[01]|0\d|\d)$/.test(text)) return false; // Date
  if (/^\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|\s+)\d{1,2}:\d\d:\d\d(?:\.\d*)?(?:\s*(?:Z|[-+]\d{1,2}:?(?:\d\d)?))?$/.test(text)) return false;
  if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(text)) return false; // sexagesimal
  return true;
}
