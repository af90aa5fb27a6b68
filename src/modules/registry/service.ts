/**
 * The registry: registrants (unique per ID type and value) and their family members. Every change
 * records who made it, when, and each field's value before and after. The fields an officer set or
 * confirmed are verified: an application proposes a change to them (kept with the application for its
 * first-stage officer) instead of overwriting them. Applications take a snapshot,
 * so later edits here never change what an officer sees on an application. Each operation has its own
 * file; this binds them to their dependencies for the routes and the applications module.
 */
import type { Sequelize } from 'sequelize';
import type { Transaction } from '../../platform/db/sql.js';
import type { CommandRunner } from '../../platform/db/command.js';
import { acceptProposedChange, type AcceptProposedChangeOptions } from './accept-proposed-change.js';
import { createRegistrant } from './create-registrant.js';
import type { Actor, RegistryDeps } from './deps.js';
import { findDuplicates } from './find-duplicates.js';
import { findRegistrantByIdentity } from './find-registrant-by-identity.js';
import { getRegistrant } from './get-registrant.js';
import { listChangesAboutOwner } from './list-changes-about-owner.js';
import { listRegistrantChanges } from './list-registrant-changes.js';
import { listRegistrantDuplicates } from './list-registrant-duplicates.js';
import { mergeRegistrants, type MergeRegistrantsOptions } from './merge-registrants.js';
import type { IdType, RegistrantInput, RegistrantPatch } from './models.js';
import { recordApplicantDetails, type RecordApplicantDetailsOptions } from './record-applicant-details.js';
import { searchRegistrants, type SearchRegistrantsOptions } from './search-registrants.js';
import { updateRegistrant } from './update-registrant.js';

export type { SearchRegistrantsOptions } from './search-registrants.js';

export interface RegistryServiceOptions {
  sequelize: Sequelize;
  commands: CommandRunner;
  now?: () => Date;
}

export function createRegistryService({ sequelize, commands, now = () => new Date() }: RegistryServiceOptions) {
  const deps: RegistryDeps = { sequelize, commands, now };
  return {
    createRegistrant: (actor: Actor, input: RegistrantInput) => createRegistrant(deps, actor, input),
    searchRegistrants: (reader: Actor, options: SearchRegistrantsOptions) => searchRegistrants(deps, reader, options),
    getRegistrant: (reader: Actor, id: string) => getRegistrant(deps, reader, id),
    findByIdentity: (idType: IdType, idValue: string) => findRegistrantByIdentity(deps, idType, idValue),
    updateRegistrant: (actor: Actor, id: string, patch: RegistrantPatch) => updateRegistrant(deps, actor, id, patch),
    listChanges: (reader: Actor, id: string) => listRegistrantChanges(deps, reader, id),
    /** The changes of a person's own record for their copy of it (the export): no officer named. */
    listChangesAboutOwner: (registrantId: string, ownerSubject: string) => listChangesAboutOwner(deps, registrantId, ownerSubject),
    recordApplicantDetails: (actor: Actor, options: RecordApplicantDetailsOptions, transaction: Transaction) =>
      recordApplicantDetails(deps, actor, options, transaction),
    acceptProposedChange: (actor: Actor, options: AcceptProposedChangeOptions, transaction: Transaction) =>
      acceptProposedChange(deps, actor, options, transaction),
    listDuplicates: (reader: Actor, id: string) => listRegistrantDuplicates(deps, reader, id),
    /** The likely duplicates of a registrant's people (no read recorded: the caller records its own). */
    findDuplicates: (registrantId: string, transaction?: Transaction) => findDuplicates(deps, registrantId, transaction),
    mergeRegistrants: (actor: Actor, options: MergeRegistrantsOptions, transaction: Transaction) =>
      mergeRegistrants(deps, actor, options, transaction),
  };
}

export type RegistryService = ReturnType<typeof createRegistryService>;
