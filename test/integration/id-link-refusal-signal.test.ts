/**
 * An applicant's verified ID QR refused because the ID is linked to another account is a signal for the officer
 * of the first stage of that applicant's application: when it happened, never the ID or the other account. Not
 * for the officer of a later stage, nor for an officer not designated on the application, nor for the applicant.
 * On a database of its own: it links demo applicants to IDs.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestAppOnOwnDatabase } from '../support/own-database.js';
import type { TestApp } from '../support/harness.js';
import { generateIdSigningKey, signIdCard } from '../support/id-qr-codes.js';
import { tokenFor } from '../support/tokens.js';
import { applicationFor, createProgram } from '../support/fixtures.js';

const ISSUER = 'https://id.example.gov';
type User = 'maria' | 'amina' | 'nadia' | 'pedro' | 'samuel' | 'joy' | 'sena';

describe('the signal of an ID refused as linked to another account', () => {
  let testApp: TestApp;
  const key = generateIdSigningKey('EdDSA');
  const tokens = {} as Record<User, string>;
  const card = (id: string, firstName: string, lastName: string, dateOfBirth: string) =>
    signIdCard({ issuer: ISSUER, key, claims: { id, firstName, lastName, dateOfBirth, gender: 2 } });
  const api = () => request(testApp.app);
  const as = (user: User) => `Bearer ${tokens[user]}`;
  const verify = (user: User, text: string) => api().post('/api/v1/me/id-verification').set('authorization', as(user)).send({ text });
  const signalsOf = (applicationId: string, user: User) =>
    api().get(`/api/v1/applications/${applicationId}/signals`).set('authorization', as(user));
  let nadias: string;
  let aminas: string;
  let refusedAt: number;

  beforeAll(async () => {
    testApp = await startTestAppOnOwnDatabase('idlinksignal');
    for (const user of ['maria', 'amina', 'nadia', 'pedro', 'samuel', 'joy', 'sena'] as const) tokens[user] = await tokenFor(user);
    const trusted = await api()
      .post('/api/v1/id-issuers')
      .set('authorization', as('maria'))
      .send({ issuer: ISSUER, name: 'National ID office', keys: [{ algorithm: 'EdDSA', publicKeyHex: key.publicKeyHex }] });
    expect(trusted.status).toBe(201);
    // Amina's account holds her ID; Nadia (whose token carries none) tries it first, is refused, then links her own.
    expect((await verify('amina', card('NID-1001', 'Amina', 'Yusuf', '19900214'))).status).toBe(200);
    const before = Date.now();
    const refused = await verify('nadia', card('NID-1001', 'Amina', 'Yusuf', '19900214'));
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ERR_ID_QR_ID_LINKED_ELSEWHERE');
    refusedAt = before;
    expect((await verify('nadia', card('NID-7001', 'Nadia', 'Haddad', '19880704'))).status).toBe(200);
    // Stages: a review by samuel, then an assessment by sena.
    const program = await createProgram(testApp.app);
    const nadia = { givenName: 'Nadia', familyName: 'Haddad', gender: 'female', birthDate: '1988-07-04', address: { region: 'Coast' } };
    const submitted = await api()
      .post('/api/v1/applications')
      .set('authorization', as('nadia'))
      .send(applicationFor(program.id, { applicant: nadia }));
    expect(submitted.status).toBe(201);
    nadias = submitted.body.id as string;
    const other = await api().post('/api/v1/applications').set('authorization', as('amina')).send(applicationFor(program.id));
    expect(other.status).toBe(201);
    aminas = other.body.id as string;
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('shows the first-stage officer when the applicant tried, and nothing of the ID or the other account', async () => {
    const response = await signalsOf(nadias, 'samuel');
    expect(response.status).toBe(200);
    const signal = (response.body.signals as Array<{ key: string; kind: string; evidence: { linkAttempts?: string[] } }>).find(
      (s) => s.kind === 'id-linked-elsewhere',
    );
    expect(signal).toEqual({ key: 'id-linked-elsewhere', kind: 'id-linked-elsewhere', evidence: { linkAttempts: [expect.any(String)] } });
    const at = Date.parse(signal?.evidence.linkAttempts?.[0] ?? '');
    expect(at).toBeGreaterThanOrEqual(refusedAt - 1000);
    expect(at).toBeLessThanOrEqual(Date.now());
    expect(JSON.stringify(response.body)).not.toMatch(/NID-1001|Amina|Yusuf/);
  });

  it('lets the first-stage officer mark it reviewed with a note', async () => {
    const review = await api()
      .post(`/api/v1/applications/${nadias}/signals/id-linked-elsewhere/review`)
      .set('authorization', as('samuel'))
      .send({ note: 'Asked her at the interview: she scanned her sister’s card by mistake.' });
    expect(review.status).toBe(201);
    expect(review.body.signalKey).toBe('id-linked-elsewhere');
  });

  it('is not a signal of the account that holds the ID', async () => {
    const response = await signalsOf(aminas, 'samuel');
    expect(response.status).toBe(200);
    expect(response.body.signals.map((s: { kind: string }) => s.kind)).not.toContain('id-linked-elsewhere');
  });

  it('is not shown to the officer of a later stage, nor to an officer not designated, nor to the applicant', async () => {
    const later = await signalsOf(nadias, 'sena');
    expect(later.status).toBe(200);
    expect(later.body.signals.map((s: { kind: string }) => s.kind)).not.toContain('id-linked-elsewhere');
    const laterReview = await api()
      .post(`/api/v1/applications/${nadias}/signals/id-linked-elsewhere/review`)
      .set('authorization', as('sena'))
      .send({ note: 'Not mine.' });
    expect(laterReview.status).toBe(404);
    const stranger = await signalsOf(nadias, 'joy');
    expect(stranger.status).toBe(404);
    const applicant = await signalsOf(nadias, 'nadia');
    expect(applicant.status).toBe(403);
    expect(applicant.body.code).toBe('ERR_FORBIDDEN_ROLE');
    // Her own application, as she reads it, says nothing of the refused attempt either.
    const own = await api().get(`/api/v1/applications/${nadias}`).set('authorization', as('nadia'));
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).not.toMatch(/linked-elsewhere|linkAttempts/);
  });
});
