/**
 * Server-side page sessions stored in PostgreSQL (table `web_sessions`), so any instance serves any user.
 * The cookie holds only the signed session id.
 */
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import type pg from 'pg';
import type { Request, RequestHandler } from 'express';
import type { Principal } from '../auth/principal.js';

declare module 'express-session' {
  interface SessionData {
    principal: Principal;
    csrfToken: string;
    signIn: { state: string; nonce: string; codeVerifier: string; returnTo: string };
  }
}

export const SESSION_COOKIE = 'iaod.sid';

export interface WebSessionOptions {
  pool: pg.Pool;
  secret: string;
  secureCookie: boolean;
  /** Idle lifetime; each request renews it. */
  idleMinutes?: number;
}

export function createWebSessions(options: WebSessionOptions): RequestHandler {
  const PgStore = connectPgSimple(session);
  const idleMs = (options.idleMinutes ?? 30) * 60_000;
  return session({
    name: SESSION_COOKIE,
    store: new PgStore({ pool: options.pool, tableName: 'web_sessions', pruneSessionInterval: 15 * 60 }),
    secret: options.secret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookie, maxAge: idleMs },
  });
}

/**
 * Stores the session now, before a redirect is answered: express-session sends the headers before it saves,
 * and a browser that follows the redirect at once would otherwise read the session as it was.
 */
export function saveSession(req: Request): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    req.session.save((err?: unknown) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()));
  });
}
