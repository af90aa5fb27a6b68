/**
 * A generated key's file, written whole or not at all: two processes starting at once (two test runs, two app
 * instances on one folder) both find no file and both generate; the first to put its file in place wins, and the
 * other reads the winner's complete file, never a half-written one.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes `text` to `path` (mode 0600) unless a file is there; false when one was (the caller reads that one). */
export async function createKeyFile(path: string, text: string): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const file = await open(temporary, 'wx', 0o600);
    try {
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    // A hard link fails if the name is taken, and the name only ever shows the finished file.
    await link(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}
