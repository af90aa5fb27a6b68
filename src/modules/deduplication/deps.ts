/** What every deduplication operation stands on, passed in by the service factory (and by tests). */
import type { Sequelize } from 'sequelize';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandRunner, DomainEvent } from '../../platform/db/command.js';
import type { Transaction } from '../../platform/db/sql.js';
import type { FirstStageHold } from '../approvals/index.js';
import type { DuplicateMatch } from '../registry/index.js';

/** What deduplication needs from the registry. */
export interface DuplicateRegistry {
  findDuplicates(registrantId: string, transaction?: Transaction): Promise<DuplicateMatch[]>;
  /** Returns the events to record. */
  mergeRegistrants(actor: Principal, options: { keptId: string; mergedId: string }, transaction: Transaction): Promise<DomainEvent[]>;
}

/** What deduplication needs from the approvals: who holds an application's first stage. */
export interface FirstStageHolder {
  holdFirstStage(actor: Principal, applicationId: string, transaction: Transaction): Promise<FirstStageHold>;
}

export interface DeduplicationDeps {
  sequelize: Sequelize;
  commands: CommandRunner;
  registry: DuplicateRegistry;
  approvals: FirstStageHolder;
  now: () => Date;
}
