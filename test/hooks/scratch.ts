// Scratch repositories for the hook tests: a committed copy of this project (the working tree, so
// uncommitted work is tested too), the user's repository, and go-vcr cassettes with a fake key.

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, sample } from '../helpers/paths.ts';

/** A fake OpenAI key: never a real one. The tests assert it is never printed. */
export const FAKE_KEY = 'sk-proj-HookTestFAKE0123456789abcdefghijklmnopqrstuvwxyzABCD';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'hook test',
  GIT_AUTHOR_EMAIL: 'hook-test@example.invalid',
  GIT_COMMITTER_NAME: 'hook test',
  GIT_COMMITTER_EMAIL: 'hook-test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  NO_COLOR: '1',
};

export interface Run {
  status: number | null;
  /** stdout and stderr together, as the user sees them. */
  output: string;
  stdout: string;
}

export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const result: SpawnSyncReturns<string> = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...GIT_ENV, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout = result.stdout ?? '';
  return { status: result.status, stdout, output: `${stdout}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

/** Runs and throws with the output when the command fails: for set-up steps. */
export function must(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const result = run(cmd, args, cwd, env);
  if (result.status !== 0) throw new Error(`\`${cmd} ${args.join(' ')}\` in ${cwd} failed (${result.status}):\n${result.output}`);
  return result.output;
}

const scratchDirs: string[] = [];
// Scratch repositories hold node_modules and pre-commit environments: gone when the tests end
// (CASSETTE_KEEP_SCRATCH=1 keeps them for a look).
process.on('exit', () => {
  if (process.env.CASSETTE_KEEP_SCRATCH !== '1') for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

export function scratchDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `cassette-${name}-`));
  scratchDirs.push(dir);
  return dir;
}

/** The project's working tree (tracked and untracked, not ignored files) committed in a new repository. */
export function projectSnapshot(): { dir: string; commit: string } {
  const dir = scratchDir('project');
  const files = must('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT).split('\0').filter(Boolean);
  for (const file of files) {
    try {
      cpSync(join(ROOT, file), join(dir, file));
    } catch (error) {
      // A file deleted in the working tree but still in the index.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  must('git', ['init', '--quiet'], dir);
  must('git', ['add', '--all'], dir);
  must('git', ['commit', '--quiet', '--no-verify', '-m', 'snapshot of the working tree'], dir);
  return { dir, commit: must('git', ['rev-parse', 'HEAD'], dir).trim() };
}

/** A new git repository for the user, with `files` written into it (not committed). */
export function userRepo(name: string, files: Record<string, string> = {}): string {
  const dir = scratchDir(name);
  must('git', ['init', '--quiet'], dir);
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A go-vcr cassette (samples/openai-chat-json.yaml), with `Authorization: Bearer FAKE_KEY` when dirty. */
export function cassette(dirty: boolean): string {
  const clean = readFileSync(sample('openai-chat-json.yaml'), 'utf8');
  if (!dirty) return clean;
  const marker = '    headers:\n      Accept:\n';
  if (!clean.includes(marker)) throw new Error('samples/openai-chat-json.yaml changed: no request headers to add a key to');
  return clean.replace(marker, `    headers:\n      Authorization:\n      - Bearer ${FAKE_KEY}\n      Accept:\n`);
}

/** The commits on HEAD (0 when there is none yet). */
export function commitCount(dir: string): number {
  const result = run('git', ['rev-list', '--count', 'HEAD'], dir);
  return result.status === 0 ? Number(result.output.trim()) : 0;
}

/** The paths changed by the last commit. */
export function lastCommitFiles(dir: string): string[] {
  return must('git', ['show', '--name-only', '--format=', 'HEAD'], dir).trim().split('\n').filter(Boolean).sort();
}
