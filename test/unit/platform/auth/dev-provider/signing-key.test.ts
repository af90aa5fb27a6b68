import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateSigningKey, SIGNING_KEY_FILE } from '../../../../../src/platform/auth/dev-provider/signing-key.js';

describe("the development provider's signing key", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'iaod-dev-key-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is generated once when several providers start at the same moment (two test runs), and all sign with it', async () => {
    const starts = await Promise.all(Array.from({ length: 6 }, () => loadOrCreateSigningKey(path.join(dir, 'keys'))));
    expect(starts.filter((start) => start.created)).toHaveLength(1);
    expect(new Set(starts.map((start) => start.kid)).size).toBe(1);
    const stored = JSON.parse(await readFile(path.join(dir, 'keys', SIGNING_KEY_FILE), 'utf8')) as { keys: Array<{ kid: string }> };
    expect(stored.keys.map((key) => key.kid)).toEqual([starts[0]?.kid]);
    expect((await stat(path.join(dir, 'keys', SIGNING_KEY_FILE))).mode & 0o777).toBe(0o600);
    expect(await readdir(path.join(dir, 'keys'))).toEqual([SIGNING_KEY_FILE]);

    const again = await loadOrCreateSigningKey(path.join(dir, 'keys'));
    expect({ created: again.created, kid: again.kid }).toEqual({ created: false, kid: starts[0]?.kid });
  });
});
