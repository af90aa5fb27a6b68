/**
 * Every migration of the platform and the modules, in the order of their names (a sortable date):
 * the composition root collects them, so the platform imports no module.
 */
import type { Migration } from './platform/db/migrate.js';
import { platformMigrations } from './platform/db/migrations.js';
import { createUserPreferences } from './modules/accounts/index.js';
import { addDocumentDeletion, allowInvoiceDocuments, createDocuments } from './modules/documents/index.js';
import {
  addDuplicateSearch,
  addPaymentAccount,
  createRegistry,
  orderRegistrySearch,
  recordVerifiedFields,
} from './modules/registry/index.js';
import {
  addProgramTimeZone,
  addStageChecklists,
  addVoucherIssuanceMode,
  addVoucherTemplates,
  createPrograms,
  storeOfficersBySubject,
} from './modules/programs/index.js';
import { createApplications, createRegistryProposals, storeApplicationOfficersBySubject } from './modules/applications/index.js';
import {
  addChecklistAnswersAndDocumentVerifications,
  addPipelineIndex,
  addWaitingOfficerColumns,
  createApplicationDecisions,
} from './modules/approvals/index.js';
import { createSignalReviews } from './modules/signals/index.js';
import { addVoucherRedemption, allowVoucherDocuments, createVouchers } from './modules/vouchers/index.js';
import { addClaimSignalIndexes, createClaims, createServiceProviders } from './modules/claims/index.js';
import { createErasureRequests } from './modules/privacy/index.js';
import { createNotifications } from './modules/notifications/index.js';
import { createDuplicateResolutions } from './modules/deduplication/index.js';
import { createIdentityLinks } from './modules/identity/index.js';
import { createG2pDeliveries, createG2pMessageLog } from './modules/g2p-gateway/index.js';

function inNameOrder(list: Migration[]): Migration[] {
  const names = new Set(list.map((m) => m.name));
  if (names.size !== list.length) throw new Error('two migrations share a name');
  return [...list].sort((a, b) => (a.name < b.name ? -1 : 1));
}

export const migrations: Migration[] = inNameOrder([
  ...platformMigrations,
  createUserPreferences,
  createDocuments,
  createRegistry,
  createPrograms,
  createApplications,
  storeOfficersBySubject,
  storeApplicationOfficersBySubject,
  recordVerifiedFields,
  createRegistryProposals,
  addProgramTimeZone,
  createApplicationDecisions,
  addStageChecklists,
  addChecklistAnswersAndDocumentVerifications,
  createSignalReviews,
  addWaitingOfficerColumns,
  addPaymentAccount,
  addPipelineIndex,
  addVoucherTemplates,
  createVouchers,
  allowVoucherDocuments,
  addVoucherIssuanceMode,
  addVoucherRedemption,
  createServiceProviders,
  allowInvoiceDocuments,
  addDocumentDeletion,
  createClaims,
  addClaimSignalIndexes,
  createErasureRequests,
  orderRegistrySearch,
  createNotifications,
  addDuplicateSearch,
  createDuplicateResolutions,
  createIdentityLinks,
  createG2pMessageLog,
  createG2pDeliveries,
]);
