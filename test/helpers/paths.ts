// Where test data lives: our own samples, and the shared corpus when it is beside the project.

import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expandPath } from '../../src/read/expand-paths.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SAMPLES = join(ROOT, 'samples');
export const CORPUS = resolve(ROOT, '../shared/corpus');
export const HAS_CORPUS = existsSync(join(CORPUS, 'fantasy'));
/** For `test(name, { skip: SKIP_WITHOUT_CORPUS }, …)`: a message, or false when the corpus is there. */
export const SKIP_WITHOUT_CORPUS: string | false = HAS_CORPUS ? false : `no corpus at ${CORPUS}`;

export function sample(name: string): string {
  return join(SAMPLES, name);
}

/**
 * Every cassette below samples/ as a directory argument finds them (so not the body files beside a
 * Playwright HAR), less the deliberately broken ones; sorted.
 */
export async function sampleCassettes(): Promise<string[]> {
  const { files } = await expandPath(SAMPLES);
  return files.filter((f) => !/invalid-yaml|not-a-cassette|hostile/.test(f)).sort();
}

export function corpusFile(...parts: string[]): string {
  return join(CORPUS, ...parts);
}

/** Every cassette file below a corpus folder, sorted. */
export function corpusFiles(folder = ''): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.ya?ml(\.gz)?$/.test(e.name) ? [join(dir, e.name)] : []));
  return HAS_CORPUS ? walk(join(CORPUS, folder)) : [];
}

/** The go-vcr folders of the corpus: the dialect sweeps were measured on these (the other folders are issue 13's). */
export const GO_VCR_FOLDERS = ['fantasy', 'fantasy-2025-11', 'seed'];
export function goVcrCorpusFiles(): string[] {
  return GO_VCR_FOLDERS.flatMap((folder) => corpusFiles(folder));
}
