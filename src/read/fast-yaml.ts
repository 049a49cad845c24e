// A fast reader for the block YAML that cassette recorders write: go-vcr (yaml.v2/v3), vcrpy
// (PyYAML's emitter: sorted keys, sequences at their key's column, scalars folded at 80 columns)
// and Ruby VCR (Psych, i.e. libyaml: `---`, `!binary`). Block maps and sequences; plain scalars over
// several lines; single- and double-quoted scalars over several lines, also continued below their
// indentation or closed at column 0 as old libyaml wrote them (PyYAML reads those, `yaml` does not);
// literal `|` and folded `>` scalars with chomping and indentation indicators; `!!binary` / `!binary`;
// `[]`/`{}`; `---` and `...`. It returns the value that both the `yaml` package's `doc.toJS()` and
// PyYAML's safe load give (timestamps, dates to PyYAML, stay strings as in `yaml`) — or undefined
// whenever it is not sure (anchors, aliases, flow collections with content, other tags, `?` keys,
// comments after values, tabs, duplicate keys, scalars the YAML 1.1 and 1.2 schemas read
// differently such as `yes` or `0123`, …), and the caller then uses the `yaml` package.
// test/read/fast-yaml.test.ts checks it against `yaml`, fast-yaml-pyyaml.test.ts against PyYAML.

import { doubleQuoted, isSafePlain, NOT_AGREED, resolveAgreed, unfoldLines } from './yaml-scalars.ts';
import { isWholeFloatScalar, noteWholeFloat, type WholeFloats } from './whole-floats.ts';

export interface FastRead {
  value: Record<string, unknown>;
  /** 1-based line where each item of the top-level `interactions` sequence starts. */
  interactionLines: number[];
  /** Where floats with a whole value (`1.0`) are: a number alone cannot tell them from ints. */
  wholeFloats: WholeFloats;
}

/** Thrown to give up; caught in readYamlFast. */
const BAIL = Symbol('bail');
function bail(): never {
  throw BAIL;
}

// The reader's state: the text, the start of the current line and its 1-based number.
let text = '';
let len = 0;
let pos = 0;
let lineNo = 1;
// Set by parseInline when the scalar it returned was a whole-valued float; its map or sequence notes it.
let wholeFloat = false;
let wholeFloats: WholeFloats = new WeakMap();

const SPACE = 32;

/**
 * A copy of a substring of the text that does not keep the whole text alive: V8 substrings of 13
 * characters or more point into their parent, so one kept URL would pin a 100 MB file in memory.
 * Concatenating makes a new string that the slice then copies out of. Below DETACH_FROM the copies
 * cost more than they save: a small file's text lives about as long as its cassette anyway.
 */
function detach(s: string): string {
  return s.length < 13 || len < DETACH_FROM ? s : `${s} `.slice(0, -1);
}
const DETACH_FROM = 1 << 20;
const NL = 10;
const DASH = 45;

/**
 * NEL, LS and PS are line breaks to YAML 1.1 readers (PyYAML, libyaml) and content to YAML 1.2 and
 * `yaml`: a document with one raw is left to `yaml`, as is CR. (Raw C0/C1 controls, which PyYAML
 * refuses and `yaml` reads as content, are read as `yaml` reads them.) `includes` rather than one
 * regex over the text: four native searches cost a tenth of it.
 */
function hasYaml11Breaks(source: string): boolean {
  return source.includes('\r') || source.includes('\x85') || source.includes('\u2028') || source.includes('\u2029');
}

export function readYamlFast(source: string): FastRead | undefined {
  if (source.charCodeAt(0) === 0xfeff || hasYaml11Breaks(source)) return undefined;
  text = source;
  len = source.length;
  pos = 0;
  lineNo = 1;
  wholeFloat = false;
  wholeFloats = new WeakMap();
  try {
    skipBlank();
    if (text.startsWith('---', pos)) {
      const end = lineEnd(pos);
      if (text.slice(pos + 3, end).trim() !== '') bail();
      nextLine(end);
      skipBlank();
    }
    if (pos >= len || text.charCodeAt(pos) === SPACE || isSeqDash(pos)) bail();
    const interactionLines: number[] = [];
    const value = parseMap(0, pos, interactionLines);
    if (isDocumentMarker(pos, '...')) {
      nextLine(lineEnd(pos));
      skipBlank();
    }
    if (pos < len) bail();
    return { value, interactionLines, wholeFloats };
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  } finally {
    text = '';
  }
}

// ---- lines -----------------------------------------------------------------------------------

function lineEnd(from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? len : end;
}

function nextLine(end: number): void {
  pos = end < len ? end + 1 : len;
  lineNo++;
}

/**
 * Skips blank and comment lines (between nodes, where they mean nothing); gives up on tabs.
 * Returns the indentation of the line it stops at (0 at the end of the text).
 */
function skipBlank(): number {
  while (pos < len) {
    let i = pos;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i >= len) {
      pos = len;
      return 0;
    }
    const c = text.charCodeAt(i);
    if (c === 35) i = lineEnd(i);
    else if (c !== NL) {
      if (c === 9) bail();
      return i - pos;
    }
    nextLine(i);
  }
  return 0;
}


/** `---` or `...` at `at` (a line start), followed by a space or the line's end. */
function isDocumentMarker(at: number, marker: '---' | '...'): boolean {
  if (!text.startsWith(marker, at)) return false;
  const next = text.charCodeAt(at + 3);
  return next === SPACE || next === NL || at + 3 >= len;
}

function isSeqDash(at: number): boolean {
  if (text.charCodeAt(at) !== DASH) return false;
  const next = text.charCodeAt(at + 1);
  return next === SPACE || next === NL || at + 1 >= len;
}

/** After a node at `indent` ends: the next line must not be more indented. */
function nextIndent(indent: number): number {
  const ind = skipBlank();
  if (pos >= len) return -1;
  if (ind > indent) bail();
  return ind;
}

// ---- collections -----------------------------------------------------------------------------

function parseMap(indent: number, first: number, interactionLines?: number[]): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  let keyStart = first;
  for (;;) {
    const end = lineEnd(keyStart);
    let key: string;
    let after: number;
    const c = text.charCodeAt(keyStart);
    if (c === 34 || c === 39) {
      const close = closingQuote(text[keyStart]!, keyStart + 1, end);
      if (close < 0 || text.charCodeAt(close + 1) !== 58) bail();
      key = quotedValue(keyStart, close + 1);
      after = close + 2;
    } else {
      if (isIndicator(c, text.charCodeAt(keyStart + 1))) bail();
      let colon = text.indexOf(':', keyStart);
      while (colon !== -1 && colon < end && colon + 1 < end && text.charCodeAt(colon + 1) !== SPACE) {
        colon = text.indexOf(':', colon + 1);
      }
      if (colon === -1 || colon >= end) bail();
      // PyYAML takes at most 1024 characters for an implicit key.
      if (colon - keyStart > 1024) bail();
      const raw = text.slice(keyStart, colon);
      if (!isSafePlain(raw)) bail();
      // A key that is not a string (`1:`, `true:`, `~:`) is a string in toJS() but not in PyYAML.
      if (resolveAgreed(raw) !== raw) bail();
      key = raw;
      after = colon + 1;
    }
    if (key === '__proto__' || key === '<<' || Object.hasOwn(map, key)) bail();
    const lines = interactionLines && (key === 'interactions' || key === 'http_interactions') ? interactionLines : undefined;
    map[key] = parseValue(after, end, indent, lines);
    if (wholeFloat) noteFloat(map, key);
    const ind = nextIndent(indent);
    if (ind < indent) return map;
    keyStart = pos + ind;
    if (indent === 0 && isDocumentMarker(keyStart, '...')) return map;
    if (isSeqDash(keyStart)) bail();
  }
}

/** The value after `key:`; leaves `pos` at the line after it. */
function parseValue(after: number, end: number, indent: number, lines?: number[]): unknown {
  let i = after;
  while (text.charCodeAt(i) === SPACE) i++;
  if (i < end) {
    if (i === after) bail();
    return parseInline(i, end, indent, true);
  }
  nextLine(end);
  const ind = skipBlank();
  if (pos >= len) return null;
  // go-vcr and PyYAML write a map's sequence values at the map's own indentation.
  if (ind === indent && isSeqDash(pos + ind)) return parseSeq(indent, lines);
  return childNode(indent, ind, lines);
}

/**
 * The node on the next lines when they are more indented than `indent`, else null: a block
 * collection, or a scalar that the emitter moved to its own line (PyYAML does when a long value
 * would pass the line width). `ind` is the indentation of the line at `pos` (skipBlank's answer).
 */
function childNode(indent: number, ind: number, lines?: number[]): unknown {
  if (pos >= len) return null;
  if (ind <= indent) return null;
  const at = pos + ind;
  if (isSeqDash(at)) return parseSeq(ind, lines);
  if (lines) bail();
  const end = lineEnd(at);
  if (isKeyLine(at, end)) return parseMap(ind, at);
  return parseInline(at, end, indent, false);
}

function parseSeq(indent: number, lines?: number[]): unknown[] {
  const seq: unknown[] = [];
  for (;;) {
    const dash = pos + indent;
    const end = lineEnd(dash);
    let i = dash + 1;
    while (text.charCodeAt(i) === SPACE) i++;
    lines?.push(lineNo);
    if (i >= end) {
      if (lines) bail();
      nextLine(end);
      seq.push(childNode(indent, skipBlank()));
    } else if (isSeqDash(i)) {
      bail();
    } else if (isKeyLine(i, end)) {
      seq.push(parseMap(i - pos, i));
    } else {
      seq.push(parseInline(i, end, indent, true));
    }
    if (wholeFloat) noteFloat(seq, seq.length - 1);
    const ind = nextIndent(indent);
    if (ind < indent || !isSeqDash(pos + ind)) return seq;
  }
}

function noteFloat(container: object, key: string | number): void {
  noteWholeFloat(wholeFloats, container, key);
  wholeFloat = false;
}

/** Is the rest of this line `key: …` (a compact map in a sequence item)? */
function isKeyLine(i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 34 || c === 39) {
    const close = closingQuote(text[i]!, i + 1, end);
    return close >= 0 && text.charCodeAt(close + 1) === 58;
  }
  // indexOf, not a loop over every character: this runs for each sequence item (header values).
  for (let k = text.indexOf(':', i); k !== -1 && k < end; k = text.indexOf(':', k + 1)) {
    if (k + 1 === end || text.charCodeAt(k + 1) === SPACE) return true;
  }
  return false;
}

// ---- scalars ---------------------------------------------------------------------------------

/**
 * A scalar (or `[]`/`{}`) that starts on this line at `i`, in a collection at column `indent`;
 * leaves `pos` at the line after it. `afterIndicator`: it follows `key: ` or `- ` on its line (only
 * there may a plain scalar be a number, boolean or null: scrub's fast check relies on it).
 */
function parseInline(i: number, end: number, indent: number, afterIndicator: boolean): unknown {
  const c = text.charCodeAt(i);
  if (c === 124 || c === 62) return blockScalar(i, end, indent);
  if (c === 34 || c === 39) return quotedScalar(i, end);
  if (c === 33) return binaryScalar(i, end, indent);
  const raw = text.slice(i, end);
  // Both tests run for every scalar, and the rare branches below hold no call or comparison: code
  // that optimized code has never seen run deoptimizes this hot function (a second compile) when
  // it first does.
  const emptySeq = raw === '[]';
  const emptyMap = raw === '{}';
  if (!emptySeq && !emptyMap && (isIndicator(c, text.charCodeAt(i + 1)) || !isSafePlain(raw) || raw.endsWith(':'))) bail();
  nextLine(end);
  if (emptySeq) return [];
  if (emptyMap) return {};
  // A continuation line has a space at column `indent` (or a blank line comes first). Where that
  // one-character test is wrong (a short blank line, then one), nextIndent bails: never a misread.
  // Past the end of the text there is none (and reading there would deoptimize this function).
  const more = pos + indent < len && (text.charCodeAt(pos + indent) === SPACE || text.charCodeAt(pos) === NL) ? plainContinuation(indent) : undefined;
  if (more !== undefined) return raw + more;
  const value = resolveAgreed(raw);
  if (value === NOT_AGREED || (!afterIndicator && value !== raw)) bail();
  if (value === raw) return detach(raw);
  if (isWholeFloatScalar(raw, value)) wholeFloat = true;
  return value;
}

/**
 * The folded rest of a plain scalar whose first line just ended, or undefined when the next line
 * does not continue it. Continuation lines are more indented than the collection (`indent`); a
 * line break folds to a space, each blank line between to a line feed (PyYAML's scan_plain).
 */
function plainContinuation(indent: number): string | undefined {
  let folded: string | undefined;
  let breaks = '';
  let at = pos;
  while (at < len) {
    let i = at;
    while (text.charCodeAt(i) === SPACE) i++;
    if (i >= len) break;
    if (text.charCodeAt(i) === NL) {
      breaks += '\n';
      at = i + 1;
      continue;
    }
    if (i - at <= indent) break;
    const end = lineEnd(i);
    const line = text.slice(i, end);
    // A comment or `key: value` there: valid or not, leave it to `yaml`.
    if (text.charCodeAt(i) === 35 || !isSafePlain(line) || line.endsWith(':')) bail();
    folded = (folded ?? '') + (breaks || ' ') + line;
    lineNo += breaks.length;
    breaks = '';
    nextLine(end);
    at = pos;
  }
  return folded;
}

/**
 * `!!binary` (PyYAML, go-vcr) or Psych's `!binary` (Ruby VCR) base64 → bytes: a Buffer for
 * `!!binary`, as the `yaml` package gives in Node, and a Uint8Array for `!binary`, as our custom
 * tag in parse-yaml.ts does. Only strict base64 (what encoders write): `yaml`, Node and Python
 * each skip other characters in their own way.
 */
function binaryScalar(i: number, end: number, indent: number): Uint8Array {
  const psych = text.startsWith('!binary ', i);
  if (!psych && !text.startsWith('!!binary ', i)) bail();
  let j = i + (psych ? 8 : 9);
  while (text.charCodeAt(j) === SPACE) j++;
  const c = text.charCodeAt(j);
  let base64: string;
  if (c === 124) base64 = blockScalar(j, end, indent);
  else if (c === 34 || c === 39) base64 = quotedScalar(j, end);
  else {
    base64 = text.slice(j, end);
    if (isIndicator(c, text.charCodeAt(j + 1)) || !isSafePlain(base64)) bail();
    nextLine(end);
  }
  const bytes = base64Bytes(base64);
  return psych ? new Uint8Array(bytes) : bytes;
}

/**
 * Strict base64 (line feeds allowed) → bytes. Node skips characters outside the alphabet, so a
 * decoded length short of what the text's length promises means there were some: bail.
 */
function base64Bytes(s: string): Buffer {
  let newlines = 0;
  for (let k = s.indexOf('\n'); k !== -1; k = s.indexOf('\n', k + 1)) newlines++;
  let last = s.length - 1;
  while (last >= 0 && s.charCodeAt(last) === NL) last--;
  let pad = 0;
  while (pad < 3 && s.charCodeAt(last - pad) === 61) pad++;
  const chars = s.length - newlines;
  if (chars % 4 !== 0 || pad > 2) bail();
  const bytes = Buffer.from(s, 'base64');
  if (bytes.length !== (chars / 4) * 3 - pad) bail();
  return bytes;
}

/** Characters that cannot start a plain scalar (`-`, `?`, `:` only when a space follows). */
function isIndicator(c: number, next: number): boolean {
  if (c === DASH || c === 63 || c === 58) return next === SPACE || next === NL || Number.isNaN(next);
  return c < 128 && INDICATORS[c] === 1;
}
/** `,[]{}#&*!|>'"%@\`` and space and tab, by character code. */
const INDICATORS = new Uint8Array(128);
for (const c of ',[]{}#&*!|>\'"%@` \t') INDICATORS[c.charCodeAt(0)] = 1;

/** Offset of the closing `quote` in [from, end); -1 when it is not there. */
function closingQuote(quote: string, from: number, end: number): number {
  let j = from;
  for (;;) {
    const q = text.indexOf(quote, j);
    if (q === -1 || q >= end) return -1;
    if (quote === "'") {
      if (text.charCodeAt(q + 1) !== 39) return q;
      j = q + 2;
      continue;
    }
    let slashes = 0;
    while (text.charCodeAt(q - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return q;
    j = q + 1;
  }
}

function quotedScalar(open: number, end: number): string {
  const quote = text[open]!;
  const close = closingQuote(quote, open + 1, end);
  if (close >= 0) {
    if (text.slice(close + 1, end).trim() !== '') bail();
    nextLine(end);
    return quotedValue(open, close + 1);
  }
  // Over several lines: find the closing quote, then unfold as the `yaml` package does.
  let lineEndAt = end;
  for (;;) {
    if (lineEndAt >= len) bail();
    nextLine(lineEndAt);
    lineEndAt = lineEnd(pos);
    // PyYAML and libyaml accept continuation lines (and the closing quote) at any indentation, as
    // real vcrpy cassettes have them; `yaml` (YAML 1.2 strict) rejects them. Only a document marker ends it.
    if ((text.startsWith('---', pos) || text.startsWith('...', pos)) && (pos + 3 >= lineEndAt || text.charCodeAt(pos + 3) === SPACE)) bail();
    const found = closingQuote(quote, pos, lineEndAt);
    if (found >= 0) {
      if (text.slice(found + 1, lineEndAt).trim() !== '') bail();
      nextLine(lineEndAt);
      return quotedValue(open, found + 1);
    }
  }
}

/** The value of the quoted scalar text.slice(start, end) (quotes included). */
function quotedValue(start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  if (text.charCodeAt(start) === 39) {
    if (inner.includes('\n')) {
      const unfolded = unfoldLines(inner);
      return unfolded.includes("''") ? unfolded.replaceAll("''", "'") : detach(unfolded);
    }
    return inner.includes("''") ? inner.replaceAll("''", "'") : detach(inner);
  }
  if (!inner.includes('\\') && !inner.includes('\n') && !inner.includes('\t')) return detach(inner);
  return doubleQuoted(inner) ?? bail();
}

/**
 * A `|` literal or `>` folded block scalar whose header is at `bar`, in a collection at column
 * `indent`. Chomping (`-`, `+`) and indentation (1-9) indicators in either order, as PyYAML writes
 * `|2-` for text that starts with a space or a line break.
 */
function blockScalar(bar: number, end: number, indent: number): string {
  const folded = text.charCodeAt(bar) === 62;
  let chomp = '';
  let increment = 0;
  let h = bar + 1;
  for (let k = 0; k < 2; k++) {
    const c = text.charCodeAt(h);
    if (!chomp && (c === 45 || c === 43)) chomp = text[h++]!;
    else if (!increment && c >= 49 && c <= 57) increment = c - 48, h++;
  }
  while (text.charCodeAt(h) === SPACE) h++;
  if (h < end) bail(); // a comment after the header, or anything else
  nextLine(end);
  let n: number;
  if (increment) n = indent + increment;
  else {
    // Content indentation: that of the first non-blank line.
    let maxBlank = 0;
    for (let k = pos; ; ) {
      let i = k;
      while (text.charCodeAt(i) === SPACE) i++;
      if (i >= len || text.charCodeAt(i) !== NL) {
        n = i - k;
        break;
      }
      maxBlank = Math.max(maxBlank, i - k);
      k = i + 1;
    }
    if (n <= indent || maxBlank > n) bail();
  }
  const parts: string[] = [];
  const lastContent = blockLines(n, parts);
  if (lastContent < 0) bail();
  if (folded) return foldBlock(parts, lastContent, chomp);
  // Joined with the final line break rather than `${body}\n`, whose cons string every later read
  // would flatten (copy) again. A single line would join to a substring of the text: detach it.
  if (chomp !== '+') parts.length = lastContent + 1;
  if (chomp === '-') return parts.length === 1 ? detach(parts[0]!) : parts.join('\n');
  parts.push('');
  return parts.join('\n');
}

/**
 * The lines of a block scalar whose content is indented `n` columns, from `pos` on, into `parts`
 * (without their indentation; '' for a blank line); leaves `pos` at the line after them. Returns
 * the index of the last line with content (-1: none). Its own function: V8 optimizes this loop
 * while the first long scalar is read, before the rest of blockScalar ever ran, and code that
 * optimized code has not seen run deoptimizes it (a second compile) when it first does.
 */
function blockLines(n: number, parts: string[]): number {
  let lastContent = -1;
  while (pos < len) {
    const lineEndAt = lineEnd(pos);
    // All the leading spaces, in one loop that every line runs: a separate test for the rare line
    // of only spaces would first run after this hot function was optimized (the first pretty-printed
    // JSON body after some streams), deoptimizing it and compiling it again.
    let spaces = pos;
    while (spaces < lineEndAt && text.charCodeAt(spaces) === SPACE) spaces++;
    const stop = pos + n;
    if (spaces < stop) {
      if (spaces < lineEndAt) break; // less indented: the scalar ended
      parts.push('');
    } else {
      if (lineEndAt >= len) bail(); // no final line break
      if (lineEndAt > stop) {
        // Only spaces past the indentation: content for PyYAML, sometimes an empty line for `yaml`.
        if (spaces === lineEndAt) bail();
        lastContent = parts.length;
      }
      parts.push(text.slice(stop, lineEndAt));
    }
    nextLine(lineEndAt);
  }
  return lastContent;
}

/**
 * The lines of a `>` scalar folded: a line break between two lines becomes a space, unless blank
 * lines are between (each a line feed). "More indented" lines (a space or tab first), where
 * folding rules differ between readers, are left to `yaml`.
 */
function foldBlock(parts: string[], lastContent: number, chomp: string): string {
  let out = '';
  let blank = 0;
  for (let k = 0; k <= lastContent; k++) {
    const line = parts[k]!;
    if (line === '') {
      blank++;
      continue;
    }
    const c = line.charCodeAt(0);
    if (c === SPACE || c === 9) bail();
    out += (out === '' && k === blank ? '' : blank ? '' : ' ') + '\n'.repeat(blank) + line;
    blank = 0;
  }
  if (chomp === '-') return out;
  return out + '\n'.repeat(chomp === '+' ? parts.length - lastContent : 1);
}
