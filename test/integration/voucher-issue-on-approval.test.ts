/**
 * A program set to `voucherIssuance: 'on-approval'` needs no issuing officer: the outbox consumer issues the
 * voucher once the last stage approves, as `system:auto-issue`, and a repeated delivery issues nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { selectRows } from '../../src/platform/db/sql.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import type { OutboxEvent } from '../../src/platform/outbox/consumer.js';
import { createOutboxConsumers } from '../../src/outbox-consumers.js';
import { createIssueOnApprovalConsumer, type Voucher } from '../../src/modules/vouchers/index.js';
import type { Principal } from '../../src/platform/auth/principal.js';
import { ForbiddenError, ServiceUnavailableError } from '../../src/platform/http/errors.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';
import { approveApplication, createProgram, type ProgramFixture } from '../support/fixtures.js';
import { waitUntil } from '../support/wait-until.js';

describe('issuing the voucher at the last approval', () => {
  let testApp: TestApp;
  let onApproval: ProgramFixture;
  let manual: ProgramFixture;
  const tokens: Record<string, string> = {};
  const users = ['amina', 'maria', 'samuel', 'sena'] as const;
  type User = (typeof users)[number];

  beforeAll(async () => {
    testApp = await startTestApp();
    for (const user of users) tokens[user] = await tokenFor(user);
    onApproval = await createProgram(testApp.app, { voucherIssuance: 'on-approval' });
    manual = await createProgram(testApp.app);
  });
  afterAll(async () => {
    await testApp.close();
  });

  const api = () => request(testApp.app);
  const as = (user: User) => `Bearer ${tokens[user]}`;
  const voucherOf = (id: string) => api().get(`/api/v1/applications/${id}/voucher`).set('Authorization', as('amina'));
  const issuedVoucher = (id: string) =>
    waitUntil(
      () => voucherOf(id),
      (res) => res.status === 200,
      `the voucher of ${id}`,
    );

  const approved = async (program: ProgramFixture): Promise<string> =>
    (await approveApplication(testApp.app, program.id, { amount: '900.00' })).id;

  async function vouchersOf(applicationId: string) {
    return selectRows<{ id: string; issued_by: string }>(
      testApp.runtime.database.sequelize,
      'SELECT id, issued_by FROM vouchers WHERE application_id = :applicationId',
      { applicationId },
    );
  }

  async function approvalEventOf(applicationId: string): Promise<OutboxEvent> {
    const [row] = await selectRows<{
      id: string;
      event_type: string;
      aggregate_type: string;
      aggregate_id: string;
      occurred_at: Date;
      payload: Record<string, unknown>;
    }>(
      testApp.runtime.database.sequelize,
      `SELECT id, event_type, aggregate_type, aggregate_id, occurred_at, payload FROM outbox_events
       WHERE event_type = 'application.stage-decided' AND aggregate_id = :applicationId AND payload->>'status' = 'APPROVED'`,
      { applicationId },
    );
    if (!row) throw new Error(`no approval event for ${applicationId}`);
    return {
      id: String(row.id),
      type: row.event_type,
      aggregateType: row.aggregate_type,
      aggregateId: row.aggregate_id,
      occurredAt: row.occurred_at,
      payload: row.payload,
    };
  }

  it('stores the setting with the program, manual unless chosen', async () => {
    const read = async (id: string) => (await api().get(`/api/v1/programs/${id}`).set('Authorization', as('maria'))).body;
    expect((await read(onApproval.id)).voucherIssuance).toBe('on-approval');
    expect((await read(manual.id)).voucherIssuance).toBe('manual');
  });

  it('issues the voucher of an application approved by its last stage, as system:auto-issue', async () => {
    const id = await approved(onApproval);
    const res = await issuedVoucher(id);
    expect(res.body).toMatchObject({ applicationId: id, status: 'ACTIVE', amount: '900.00' });
    const application = await api().get(`/api/v1/applications/${id}`).set('Authorization', as('amina'));
    expect(application.body.status).toBe('VOUCHER_ISSUED');
    const audit = await selectRows<{ actor_subject: string }>(
      testApp.runtime.database.sequelize,
      "SELECT actor_subject FROM audit_events WHERE action = 'voucher.issued' AND entity_id = :voucherId",
      { voucherId: (res.body as { id: string }).id },
    );
    expect(audit.map((row) => row.actor_subject)).toEqual(['system:auto-issue']);
  });

  it('leaves the approved application of a manual program to the issuing officer', async () => {
    const left = await approved(manual);
    // The relay hands a consumer its events in order: once a later approval has its voucher, this one was seen.
    await issuedVoucher(await approved(onApproval));
    const res = await voucherOf(left);
    expect(res.status).toBe(404);
    expect(await vouchersOf(left)).toEqual([]);
  });

  it('issues one voucher when the same approval is delivered again, even twice at once', async () => {
    const id = await approved(onApproval);
    const event = await approvalEventOf(id);
    const consumers = createOutboxConsumers({
      config: testApp.config,
      logger: createLogger('silent'),
      database: testApp.runtime.database,
      issuerKeys: testApp.runtime.issuerKeys,
      threads: testApp.runtime.threads,
      directory: testApp.runtime.directory,
    });
    const consumer = consumers.find((c) => c.name === 'voucher-issue-on-approval');
    if (!consumer) throw new Error('the consumer is not registered');
    const context = { idempotencyKey: `test:${event.id}` };
    await Promise.all([consumer.deliver(event, context), consumer.deliver(event, context)]);
    await issuedVoucher(id);
    await consumer.deliver(event, context);
    expect(await vouchersOf(id)).toEqual([{ id: expect.any(String), issued_by: 'system:auto-issue' }]);
  });

  describe('when issuing is refused or fails', () => {
    /** The consumer with an issuer that answers as told, and a log that keeps what it was given. */
    function consumerIssuing(answer: () => Promise<Voucher>) {
      const calls: string[] = [];
      const warnings: object[] = [];
      const consumer = createIssueOnApprovalConsumer({
        name: 'voucher-issue-on-approval-test',
        sequelize: testApp.runtime.database.sequelize,
        issueVoucher: (actor: Principal, applicationId: string) => {
          calls.push(`${actor.subject} ${applicationId}`);
          return answer();
        },
        logger: { info: () => undefined, warn: (object) => void warnings.push(object) },
      });
      return { consumer, calls, warnings };
    }
    const context = { idempotencyKey: 'test' };

    it('throws a fault that may pass (5xx, a lost connection), so the relay tries again', async () => {
      const event = await approvalEventOf(await approved(onApproval));
      const unavailable = consumerIssuing(() => Promise.reject(new ServiceUnavailableError('the database does not answer')));
      await expect(unavailable.consumer.deliver(event, context)).rejects.toMatchObject({ code: 'ERR_SERVICE_UNAVAILABLE' });
      const lost = consumerIssuing(() => Promise.reject(Object.assign(new Error('connection lost'), { code: 'ECONNRESET' })));
      await expect(lost.consumer.deliver(event, context)).rejects.toMatchObject({ code: 'ECONNRESET' });
    });

    it('logs a refusal that would repeat by ids and its code, and does not retry it', async () => {
      const id = await approved(onApproval);
      const event = await approvalEventOf(id);
      const refused = consumerIssuing(() => Promise.reject(new ForbiddenError('not this one', 'ERR_VOUCHER_OWN_APPLICATION')));
      await expect(refused.consumer.deliver(event, context)).resolves.toBeUndefined();
      expect(refused.calls).toEqual([`system:auto-issue ${id}`]);
      expect(refused.warnings).toEqual([{ eventId: event.id, applicationId: id, code: 'ERR_VOUCHER_OWN_APPLICATION' }]);
    });

    it('does nothing for a decision that is not the last approval, or for a manual program', async () => {
      const event = await approvalEventOf(await approved(onApproval));
      const watching = consumerIssuing(() => Promise.reject(new Error('not expected')));
      await watching.consumer.deliver({ ...event, payload: { ...event.payload, status: 'IN_REVIEW' } }, context);
      await watching.consumer.deliver({ ...event, type: 'application.submitted' }, context);
      await watching.consumer.deliver(await approvalEventOf(await approved(manual)), context);
      expect(watching.calls).toEqual([]);
    });
  });
});
