import { Router } from 'express';
import type { Sequelize } from 'sequelize';
import { verifyAuditTrail } from '../../platform/audit/verify-audit-trail.js';

export interface AuditRoutesOptions {
  sequelize: Sequelize;
  /** The key checkpoints are signed with. */
  checkpointKey: string;
}

export function createAuditRoutes({ sequelize, checkpointKey }: AuditRoutesOptions): Router {
  const router = Router();

  router.get('/audit/verification', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await verifyAuditTrail({ sequelize, key: checkpointKey }));
  });

  return router;
}
