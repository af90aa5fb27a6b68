export { createRegistryService, type RegistryService, type SearchRegistrantsOptions } from './service.js';
export type { SearchRegistrantsResult } from './search-registrants.js';
export { checkBirthDates } from './birth-dates.js';
export { BANK_NUMBER_MESSAGE, checkPaymentAccount, MOBILE_NUMBER_MESSAGE, requireValidPaymentAccount } from './payment-accounts.js';
export type { RecordApplicantDetailsOptions, RecordApplicantDetailsResult } from './record-applicant-details.js';
export type { OwnRecordChange } from './list-changes-about-owner.js';
export type { AcceptProposedChangeOptions } from './accept-proposed-change.js';
export { addDuplicateSearch, addPaymentAccount, createRegistry, orderRegistrySearch, recordVerifiedFields } from './migrations.js';
export type { DuplicateMatch, PersonKind, RegistryPerson } from './find-duplicates.js';
export type { MatchedOn } from './duplicate-scores.js';
export { createRegistryHandlers } from './routes.js';
export {
  ageOn,
  type Registrant,
  type PersonDetails,
  type PaymentAccount,
  type FamilyMemberInput,
  type Gender,
  type IdType,
  type ProposedChange,
  type RegistryField,
  type RegistryValue,
} from './models.js';
export { eraseRegistrants } from './erase-registrants.js';
export { likePrefix, searchStatements } from './search-registrants.js';
export { findContactDetails, type ContactDetails } from './find-contact-details.js';
