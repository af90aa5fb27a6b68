/**
 * The auditor's portal (`/audit`, role auditor): the audit trail searched by entity, actor and period, newest
 * first, a page at a time; the selection as CSV; and the check of the whole trail (hash chains and signed
 * checkpoints), which names the first broken event. A refused search keeps what was typed.
 */
import { Router, type Request } from 'express';
import type { Sequelize } from 'sequelize';
import {
  exportAuditEventsCsv,
  parseAuditSearch,
  searchAuditEvents,
  verifyAuditTrail,
  type AuditSearch,
  type AuditEventRow,
} from '../../modules/audit/index.js';
import { requirePageRole } from '../../platform/web/page-guard.js';
import { linkFieldErrors } from '../../platform/web/error-summary.js';
import { formatMoment } from '../format-dates.js';
import { localeOf } from '../officer/context.js';

export interface AuditPagesOptions {
  sequelize: Sequelize;
  checkpointKey: string;
}

const FIELD_IDS = {
  entityType: 'audit-entity-type',
  entityId: 'audit-entity-id',
  actor: 'audit-actor',
  from: 'audit-from',
  to: 'audit-to',
};

function queryOf(search: AuditSearch): string {
  return new URLSearchParams(Object.entries(search).filter((entry): entry is [string, string] => typeof entry[1] === 'string')).toString();
}

function presentEvent(req: Request, event: AuditEventRow) {
  return {
    id: event.id,
    at: { iso: event.occurredAt.toISOString(), text: formatMoment(event.occurredAt, { locale: localeOf(req), timeZone: 'UTC' }) },
    actor: event.actorUsername ?? event.actorSubject,
    action: event.action,
    entity: `${event.entityType} ${event.entityId}`,
    details: Object.keys(event.details).length > 0 ? JSON.stringify(event.details) : '',
  };
}

export function createAuditPages({ sequelize, checkpointKey }: AuditPagesOptions): Router {
  const router = Router();
  router.use(requirePageRole('auditor'));

  router.get('/', async (req, res) => {
    const parsed = parseAuditSearch(req.query as Record<string, unknown>);
    if (!parsed.ok) {
      const errors: Record<string, string> = {};
      for (const error of parsed.errors) errors[error.field] ??= req.t(`audit.search.error.${error.problem}`);
      res.status(400).render('audit/index.njk', {
        values: parsed.values,
        errors,
        errorList: linkFieldErrors(errors, (key) => FIELD_IDS[key as keyof typeof FIELD_IDS]),
      });
      return;
    }
    const before = typeof req.query.before === 'string' && /^\d{1,19}$/.test(req.query.before) ? req.query.before : undefined;
    const page = await searchAuditEvents(sequelize, parsed.search, { before });
    const query = queryOf(parsed.search);
    res.render('audit/index.njk', {
      values: { entityType: '', entityId: '', actor: '', from: '', to: '', ...parsed.search },
      errors: {},
      errorList: [],
      events: page.events.map((event) => presentEvent(req, event)),
      exportHref: `/audit/export.csv${query ? `?${query}` : ''}`,
      olderHref: page.nextBefore ? `/audit?${query ? `${query}&` : ''}before=${page.nextBefore}` : undefined,
      searched: true,
    });
  });

  router.get('/export.csv', async (req, res) => {
    const parsed = parseAuditSearch(req.query as Record<string, unknown>);
    if (!parsed.ok) {
      res.redirect(303, `/audit?${new URLSearchParams(parsed.values).toString()}`);
      return;
    }
    const csv = await exportAuditEventsCsv(sequelize, parsed.search);
    res.type('text/csv; charset=utf-8').attachment('audit-trail.csv').send(csv);
  });

  router.get('/verification', async (req, res) => {
    const result = await verifyAuditTrail({ sequelize, key: checkpointKey });
    res.render('audit/verification.njk', {
      result,
      lastCheckpointAt: result.lastCheckpointAt
        ? formatMoment(result.lastCheckpointAt, { locale: localeOf(req), timeZone: 'UTC' })
        : undefined,
    });
  });

  return router;
}
