/**
 * Every state-changing operation of the API leaves its record: one audit event and one outbox event,
 * naming the aggregate it changed, written with the change. The table must list every operation of the
 * contract that is not a GET, so a new operation cannot be added without its record being checked.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Response } from 'supertest';
import { loadApiSpec } from '../../src/platform/http/spec.js';
import { selectRows } from '../../src/platform/db/sql.js';
import { createCommandRunner } from '../../src/platform/db/command.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';
import { startTestAppOnOwnDatabase } from '../support/own-database.js';
import { generateIdSigningKey, signIdCard } from '../support/id-qr-codes.js';
import {
  applicationFor,
  approveApplication,
  createProgram,
  forgetOfficerVerification,
  uniqueCode,
  unlinkClinic,
} from '../support/fixtures.js';

interface Performed {
  response: Response;
  /** The aggregate the event must name. */
  aggregate: { type: string; id: string };
}

interface Case {
  event: string;
  status: number;
  perform(): Promise<Performed>;
  /** The app it runs on, when not the run's shared one. */
  app?: () => TestApp;
}

/**
 * Operations that are POSTs by their standard's choice but change nothing (W3C VC-API verify; the DCI registry's
 * search and status, sync and async, whose registry reads are recorded as reads and whose answers are technical
 * deliveries: test/integration/g2p-registry.test.ts, test/integration/g2p-async.test.ts).
 */
const READS_BY_POST = ['verifyCredential', 'verifyScan', 'dciSyncSearch', 'dciSyncTxnStatus', 'dciSearch', 'dciTxnStatus'];

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** A 1×1 PNG: a voucher logo. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

describe('every state change is recorded', () => {
  let testApp: TestApp;
  let maria: string;
  let amina: string;
  let samuel: string;
  let ivan: string;
  let clinic: string;
  let claire: string;
  /** Erasing pedro runs on a database of its own: the run's other files rely on his data. */
  let erasureApp: TestApp;
  /** Linking amina to her ID locks her applications' names: on a database of its own too. */
  let identityApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
    // One after the other: when one start fails, the other is not left running (its job workers would outlive
    // this file and break the next ones).
    erasureApp = await startTestAppOnOwnDatabase('commands_erasure');
    identityApp = await startTestAppOnOwnDatabase('commands_identity');
    [maria, amina, samuel, ivan, clinic, claire] = (await Promise.all(
      ['maria', 'amina', 'samuel', 'ivan', 'clinic', 'claire'].map((user) => tokenFor(user)),
    )) as [string, string, string, string, string, string];
  });
  afterAll(async () => {
    await testApp?.close();
    await erasureApp?.close();
    await identityApp?.close();
  });

  const api = () => request(testApp.app);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const subjectOf = async (token: string) => (await api().get('/api/v1/me').set(as(token))).body.subject as string;
  const newDraft = async () =>
    (
      await api()
        .post('/api/v1/application-drafts')
        .set(as(amina))
        .send({ programId: (await createProgram(testApp.app)).id })
    ).body;
  const enrol = () =>
    api()
      .post('/api/v1/registrants')
      .set(as(samuel))
      .send({
        idType: 'NATIONAL_ID',
        idValue: uniqueCode('NID'),
        givenName: 'Halima',
        familyName: 'Said',
        gender: 'female',
        birthDate: '1988-04-12',
        address: { region: 'Coast' },
      });
  const newRegistrant = async () => (await enrol()).body;
  const stageOf = async (programId: string) => {
    const program = (await api().get(`/api/v1/programs/${programId}`).set(as(maria))).body;
    return { version: program.version as number, stageId: program.stages[0].id as string };
  };

  /** An application every stage approved (the default program: samuel reviews, sena assesses). */
  const approvedApplication = async (): Promise<string> =>
    (await approveApplication(testApp.app, (await createProgram(testApp.app)).id, { amount: '800.00' })).id;
  const issuedVoucher = async (): Promise<string> =>
    (
      await api()
        .post(`/api/v1/applications/${await approvedApplication()}/voucher`)
        .set(as(ivan))
        .send()
    ).body.id as string;

  const idKey = generateIdSigningKey('EdDSA');
  const newIdIssuer = async (app: TestApp = testApp) =>
    (
      await request(app.app)
        .post('/api/v1/id-issuers')
        .set(as(maria))
        .send({
          issuer: `https://${uniqueCode('id').toLowerCase()}.example`,
          name: 'ID office',
          keys: [{ algorithm: 'EdDSA', publicKeyHex: idKey.publicKeyHex }],
        })
    ).body as { id: string; issuer: string; version: number };

  const newProvider = async (): Promise<string> =>
    (
      await api()
        .post('/api/v1/providers')
        .set(as(maria))
        .send({ name: `Clinic ${uniqueCode('P')}`, kind: 'clinic', region: 'Coast', paymentDetails: 'KCB 1234567890' })
    ).body.id as string;
  /** clinic linked to this facility alone (other files of the run may have linked it elsewhere). */
  const linkClinicTo = async (providerId: string) => {
    await unlinkClinic(testApp.app, providerId);
    return api().post(`/api/v1/providers/${providerId}/users`).set(as(maria)).send({ username: 'clinic' });
  };

  /** A claim of clinic's facility for one redemption, with an invoice clinic uploaded. */
  const submittedClaim = async () => {
    await linkClinicTo(await newProvider());
    const voucherId = await issuedVoucher();
    const redemption = await api()
      .post('/api/v1/redemptions')
      .set(as(clinic))
      .send({ voucherId, amount: '80.00', service: 'Consultation' });
    const invoice = await api()
      .post('/api/v1/documents')
      .set(as(clinic))
      .field('kind', 'invoice')
      .attach('file', Buffer.from(`%PDF-1.4\n% invoice ${randomUUID()}\n%%EOF\n`), {
        filename: 'invoice.pdf',
        contentType: 'application/pdf',
      });
    return api()
      .post('/api/v1/claims')
      .set(as(clinic))
      .send({ redemptionIds: [redemption.body.id], total: '80.00', invoiceDocumentId: invoice.body.id });
  };

  const cases: Record<string, Case> = {
    requestErasure: {
      event: 'erasure.requested',
      status: 201,
      app: () => erasureApp,
      perform: async () => {
        const response = await request(erasureApp.app)
          .post('/api/v1/me/erasure-request')
          .set('Authorization', `Bearer ${await tokenFor('pedro')}`)
          .send({});
        return { response, aggregate: { type: 'erasure-request', id: response.body.id } };
      },
    },
    completeErasure: {
      event: 'erasure.completed',
      status: 200,
      app: () => erasureApp,
      perform: async () => {
        // The request above, or a new one when this case runs alone.
        const asked = await request(erasureApp.app)
          .post('/api/v1/me/erasure-request')
          .set('Authorization', `Bearer ${await tokenFor('pedro')}`)
          .send({});
        const response = await request(erasureApp.app).post(`/api/v1/erasure-requests/${asked.body.id}/completion`).set(as(maria)).send();
        return { response, aggregate: { type: 'erasure-request', id: asked.body.id } };
      },
    },
    submitClaim: {
      event: 'claim.submitted',
      status: 201,
      perform: async () => {
        const response = await submittedClaim();
        return { response, aggregate: { type: 'claim', id: response.body.id } };
      },
    },
    decideClaim: {
      event: 'claim.approved',
      status: 200,
      perform: async () => {
        const id = (await submittedClaim()).body.id as string;
        const response = await api().post(`/api/v1/claims/${id}/decision`).set(as(claire)).send({ decision: 'approve' });
        return { response, aggregate: { type: 'claim', id } };
      },
    },
    payClaim: {
      event: 'claim.paid',
      status: 200,
      perform: async () => {
        const id = (await submittedClaim()).body.id as string;
        await api().post(`/api/v1/claims/${id}/decision`).set(as(claire)).send({ decision: 'approve' });
        const response = await api().post(`/api/v1/claims/${id}/payment`).set(as(claire)).send({ paymentReference: 'TRX-1' });
        return { response, aggregate: { type: 'claim', id } };
      },
    },
    createIdIssuer: {
      event: 'id-issuer.trusted',
      status: 201,
      perform: async () => {
        const response = await api()
          .post('/api/v1/id-issuers')
          .set(as(maria))
          .send({
            issuer: 'https://id-office.example',
            name: 'ID office',
            keys: [{ algorithm: 'EdDSA', publicKeyHex: idKey.publicKeyHex }],
          });
        return { response, aggregate: { type: 'id-issuer', id: response.body.id } };
      },
    },
    updateIdIssuer: {
      event: 'id-issuer.changed',
      status: 200,
      perform: async () => {
        const issuer = await newIdIssuer();
        const response = await api()
          .put(`/api/v1/id-issuers/${issuer.id}`)
          .set(as(maria))
          .send({ name: 'ID office (renamed)', keys: [{ algorithm: 'EdDSA', publicKeyHex: idKey.publicKeyHex }], version: issuer.version });
        return { response, aggregate: { type: 'id-issuer', id: issuer.id } };
      },
    },
    deleteIdIssuer: {
      event: 'id-issuer.removed',
      status: 204,
      perform: async () => {
        const issuer = await newIdIssuer();
        const response = await api().delete(`/api/v1/id-issuers/${issuer.id}`).set(as(maria));
        return { response, aggregate: { type: 'id-issuer', id: issuer.id } };
      },
    },
    verifyMyId: {
      event: 'identity.verified',
      status: 200,
      app: () => identityApp,
      perform: async () => {
        const issuer = await newIdIssuer(identityApp);
        const text = signIdCard({ issuer: issuer.issuer, key: idKey, claims: { id: 'NID-1001', fullName: 'Amina Yusuf' } });
        const response = await request(identityApp.app).post('/api/v1/me/id-verification').set(as(amina)).send({ text });
        return { response, aggregate: { type: 'account', id: await subjectOf(amina) } };
      },
    },
    registerProvider: {
      event: 'provider.registered',
      status: 201,
      perform: async () => {
        const response = await api()
          .post('/api/v1/providers')
          .set(as(maria))
          .send({ name: 'Harbour Pharmacy', kind: 'pharmacy', region: 'Coast', paymentDetails: 'M-Pesa 0700000000' });
        return { response, aggregate: { type: 'service-provider', id: response.body.id } };
      },
    },
    linkProviderUser: {
      event: 'provider.user-linked',
      status: 200,
      perform: async () => {
        const id = await newProvider();
        return { response: await linkClinicTo(id), aggregate: { type: 'service-provider', id } };
      },
    },
    unlinkProviderUser: {
      event: 'provider.user-unlinked',
      status: 200,
      perform: async () => {
        const id = await newProvider();
        const linked = await linkClinicTo(id);
        const subject = (linked.body.users as Array<{ subject: string }>)[0]?.subject as string;
        const response = await api()
          .delete(`/api/v1/providers/${id}/users/${encodeURIComponent(subject)}`)
          .set(as(maria));
        return { response, aggregate: { type: 'service-provider', id } };
      },
    },
    redeemVoucher: {
      event: 'voucher.redeemed',
      status: 201,
      perform: async () => {
        await linkClinicTo(await newProvider());
        const voucherId = await issuedVoucher();
        const response = await api()
          .post('/api/v1/redemptions')
          .set(as(clinic))
          .send({ voucherId, amount: '100.00', service: 'Consultation' });
        return { response, aggregate: { type: 'redemption', id: response.body.id } };
      },
    },
    issueVoucher: {
      event: 'voucher.issued',
      status: 201,
      perform: async () => {
        const response = await api()
          .post(`/api/v1/applications/${await approvedApplication()}/voucher`)
          .set(as(ivan))
          .send();
        return { response, aggregate: { type: 'voucher', id: response.body.id } };
      },
    },
    issueVouchers: {
      event: 'voucher.issued',
      status: 200,
      perform: async () => {
        const response = await api()
          .post('/api/v1/vouchers/issuance')
          .set(as(ivan))
          .send({ applicationIds: [await approvedApplication()] });
        return { response, aggregate: { type: 'voucher', id: response.body.results[0].voucherId } };
      },
    },
    revokeVoucher: {
      event: 'voucher.revoked',
      status: 200,
      perform: async () => {
        const id = await issuedVoucher();
        const response = await api().post(`/api/v1/vouchers/${id}/revocation`).set(as(maria)).send({ reason: 'Paid by the insurer.' });
        return { response, aggregate: { type: 'voucher', id } };
      },
    },
    suspendVoucher: {
      event: 'voucher.suspended',
      status: 200,
      perform: async () => {
        const id = await issuedVoucher();
        const response = await api().post(`/api/v1/vouchers/${id}/suspension`).set(as(maria)).send({ reason: 'Reported lost.' });
        return { response, aggregate: { type: 'voucher', id } };
      },
    },
    reinstateVoucher: {
      event: 'voucher.reinstated',
      status: 200,
      perform: async () => {
        const id = await issuedVoucher();
        await api().post(`/api/v1/vouchers/${id}/suspension`).set(as(maria)).send({ reason: 'Reported lost.' });
        const response = await api().delete(`/api/v1/vouchers/${id}/suspension`).set(as(maria));
        return { response, aggregate: { type: 'voucher', id } };
      },
    },
    issueCredential: {
      event: 'credential.issued',
      status: 201,
      perform: async () => {
        const id = randomUUID();
        const response = await api()
          .post('/api/v1/credentials/issue')
          .set(as(ivan))
          .send({
            credential: {
              '@context': ['https://www.w3.org/ns/credentials/v2'],
              id: `urn:uuid:${id}`,
              type: ['VerifiableCredential'],
              credentialSubject: { id: 'did:example:subject' },
            },
          });
        return { response, aggregate: { type: 'credential', id } };
      },
    },
    putMyPreferences: {
      event: 'preferences.saved',
      status: 200,
      perform: async () => ({
        response: await api().put('/api/v1/me/preferences').set(as(amina)).send({ language: 'es', contactChannel: 'sms' }),
        aggregate: { type: 'user', id: await subjectOf(amina) },
      }),
    },
    createProgram: {
      event: 'program.created',
      status: 201,
      perform: async () => {
        const response = await api()
          .post('/api/v1/programs')
          .set(as(maria))
          .send({
            code: uniqueCode(),
            name: 'Recorded program',
            currency: 'USD',
            maxAmount: '100.00',
            voucherValidityDays: 10,
            treatmentTypes: [{ code: 'surgery', label: 'Surgery' }],
            reasonCodes: [{ code: 'eligible', label: 'Eligible' }],
          });
        return { response, aggregate: { type: 'program', id: response.body.id } };
      },
    },
    updateProgram: {
      event: 'program.changed',
      status: 200,
      perform: async () => {
        const program = await createProgram(testApp.app);
        const response = await api()
          .patch(`/api/v1/programs/${program.id}`)
          .set(as(maria))
          .send({ version: program.version, name: 'Renamed' });
        return { response, aggregate: { type: 'program', id: program.id } };
      },
    },
    addProgramStage: {
      event: 'program.stage-added',
      status: 201,
      perform: async () => {
        const program = await createProgram(testApp.app);
        const response = await api()
          .post(`/api/v1/programs/${program.id}/stages`)
          .set(as(maria))
          .send({ version: program.version, name: 'Junior officer', kind: 'review', officer: { type: 'user', ref: 'joy' } });
        return { response, aggregate: { type: 'program', id: program.id } };
      },
    },
    updateProgramStage: {
      event: 'program.stage-changed',
      status: 200,
      perform: async () => {
        const program = await createProgram(testApp.app);
        const { version, stageId } = await stageOf(program.id);
        const response = await api()
          .patch(`/api/v1/programs/${program.id}/stages/${stageId}`)
          .set(as(maria))
          .send({ version, name: 'First look' });
        return { response, aggregate: { type: 'program', id: program.id } };
      },
    },
    removeProgramStage: {
      event: 'program.stage-removed',
      status: 200,
      perform: async () => {
        const program = await createProgram(testApp.app, { open: false });
        const { version, stageId } = await stageOf(program.id);
        const response = await api().delete(`/api/v1/programs/${program.id}/stages/${stageId}?version=${version}`).set(as(maria));
        return { response, aggregate: { type: 'program', id: program.id } };
      },
    },
    updateVoucherTemplate: {
      event: 'program.voucher-template-changed',
      status: 200,
      perform: async () => {
        const program = await createProgram(testApp.app, { open: false });
        const response = await api()
          .put(`/api/v1/programs/${program.id}/voucher-template`)
          .set(as(maria))
          .send({ title: 'Recorded voucher', printedFields: ['name'], language: 'en' });
        return { response, aggregate: { type: 'program', id: program.id } };
      },
    },
    setVoucherLogo: {
      event: 'program.voucher-template-changed',
      status: 200,
      perform: async () => {
        const program = await createProgram(testApp.app, { open: false });
        const response = await api()
          .put(`/api/v1/programs/${program.id}/voucher-template/logo`)
          .set(as(maria))
          .attach('file', PNG, 'logo.png');
        return { response, aggregate: { type: 'program', id: program.id } };
      },
    },
    removeVoucherLogo: {
      event: 'program.voucher-template-changed',
      status: 200,
      perform: async () => {
        const program = await createProgram(testApp.app, { open: false });
        const response = await api().delete(`/api/v1/programs/${program.id}/voucher-template/logo`).set(as(maria));
        return { response, aggregate: { type: 'program', id: program.id } };
      },
    },
    putMyNotificationPreferences: {
      event: 'notification-preferences.saved',
      status: 200,
      perform: async () => ({
        response: await api().put('/api/v1/me/notification-preferences').set(as(amina)).send({ email: true, sms: false }),
        aggregate: { type: 'user', id: await subjectOf(amina) },
      }),
    },
    putProgramNotificationTemplate: {
      event: 'program.notification-template-changed',
      status: 200,
      perform: async () => {
        const program = await createProgram(testApp.app, { open: false });
        const response = await api()
          .put(`/api/v1/programs/${program.id}/notification-templates/application-received/en`)
          .set(as(maria))
          .send({ subject: 'We have {reference}', body: 'Hello {name}. {link}' });
        return { response, aggregate: { type: 'program', id: program.id } };
      },
    },
    deleteProgramNotificationTemplate: {
      event: 'program.notification-template-removed',
      status: 204,
      perform: async () => {
        const program = await createProgram(testApp.app, { open: false });
        const url = `/api/v1/programs/${program.id}/notification-templates/voucher-issued/fr`;
        await api().put(url).set(as(maria)).send({ subject: 'Bon {reference}', body: 'Bonjour {name}. {link}' });
        const response = await api().delete(url).set(as(maria));
        return { response, aggregate: { type: 'program', id: program.id } };
      },
    },
    saveOfficerGroup: {
      event: 'officer-group.saved',
      status: 200,
      perform: async () => {
        const code = uniqueCode('grp').toLowerCase();
        const response = await api()
          .put(`/api/v1/officer-groups/${code}`)
          .set(as(maria))
          .send({ name: 'Recorded group', members: ['samuel'] });
        return { response, aggregate: { type: 'officer-group', id: code } };
      },
    },
    createRegistrant: {
      event: 'registrant.enrolled',
      status: 201,
      perform: async () => {
        const response = await enrol();
        return { response, aggregate: { type: 'registrant', id: response.body.id } };
      },
    },
    updateRegistrant: {
      event: 'registrant.changed',
      status: 200,
      perform: async () => {
        const registrant = await newRegistrant();
        const response = await api()
          .patch(`/api/v1/registrants/${registrant.id}`)
          .set(as(samuel))
          .send({ version: registrant.version, occupation: 'Teacher' });
        return { response, aggregate: { type: 'registrant', id: registrant.id } };
      },
    },
    uploadDocument: {
      event: 'document.uploaded',
      status: 201,
      perform: async () => {
        const response = await api()
          .post('/api/v1/documents')
          .set(as(amina))
          .field('kind', 'medical-report')
          .attach('file', Buffer.concat([PDF, Buffer.from(randomUUID())]), 'report.pdf');
        return { response, aggregate: { type: 'document', id: response.body.id } };
      },
    },
    submitApplication: {
      event: 'application.submitted',
      status: 201,
      perform: async () => {
        const program = await createProgram(testApp.app);
        const response = await api().post('/api/v1/applications').set(as(amina)).send(applicationFor(program.id));
        return { response, aggregate: { type: 'application', id: response.body.id } };
      },
    },
    decideRegistryProposal: {
      event: 'application.registry-proposal-decided',
      status: 200,
      perform: async () => {
        const program = await createProgram(testApp.app);
        const { sequelize } = testApp.runtime.database;
        await forgetOfficerVerification(sequelize, 'NID-1001');
        expect((await api().post('/api/v1/applications').set(as(amina)).send(applicationFor(program.id))).status).toBe(201);
        const registrant = (await api().get('/api/v1/me/registrant').set(as(amina))).body as { id: string; version: number };
        await api()
          .patch(`/api/v1/registrants/${registrant.id}`)
          .set(as(samuel))
          .send({ version: registrant.version, occupation: 'Tailor' });
        const submitted = await api().post('/api/v1/applications').set(as(amina)).send(applicationFor(program.id));
        const response = await api()
          .post(`/api/v1/applications/${submitted.body.id}/registry-proposals/occupation/decision`)
          .set(as(samuel))
          .send({ decision: 'keep' });
        await forgetOfficerVerification(sequelize, 'NID-1001');
        return { response, aggregate: { type: 'application', id: submitted.body.id } };
      },
    },
    decideStage: {
      event: 'application.stage-decided',
      status: 201,
      perform: async () => {
        const program = await createProgram(testApp.app);
        const submitted = await api().post('/api/v1/applications').set(as(amina)).send(applicationFor(program.id));
        const response = await api()
          .post(`/api/v1/applications/${submitted.body.id}/stages/1/decision`)
          .set(as(samuel))
          .send({ decision: 'approve', reasonCode: 'eligible' });
        return { response, aggregate: { type: 'application', id: submitted.body.id } };
      },
    },
    verifyDocument: {
      event: 'application.document-verified',
      status: 200,
      perform: async () => {
        const program = await createProgram(testApp.app);
        const uploaded = await api()
          .post('/api/v1/documents')
          .set(as(amina))
          .field('kind', 'medical-report')
          .attach('file', Buffer.concat([PDF, Buffer.from(randomUUID())]), 'report.pdf');
        const documents = [{ documentId: uploaded.body.id as string, kind: 'medical-report' }];
        const submitted = await api().post('/api/v1/applications').set(as(amina)).send(applicationFor(program.id, { documents }));
        const response = await api()
          .put(`/api/v1/applications/${submitted.body.id}/documents/${uploaded.body.id}/verification`)
          .set(as(samuel))
          .send({ verdict: 'verified' });
        return { response, aggregate: { type: 'application', id: submitted.body.id } };
      },
    },
    reassignStage: {
      event: 'application.stage-reassigned',
      status: 200,
      perform: async () => {
        const program = await createProgram(testApp.app);
        const submitted = await api().post('/api/v1/applications').set(as(amina)).send(applicationFor(program.id));
        const response = await api()
          .post(`/api/v1/programs/${program.id}/stages/1/reassignment`)
          .set(as(maria))
          .send({ officer: { type: 'user', ref: 'joy' }, applicationId: submitted.body.id });
        return { response, aggregate: { type: 'application', id: submitted.body.id } };
      },
    },
    reviewSignal: {
      event: 'application.signal-reviewed',
      status: 201,
      perform: async () => {
        const program = await createProgram(testApp.app);
        const first = await api().post('/api/v1/applications').set(as(amina)).send(applicationFor(program.id));
        const second = await api().post('/api/v1/applications').set(as(amina)).send(applicationFor(program.id));
        const response = await api()
          .post(`/api/v1/applications/${second.body.id}/signals/same-person.${first.body.id}/review`)
          .set(as(samuel))
          .send({ note: 'The same applicant applied twice for one operation.' });
        return { response, aggregate: { type: 'application', id: second.body.id } };
      },
    },
    resolveDuplicateCandidate: {
      event: 'application.duplicate-resolved',
      status: 201,
      perform: async () => {
        // Amina lists a child of a name no one else has; the child is enrolled in her own right too.
        const program = await createProgram(testApp.app);
        await forgetOfficerVerification(testApp.runtime.database.sequelize, 'NID-1001');
        const child = { relation: 'child', givenName: uniqueCode('Kid'), familyName: 'Yusuf', gender: 'female', birthDate: '2019-03-08' };
        const submitted = await api()
          .post('/api/v1/applications')
          .set(as(amina))
          .send(applicationFor(program.id, { familyMembers: [child] }));
        const enrolled = await api()
          .post('/api/v1/registrants')
          .set(as(samuel))
          .send({ idType: 'BIRTH_CERTIFICATE', idValue: uniqueCode('BC'), ...child, relation: undefined, address: { region: 'Coast' } });
        const listed = await api().get(`/api/v1/applications/${submitted.body.id}/duplicates`).set(as(samuel));
        const candidate = (
          listed.body.candidates as Array<{
            record: { kind: string; id: string };
            match: { kind: string; id: string; registrantId: string };
          }>
        ).find((c) => c.match.registrantId === enrolled.body.id);
        const response = await api().post(`/api/v1/applications/${submitted.body.id}/duplicates/resolutions`).set(as(samuel)).send({
          recordKind: candidate?.record.kind,
          recordId: candidate?.record.id,
          matchKind: candidate?.match.kind,
          matchId: candidate?.match.id,
          resolution: 'dismiss',
          reason: 'A namesake: another mother on the birth certificate.',
        });
        await forgetOfficerVerification(testApp.runtime.database.sequelize, 'NID-1001');
        return { response, aggregate: { type: 'application', id: submitted.body.id } };
      },
    },
    startApplicationDraft: {
      event: 'application.draft-started',
      status: 201,
      perform: async () => {
        const program = await createProgram(testApp.app);
        const response = await api().post('/api/v1/application-drafts').set(as(amina)).send({ programId: program.id });
        return { response, aggregate: { type: 'application', id: response.body.id } };
      },
    },
    saveApplicationDraft: {
      event: 'application.draft-saved',
      status: 200,
      perform: async () => {
        const draft = await newDraft();
        const response = await api()
          .put(`/api/v1/application-drafts/${draft.id}`)
          .set(as(amina))
          .send({ programId: draft.programId, treatment: { type: 'surgery' } });
        return { response, aggregate: { type: 'application', id: draft.id } };
      },
    },
    discardApplicationDraft: {
      event: 'application.draft-discarded',
      status: 204,
      perform: async () => {
        const draft = await newDraft();
        const response = await api().delete(`/api/v1/application-drafts/${draft.id}`).set(as(amina));
        return { response, aggregate: { type: 'application', id: draft.id } };
      },
    },
    submitApplicationDraft: {
      event: 'application.submitted',
      status: 201,
      perform: async () => {
        const program = await createProgram(testApp.app);
        const { programId: _programId, ...rest } = applicationFor(program.id);
        const draft = (
          await api()
            .post('/api/v1/application-drafts')
            .set(as(amina))
            .send({ programId: program.id, ...rest })
        ).body;
        const response = await api().post(`/api/v1/application-drafts/${draft.id}/submit`).set(as(amina));
        return { response, aggregate: { type: 'application', id: draft.id } };
      },
    },
  };

  it('has a case for every operation of the contract that changes state', async () => {
    const spec = await loadApiSpec(testApp.config.paths.spec);
    const changing: string[] = [];
    for (const item of Object.values(spec.paths ?? {})) {
      for (const [method, operation] of Object.entries(item ?? {})) {
        const operationId = (operation as { operationId?: string }).operationId;
        if (['post', 'put', 'patch', 'delete'].includes(method) && operationId && !READS_BY_POST.includes(operationId)) {
          changing.push(operationId);
        }
      }
    }
    expect(Object.keys(cases).sort()).toEqual(changing.sort());
  });

  it.each(Object.keys(cases))('records %s in the audit trail and the outbox, with the change', async (operationId) => {
    const { event, status, perform, app } = cases[operationId] as Case;
    const { sequelize } = (app?.() ?? testApp).runtime.database;
    // Only what this operation wrote: other test files share the database and the demo users (a browser
    // test's language switch saves the same person's preferences, for one).
    const [before] = await selectRows<{ audit: string; outbox: string }>(
      sequelize,
      'SELECT (SELECT COALESCE(max(id), 0) FROM audit_events) AS audit, (SELECT COALESCE(max(id), 0) FROM outbox_events) AS outbox',
    );
    const { response, aggregate } = await perform();
    expect(response.status).toBe(status);
    const audit = await selectRows<{ action: string; actor_subject: string; hash: string }>(
      sequelize,
      `SELECT action, actor_subject, hash FROM audit_events
       WHERE entity_type = :type AND entity_id = :id AND action = :event AND id > :after`,
      { ...aggregate, event, after: before?.audit ?? '0' },
    );
    const outbox = await selectRows<{ event_type: string }>(
      sequelize,
      `SELECT event_type FROM outbox_events
       WHERE aggregate_type = :type AND aggregate_id = :id AND event_type = :event AND id > :after`,
      { ...aggregate, event, after: before?.outbox ?? '0' },
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(outbox).toHaveLength(1);
  });

  it('refuses a command that claims events were written in its statement when the runner did not give them', async () => {
    const commands = createCommandRunner({ sequelize: testApp.runtime.database.sequelize, pool: testApp.runtime.database.pool });
    const forged = { ctes: '', replacements: {}, events: [{ type: 'x.done', aggregateType: 'x', aggregateId: randomUUID() }] };
    await expect(commands.run({ subject: 's', username: 'u' }, async () => ({ result: 1, events: forged }))).rejects.toThrow(
      /inlined events it was not given/,
    );
  });

  it('records the registrant an application enrols or changes, with the application', async () => {
    const program = await createProgram(testApp.app);
    const idValue = uniqueCode('NID');
    // The registrant is linked by the national ID in the token; amina's is fixed, so read what her first application did.
    const first = await api().post('/api/v1/applications').set(as(amina)).send(applicationFor(program.id));
    expect(first.status).toBe(201);
    const registrant = (await api().get('/api/v1/me/registrant').set(as(amina))).body as { id: string };
    const changedOccupation = applicationFor(program.id, {
      applicant: { ...applicationFor(program.id).applicant, occupation: `Trader ${idValue}` },
    });
    const second = await api().post('/api/v1/applications').set(as(amina)).send(changedOccupation);
    expect(second.status).toBe(201);
    const rows = await selectRows<{ action: string; details: { fields?: string[] } }>(
      testApp.runtime.database.sequelize,
      `SELECT action, details FROM audit_events WHERE entity_type = 'registrant' AND entity_id = :id ORDER BY id DESC LIMIT 1`,
      { id: registrant.id },
    );
    expect(rows[0]?.action).toBe('registrant.changed');
    expect(rows[0]?.details.fields).toContain('occupation');
    // Field names only: the new value (personal data) is not in the event.
    expect(JSON.stringify(rows[0]?.details)).not.toContain(idValue);
  });
});
