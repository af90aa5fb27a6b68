export { createDeduplicationService, type DeduplicationService, type DeduplicationServiceOptions } from './service.js';
export { createDeduplicationHandlers } from './routes.js';
export { createDuplicateResolutions } from './migrations.js';
export type { DuplicateCandidateList, DuplicateResolution, DuplicateResolutionInput, PersonRef } from './models.js';
export { eraseResolutionReasons } from './erase-resolution-reasons.js';
