import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { settingThatFails } from '../support/config-errors.js';

describe('loadConfig: quotas', () => {
  it('lets one person keep 10 open drafts and 100 MiB of documents outside submitted applications by default', () => {
    expect(loadConfig({}).quotas).toEqual({ openDrafts: 10, documentBytes: 100 * 1024 * 1024 });
  });

  it('takes other limits', () => {
    expect(loadConfig({ QUOTA_OPEN_DRAFTS: '3', QUOTA_DOCUMENT_BYTES: '20971520' }).quotas).toEqual({
      openDrafts: 3,
      documentBytes: 20 * 1024 * 1024,
    });
  });

  it('names the setting when a limit is not a whole number or is zero', () => {
    expect(settingThatFails({ QUOTA_OPEN_DRAFTS: 'ten' })).toBe('QUOTA_OPEN_DRAFTS');
    expect(settingThatFails({ QUOTA_OPEN_DRAFTS: '0' })).toBe('QUOTA_OPEN_DRAFTS');
    expect(settingThatFails({ QUOTA_DOCUMENT_BYTES: '-1' })).toBe('QUOTA_DOCUMENT_BYTES');
  });

  it('refuses a bytes quota below the size of one document, which could never be uploaded', () => {
    expect(settingThatFails({ DOCUMENT_MAX_BYTES: '4096', QUOTA_DOCUMENT_BYTES: '4095' })).toBe('QUOTA_DOCUMENT_BYTES');
    expect(loadConfig({ DOCUMENT_MAX_BYTES: '4096', QUOTA_DOCUMENT_BYTES: '4096' }).quotas.documentBytes).toBe(4096);
  });
});
