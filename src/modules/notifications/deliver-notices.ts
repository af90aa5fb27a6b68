/**
 * Sends notices, each once per recipient and channel. A delivery row is made first under a unique key
 * (`<source>:<kind>:<subject>:<channel>`), claimed for a minute while it is sent, and marked SENT, FAILED (the
 * address was refused: tried no more) or SKIPPED (no address, no transport). A transient failure leaves it
 * PENDING and the call throws, so the caller (the outbox relay, the digest job) tries again later with
 * back-off; rows already SENT are not sent again.
 */
import { execute, selectOne } from '../../platform/db/sql.js';
import type { NotificationsDeps } from './deps.js';
import type { Channel, Notice, Recipient } from './models.js';
import { chosenChannels, readNotificationPreferences } from './preferences.js';
import { messageLanguageOf, renderNotice, type ProgramTemplate } from './render-notice.js';
import { DeliveryError } from './transports.js';

/** How long one sender holds a delivery before another may take it (a crashed sender's claim runs out). */
const CLAIM_SECONDS = 60;

export class TransientDeliveryFailure extends Error {
  constructor(readonly codes: string[]) {
    super(`notifications not delivered yet: ${codes.join(', ')}`);
    this.name = 'TransientDeliveryFailure';
  }
}

export interface DeliverNoticesResult {
  sent: number;
  skipped: number;
  failed: number;
}

export async function deliverNotices(deps: NotificationsDeps, notices: readonly Notice[]): Promise<DeliverNoticesResult> {
  const result = { sent: 0, skipped: 0, failed: 0 };
  const transient: string[] = [];
  for (const notice of notices) {
    const channels = chosenChannels(await readNotificationPreferences(deps.sequelize, notice.recipientSubject));
    if (channels.length === 0) continue;
    const recipient = await findRecipient(deps, notice);
    const language = await deps.sources.findLanguage(notice.recipientSubject);
    for (const channel of channels) {
      const outcome = await deliverOne(deps, notice, recipient, language, channel);
      if (outcome === 'sent') result.sent += 1;
      else if (outcome === 'skipped') result.skipped += 1;
      else if (outcome === 'failed') result.failed += 1;
      else if (outcome !== 'done') transient.push(outcome.retry);
    }
  }
  if (transient.length > 0) throw new TransientDeliveryFailure(transient);
  return result;
}

type Outcome = 'sent' | 'skipped' | 'failed' | 'done' | { retry: string };

async function deliverOne(
  deps: NotificationsDeps,
  notice: Notice,
  recipient: Recipient,
  language: string | undefined,
  channel: Channel,
): Promise<Outcome> {
  const key = `${notice.source}:${notice.kind}:${notice.recipientSubject}:${channel}`;
  const now = deps.now();
  await execute(
    deps.sequelize,
    `INSERT INTO notification_deliveries
       (delivery_key, kind, recipient_subject, recipient_role, channel, program_id, created_at, updated_at)
     VALUES (:key, :kind, :subject, :role, :channel, :programId, :now, :now) ON CONFLICT (delivery_key) DO NOTHING`,
    {
      key,
      kind: notice.kind,
      subject: notice.recipientSubject,
      role: notice.recipientRole,
      channel,
      programId: notice.programId ?? null,
      now,
    },
  );
  const claimed = await selectOne<{ id: string }>(
    deps.sequelize,
    `UPDATE notification_deliveries SET claimed_until = CAST(:now AS timestamptz) + make_interval(secs => :seconds), updated_at = :now
     WHERE delivery_key = :key AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < :now) RETURNING id`,
    { key, now, seconds: CLAIM_SECONDS },
  );
  if (!claimed) return 'done';
  const address = channel === 'email' ? recipient.email : recipient.phone;
  const transport = deps.transports[channel];
  if (!address || !transport) {
    await finish(deps, key, 'SKIPPED', address ? 'no-transport' : 'no-address', false);
    return 'skipped';
  }
  const rendered = renderNotice({
    messages: deps.messages,
    notice: { kind: notice.kind, values: { ...notice.values, name: recipient.name } },
    language: language ?? 'en',
    template: notice.programId ? await findProgramTemplate(deps, notice.programId, notice.kind, language) : undefined,
  });
  try {
    await transport.send({
      to: address,
      recipientSubject: recipient.subject,
      subject: rendered.subject,
      text: channel === 'email' ? rendered.text : rendered.short,
      key,
    });
  } catch (error) {
    const failure = error instanceof DeliveryError ? error : new DeliveryError('unexpected', true, { cause: error });
    deps.logger.warn({ deliveryKey: key, channel, code: failure.code, transient: failure.transient }, 'notification not delivered');
    if (!failure.transient) {
      await finish(deps, key, 'FAILED', failure.code, true);
      return 'failed';
    }
    await finish(deps, key, 'PENDING', failure.code, true);
    return { retry: failure.code };
  }
  await finish(deps, key, 'SENT', null, true);
  return 'sent';
}

async function finish(deps: NotificationsDeps, key: string, status: string, error: string | null, attempted: boolean): Promise<void> {
  const now = deps.now();
  await execute(
    deps.sequelize,
    `UPDATE notification_deliveries SET status = CAST(:status AS varchar), last_error = CAST(:error AS varchar),
       attempts = attempts + CAST(:attempted AS integer), claimed_until = NULL, updated_at = CAST(:now AS timestamptz),
       sent_at = CASE WHEN CAST(:status AS varchar) = 'SENT' THEN CAST(:now AS timestamptz) ELSE sent_at END
     WHERE delivery_key = :key`,
    { key, status, error, attempted: attempted ? 1 : 0, now },
  );
}

/** The recipient's own first name and address: an applicant from the registry (or the application), staff from the directory. */
async function findRecipient(deps: NotificationsDeps, notice: Notice): Promise<Recipient> {
  const subject = notice.recipientSubject;
  if (notice.applicant) {
    const registered = notice.applicant.registrantId ? await deps.sources.findRegistrantContact(notice.applicant.registrantId) : undefined;
    const email = registered?.email ?? notice.applicant.email;
    const phone = registered?.phone ?? notice.applicant.phone;
    const name = registered?.givenName ?? notice.applicant.givenName;
    // No email in the registry or the application: the one the person signs in with.
    const staff = email ? undefined : await deps.sources.findStaff(subject);
    return { subject, name: name ?? staff?.displayName ?? '', email: email ?? staff?.email, phone };
  }
  const staff = await deps.sources.findStaff(subject);
  return { subject, name: staff?.displayName ?? '', email: staff?.email, phone: staff?.phone };
}

async function findProgramTemplate(
  deps: NotificationsDeps,
  programId: string,
  kind: string,
  language: string | undefined,
): Promise<ProgramTemplate | undefined> {
  // In the person's language only: a program's English wording is no better for them than the catalog's own.
  return selectOne<ProgramTemplate>(
    deps.sequelize,
    'SELECT subject, body FROM notification_templates WHERE program_id = :programId AND kind = :kind AND language = :language',
    { programId, kind, language: messageLanguageOf(language) },
  );
}
