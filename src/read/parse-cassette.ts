// Cassette text → Cassette model, synchronously, through the format seam (src/formats/). No file
// system here: `read-cassette.ts` is the I/O edge (and loads `yaml` only when the fast reader gives up).

import type { Cassette } from '../model.ts';
import { parseTextFast, readDocument } from '../formats/parse.ts';
import { parseYamlWithPackage } from '../formats/parse-yaml.ts';

export function parseCassette(file: string, text: string): Cassette {
  return readDocument(parseTextFast(file, text) ?? parseYamlWithPackage(file, text));
}

/** The reference path (and the one that reports YAML errors with file:line:col). */
export function parseCassetteWithYaml(file: string, text: string): Cassette {
  return readDocument(parseYamlWithPackage(file, text));
}
