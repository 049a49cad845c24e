// Cassette text → ParsedDocument (the syntax decides the parser, never the file name) → a format
// module's reader. The fast YAML reader is tried first; the `yaml` package (loaded lazily, a quarter
// of the bundle) is the fallback and the one that reports YAML errors with file:line:col.

import type { Cassette } from '../model.ts';
import { CassetteError } from '../errors.ts';
import { readYamlFast } from '../read/fast-yaml.ts';
import type { ParsedDocument, Syntax } from './types.ts';
import { describeDocument, detectFormat } from './index.ts';
import { jsonArrayItemLines } from './json-positions.ts';

/** JSON when the first non-blank character opens a JSON object (YAML flow maps in cassettes are not written by any recorder). */
export function looksLikeJson(text: string): boolean {
  const match = /^[\s\ufeff]*(\S)/.exec(text.slice(0, 256));
  return match?.[1] === '{';
}

function lineOfOffset(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

export function parseJsonDocument(file: string, text: string): ParsedDocument {
  try {
    const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    // JSON.parse gives no positions: readDocument finds the interactions' lines in `text` once it knows the format.
    return { file, syntax: 'json', value, interactionLines: [], text, fastRead: true };
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? lineOfOffset(text, Number(at[1])) : undefined;
    throw new CassetteError('invalid-yaml', `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, file, where);
  }
}

/** JSON, or YAML the fast reader is sure of; undefined when only the `yaml` package can tell. */
export function parseTextFast(file: string, text: string): ParsedDocument | undefined {
  if (looksLikeJson(text)) return parseJsonDocument(file, text);
  const fast = readYamlFast(text);
  return fast && { file, syntax: 'yaml', value: fast.value, interactionLines: fast.interactionLines, wholeFloats: fast.wholeFloats, fastRead: true };
}

export async function parseText(file: string, text: string): Promise<ParsedDocument> {
  return parseTextFast(file, text) ?? (await import('./parse-yaml.ts')).parseYamlWithPackage(file, text);
}

/** A parsed document → Cassette through the format that accepts it; none → exit-2 error naming what was found. */
export function readDocument(doc: ParsedDocument): Cassette {
  const format = detectFormat(doc.value, doc.syntax);
  if (!format) {
    throw new CassetteError('not-a-cassette', `not a cassette: found ${describeDocument(doc.value, doc.syntax)}`, doc.file);
  }
  if (doc.syntax === 'json' && doc.text !== undefined) doc.interactionLines = jsonArrayItemLines(doc.text, format.sites.interactions);
  return format.read(doc);
}

export async function parseCassetteText(file: string, text: string): Promise<Cassette> {
  return readDocument(await parseText(file, text));
}

export type { Syntax };
