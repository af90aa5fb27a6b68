/** What every applications operation stands on, passed in by the service factory (and by tests). */
import type { Sequelize } from 'sequelize';
import type { Transaction } from '../../platform/db/sql.js';
import type { CommandRunner } from '../../platform/db/command.js';
import type { SchemaValidator } from '../../platform/http/schema-validator.js';
import type { ProgramsService } from '../programs/index.js';
import type { StageOutcome } from './models.js';
import type { ReferenceKey } from './reference.js';
import type { RegistryService } from '../registry/index.js';
import type { VerifiedIdReader } from './lock-verified-fields.js';

/** What the applications module needs from the Document Store. */
export interface DocumentCatalog {
  /** Metadata of those of `ids` that exist and were uploaded by `ownerSubject`. */
  findOwnedBy(
    ids: string[],
    ownerSubject: string,
    transaction?: Transaction,
  ): Promise<Array<{ id: string; fileName: string; mediaType: string; sizeBytes: number }>>;
}

/** What the applications module needs from the approvals: the decided stages, as their applicant sees them. */
export interface StageOutcomeReader {
  /** The decided stages of each of these applications, by application id; absent ids have none. */
  outcomesOf(applicationIds: string[], transaction?: Transaction): Promise<Map<string, StageOutcome[]>>;
}

export interface ApplicationsDeps {
  sequelize: Sequelize;
  programs: ProgramsService;
  registry: RegistryService;
  documents: DocumentCatalog;
  stageOutcomes: StageOutcomeReader;
  schemas: SchemaValidator;
  commands: CommandRunner;
  now: () => Date;
  /** Drafts one applicant may have open at once (QUOTA_OPEN_DRAFTS). */
  maxOpenDrafts: number;
  /** Keys the permutation that turns application numbers into references (REFERENCE_KEY). */
  referenceKey: ReferenceKey;
  /** Hands out application numbers from blocks of the sequence (see reference.ts): one per service instance. */
  nextApplicationNumber: (transaction?: Transaction) => Promise<number>;
  /** The fields an applicant's verified ID QR vouched for; none when the identity module is not wired. */
  verifiedIds?: VerifiedIdReader;
}
