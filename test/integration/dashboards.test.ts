/**
 * The dashboards' figures from PostgreSQL (the path of every run without OPENSEARCH_URL), on a program whose
 * figures can be counted by hand (test/support/analytics-data.ts), and the filters that narrow them.
 * test/integration/opensearch/ checks that OpenSearch gives the same figures, where the run has one.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDashboardsService, type DashboardFilters, type DashboardsService } from '../../src/modules/analytics/index.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { makeDashboardData, type DashboardData } from '../support/analytics-data.js';

describe('dashboard figures from PostgreSQL', () => {
  let testApp: TestApp;
  let data: DashboardData;
  let dashboards: DashboardsService;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    testApp = await startTestApp();
    data = await makeDashboardData(testApp.app);
    dashboards = createDashboardsService({ sequelize: testApp.runtime.database.sequelize, logger: createLogger('silent') });
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const read = (filters: Partial<DashboardFilters> = {}) =>
    dashboards.readDashboard({ from: today, to: today, program: data.program.code, ...filters });

  it('counts applications, the funnel, stages, rejection reasons, amounts and pending claims of a program', async () => {
    const { figures, source, delayed } = await read();
    expect({ source, delayed }).toEqual({ source: 'postgresql', delayed: false });
    expect(figures.applicationsPerDay).toEqual([{ day: today, count: 4 }]);
    expect(Object.fromEntries(figures.funnel.map((step) => [step.step, step.count]))).toEqual({
      submitted: 4,
      reviewed: 3,
      approved: 2,
      'voucher-issued': 2,
      redeemed: 2,
      claimed: 2,
      reimbursed: 1,
    });
    expect(figures.stages.map(({ averageWaitHours: _wait, ...stage }) => stage)).toEqual([
      { stage: 1, decided: 3, approved: 2, rejected: 1 },
      { stage: 2, decided: 2, approved: 2, rejected: 0 },
    ]);
    expect(figures.rejectionReasons).toEqual([{ reasonCode: 'incomplete', count: 1 }]);
    expect(figures.amounts).toEqual([
      { currency: 'USD', approved: '1800.00', issued: '1800.00', redeemed: '500.00', claimed: '500.00', paid: '200.00' },
    ]);
    expect(figures.claimsPending).toEqual([{ currency: 'USD', redemptions: 1, amount: '300.00' }]);
  });

  it('narrows every figure by gender, region and age band', async () => {
    const men = await read({ gender: 'male' });
    expect(men.figures.funnel.slice(0, 3)).toEqual([
      { step: 'submitted', count: 2 },
      { step: 'reviewed', count: 1 },
      { step: 'approved', count: 0 },
    ]);
    expect(men.figures.amounts).toEqual([
      { currency: 'USD', approved: '0.00', issued: '0.00', redeemed: '0.00', claimed: '0.00', paid: '0.00' },
    ]);
    expect((await read({ region: 'Coast' })).figures.applicationsPerDay).toEqual([{ day: today, count: 2 }]);
    expect((await read({ ageBand: '60+' })).figures.rejectionReasons).toEqual([{ reasonCode: 'incomplete', count: 1 }]);
    expect((await read({ ageBand: '30-44' })).figures.rejectionReasons).toEqual([]);
  });

  it('counts nothing outside the period', async () => {
    const { figures } = await read({ from: '2020-01-01', to: '2020-01-03' });
    expect(figures.applicationsPerDay).toEqual([
      { day: '2020-01-01', count: 0 },
      { day: '2020-01-02', count: 0 },
      { day: '2020-01-03', count: 0 },
    ]);
    expect(figures.funnel.every((step) => step.count === 0)).toBe(true);
  });

  it('refuses an unknown program, a reversed period and one longer than a year, naming the field', async () => {
    expect(await dashboards.parseFilters({ program: 'NO-SUCH-PROGRAM' })).toMatchObject({
      ok: false,
      errors: [{ field: 'program', problem: 'unknown-program' }],
    });
    expect(await dashboards.parseFilters({ from: '2026-03-10', to: '2026-03-01' })).toMatchObject({
      ok: false,
      errors: [{ field: 'to', problem: 'period-reversed' }],
    });
    expect(await dashboards.parseFilters({ from: '2024-01-01', to: '2025-12-31' })).toMatchObject({
      ok: false,
      errors: [{ field: 'to', problem: 'period-too-long' }],
    });
    expect(await dashboards.parseFilters({ program: data.program.code, gender: 'male', from: '2026-01-01', to: '2026-01-31' })).toEqual({
      ok: true,
      filters: { program: data.program.code, gender: 'male', from: '2026-01-01', to: '2026-01-31' },
    });
  });
});
