export { createProgramsService, type ProgramsService, type ProgramsServiceOptions } from './service.js';
export type { ListProgramsOptions, ProgramPage } from './list-programs.js';
export { createProgramRoutes } from './routes.js';
export { createPrograms } from './migrations.js';
export { seedDemoProgram } from './seed.js';
export type { Program, Stage, Officer, CodedLabel, OfficerGroup } from './models.js';
