import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { settingThatFails } from '../support/config-errors.js';

const PRODUCTION = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'a-long-enough-random-secret',
  AUDIT_CHECKPOINT_KEY: 'another-long-random-secret',
  REFERENCE_KEY: 'a-third-long-random-secret',
  OIDC_ISSUER: 'https://id.example.org/realms/iaod',
  ISSUER_KEY_FILE: '/run/secrets/issuer-keys.json',
};

describe('loadConfig: notifications', () => {
  it('sends nothing out by default, keeps messages for /dev/mail outside production, and digests at 07:00 UTC', () => {
    expect(loadConfig({}).notifications).toEqual({
      smtpUrl: undefined,
      mailFrom: 'Immediate Assistance <no-reply@localhost>',
      devMailbox: true,
      smsGatewayUrl: undefined,
      smsGatewayToken: undefined,
      smsSender: 'IAOD',
      digestHourUtc: 7,
    });
  });

  it('never keeps message text in production', () => {
    expect(loadConfig(PRODUCTION).notifications.devMailbox).toBe(false);
  });

  it('takes a mail server, a gateway and another hour', () => {
    const { notifications } = loadConfig({
      SMTP_URL: 'smtps://mailer:secret@mail.example.org:465',
      MAIL_FROM: 'Aid <aid@example.org>',
      SMS_GATEWAY_URL: 'https://sms.example.org/v1/messages',
      SMS_GATEWAY_TOKEN: 'token',
      SMS_SENDER: 'AID',
      NOTIFICATION_DIGEST_HOUR_UTC: '18',
    });
    expect(notifications).toMatchObject({
      smtpUrl: 'smtps://mailer:secret@mail.example.org:465',
      mailFrom: 'Aid <aid@example.org>',
      smsGatewayUrl: 'https://sms.example.org/v1/messages',
      smsGatewayToken: 'token',
      smsSender: 'AID',
      digestHourUtc: 18,
    });
  });

  it('refuses a mail server that is not smtp or smtps, a gateway that is not http(s), and an hour past 23', () => {
    expect(settingThatFails({ SMTP_URL: 'http://mail.example.org' })).toBe('SMTP_URL');
    expect(settingThatFails({ SMS_GATEWAY_URL: 'ftp://sms.example.org' })).toBe('SMS_GATEWAY_URL');
    expect(settingThatFails({ NOTIFICATION_DIGEST_HOUR_UTC: '24' })).toBe('NOTIFICATION_DIGEST_HOUR_UTC');
  });
});
