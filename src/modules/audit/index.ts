export { createAuditHandlers, type AuditHandlersOptions } from './routes.js';
export {
  AUDIT_PAGE_SIZE,
  exportAuditEventsCsv,
  parseAuditSearch,
  searchAuditEvents,
  type AuditEventPage,
  type AuditEventRow,
  type AuditSearch,
  type AuditSearchField,
  type AuditSearchProblem,
} from './search-audit-events.js';
export { verifyAuditTrail, type AuditVerification } from '../../platform/audit/verify-audit-trail.js';
