// A cassette as YAML text the way a recorder's emitter writes it: block mappings in the order the
// recorder writes its keys, sequences not indented under their key (PyYAML, Psych and go-yaml all
// write `key:\n- item`), and each string in the style that emitter picks (yaml-style.ts). The
// `yaml` package does the writing; only the choice of style is ours.

import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { analyzeScalar, selectStyle, type ScalarStyle } from './yaml-style.ts';

/** A value to write: a string (its style chosen by the dialect), a number, null, bytes, a map (entries in order) or a list. */
export type YamlValue = string | number | boolean | null | Uint8Array | YamlEntries | YamlValue[];
export type YamlEntries = { entries: [string, YamlValue][] };

export const map = (entries: [string, YamlValue][]): YamlEntries => ({ entries });

export interface YamlDialect {
  /** Non-ASCII may be written as it is (libyaml `unicode`); PyYAML's default escapes it. */
  unicode: boolean;
  /** The style the recorder asks for; the text's analysis may override it (selectStyle). */
  wantedStyle(text: string): { style: ScalarStyle; plainImplicit: boolean };
  /** Bytes as `!!binary` / `!binary` text, or undefined to write them as text. */
  binary(bytes: Uint8Array): { tag: string; base64: string } | undefined;
  /** Line width for folding (0: never fold). */
  lineWidth: number;
  /** Starts the document with `---`. */
  documentStart: boolean;
}

const TYPE: Record<ScalarStyle, Scalar.Type> = {
  plain: Scalar.PLAIN,
  single: Scalar.QUOTE_SINGLE,
  double: Scalar.QUOTE_DOUBLE,
  literal: Scalar.BLOCK_LITERAL,
};

function stringNode(text: string, dialect: YamlDialect): Scalar {
  const { style, plainImplicit } = dialect.wantedStyle(text);
  const node = new Scalar(text);
  node.type = TYPE[selectStyle(style, analyzeScalar(text, dialect.unicode), plainImplicit)];
  return node;
}

function toNode(value: YamlValue, dialect: YamlDialect): Node {
  if (typeof value === 'string') return stringNode(value, dialect);
  if (value instanceof Uint8Array) {
    const binary = dialect.binary(value);
    if (!binary) return stringNode(Buffer.from(value).toString('utf8'), dialect);
    const node = new Scalar(binary.base64);
    node.tag = binary.tag;
    node.type = Scalar.BLOCK_LITERAL;
    return node;
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    for (const item of value) seq.items.push(toNode(item, dialect));
    return seq;
  }
  if (value !== null && typeof value === 'object') {
    const node = new YAMLMap();
    // An empty map is `{}` in every one of these emitters.
    if (value.entries.length === 0) node.flow = true;
    for (const [key, item] of value.entries) node.items.push(new Pair(new Scalar(key), toNode(item, dialect)));
    return node;
  }
  const node = new Scalar(value);
  // PyYAML and Psych write null as `null` / empty; the dialect's strings decide, numbers are plain.
  return node;
}

/** PyYAML without allow_unicode: each non-ASCII character of a double-quoted scalar as \x, \u or \U. */
function escapeNonAscii(text: string): string {
  return text.replace(/[^\x00-\x7f]/gu, (ch) => {
    const code = ch.codePointAt(0)!;
    if (code <= 0xff) return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
    if (code <= 0xffff) return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    return `\\U${code.toString(16).toUpperCase().padStart(8, '0')}`;
  });
}

export function writeYaml(root: YamlEntries, dialect: YamlDialect, nullStr = 'null'): string {
  const doc = new Document(null);
  doc.contents = toNode(root, dialect) as YAMLMap;
  const text = doc.toString({
    indentSeq: false,
    lineWidth: dialect.lineWidth,
    minContentWidth: 0,
    directives: dialect.documentStart,
    nullStr,
    doubleQuotedMinMultiLineLength: 0,
  });
  // Only double-quoted scalars hold non-ASCII when the dialect is not `unicode` (analyzeScalar).
  return dialect.unicode ? text : escapeNonAscii(text);
}
