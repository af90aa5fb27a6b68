/**
 * The officer's work queue (`/officer`): applications waiting at a stage assigned to them, longest wait
 * first, filtered by program and by how long they have waited (a GET form, so a filter is a link),
 * with how many wait at each stage, a page at a time; and bulk approval of the review items chosen on it.
 */
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Principal } from '../../platform/auth/principal.js';
import { requirePrincipal } from '../../platform/auth/require-role.js';
import type { Translate } from '../../platform/i18n/catalogs.js';
import { AppError } from '../../platform/http/errors.js';
import { formatMoment } from '../format-dates.js';
import { formatMoney } from '../money.js';
import { datesOf, isUuid, localeOf, type OfficerPagesOptions } from './context.js';
import { keepQueueNotice, takeQueueNotice, type BulkItemResult, type QueueNotice } from './notices.js';

const PAGE_SIZE = 20;
/** The waits the filter offers, in hours. */
export const WAIT_CHOICES = [24, 72, 168] as const;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;
/** An item of the bulk form: `<application id>:<stage position>`. */
const BULK_ITEM = /^([0-9a-f-]{36}):([0-9]{1,5})$/i;

export interface QueueFilters {
  programId?: string;
  minWaitHours?: number;
  page: number;
}

/** The filters of the address; a value the form never offers is ignored (the queue unfiltered). */
export function readQueueFilters(query: Record<string, unknown>): QueueFilters {
  const wait = Number(query.minWaitHours);
  const page = Number(query.page);
  return {
    ...(isUuid(query.programId) ? { programId: query.programId } : {}),
    ...((WAIT_CHOICES as readonly number[]).includes(wait) ? { minWaitHours: wait } : {}),
    page: Number.isInteger(page) && page > 0 && page <= 100_000 ? page : 1,
  };
}

/** The address of the queue with these filters (and page), as the GET form would build it. */
export function queuePath(filters: QueueFilters): string {
  const params = new URLSearchParams();
  if (filters.programId) params.set('programId', filters.programId);
  if (filters.minWaitHours) params.set('minWaitHours', String(filters.minWaitHours));
  if (filters.page > 1) params.set('page', String(filters.page));
  const query = params.toString();
  return query ? `/officer?${query}` : '/officer';
}

function describeNotice(t: Translate, notice: QueueNotice | undefined) {
  if (!notice) return undefined;
  if (notice.kind === 'decided') {
    return { text: t(`officer.notice.${notice.decision}`, { reference: notice.reference }) };
  }
  const approved = notice.results.filter((r) => !r.refusedWith).length;
  return {
    text: t('officer.bulk.summary', { approved, refused: notice.results.length - approved }),
    results: notice.results.map((r) => ({
      reference: r.reference,
      approved: !r.refusedWith,
      words: r.refusedWith ? t(`problem.${r.refusedWith}.title`) : t('officer.bulk.approved'),
    })),
  };
}

/** The open and closed programs in which this officer decides a stage, by name. */
async function programsOf(options: OfficerPagesOptions, principal: Principal) {
  const ids = new Set(await options.programs.programsOfficiatedBy(principal.subject));
  if (ids.size === 0) return [];
  const listed = await options.programs.listPrograms(principal, { page: 1, pageSize: 100 });
  return listed.items.filter((p) => ids.has(p.id)).map((p) => ({ id: p.id, name: p.name }));
}

export function createQueuePage(options: OfficerPagesOptions): Router {
  const { approvals, programs } = options;
  const router = Router();

  router.get('/', async (req, res) => {
    const principal = requirePrincipal(req);
    const filters = readQueueFilters(req.query);
    const queue = await approvals.listWorkQueue(principal, {
      page: filters.page,
      pageSize: PAGE_SIZE,
      ...(filters.programId ? { programId: filters.programId } : {}),
      ...(filters.minWaitHours ? { minWaitHours: filters.minWaitHours } : {}),
    });
    const programIds = [...new Set(queue.items.map((i) => i.programId))];
    const [zones, choices, terms] = await Promise.all([
      programs.programTimeZones(programIds),
      programsOf(options, principal),
      Promise.all(programIds.map((id) => programs.findDecisionTerms(id))),
    ]);
    const names = new Map(choices.map((p) => [p.id, p.name]));
    for (const item of queue.items) names.set(item.programId, item.programName);
    // The reasons the bulk form offers: every reason code of the programs on this page, once.
    const reasons = new Map<string, string>();
    for (const term of terms) for (const r of term?.reasonCodes ?? []) if (!reasons.has(r.code)) reasons.set(r.code, r.label);
    const locale = localeOf(req);
    const pages = Math.max(1, Math.ceil(queue.total / PAGE_SIZE));
    res.render('officer/queue.njk', {
      filters,
      programChoices: choices,
      waitChoices: WAIT_CHOICES,
      items: queue.items.map((item) => {
        const dates = datesOf(req, zones, item.programId);
        return {
          ...item,
          cost: formatMoney(item.estimatedCost, item.currency, locale),
          submitted: formatMoment(item.submittedAt, dates),
          waiting: formatMoment(item.waitingSince, dates),
          bulkValue: `${item.applicationId}:${item.stage.position}`,
          stageKind: req.t(`officer.stage.kind.${item.stage.kind}`),
        };
      }),
      stageCounts: queue.stageCounts.map((c) => ({ ...c, programName: names.get(c.programId) ?? '' })),
      total: queue.total,
      paging: {
        page: filters.page,
        pages,
        previous: filters.page > 1 ? queuePath({ ...filters, page: filters.page - 1 }) : undefined,
        next: filters.page < pages ? queuePath({ ...filters, page: filters.page + 1 }) : undefined,
      },
      reasons: [...reasons].map(([code, label]) => ({ code, label })),
      notice: describeNotice(req.t, takeQueueNotice(req)),
      bulkError: typeof req.query.bulk === 'string' ? req.t(`officer.bulk.error.${req.query.bulk === 'none' ? 'none' : 'reason'}`) : '',
      returnTo: queuePath(filters),
      // A fresh key per rendering: sending the same form twice approves each item once.
      idempotencyKey: randomUUID(),
    });
  });

  // One decision per chosen item, each on its own: a refusal of one is reported and the others go on.
  router.post('/bulk-approve', async (req, res) => {
    const principal = requirePrincipal(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const back = readQueueFilters(
      typeof body.returnTo === 'string' ? Object.fromEntries(new URLSearchParams(body.returnTo.split('?')[1] ?? '')) : {},
    );
    // Each item once, however often the form names it.
    const chosen = [
      ...new Set(
        ([] as unknown[])
          .concat(body.items ?? [])
          .filter((v): v is string => typeof v === 'string' && BULK_ITEM.test(v) && isUuid(v.split(':')[0])),
      ),
    ];
    const reasonCode = typeof body.reasonCode === 'string' ? body.reasonCode.trim() : '';
    if (chosen.length === 0 || reasonCode === '') {
      res.redirect(
        303,
        `${queuePath(back)}${queuePath(back).includes('?') ? '&' : '?'}bulk=${chosen.length === 0 ? 'none' : 'reason'}#bulk-form`,
      );
      return;
    }
    const key = typeof body.idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(body.idempotencyKey) ? body.idempotencyKey : undefined;
    const items = chosen.slice(0, PAGE_SIZE).map((item) => {
      const [, applicationId = '', position = '0'] = BULK_ITEM.exec(item) ?? [];
      return { applicationId: applicationId.toLowerCase(), position: Number(position) };
    });
    const references = await approvals.findReferences(
      principal,
      items.map((i) => i.applicationId),
    );
    const results: BulkItemResult[] = [];
    for (const { applicationId, position } of items) {
      // One the officer may not see (any more) is refused by the decision itself, as not found.
      const reference = references.get(applicationId) ?? '—';
      try {
        await approvals.decideStage(principal, {
          applicationId,
          position,
          input: { decision: 'approve', reasonCode },
          ...(key ? { idempotencyKey: `${key}:${applicationId}` } : {}),
        });
        results.push({ reference });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        results.push({ reference, refusedWith: error.code });
      }
    }
    await keepQueueNotice(req, { kind: 'bulk', results });
    res.redirect(303, `${queuePath(back)}#queue-notice`);
  });

  return router;
}
