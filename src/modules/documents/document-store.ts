/** What the document operations stand on: the database, the blob storage, the size cap and a clock. */
import { randomUUID } from 'node:crypto';
import type { Sequelize } from 'sequelize';
import type { DocumentsConfig } from '../../config.js';
import type { components } from '../../generated/openapi.js';
import { createLocalDocumentStorage } from './local-storage.js';
import type { CommandRunner } from '../../platform/db/command.js';
import type { DocumentRow } from './models.js';
import { createS3DocumentStorage } from './s3-storage.js';
import type { DocumentStorage } from './storage.js';
import type { DocumentQuotaPolicy, UploadQuota } from './upload-quota.js';

export type DocumentMetadata = components['schemas']['Document'];

export interface DocumentStore {
  sequelize: Sequelize;
  commands: CommandRunner;
  storage: DocumentStorage;
  /** Largest document accepted, in bytes. */
  maxBytes: number;
  /** What one uploader may keep outside submitted applications. */
  quota: UploadQuota;
  now: () => Date;
  newId: () => string;
}

export interface CreateDocumentStoreOptions {
  config: DocumentsConfig;
  /** Bytes of documents no submitted application keeps, per uploader (QUOTA_DOCUMENT_BYTES). */
  quotaBytes: number;
  /** Which documents the quota leaves out: those of submitted applications. */
  quotaPolicy: DocumentQuotaPolicy;
  sequelize: Sequelize;
  commands: CommandRunner;
  /** Replaces the adapter the configuration names (tests, or a storage built elsewhere). */
  storage?: DocumentStorage;
  now?: () => Date;
}

/** The adapter the configuration names: a local folder by default, an S3-compatible bucket with DOCUMENT_STORAGE=s3. */
export function createDocumentStorage(config: DocumentsConfig['storage']): DocumentStorage {
  if (config.kind === 'local') return createLocalDocumentStorage({ root: config.root });
  const { kind: _kind, ...s3 } = config;
  return createS3DocumentStorage(s3);
}

export function createDocumentStore(options: CreateDocumentStoreOptions): DocumentStore {
  return {
    sequelize: options.sequelize,
    commands: options.commands,
    storage: options.storage ?? createDocumentStorage(options.config.storage),
    maxBytes: options.config.maxBytes,
    quota: { maxBytes: options.quotaBytes, policy: options.quotaPolicy },
    now: options.now ?? (() => new Date()),
    newId: randomUUID,
  };
}

export function toDocumentMetadata(row: DocumentRow): DocumentMetadata {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    kind: row.kind,
    createdAt: row.created_at.toISOString(),
  };
}
