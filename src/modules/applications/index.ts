export { createApplicationsService, type ApplicationsService, type DocumentCatalog } from './service.js';
export { createApplicationHandlers } from './routes.js';
export { createApplications } from './migrations.js';
export { formatReference, normalizeReference } from './reference.js';
export type { Application, ApplicationInput, ApplicationDraft, ApplicationDraftInput } from './models.js';
