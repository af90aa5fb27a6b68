/** What the composition root and the portal's pages may use of the privacy module (a person's rights over their data). */
export { createPrivacyService, type PrivacyService, type PrivacyServiceOptions } from './service.js';
export { createPrivacyHandlers, sendPersonDataArchive } from './routes.js';
export type { PersonDataSources } from './deps.js';
export type { PersonDataArchive } from './export-person-data.js';
export { PERSON_EXPORT_FORMAT, archivePathOf, type PersonData } from './collect-person-data.js';
export { createErasureService, type ErasureService, type ErasureServiceOptions } from './erasure-service.js';
export { createErasureHandlers } from './erasure-routes.js';
export { createErasureRequests } from './erasure-migrations.js';
export type { ErasureRequest } from './erasure-request.js';
