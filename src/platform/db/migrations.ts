/** The platform's own tables: page sessions, the audit trail and outbox, idempotency keys, rate-limit counters. */
import { chainAuditEvents } from '../audit/migrations.js';
import type { Migration } from './migrate.js';
import { createWebSessions } from './migrations/2026-11-26-01-web-sessions.js';
import { createAuditAndOutbox } from './migrations/2026-11-26-03-audit-and-outbox.js';
import { createIdempotencyKeys } from './migrations/2026-11-26-04-idempotency-keys.js';
import { createOutboxDeliveries } from './migrations/2026-12-01-01-outbox-deliveries.js';
import { createRateLimitCounters } from './migrations/2026-12-02-01-rate-limit-counters.js';

export const platformMigrations: Migration[] = [
  createWebSessions,
  createAuditAndOutbox,
  createIdempotencyKeys,
  chainAuditEvents,
  createOutboxDeliveries,
  createRateLimitCounters,
];
