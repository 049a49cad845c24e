// Every color the terminal output uses, through one Theme. Colors only on a TTY, never with
// NO_COLOR or --no-color; FORCE_COLOR forces them (chalk's own rule). Chalk (and the tty module it
// loads, a few ms of every start-up) is imported only when colors may be on: most runs write to a
// pipe, a file or a CI log.

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

const same = (s: string): string => s;

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

/** True when there must be no colors, whatever the terminal supports. */
export function colorsOff(stream: { isTTY?: boolean }, requested: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (requested === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return true;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return !forced && !stream.isTTY;
}

export async function themeFor(stream: { isTTY?: boolean }, requested: boolean | undefined, env: NodeJS.ProcessEnv): Promise<Theme> {
  if (colorsOff(stream, requested, env)) return PLAIN_THEME;
  const { makeTheme, supportedLevel } = await import('./chalk-theme.ts');
  return makeTheme(supportedLevel());
}
