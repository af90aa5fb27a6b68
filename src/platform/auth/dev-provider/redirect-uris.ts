/**
 * Redirect URI matching with Keycloak's semantics, which oidc-provider (exact match only) lacks:
 * a pattern ending in `*` allows any URI starting with the rest. Being a development provider, it
 * also allows any plain-http loopback URI, because tests run the app on random ports.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackHttpUri(uri: string): boolean {
  const parsed = URL.parse(uri);
  return parsed !== null && parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname) && parsed.hash === '';
}

export function matchesRedirectPattern(uri: string, pattern: string): boolean {
  if (!pattern.endsWith('*')) return uri === pattern;
  const prefix = pattern.slice(0, -1);
  // `http://host/*` also allows `http://host`, as Keycloak does.
  return uri.startsWith(prefix) || (prefix.endsWith('/') && uri === prefix.slice(0, -1));
}

export function isRedirectUriAllowed(uri: string, patterns: readonly string[]): boolean {
  if (URL.parse(uri) === null) return false;
  return isLoopbackHttpUri(uri) || patterns.some((pattern) => matchesRedirectPattern(uri, pattern));
}
