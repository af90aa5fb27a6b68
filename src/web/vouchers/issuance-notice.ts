/**
 * What the issuance page says once after a plain form post issued vouchers (POST-redirect-GET): each
 * application with its result. Kept in the server-side session (ids, references and codes only).
 */
import type { Request } from 'express';
import type {} from 'express-session';
import { saveSession } from '../../platform/web/session.js';

export interface IssuanceItemResult {
  applicationId: string;
  reference: string;
  voucherId?: string;
  /** The refusal's error code; absent when issued. */
  refusedWith?: string;
}

declare module 'express-session' {
  interface SessionData {
    /** Said once by the issuance page, after vouchers were issued. */
    issuanceNotice: IssuanceItemResult[];
  }
}

export async function keepIssuanceNotice(req: Request, results: IssuanceItemResult[]): Promise<void> {
  req.session.issuanceNotice = results;
  await saveSession(req);
}

export function takeIssuanceNotice(req: Request): IssuanceItemResult[] | undefined {
  const notice = req.session.issuanceNotice;
  delete req.session.issuanceNotice;
  return notice;
}
