import type { Principal } from '../../platform/auth/principal.js';

/**
 * Whether an officer may read a document because it belongs to an application of a program they work
 * on. The applications module knows that; this module only asks. Asked for every reader who is neither
 * the document's owner nor an auditor, so answer true only for an officer of such a program.
 */
export interface DocumentReadPolicy {
  mayOfficerRead(documentId: string, principal: Principal): Promise<boolean>;
}

/** Until documents can be attached to applications, no officer reads them through a program. */
export const NO_OFFICER_READS: DocumentReadPolicy = {
  mayOfficerRead: async () => false,
};
