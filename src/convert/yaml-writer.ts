// A cassette as YAML text byte for byte the way a recorder's emitter writes it. PyYAML's CDumper
// (vcrpy), Psych (Ruby VCR) and go-yaml (go-vcr) are all libyaml's emitter: block mappings in the
// recorder's key order, sequences not indented under their key, two-space indentation, and
// libyaml's scalar writers — where a long line folds (at the first space past the width, not
// before it), how a quoted line break is written, which characters are escaped. The `yaml`
// package folds and escapes by rules of its own, so the few writers are ported from libyaml's
// emitter.c here; the choice of style is the recorder's (the dialect) checked by libyaml's
// analysis (yaml-style.ts).

import { analyzeScalar, isPrintable, selectStyle, type ScalarStyle } from './yaml-style.ts';

/** A value to write: a string (its style chosen by the dialect), a number, null, bytes, a map (entries in order) or a list. */
export type YamlValue = string | number | boolean | null | Uint8Array | YamlEntries | YamlValue[];
export type YamlEntries = { entries: [string, YamlValue][] };

export const map = (entries: [string, YamlValue][]): YamlEntries => ({ entries });

export interface YamlDialect {
  /** Non-ASCII may be written as it is (libyaml `unicode`); PyYAML's default escapes it. */
  unicode: boolean;
  /** The style the recorder asks for; the text's analysis may override it (selectStyle). */
  wantedStyle(text: string): { style: ScalarStyle; plainImplicit: boolean };
  /** Bytes as a tagged base64 scalar (`!!binary` / `!binary`) in a literal block or plain, or undefined to write them as text. */
  binary(bytes: Uint8Array): { tag: string; base64: string; style: 'literal' | 'plain' } | undefined;
  /** libyaml's best_width: where lines fold (0: never). */
  lineWidth: number;
  /** Starts the document with `---`. */
  documentStart: boolean;
  /** How null is written: `null` (PyYAML) or nothing (Psych's nil). */
  nullText?: string;
  /** libyaml (C) ends a document that had a `|+` block with `...` (go-yaml does not). */
  openEndedMarker?: boolean;
}

const INDENT = 2;
const isBreak = (ch: string | undefined) => ch === '\n' || ch === '\x85' || ch === '\u2028' || ch === '\u2029';
const isSpace = (ch: string | undefined) => ch === ' ';

const ESCAPES: Record<string, string> = {
  '\0': '0',
  '\x07': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\v': 'v',
  '\f': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\x85': 'N',
  '\xa0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

/** libyaml's emitter state and scalar writers (yaml_emitter_write_*), block context only. */
class Emitter {
  private readonly out: string[] = [];
  private column = 0;
  private whitespace = true;
  private indention = true;
  indent = 0;
  /** A keep-chomped (`|+`) block was written: libyaml's open_ended = 2. */
  openEnded = false;

  constructor(private readonly dialect: YamlDialect) {}

  private get width(): number {
    return this.dialect.lineWidth > 0 ? this.dialect.lineWidth : Number.MAX_SAFE_INTEGER;
  }

  text(): string {
    return this.out.join('');
  }

  private put(data: string): void {
    this.out.push(data);
    this.column += [...data].length;
  }

  private putBreak(): void {
    this.out.push('\n');
    this.column = 0;
  }

  writeIndent(): void {
    if (!this.indention || this.column > this.indent || (this.column === this.indent && !this.whitespace)) this.putBreak();
    if (this.column < this.indent) this.put(' '.repeat(this.indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, whitespace: boolean, indention: boolean): void {
    this.put(this.whitespace || !needWhitespace ? indicator : ` ${indicator}`);
    this.whitespace = whitespace;
    this.indention = this.indention && indention;
  }

  writeTag(tag: string): void {
    const shown = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
    if (!this.whitespace) this.put(' ');
    this.put(shown);
    this.whitespace = false;
    this.indention = false;
  }

  writePlain(text: string, allowBreaks: boolean): void {
    if (!this.whitespace && text.length > 0) this.put(' ');
    const chars = [...text];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (isSpace(ch)) {
        if (allowBreaks && !spaces && this.column > this.width && !isSpace(chars[i + 1])) this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  writeSingleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const chars = [...text];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (isSpace(ch)) {
        if (allowBreaks && !spaces && this.column > this.width && i !== 0 && i !== chars.length - 1 && !isSpace(chars[i + 1])) this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak();
        if (ch === '\n') this.putBreak();
        else {
          this.out.push(ch);
          this.column = 0;
        }
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch === "'" ? "''" : ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    if (breaks) this.writeIndent();
    this.writeIndicator("'", false, false, false);
  }

  writeDoubleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const chars = [...text];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      const code = ch.codePointAt(0)!;
      if (!isPrintable(code) || (!this.dialect.unicode && code > 0x7f) || code === 0xfeff || isBreak(ch) || ch === '"' || ch === '\\') {
        const escape = ESCAPES[ch];
        const hex = code.toString(16).toUpperCase();
        this.put(`\\${escape ?? (code <= 0xff ? `x${hex.padStart(2, '0')}` : code <= 0xffff ? `u${hex.padStart(4, '0')}` : `U${hex.padStart(8, '0')}`)}`);
        spaces = false;
      } else if (isSpace(ch)) {
        if (allowBreaks && !spaces && this.column > this.width && i !== 0 && i !== chars.length - 1) {
          this.writeIndent();
          if (isSpace(chars[i + 1])) this.put('\\');
        } else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
  }

  writeLiteral(text: string): void {
    this.writeIndicator('|', true, false, false);
    const chars = [...text];
    if (isSpace(chars[0]) || isBreak(chars[0])) this.writeIndicator(String(INDENT), false, false, false);
    const last = chars.at(-1);
    if (chars.length === 0 || !isBreak(last)) this.writeIndicator('-', false, false, false);
    else if (chars.length === 1 || isBreak(chars.at(-2))) {
      this.writeIndicator('+', false, false, false);
      this.openEnded = true;
    }
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(ch)) {
        this.out.push(ch);
        this.column = 0;
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }

  /** A string in the style its dialect wants and libyaml allows; `key`: a simple key (no breaks). */
  writeString(text: string, key: boolean): void {
    const { style, plainImplicit } = this.dialect.wantedStyle(text);
    const analysis = analyzeScalar(text, this.dialect.unicode);
    let chosen = selectStyle(key && style === 'literal' ? 'plain' : style, analysis, plainImplicit);
    if (key && analysis.multiline) chosen = 'double';
    this.writeStyled(text, chosen, !key);
  }

  writeStyled(text: string, style: ScalarStyle, allowBreaks: boolean): void {
    switch (style) {
      case 'plain':
        return this.writePlain(text, allowBreaks);
      case 'single':
        return this.writeSingleQuoted(text, allowBreaks);
      case 'double':
        return this.writeDoubleQuoted(text, allowBreaks);
      case 'literal':
        return this.writeLiteral(text);
    }
  }
}

function isEmptyCollection(value: YamlValue): boolean {
  return Array.isArray(value) ? value.length === 0 : typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && value.entries.length === 0;
}

function writeScalar(e: Emitter, value: YamlValue, dialect: YamlDialect): void {
  if (typeof value === 'string') return e.writeString(value, false);
  if (value instanceof Uint8Array) {
    const binary = dialect.binary(value);
    if (!binary) return e.writeString(Buffer.from(value).toString('utf8'), false);
    e.writeTag(binary.tag);
    return e.writeStyled(binary.base64, binary.style, true);
  }
  if (value === null) return e.writePlain(dialect.nullText ?? 'null', false);
  if (Array.isArray(value)) return e.writeIndicator('[]', true, false, false);
  if (typeof value === 'object') return e.writeIndicator('{}', true, false, false);
  e.writePlain(String(value), false);
}

function writeNode(e: Emitter, value: YamlValue, indent: number, dialect: YamlDialect, inSequence: boolean): void {
  if (isEmptyCollection(value) || typeof value !== 'object' || value === null || value instanceof Uint8Array) {
    const saved = e.indent;
    e.indent = indent + INDENT;
    writeScalar(e, value, dialect);
    e.indent = saved;
    return;
  }
  if (Array.isArray(value)) {
    // In a mapping a sequence is not indented; inside a sequence (never written here) it would be.
    const seqIndent = inSequence ? indent + INDENT : indent;
    for (const item of value) {
      e.indent = seqIndent;
      e.writeIndent();
      e.writeIndicator('-', true, false, true);
      writeNode(e, item, seqIndent, dialect, true);
    }
    return;
  }
  const mapIndent = indent < 0 ? 0 : indent + INDENT;
  for (const [key, item] of value.entries) {
    e.indent = mapIndent;
    e.writeIndent();
    e.writeString(key, true);
    e.writeIndicator(':', false, false, false);
    writeNode(e, item, mapIndent, dialect, false);
  }
}

export function writeYaml(root: YamlEntries, dialect: YamlDialect): string {
  const e = new Emitter(dialect);
  if (dialect.documentStart) e.writeIndicator('---', true, false, false);
  writeNode(e, root, -1, dialect, false);
  // The document end: libyaml's write_indent at column 0 (no second break after a clipped literal).
  e.indent = 0;
  e.writeIndent();
  if (e.openEnded && dialect.openEndedMarker) {
    e.writeIndicator('...', true, false, false);
    e.writeIndent();
  }
  return e.text();
}
