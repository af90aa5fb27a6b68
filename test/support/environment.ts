/**
 * What the global setup hands to the test files: a fresh database for this run and the issuer to
 * trust. With DATABASE_URL / OIDC_ISSUER set (npm run test:stack) they point at the real services;
 * unset, at an embedded PostgreSQL and the built-in development provider.
 */
export interface TestEnvironment {
  databaseUrl: string;
  issuer: string;
  /** 'keycloak' when OIDC_ISSUER was given, 'development' for the built-in provider. */
  identityBackend: 'keycloak' | 'development';
}

export function readTestEnvironment(): TestEnvironment {
  const databaseUrl = process.env.IAOD_TEST_DATABASE_URL;
  const issuer = process.env.IAOD_TEST_OIDC_ISSUER;
  if (!databaseUrl || !issuer) throw new Error('The Jest global setup did not run (IAOD_TEST_DATABASE_URL / IAOD_TEST_OIDC_ISSUER unset).');
  return { databaseUrl, issuer, identityBackend: process.env.OIDC_ISSUER ? 'keycloak' : 'development' };
}
