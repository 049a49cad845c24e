// The `yaml` package path: anything the fast reader is unsure of, and YAML errors with positions.

import { LineCounter, parseDocument, isMap, isSeq, isScalar, type DocumentOptions, type ParseOptions, type ScalarTag, type SchemaOptions } from 'yaml';
import { CassetteError } from '../errors.ts';
import { isWholeFloatScalar, noteWholeFloat, type WholeFloats } from '../read/whole-floats.ts';
import type { ParsedDocument } from './types.ts';

/** Psych (Ruby VCR) writes bytes as `!binary` (YAML 1.1's local form of `!!binary`). */
const psychBinary: ScalarTag = {
  tag: '!binary',
  identify: () => false,
  resolve: (str: string) => new Uint8Array(Buffer.from(str.replace(/\s+/g, ''), 'base64')),
};

const INTERACTION_KEYS = new Set(['interactions', 'http_interactions']);

/** Lines where each item of the top-level interaction sequence starts. */
function interactionLines(contents: unknown, lineCounter: LineCounter): number[] {
  if (!isMap(contents)) return [];
  const seq = contents.items.find((pair) => isScalar(pair.key) && INTERACTION_KEYS.has(String(pair.key.value)))?.value;
  if (!isSeq(seq)) return [];
  return seq.items.map((item) => {
    const offset = (item as { range?: [number, number, number] }).range?.[0];
    return offset === undefined ? 0 : lineCounter.linePos(offset).line;
  });
}

/**
 * The whole-valued floats of `node` (whose plain value is `value`), noted in `floats`: the same
 * walk as toJS over maps (string keys, the last duplicate wins) and sequences.
 */
function collectWholeFloats(node: unknown, value: unknown, floats: WholeFloats): void {
  if (!value || typeof value !== 'object') return;
  const visit = (child: unknown, key: string | number) => {
    const item = (value as Record<string | number, unknown>)[key];
    if (isScalar(child)) {
      if (typeof child.source === 'string' && isWholeFloatScalar(child.source, item)) noteWholeFloat(floats, value, key);
      else floats.get(value)?.delete(key);
    } else collectWholeFloats(child, item, floats);
  };
  if (isMap(node) && !Array.isArray(value)) {
    for (const pair of node.items) if (isScalar(pair.key)) visit(pair.value, String(pair.key.value));
  } else if (isSeq(node) && Array.isArray(value)) {
    node.items.forEach((item, i) => visit(item, i));
  }
}

/** How cassettes are parsed with `yaml` (the fast reader's tests compare against exactly this). */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = { prettyErrors: false, uniqueKeys: false, customTags: (tags) => [...tags, psychBinary] };

export function parseYamlWithPackage(file: string, text: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, ...YAML_OPTIONS });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new CassetteError('invalid-yaml', message, file, pos);
  }
  const value: unknown = doc.toJS({ maxAliasCount: -1 });
  const wholeFloats: WholeFloats = new WeakMap();
  collectWholeFloats(doc.contents, value, wholeFloats);
  return { file, syntax: 'yaml', value, interactionLines: interactionLines(doc.contents, lineCounter), wholeFloats };
}
