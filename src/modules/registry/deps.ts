/** What every registry operation stands on: the database, the one command path and a clock. */
import type { Sequelize } from 'sequelize';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandRunner } from '../../platform/db/command.js';

export interface RegistryDeps {
  sequelize: Sequelize;
  commands: CommandRunner;
  now: () => Date;
}

/** Who enrols, changes or reads a registrant: recorded by subject, shown by user name. */
export type Actor = Pick<Principal, 'subject' | 'username'>;
