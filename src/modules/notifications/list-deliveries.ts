/**
 * The delivery state of notifications, for program managers: what kind, to whom by role, on which channel,
 * and how it went. Never the text, the address or the person.
 */
import type { Sequelize } from 'sequelize';
import type { Principal } from '../../platform/auth/principal.js';
import { requireActorRole } from '../../platform/auth/require-role.js';
import { selectRows } from '../../platform/db/sql.js';
import type { Channel, DeliveryStatus, NoticeKind, RecipientRole } from './models.js';

export interface NotificationDelivery {
  id: string;
  kind: NoticeKind;
  recipientRole: RecipientRole;
  channel: Channel;
  programId: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface ListDeliveriesOptions {
  programId?: string;
  status?: DeliveryStatus;
  limit?: number;
}

export async function listNotificationDeliveries(
  sequelize: Sequelize,
  actor: Principal,
  options: ListDeliveriesOptions = {},
): Promise<NotificationDelivery[]> {
  requireActorRole(actor, ['program-manager']);
  const rows = await selectRows<{
    id: string;
    kind: NoticeKind;
    recipient_role: RecipientRole;
    channel: Channel;
    program_id: string | null;
    status: DeliveryStatus;
    attempts: number;
    last_error: string | null;
    created_at: Date;
    sent_at: Date | null;
  }>(
    sequelize,
    `SELECT id, kind, recipient_role, channel, program_id, status, attempts, last_error, created_at, sent_at
     FROM notification_deliveries
     WHERE (CAST(:programId AS uuid) IS NULL OR program_id = CAST(:programId AS uuid))
       AND (CAST(:status AS varchar) IS NULL OR status = :status)
     ORDER BY id DESC LIMIT :limit`,
    { programId: options.programId ?? null, status: options.status ?? null, limit: options.limit ?? 100 },
  );
  return rows.map((row) => ({
    id: String(row.id),
    kind: row.kind,
    recipientRole: row.recipient_role,
    channel: row.channel,
    programId: row.program_id,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
  }));
}
