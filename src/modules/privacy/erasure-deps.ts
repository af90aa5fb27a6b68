/** What the erasure operations stand on, passed in by the composition root (and by tests). */
import type { Sequelize } from 'sequelize';
import type { CommandRunner } from '../../platform/db/command.js';
import type { DocumentStore } from '../documents/index.js';

export interface ErasureDeps {
  sequelize: Sequelize;
  commands: CommandRunner;
  /** The Document Store whose rows and bytes erasure reaches through the documents module's door. */
  documents: DocumentStore;
  now: () => Date;
  newId: () => string;
}
