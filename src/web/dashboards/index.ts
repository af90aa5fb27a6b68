/**
 * Dashboards (`/dashboards`, roles analyst and program-manager): applications per day, the funnel, the
 * stages (decisions and time waiting), rejection reasons, amounts from approved to paid, and claims pending,
 * filtered by program, period, region, gender and age band. Each chart (Chart.js, served from the app) has
 * its figures in a table beside it. A refused filter keeps what was typed and says what is wrong with it.
 */
import { Router, type Request } from 'express';
import {
  AGE_BANDS,
  GENDERS,
  MAX_PERIOD_DAYS,
  type DashboardFilterError,
  type DashboardFigures,
  type DashboardsService,
} from '../../modules/analytics/index.js';
import { requirePageRole } from '../../platform/web/page-guard.js';
import { linkFieldErrors } from '../../platform/web/error-summary.js';
import { formatMoney } from '../money.js';
import { localeOf } from '../officer/context.js';

export interface DashboardPagesOptions {
  dashboards: DashboardsService;
}

const FIELD_IDS = {
  program: 'filter-program',
  from: 'filter-from',
  to: 'filter-to',
  region: 'filter-region',
  gender: 'filter-gender',
  ageBand: 'filter-age-band',
};

function errorMessages(req: Request, errors: readonly DashboardFilterError[]): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const error of errors) {
    messages[error.field] ??= req.t(`dashboards.filters.error.${error.problem}`, { days: MAX_PERIOD_DAYS });
  }
  return messages;
}

/** What the page and its script draw: labels in the reader's language, numbers as numbers. */
function presentFigures(req: Request, figures: DashboardFigures) {
  const locale = localeOf(req);
  const count = new Intl.NumberFormat(locale);
  const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const funnel = figures.funnel.map((step) => ({
    label: req.t(`dashboards.funnel.${step.step}`),
    value: step.count,
    text: count.format(step.count),
  }));
  const stages = figures.stages.map((stage) => ({
    label: req.t('dashboards.stages.stage', { stage: stage.stage }),
    decided: count.format(stage.decided),
    approved: count.format(stage.approved),
    rejected: count.format(stage.rejected),
    hours: stage.averageWaitHours,
    hoursText: hours.format(stage.averageWaitHours),
  }));
  const amountKinds = ['approved', 'issued', 'redeemed', 'claimed', 'paid'] as const;
  const amounts = figures.amounts
    .map((row) => ({
      currency: row.currency,
      cells: amountKinds.map((kind) => ({
        label: req.t(`dashboards.amounts.${kind}`),
        value: Number(row[kind]),
        text: formatMoney(row[kind], row.currency, locale),
      })),
    }))
    .map((row) => ({ ...row, rows: row.cells.map((cell) => [cell.label, cell.text]) }));
  const perDay = figures.applicationsPerDay.map((day) => ({ label: day.day, value: day.count, text: count.format(day.count) }));
  const reasons = figures.rejectionReasons.map((reason) => ({
    label: reason.reasonCode,
    value: reason.count,
    text: count.format(reason.count),
  }));
  const pairs = (rows: Array<{ label: string; text: string }>) => rows.map((row) => [row.label, row.text]);
  return {
    perDay,
    totalApplications: count.format(figures.funnel[0]?.count ?? 0),
    funnel,
    stages,
    reasons,
    amounts,
    pending: figures.claimsPending.map((row) => ({
      currency: row.currency,
      redemptions: count.format(row.redemptions),
      amount: formatMoney(row.amount, row.currency, locale),
    })),
    /** Each chart's figures as table rows (first cell the row's heading). */
    tables: {
      perDay: pairs(perDay),
      funnel: pairs(funnel),
      stages: stages.map((stage) => [stage.label, stage.decided, stage.approved, stage.rejected, stage.hoursText]),
      reasons: pairs(reasons),
    },
  };
}

/** The charts' data for views/assets/dashboards.js, as JSON that cannot close the script element it sits in. */
function chartData(presented: ReturnType<typeof presentFigures>, req: Request): string {
  const series = (rows: Array<{ label: string; value: number }>) => ({
    labels: rows.map((row) => row.label),
    values: rows.map((row) => row.value),
  });
  const data = {
    perDay: { ...series(presented.perDay), name: req.t('dashboards.perDay.series') },
    funnel: { ...series(presented.funnel), name: req.t('dashboards.funnel.series') },
    stages: {
      labels: presented.stages.map((stage) => stage.label),
      values: presented.stages.map((stage) => stage.hours),
      name: req.t('dashboards.stages.series'),
    },
    reasons: { ...series(presented.reasons), name: req.t('dashboards.reasons.series') },
    amounts: presented.amounts.map((row) => ({ currency: row.currency, ...series(row.cells) })),
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export function createDashboardPages({ dashboards }: DashboardPagesOptions): Router {
  const router = Router();
  router.use(requirePageRole('analyst', 'program-manager'));

  router.get('/', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const [parsed, programs, regions] = await Promise.all([
      dashboards.parseFilters(query),
      dashboards.listPrograms(),
      dashboards.listRegions(),
    ]);
    const choices = {
      programs,
      regions,
      genders: GENDERS.map((code) => ({ code, words: req.t(`dashboards.gender.${code}`) })),
      ageBands: AGE_BANDS.map((code) => ({ code, words: code === 'unknown' ? req.t('dashboards.ageBand.unknown') : code })),
    };
    if (!parsed.ok) {
      const errors = errorMessages(req, parsed.errors);
      res.status(400).render('dashboards/index.njk', {
        values: parsed.values,
        choices,
        errors,
        errorList: linkFieldErrors(errors, (key) => FIELD_IDS[key as keyof typeof FIELD_IDS]),
      });
      return;
    }
    const reading = await dashboards.readDashboard(parsed.filters);
    const presented = presentFigures(req, reading.figures);
    res.render('dashboards/index.njk', {
      values: { program: '', region: '', gender: '', ageBand: '', ...parsed.filters },
      choices,
      errors: {},
      errorList: [],
      reading: { source: reading.source, delayed: reading.delayed },
      figures: presented,
      chartJson: chartData(presented, req),
    });
  });

  return router;
}
