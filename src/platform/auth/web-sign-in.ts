/**
 * Page sign-in with the OpenID provider: authorization code + PKCE, then a server-side session.
 * The access token is verified like an API token, so pages and API agree on who has which role.
 */
import * as oidc from 'openid-client';
import { Router } from 'express';
import { ServiceUnavailableError, InputError } from '../http/errors.js';
import type { AccessTokenVerifier } from './access-token.js';
import type { Principal } from './principal.js';
import { verifyCsrfToken } from '../web/csrf.js';
import { SESSION_COOKIE } from '../web/session.js';

export interface WebSignInOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  publicUrl: string;
  verifier: AccessTokenVerifier;
  /** Records a sign-in or sign-out in the audit trail (who, when). */
  recordSession(actor: Pick<Principal, 'subject' | 'username'>, type: 'session.signed-in' | 'session.signed-out'): Promise<void>;
}

const SCOPES = 'openid profile email';

/** Stores the session now, so the browser cannot come back from the provider before it is saved. */
function saveSession(session: { save(callback: (err?: unknown) => void): unknown }): Promise<void> {
  return new Promise((resolve, reject) => {
    session.save((err?: unknown) => (err ? reject(err) : resolve()));
  });
}

/** Only same-site paths may be returned to after sign-in (no open redirects). */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

function lazyClientConfiguration(options: WebSignInOptions): () => Promise<oidc.Configuration> {
  let configuration: Promise<oidc.Configuration> | undefined;
  return () => {
    configuration ??= oidc
      .discovery(new URL(options.issuer), options.clientId, options.clientSecret, undefined, {
        execute: new URL(options.issuer).protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
        timeout: 5,
      })
      .catch((cause: unknown) => {
        configuration = undefined;
        throw new ServiceUnavailableError('The sign-in service cannot be reached. Try again in a moment.', cause);
      });
    return configuration;
  };
}

export function createSignInRoutes(options: WebSignInOptions): Router {
  const router = Router();
  const configuration = lazyClientConfiguration(options);
  const redirectUri = `${options.publicUrl}/auth/callback`;

  router.get('/auth/login', async (req, res) => {
    const config = await configuration();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const signIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier,
      returnTo: safeReturnPath(req.query.returnTo),
    };
    req.session.signIn = signIn;
    await saveSession(req.session);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: SCOPES,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: signIn.state,
      nonce: signIn.nonce,
    });
    res.redirect(url.href);
  });

  router.get('/auth/callback', async (req, res) => {
    const pending = req.session.signIn;
    if (!pending) throw new InputError('This sign-in link has expired. Start again from the sign-in button.', [], 'ERR_SIGN_IN_INCOMPLETE');
    const config = await configuration();
    const currentUrl = new URL(req.originalUrl, options.publicUrl);
    let tokens: oidc.TokenEndpointResponse;
    try {
      tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
      });
    } catch (cause) {
      req.log.warn({ err: cause }, 'sign-in callback refused');
      throw new InputError('Sign-in did not complete. Please sign in again.', [], 'ERR_SIGN_IN_INCOMPLETE');
    }
    const principal = await options.verifier.verify(tokens.access_token);
    // A new session id after sign-in, so an id planted before it is worthless.
    await new Promise<void>((resolve, reject) => req.session.regenerate((err: unknown) => (err ? reject(err) : resolve())));
    req.session.principal = principal;
    await saveSession(req.session);
    await options.recordSession(principal, 'session.signed-in');
    res.redirect(pending.returnTo);
  });

  router.post('/auth/logout', verifyCsrfToken, async (req, res) => {
    const principal = req.session.principal;
    await new Promise<void>((resolve, reject) => req.session.destroy((err: unknown) => (err ? reject(err) : resolve())));
    // The browser forgets the cookie too, rather than keep an id that no longer opens anything.
    res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: options.publicUrl.startsWith('https:') });
    if (principal) await options.recordSession(principal, 'session.signed-out');
    let target = `${options.publicUrl}/`;
    try {
      const config = await configuration();
      if (config.serverMetadata().end_session_endpoint) {
        // No id_token_hint: the ID token carries personal claims (name, national ID), and a URL ends up in
        // browser history and proxy logs. The client id with a registered post-logout URI is enough.
        target = oidc.buildEndSessionUrl(config, { client_id: options.clientId, post_logout_redirect_uri: `${options.publicUrl}/` }).href;
      }
    } catch (error) {
      // Our session is gone either way; the provider's session ends when it next answers.
      req.log.warn({ err: error }, 'provider sign-out unavailable');
    }
    res.redirect(target);
  });

  return router;
}
