/**
 * The outbox consumers, registered by the composition root (the platform imports no module). A module
 * that reacts to state changes (notifications, OpenSearch indexing, the G2P Connect gateway) exports a
 * consumer from its `index.ts`, and it is added here.
 *
 * They are built by the runtime once the database and the issuer keys exist and before the relay starts
 * (`startRuntime({ outboxConsumers: (started) => createOutboxConsumers({ config, logger, ...started }) })`),
 * so no event can reach a consumer whose services are not bound yet.
 */
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { createCommandRunner } from './platform/db/command.js';
import type { OutboxConsumer } from './platform/outbox/consumer.js';
import type { OutboxConsumerRuntime } from './platform/runtime.js';
import { loadMessages } from './platform/i18n/catalogs.js';
import { createAnalyticsConsumer, createAnalyticsStore } from './modules/analytics/index.js';
import { createIssueOnApprovalConsumer, createVouchersService, type VoucherDocuments } from './modules/vouchers/index.js';
import { createNotificationsConsumer } from './modules/notifications/index.js';
import { buildNotifications } from './notification-sources.js';

export interface OutboxConsumerDependencies extends OutboxConsumerRuntime {
  config: Config;
  logger: Logger;
}

export function createOutboxConsumers(deps: OutboxConsumerDependencies): OutboxConsumer[] {
  const { config, logger } = deps;
  const { sequelize, pool } = deps.database;
  // Built as src/app.ts builds it: the same keys, public URL and reference key, so a voucher issued at
  // approval is the voucher an officer would have issued.
  const commands = createCommandRunner({ sequelize, pool });
  const vouchers = createVouchersService({
    sequelize,
    commands,
    keys: deps.issuerKeys,
    threads: deps.threads,
    publicUrl: config.publicUrl,
    secret: config.referenceKey,
    documents: NO_VOUCHER_DOCUMENTS,
  });
  const notifications = buildNotifications({
    config,
    logger,
    sequelize,
    commands,
    directory: deps.directory,
    messages: loadMessages(config.paths.locales),
  });
  const consumers = [
    createIssueOnApprovalConsumer({ sequelize, issueVoucher: vouchers.issueVoucher, logger }),
    createNotificationsConsumer(notifications.deps),
  ];
  // Indexing is on only with OPENSEARCH_URL: without it the dashboards read PostgreSQL and nothing waits for an index.
  if (config.opensearchUrl) {
    const store = createAnalyticsStore({ url: config.opensearchUrl, indexPrefix: config.opensearchIndexPrefix });
    consumers.push(createAnalyticsConsumer({ sequelize, store }));
  }
  return consumers;
}

/**
 * Issuing stores no file: the printable voucher is made on its first download, by the app. The consumers
 * never download, so reaching the Document Store from here is a programming error.
 */
const NO_VOUCHER_DOCUMENTS: VoucherDocuments = {
  keep() {
    throw new TypeError('the outbox consumers keep no printable vouchers');
  },
  readGenerated() {
    throw new TypeError('the outbox consumers read no printable vouchers');
  },
};
