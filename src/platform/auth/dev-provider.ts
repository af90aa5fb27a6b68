/**
 * Built-in development OpenID provider, started when no `OIDC_ISSUER` is configured, so a fresh
 * clone signs in without Keycloak. It serves the users, roles and clients of the Keycloak realm
 * export and issues tokens of the same shape, at Keycloak's URL layout (`/realms/<realm>`).
 *
 * oidc-provider is loaded only when this starts: importing this module costs nothing in
 * deployments that use a real provider.
 */
import type { Realm } from './realm.js';
import type { SignInLockoutSettings } from './dev-provider/sign-in-lockout.js';

export type { SignInLockoutSettings };

export interface DevProviderLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface StartDevProviderOptions {
  realm: Realm;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Host to bind, default 127.0.0.1. The issuer uses `localhost` unless publicHost is given. */
  host?: string;
  publicHost?: string;
  /** Folder where the signing key is kept (generated on first start as dev-oidc-jwks.json, reused after). */
  keysDir: string;
  /**
   * Extra redirect URIs (and post-logout redirect URIs) allowed for the clients with the standard
   * flow, i.e. the web client; exact, or a prefix when ending in `*`. Any plain-http loopback URI
   * (localhost, 127.0.0.1, [::1], any port) is allowed anyway: this is a dev provider.
   */
  extraRedirectUris?: string[];
  /**
   * Temporary lockout after wrong passwords, like Keycloak's brute-force detection (the `DEV_OIDC_LOCKOUT_*`
   * settings; their defaults are the numbers of keycloak/realm.json).
   */
  lockout: SignInLockoutSettings;
  logger?: DevProviderLogger;
}

export interface DevProvider {
  /** `http://<publicHost|localhost>:<port>/realms/<realm>`; discovery is at `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  /** Stops listening and drops open connections; sessions (kept in memory) are lost. */
  close(): Promise<void>;
}

export async function startDevProvider(options: StartDevProviderOptions): Promise<DevProvider> {
  const { startDevProviderServer } = await import('./dev-provider/server.js');
  return startDevProviderServer(options);
}
