/** What every approvals operation stands on, passed in by the service factory (and by tests). */
import type { Sequelize } from 'sequelize';
import type { Transaction } from '../../platform/db/sql.js';
import type { CommandRunner } from '../../platform/db/command.js';
import type { DecisionTerms } from '../programs/index.js';

/** What the approvals need from the programs module. */
export interface ProgramTerms {
  findDecisionTerms(programId: string, transaction?: Transaction): Promise<DecisionTerms | undefined>;
  officerGroupsOf(subject: string, transaction?: Transaction): Promise<string[]>;
}

export interface ApprovalsDeps {
  sequelize: Sequelize;
  commands: CommandRunner;
  programs: ProgramTerms;
  now: () => Date;
}
