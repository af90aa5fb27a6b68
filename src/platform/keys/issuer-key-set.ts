/**
 * The issuer's key set: one current key that signs, and retired keys that only verify what they signed
 * before a rotation (until those vouchers expire).
 */
import { createPrivateKey, sign as signBytes, type KeyObject } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { didKeyOf, verificationMethodOf } from './did-key.js';
import { IssuerKeyFileError, type IssuerKeyFile } from './key-file.js';
import type { CredentialSigner } from './signer.js';

export interface IssuerKey {
  /** The issuer identifier credentials signed by this key carry (`did:key:z6Mk…`). */
  did: string;
  /** The verification method proofs name (`did:key:z6Mk…#z6Mk…`). */
  verificationMethod: string;
  publicKeyMultibase: string;
  created: string;
  /** Absent on the current key. */
  retired?: string;
}

export interface IssuerKeySet {
  /** The key new credentials are signed with. */
  current: IssuerKey;
  /** Every key, current first, then retired ones newest first. */
  keys: readonly IssuerKey[];
  /** Signs with the current key. */
  signer: CredentialSigner;
  /** The key (current or retired) whose did:key is `issuer`, if it is ours. */
  findByIssuer(issuer: string): IssuerKey | undefined;
  /** The keys as stored, the current secret key included: what a signing thread of this process starts from. */
  stored: IssuerKeyFile;
}

/** Builds the key set from stored keys (already shape-checked by `parseIssuerKeyFile`). */
export async function createIssuerKeySet(file: IssuerKeyFile): Promise<IssuerKeySet> {
  const stored = file.keys.find((key) => key.retired === undefined);
  if (!stored?.secretKeyMultibase) throw new IssuerKeyFileError('has no current key with a secret key');
  const verificationMethod = verificationMethodOf(stored.publicKeyMultibase);
  let keyPair: Ed25519Multikey.Ed25519MultikeyKeyPair;
  try {
    keyPair = await Ed25519Multikey.from({
      id: verificationMethod,
      controller: didKeyOf(stored.publicKeyMultibase),
      type: 'Multikey',
      publicKeyMultibase: stored.publicKeyMultibase,
      secretKeyMultibase: stored.secretKeyMultibase,
    });
  } catch {
    throw new IssuerKeyFileError('the current key cannot be decoded as an Ed25519 Multikey');
  }
  await assertKeysMatch(keyPair);
  const secretKey = await secretKeyObjectOf(keyPair);
  const signer: CredentialSigner = {
    id: verificationMethod,
    algorithm: 'Ed25519',
    sign: async ({ data }) => signBytes(null, data, secretKey),
  };
  const keys = [...file.keys]
    .sort((a, b) => (a.retired === undefined ? -1 : b.retired === undefined ? 1 : b.retired.localeCompare(a.retired)))
    .map((key): IssuerKey => ({
      did: didKeyOf(key.publicKeyMultibase),
      verificationMethod: verificationMethodOf(key.publicKeyMultibase),
      publicKeyMultibase: key.publicKeyMultibase,
      created: key.created,
      ...(key.retired === undefined ? {} : { retired: key.retired }),
    }));
  const current = keys[0] as IssuerKey;
  const byIssuer = new Map(keys.map((key) => [key.did, key]));
  return { current, keys, signer, findByIssuer: (issuer) => byIssuer.get(issuer), stored: file };
}

/** A secret key stored with the wrong public key would sign vouchers that never verify: refuse it at start. */
async function assertKeysMatch(keyPair: Ed25519Multikey.Ed25519MultikeyKeyPair): Promise<void> {
  const data = new TextEncoder().encode('issuer key self-check');
  const signature = await keyPair.signer().sign({ data });
  if (!(await keyPair.verifier().verify({ data, signature }))) {
    throw new IssuerKeyFileError("the current key's secret key does not belong to its public key");
  }
}

/** PKCS #8 DER of an Ed25519 private key, before its 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The current key as one Node key object, made once: the library imports the key again for every signature,
 * about a tenth of a voucher's signing time. Ed25519 signatures are deterministic, so ours must equal the
 * library's byte for byte; a difference refuses to start.
 */
async function secretKeyObjectOf(keyPair: Ed25519Multikey.Ed25519MultikeyKeyPair): Promise<KeyObject> {
  const seed = keyPair.secretKey?.subarray(0, 32);
  if (seed?.length !== 32) throw new IssuerKeyFileError('the current key has no 32-byte Ed25519 seed');
  const secretKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const data = new TextEncoder().encode('issuer key object self-check');
  const expected = Buffer.from(await keyPair.signer().sign({ data }));
  if (!signBytes(null, data, secretKey).equals(expected)) {
    throw new IssuerKeyFileError('the current key signs differently through a Node key object');
  }
  return secretKey;
}

/** A fresh key file with one new current key. */
export async function generateIssuerKeyFile(now: Date): Promise<IssuerKeyFile> {
  return { keys: [await generateStoredKey(now)] };
}

export interface RotateIssuerKeyOptions {
  /**
   * Whether a key file is usable, e.g. whether the keys' QR table numbers are distinct: a new key is drawn
   * until it is. Default: any.
   */
  acceptable?: (file: IssuerKeyFile) => boolean;
}

/**
 * Rotation: a new current key, the previous one retired at `now`. Its secret key is dropped, since a
 * retired key never signs again; its public key stays so what it signed still verifies.
 */
export async function rotateIssuerKey(file: IssuerKeyFile, now: Date, options: RotateIssuerKeyOptions = {}): Promise<IssuerKeyFile> {
  const retiredAt = isoSeconds(now);
  const retired = file.keys.map((key) =>
    key.retired === undefined ? { publicKeyMultibase: key.publicKeyMultibase, created: key.created, retired: retiredAt } : key,
  );
  for (;;) {
    const rotated = { keys: [await generateStoredKey(now), ...retired] };
    if (options.acceptable?.(rotated) ?? true) return rotated;
  }
}

async function generateStoredKey(now: Date): Promise<IssuerKeyFile['keys'][number]> {
  const keyPair = await Ed25519Multikey.generate();
  return {
    publicKeyMultibase: keyPair.publicKeyMultibase,
    secretKeyMultibase: keyPair.secretKeyMultibase as string,
    created: isoSeconds(now),
  };
}

function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
