/**
 * What the notifications read, wired by the composition root from each module's index.ts (the notifications
 * module reads no other module's tables), and the notifications service built the same way for the app, the
 * outbox consumer and the digest job.
 */
import type { Logger } from 'pino';
import type { Sequelize } from 'sequelize';
import type { Config } from './config.js';
import type { UserDirectory } from './platform/auth/user-directory.js';
import type { CommandRunner } from './platform/db/command.js';
import type { Messages } from './platform/i18n/catalogs.js';
import { createAccountsService } from './modules/accounts/index.js';
import { findApplicationFacts } from './modules/applications/index.js';
import { countWaitingByOfficer, findDecisionReason } from './modules/approvals/index.js';
import { findClaimFacts } from './modules/claims/index.js';
import { createNotificationsService, type NoticeSources, type NotificationsService } from './modules/notifications/index.js';
import { findOfficerGroupMembers, programExists } from './modules/programs/index.js';
import { findContactDetails } from './modules/registry/index.js';

export interface NotificationWiring {
  config: Config;
  logger: Logger;
  sequelize: Sequelize;
  commands: CommandRunner;
  directory: UserDirectory;
  messages: Messages;
  now?: () => Date;
}

export function createNoticeSources({
  sequelize,
  commands,
  directory,
}: Pick<NotificationWiring, 'sequelize' | 'commands' | 'directory'>): NoticeSources {
  const accounts = createAccountsService({ sequelize, commands });
  return {
    findApplication: (id) => findApplicationFacts(sequelize, id),
    findRegistrantContact: (id) => findContactDetails(sequelize, id),
    findDecisionReason: (id, position) => findDecisionReason(sequelize, id, position),
    findGroupMembers: (code) => findOfficerGroupMembers(sequelize, code),
    findClaim: (id) => findClaimFacts(sequelize, id),
    findStaff: (subject) => directory.findUser(subject),
    async findLanguage(subject) {
      const saved = await accounts.readPreferences(subject);
      return saved.updatedAt === null ? undefined : saved.language;
    },
    countWaiting: () => countWaitingByOfficer(sequelize),
  };
}

export function buildNotifications(wiring: NotificationWiring): NotificationsService {
  const { config, sequelize } = wiring;
  return createNotificationsService({
    sequelize,
    commands: wiring.commands,
    config: config.notifications,
    publicUrl: config.publicUrl,
    messages: wiring.messages,
    sources: createNoticeSources(wiring),
    programExists: (id) => programExists(sequelize, id),
    logger: wiring.logger,
    now: wiring.now,
  });
}
