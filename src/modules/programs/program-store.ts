/** What the program operations stand on: the database, the command runner and the identity provider's users. */
import type { Sequelize } from 'sequelize';
import type { Principal } from '../../platform/auth/principal.js';
import type { UserDirectory } from '../../platform/auth/user-directory.js';
import type { CommandRunner } from '../../platform/db/command.js';

export interface ProgramStore {
  sequelize: Sequelize;
  commands: CommandRunner;
  /** Checks the people designated as officers. */
  directory: UserDirectory;
}

/** Who asks: operations need the subject (for the audit), the name shown and the roles. */
export type Actor = Pick<Principal, 'subject' | 'username' | 'roles'>;
