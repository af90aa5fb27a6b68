export { createProgramsService, type ProgramsService, type ProgramsServiceOptions } from './service.js';
export type { ListProgramsOptions, ProgramPage } from './list-programs.js';
export { createProgramHandlers } from './routes.js';
export {
  addProgramTimeZone,
  addStageChecklists,
  addVoucherIssuanceMode,
  addVoucherTemplates,
  createPrograms,
  storeOfficersBySubject,
} from './migrations.js';
export { seedDemoProgram } from './seed.js';
export type { Program, OpenProgram, Stage, Officer, OfficerInput, CodedLabel, OfficerGroup, OfficerGroupMember } from './models.js';
export type { DecisionTerms } from './find-decision-terms.js';
export type { CheckedOfficer } from './designate-officer.js';
export type { StoredOfficer } from './officers.js';
export type { PrintableVoucherTemplate } from './get-voucher-template.js';
export { VOUCHER_FIELDS, VOUCHER_LOGO_MAX_BYTES } from './voucher-template.js';
export type { VoucherTemplate, VoucherTemplateInput, VoucherField } from './voucher-template.js';
export { findOfficerGroupMembers } from './officer-group-members.js';
export { programExists } from './program-exists.js';
