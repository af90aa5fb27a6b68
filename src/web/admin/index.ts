/**
 * Program administration pages (`/admin`, role program-manager): programs, their approval stages and
 * designated officers, officer groups, the facilities that serve beneficiaries, people's erasure requests, and the
 * trusted ID issuers. Server-rendered with htmx;
 * every change to a program goes through the programs service, which checks the version the page holds, and
 * every change to a facility through the claims service.
 */
import { Router } from 'express';
import type { ApprovalsService } from '../../modules/approvals/index.js';
import type { ProgramsService } from '../../modules/programs/index.js';
import type { SchemaValidator } from '../../platform/http/schema-validator.js';
import type { Messages } from '../../platform/i18n/catalogs.js';
import { verifyCsrfToken } from '../../platform/web/csrf.js';
import { requirePageRole } from '../../platform/web/page-guard.js';
import { contractSchemas, type FacilityOperations } from './context.js';
import { createErasureRequestPages, type ErasureOperations } from './erasure-pages.js';
import { createFacilityPages } from './facility-pages.js';
import { createIdIssuerPages, type IdIssuerOperations } from './id-issuer-pages.js';
import { createNotificationDeliveryPages, type DeliveryOperations } from './notification-delivery-pages.js';
import { createOfficerGroupPages } from './officer-group-pages.js';
import { createProgramPages } from './program-pages.js';
import { createReassignmentPages } from './reassignment-pages.js';
import { createStageEditorRoutes } from './stage-editor.js';
import { createVoucherLogoUpload, createVoucherTemplatePages } from './voucher-template-pages.js';
import type { PageLanguage } from '../../platform/i18n/languages.js';

export interface AdminPagesOptions {
  programs: ProgramsService;
  /** Each program's pipeline, and reassigning the officer of a stage for the applications waiting there. */
  approvals: Pick<ApprovalsService, 'getProgramPipeline' | 'reassignStage' | 'findWaitingApplication'>;
  /** The facilities: registering them and linking provider users, as the signed-in program manager. */
  claims: FacilityOperations;
  /** Erasure requests: the pending ones, and completing one, as the signed-in program manager. */
  erasure: ErasureOperations;
  /** How notifications went (never their text or recipient), as the signed-in program manager. */
  notifications: DeliveryOperations;
  /** The trusted ID issuers, as the signed-in program manager. */
  idIssuers: IdIssuerOperations;
  /**
   * The contract's schemas, so a form is checked exactly as the API checks the same input.
   * Default: built from `openapi/openapi.yaml` on the first form post.
   */
  schemas?: SchemaValidator;
  /** The catalogs: the voucher preview is written in the voucher's language, not the page's. */
  messages: Pick<Messages, 'translatorFor'>;
}

export function createAdminPages(options: AdminPagesOptions): Router {
  const context = {
    programs: options.programs,
    approvals: options.approvals,
    claims: options.claims,
    schemas: contractSchemas(options.schemas),
    printWords: (language: PageLanguage) => options.messages.translatorFor(language),
  };
  const router = Router();
  router.use(requirePageRole('program-manager'));
  // A multipart form: its CSRF token is read from the form, so it checks the token itself.
  router.use(createVoucherLogoUpload(context));
  router.use(verifyCsrfToken);
  router.use(createProgramPages(context));
  router.use(createVoucherTemplatePages(context));
  router.use(createStageEditorRoutes(context));
  router.use(createReassignmentPages(context));
  router.use(createOfficerGroupPages(context));
  router.use(createFacilityPages(context));
  router.use(createErasureRequestPages(options.erasure));
  router.use(createNotificationDeliveryPages(options.notifications));
  router.use(createIdIssuerPages(options.idIssuers, context.schemas));
  return router;
}
