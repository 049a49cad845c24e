// The theme for an output stream. Chalk (and the tty module it loads, a few ms of every start-up)
// is imported only when colors may be on: most runs write to a pipe, a file or a CI log.

import type { Theme } from './theme.ts';

const same = (s: string): string => s;

/** What makeTheme(0) gives (chalk at level 0 returns its argument), without loading chalk. */
export const PLAIN_THEME: Theme = {
  heading: same,
  dim: same,
  role: same,
  tool: same,
  ok: same,
  warn: same,
  error: same,
  added: same,
  removed: same,
  enabled: false,
};

/** True when colorLevel() would say 0 whatever the terminal supports (see theme.ts). */
export function colorsOff(stream: { isTTY?: boolean }, requested: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (requested === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return true;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return !forced && !stream.isTTY;
}

export async function themeFor(stream: { isTTY?: boolean }, requested: boolean | undefined, env: NodeJS.ProcessEnv): Promise<Theme> {
  if (colorsOff(stream, requested, env)) return PLAIN_THEME;
  const { colorLevel, makeTheme } = await import('./theme.ts');
  return makeTheme(colorLevel(stream, requested, env));
}
