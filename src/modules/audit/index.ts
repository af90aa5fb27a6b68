export { createAuditHandlers, type AuditHandlersOptions } from './routes.js';
