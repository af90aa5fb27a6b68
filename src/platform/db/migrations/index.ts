/** Every migration, in order. A module adds its own here; names start with a sortable date. */
import type { Migration } from '../migrate.js';
import { createWebSessions } from './2026-11-26-01-web-sessions.js';
import { createUserPreferences } from '../../../modules/accounts/index.js';
import { createAuditAndOutbox } from './2026-11-26-03-audit-and-outbox.js';
import { createDocuments } from '../../../modules/documents/index.js';
import { createRegistry } from '../../../modules/registry/index.js';
import { createPrograms } from '../../../modules/programs/index.js';
import { createApplications } from '../../../modules/applications/index.js';
import { createOutboxDeliveries } from './2026-12-01-01-outbox-deliveries.js';

export const migrations: Migration[] = [
  createWebSessions,
  createUserPreferences,
  createAuditAndOutbox,
  createDocuments,
  createRegistry,
  createPrograms,
  // after documents, registry and programs: it references all three
  createApplications,
  createOutboxDeliveries,
];
