export { createRegistryService, type RegistryService } from './service.js';
export { checkBirthDates } from './birth-dates.js';
export type { RecordApplicantDetailsOptions, RecordApplicantDetailsResult } from './record-applicant-details.js';
export { createRegistryRoutes } from './routes.js';
export { createRegistry } from './migrations.js';
export type { Registrant, PersonDetails, FamilyMemberInput, IdType } from './models.js';
