/** Verification of what scanners read: binds the operation to its dependencies for the routes and the pages. */
import type { Principal } from '../../platform/auth/principal.js';
import type { VerificationDeps } from './deps.js';
import { verifyScan, type ScanInput } from './verify-scan.js';

export function createVerificationService(deps: VerificationDeps) {
  return {
    verifyScan: (input: ScanInput, reader?: Principal) => verifyScan(deps, input, reader),
  };
}

export type VerificationService = ReturnType<typeof createVerificationService>;
