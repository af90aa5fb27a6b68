import { describe, expect, it } from '@jest/globals';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTVerifyGetKey } from 'jose';
import { createAccessTokenVerifier } from '../../src/platform/auth/access-token.js';
import { AppError } from '../../src/platform/http/errors.js';

const ISSUER = 'http://issuer.test/realms/iaod';

async function setup() {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
  const keys = createLocalJWKSet({ keys: [jwk] });
  const issue = (claims: Record<string, unknown>, expiresAt: number) =>
    new SignJWT({ preferred_username: 'amina', realm_access: { roles: ['applicant', 'offline_access'] }, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setSubject('subject-1')
      .setAudience('iaod-api')
      .setIssuedAt(Math.floor(expiresAt / 1000) - 300)
      .setExpirationTime(Math.floor(expiresAt / 1000))
      .sign(privateKey);
  return { keys, issue };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
  return 'no error';
}

describe('access token verifier', () => {
  it('keeps only the product roles of a token', async () => {
    const { keys, issue } = await setup();
    const verifier = createAccessTokenVerifier({ issuer: ISSUER, audience: 'iaod-api', webClientId: 'iaod-web', keys });
    const principal = await verifier.verify(await issue({}, Date.now() + 60_000));
    expect(principal.roles).toEqual(['applicant']);
  });

  it('refuses a remembered token once it has expired', async () => {
    const { keys, issue } = await setup();
    let clock = Date.now();
    const verifier = createAccessTokenVerifier({
      issuer: ISSUER,
      audience: 'iaod-api',
      webClientId: 'iaod-web',
      keys,
      currentDate: () => new Date(clock),
    });
    const token = await issue({}, clock + 60_000);
    await verifier.verify(token);
    await verifier.verify(token);
    clock += 120_000;
    expect(await codeOf(verifier.verify(token))).toBe('ERR_AUTH_TOKEN_EXPIRED');
  });

  it('never answers a tampered token from what it remembers', async () => {
    const { keys, issue } = await setup();
    const verifier = createAccessTokenVerifier({ issuer: ISSUER, audience: 'iaod-api', webClientId: 'iaod-web', keys });
    const token = await issue({}, Date.now() + 60_000);
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const escalated = Buffer.from(JSON.stringify({ ...claims, realm_access: { roles: ['program-manager'] } })).toString('base64url');
    expect(await codeOf(verifier.verify(`${header}.${escalated}.${signature}`))).toBe('ERR_AUTH_TOKEN_INVALID');
  });

  it('forgets the oldest tokens beyond its size', async () => {
    const { keys, issue } = await setup();
    let checks = 0;
    const counting: JWTVerifyGetKey = async (header, token) => {
      checks += 1;
      return keys(header, token);
    };
    const verifier = createAccessTokenVerifier({
      issuer: ISSUER,
      audience: 'iaod-api',
      webClientId: 'iaod-web',
      keys: counting,
      cacheSize: 2,
    });
    const tokens = await Promise.all([1, 2, 3].map((n) => issue({ n }, Date.now() + 60_000)));
    for (const token of tokens) await verifier.verify(token);
    expect(checks).toBe(3);
    await verifier.verify(tokens[2] ?? '');
    expect(checks).toBe(3);
    await verifier.verify(tokens[0] ?? '');
    expect(checks).toBe(4);
  });
});
