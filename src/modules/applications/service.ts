/**
 * Applications for immediate assistance. Submitting checks the program and the input, links the
 * applicant to the registry by the national ID in their token, and stores a snapshot of what was
 * sent and of the program's stages, all in one transaction with one audit/outbox event. Drafts are
 * saved as they stand and checked in full only when submitted. Each operation has its own file;
 * this binds them to their dependencies for the routes, the pages and the Document Store.
 */
import type { Sequelize } from 'sequelize';
import type { Principal } from '../../platform/auth/principal.js';
import type { CommandRunner } from '../../platform/db/command.js';
import type { PageRequest, Transaction } from '../../platform/db/sql.js';
import type { SchemaValidator } from '../../platform/http/schema-validator.js';
import type { ProgramsService } from '../programs/index.js';
import type { RegistryService } from '../registry/index.js';
import type { ApplicationsDeps, DocumentCatalog, StageOutcomeReader } from './deps.js';
import { decideRegistryProposal, type DecideRegistryProposalOptions } from './decide-registry-proposal.js';
import { discardDraft } from './discard-draft.js';
import { getApplication } from './get-application.js';
import { getDraft } from './get-draft.js';
import { listApplications, type ListApplicationsOptions } from './list-applications.js';
import { listDrafts } from './list-drafts.js';
import { listOwnRecords } from './list-own-records.js';
import { listRegistryProposals } from './list-registry-proposals.js';
import type { ApplicationDraftInput, ApplicationInput } from './models.js';
import { createApplicationNumbers, type ReferenceKey } from './reference.js';
import { saveDraft } from './save-draft.js';
import { startDraft } from './start-draft.js';
import { submitApplication } from './submit-application.js';
import { submitDraft } from './submit-draft.js';
import { documentsKeptBySubmissions } from './documents-kept.js';
import { mayOfficerReadDocument } from './visibility.js';
import type { VerifiedIdReader } from './lock-verified-fields.js';

export type { ListApplicationsOptions } from './list-applications.js';
export type { Submitted } from './submit-application.js';
export type { DecideRegistryProposalOptions } from './decide-registry-proposal.js';

export interface ApplicationsServiceOptions {
  sequelize: Sequelize;
  programs: ProgramsService;
  registry: RegistryService;
  documents: DocumentCatalog;
  /** The decided stages, from the approvals module (bound in the composition root). */
  stageOutcomes: StageOutcomeReader;
  schemas: SchemaValidator;
  commands: CommandRunner;
  referenceKey: ReferenceKey;
  /** Drafts one applicant may have open at once (QUOTA_OPEN_DRAFTS). */
  maxOpenDrafts: number;
  now?: () => Date;
  /** The fields an applicant's verified ID QR vouched for (the identity module, bound in the composition root). */
  verifiedIds?: VerifiedIdReader;
}

export function createApplicationsService(options: ApplicationsServiceOptions) {
  const deps: ApplicationsDeps = {
    ...options,
    now: options.now ?? (() => new Date()),
    nextApplicationNumber: createApplicationNumbers(options.sequelize),
  };
  return {
    /** Drafts one applicant may have open at once, for the portal's message. */
    maxOpenDrafts: deps.maxOpenDrafts,
    submitApplication: (actor: Principal, input: ApplicationInput, idempotencyKey?: string) =>
      submitApplication(deps, actor, input, idempotencyKey),
    startDraft: (actor: Principal, input: ApplicationDraftInput) => startDraft(deps, actor, input),
    saveDraft: (actor: Principal, id: string, input: ApplicationDraftInput) => saveDraft(deps, actor, id, input),
    getDraft: (actor: Principal, id: string) => getDraft(deps, actor, id),
    listDrafts: (actor: Principal, page: PageRequest) => listDrafts(deps, actor, page),
    discardDraft: (actor: Principal, id: string) => discardDraft(deps, actor, id),
    submitDraft: (actor: Principal, id: string, idempotencyKey?: string) => submitDraft(deps, actor, id, idempotencyKey),
    listApplications: (actor: Principal, options: ListApplicationsOptions) => listApplications(deps, actor, options),
    getApplication: (actor: Principal, id: string) => getApplication(deps, actor, id),
    /** Every application of `subject`, drafts too, with decided stages and proposals: their own copy (the export). */
    listOwnRecords: (subject: string) => listOwnRecords(deps, subject),
    listRegistryProposals: (actor: Principal, id: string) => listRegistryProposals(deps, actor, id),
    decideRegistryProposal: (actor: Principal, options: DecideRegistryProposalOptions) => decideRegistryProposal(deps, actor, options),
    mayOfficerReadDocument: (documentId: string, actor: Principal) => mayOfficerReadDocument(deps, documentId, actor),
    documentsKeptBySubmissions: (ownerSubject: string, transaction?: Transaction) =>
      documentsKeptBySubmissions(deps, ownerSubject, transaction),
  };
}

export type ApplicationsService = ReturnType<typeof createApplicationsService>;
