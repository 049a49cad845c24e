// A one-line progress indicator on stderr for long runs in a terminal: shown only after the run
// has taken a second (short runs never flash), redrawn at most ten times a second, and erased
// before anything else is printed and at the end.

import type { OutputStream } from '../io.ts';

export interface Progress {
  /** Called once per file, before it is processed. */
  tick(file: string): void;
  /** Erase the line (before other output, and at the end). */
  clear(): void;
}

const SILENT: Progress = { tick() {}, clear() {} };

export function createProgress(
  stderr: OutputStream,
  total: number,
  env: NodeJS.ProcessEnv,
  now: () => number = Date.now,
): Progress {
  if (!stderr.isTTY || env.CI || total < 2) return SILENT;
  const started = now();
  let done = 0;
  let lastDraw = 0;
  let drawn = false;
  return {
    tick(file) {
      done++;
      const time = now();
      if (time - started < 1000 || time - lastDraw < 100) return;
      lastDraw = time;
      const width = Math.max(20, (stderr.columns ?? 80) - 20);
      const name = file.length > width ? `…${file.slice(-width + 1)}` : file;
      stderr.write(`\r\x1b[K${done}/${total} ${name}`);
      drawn = true;
    },
    clear() {
      if (drawn) stderr.write('\r\x1b[K');
      drawn = false;
    },
  };
}
