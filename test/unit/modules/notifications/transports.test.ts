/**
 * How each transport tells a failure that may pass (tried again) from a refusal (tried no more), against a real
 * HTTP server for the SMS gateway and nodemailer's own errors for SMTP.
 */
import http from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHttpSmsGateway } from '../../../../src/modules/notifications/sms-gateway.js';
import { classifySmtpError } from '../../../../src/modules/notifications/smtp-transport.js';
import type { DeliveryError } from '../../../../src/modules/notifications/transports.js';

const MESSAGE = { to: '+15550100', recipientSubject: 'subject-1', subject: 'Subject', text: 'Subject https://x', key: 'event:1:k:s:sms' };

describe('the HTTP SMS gateway adapter', () => {
  let server: http.Server;
  let url = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(Number(req.url?.slice(1))).end());
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const sendTo = (status: number) => createHttpSmsGateway({ url: `${url}/${status}`, token: undefined, sender: 'IAOD' }).send(MESSAGE);
  const failureOf = async (send: Promise<void>) => {
    try {
      await send;
    } catch (error) {
      return error as DeliveryError;
    }
    throw new Error('expected a failure');
  };

  it('accepts any 2xx', async () => {
    await expect(sendTo(202)).resolves.toBeUndefined();
  });

  it('tries 429 and 5xx again, and takes another 4xx as a refusal', async () => {
    expect(await failureOf(sendTo(503))).toMatchObject({ code: 'sms-503', transient: true });
    expect(await failureOf(sendTo(429))).toMatchObject({ code: 'sms-429', transient: true });
    expect(await failureOf(sendTo(400))).toMatchObject({ code: 'sms-400', transient: false });
  });

  it('tries a gateway that does not answer again', async () => {
    const gone = createHttpSmsGateway({ url: 'http://127.0.0.1:1/messages', token: undefined, sender: 'IAOD' });
    expect(await failureOf(gone.send(MESSAGE))).toMatchObject({ code: 'sms-unreachable', transient: true });
  });
});

describe('SMTP failures', () => {
  it('takes a 5xx answer as a refusal, a 4xx or a lost connection as passing', () => {
    expect(classifySmtpError(Object.assign(new Error('no such user'), { responseCode: 550 }))).toMatchObject({
      code: 'smtp-550',
      transient: false,
    });
    expect(classifySmtpError(Object.assign(new Error('try later'), { responseCode: 421 }))).toMatchObject({
      code: 'smtp-421',
      transient: true,
    });
    expect(classifySmtpError(Object.assign(new Error('refused'), { code: 'ECONNECTION' }))).toMatchObject({
      code: 'smtp-econnection',
      transient: true,
    });
  });
});
