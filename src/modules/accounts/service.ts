/** A user's own preferences, keyed by the identity provider's subject. */
import type { Sequelize } from 'sequelize';
import type { Actor, CommandRunner } from '../../platform/db/command.js';
import { selectOne } from '../../platform/db/sql.js';
import type { components } from '../../generated/openapi.js';
import type { PreferencesRow } from './models.js';

export type Preferences = components['schemas']['Preferences'];
export type PreferencesInput = components['schemas']['PreferencesInput'];

const DEFAULT_PREFERENCES = { language: 'en', contactChannel: 'email' } as const;

function toPreferences(row: PreferencesRow | undefined): Preferences {
  if (!row) return { ...DEFAULT_PREFERENCES, updatedAt: null };
  return { language: row.language, contactChannel: row.contact_channel, updatedAt: row.updated_at.toISOString() };
}

export interface AccountsServiceOptions {
  sequelize: Sequelize;
  commands: CommandRunner;
  now?: () => Date;
}

export function createAccountsService({ sequelize, commands, now = () => new Date() }: AccountsServiceOptions) {
  return {
    async readPreferences(subject: string): Promise<Preferences> {
      return toPreferences(
        await selectOne<PreferencesRow>(sequelize, 'SELECT * FROM user_preferences WHERE subject = :subject', { subject }),
      );
    },

    savePreferences(actor: Actor, input: PreferencesInput): Promise<Preferences> {
      return commands.run(actor, async (transaction) => {
        const row = await selectOne<PreferencesRow>(
          sequelize,
          `INSERT INTO user_preferences (subject, language, contact_channel, updated_at) VALUES (:subject, :language, :channel, :now)
           ON CONFLICT (subject) DO UPDATE SET language = EXCLUDED.language, contact_channel = EXCLUDED.contact_channel,
             updated_at = EXCLUDED.updated_at
           RETURNING *`,
          { subject: actor.subject, language: input.language, channel: input.contactChannel, now: now() },
          transaction,
        );
        return {
          result: toPreferences(row),
          events: [
            {
              type: 'preferences.saved',
              aggregateType: 'user',
              aggregateId: actor.subject,
              payload: { language: input.language, contactChannel: input.contactChannel },
            },
          ],
        };
      });
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
