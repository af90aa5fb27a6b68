/** Builders for realistic test data, made through the API like a user would. */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import type { Sequelize } from 'sequelize';
import { execute } from '../../src/platform/db/sql.js';
import { tokenFor } from './tokens.js';

export function uniqueCode(prefix = 'T'): string {
  return `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
}

export interface ProgramFixture {
  id: string;
  code: string;
  version: number;
  currency: string;
}

export interface ProgramOptions {
  /** The program's name; by default "Emergency surgery (test)", which many files share. */
  name?: string;
  open?: boolean;
  currency?: string;
  timeZone?: string;
  /** The stages as a manager sends them; by default a review by samuel, then an assessment by sena. */
  stages?: Array<{
    name: string;
    kind: 'review' | 'assessment';
    officer: { type: 'user' | 'group'; ref: string };
    checklist?: Array<{ code: string; label: string }>;
  }>;
  reasonCodes?: Array<{ code: string; label: string }>;
  voucherIssuance?: 'manual' | 'on-approval';
}

export async function createProgram(app: Express, options: ProgramOptions = {}): Promise<ProgramFixture> {
  const token = await tokenFor('maria');
  const created = await request(app)
    .post('/api/v1/programs')
    .set('Authorization', `Bearer ${token}`)
    .send({
      code: uniqueCode(),
      name: options.name ?? 'Emergency surgery (test)',
      description: 'A program made by a test.',
      currency: options.currency ?? 'USD',
      maxAmount: '5000.00',
      voucherValidityDays: 30,
      ...(options.timeZone && { timeZone: options.timeZone }),
      ...(options.voucherIssuance && { voucherIssuance: options.voucherIssuance }),
      treatmentTypes: [
        { code: 'surgery', label: 'Urgent surgery' },
        { code: 'treatment', label: 'Medical treatment' },
      ],
      reasonCodes: options.reasonCodes ?? [{ code: 'eligible', label: 'Eligible' }],
      stages: options.stages ?? [
        { name: 'Social worker', kind: 'review', officer: { type: 'user', ref: 'samuel' } },
        { name: 'Senior officer', kind: 'assessment', officer: { type: 'user', ref: 'sena' } },
      ],
    });
  if (created.status !== 201) throw new Error(`program not created: ${created.status} ${JSON.stringify(created.body)}`);
  let program = created.body as { id: string; code: string; version: number; currency: string };
  if (options.open !== false) {
    const opened = await request(app)
      .patch(`/api/v1/programs/${program.id}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ version: program.version, state: 'open' });
    if (opened.status !== 200) throw new Error(`program not opened: ${opened.status} ${JSON.stringify(opened.body)}`);
    program = opened.body as typeof program;
  }
  return { id: program.id, code: program.code, version: program.version, currency: program.currency };
}

export function applicationFor(programId: string, overrides: Record<string, unknown> = {}) {
  return {
    programId,
    treatment: {
      type: 'surgery',
      description: 'Appendectomy after admission through the emergency ward.',
      estimatedCost: '1200.50',
      currency: 'USD',
      facility: 'County Referral Hospital',
    },
    applicant: {
      givenName: 'Amina',
      familyName: 'Yusuf',
      gender: 'female',
      birthDate: '1990-02-14',
      occupation: 'Trader',
      phone: '+254 700 000002',
      address: { region: 'Coast', district: 'Mombasa', locality: 'Likoni' },
    },
    familyMembers: [{ relation: 'child', givenName: 'Zawadi', familyName: 'Yusuf', gender: 'female', birthDate: '2016-06-30' }],
    ...overrides,
  };
}

/**
 * The demo applicants (amina NID-1001, pedro NID-1002) are shared by every test file of a run. A test
 * that has an officer verify their registry fields hands them back as the applicant's own afterwards, so
 * another file's applications still update them.
 */
export async function forgetOfficerVerification(sequelize: Sequelize, idValue: string): Promise<void> {
  await execute(sequelize, "UPDATE registrants SET verified_fields = '{}' WHERE id_type = 'NATIONAL_ID' AND id_value = :idValue", {
    idValue,
  });
}

export interface ApprovedApplication {
  id: string;
  reference: string;
}

/**
 * An application approved through the default program's stages (see `createProgram`): submitted by
 * `applicant`, reviewed by samuel, assessed by sena for `amount`. Throws when a step is refused.
 */
export async function approveApplication(
  app: Express,
  programId: string,
  options: { applicant?: string; amount?: string; overrides?: Record<string, unknown> } = {},
): Promise<ApprovedApplication> {
  const submitted = await request(app)
    .post('/api/v1/applications')
    .set('Authorization', `Bearer ${await tokenFor(options.applicant ?? 'amina')}`)
    .send(applicationFor(programId, options.overrides));
  if (submitted.status !== 201) throw new Error(`not submitted: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const id = submitted.body.id as string;
  const review = await request(app)
    .post(`/api/v1/applications/${id}/stages/1/decision`)
    .set('Authorization', `Bearer ${await tokenFor('samuel')}`)
    .send({ decision: 'approve', reasonCode: 'eligible', checklist: {} });
  const assessment = await request(app)
    .post(`/api/v1/applications/${id}/stages/2/decision`)
    .set('Authorization', `Bearer ${await tokenFor('sena')}`)
    .send({ decision: 'approve', reasonCode: 'eligible', amount: options.amount ?? '1100.00', checklist: {} });
  if (review.status !== 201 || assessment.status !== 201)
    throw new Error(`not approved: ${JSON.stringify([review.body, assessment.body])}`);
  return { id, reference: submitted.body.reference as string };
}

/**
 * The demo provider user clinic linked to no facility (but `keep`): the test files of a run share clinic, and a
 * user is linked to one facility at a time.
 */
export async function unlinkClinic(app: Express, keep?: string): Promise<void> {
  const maria = `Bearer ${await tokenFor('maria')}`;
  const all = await request(app).get('/api/v1/providers').set('Authorization', maria);
  for (const provider of all.body.items as Array<{ id: string; users: Array<{ subject: string; username: string }> }>) {
    if (provider.id === keep) continue;
    for (const user of provider.users.filter((u) => u.username === 'clinic')) {
      const removed = await request(app)
        .delete(`/api/v1/providers/${provider.id}/users/${encodeURIComponent(user.subject)}`)
        .set('Authorization', maria);
      if (removed.status !== 200) throw new Error(`clinic not unlinked: ${removed.status} ${JSON.stringify(removed.body)}`);
    }
  }
}

/** A new facility of this name (in `region`, Coast by default), registered by maria, with clinic linked to it alone; its id. */
export async function facilityWithClinic(app: Express, name: string, options: { region?: string } = {}): Promise<string> {
  const maria = `Bearer ${await tokenFor('maria')}`;
  const facility = await request(app)
    .post('/api/v1/providers')
    .set('Authorization', maria)
    .send({ name, kind: 'clinic', region: options.region ?? 'Coast', paymentDetails: 'KCB 1234567890' });
  if (facility.status !== 201) throw new Error(`facility not registered: ${facility.status} ${JSON.stringify(facility.body)}`);
  await unlinkClinic(app);
  const linked = await request(app)
    .post(`/api/v1/providers/${facility.body.id}/users`)
    .set('Authorization', maria)
    .send({ username: 'clinic' });
  if (linked.status !== 200) throw new Error(`clinic not linked: ${linked.status} ${JSON.stringify(linked.body)}`);
  return facility.body.id as string;
}
