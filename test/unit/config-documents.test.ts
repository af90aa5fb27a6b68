import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { loadConfig, PROJECT_ROOT } from '../../src/config.js';
import { settingThatFails } from '../support/config-errors.js';

const S3 = {
  DOCUMENT_STORAGE: 's3',
  S3_ENDPOINT: 'http://127.0.0.1:9000/',
  S3_BUCKET: 'iaod-documents',
  S3_REGION: 'us-east-1',
  S3_ACCESS_KEY_ID: 'minio',
  S3_SECRET_ACCESS_KEY: 'minio-secret',
};

describe('loadConfig: documents', () => {
  it('keeps documents in .data/documents, up to 10 MiB, by default', () => {
    expect(loadConfig({}).documents).toEqual({
      maxBytes: 10 * 1024 * 1024,
      storage: { kind: 'local', root: path.join(PROJECT_ROOT, '.data', 'documents') },
    });
  });

  it('takes another folder and cap', () => {
    const { documents } = loadConfig({ DOCUMENT_DIR: '/srv/iaod/documents', DOCUMENT_MAX_BYTES: '2048' });
    expect(documents).toEqual({ maxBytes: 2048, storage: { kind: 'local', root: '/srv/iaod/documents' } });
  });

  it('names the setting when the cap or the storage kind is wrong', () => {
    expect(settingThatFails({ DOCUMENT_MAX_BYTES: 'ten megabytes' })).toBe('DOCUMENT_MAX_BYTES');
    expect(settingThatFails({ DOCUMENT_MAX_BYTES: '0' })).toBe('DOCUMENT_MAX_BYTES');
    expect(settingThatFails({ DOCUMENT_STORAGE: 'ftp' })).toBe('DOCUMENT_STORAGE');
  });

  it('reads the S3 settings when DOCUMENT_STORAGE=s3', () => {
    expect(loadConfig({ ...S3, S3_FORCE_PATH_STYLE: 'true' }).documents.storage).toEqual({
      kind: 's3',
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'iaod-documents',
      region: 'us-east-1',
      accessKeyId: 'minio',
      secretAccessKey: 'minio-secret',
      forcePathStyle: true,
    });
  });

  it.each(['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'])(
    'requires %s when DOCUMENT_STORAGE=s3',
    (name) => {
      expect(settingThatFails({ ...S3, [name]: '' })).toBe(name);
    },
  );

  it('names the S3 setting that is malformed', () => {
    expect(settingThatFails({ ...S3, S3_ENDPOINT: 's3.example.org' })).toBe('S3_ENDPOINT');
    expect(settingThatFails({ ...S3, S3_BUCKET: 'Not_A_Bucket' })).toBe('S3_BUCKET');
    expect(settingThatFails({ ...S3, S3_FORCE_PATH_STYLE: 'sometimes' })).toBe('S3_FORCE_PATH_STYLE');
  });
});
