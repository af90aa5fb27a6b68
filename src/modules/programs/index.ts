export { createProgramsService, type ProgramsService, type ProgramPage } from './service.js';
export { createProgramHandlers } from './routes.js';
export { createPrograms } from './migrations.js';
export { seedDemoProgram } from './seed.js';
export type { Program, Stage, Officer, CodedLabel, OfficerGroup } from './models.js';
