// A run over many cassettes allocates fast and keeps little: let V8's young generation grow to
// its maximum at once instead of doubling from 1 MB (over the corpus: 25 scavenges become ~15, and
// GC time halves). V8 reads this flag whenever it grows the space, so setting it now takes effect.
// Only for batches: loading node:v8 costs ~2 ms, which a one-file run would notice.

export const BATCH_FILES = 16;

export async function tuneGcForBatch(): Promise<void> {
  const { setFlagsFromString } = await import('node:v8');
  setFlagsFromString('--semi-space-growth-factor=16');
}
