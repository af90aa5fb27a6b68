export { createApplicationsService, type ApplicationsService, type DocumentCatalog } from './service.js';
export { createApplicationRoutes } from './routes.js';
export { createApplications, storeApplicationOfficersBySubject } from './migrations.js';
export { formatReference, normalizeReference } from './reference.js';
export type { Application, ApplicationInput, ApplicationDraft, ApplicationDraftInput } from './models.js';
