/** What every signals operation stands on, passed in by the service factory (and by tests). */
import type { Sequelize } from 'sequelize';
import type { CommandRunner } from '../../platform/db/command.js';
import type { LinkRefusal } from '../identity/index.js';

/** What signals need from identity: when an account was refused an ID another account holds. */
export interface LinkRefusalSource {
  findLinkRefusals(subject: string): Promise<LinkRefusal[]>;
}

export interface SignalsDeps {
  sequelize: Sequelize;
  commands: CommandRunner;
  now: () => Date;
  /** Absent: no application has the id-linked-elsewhere signal. */
  linkRefusals?: LinkRefusalSource;
}
