export { createRegistryService, type RegistryService } from './service.js';
export { checkBirthDates } from './birth-dates.js';
export type { RecordApplicantDetailsOptions, RecordApplicantDetailsResult } from './record-applicant-details.js';
export type { AcceptProposedChangeOptions } from './accept-proposed-change.js';
export { createRegistry, recordVerifiedFields } from './migrations.js';
export { createRegistryHandlers } from './routes.js';
export {
  ageOn,
  type Registrant,
  type PersonDetails,
  type FamilyMemberInput,
  type IdType,
  type ProposedChange,
  type RegistryField,
  type RegistryValue,
} from './models.js';
