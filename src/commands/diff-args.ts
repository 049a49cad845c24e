// What `cassette diff` was asked to compare: two paths, or git's external-diff call
// (GIT_EXTERNAL_DIFF or diff.<driver>.command), which passes 7 arguments:
// path old-file old-hex old-mode new-file new-hex new-mode, with /dev/null for a missing side.

import { CassetteError } from '../errors.ts';

export type DiffTarget =
  | { kind: 'paths'; old: string; new: string }
  | { kind: 'git'; name: string; old: string | null; new: string | null };

export const DEV_NULL = '/dev/null';

const HEX = /^([0-9a-f]{4,64}|\.)$/i;
const MODE = /^([0-7]{6}|\.)$/;

export function isGitExternalDiffCall(args: string[]): boolean {
  return args.length === 7 && HEX.test(args[2]!) && MODE.test(args[3]!) && HEX.test(args[5]!) && MODE.test(args[6]!);
}

export function parseDiffTarget(args: string[]): DiffTarget {
  if (isGitExternalDiffCall(args)) {
    const side = (file: string) => (file === DEV_NULL ? null : file);
    return { kind: 'git', name: args[0]!, old: side(args[1]!), new: side(args[4]!) };
  }
  if (args.length !== 2) {
    throw new CassetteError('usage', `diff takes two cassettes or two directories (got ${args.length} arguments)`);
  }
  return { kind: 'paths', old: args[0]!, new: args[1]! };
}

/** Git (2.46+) reads the exit code only when told to; otherwise anything but 0 stops `git diff`. */
export function gitTrustsExitCode(env: NodeJS.ProcessEnv): boolean {
  const value = (env.GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE ?? '').toLowerCase();
  return value === 'true' || value === '1' || value === 'yes' || value === 'on';
}
