/** What every approvals operation stands on, passed in by the service factory (and by tests). */
import type { Sequelize } from 'sequelize';
import type { Transaction } from '../../platform/db/sql.js';
import type { CommandRunner } from '../../platform/db/command.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { CheckedOfficer, DecisionTerms, OfficerInput, Program, StoredOfficer } from '../programs/index.js';

/** What the approvals need from the programs module. */
export interface ProgramTerms {
  /** The program with its stage list and officers' names; 404 when the caller may not see it. */
  getProgram(actor: Principal, programId: string): Promise<Program>;
  findDecisionTerms(programId: string, transaction?: Transaction): Promise<DecisionTerms | undefined>;
  officerGroupsOf(subject: string, transaction?: Transaction): Promise<string[]>;
  /** Looks a named officer up in the directory (400 as the stage editor, when unknown or not an officer). */
  checkOfficer(officer: OfficerInput, path: string): Promise<CheckedOfficer>;
  /** Inside a command: the group exists (400 otherwise), the person's name is kept; the officer as stored. */
  designateOfficer(checked: CheckedOfficer, transaction: Transaction): Promise<StoredOfficer>;
}

export interface ApprovalsDeps {
  sequelize: Sequelize;
  commands: CommandRunner;
  programs: ProgramTerms;
  now: () => Date;
}
