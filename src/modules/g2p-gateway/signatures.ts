/**
 * Message signatures: a detached JWS (RFC 7515 appendix F) with EdDSA over Ed25519, in the envelope's
 * `signature` field. The signed payload is the JSON Canonicalization Scheme (RFC 8785) form of
 * `{"header": …, "message": …}`, so key order and white space on the wire do not matter. The spec leaves the
 * signature's format open (its example is an HTTP-Signature-like string); docs/interoperability.md says why.
 */
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import canonicalize from 'canonicalize';
import { flattenedVerify, importJWK, type JWK } from 'jose';
import type { CredentialSigner, IssuerKey } from '../../platform/keys/index.js';

export interface PublicJwk extends JWK {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/** The bytes a signature covers. */
export function signedPayloadOf(header: unknown, message: unknown): Buffer {
  return Buffer.from(canonicalize({ header, message }) ?? '', 'utf8');
}

/** `<protected>..<signature>`: the payload is the envelope itself, so it is left out. */
export async function signDetached(signer: CredentialSigner, kid: string, header: unknown, message: unknown): Promise<string> {
  const protectedHeader = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid })).toString('base64url');
  const input = `${protectedHeader}.${signedPayloadOf(header, message).toString('base64url')}`;
  const signature = await signer.sign({ data: Buffer.from(input, 'ascii') });
  return `${protectedHeader}..${Buffer.from(signature).toString('base64url')}`;
}

export type SignatureCheck = { valid: true; kid: string | undefined } | { valid: false; reason: string };

/**
 * Checks a detached JWS against a partner's keys: the one its `kid` names, or each in turn when it names none.
 * Only EdDSA is accepted (no `alg` downgrade).
 */
export async function verifyDetached(jws: string, header: unknown, message: unknown, keys: readonly JWK[]): Promise<SignatureCheck> {
  const parts = jws.split('.');
  if (parts.length !== 3 || parts[1] !== '' || !parts[0] || !parts[2])
    return { valid: false, reason: 'not a detached JWS (<header>..<signature>)' };
  let protectedHeader: { alg?: unknown; kid?: unknown; crit?: unknown };
  try {
    protectedHeader = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as typeof protectedHeader;
  } catch {
    return { valid: false, reason: 'the JWS header is not JSON' };
  }
  if (protectedHeader === null || typeof protectedHeader !== 'object' || protectedHeader.alg !== 'EdDSA') {
    return { valid: false, reason: 'the JWS must be signed with EdDSA' };
  }
  const kid = typeof protectedHeader.kid === 'string' ? protectedHeader.kid : undefined;
  const candidates = kid === undefined ? keys : keys.filter((key) => key.kid === kid);
  const detached = { protected: parts[0], payload: signedPayloadOf(header, message).toString('base64url'), signature: parts[2] };
  for (const key of candidates) {
    try {
      await flattenedVerify(detached, await importJWK({ ...key, alg: 'EdDSA' }, 'EdDSA'), { algorithms: ['EdDSA'] });
      return { valid: true, kid };
    } catch {
      // Another key may match; an unusable key counts as not matching.
    }
  }
  return { valid: false, reason: candidates.length === 0 ? 'no registered key has this kid' : 'the signature does not match' };
}

/** Our keys as a JWK Set: the current key signs, retired ones still verify what they signed. */
export async function jwksOf(keys: readonly IssuerKey[]): Promise<{ keys: PublicJwk[] }> {
  return {
    keys: await Promise.all(
      keys.map(async (key) => {
        const pair = await Ed25519Multikey.from({ type: 'Multikey', publicKeyMultibase: key.publicKeyMultibase });
        return {
          kty: 'OKP' as const,
          crv: 'Ed25519' as const,
          x: Buffer.from(pair.publicKey).toString('base64url'),
          kid: key.publicKeyMultibase,
          alg: 'EdDSA' as const,
          use: 'sig' as const,
        };
      }),
    ),
  };
}
