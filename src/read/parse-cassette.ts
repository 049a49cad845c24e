// Cassette text → Cassette model, synchronously, through the format seam (src/formats/). No file
// system here: `read-cassette.ts` is the I/O edge (and loads `yaml` only when the fast reader gives up).

import type { Cassette } from '../model.ts';
import { looksLikeJson, parseJsonDocument, readDocument } from '../formats/parse.ts';
import { parseYamlWithPackage } from '../formats/parse-yaml.ts';
import { readGoVcrFast } from './fast-go-vcr.ts';

export function parseCassette(file: string, text: string): Cassette {
  if (looksLikeJson(text)) return readDocument(parseJsonDocument(file, text));
  // The fast reader handles the block YAML recorders write; anything it is unsure of goes through `yaml`.
  const fast = readGoVcrFast(text);
  if (fast) return readDocument({ file, syntax: 'yaml', value: fast.value, interactionLines: fast.interactionLines });
  return parseCassetteWithYaml(file, text);
}

/** The reference path (and the one that reports YAML errors with file:line:col). */
export function parseCassetteWithYaml(file: string, text: string): Cassette {
  return readDocument(parseYamlWithPackage(file, text));
}
