export { createErasureService, type ErasureService, type ErasureServiceOptions } from './erasure-service.js';
export { createErasureHandlers } from './erasure-routes.js';
export { createErasureRequests } from './erasure-migrations.js';
export type { ErasureRequest } from './erasure-request.js';
