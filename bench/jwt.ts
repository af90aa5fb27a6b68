/**
 * What checking a bearer token costs a request: the service's own verifier (signature, issuer,
 * audience, expiry; JWKS cached after the first call) on a real token from the development provider.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../src/config.js';
import { createAccessTokenVerifier } from '../src/platform/auth/access-token.js';
import { startDevProvider } from '../src/platform/auth/dev-provider.js';
import { loadRealm } from '../src/platform/auth/realm.js';

export interface JwtResult {
  /** `signature`: every call checks the RS256 signature; `remembered`: the verifier's cache answers. */
  mode: 'signature' | 'remembered';
  iterations: number;
  p50Us: number;
  p95Us: number;
  p99Us: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export async function benchJwtVerification(iterations = 20_000): Promise<JwtResult[]> {
  const provider = await startDevProvider({
    realm: await loadRealm(path.join(PROJECT_ROOT, 'keycloak', 'realm.json')),
    port: 0,
    keysDir: await mkdtemp(path.join(os.tmpdir(), 'iaod-bench-keys-')),
    lockout: loadConfig({}).oidc.devProviderLockout,
  });
  try {
    const discovery = (await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json()) as { token_endpoint: string };
    const response = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'iaod-tests', username: 'amina', password: 'demo' }),
    });
    const { access_token: token } = (await response.json()) as { access_token: string };
    const results: JwtResult[] = [];
    for (const mode of ['signature', 'remembered'] as const) {
      const verifier = createAccessTokenVerifier({
        issuer: provider.issuer,
        audience: 'iaod-api',
        webClientId: 'iaod-web',
        cacheSize: mode === 'signature' ? 0 : 10_000,
      });
      for (let i = 0; i < 500; i++) await verifier.verify(token);
      const samples: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const started = process.hrtime.bigint();
        await verifier.verify(token);
        samples.push(Number(process.hrtime.bigint() - started) / 1000);
      }
      samples.sort((a, b) => a - b);
      results.push({ mode, iterations, p50Us: percentile(samples, 50), p95Us: percentile(samples, 95), p99Us: percentile(samples, 99) });
    }
    return results;
  } finally {
    await provider.close();
  }
}
