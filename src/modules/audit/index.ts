export { createAuditRoutes, type AuditRoutesOptions } from './routes.js';
