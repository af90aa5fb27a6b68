/**
 * The dashboards' filters, read from a query string and checked: a program that does not exist, a period
 * that ends before it starts or spans more than MAX_PERIOD_DAYS, or a value outside its list is refused
 * with the field it concerns, never read as "no filter".
 */
import { AGE_BANDS, GENDERS } from './analytics-rows.js';

export type Gender = (typeof GENDERS)[number];
export type AgeBand = (typeof AGE_BANDS)[number];

export interface DashboardFilters {
  /** A program's code; absent: every program. */
  program?: string;
  /** First and last day of the period of submission (UTC), both included, as YYYY-MM-DD. */
  from: string;
  to: string;
  region?: string;
  gender?: Gender;
  ageBand?: AgeBand;
}

export const MAX_PERIOD_DAYS = 366;
const DEFAULT_PERIOD_DAYS = 30;
const DAY_MS = 86_400_000;

export type DashboardFilterField = 'program' | 'from' | 'to' | 'region' | 'gender' | 'ageBand';
export type DashboardFilterProblem = 'unknown-program' | 'not-a-date' | 'period-reversed' | 'period-too-long' | 'not-in-list' | 'too-long';

export interface DashboardFilterError {
  field: DashboardFilterField;
  problem: DashboardFilterProblem;
}

export type ParseDashboardFiltersResult =
  { ok: true; filters: DashboardFilters } | { ok: false; errors: DashboardFilterError[]; values: Record<DashboardFilterField, string> };

export interface ParseDashboardFiltersOptions {
  today: Date;
  /** The codes of the programs that exist. */
  programCodes: readonly string[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function isDay(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && dayOf(new Date(`${value}T00:00:00Z`)) === value;
}

/** Number of days from `from` to `to`, both included. */
export function daysIn(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Every day of the period, in order. */
export function daysOf(filters: Pick<DashboardFilters, 'from' | 'to'>): string[] {
  const start = Date.parse(`${filters.from}T00:00:00Z`);
  return Array.from({ length: daysIn(filters.from, filters.to) }, (_, index) => dayOf(new Date(start + index * DAY_MS)));
}

export function parseDashboardFilters(query: Record<string, unknown>, options: ParseDashboardFiltersOptions): ParseDashboardFiltersResult {
  const text = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
  const values: Record<DashboardFilterField, string> = {
    program: text('program'),
    from: text('from') || dayOf(new Date(options.today.getTime() - (DEFAULT_PERIOD_DAYS - 1) * DAY_MS)),
    to: text('to') || dayOf(options.today),
    region: text('region'),
    gender: text('gender'),
    ageBand: text('ageBand'),
  };
  const errors: DashboardFilterError[] = [];
  if (values.program && !options.programCodes.includes(values.program)) errors.push({ field: 'program', problem: 'unknown-program' });
  if (!isDay(values.from)) errors.push({ field: 'from', problem: 'not-a-date' });
  if (!isDay(values.to)) errors.push({ field: 'to', problem: 'not-a-date' });
  if (isDay(values.from) && isDay(values.to)) {
    if (values.to < values.from) errors.push({ field: 'to', problem: 'period-reversed' });
    else if (daysIn(values.from, values.to) > MAX_PERIOD_DAYS) errors.push({ field: 'to', problem: 'period-too-long' });
  }
  if (values.region.length > 100) errors.push({ field: 'region', problem: 'too-long' });
  if (values.gender && !(GENDERS as readonly string[]).includes(values.gender)) errors.push({ field: 'gender', problem: 'not-in-list' });
  if (values.ageBand && !(AGE_BANDS as readonly string[]).includes(values.ageBand))
    errors.push({ field: 'ageBand', problem: 'not-in-list' });
  if (errors.length > 0) return { ok: false, errors, values };
  return {
    ok: true,
    filters: {
      from: values.from,
      to: values.to,
      ...(values.program && { program: values.program }),
      ...(values.region && { region: values.region }),
      ...(values.gender && { gender: values.gender as Gender }),
      ...(values.ageBand && { ageBand: values.ageBand as AgeBand }),
    },
  };
}
