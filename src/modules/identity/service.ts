/**
 * Identity: an applicant's account linked to their ID by the verified QR code of that ID (MOSIP Claim 169), with
 * the verified fields that pre-fill and lock their applications; and the trusted ID issuers.
 */
import type { Sequelize } from 'sequelize';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandRunner } from '../../platform/db/command.js';
import type { IdentityDeps } from './deps.js';
import type { Transaction } from '../../platform/db/sql.js';
import { findLinkRefusals } from './find-link-refusals.js';
import { checkIdQr, findLinkedIdNumber, linkVerifiedId, readLinkedId, readVerifiedFields, type IdQrInput } from './link-verified-id.js';
import type { TrustedIdIssuer } from './trusted-issuer.js';
import {
  createIdIssuer,
  deleteIdIssuer,
  getIdIssuer,
  listIdIssuers,
  updateIdIssuer,
  type TrustedIdIssuerInput,
  type TrustedIdIssuerUpdate,
} from './trusted-issuers.js';

export interface IdentityServiceOptions {
  sequelize: Sequelize;
  commands: CommandRunner;
  settingsIssuers?: readonly TrustedIdIssuer[];
  decryptionKeys?: readonly Uint8Array[];
  now?: () => Date;
}

export function createIdentityService(options: IdentityServiceOptions) {
  const deps: IdentityDeps = {
    sequelize: options.sequelize,
    commands: options.commands,
    now: options.now ?? (() => new Date()),
    settingsIssuers: options.settingsIssuers ?? [],
    decryptionKeys: options.decryptionKeys ?? [],
  };
  return {
    linkVerifiedId: (actor: Principal, input: IdQrInput) => linkVerifiedId(deps, actor, input),
    /** The checks of an ID QR alone, linking nothing (the benchmark's server-side figure without the account). */
    checkIdQr: (text: string) => checkIdQr(deps, text),
    readLinkedId: (subject: string) => readLinkedId(deps, subject),
    readVerifiedFields: (subject: string, transaction?: Transaction) => readVerifiedFields(deps, subject, transaction),
    findLinkedIdNumber: (subject: string) => findLinkedIdNumber(deps, subject),
    /** When an account was refused an ID another account holds (the first-stage officer's signal). */
    findLinkRefusals: (subject: string) => findLinkRefusals(deps, subject),
    listIdIssuers: (reader: Principal) => listIdIssuers(deps, reader),
    getIdIssuer: (reader: Principal, id: string) => getIdIssuer(deps, reader, id),
    createIdIssuer: (actor: Principal, input: TrustedIdIssuerInput) => createIdIssuer(deps, actor, input),
    updateIdIssuer: (actor: Principal, id: string, update: TrustedIdIssuerUpdate) => updateIdIssuer(deps, actor, id, update),
    deleteIdIssuer: (actor: Principal, id: string) => deleteIdIssuer(deps, actor, id),
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
