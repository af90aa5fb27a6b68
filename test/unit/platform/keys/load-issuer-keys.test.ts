import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { ConfigError, loadConfig } from '../../../../src/config.js';
import {
  createIssuerKeySet,
  generateIssuerKeyFile,
  IssuerKeyFileError,
  type IssuerKeyFile,
  type StoredIssuerKey,
  loadIssuerKeys,
  parseIssuerKeyFile,
  rotateIssuerKey,
  serializeIssuerKeyFile,
} from '../../../../src/platform/keys/index.js';

const NOW = new Date('2026-12-01T08:00:00.123Z');

function onlyKey(file: IssuerKeyFile): StoredIssuerKey {
  const [key] = file.keys;
  if (!key) throw new Error('expected a key');
  return key;
}

describe('loading the issuer keys', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'iaod-issuer-keys-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('generates a key file on first start, readable by its owner only, and loads the same key after', async () => {
    const file = path.join(dir, 'keys', 'issuer-keys.json');
    const first = await loadIssuerKeys({ config: { kind: 'file', path: file, generate: true }, now: () => NOW });
    expect(first.created).toBe(true);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(first.keySet.current.did).toMatch(/^did:key:z6Mk/);
    expect(first.keySet.current.verificationMethod).toBe(`${first.keySet.current.did}#${first.keySet.current.publicKeyMultibase}`);
    expect(first.keySet.current.created).toBe('2026-12-01T08:00:00Z');
    expect(first.keySet.signer.id).toBe(first.keySet.current.verificationMethod);

    const second = await loadIssuerKeys({ config: { kind: 'file', path: file, generate: true } });
    expect(second.created).toBe(false);
    expect(second.keySet.current.did).toBe(first.keySet.current.did);
  });

  it('gives every start the same key when several generate it at the same moment, from a complete file', async () => {
    const file = path.join(dir, 'keys', 'issuer-keys.json');
    const starts = await Promise.all(
      Array.from({ length: 8 }, () => loadIssuerKeys({ config: { kind: 'file', path: file, generate: true }, now: () => NOW })),
    );
    expect(starts.filter((start) => start.created)).toHaveLength(1);
    expect(new Set(starts.map((start) => start.keySet.current.did)).size).toBe(1);
    expect(parseIssuerKeyFile(await readFile(file, 'utf8')).keys.map((key) => key.publicKeyMultibase)).toEqual([
      starts[0]?.keySet.current.publicKeyMultibase,
    ]);
    expect((await readdir(path.dirname(file))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it("signs exactly as the library's own signer of the same key, and the public key verifies it", async () => {
    const file = await generateIssuerKeyFile(NOW);
    const keySet = await createIssuerKeySet(file);
    const key = onlyKey(file);
    const library = await Ed25519Multikey.from({ type: 'Multikey', ...key });
    for (const text of ['a voucher', '', 'é'.repeat(500)]) {
      const data = new TextEncoder().encode(text);
      const ours = await keySet.signer.sign({ data });
      expect(Buffer.from(ours).toString('hex')).toBe(Buffer.from(await library.signer().sign({ data })).toString('hex'));
      expect(await library.verifier().verify({ data, signature: ours })).toBe(true);
    }
  });

  it('refuses a missing file it may not generate (production)', async () => {
    await expect(loadIssuerKeys({ config: { kind: 'file', path: path.join(dir, 'absent.json'), generate: false } })).rejects.toThrow(
      IssuerKeyFileError,
    );
  });

  it('refuses a key file whose secret key belongs to another public key, without printing either', async () => {
    const one = await generateIssuerKeyFile(NOW);
    const other = await generateIssuerKeyFile(NOW);
    const mixed = { keys: [{ ...onlyKey(one), secretKeyMultibase: onlyKey(other).secretKeyMultibase }] };
    const file = path.join(dir, 'mixed.json');
    await writeFile(file, serializeIssuerKeyFile(mixed));
    const failure = loadIssuerKeys({ config: { kind: 'file', path: file, generate: false } });
    await expect(failure).rejects.toThrow('does not belong to its public key');
    await expect(failure).rejects.not.toThrow(onlyKey(one).publicKeyMultibase);
  });

  it.each([
    ['not JSON', 'is not JSON'],
    ['{"keys": []}', 'non-empty "keys"'],
    ['{"keys": [{"publicKeyMultibase": "z6Mk", "created": "2026-12-01T08:00:00Z"}]}', 'Ed25519 Multikey'],
  ])('refuses the stored keys %s', (text, message) => {
    expect(() => parseIssuerKeyFile(text)).toThrow(message);
  });

  it('refuses a key file with two current keys', async () => {
    const two = { keys: [...(await generateIssuerKeyFile(NOW)).keys, ...(await generateIssuerKeyFile(NOW)).keys] };
    expect(() => parseIssuerKeyFile(JSON.stringify(two))).toThrow('exactly one current key');
  });

  it('rotates: a new current key signs, the old one is retired without its secret and still known as ours', async () => {
    const original = await generateIssuerKeyFile(NOW);
    const rotated = await rotateIssuerKey(original, new Date('2027-01-01T00:00:00Z'));
    const reparsed = parseIssuerKeyFile(serializeIssuerKeyFile(rotated));
    const keySet = await createIssuerKeySet(reparsed);
    const oldDid = `did:key:${onlyKey(original).publicKeyMultibase}`;
    expect(keySet.current.did).not.toBe(oldDid);
    expect(keySet.keys.map((key) => key.did)).toEqual([keySet.current.did, oldDid]);
    expect(keySet.findByIssuer(oldDid)?.retired).toBe('2027-01-01T00:00:00Z');
    expect(reparsed.keys[1]).not.toHaveProperty('secretKeyMultibase');
    expect(keySet.findByIssuer('did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2')).toBeUndefined();
  });

  it('draws new keys until the rotated set is acceptable', async () => {
    let asked = 0;
    const rotated = await rotateIssuerKey(await generateIssuerKeyFile(NOW), NOW, { acceptable: () => ++asked === 3 });
    expect(asked).toBe(3);
    expect(rotated.keys).toHaveLength(2);
  });
});

describe('issuer key settings', () => {
  function failureOf(env: Record<string, string>): ConfigError {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
    throw new Error('expected a ConfigError');
  }
  const production = {
    NODE_ENV: 'production',
    SESSION_SECRET: 'a-long-enough-random-secret',
    AUDIT_CHECKPOINT_KEY: 'another-long-random-secret',
    REFERENCE_KEY: 'a-third-long-random-secret',
    OIDC_ISSUER: 'https://id.example.org/realms/iaod',
  };

  it('generates keys/issuer-keys.json in development', () => {
    const { issuerKeys } = loadConfig({});
    expect(issuerKeys).toMatchObject({ kind: 'file', generate: true });
    expect(issuerKeys.kind === 'file' && issuerKeys.path.endsWith(path.join('keys', 'issuer-keys.json'))).toBe(true);
  });

  it('refuses production without a key file or key setting, since instances must share one key', () => {
    expect(failureOf(production).setting).toBe('ISSUER_KEY_FILE');
    expect(loadConfig({ ...production, ISSUER_KEY_FILE: '/run/secrets/issuer-keys.json' }).issuerKeys).toEqual({
      kind: 'file',
      path: '/run/secrets/issuer-keys.json',
      generate: false,
    });
  });

  it('reads the keys from ISSUER_KEYS, and names the setting when they are malformed', async () => {
    const json = serializeIssuerKeyFile(await generateIssuerKeyFile(NOW));
    expect(loadConfig({ ...production, ISSUER_KEYS: json }).issuerKeys.kind).toBe('setting');
    const error = failureOf({ ISSUER_KEYS: '{"keys": []}' });
    expect(error.setting).toBe('ISSUER_KEYS');
    expect(failureOf({ ISSUER_KEYS: json, ISSUER_KEY_FILE: 'keys.json' }).setting).toBe('ISSUER_KEYS');
  });

  it('keeps a generated key file as written', async () => {
    const file = path.join(os.tmpdir(), `iaod-issuer-${process.pid}.json`);
    try {
      await loadIssuerKeys({ config: { kind: 'file', path: file, generate: true }, now: () => NOW });
      expect(parseIssuerKeyFile(await readFile(file, 'utf8')).keys).toHaveLength(1);
    } finally {
      await rm(file, { force: true });
    }
  });
});
