// Read and interpret a cassette file in one call, for tests.

import { analyzeCassette, type AnalyzedCassette } from '../../src/interpret/index.ts';
import { readCassette } from '../../src/read/read-cassette.ts';

export async function analyzeFile(file: string): Promise<AnalyzedCassette> {
  return analyzeCassette(await readCassette(file));
}

/** The LLM exchanges of a file; fails the test when one is not interpreted. */
export async function exchangesOf(file: string) {
  const analyzed = await analyzeFile(file);
  return analyzed.interactions.map((item) => {
    if (!item.llm) throw new Error(`${file}#${item.interaction.index} was not interpreted`);
    return item.llm;
  });
}
