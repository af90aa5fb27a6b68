/** What every identity operation stands on, passed in by the service factory (and by tests). */
import type { Sequelize } from 'sequelize';
import type { CommandRunner } from '../../platform/db/command.js';
import type { TrustedIdIssuer } from './trusted-issuer.js';

export interface IdentityDeps {
  sequelize: Sequelize;
  commands: CommandRunner;
  now: () => Date;
  /** The issuers set in the environment (ID_TRUSTED_ISSUERS). */
  settingsIssuers: readonly TrustedIdIssuer[];
  /** AES-GCM keys for encrypted ID codes (ID_QR_DECRYPTION_KEYS). */
  decryptionKeys: readonly Uint8Array[];
}
