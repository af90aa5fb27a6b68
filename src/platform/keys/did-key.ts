/**
 * `did:key` identifiers and documents for Ed25519 Multikeys. A did:key document is computed from the
 * identifier itself, so resolving one never needs a network.
 */
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { driver as createDidKeyDriver } from '@digitalbazaar/did-method-key';

const didKeyDriver = createDidKeyDriver();
didKeyDriver.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from });

export function didKeyOf(publicKeyMultibase: string): string {
  return `did:key:${publicKeyMultibase}`;
}

/** The key's verification method: the did:key with the key itself as fragment. */
export function verificationMethodOf(publicKeyMultibase: string): string {
  return `${didKeyOf(publicKeyMultibase)}#${publicKeyMultibase}`;
}

/**
 * The DID document of a `did:key:z6Mk…` (or, given a URL with a fragment, its verification method), or
 * undefined when the URL is no Ed25519 did:key (other key types are not resolved).
 */
export async function resolveDidKey(url: string): Promise<Record<string, unknown> | undefined> {
  if (!/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+(#z6Mk[1-9A-HJ-NP-Za-km-z]+)?$/.test(url)) return undefined;
  try {
    return await didKeyDriver.get({ url });
  } catch {
    // A well-shaped identifier whose bytes are no Ed25519 key: unresolvable, like an unknown DID.
    return undefined;
  }
}
