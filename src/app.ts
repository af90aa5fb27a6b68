/**
 * Builds the Express app from the platform and the modules. No listen here: tests import this.
 */
import express, { type Express } from 'express';
import helmet from 'helmet';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import type { Config } from './config.js';
import type { Database } from './platform/db/database.js';
import { pendingMigrations } from './platform/db/migrate.js';
import { migrations } from './migrations.js';
import type { AccessTokenVerifier } from './platform/auth/access-token.js';
import type { UserDirectory } from './platform/auth/user-directory.js';
import type { Principal } from './platform/auth/principal.js';
import { createSignInRoutes } from './platform/auth/web-sign-in.js';
import { createApiRouter } from './platform/http/api-router.js';
import { createRateLimits } from './platform/http/rate-limits.js';
import type { ApiOperation } from './platform/http/operations.js';
import { logRequests } from './platform/logging/request-log.js';
import { createMetrics } from './platform/ops/metrics.js';
import { createOperationsRoutes } from './platform/ops/health.js';
import { readOutboxBacklog } from './platform/outbox/read-outbox-backlog.js';
import { createAssetRoutes } from './platform/web/assets.js';
import { csrfTokenFor } from './platform/web/csrf.js';
import { renderPageError, sendPageNotFound } from './platform/web/page-errors.js';
import { limitPageRequests } from './platform/web/page-rate-limit.js';
import { createWebSessions } from './platform/web/session.js';
import { configureViews } from './platform/web/views.js';
import { createAccountHandlers, createAccountsService, createLanguagePreferences } from './modules/accounts/index.js';
import { createCommandRunner } from './platform/db/command.js';
import { createPortalHandlers } from './modules/portals/index.js';
import { createAuditHandlers } from './modules/audit/index.js';
import {
  createDocumentHandlers,
  createDocumentStore,
  findDocumentsOwnedBy,
  keepGeneratedDocument,
  listDocumentsOwnedBy,
  NO_OFFICER_READS,
  readDocumentContent,
  readGeneratedDocument,
} from './modules/documents/index.js';
import { createPrivacyHandlers, createPrivacyService } from './modules/privacy/index.js';
import { createApplicationHandlers, createApplicationsService } from './modules/applications/index.js';
import { createApprovalHandlers, createApprovalsService } from './modules/approvals/index.js';
import { createSignalHandlers, createSignalsService } from './modules/signals/index.js';
import { createDeduplicationHandlers, createDeduplicationService } from './modules/deduplication/index.js';
import { createClaimsHandlers, createClaimsService } from './modules/claims/index.js';
import { createVerificationHandlers, createVerificationService } from './modules/verification/index.js';
import { createProgramHandlers, createProgramsService } from './modules/programs/index.js';
import { createRegistryHandlers, createRegistryService } from './modules/registry/index.js';
import {
  createContextRoutes,
  createDidWebRoutes,
  createStatusListRoutes,
  createVoucherHandlers,
  createVouchersService,
} from './modules/vouchers/index.js';
import { createErasureHandlers, createErasureService } from './modules/privacy/index.js';
import { createNotificationHandlers } from './modules/notifications/index.js';
import { buildNotifications } from './notification-sources.js';
import { createDevMailPage, createNotificationPages } from './web/notifications/index.js';
import { createIdentityHandlers, createIdentityService } from './modules/identity/index.js';
import type { IssuerKeySet } from './platform/keys/index.js';
import type { ThreadPool } from './platform/threads/thread-pool.js';
import { createSchemaValidator } from './platform/http/schema-validator.js';
import { createDocsRoutes, createHomeRoutes } from './web/home.js';
import { createPrivacyRoutes } from './web/privacy.js';
import { createProblemTypeRoutes } from './web/problems.js';
import { createSelfServicePages } from './web/ssp/index.js';
import { createAdminPages } from './web/admin/index.js';
import { createOfficerPages } from './web/officer/index.js';
import { createVoucherPages } from './web/vouchers/index.js';
import { createProviderPages } from './web/provider/index.js';
import { createClaimsPages } from './web/claims/index.js';
import { createDashboardPages } from './web/dashboards/index.js';
import { createAuditPages } from './web/audit/index.js';
import { createAnalyticsStore, createDashboardsService } from './modules/analytics/index.js';
import { createScanPages } from './web/scan/index.js';
import { createG2pGateway, createG2pRoutes, requestG2pDelivery } from './modules/g2p-gateway/index.js';
import type { Jobs } from './platform/jobs/start-jobs.js';
import './platform/http/express-augment.js';
import { loadMessages } from './platform/i18n/catalogs.js';
import { useAcceptedLanguage } from './platform/http/request-language.js';
import { createLanguageRoutes, usePageLanguage } from './platform/web/page-language.js';

export interface AppDependencies {
  config: Config;
  logger: Logger;
  database: Database;
  /**
   * Pool for what every request does outside a command: the session store (connect-pg-simple speaks pg
   * directly) and the rate-limit counters, which so never wait behind the commands' transactions.
   */
  sessionPool: pg.Pool;
  /** pg-boss: the gateway asks it for a delivery pass when it queues an answer. */
  jobs: Jobs;
  verifier: AccessTokenVerifier;
  /** The identity provider's users, to check the officers a manager designates. */
  directory: UserDirectory;
  spec: OpenAPIV3.DocumentV3_1;
  /** The OpenID provider pages sign in with (the configured one or the development one). */
  issuer: string;
  /** The keys vouchers are signed and checked with. */
  issuerKeys: IssuerKeySet;
  /** Threads for CPU-bound work (sealing vouchers); absent or empty: the main thread does it. */
  threads?: ThreadPool;
}

function contentSecurityPolicy(issuer: string) {
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'none'"],
      // Sign-out posts here and is redirected to the provider's end-session page.
      formAction: ["'self'", new URL(issuer).origin],
    },
  };
}

const apiOperations = new WeakMap<Express, readonly ApiOperation[]>();

/** The API operations an app registered from the contract, each with its handler. */
export function listApiOperationsOf(app: Express): readonly ApiOperation[] {
  return apiOperations.get(app) ?? [];
}

/** Throws a ContractError (naming the operationIds) when the contract and the handlers do not match one to one. */
export function createApp(deps: AppDependencies): Express {
  const { config } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.set('trust proxy', config.trustProxy);
  const messages = loadMessages(config.paths.locales);
  configureViews(app, config.paths.views, config.nodeEnv === 'development');
  const { sequelize } = deps.database;
  const commands = createCommandRunner({ sequelize, pool: deps.database.pool });
  const accounts = createAccountsService({ sequelize, commands });
  const documents = createDocumentStore({
    config: config.documents,
    quotaBytes: config.quotas.documentBytes,
    // Documents of submitted applications do not count; the applications service (built below) knows which.
    quotaPolicy: { keptBySubmissions: (owner, transaction) => applications.documentsKeptBySubmissions(owner, transaction) },
    sequelize,
    commands,
  });
  const programs = createProgramsService({ sequelize, commands, directory: deps.directory });
  const registry = createRegistryService({ sequelize, commands });
  const schemas = createSchemaValidator(deps.spec);
  const approvals = createApprovalsService({ sequelize, commands, programs });
  const identity = createIdentityService({
    sequelize,
    commands,
    settingsIssuers: config.identity.trustedIssuers,
    decryptionKeys: config.identity.decryptionKeys,
  });
  const signals = createSignalsService({ sequelize, commands, linkRefusals: identity });
  const deduplication = createDeduplicationService({ sequelize, commands, registry, approvals });
  const vouchers = createVouchersService({
    sequelize,
    commands,
    keys: deps.issuerKeys,
    threads: deps.threads,
    publicUrl: config.publicUrl,
    secret: config.referenceKey,
    documents: {
      keep: (file, transaction) => keepGeneratedDocument(documents, file, transaction),
      readGenerated: (id) => readGeneratedDocument(documents, id),
    },
  });
  const claims = createClaimsService({
    sequelize,
    commands,
    directory: deps.directory,
    vouchers: {
      drawFromVoucher: (transaction, draw) => vouchers.drawFromVoucher(transaction, draw),
      moveApplications: (transaction, voucherIds, from, to, at) => vouchers.moveApplications(transaction, voucherIds, from, to, at),
    },
    documents: { findOwnedBy: (ids, owner, transaction) => findDocumentsOwnedBy(sequelize, ids, owner, transaction) },
  });
  const verification = createVerificationService({ vouchers });
  const notifications = buildNotifications({ config, logger: deps.logger, sequelize, commands, directory: deps.directory, messages });
  const dashboards = createDashboardsService({
    sequelize,
    logger: deps.logger,
    // A page waits 3 s at most for OpenSearch before it falls back to PostgreSQL.
    store: config.opensearchUrl
      ? createAnalyticsStore({ url: config.opensearchUrl, indexPrefix: config.opensearchIndexPrefix, requestTimeoutMs: 3000 })
      : undefined,
  });
  // An applicant whose token carries no national ID is known by the ID their verified ID QR linked them to.
  const resolvePrincipal = async (principal: Principal): Promise<Principal> => {
    if (principal.nationalId !== undefined || !principal.roles.includes('applicant')) return principal;
    const nationalId = await identity.findLinkedIdNumber(principal.subject);
    return nationalId === undefined ? principal : { ...principal, nationalId };
  };
  const erasure = createErasureService({ sequelize, commands, documents });
  const applications = createApplicationsService({
    sequelize,
    programs,
    registry,
    documents: { findOwnedBy: (ids, owner, transaction) => findDocumentsOwnedBy(sequelize, ids, owner, transaction) },
    stageOutcomes: { outcomesOf: (ids, transaction) => approvals.stageOutcomesOf(ids, transaction) },
    commands,
    referenceKey: { secret: config.referenceKey },
    maxOpenDrafts: config.quotas.openDrafts,
    schemas,
    verifiedIds: { verifiedFieldsOf: (subject, transaction) => identity.readVerifiedFields(subject, transaction) },
  });

  // A person's own copy of their data, read through each module's door.
  const privacy = createPrivacyService({
    sources: {
      findRegistrant: (nationalId) => registry.findByIdentity('NATIONAL_ID', nationalId),
      listRegistryChanges: (registrantId, ownerSubject) => registry.listChangesAboutOwner(registrantId, ownerSubject),
      listApplications: (subject) => applications.listOwnRecords(subject),
      listDecisions: (applicationIds) => approvals.listDecisionsForApplicant(applicationIds),
      listDocuments: (subject) => listDocumentsOwnedBy(sequelize, subject),
      readDocumentBytes: async (reader, documentId) =>
        (await readDocumentContent(documents, { documentId, reader, policy: NO_OFFICER_READS })).bytes,
      listVouchers: (subject) => vouchers.listOwnVouchers(subject),
      listRedemptions: (voucherIds) => claims.listVoucherRedemptions(voucherIds),
      readPreferences: (subject) => accounts.readPreferences(subject),
      readVerifiedId: (subject) => identity.readLinkedId(subject),
    },
    recordAccess: (actor, events) => commands.recordAccess(actor, events),
  });

  // An officer of an application's program reads its documents; a claims officer reads the invoices of claims.
  const documentReadPolicy = {
    mayOfficerRead: async (id: string, principal: Principal) =>
      (await applications.mayOfficerReadDocument(id, principal)) || (await claims.mayReadInvoice(id, principal)),
  };

  // Counted in PostgreSQL so every instance agrees; the session secret is already shared by all of them.
  const limits = createRateLimits({
    config: config.rateLimits,
    pool: deps.sessionPool,
    addressKey: config.sessionSecret,
    logger: deps.logger,
  });

  const metrics = createMetrics({ outboxBacklog: () => readOutboxBacklog(sequelize) });
  app.use(useAcceptedLanguage(messages));
  app.use(logRequests(deps.logger));
  app.use(metrics.observeRequests);
  app.use(
    helmet({ contentSecurityPolicy: contentSecurityPolicy(deps.issuer), strictTransportSecurity: config.publicUrl.startsWith('https:') }),
  );

  app.use(
    createOperationsRoutes(
      {
        databaseUp: () => deps.database.ping(),
        pendingMigrations: () => pendingMigrations(deps.database.sequelize, deps.logger, migrations),
        outboxBacklog: () => readOutboxBacklog(sequelize),
      },
      metrics,
    ),
  );
  // Probes, metrics, assets and JSON-LD contexts are never rate-limited; status lists, the API and the pages below are.
  app.use(createAssetRoutes(config.paths.views));
  app.use(createContextRoutes());
  app.use(createDidWebRoutes(config.publicUrl, deps.issuerKeys));
  app.use(createStatusListRoutes(vouchers, limits));
  const api = createApiRouter({
    limits,
    spec: deps.spec,
    verifier: deps.verifier,
    jsonBodyLimit: config.jsonBodyLimit,
    maxUploadBytes: config.documents.maxBytes,
    validateResponses: config.validateResponses,
    handlers: [
      createAccountHandlers(accounts),
      createAuditHandlers({ sequelize, checkpointKey: config.audit.checkpointKey }),
      createPortalHandlers(),
      createProgramHandlers(programs),
      createRegistryHandlers(registry),
      createApplicationHandlers(applications),
      createApprovalHandlers(approvals),
      createSignalHandlers(signals),
      createDeduplicationHandlers(deduplication),
      createVoucherHandlers(vouchers),
      createClaimsHandlers(claims),
      createVerificationHandlers(verification),
      createPrivacyHandlers(privacy),
      createDocumentHandlers({ store: documents, readPolicy: documentReadPolicy }),
      createErasureHandlers(erasure),
      createNotificationHandlers(notifications),
      createIdentityHandlers(identity),
    ],
    resolvePrincipal,
  });
  apiOperations.set(app, api.operations);
  app.use('/api', api.router);
  // DCI messages answer their own errors in the message (see the module's routes.ts), so outside the API router.
  const g2p = createG2pGateway({
    config: config.g2p,
    sequelize,
    registry,
    keys: deps.issuerKeys,
    requestDelivery: () => requestG2pDelivery(deps.jobs),
  });
  app.use(createG2pRoutes({ gateway: g2p, verifier: deps.verifier, limits, jsonBodyLimit: config.jsonBodyLimit }));

  // Pages: sessions, CSRF tokens for the templates, then the portals.
  app.use(createWebSessions({ pool: deps.sessionPool, secret: config.sessionSecret, secureCookie: config.publicUrl.startsWith('https:') }));
  app.use((req, _res, next) => {
    const principal = req.session.principal;
    if (!principal) return next();
    resolvePrincipal(principal).then((resolved) => {
      if (resolved !== principal) req.session.principal = resolved;
      next();
    }, next);
  });
  app.use((req, res, next) => {
    // A signed-in person's pages show their data (or whose it is): kept by no browser cache or proxy.
    if (req.session.principal) res.setHeader('Cache-Control', 'no-store');
    res.locals.principal = req.session.principal;
    res.locals.path = req.path;
    // Only pages that are rendered for a session need a token; creating one starts the session.
    res.locals.csrfToken = req.session.principal ? csrfTokenFor(req) : undefined;
    next();
  });
  const pageLanguage = {
    messages,
    secureCookie: config.publicUrl.startsWith('https:'),
    preferences: createLanguagePreferences(accounts),
  };
  app.use(usePageLanguage(pageLanguage));
  // After the locals and the language, so a person over the limit still sees their own header on the error page.
  app.use(limitPageRequests(limits));
  app.use(express.urlencoded({ extended: false, limit: '100kb' }));
  app.use(createLanguageRoutes(pageLanguage));
  app.use(createDocsRoutes(deps.spec));
  app.use(createProblemTypeRoutes());
  app.use(createPrivacyRoutes());
  app.use(createScanPages({ verification, vouchers, viewsDir: config.paths.views }));
  // Messages kept for development only (never in production): see docs/notifications.md.
  if (notifications.devMailboxEnabled) app.use(createDevMailPage(notifications));
  app.use(
    createSignInRoutes({
      issuer: deps.issuer,
      clientId: config.oidc.clientId,
      clientSecret: config.oidc.clientSecret,
      publicUrl: config.publicUrl,
      verifier: deps.verifier,
      recordSession: (actor, type) => commands.recordAccess(actor, [{ type, aggregateType: 'user', aggregateId: actor.subject }]),
    }),
  );
  // The portals' pages, one router per portal; the home page links only those that exist.
  const portalPages = {
    '/ssp': createSelfServicePages({ programs, applications, documents, schemas, vouchers, privacy, erasure, messages, identity }),
    '/admin': createAdminPages({ programs, approvals, claims, erasure, notifications, idIssuers: identity, schemas, messages }),
    '/officer': createOfficerPages({ approvals, applications, programs, documents, documentReadPolicy, signals, deduplication }),
    '/vouchers': createVoucherPages({ vouchers, programs, messages }),
    '/provider': createProviderPages({ verification, claims, documents }),
    '/claims': createClaimsPages({ claims, documents, documentReadPolicy }),
    '/dashboards': createDashboardPages({ dashboards }),
    '/audit': createAuditPages({ sequelize, checkpointKey: config.audit.checkpointKey }),
  };
  app.use(createHomeRoutes({ openPortalPaths: Object.keys(portalPages) }));
  app.use(createNotificationPages(notifications));
  for (const [path, pages] of Object.entries(portalPages)) app.use(path, pages);
  app.use(sendPageNotFound);
  app.use(renderPageError);
  return app;
}
