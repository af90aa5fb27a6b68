/**
 * The notifications module's parts, built once from the configuration: the transports (SMTP or the
 * development mailbox for email; an HTTP gateway or the development mailbox for SMS), the consumer, the
 * digest, and the operations the API and the pages call.
 */
import type { Sequelize } from 'sequelize';
import type { NotificationsConfig } from '../../config.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandRunner } from '../../platform/db/command.js';
import type { Messages } from '../../platform/i18n/catalogs.js';
import type { NoticeSources, NotificationsDeps } from './deps.js';
import { createDevMailbox, listDevMail } from './dev-mailbox.js';
import { listNotificationDeliveries, type ListDeliveriesOptions } from './list-deliveries.js';
import type { Channel } from './models.js';
import { readNotificationPreferences, saveNotificationPreferences } from './preferences.js';
import { listProgramTemplates, removeProgramTemplate, setProgramTemplate, type SetProgramTemplateOptions } from './program-templates.js';
import { createHttpSmsGateway } from './sms-gateway.js';
import { createSmtpTransport } from './smtp-transport.js';
import type { MessageTransport } from './transports.js';

export interface NotificationsServiceOptions {
  sequelize: Sequelize;
  commands: CommandRunner;
  config: NotificationsConfig;
  publicUrl: string;
  messages: Messages;
  sources: NoticeSources;
  programExists(programId: string): Promise<boolean>;
  logger: NotificationsDeps['logger'];
  now?: () => Date;
  /** Replaces the configured transports (a test's failing gateway). */
  transports?: Partial<Record<Channel, MessageTransport>>;
}

/** SMTP when set; otherwise the development mailbox outside production, and nothing in production. */
export function createTransports(
  sequelize: Sequelize,
  config: NotificationsConfig,
  logger: NotificationsDeps['logger'],
): Record<Channel, MessageTransport | undefined> {
  const devMailbox = (channel: Channel) => (config.devMailbox ? createDevMailbox({ sequelize, channel, logger }) : undefined);
  return {
    email: config.smtpUrl ? createSmtpTransport({ url: config.smtpUrl, from: config.mailFrom }) : devMailbox('email'),
    sms: config.smsGatewayUrl
      ? createHttpSmsGateway({ url: config.smsGatewayUrl, token: config.smsGatewayToken, sender: config.smsSender })
      : devMailbox('sms'),
  };
}

export function createNotificationsService(options: NotificationsServiceOptions) {
  const { sequelize, commands } = options;
  const now = options.now ?? (() => new Date());
  const deps: NotificationsDeps = {
    sequelize,
    sources: options.sources,
    messages: options.messages,
    transports: { ...createTransports(sequelize, options.config, options.logger), ...options.transports },
    publicUrl: options.publicUrl,
    logger: options.logger,
    now,
  };
  const templates = { sequelize, commands, now, programExists: options.programExists };
  return {
    deps,
    readPreferences: (actor: Principal) => readNotificationPreferences(sequelize, actor.subject),
    savePreferences: (actor: Principal, input: { email: boolean; sms: boolean }) =>
      saveNotificationPreferences({ sequelize, commands, now }, actor, input),
    listDeliveries: (actor: Principal, filter?: ListDeliveriesOptions) => listNotificationDeliveries(sequelize, actor, filter),
    listProgramTemplates: (actor: Principal, programId: string) => listProgramTemplates(templates, actor, programId),
    setProgramTemplate: (actor: Principal, set: SetProgramTemplateOptions) => setProgramTemplate(templates, actor, set),
    removeProgramTemplate: (actor: Principal, remove: Omit<SetProgramTemplateOptions, 'input'>) =>
      removeProgramTemplate(templates, actor, remove),
    /** Only where the development mailbox is on (never in production). */
    devMailboxEnabled: options.config.devMailbox,
    listDevMail: () => listDevMail(sequelize),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
