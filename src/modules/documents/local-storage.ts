/**
 * Blobs in a local folder: `<root>/<first 2 hex>/<sha256>`. A blob is written to a temporary file in the
 * same folder and renamed into place, so a reader never sees half a file and two writers of the same
 * content both end with the same complete file. Good for one instance or a shared volume.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { blobKeyFor, type DocumentStorage } from './storage.js';

export interface LocalDocumentStorageOptions {
  /** Folder the blobs live under; created on first write. */
  root: string;
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

/** Makes a rename durable (the folder entry), where the platform allows opening a folder. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems refuse fsync on a folder; the file itself is already synced.
    if ((error as NodeJS.ErrnoException).code !== 'EINVAL' && (error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
  } finally {
    await handle.close();
  }
}

export function createLocalDocumentStorage({ root }: LocalDocumentStorageOptions): DocumentStorage {
  const pathOf = (sha256: string) => path.join(root, ...blobKeyFor(sha256).split('/'));

  async function hasBlob(sha256: string): Promise<boolean> {
    try {
      return (await stat(pathOf(sha256))).isFile();
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  return {
    hasBlob,
    async storeBlob(sha256, bytes) {
      const target = pathOf(sha256);
      if (await hasBlob(sha256)) return;
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        // `wx`: never follow or reuse a file someone else put at the temporary name.
        const file = await open(temporary, 'wx', 0o640);
        try {
          await file.writeFile(bytes);
          // The database row is committed right after this returns; the bytes must outlive a crash too.
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(temporary, target);
        await syncFolder(path.dirname(target));
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async deleteBlob(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
    async readBlob(sha256) {
      try {
        return await readFile(pathOf(sha256));
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
  };
}
