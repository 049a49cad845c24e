// The colored Theme, with chalk. Loaded only when colors are on (see theme.ts).

import { Chalk, supportsColor } from 'chalk';
import type { Theme } from './theme.ts';

export type ColorLevel = 1 | 2 | 3;

/** The terminal's color depth; at least basic colors, since the caller decided colors are on. */
export function supportedLevel(): ColorLevel {
  const level = supportsColor ? supportsColor.level : 0;
  return level === 0 ? 1 : level;
}

export function makeTheme(level: ColorLevel): Theme {
  const c = new Chalk({ level });
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
    enabled: true,
  };
}
