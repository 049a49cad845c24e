// A run over many cassettes allocates fast and keeps little: let V8's young generation grow to
// its maximum at once instead of doubling from 1 MB (over the corpus: 25 scavenges become ~15, and
// GC time halves). V8 reads this flag whenever it grows the space, so setting it now takes effect.
//
// Such a run is also short (well under a second over hundreds of files), and optimizing compiles
// were about a quarter of its instructions: V8's budget for inlining callees into one optimized
// function (920 bytes of bytecode by default) is cut to 230, so each compile is smaller. Over the
// go-vcr corpus `show --json` spent ~35% fewer instructions on compile threads with no more on the
// main thread (callgrind), ~10% less CPU in all. V8 reads it at each compile.
//
// Only for batches: loading node:v8 costs ~2 ms, which a one-file run would notice, and a long
// run over one large cassette keeps V8's defaults. Neither flag makes V8 reject the code cache.

import { statSync } from 'node:fs';

export const BATCH_FILES = 16;

let tuned = false;

export async function tuneForBatch(): Promise<void> {
  if (tuned) return;
  tuned = true;
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--semi-space-growth-factor=16');
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=230');
}

/**
 * Tunes before the paths are expanded when the arguments look like a batch (a directory, or many
 * files). V8 grows the young generation on the third scavenge, which comes right after the
 * command's bundle has loaded: tuned only after expansion, it grew by the default factor there
 * (1 → 2 MB) and then stayed small for a tenth of a second (go-vcr corpus `show --json`: 16
 * scavenges instead of 7). Not earlier, in main: V8 rejects a code cache made under other flags,
 * and the bundle's cache is made without these. The loop still tunes once it counts 16 files.
 */
export async function tuneIfBatch(paths: string[]): Promise<void> {
  if (paths.length >= BATCH_FILES || paths.some(isDirectory)) await tuneForBatch();
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false; // the loop reports the path
  }
}
