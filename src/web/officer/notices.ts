/**
 * What the queue page says once after a decision sent the officer back to it (POST-redirect-GET): which
 * application was decided and how, or each item of a bulk approval with its result. Kept in the
 * server-side session (ids, references and codes only) until the queue page shows it.
 */
import type { Request } from 'express';
import type {} from 'express-session';
import { saveSession } from '../../platform/web/session.js';

export interface BulkItemResult {
  reference: string;
  /** Absent when the item was approved; the refusal's error code otherwise. */
  refusedWith?: string;
}

export type QueueNotice =
  { kind: 'decided'; reference: string; decision: 'approve' | 'reject' } | { kind: 'bulk'; results: BulkItemResult[] };

declare module 'express-session' {
  interface SessionData {
    /** Said once by the officer's queue page, after a decision. */
    officerNotice: QueueNotice;
  }
}

/** Stores the notice before the redirect is answered, so the queue page the browser asks for next finds it. */
export async function keepQueueNotice(req: Request, notice: QueueNotice): Promise<void> {
  req.session.officerNotice = notice;
  await saveSession(req);
}

/** The notice, once: it is forgotten as it is taken. */
export function takeQueueNotice(req: Request): QueueNotice | undefined {
  const notice = req.session.officerNotice;
  delete req.session.officerNotice;
  return notice;
}
