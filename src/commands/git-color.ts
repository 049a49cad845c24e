// Colors for `cassette diff` run by git as an external diff, decided as git decides for its own
// diff: git starts its pager first and runs the external diff with stdout into the pager's pipe, so
// a terminal test alone would never color. Git exports GIT_PAGER_IN_USE=true while its pager runs;
// `git config --get-colorbool color.diff` then applies color.diff, color.ui and TERM=dumb as git's
// own diff does (color.pager is read apart). NO_COLOR / --no-color / FORCE_COLOR keep their meaning.

import type { Io } from '../io.ts';
import { PLAIN_THEME, themeFor, type Theme } from '../present/theme.ts';

const truthy = (value: string | undefined) => /^(true|1|yes|on)$/i.test(value ?? '');

type ExecFileSync = typeof import('node:child_process').execFileSync;

function run(execFileSync: ExecFileSync, io: Io, args: string[]): { status: number; out: string } | undefined {
  try {
    const out = execFileSync('git', args, { cwd: io.cwd, env: io.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return { status: 0, out: out.trim() };
  } catch (error) {
    const status = (error as { status?: number | null }).status;
    return typeof status === 'number' ? { status, out: '' } : undefined; // undefined: no git
  }
}

/** Git's answer, or undefined when git cannot be asked (then a terminal or git's pager decides). */
function gitColorbool(execFileSync: ExecFileSync, io: Io, stdoutIsTty: boolean): boolean | undefined {
  const git = (args: string[]) => run(execFileSync, io, args);
  if (stdoutIsTty) {
    // Git's own stdout here is our pipe, so it is told that ours is a terminal; it then prints.
    const answer = git(['config', '--get-colorbool', 'color.diff', 'true']);
    return answer && answer.status === 0 ? answer.out === 'true' : undefined;
  }
  // Without the argument git answers by exit status, checking GIT_PAGER_IN_USE and TERM=dumb.
  const answer = git(['config', '--get-colorbool', 'color.diff']);
  if (!answer) return undefined;
  if (answer.status !== 0) return false;
  // `git config` does not read color.pager (git diff does): "false" means no colors into the pager.
  return git(['config', '--type=bool', '--get', 'color.pager'])?.out !== 'false';
}

export async function gitDiffTheme(io: Io, requested: boolean | undefined): Promise<Theme> {
  const env = io.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (requested === false || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return PLAIN_THEME;
  if (forced) return themeFor(io.stdout, requested, env);
  const tty = !!io.stdout.isTTY;
  // Git is asked even into a pipe (`git diff | less`): color.diff=always colors there too. When git
  // cannot be asked, a terminal or git's pager means colors (git's default, color.ui=auto).
  // A dynamic import: the build's lazy child_process shim has no named exports for a static one.
  const { execFileSync } = await import('node:child_process');
  if (!(gitColorbool(execFileSync, io, tty) ?? (tty || truthy(env.GIT_PAGER_IN_USE)))) return PLAIN_THEME;
  // Colors are on: the theme as on a terminal (the pipe into git's pager is not one).
  return themeFor({ isTTY: true }, requested, env);
}
