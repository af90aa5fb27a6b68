export { createApplicationsService, type ApplicationsService } from './service.js';
export type { DocumentCatalog, StageOutcomeReader } from './deps.js';
export { createApplicationHandlers } from './routes.js';
export { createApplications, createRegistryProposals, storeApplicationOfficersBySubject } from './migrations.js';
export { formatReference, normalizeReference } from './reference.js';
export type {
  Application,
  ApplicationInput,
  ApplicationDraft,
  ApplicationDraftInput,
  ApplicationStatus,
  RegistryProposal,
  StageOutcome,
  StageSnapshot,
} from './models.js';
export { proposalReaders, visibility } from './visibility.js';
export { eraseApplicationsOf, findApplicationsOf, type PersonApplications } from './erase-applications.js';
export {
  deleteAbandonedDrafts,
  findDocumentsOfApplicationsRejectedBefore,
  type DeleteAbandonedDraftsOptions,
} from './delete-abandoned-drafts.js';
export type { OwnApplicationRecord, OwnRegistryProposal } from './list-own-records.js';
export { findApplicationFacts, type ApplicationFacts } from './find-application-facts.js';
