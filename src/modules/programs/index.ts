export { createProgramsService, type ProgramsService, type ProgramsServiceOptions } from './service.js';
export type { ListProgramsOptions, ProgramPage } from './list-programs.js';
export { createProgramHandlers } from './routes.js';
export { addProgramTimeZone, createPrograms, storeOfficersBySubject } from './migrations.js';
export { seedDemoProgram } from './seed.js';
export type { Program, OpenProgram, Stage, Officer, OfficerInput, CodedLabel, OfficerGroup, OfficerGroupMember } from './models.js';
export type { DecisionTerms } from './find-decision-terms.js';
