/** Helpers for erasure tests: the demo applicants are shared by every test file of a run. */
import request from 'supertest';
import type { Express } from 'express';
import type { Sequelize } from 'sequelize';
import { selectRows } from '../../src/platform/db/sql.js';
import { subjectOf, tokenFor } from './tokens.js';

/** maria revokes the vouchers of this applicant still in force (another file may have issued some): erasure refuses them. */
export async function revokeVouchersInForceOf(app: Express, sequelize: Sequelize, username: string): Promise<void> {
  const rows = await selectRows<{ id: string }>(
    sequelize,
    `SELECT v.id FROM vouchers v JOIN applications a ON a.id = v.application_id
     WHERE a.applicant_subject = :subject AND v.status IN ('ACTIVE', 'SUSPENDED')`,
    { subject: await subjectOf(username) },
  );
  const maria = `Bearer ${await tokenFor('maria')}`;
  for (const { id } of rows) {
    const revoked = await request(app)
      .post(`/api/v1/vouchers/${id}/revocation`)
      .set('Authorization', maria)
      .send({ reason: 'Erasure test.' });
    if (revoked.status !== 200) throw new Error(`voucher not revoked: ${revoked.status} ${JSON.stringify(revoked.body)}`);
  }
}

/** Completes this applicant's pending erasure request, if any (left by another file), so a new one can be made. */
export async function completePendingErasureOf(app: Express, sequelize: Sequelize, username: string): Promise<void> {
  const pending = await selectRows<{ id: string }>(
    sequelize,
    "SELECT id FROM erasure_requests WHERE subject = :subject AND status = 'PENDING'",
    {
      subject: await subjectOf(username),
    },
  );
  await revokeVouchersInForceOf(app, sequelize, username);
  for (const { id } of pending) {
    const done = await request(app)
      .post(`/api/v1/erasure-requests/${id}/completion`)
      .set('Authorization', `Bearer ${await tokenFor('maria')}`)
      .send();
    if (done.status !== 200) throw new Error(`erasure not completed: ${done.status} ${JSON.stringify(done.body)}`);
  }
}
