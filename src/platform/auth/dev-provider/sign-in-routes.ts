/**
 * The provider's own interaction pages: a real username/password form checked against the realm,
 * and a consent step granted without asking, as Keycloak does for clients that need no consent.
 * oidc-provider keeps the interaction in its store and identifies it by a cookie.
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { errors, type Interaction, type Provider } from 'oidc-provider';
import type { RealmDirectory } from './directory.js';
import type { PasswordCheck } from './password-check.js';
import { renderErrorPage, renderSignInPage } from './pages.js';
import type { DevProviderLogger } from '../dev-provider.js';

export interface SignInRoutesOptions {
  provider: Provider;
  directory: RealmDirectory;
  checkPassword: PasswordCheck;
  /** Path part of the issuer, e.g. `/realms/iaod`. */
  issuerPath: string;
  logger: DevProviderLogger | undefined;
}

/** Where oidc-provider sends the browser to sign in (its `interactions.url`). */
export function interactionPath(issuerPath: string, uid: string): string {
  return `${issuerPath}/interaction/${encodeURIComponent(uid)}`;
}

export function createSignInRoutes(options: SignInRoutesOptions): Router {
  const { provider, directory, issuerPath } = options;
  const router = Router();
  const realmTitle = directory.realm.displayName ?? directory.realm.name;

  function sendSignInPage(res: Response, status: number, uid: string, extra: { signInName?: string; error?: string } = {}): void {
    const html = renderSignInPage({
      realmTitle,
      action: `${interactionPath(issuerPath, uid)}/login`,
      demoUsers: directory.listSignInUsers(),
      ...extra,
    });
    res.status(status).set('Cache-Control', 'no-store').type('html').send(html);
  }

  router.get(`${issuerPath}/interaction/:uid`, async (req, res) => {
    const interaction = await loadInteraction(provider, req, res);
    if (interaction.prompt.name === 'login') {
      sendSignInPage(res, 200, interaction.uid);
      return;
    }
    const grantId = await grantRequestedAccess(provider, interaction);
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  });

  router.post(`${issuerPath}/interaction/:uid/login`, express.urlencoded({ extended: false, limit: '10kb' }), async (req, res) => {
    const interaction = await loadInteraction(provider, req, res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const signInName = typeof body.username === 'string' ? body.username : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const user = options.checkPassword(signInName, password);
    if (!user) {
      // A locked account reads the same as a wrong password, as on Keycloak's login page.
      options.logger?.info(
        { clientId: interaction.params.client_id },
        'dev provider: sign-in refused (wrong username or password, or locked)',
      );
      sendSignInPage(res, 401, interaction.uid, { signInName, error: 'The username or password is not right. Check them and try again.' });
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: user.id } }, { mergeWithLastSubmission: false });
  });

  router.use(`${issuerPath}/interaction`, (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof errors.SessionNotFound) {
      res.status(400).type('html').send(renderErrorPage('This sign-in attempt has expired or was already finished.', 'session_not_found'));
      return;
    }
    options.logger?.warn({ err: error }, 'dev provider: sign-in page failed');
    res.status(500).type('html').send(renderErrorPage('The development sign-in server hit an unexpected problem.', 'server_error'));
  });

  return router;
}

async function loadInteraction(provider: Provider, req: Request, res: Response): Promise<Interaction> {
  const interaction = await provider.interactionDetails(req, res);
  // The cookie names the interaction; a URL for another one means a stale tab.
  if (interaction.uid !== req.params.uid) throw new errors.SessionNotFound('interaction cookie does not match the page');
  return interaction;
}

/** Grants what the client asked for: the documented way to skip oidc-provider's consent prompt. */
async function grantRequestedAccess(provider: Provider, interaction: Interaction): Promise<string> {
  const { details } = interaction.prompt;
  const accountId = interaction.session?.accountId;
  const clientId = interaction.params.client_id;
  if (accountId === undefined || typeof clientId !== 'string') throw new errors.SessionNotFound('consent without a signed-in user');
  const existing = interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  const missingScopes = stringList(details.missingOIDCScope);
  if (missingScopes.length > 0) grant.addOIDCScope(missingScopes.join(' '));
  const missingClaims = stringList(details.missingOIDCClaims);
  if (missingClaims.length > 0) grant.addOIDCClaims(missingClaims);
  const missingResourceScopes = isRecord(details.missingResourceScopes) ? details.missingResourceScopes : {};
  for (const [indicator, scopes] of Object.entries(missingResourceScopes)) {
    grant.addResourceScope(indicator, stringList(scopes).join(' '));
  }
  return grant.save();
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
