/**
 * The daily digest: each officer with applications waiting at a stage they hold (in person or through a
 * group) is told how many, once a day (the day is part of the delivery key, so a rerun sends nothing twice).
 */
import type { NotificationsDeps } from './deps.js';
import { deliverNotices, type DeliverNoticesResult } from './deliver-notices.js';
import type { Notice } from './models.js';

export async function sendOfficerDigest(deps: NotificationsDeps): Promise<DeliverNoticesResult & { officers: number }> {
  const day = deps.now().toISOString().slice(0, 10);
  const waiting = new Map<string, number>();
  for (const { officer, count } of await deps.sources.countWaiting()) {
    const subjects = officer.type === 'user' ? [officer.ref] : await deps.sources.findGroupMembers(officer.ref);
    for (const subject of subjects) waiting.set(subject, (waiting.get(subject) ?? 0) + count);
  }
  const notices: Notice[] = [...waiting].map(([subject, count]) => ({
    source: `digest:${day}`,
    kind: 'officer-digest',
    recipientSubject: subject,
    recipientRole: 'officer',
    programId: undefined,
    values: { count, link: `${deps.publicUrl}/officer` },
  }));
  return { officers: notices.length, ...(await deliverNotices(deps, notices)) };
}
