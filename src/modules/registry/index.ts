export { createRegistryService, checkBirthDates, type RegistryService, type RecordApplicantOptions } from './service.js';
export { createRegistryHandlers } from './routes.js';
export { createRegistry } from './migrations.js';
export type { Registrant, PersonDetails, FamilyMemberInput, IdType } from './models.js';
