// Cassette text → Cassette model. No file system here: `read-cassette.ts` is the I/O edge.

import { LineCounter, parseDocument, isMap, isSeq, isScalar } from 'yaml';
import type { Cassette } from '../model.ts';
import { CassetteError } from '../errors.ts';
import { goVcrCassette } from './go-vcr.ts';
import { fastGoVcrCassette } from './fast-go-vcr.ts';

/** Lines where each item of the top-level `interactions` sequence starts. */
function interactionLines(contents: unknown, lineCounter: LineCounter): number[] {
  if (!isMap(contents)) return [];
  const seq = contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'interactions')?.value;
  if (!isSeq(seq)) return [];
  return seq.items.map((item) => {
    const offset = (item as { range?: [number, number, number] }).range?.[0];
    return offset === undefined ? 0 : lineCounter.linePos(offset).line;
  });
}

export function parseCassette(file: string, text: string): Cassette {
  // The fast reader handles what go-vcr writes; anything it is unsure of goes through `yaml`.
  return fastGoVcrCassette(file, text) ?? parseCassetteWithYaml(file, text);
}

/** The reference path (and the one that reports YAML errors with file:line:col). */
export function parseCassetteWithYaml(file: string, text: string): Cassette {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new CassetteError('invalid-yaml', message, file, pos);
  }
  const value = doc.toJS({ maxAliasCount: -1 });
  return goVcrCassette(file, value, interactionLines(doc.contents, lineCounter));
}
