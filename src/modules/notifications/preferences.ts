/** Each person's channels for notifications, by subject. Until they choose: email on, SMS off. */
import type { Sequelize } from 'sequelize';
import type { Actor, CommandRunner } from '../../platform/db/command.js';
import { execute, selectOne, type Transaction } from '../../platform/db/sql.js';
import type { Channel } from './models.js';

export interface NotificationPreferences {
  email: boolean;
  sms: boolean;
  /** Null while they are the defaults. */
  updatedAt: string | null;
}

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = { email: true, sms: false, updatedAt: null };

interface PreferencesRow {
  email: boolean;
  sms: boolean;
  updated_at: Date;
}

export async function readNotificationPreferences(sequelize: Sequelize, subject: string): Promise<NotificationPreferences> {
  const row = await selectOne<PreferencesRow>(
    sequelize,
    'SELECT email, sms, updated_at FROM notification_preferences WHERE subject = :subject',
    {
      subject,
    },
  );
  return row ? { email: row.email, sms: row.sms, updatedAt: row.updated_at.toISOString() } : DEFAULT_NOTIFICATION_PREFERENCES;
}

export function chosenChannels(preferences: NotificationPreferences): Channel[] {
  return (['email', 'sms'] as const).filter((channel) => preferences[channel]);
}

export interface SaveNotificationPreferencesDeps {
  sequelize: Sequelize;
  commands: CommandRunner;
  now: () => Date;
}

/** One's own channels: saved through the command path (audited; the event says which channels, nothing more). */
export function saveNotificationPreferences(
  deps: SaveNotificationPreferencesDeps,
  actor: Actor,
  input: { email: boolean; sms: boolean },
): Promise<NotificationPreferences> {
  return deps.commands.run(actor, async (transaction) => {
    const row = await selectOne<PreferencesRow>(
      deps.sequelize,
      `INSERT INTO notification_preferences (subject, email, sms, updated_at) VALUES (:subject, :email, :sms, :now)
       ON CONFLICT (subject) DO UPDATE SET email = EXCLUDED.email, sms = EXCLUDED.sms, updated_at = EXCLUDED.updated_at
       RETURNING email, sms, updated_at`,
      { subject: actor.subject, email: input.email, sms: input.sms, now: deps.now() },
      transaction,
    );
    if (!row) throw new TypeError('the preferences were not saved');
    return {
      result: { email: row.email, sms: row.sms, updatedAt: row.updated_at.toISOString() },
      events: [
        {
          type: 'notification-preferences.saved',
          aggregateType: 'user',
          aggregateId: actor.subject,
          payload: { email: input.email, sms: input.sms },
        },
      ],
    };
  });
}

/** Erasure: the person's channels go with the rest of their data, and so do their messages in the development mailbox. */
export async function eraseNotificationPreferences(sequelize: Sequelize, transaction: Transaction, subject: string): Promise<void> {
  await execute(sequelize, 'DELETE FROM notification_preferences WHERE subject = :subject', { subject }, transaction);
  await execute(sequelize, 'DELETE FROM dev_mailbox WHERE recipient_subject = :subject', { subject }, transaction);
}
