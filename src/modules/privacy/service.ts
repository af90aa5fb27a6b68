/**
 * A person's rights over their data: for now, the export of everything the service holds about them. It reads
 * through the other modules' doors (bound in the composition root), never their tables.
 */
import type { Principal } from '../../platform/auth/principal.js';
import type { PersonDataSources, PrivacyDeps } from './deps.js';
import { exportPersonData } from './export-person-data.js';

export interface PrivacyServiceOptions {
  sources: PersonDataSources;
  recordAccess: PrivacyDeps['recordAccess'];
  now?: () => Date;
}

export function createPrivacyService(options: PrivacyServiceOptions) {
  const deps: PrivacyDeps = { ...options, now: options.now ?? (() => new Date()) };
  return {
    exportPersonData: (person: Principal) => exportPersonData(deps, person),
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
