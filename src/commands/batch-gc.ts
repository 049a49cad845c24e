// A run over many cassettes is short (well under a second over hundreds of files), and optimizing
// compiles were about a quarter of its instructions: V8's budget for inlining callees into one
// optimized function (920 bytes of bytecode by default) is cut to 230, so each compile is smaller.
// Over the go-vcr corpus `show --json` spent ~35% fewer instructions on compile threads with no
// more on the main thread (callgrind), ~10% less CPU in all. V8 reads the flag at each compile,
// so setting it once the batch is known takes effect; it does not make V8 reject the code cache.
//
// Only for batches: loading node:v8 costs ~2 ms, which a one-file run would notice, and a long
// run over one large cassette keeps V8's defaults. The young generation keeps V8's default growth
// too: growing it at once to 16 MB (--semi-space-growth-factor=16) halved the scavenges but
// touched 2 × 16 MB of fresh pages, ~6,000 more page faults at ~1.5 µs each here, and was ~2-3%
// slower over the corpus than the default doubling (7 Dec 2026, paired runs).

export const BATCH_FILES = 16;

let tuned = false;

export async function tuneForBatch(): Promise<void> {
  if (tuned) return;
  tuned = true;
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--max-inlined-bytecode-size-cumulative=230');
}
