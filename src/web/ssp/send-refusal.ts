/**
 * A refused send is shown on the review page the browser is sent to next (POST-redirect-GET): the
 * address stays the review's, and reloading it shows the review again instead of sending again. The
 * messages wait in the server-side session for that one page of that draft.
 */
import type { Request } from 'express';
import type {} from 'express-session';
import type { Problem } from './page-models.js';
import { saveSession } from '../../platform/web/session.js';

declare module 'express-session' {
  interface SessionData {
    /** Why the last send of a draft was refused, until its review page shows it. */
    sendRefusal: { draftId: string; problems: Problem[] };
  }
}

/**
 * Keeps the refusal and stores the session before the redirect is sent: express-session would otherwise
 * send the redirect's headers while still saving, and the browser could ask for the review before it is saved.
 */
export async function keepSendRefusal(req: Request, draftId: string, problems: Problem[]): Promise<void> {
  req.session.sendRefusal = { draftId, problems };
  await saveSession(req);
}

/** The refusal of this draft's last send, once: it is forgotten as it is taken. */
export function takeSendRefusal(req: Request, draftId: string): Problem[] | undefined {
  const refusal = req.session.sendRefusal;
  if (!refusal || refusal.draftId !== draftId) return undefined;
  delete req.session.sendRefusal;
  return refusal.problems;
}
