// Output written in pieces: about 1 MB a write, so a small file is still one write (a pipe pays
// per write) and a 100 MB cassette never becomes one string.

import type { OutputStream } from '../io.ts';

export function writeChunks(out: OutputStream, chunks: Iterable<string>, batchSize = 1 << 20): void {
  let batch = '';
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length >= batchSize) {
      out.write(batch);
      batch = '';
    }
  }
  if (batch) out.write(batch);
}
