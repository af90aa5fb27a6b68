import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { settingThatFails } from '../support/config-errors.js';

const PARTNER = {
  clientId: 'insurer',
  senderId: 'insurer.example.org',
  allowedFields: ['identifier', 'name'],
  keys: [{ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', kid: 'k1' }],
  callbackUris: ['https://insurer.example.org/dci/on-search'],
};

describe('loadConfig: the DCI registry gateway', () => {
  it("makes the realm's iaod-external a partner, without keys, when the setting is unset outside production", () => {
    expect(loadConfig({}).g2p.partners.map((partner) => [partner.clientId, partner.senderId, partner.keys.length])).toEqual([
      ['iaod-external', 'external.example.org', 0],
    ]);
    expect(loadConfig({ G2P_PARTNERS: '[]' }).g2p.partners).toEqual([]);
  });

  it('reads the partners, our id and the limits', () => {
    const config = loadConfig({
      G2P_PARTNERS: JSON.stringify([PARTNER]),
      G2P_SENDER_ID: 'registry.example.org',
      G2P_MESSAGE_MAX_AGE_SECONDS: '60',
      G2P_MAX_PAGE_SIZE: '50',
    }).g2p;
    expect(config).toMatchObject({ senderId: 'registry.example.org', partners: [PARTNER], messageMaxAgeSeconds: 60, maxPageSize: 50 });
    expect(config.delivery).toEqual({ pollIntervalMs: 1000, timeoutMs: 10_000, retry: { baseMs: 2000, maxMs: 600_000 }, giveUpHours: 72 });
    expect(loadConfig({ PUBLIC_URL: 'https://aid.example.org', TRUST_PROXY: 'true' }).g2p.senderId).toBe('aid.example.org');
  });

  it('names the setting when a partner is not well formed', () => {
    expect(settingThatFails({ G2P_PARTNERS: 'not json' })).toBe('G2P_PARTNERS');
    expect(settingThatFails({ G2P_PARTNERS: '{}' })).toBe('G2P_PARTNERS');
    expect(settingThatFails({ G2P_PARTNERS: JSON.stringify([{ ...PARTNER, senderId: '' }]) })).toBe('G2P_PARTNERS');
    expect(settingThatFails({ G2P_PARTNERS: JSON.stringify([{ ...PARTNER, keys: [{ kty: 'RSA' }] }]) })).toBe('G2P_PARTNERS');
    expect(settingThatFails({ G2P_PARTNERS: JSON.stringify([{ ...PARTNER, callbackUris: ['ftp://x'] }]) })).toBe('G2P_PARTNERS');
    expect(settingThatFails({ G2P_PARTNERS: JSON.stringify([PARTNER, PARTNER]) })).toBe('G2P_PARTNERS');
    expect(settingThatFails({ G2P_MAX_PAGE_SIZE: '500' })).toBe('G2P_MAX_PAGE_SIZE');
  });

  it('reads how callbacks are delivered, and refuses a retry cap below its first delay', () => {
    const { delivery } = loadConfig({
      G2P_DELIVERY_POLL_INTERVAL_MS: '250',
      G2P_CALLBACK_TIMEOUT_MS: '3000',
      G2P_DELIVERY_RETRY_BASE_MS: '500',
      G2P_DELIVERY_RETRY_MAX_MS: '60000',
      G2P_DELIVERY_GIVE_UP_HOURS: '24',
    }).g2p;
    expect(delivery).toEqual({ pollIntervalMs: 250, timeoutMs: 3000, retry: { baseMs: 500, maxMs: 60_000 }, giveUpHours: 24 });
    expect(settingThatFails({ G2P_DELIVERY_RETRY_BASE_MS: '5000', G2P_DELIVERY_RETRY_MAX_MS: '1000' })).toBe('G2P_DELIVERY_RETRY_MAX_MS');
    expect(settingThatFails({ G2P_DELIVERY_GIVE_UP_HOURS: '0' })).toBe('G2P_DELIVERY_GIVE_UP_HOURS');
    expect(settingThatFails({ G2P_CALLBACK_TIMEOUT_MS: 'soon' })).toBe('G2P_CALLBACK_TIMEOUT_MS');
  });
});
