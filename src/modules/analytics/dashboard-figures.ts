/** What the dashboards show, whichever store computed it: the same shape, sorted the same way, rounded the same way. */
import { daysOf, type DashboardFilters } from './dashboard-filters.js';
import { FUNNEL_STEPS, type FunnelStep } from './analytics-documents.js';

export interface StageFigures {
  stage: number;
  decided: number;
  approved: number;
  rejected: number;
  /** Average time from entering the stage to its decision, in hours, to two decimals. */
  averageWaitHours: number;
}

export interface AmountFigures {
  currency: string;
  approved: string;
  issued: string;
  redeemed: string;
  claimed: string;
  paid: string;
}

export interface DashboardFigures {
  applicationsPerDay: Array<{ day: string; count: number }>;
  funnel: Array<{ step: FunnelStep; count: number }>;
  stages: StageFigures[];
  rejectionReasons: Array<{ reasonCode: string; count: number }>;
  amounts: AmountFigures[];
  /** Redeemed services in claims not yet paid (submitted or approved), per currency. */
  claimsPending: Array<{ currency: string; redemptions: number; amount: string }>;
}

/** The raw counts a store found; `shapeFigures` turns them into DashboardFigures. */
export interface RawFigures {
  perDay: Map<string, number>;
  funnel: Partial<Record<FunnelStep, number>>;
  stages: Array<{ stage: number; decided: number; approved: number; rejected: number; averageWaitSeconds: number | null }>;
  reasons: Array<{ reasonCode: string; count: number }>;
  amounts: Array<{ currency: string; approved: number; issued: number; redeemed: number; claimed: number; paid: number }>;
  pending: Array<{ currency: string; redemptions: number; amount: number }>;
}

const money = (value: number) => (Math.round(value * 100) / 100).toFixed(2);

export function shapeFigures(filters: DashboardFilters, raw: RawFigures): DashboardFigures {
  return {
    applicationsPerDay: daysOf(filters).map((day) => ({ day, count: raw.perDay.get(day) ?? 0 })),
    funnel: FUNNEL_STEPS.map((step) => ({ step, count: raw.funnel[step] ?? 0 })),
    stages: raw.stages
      .map((stage) => ({
        stage: stage.stage,
        decided: stage.decided,
        approved: stage.approved,
        rejected: stage.rejected,
        averageWaitHours: Math.round((stage.averageWaitSeconds ?? 0) / 36) / 100,
      }))
      .sort((a, b) => a.stage - b.stage),
    rejectionReasons: [...raw.reasons].sort((a, b) => b.count - a.count || a.reasonCode.localeCompare(b.reasonCode)),
    amounts: raw.amounts
      .map((row) => ({
        currency: row.currency,
        approved: money(row.approved),
        issued: money(row.issued),
        redeemed: money(row.redeemed),
        claimed: money(row.claimed),
        paid: money(row.paid),
      }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    claimsPending: raw.pending
      .map((row) => ({ currency: row.currency, redemptions: row.redemptions, amount: money(row.amount) }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
