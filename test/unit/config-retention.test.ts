import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config.js';
import { settingThatFails } from '../support/config-errors.js';

function messageOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig: retention', () => {
  it('runs at 03:00 UTC; keeps drafts 90 days, rejected documents a year, idempotency keys a week, outbox events 30 days', () => {
    expect(loadConfig({}).retention).toEqual({
      runHourUtc: 3,
      draftDays: 90,
      rejectedDocumentDays: 365,
      idempotencyKeyDays: 7,
      outboxEventDays: 30,
      batchSize: 500,
    });
  });

  it('takes other values, 0 meaning keep', () => {
    const { retention } = loadConfig({
      RETENTION_RUN_HOUR_UTC: '23',
      RETENTION_DRAFT_DAYS: '0',
      RETENTION_REJECTED_DOCUMENT_DAYS: '30',
      RETENTION_IDEMPOTENCY_KEY_DAYS: '1',
      RETENTION_OUTBOX_EVENT_DAYS: '0',
      RETENTION_BATCH_SIZE: '50',
    });
    expect(retention).toEqual({
      runHourUtc: 23,
      draftDays: 0,
      rejectedDocumentDays: 30,
      idempotencyKeyDays: 1,
      outboxEventDays: 0,
      batchSize: 50,
    });
  });

  it('names the setting when a value is wrong', () => {
    expect(settingThatFails({ RETENTION_RUN_HOUR_UTC: '24' })).toBe('RETENTION_RUN_HOUR_UTC');
    expect(settingThatFails({ RETENTION_DRAFT_DAYS: '-1' })).toBe('RETENTION_DRAFT_DAYS');
    expect(settingThatFails({ RETENTION_REJECTED_DOCUMENT_DAYS: 'a year' })).toBe('RETENTION_REJECTED_DOCUMENT_DAYS');
    expect(settingThatFails({ RETENTION_IDEMPOTENCY_KEY_DAYS: '1.5' })).toBe('RETENTION_IDEMPOTENCY_KEY_DAYS');
    expect(settingThatFails({ RETENTION_OUTBOX_EVENT_DAYS: '36501' })).toBe('RETENTION_OUTBOX_EVENT_DAYS');
    expect(settingThatFails({ RETENTION_BATCH_SIZE: '0' })).toBe('RETENTION_BATCH_SIZE');
  });

  it('says what a wrong value should be', () => {
    expect(messageOf({ RETENTION_DRAFT_DAYS: 'never' })).toBe('RETENTION_DRAFT_DAYS: must be a whole number, got "never"');
    expect(messageOf({ RETENTION_RUN_HOUR_UTC: '25' })).toBe('RETENTION_RUN_HOUR_UTC: must be between 0 and 23, got 25');
  });
});
