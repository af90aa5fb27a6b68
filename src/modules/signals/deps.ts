/** What every signals operation stands on, passed in by the service factory (and by tests). */
import type { Sequelize } from 'sequelize';
import type { CommandRunner } from '../../platform/db/command.js';

export interface SignalsDeps {
  sequelize: Sequelize;
  commands: CommandRunner;
  now: () => Date;
}
