import type { Sequelize } from 'sequelize';
import { verifyAuditTrail } from '../../platform/audit/verify-audit-trail.js';
import type { OperationHandlers } from '../../platform/http/operations.js';

export interface AuditHandlersOptions {
  sequelize: Sequelize;
  /** The key checkpoints are signed with. */
  checkpointKey: string;
}

export function createAuditHandlers({ sequelize, checkpointKey }: AuditHandlersOptions): OperationHandlers {
  return {
    async verifyAuditTrail(_req, res) {
      res.setHeader('Cache-Control', 'no-store');
      res.json(await verifyAuditTrail({ sequelize, key: checkpointKey }));
    },
  };
}
