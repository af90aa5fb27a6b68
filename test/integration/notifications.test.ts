/**
 * Notifications (issue 17) against a real SMTP server and a real HTTP SMS gateway, both started here: every
 * event tells the right person in their language, once, with nothing personal beyond their own first name;
 * a mail server that is down for a while gets every message once it is back.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { selectRows } from '../../src/platform/db/sql.js';
import { loadMessages } from '../../src/platform/i18n/catalogs.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { createCommandRunner } from '../../src/platform/db/command.js';
import { sendOfficerDigest } from '../../src/modules/notifications/index.js';
import { buildNotifications } from '../../src/notification-sources.js';
import { startTestAppOnOwnDatabase } from '../support/own-database.js';
import type { TestApp } from '../support/harness.js';
import { tokenFor } from '../support/tokens.js';
import { applicationFor, createProgram, facilityWithClinic } from '../support/fixtures.js';
import {
  startTestSmsGateway,
  startTestSmtpServer,
  type ReceivedMail,
  type TestSmsGateway,
  type TestSmtpServer,
} from '../support/mail-servers.js';
import { waitUntil } from '../support/wait-until.js';

const users = ['amina', 'pedro', 'maria', 'samuel', 'sena', 'ivan', 'clinic', 'claire'] as const;
type User = (typeof users)[number];

/** What must never leave in a message: the ID number, the treatment, the family, the officers' and providers' words. */
const TREATMENT = 'Appendectomy after admission through the emergency ward.';
const REJECTION_TEXT = 'Scan shows a fractured femur; NID-1001 checked';
const SERVICE_TEXT = 'Knee surgery, left leg';
const CLAIM_REJECTION = 'The invoice is for another patient.';
const FORBIDDEN = [
  'NID-1001',
  'NID-1002',
  TREATMENT,
  'Appendectomy',
  'County Referral Hospital',
  'Zawadi',
  'Yusuf',
  REJECTION_TEXT,
  SERVICE_TEXT,
  CLAIM_REJECTION,
];

describe('notifications', () => {
  let testApp: TestApp;
  let smtp: TestSmtpServer;
  let sms: TestSmsGateway;
  let programId: string;
  const tokens: Record<string, string> = {};

  const api = () => request(testApp.app);
  const as = (user: User) => `Bearer ${tokens[user]}`;

  beforeAll(async () => {
    smtp = await startTestSmtpServer({ refuse: ['pedro@example.org'] });
    sms = await startTestSmsGateway();
    testApp = await startTestAppOnOwnDatabase('notifications', {
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Assistance <notices@iaod.test>',
        SMS_GATEWAY_URL: sms.url,
        SMS_GATEWAY_TOKEN: 'gateway-token',
        OUTBOX_POLL_INTERVAL_MS: '50',
        OUTBOX_RETRY_BASE_MS: '100',
        OUTBOX_RETRY_MAX_MS: '400',
      },
    });
    for (const user of users) tokens[user] = await tokenFor(user);
    programId = (
      await createProgram(testApp.app, {
        reasonCodes: [
          { code: 'eligible', label: 'Eligible' },
          { code: 'outside-rules', label: 'Outside the program rules' },
        ],
      })
    ).id;
    await facilityWithClinic(testApp.app, 'Notification Test Clinic');
    // amina reads French and wants SMS too; sena reads Arabic; the others keep the defaults (English, email only).
    await api().put('/api/v1/me/preferences').set('Authorization', as('amina')).send({ language: 'fr', contactChannel: 'email' });
    await api().put('/api/v1/me/preferences').set('Authorization', as('sena')).send({ language: 'ar', contactChannel: 'email' });
    const chosen = await api()
      .put('/api/v1/me/notification-preferences')
      .set('Authorization', as('amina'))
      .send({ email: true, sms: true });
    expect(chosen.body).toMatchObject({ email: true, sms: true });
  });
  afterAll(async () => {
    await testApp?.close();
    await smtp?.stop();
    await sms?.close();
  });

  const mailTo = (address: string, subject: string | RegExp) =>
    smtp.received.filter(
      (mail) => mail.to === address && (typeof subject === 'string' ? mail.subject === subject : subject.test(mail.subject)),
    );

  /** Waits for the one message to `address` whose subject matches, and checks no second one came. */
  async function oneMailTo(address: string, subject: string | RegExp): Promise<ReceivedMail> {
    const [mail] = await waitUntil(
      async () => mailTo(address, subject),
      (found) => found.length > 0,
      `a mail to ${address}: ${String(subject)}`,
    );
    return mail as ReceivedMail;
  }

  async function submit(user: User = 'amina'): Promise<{ id: string; reference: string }> {
    const res = await api().post('/api/v1/applications').set('Authorization', as(user)).send(applicationFor(programId));
    expect(res.status).toBe(201);
    return { id: res.body.id as string, reference: res.body.reference as string };
  }

  const decide = (id: string, position: number, officer: User, body: Record<string, unknown>) =>
    api()
      .post(`/api/v1/applications/${id}/stages/${position}/decision`)
      .set('Authorization', as(officer))
      .send({ reasonCode: 'eligible', checklist: {}, ...body });

  it('tells each person of each step, in their language, on the channels they chose', async () => {
    const { id, reference } = await submit();
    const link = `${testApp.url}/ssp/applications/${id}`;

    const received = await oneMailTo('amina@example.org', `Nous avons reçu votre demande ${reference}`);
    expect(received.text).toContain('Bonjour Amina');
    expect(received.text).toContain(link);
    const waiting = await oneMailTo('samuel@example.org', `Application ${reference} waits for you`);
    expect(waiting.text).toContain('Hello Samuel Mensah');
    expect(waiting.text).toContain(`${testApp.url}/officer/applications/${id}`);
    // SMS to the phone in the registry, through the gateway with its token; email only for those who did not choose SMS.
    await waitUntil(
      async () => sms.received.filter((m) => m.text.includes(reference)),
      (found) => found.length === 1,
      'the SMS of the receipt',
    );
    expect(sms.received[0]).toMatchObject({ to: '+254 700 000002', from: 'IAOD', authorization: 'Bearer gateway-token' });
    expect(sms.received[0]?.text).toBe(`Nous avons reçu votre demande ${reference} ${link}`);

    expect((await decide(id, 1, 'samuel', { decision: 'approve' })).status).toBe(201);
    await oneMailTo('amina@example.org', `Votre demande ${reference} a franchi une étape`);
    const arabic = await oneMailTo('sena@example.org', `الطلب ${reference} بانتظارك`);
    expect(arabic.text).toContain('مرحبًا Sena Kofi');

    expect((await decide(id, 2, 'sena', { decision: 'approve', amount: '900.00' })).status).toBe(201);
    const approved = await oneMailTo('amina@example.org', `Votre demande ${reference} est approuvée`);
    expect(approved.text).toContain('900.00 USD');

    const voucher = await api().post(`/api/v1/applications/${id}/voucher`).set('Authorization', as('ivan')).send();
    expect(voucher.status).toBe(201);
    const issued = await oneMailTo('amina@example.org', `Votre bon pour ${reference} est prêt`);
    expect(issued.text).toContain(link);
    // A link to the voucher, never the voucher: no QR text, no credential.
    expect(issued.text).not.toMatch(/VC1-|credentialSubject|proofValue/);

    const redeemed = await api()
      .post('/api/v1/redemptions')
      .set('Authorization', as('clinic'))
      .send({ voucherId: voucher.body.id, amount: '300.00', service: SERVICE_TEXT });
    expect(redeemed.status).toBe(201);
    const used = await oneMailTo('amina@example.org', `Votre bon pour ${reference} a été utilisé`);
    expect(used.text).toContain('300.00 USD');
    expect(used.text).toContain('600.00 USD');

    const invoice = await api()
      .post('/api/v1/documents')
      .set('Authorization', as('clinic'))
      .field('kind', 'invoice')
      .attach('file', Buffer.from(`%PDF-1.4\n% invoice ${randomUUID()}\n%%EOF\n`), {
        filename: 'invoice.pdf',
        contentType: 'application/pdf',
      });
    const claim = await api()
      .post('/api/v1/claims')
      .set('Authorization', as('clinic'))
      .send({ redemptionIds: [redeemed.body.id], total: '300.00', invoiceDocumentId: invoice.body.id });
    expect(claim.status).toBe(201);
    const claimCode = (claim.body.id as string).slice(0, 8).toUpperCase();
    expect(
      (await api().post(`/api/v1/claims/${claim.body.id}/decision`).set('Authorization', as('claire')).send({ decision: 'approve' }))
        .status,
    ).toBe(200);
    const claimApproved = await oneMailTo('clinic@example.org', `Claim ${claimCode} is approved`);
    expect(claimApproved.text).toContain('Hello Grace Hospital');
    expect(claimApproved.text).toContain(`${testApp.url}/provider/claims/${claim.body.id}`);
    const paid = await api()
      .post(`/api/v1/claims/${claim.body.id}/payment`)
      .set('Authorization', as('claire'))
      .send({ paymentReference: 'TRX-9' });
    expect(paid.status).toBe(200);
    await oneMailTo('clinic@example.org', `Claim ${claimCode} is paid`);
  });

  it('tells the applicant of a rejection with the program reason, and the provider of a rejected claim', async () => {
    const { id, reference } = await submit();
    const rejected = await decide(id, 1, 'samuel', { decision: 'reject', reasonCode: 'outside-rules', reasonText: REJECTION_TEXT });
    expect(rejected.status).toBe(201);
    const mail = await oneMailTo('amina@example.org', `Votre demande ${reference} n’a pas été acceptée`);
    expect(mail.text).toContain('Motif : Outside the program rules');
    expect(mail.text).toContain('« Social worker »');

    // A claim rejected with the officer's words: the provider is told, the words stay on the claim's page.
    const approved = await submit();
    await decide(approved.id, 1, 'samuel', { decision: 'approve' });
    await decide(approved.id, 2, 'sena', { decision: 'approve', amount: '200.00' });
    const voucher = await api().post(`/api/v1/applications/${approved.id}/voucher`).set('Authorization', as('ivan')).send();
    const redeemed = await api()
      .post('/api/v1/redemptions')
      .set('Authorization', as('clinic'))
      .send({ voucherId: voucher.body.id, amount: '200.00', service: SERVICE_TEXT });
    const invoice = await api()
      .post('/api/v1/documents')
      .set('Authorization', as('clinic'))
      .field('kind', 'invoice')
      .attach('file', Buffer.from(`%PDF-1.4\n% invoice ${randomUUID()}\n%%EOF\n`), {
        filename: 'invoice.pdf',
        contentType: 'application/pdf',
      });
    const claim = await api()
      .post('/api/v1/claims')
      .set('Authorization', as('clinic'))
      .send({ redemptionIds: [redeemed.body.id], total: '200.00', invoiceDocumentId: invoice.body.id });
    await api()
      .post(`/api/v1/claims/${claim.body.id}/decision`)
      .set('Authorization', as('claire'))
      .send({ decision: 'reject', reason: CLAIM_REJECTION });
    const claimMail = await oneMailTo(
      'clinic@example.org',
      `Claim ${(claim.body.id as string).slice(0, 8).toUpperCase()} was not accepted`,
    );
    expect(claimMail.text).not.toContain(CLAIM_REJECTION);
  });

  it('schedules the officers’ digest in pg-boss daily at the configured hour, UTC', async () => {
    const rows = await selectRows<{ cron: string; timezone: string }>(
      testApp.runtime.database.sequelize,
      "SELECT cron, timezone FROM pgboss.schedule WHERE name = 'notification-digest'",
    );
    expect(rows).toEqual([{ cron: '0 7 * * *', timezone: 'UTC' }]);
  });

  it('sends each officer one daily digest of what waits for them, however often the job runs', async () => {
    await submit();
    const { sequelize, pool } = testApp.runtime.database;
    const notifications = buildNotifications({
      config: testApp.config,
      logger: createLogger('silent'),
      sequelize,
      commands: createCommandRunner({ sequelize, pool }),
      directory: testApp.runtime.directory,
      messages: loadMessages(testApp.config.paths.locales),
    });
    const samuel = await testApp.runtime.directory.findUser('samuel');
    const [{ waiting }] = (await selectRows<{ waiting: string }>(
      sequelize,
      `SELECT count(*) AS waiting FROM applications
       WHERE status IN ('SUBMITTED', 'IN_REVIEW', 'ASSESSED') AND waiting_officer_ref = :subject`,
      { subject: samuel?.subject ?? '' },
    )) as [{ waiting: string }];
    const first = await sendOfficerDigest(notifications.deps);
    const again = await sendOfficerDigest(notifications.deps);
    expect(first.sent).toBeGreaterThan(0);
    expect(again.sent).toBe(0);
    const digests = mailTo('samuel@example.org', /wait(s)? for you$/).filter((mail) => !mail.subject.startsWith('Application'));
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toBe(Number(waiting) === 1 ? '1 application waits for you' : `${waiting} applications wait for you`);
    expect(digests[0]?.text).toContain(`${testApp.url}/officer`);
  });

  it('gets every message to the mail server once after it was down for a while', async () => {
    await smtp.stop();
    const { id, reference } = await submit();
    expect((await decide(id, 1, 'samuel', { decision: 'approve' })).status).toBe(201);
    // While it is down, the deliveries wait with their attempts and the error's code.
    await waitUntil(
      () =>
        selectRows<{ attempts: number; status: string; last_error: string }>(
          testApp.runtime.database.sequelize,
          `SELECT attempts, status, last_error FROM notification_deliveries
           WHERE channel = 'email' AND status = 'PENDING' AND attempts >= 2`,
        ),
      (rows) => rows.length > 0,
      'retried deliveries',
    );
    expect(mailTo('amina@example.org', new RegExp(reference))).toHaveLength(0);
    await smtp.start();
    const expected: Array<[string, string]> = [
      ['amina@example.org', `Nous avons reçu votre demande ${reference}`],
      ['samuel@example.org', `Application ${reference} waits for you`],
      ['amina@example.org', `Votre demande ${reference} a franchi une étape`],
      ['sena@example.org', `الطلب ${reference} بانتظارك`],
    ];
    for (const [to, subject] of expected) await oneMailTo(to, subject);
    // Once the relay has handed every event to the consumer, nothing more is sent: a duplicate would be here now.
    await waitUntil(
      () =>
        selectRows<{ n: string }>(
          testApp.runtime.database.sequelize,
          `SELECT count(*) AS n FROM outbox_events e
           WHERE NOT EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.consumer = 'notifications' AND d.event_id = e.id)`,
        ),
      (rows) => rows[0]?.n === '0',
      'the relay to catch up',
    );
    for (const [to, subject] of expected) expect(mailTo(to, subject)).toHaveLength(1);
    expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(smtp.received.length);
  });

  it('marks a refused address failed and goes on with the other messages', async () => {
    const { reference } = await submit('pedro');
    await oneMailTo('samuel@example.org', `Application ${reference} waits for you`);
    const rows = await waitUntil(
      () =>
        selectRows<{ status: string; last_error: string; attempts: number }>(
          testApp.runtime.database.sequelize,
          "SELECT status, last_error, attempts FROM notification_deliveries WHERE kind = 'application-received' AND status = 'FAILED'",
        ),
      (found) => found.length > 0,
      'the refused delivery',
    );
    expect(rows[0]).toMatchObject({ status: 'FAILED', last_error: 'smtp-550', attempts: 1 });
  });

  it('uses a program’s own wording of a notice in that language, and refuses one with values the notice lacks', async () => {
    const url = `/api/v1/programs/${programId}/notification-templates/application-received/fr`;
    const bad = await api()
      .put(url)
      .set('Authorization', as('maria'))
      .send({ subject: 'Demande {reference}', body: 'Votre numéro : {nationalId}' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('ERR_NOTIFICATION_TEMPLATE_INVALID');
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: '/body/body' })]);
    expect((await api().put(url).set('Authorization', as('amina')).send({ subject: 'x', body: 'y' })).status).toBe(403);
    const saved = await api().put(url).set('Authorization', as('maria')).send({
      subject: 'Programme : demande {reference} bien reçue',
      body: 'Bonjour {name}, votre dossier {reference} est arrivé. {link}',
    });
    expect(saved.status).toBe(200);
    const listed = await api().get(`/api/v1/programs/${programId}/notification-templates`).set('Authorization', as('maria'));
    expect(listed.body.items).toEqual([expect.objectContaining({ kind: 'application-received', language: 'fr' })]);

    const { reference } = await submit();
    const mail = await oneMailTo('amina@example.org', `Programme : demande ${reference} bien reçue`);
    expect(mail.text).toMatch(/^Bonjour Amina, votre dossier IA-/);
    expect((await api().delete(url).set('Authorization', as('maria'))).status).toBe(204);
    expect((await api().delete(url).set('Authorization', as('maria'))).status).toBe(404);
  });

  it('shows program managers how each delivery went, without its content', async () => {
    const res = await api().get('/api/v1/notification-deliveries').query({ programId, status: 'SENT' }).set('Authorization', as('maria'));
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(5);
    expect(Object.keys(res.body.items[0]).sort()).toEqual(
      ['attempts', 'channel', 'createdAt', 'id', 'kind', 'lastError', 'programId', 'recipientRole', 'sentAt', 'status'].sort(),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/@example\.org|Amina|\+254/);
    expect((await api().get('/api/v1/notification-deliveries').set('Authorization', as('amina'))).status).toBe(403);
  });

  it('sends nothing by a channel the person turned off', async () => {
    await api().put('/api/v1/me/notification-preferences').set('Authorization', as('samuel')).send({ email: false, sms: false });
    const { reference } = await submit();
    await oneMailTo('amina@example.org', `Nous avons reçu votre demande ${reference}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailTo('samuel@example.org', new RegExp(reference))).toHaveLength(0);
    await api().put('/api/v1/me/notification-preferences').set('Authorization', as('samuel')).send({ email: true, sms: false });
  });

  it('puts no ID number, treatment, family member or anyone’s words into any message', () => {
    const everything = [...smtp.received.map((mail) => `${mail.subject}\n${mail.text}`), ...sms.received.map((message) => message.text)];
    expect(everything.length).toBeGreaterThan(20);
    for (const text of everything) for (const secret of FORBIDDEN) expect(text).not.toContain(secret);
  });
});
