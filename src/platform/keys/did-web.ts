/**
 * The issuer as `did:web`, for verifiers that prefer a DID tied to the program's host name: a document at
 * `/.well-known/did.json` listing every key (current and retired, so what a retired key signed still
 * resolves), each also known by its `did:key`. Served only when the public URL is an https origin: a
 * did:web must be resolvable at that host.
 */
import type { IssuerKey } from './issuer-key-set.js';

export interface DidWebDocument {
  '@context': string[];
  id: string;
  alsoKnownAs: string[];
  verificationMethod: Array<{ id: string; type: 'Multikey'; controller: string; publicKeyMultibase: string }>;
  assertionMethod: string[];
}

/** `did:web:<host>` (a port as `%3A<port>`), or undefined when the public URL is not an https origin. */
export function didWebOf(publicUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || (url.pathname !== '/' && url.pathname !== '')) return undefined;
  return `did:web:${url.hostname}${url.port ? `%3A${url.port}` : ''}`;
}

export function didWebDocumentOf(did: string, keys: readonly IssuerKey[]): DidWebDocument {
  const methods = keys.map((key) => ({
    id: `${did}#${key.publicKeyMultibase}`,
    type: 'Multikey' as const,
    controller: did,
    publicKeyMultibase: key.publicKeyMultibase,
  }));
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    alsoKnownAs: keys.map((key) => key.did),
    verificationMethod: methods,
    assertionMethod: methods.map((method) => method.id),
  };
}
