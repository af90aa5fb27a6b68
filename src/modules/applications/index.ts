export { createApplicationsService, type ApplicationsService } from './service.js';
export type { DocumentCatalog } from './deps.js';
export { createApplicationHandlers } from './routes.js';
export { createApplications, createRegistryProposals, storeApplicationOfficersBySubject } from './migrations.js';
export { formatReference, normalizeReference } from './reference.js';
export type { Application, ApplicationInput, ApplicationDraft, ApplicationDraftInput, RegistryProposal } from './models.js';
