// Never half-write a file: write a temp file beside the target, then rename it over the target.
// An existing target keeps its mode, and a symlink is followed so the link itself stays a link.

import { basename, dirname, join } from 'node:path';
import { CassetteError } from '../errors.ts';

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  // Loaded only here: --check and most runs never write (each module costs start-up time).
  const { realpath, rename, stat, unlink, writeFile } = await import('node:fs/promises');
  const { randomBytes } = await import('node:crypto');
  const target = await realpath(file).catch(() => file);
  const mode = await stat(target).then((info) => info.mode & 0o7777, () => 0o666);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { mode, flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw new CassetteError('unreadable', `cannot write: ${(error as Error).message}`, file);
  }
}
