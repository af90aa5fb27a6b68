/**
 * The development mailbox: with no SMTP server (or SMS gateway) configured, outside production, messages
 * are kept in `dev_mailbox` and shown at `/dev/mail`. The log says one was kept, by kind of channel only.
 */
import type { Sequelize } from 'sequelize';
import { execute, selectRows } from '../../platform/db/sql.js';
import type { Channel } from './models.js';
import type { MessageTransport } from './transports.js';

export interface DevMailboxOptions {
  sequelize: Sequelize;
  channel: Channel;
  logger: { info(object: object, message: string): void };
  now?: () => Date;
}

export function createDevMailbox({ sequelize, channel, logger, now = () => new Date() }: DevMailboxOptions): MessageTransport {
  return {
    name: `dev-mailbox-${channel}`,
    async send(message) {
      await execute(
        sequelize,
        `INSERT INTO dev_mailbox (channel, recipient_subject, recipient, subject, body, sent_at)
         VALUES (:channel, :recipientSubject, :to, :subject, :body, :now)`,
        { channel, recipientSubject: message.recipientSubject, to: message.to, subject: message.subject, body: message.text, now: now() },
      );
      logger.info({ channel, deliveryKey: message.key }, 'message kept for /dev/mail (no transport configured)');
    },
  };
}

export interface DevMail {
  id: string;
  channel: Channel;
  recipient: string;
  subject: string;
  body: string;
  sentAt: Date;
}

/** The newest messages first. */
export async function listDevMail(sequelize: Sequelize, limit = 50): Promise<DevMail[]> {
  const rows = await selectRows<{ id: string; channel: Channel; recipient: string; subject: string; body: string; sent_at: Date }>(
    sequelize,
    'SELECT id, channel, recipient, subject, body, sent_at FROM dev_mailbox ORDER BY id DESC LIMIT :limit',
    { limit },
  );
  return rows.map((row) => ({ ...row, id: String(row.id), sentAt: row.sent_at }));
}
