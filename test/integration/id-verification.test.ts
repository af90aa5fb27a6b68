/**
 * Identity verification with the QR code of an applicant's ID, through the API, on a database of its own (it
 * links demo applicants to IDs): every bad code is a 4xx problem naming its failed check and stores nothing; a
 * good one links the account (nadia's token carries no national ID, amina's does and must match); an ID held by
 * another account is refused and the attempt kept; the program manager manages the trusted issuers.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { selectOne } from '../../src/platform/db/sql.js';
import { startTestAppOnOwnDatabase } from '../support/own-database.js';
import type { TestApp } from '../support/harness.js';
import { generateIdSigningKey, signIdCard, type IdCardClaims } from '../support/id-qr-codes.js';
import { generateIdCredentialKey, idCredentialQr, signIdCredential, type IdCredentialKey } from '../support/id-credentials.js';
import { tokenFor } from '../support/tokens.js';
import { applicationFor, createProgram } from '../support/fixtures.js';

const ISSUER = 'https://id.example.gov';
const SETTINGS_ISSUER = 'https://settings-id.example.gov';
const DAY = 86_400;
const now = () => Math.floor(Date.now() / 1000);

describe('verifying the QR code of an ID', () => {
  let testApp: TestApp;
  const key = generateIdSigningKey('EdDSA');
  const settingsKey = generateIdSigningKey('ES256');
  const tokens: Record<string, string> = {};
  const card = (claims: Partial<IdCardClaims> = {}, options: Partial<Parameters<typeof signIdCard>[0]> = {}) =>
    signIdCard({
      issuer: ISSUER,
      key,
      claims: {
        id: 'NID-7001',
        firstName: 'Nadia',
        lastName: 'Haddad',
        dateOfBirth: '19880704',
        gender: 2,
        address: '4 Cedar Lane',
        ...claims,
      },
      ...options,
    });
  const verify = (user: string, text: string) =>
    request(testApp.app).post('/api/v1/me/id-verification').set('authorization', `Bearer ${tokens[user]}`).send({ text });
  const countRows = async (table: string) =>
    Number((await selectOne<{ n: string }>(testApp.runtime.database.sequelize, `SELECT count(*) AS n FROM ${table}`))?.n);

  beforeAll(async () => {
    testApp = await startTestAppOnOwnDatabase('idqr', {
      env: {
        ID_TRUSTED_ISSUERS: JSON.stringify([
          { issuer: SETTINGS_ISSUER, name: 'Settings ID office', keys: [{ algorithm: 'ES256', publicKeyHex: settingsKey.publicKeyHex }] },
        ]),
      },
    });
    for (const user of ['maria', 'nadia', 'amina', 'samuel']) tokens[user] = await tokenFor(user);
    const created = await request(testApp.app)
      .post('/api/v1/id-issuers')
      .set('authorization', `Bearer ${tokens.maria}`)
      .send({ issuer: ISSUER, name: 'National ID office', keys: [{ algorithm: 'EdDSA', publicKeyHex: key.publicKeyHex }] });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('tells an applicant without a verified ID to verify it first', async () => {
    const response = await request(testApp.app).get('/api/v1/me/registrant').set('authorization', `Bearer ${tokens.nadia}`);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'ERR_IDENTITY_UNVERIFIED', title: 'Verify your ID first' });
  });

  it.each([
    ['a text that is not base45', () => 'not an ID code!', 400, 'ERR_ID_QR_NOT_BASE45'],
    ['a truncated code', () => card().slice(0, 60), 400, 'ERR_ID_QR_DAMAGED'],
    ['a code that is no COSE structure', () => '6BFGPD$.PV0Q$LPFDQI00LTDH1', 400, 'ERR_ID_QR_NOT_COSE'],
    ['a forged signature', () => card({}, { key: generateIdSigningKey('EdDSA') }), 422, 'ERR_ID_QR_SIGNATURE_INVALID'],
    ['an untrusted issuer', () => card({}, { issuer: 'https://elsewhere.example' }), 422, 'ERR_ID_QR_ISSUER_UNTRUSTED'],
    ['an expired ID', () => card({}, { issuedAt: now() - 400 * DAY, expiresAt: now() - DAY }), 422, 'ERR_ID_QR_EXPIRED'],
    ['an ID not valid yet', () => card({}, { notBefore: now() + 10 * DAY }), 422, 'ERR_ID_QR_NOT_YET_VALID'],
  ])('refuses %s with a problem naming the check, and stores nothing', async (_what, text, status, code) => {
    const response = await verify('nadia', text());
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe(code);
    expect(await countRows('identity_links')).toBe(0);
    expect(await countRows('identity_link_refusals')).toBe(0);
  });

  it('refuses an empty or oversized text as a validation error', async () => {
    expect((await verify('nadia', '')).body.code).toBe('ERR_VALIDATION');
    expect((await verify('nadia', 'A'.repeat(8001))).body.code).toBe('ERR_VALIDATION');
  });

  it('refuses an officer: verifying an ID is for applicants', async () => {
    expect((await verify('samuel', card())).status).toBe(403);
  });

  it('refuses an ID other than the one the token carries', async () => {
    const response = await verify('amina', card({ id: 'NID-9999' }));
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('ERR_ID_QR_ID_MISMATCH');
  });

  it('links the account whose token carries the same ID', async () => {
    const response = await verify('amina', card({ id: 'NID-1001', firstName: 'Amina', lastName: 'Yusuf' }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ idNumber: 'NID-1001', givenName: 'Amina', familyName: 'Yusuf' });
  });

  it('refuses to link an ID another account holds, and records the attempt', async () => {
    const response = await verify('nadia', card({ id: 'NID-1001' }));
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('ERR_ID_QR_ID_LINKED_ELSEWHERE');
    expect(await countRows('identity_link_refusals')).toBe(1);
    expect((await request(testApp.app).get('/api/v1/me/id-verification').set('authorization', `Bearer ${tokens.nadia}`)).status).toBe(404);
  });

  it('links an account without a national ID to the verified ID, which then stands for it', async () => {
    const response = await verify('nadia', card());
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      format: 'claim169',
      issuer: ISSUER,
      idNumber: 'NID-7001',
      givenName: 'Nadia',
      familyName: 'Haddad',
      birthDate: '1988-07-04',
      gender: 'female',
      address: '4 Cedar Lane',
      lockedFields: ['givenName', 'familyName', 'birthDate', 'gender', 'address'],
    });
    const mine = await request(testApp.app).get('/api/v1/me/id-verification').set('authorization', `Bearer ${tokens.nadia}`);
    expect(mine.body.idNumber).toBe('NID-7001');
    // The registry now knows her by that ID: no registrant yet, rather than "verify your ID first".
    const registrant = await request(testApp.app).get('/api/v1/me/registrant').set('authorization', `Bearer ${tokens.nadia}`);
    expect(registrant.status).toBe(404);
    // Once linked, another person's ID is not hers.
    expect((await verify('nadia', card({ id: 'NID-7002' }))).body.code).toBe('ERR_ID_QR_ID_MISMATCH');
  });

  it('pre-fills and locks the verified fields of her applications, and marks them for officers', async () => {
    const program = await createProgram(testApp.app);
    const nadiaApplicant = {
      givenName: 'Nadia',
      familyName: 'Haddad',
      gender: 'female',
      birthDate: '1988-07-04',
      address: { region: 'Coast' },
    };
    const changed = await request(testApp.app)
      .post('/api/v1/applications')
      .set('authorization', `Bearer ${tokens.nadia}`)
      .send(
        applicationFor(program.id, {
          applicant: { ...nadiaApplicant, givenName: 'Nadine', address: { region: 'Coast', line: 'Elsewhere 9' } },
        }),
      );
    expect(changed.status).toBe(400);
    expect(changed.body.code).toBe('ERR_ID_VERIFIED_FIELD_CHANGED');
    expect(changed.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      '/body/applicant/address/line',
      '/body/applicant/givenName',
    ]);
    const submitted = await request(testApp.app)
      .post('/api/v1/applications')
      .set('authorization', `Bearer ${tokens.nadia}`)
      .send(applicationFor(program.id, { applicant: nadiaApplicant }));
    expect(submitted.status).toBe(201);
    expect(submitted.body.applicant).toMatchObject({
      idValue: 'NID-7001',
      address: { region: 'Coast', line: '4 Cedar Lane' },
      verifiedById: ['givenName', 'familyName', 'birthDate', 'gender', 'address'],
    });
    const registrant = await request(testApp.app).get('/api/v1/me/registrant').set('authorization', `Bearer ${tokens.nadia}`);
    expect(registrant.body.verifiedFields).toEqual(
      expect.arrayContaining(['given_name', 'family_name', 'birth_date', 'gender', 'address_line']),
    );
  });

  it('accepts an ECDSA P-256 ID of an issuer trusted in the settings', async () => {
    const text = signIdCard({ issuer: SETTINGS_ISSUER, key: settingsKey, claims: { id: 'NID-1001', fullName: 'Amina Yusuf' } });
    const response = await verify('amina', text);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ issuer: SETTINGS_ISSUER, givenName: 'Amina', familyName: 'Yusuf' });
  });
});

describe('trusted ID issuers', () => {
  let testApp: TestApp;
  let maria: string;
  const issuers = () => request(testApp.app).get('/api/v1/id-issuers').set('authorization', `Bearer ${maria}`);
  const ed = generateIdSigningKey('EdDSA').publicKeyHex;
  const ec = generateIdSigningKey('ES256').publicKeyHex;

  beforeAll(async () => {
    testApp = await startTestAppOnOwnDatabase('idissuers', {
      env: {
        ID_TRUSTED_ISSUERS: JSON.stringify([
          { issuer: 'https://settings.example', name: 'From settings', keys: [{ algorithm: 'EdDSA', publicKeyHex: ed }] },
        ]),
      },
    });
    maria = await tokenFor('maria');
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('adds, changes (keys added and removed) and removes an issuer; the settings’ issuer is listed as such', async () => {
    const created = await request(testApp.app)
      .post('/api/v1/id-issuers')
      .set('authorization', `Bearer ${maria}`)
      .send({ issuer: 'https://id.example.org', name: 'ID office', keys: [{ algorithm: 'EdDSA', publicKeyHex: ed }] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ fromSettings: false, version: 1 });
    const changed = await request(testApp.app)
      .put(`/api/v1/id-issuers/${created.body.id}`)
      .set('authorization', `Bearer ${maria}`)
      .send({ name: 'ID office', keys: [{ algorithm: 'ES256', publicKeyHex: ec }], version: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body.keys).toEqual([{ algorithm: 'ES256', publicKeyHex: ec }]);
    const listed = await issuers();
    expect(listed.body.map((issuer: { name: string; fromSettings: boolean }) => [issuer.name, issuer.fromSettings])).toEqual([
      ['From settings', true],
      ['ID office', false],
    ]);
    const stale = await request(testApp.app)
      .put(`/api/v1/id-issuers/${created.body.id}`)
      .set('authorization', `Bearer ${maria}`)
      .send({ name: 'Old', keys: [{ algorithm: 'EdDSA', publicKeyHex: ed }], version: 1 });
    expect(stale.status).toBe(409);
    expect(
      (await request(testApp.app).delete(`/api/v1/id-issuers/${created.body.id}`).set('authorization', `Bearer ${maria}`)).status,
    ).toBe(204);
    expect(
      (await request(testApp.app).delete(`/api/v1/id-issuers/${created.body.id}`).set('authorization', `Bearer ${maria}`)).status,
    ).toBe(404);
  });

  it('refuses a key that is not one of its algorithm, an issuer trusted twice, and anyone but a program manager', async () => {
    const bad = await request(testApp.app)
      .post('/api/v1/id-issuers')
      .set('authorization', `Bearer ${maria}`)
      .send({ issuer: 'https://bad.example', name: 'Bad', keys: [{ algorithm: 'ES256', publicKeyHex: ed }] });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('ERR_ID_ISSUER_KEY_INVALID');
    const twice = await request(testApp.app)
      .post('/api/v1/id-issuers')
      .set('authorization', `Bearer ${maria}`)
      .send({ issuer: 'https://settings.example', name: 'Again', keys: [{ algorithm: 'EdDSA', publicKeyHex: ed }] });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ERR_ID_ISSUER_EXISTS');
    const amina = await tokenFor('amina');
    expect((await request(testApp.app).get('/api/v1/id-issuers').set('authorization', `Bearer ${amina}`)).status).toBe(403);
  });

  it('refuses a did:key issuer whose keys do not hold its own key, and takes one that does', async () => {
    const credentialKey = await generateIdCredentialKey();
    const without = await request(testApp.app)
      .post('/api/v1/id-issuers')
      .set('authorization', `Bearer ${maria}`)
      .send({ issuer: credentialKey.did, name: 'Credentials office', keys: [{ algorithm: 'EdDSA', publicKeyHex: ed }] });
    expect(without.status).toBe(400);
    expect(without.body.code).toBe('ERR_ID_ISSUER_KEY_INVALID');
    expect(without.body.errors.map((error: { path: string }) => error.path)).toEqual(['/body/keys']);
    const held = await request(testApp.app)
      .post('/api/v1/id-issuers')
      .set('authorization', `Bearer ${maria}`)
      .send({
        issuer: credentialKey.did,
        name: 'Credentials office',
        keys: [{ algorithm: 'EdDSA', publicKeyHex: credentialKey.publicKeyHex }],
      });
    expect(held.status).toBe(201);
    const dropped = await request(testApp.app)
      .put(`/api/v1/id-issuers/${held.body.id}`)
      .set('authorization', `Bearer ${maria}`)
      .send({ name: 'Credentials office', keys: [{ algorithm: 'EdDSA', publicKeyHex: ed }], version: 1 });
    expect(dropped.status).toBe(400);
    expect(dropped.body.code).toBe('ERR_ID_ISSUER_KEY_INVALID');
  });
});

describe('verifying an identity card credential (W3C VC) as the QR code of an ID', () => {
  let testApp: TestApp;
  let key: IdCredentialKey;
  const tokens: Record<string, string> = {};
  const subject = {
    idNumber: 'NID-7001',
    givenName: 'Nadia',
    familyName: 'Haddad',
    birthDate: '1988-07-04',
    gender: 'female',
    address: '4 Cedar Lane',
  };
  const verify = (user: string, text: string) =>
    request(testApp.app).post('/api/v1/me/id-verification').set('authorization', `Bearer ${tokens[user]}`).send({ text });
  const countRows = async (table: string) =>
    Number((await selectOne<{ n: string }>(testApp.runtime.database.sequelize, `SELECT count(*) AS n FROM ${table}`))?.n);

  beforeAll(async () => {
    testApp = await startTestAppOnOwnDatabase('idqrvc');
    key = await generateIdCredentialKey();
    for (const user of ['maria', 'nadia']) tokens[user] = await tokenFor(user);
    const created = await request(testApp.app)
      .post('/api/v1/id-issuers')
      .set('authorization', `Bearer ${tokens.maria}`)
      .send({ issuer: key.did, name: 'National ID office (credentials)', keys: [{ algorithm: 'EdDSA', publicKeyHex: key.publicKeyHex }] });
    expect(created.status).toBe(201);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it.each([
    [
      'an altered credential',
      async () =>
        idCredentialQr({ ...(await signIdCredential({ key, subject })), credentialSubject: { ...subject, idNumber: 'NID-7002' } }),
      'ERR_ID_QR_SIGNATURE_INVALID',
    ],
    [
      'a forgery naming the trusted issuer',
      async () => idCredentialQr(await signIdCredential({ key: await generateIdCredentialKey(), subject, issuer: key.did })),
      'ERR_ID_QR_SIGNATURE_INVALID',
    ],
    [
      'an untrusted issuer',
      async () => idCredentialQr(await signIdCredential({ key: await generateIdCredentialKey(), subject })),
      'ERR_ID_QR_ISSUER_UNTRUSTED',
    ],
    [
      'an expired credential',
      async () =>
        idCredentialQr(await signIdCredential({ key, subject, validFrom: '2020-01-01T00:00:00Z', validUntil: '2021-01-01T00:00:00Z' })),
      'ERR_ID_QR_EXPIRED',
    ],
  ])('refuses %s with a 422 problem naming the check, and stores nothing', async (_what, text, code) => {
    const response = await verify('nadia', await text());
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe(code);
    expect(await countRows('identity_links')).toBe(0);
  });

  it('links the account to the ID of a genuine credential, with the same verified fields as a Claim 169 code', async () => {
    const response = await verify('nadia', await idCredentialQr(await signIdCredential({ key, subject })));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      format: 'vc',
      issuer: key.did,
      idNumber: 'NID-7001',
      givenName: 'Nadia',
      familyName: 'Haddad',
      birthDate: '1988-07-04',
      gender: 'female',
      address: '4 Cedar Lane',
      lockedFields: ['givenName', 'familyName', 'birthDate', 'gender', 'address'],
    });
    const mine = await request(testApp.app).get('/api/v1/me/id-verification').set('authorization', `Bearer ${tokens.nadia}`);
    expect(mine.body).toMatchObject({ format: 'vc', idNumber: 'NID-7001' });
  });
});
