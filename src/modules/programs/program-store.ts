/** What the program operations stand on: the database and the command runner. */
import type { Sequelize } from 'sequelize';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandRunner } from '../../platform/db/command.js';

export interface ProgramStore {
  sequelize: Sequelize;
  commands: CommandRunner;
}

/** Who asks: operations need the subject (for the audit), the name shown and the roles. */
export type Actor = Pick<Principal, 'subject' | 'username' | 'roles'>;
