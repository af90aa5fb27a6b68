import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLocalDocumentStorage } from '../../../../src/modules/documents/local-storage.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('local document storage', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'iaod-local-storage-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('keeps a blob at <root>/<first two hex>/<sha256> and reads it back', async () => {
    const storage = createLocalDocumentStorage({ root });
    const bytes = Buffer.from('%PDF-1.4 local');
    const hash = sha256(bytes);
    expect(await storage.hasBlob(hash)).toBe(false);
    expect(await storage.readBlob(hash)).toBeUndefined();
    await storage.storeBlob(hash, bytes);
    expect(await readFile(path.join(root, hash.slice(0, 2), hash))).toEqual(bytes);
    expect(await storage.hasBlob(hash)).toBe(true);
    expect(await storage.readBlob(hash)).toEqual(bytes);
  });

  it('stores the same content once and leaves no temporary files, even when writers race', async () => {
    const storage = createLocalDocumentStorage({ root });
    const bytes = Buffer.alloc(256 * 1024, 7);
    const hash = sha256(bytes);
    await Promise.all(Array.from({ length: 8 }, () => storage.storeBlob(hash, bytes)));
    const before = await stat(path.join(root, hash.slice(0, 2), hash));
    await storage.storeBlob(hash, bytes);
    expect((await stat(path.join(root, hash.slice(0, 2), hash))).mtimeMs).toBe(before.mtimeMs);
    expect(await readdir(path.join(root, hash.slice(0, 2)))).toEqual([hash]);
  });

  it('refuses an address that is not a SHA-256 hex digest (no path tricks)', async () => {
    const storage = createLocalDocumentStorage({ root });
    await expect(storage.storeBlob('../../etc/passwd', Buffer.from('x'))).rejects.toThrow(TypeError);
    await expect(storage.readBlob('AB'.repeat(32))).rejects.toThrow(TypeError);
    await expect(storage.hasBlob('')).rejects.toThrow(TypeError);
  });
});
