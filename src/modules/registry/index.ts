export { createRegistryService, type RegistryService } from './service.js';
export { checkBirthDates } from './birth-dates.js';
export type { RecordApplicantDetailsOptions, RecordApplicantDetailsResult } from './record-applicant-details.js';
export { createRegistryHandlers } from './routes.js';
export { createRegistry } from './migrations.js';
export { ageOn, type Registrant, type PersonDetails, type FamilyMemberInput, type IdType } from './models.js';
