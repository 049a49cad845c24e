// A fast reader for the YAML subset that go-vcr writes (yaml.v2/v3 block style): block maps and
// sequences, plain/quoted/literal scalars, `!!binary`, `[]`/`{}`. It returns the same plain value as
// the `yaml` package's `doc.toJS()` — or undefined whenever it is not sure (anchors, aliases, flow
// collections with content, other tags, folded scalars, comments, tabs, duplicate keys, …), and the
// caller then uses the `yaml` package. test/read/fast-go-vcr.test.ts checks it against `yaml`.

import { doubleQuoted, isSafePlain, resolvePlain, unfoldLines } from './yaml-scalars.ts';

export interface FastRead {
  value: Record<string, unknown>;
  /** 1-based line where each item of the top-level `interactions` sequence starts. */
  interactionLines: number[];
}

/** Thrown to give up; caught in readGoVcrFast. */
const BAIL = Symbol('bail');
function bail(): never {
  throw BAIL;
}

// The reader's state: the text, the start of the current line and its 1-based number.
let text = '';
let len = 0;
let pos = 0;
let lineNo = 1;

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

export function readGoVcrFast(source: string): FastRead | undefined {
  if (source.charCodeAt(0) === 0xfeff || source.includes('\r')) return undefined;
  text = source;
  len = source.length;
  pos = 0;
  lineNo = 1;
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
    skipBlank();
    if (pos < len) bail();
    return { value, interactionLines };
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
      const raw = text.slice(keyStart, colon);
      if (!isSafePlain(raw)) bail();
      const resolved = resolvePlain(raw);
      key = resolved === null ? '' : String(resolved);
      after = colon + 1;
    }
    if (key === '__proto__' || key === '<<' || Object.hasOwn(map, key)) bail();
    const lines = interactionLines && (key === 'interactions' || key === 'http_interactions') ? interactionLines : undefined;
    map[key] = parseValue(after, end, indent, lines);
    const ind = nextIndent(indent);
    if (ind < indent) return map;
    keyStart = pos + ind;
    if (isSeqDash(keyStart)) bail();
  }
}

/** The value after `key:`; leaves `pos` at the line after it. */
function parseValue(after: number, end: number, indent: number, lines?: number[]): unknown {
  let i = after;
  while (text.charCodeAt(i) === SPACE) i++;
  if (i < end) {
    if (i === after) bail();
    return parseInline(i, end, indent);
  }
  nextLine(end);
  const ind = skipBlank();
  if (pos >= len) return null;
  // go-vcr writes a map's sequence values at the map's own indentation.
  if (ind === indent && isSeqDash(pos + ind)) return parseSeq(indent, lines);
  return childNode(indent, ind, lines);
}

/**
 * The block collection on the next lines when they are more indented than `indent`, else null.
 * `ind` is the indentation of the line at `pos` (skipBlank's answer).
 */
function childNode(indent: number, ind: number, lines?: number[]): unknown {
  if (pos >= len) return null;
  if (ind <= indent) return null;
  if (isSeqDash(pos + ind)) return parseSeq(ind, lines);
  if (lines) bail();
  return parseMap(ind, pos + ind);
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
      seq.push(parseInline(i, end, indent));
    }
    const ind = nextIndent(indent);
    if (ind < indent || !isSeqDash(pos + ind)) return seq;
  }
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

/** A scalar (or `[]`/`{}`) that starts on this line at `i`; leaves `pos` at the line after it. */
function parseInline(i: number, end: number, indent: number): unknown {
  const c = text.charCodeAt(i);
  if (c === 124) return blockScalar(i, end, indent);
  if (c === 34 || c === 39) return quotedScalar(i, end);
  if (c === 33) return binaryScalar(i, end, indent);
  const raw = text.slice(i, end);
  if (raw === '[]' || raw === '{}') {
    nextLine(end);
    return raw === '[]' ? [] : {};
  }
  if (isIndicator(c, text.charCodeAt(i + 1)) || !isSafePlain(raw) || raw.endsWith(':')) bail();
  nextLine(end);
  const value = resolvePlain(raw);
  return value === raw ? detach(raw) : value;
}

/** `!!binary` base64 → bytes (a Buffer, as the `yaml` package gives in Node). */
function binaryScalar(i: number, end: number, indent: number): Buffer {
  if (!text.startsWith('!!binary ', i)) bail();
  let j = i + 9;
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
  return Buffer.from(base64, 'base64');
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

/** A `|` literal block scalar whose header is at `bar`; the node it belongs to is at `indent`. */
function blockScalar(bar: number, end: number, indent: number): string {
  // Chomping indicator only; an explicit indentation indicator is rare enough to leave to `yaml`.
  const chomp = text[bar + 1] === '-' || text[bar + 1] === '+' ? text[bar + 1] : '';
  if (text.slice(bar + 1 + chomp.length, end).trim() !== '') bail();
  nextLine(end);
  // Content indentation: that of the first non-blank line.
  let n = 0;
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
  const parts: string[] = [];
  let lastContent = -1;
  while (pos < len) {
    const lineEndAt = lineEnd(pos);
    let i = pos;
    const stop = pos + n;
    while (i < stop && text.charCodeAt(i) === SPACE) i++;
    if (i < stop) {
      if (i < lineEndAt) break; // less indented: the scalar ended
      parts.push('');
    } else {
      if (lineEndAt >= len) bail(); // no final line break
      if (lineEndAt > i) lastContent = parts.length;
      parts.push(text.slice(i, lineEndAt));
    }
    nextLine(lineEndAt);
  }
  if (lastContent < 0) bail();
  // Joined with the final line break rather than `${body}\n`, whose cons string every later read
  // would flatten (copy) again. A single line would join to a substring of the text: detach it.
  if (chomp !== '+') parts.length = lastContent + 1;
  if (chomp === '-') return parts.length === 1 ? detach(parts[0]!) : parts.join('\n');
  parts.push('');
  return parts.join('\n');
}
