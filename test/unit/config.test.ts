import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config.js';

function failureOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs on embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.oidc.issuer).toBeUndefined();
    expect(config.oidc.audience).toBe('iaod-api');
  });

  it('names the setting when a number is not a number', () => {
    const error = failureOf({ PORT: 'eighty' });
    expect(error.setting).toBe('PORT');
    expect(error.message).toContain('whole number');
  });

  it('names the setting when a URL has the wrong scheme', () => {
    expect(failureOf({ DATABASE_URL: 'mysql://localhost/db' }).setting).toBe('DATABASE_URL');
    expect(failureOf({ OIDC_ISSUER: 'not a url' }).setting).toBe('OIDC_ISSUER');
  });

  it('refuses production without a real session secret or identity provider', () => {
    expect(failureOf({ NODE_ENV: 'production', OIDC_ISSUER: 'https://id.example.org/realms/iaod' }).setting).toBe('SESSION_SECRET');
    expect(failureOf({ NODE_ENV: 'production', SESSION_SECRET: 'a-long-enough-random-secret' }).setting).toBe('OIDC_ISSUER');
  });

  it("reads the user directory's client, by default the demo realm's", () => {
    expect(loadConfig({}).oidc.directory).toEqual({ clientId: 'iaod-directory', clientSecret: 'iaod-directory-dev-secret' });
    const config = loadConfig({ OIDC_DIRECTORY_CLIENT_ID: 'people', OIDC_DIRECTORY_CLIENT_SECRET: 'a-real-secret' });
    expect(config.oidc.directory).toEqual({ clientId: 'people', clientSecret: 'a-real-secret' });
  });

  it.each(['production', 'development', 'test'])(
    'refuses in %s an https PUBLIC_URL with TRUST_PROXY false, naming both settings',
    (nodeEnv) => {
      const production = {
        SESSION_SECRET: 'a-long-enough-random-secret',
        AUDIT_CHECKPOINT_KEY: 'another-long-random-secret',
        REFERENCE_KEY: 'a-third-long-random-secret',
        OIDC_ISSUER: 'https://id.example.org/realms/iaod',
      };
      const error = failureOf({ NODE_ENV: nodeEnv, ...production, PUBLIC_URL: 'https://iaod.example.org' });
      expect(error.setting).toBe('TRUST_PROXY');
      expect(error.message).toContain('PUBLIC_URL');
      expect(failureOf({ NODE_ENV: nodeEnv, ...production, PUBLIC_URL: 'https://iaod.example.org', TRUST_PROXY: 'false' }).setting).toBe(
        'TRUST_PROXY',
      );
    },
  );

  it('takes an https PUBLIC_URL behind a trusted proxy, and an http one without', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://iaod.example.org', TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://iaod.internal:3000' }).trustProxy).toBe(false);
  });

  it('requires a real REFERENCE_KEY in production, and at least 16 characters anywhere', () => {
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'a-long-enough-random-secret',
      AUDIT_CHECKPOINT_KEY: 'another-long-random-secret',
    };
    expect(failureOf({ ...production, OIDC_ISSUER: 'https://id.example.org/realms/iaod' }).setting).toBe('REFERENCE_KEY');
    expect(failureOf({ REFERENCE_KEY: 'short' }).setting).toBe('REFERENCE_KEY');
  });

  it('drops a trailing slash from the issuer so it matches the token', () => {
    expect(loadConfig({ OIDC_ISSUER: 'http://127.0.0.1:8080/realms/iaod/' }).oidc.issuer).toBe('http://127.0.0.1:8080/realms/iaod');
  });

  it('refuses an unknown log level', () => {
    expect(failureOf({ LOG_LEVEL: 'loud' }).setting).toBe('LOG_LEVEL');
  });
});
