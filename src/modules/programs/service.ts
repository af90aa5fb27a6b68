/**
 * Programs: what applicants apply to, with an ordered list of stages, each with a designated officer
 * (a user, known by subject, or a group). Every change checks the version the caller read (409 when stale), runs
 * in one transaction and writes one audit/outbox event. Running applications keep the stage list they
 * started with; editing here never reaches them.
 *
 * Each operation lives in its own file; this factory only binds them to one store.
 */
import type { Sequelize } from 'sequelize';
import type { Transaction } from '../../platform/db/sql.js';
import type { UserDirectory } from '../../platform/auth/user-directory.js';
import type { CommandRunner } from '../../platform/db/command.js';
import { addStage } from './add-stage.js';
import { createProgram } from './create-program.js';
import { checkOfficer, designateOfficer, type CheckedOfficer } from './designate-officer.js';
import { findDecisionTerms } from './find-decision-terms.js';
import { findOpenProgram } from './find-open-program.js';
import { getProgram } from './get-program.js';
import { getVoucherTemplate, readPrintableVoucherTemplate } from './get-voucher-template.js';
import { listOfficerGroups } from './list-officer-groups.js';
import { listPrograms, type ListProgramsOptions } from './list-programs.js';
import type { OfficerGroupInput, OfficerInput, ProgramInput, ProgramPatch, StageInput, StagePatch } from './models.js';
import type { Actor, ProgramStore } from './program-store.js';
import { programTimeZones } from './program-time-zones.js';
import { officerGroupsOf } from './officer-groups-of.js';
import { programsOfficiatedBy } from './programs-officiated-by.js';
import { removeStage } from './remove-stage.js';
import { removeVoucherLogo, setVoucherLogo } from './set-voucher-logo.js';
import { saveOfficerGroup } from './save-officer-group.js';
import { updateProgram } from './update-program.js';
import { updateStage } from './update-stage.js';
import { updateVoucherTemplate } from './update-voucher-template.js';
import type { VoucherTemplateInput } from './voucher-template.js';

export interface ProgramsServiceOptions {
  sequelize: Sequelize;
  commands: CommandRunner;
  /** The identity provider's users: designated officers are checked there. */
  directory: UserDirectory;
}

export function createProgramsService({ sequelize, commands, directory }: ProgramsServiceOptions) {
  const store: ProgramStore = { sequelize, commands, directory };
  return {
    createProgram: (actor: Actor, input: ProgramInput) => createProgram(store, actor, input),
    listPrograms: (actor: Actor, options: ListProgramsOptions) => listPrograms(store, actor, options),
    getProgram: (actor: Actor, id: string) => getProgram(store, actor, id),
    updateProgram: (actor: Actor, id: string, patch: ProgramPatch) => updateProgram(store, actor, id, patch),
    addStage: (actor: Actor, programId: string, input: StageInput) => addStage(store, actor, programId, input),
    updateStage: (actor: Actor, programId: string, stageId: string, patch: StagePatch) =>
      updateStage(store, actor, programId, stageId, patch),
    removeStage: (actor: Actor, programId: string, stageId: string, version: number) =>
      removeStage(store, actor, programId, stageId, version),
    listOfficerGroups: () => listOfficerGroups(store),
    saveOfficerGroup: (actor: Actor, code: string, input: OfficerGroupInput) => saveOfficerGroup(store, actor, code, input),
    findOpenProgram: (id: string, transaction?: Transaction) => findOpenProgram(store, id, transaction),
    programsOfficiatedBy: (subject: string, transaction?: Transaction) => programsOfficiatedBy(store, subject, transaction),
    programTimeZones: (programIds: string[]) => programTimeZones(store, programIds),
    findDecisionTerms: (id: string, transaction?: Transaction) => findDecisionTerms(store, id, transaction),
    officerGroupsOf: (subject: string, transaction?: Transaction) => officerGroupsOf(store, subject, transaction),
    checkOfficer: (officer: OfficerInput, path: string) => checkOfficer(store, officer, path),
    designateOfficer: (checked: CheckedOfficer, transaction: Transaction) => designateOfficer(store, checked, transaction),
    getVoucherTemplate: (actor: Actor, programId: string) => getVoucherTemplate(store, actor, programId),
    updateVoucherTemplate: (actor: Actor, programId: string, input: VoucherTemplateInput) =>
      updateVoucherTemplate(store, actor, programId, input),
    setVoucherLogo: (actor: Actor, programId: string, bytes: Buffer) => setVoucherLogo(store, actor, programId, bytes),
    removeVoucherLogo: (actor: Actor, programId: string) => removeVoucherLogo(store, actor, programId),
    /** For the voucher printer: the template with the logo's bytes (no role check: it prints issued vouchers). */
    readPrintableVoucherTemplate: (programId: string, transaction?: Transaction) =>
      readPrintableVoucherTemplate(store, programId, transaction),
  };
}

export type ProgramsService = ReturnType<typeof createProgramsService>;
