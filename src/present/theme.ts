// Every color the terminal output uses, in one place. Colors only on a TTY, never with NO_COLOR
// or --no-color; FORCE_COLOR forces them (chalk's own rule).

import { Chalk, supportsColor, type ChalkInstance } from 'chalk';

export interface Theme {
  heading: (s: string) => string;
  dim: (s: string) => string;
  role: (s: string) => string;
  tool: (s: string) => string;
  ok: (s: string) => string;
  warn: (s: string) => string;
  error: (s: string) => string;
  added: (s: string) => string;
  removed: (s: string) => string;
  enabled: boolean;
}

export function colorLevel(stream: { isTTY?: boolean }, requested: boolean | undefined, env: NodeJS.ProcessEnv): 0 | 1 | 2 | 3 {
  if (requested === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return 0;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') {
    return supportsColor ? supportsColor.level : 1;
  }
  if (!stream.isTTY) return 0;
  return supportsColor ? supportsColor.level : 1;
}

export function makeTheme(level: 0 | 1 | 2 | 3): Theme {
  const c: ChalkInstance = new Chalk({ level });
  return {
    heading: (s) => c.bold(s),
    dim: (s) => c.dim(s),
    role: (s) => c.cyan(s),
    tool: (s) => c.magenta(s),
    ok: (s) => c.green(s),
    warn: (s) => c.yellow(s),
    error: (s) => c.red(s),
    added: (s) => c.green(s),
    removed: (s) => c.red(s),
    enabled: level > 0,
  };
}

export const plainTheme: Theme = makeTheme(0);
