/**
 * The scheduled jobs' workers, started by the composition root (the platform imports no module): today the
 * retention job, whose deletions each go through the module that owns the table, the officers' daily digest, and the
 * delivery of the DCI gateway's asynchronous answers.
 */
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { createCommandRunner } from './platform/db/command.js';
import { forgetIdempotentResults } from './platform/http/idempotency.js';
import { deletePublishedEvents } from './platform/outbox/delete-published-events.js';
import type { JobWorkerRuntime, JobWorkers } from './platform/runtime.js';
import { deleteAbandonedDrafts, findDocumentsOfApplicationsRejectedBefore } from './modules/applications/index.js';
import { createDocumentStorage, deleteDocumentsOfRejectedApplications } from './modules/documents/index.js';
import { startRetention, type RetentionDeps } from './modules/retention/index.js';
import { startOfficerDigest } from './modules/notifications/index.js';
import { createG2pGateway, startG2pDeliveryWorker } from './modules/g2p-gateway/index.js';
import { createRegistryService } from './modules/registry/index.js';
import { loadMessages } from './platform/i18n/catalogs.js';
import { buildNotifications } from './notification-sources.js';

export interface JobWorkerDependencies extends JobWorkerRuntime {
  config: Config;
  logger: Logger;
}

/** What the retention job deletes with: the app's connection and the configured document storage. */
export function createRetentionDeps(deps: Pick<JobWorkerDependencies, 'config' | 'database'> & { now?: () => Date }): RetentionDeps {
  const { sequelize, pool } = deps.database;
  const commands = createCommandRunner({ sequelize, pool });
  const documents = {
    sequelize,
    commands,
    storage: createDocumentStorage(deps.config.documents.storage),
    now: deps.now ?? (() => new Date()),
  };
  return {
    config: deps.config.retention,
    commands,
    now: deps.now,
    deleteAbandonedDrafts: (before, batchSize, actor) => deleteAbandonedDrafts({ sequelize, commands }, { before, batchSize, actor }),
    deleteDocumentsOfRejectedApplications: (before, batchSize, actor) =>
      deleteDocumentsOfRejectedApplications(documents, {
        before,
        batchSize,
        actor,
        rejected: {
          documentsRejectedBefore: (cutOff, after, limit) => findDocumentsOfApplicationsRejectedBefore({ sequelize }, cutOff, after, limit),
        },
      }),
    forgetIdempotentResults: (before, batchSize) => forgetIdempotentResults(sequelize, before, batchSize),
    deletePublishedOutboxEvents: (before, batchSize) => deletePublishedEvents(sequelize, before, batchSize),
  };
}

export async function startJobWorkers(deps: JobWorkerDependencies): Promise<JobWorkers> {
  const retention = await startRetention({ jobs: deps.jobs, deps: createRetentionDeps(deps), logger: deps.logger });
  const { sequelize, pool } = deps.database;
  const notifications = buildNotifications({
    config: deps.config,
    logger: deps.logger,
    sequelize,
    commands: createCommandRunner({ sequelize, pool }),
    directory: deps.directory,
    messages: loadMessages(deps.config.paths.locales),
  });
  const digest = await startOfficerDigest(deps.jobs, notifications.deps, deps.config.notifications.digestHourUtc, deps.logger);
  // The gateway's asynchronous answers are made here, by the pass that delivers them (the registry read as the partner).
  const gateway = createG2pGateway({
    config: deps.config.g2p,
    sequelize,
    registry: createRegistryService({ sequelize, commands: createCommandRunner({ sequelize, pool }) }),
    keys: deps.issuerKeys,
  });
  const g2pDelivery = await startG2pDeliveryWorker({
    jobs: deps.jobs,
    sequelize,
    answerPending: gateway.answerPending,
    config: deps.config.g2p.delivery,
    logger: deps.logger,
  });
  return {
    async stop() {
      await g2pDelivery.stop();
      await digest.stop();
      await retention.stop();
    },
  };
}
