/**
 * The part of Keycloak's admin REST API the service's user directory calls (see user-directory.ts),
 * answered from the realm export: find users, read one, read their effective realm roles. The caller
 * needs a token of this realm whose user holds the `realm-management` client roles Keycloak asks for
 * the same calls, so a directory client set up wrongly fails here as it would against Keycloak.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Realm, RealmUser } from '../realm.js';
import type { RealmDirectory } from './directory.js';
import type { AccessTokenCheck } from './token-check.js';

export interface AdminRoutesOptions {
  realm: Realm;
  directory: RealmDirectory;
  checkToken: AccessTokenCheck;
}

/** The `realm-management` roles that allow each kind of call; the broader roles include the narrower. */
const ALLOWED_ROLES = {
  query: ['query-users', 'view-users', 'manage-users', 'realm-admin'],
  view: ['view-users', 'manage-users', 'realm-admin'],
} as const;

/** Keycloak's default page size for user searches. */
const DEFAULT_MAX = 100;

export function createAdminRoutes({ realm, directory, checkToken }: AdminRoutesOptions): Router {
  const router = Router();
  const base = `/admin/realms/${encodeURIComponent(realm.name)}`;

  function requireRealmManagement(kind: keyof typeof ALLOWED_ROLES): RequestHandler {
    return (req, res, next) => {
      checkToken(req).then((checked) => {
        if (checked === 'missing' || checked === 'invalid') {
          res.status(401).json({ error: 'HTTP 401 Unauthorized' });
          return;
        }
        const granted = checked.user.clientRoles['realm-management'] ?? [];
        if (!ALLOWED_ROLES[kind].some((role) => granted.includes(role))) {
          res.status(403).json({ error: 'HTTP 403 Forbidden' });
          return;
        }
        next();
      }, next);
    };
  }

  function foundUser(req: Request, res: Response): RealmUser | undefined {
    const user = directory.findUserById(String(req.params.id));
    if (!user) res.status(404).json({ error: 'User not found' });
    return user;
  }

  router.get(`${base}/users`, requireRealmManagement('query'), (req, res) => {
    const first = wholeNumber(req.query.first) ?? 0;
    const max = wholeNumber(req.query.max) ?? DEFAULT_MAX;
    const matches = realm.users.filter((user) => matchesSearch(user, req.query));
    res.json(matches.slice(first, first + max).map(toUserRepresentation));
  });

  router.get(`${base}/users/:id`, requireRealmManagement('view'), (req, res) => {
    const user = foundUser(req, res);
    if (user) res.json(toUserRepresentation(user));
  });

  router.get(`${base}/users/:id/role-mappings/realm/composite`, requireRealmManagement('view'), (req, res) => {
    const user = foundUser(req, res);
    if (user) res.json(user.realmRoles.map((name) => ({ name, composite: false, clientRole: false, containerId: realm.name })));
  });

  return router;
}

/** `username` and `search` as Keycloak reads them: a part of the value, or all of it with `exact=true`. */
function matchesSearch(user: RealmUser, query: Request['query']): boolean {
  const exact = query.exact === 'true';
  const matches = (value: string | undefined, wanted: string) => {
    const have = (value ?? '').toLowerCase();
    return exact ? have === wanted : have.includes(wanted);
  };
  if (typeof query.username === 'string' && !matches(user.username, query.username.trim().toLowerCase())) return false;
  if (typeof query.search === 'string') {
    const wanted = query.search.trim().toLowerCase();
    if (![user.username, user.email, user.firstName, user.lastName].some((value) => matches(value, wanted))) return false;
  }
  return true;
}

function wholeNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
  return number !== undefined && Number.isSafeInteger(number) ? number : undefined;
}

/** Keycloak's brief user representation: no attributes, credentials or role mappings. */
function toUserRepresentation(user: RealmUser): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries({
      id: user.id,
      username: user.username,
      firstName: user.firstName,
      lastName: user.lastName,
      email: user.email,
      emailVerified: user.emailVerified,
      enabled: user.enabled,
    }).filter(([, value]) => value !== undefined),
  );
}
